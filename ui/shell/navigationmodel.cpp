// SPDX-License-Identifier: GPL-2.0-or-later
#include "navigationmodel.h"

#include "ui/shell/page.h"

namespace Oobm::Gui {

NavigationModel::NavigationModel(QObject *parent)
    : QStandardItemModel(parent)
{ }

NavigationModel::~NavigationModel() = default;

void NavigationModel::addPage(Page *page, const QString &parentId)
{
    auto *item = new QStandardItem(page->icon(), page->title());
    item->setData(page->id(), PageIdRole);
    item->setToolTip(page->summary());
    item->setEditable(false);
    if (parentId.isEmpty()) {
        appendRow(item);
        return;
    }
    const QModelIndex parent = indexForId(parentId);
    Q_ASSERT_X(parent.isValid(), "NavigationModel::addPage", "parent node must be added first");
    itemFromIndex(parent)->appendRow(item);
}

QModelIndex NavigationModel::indexForId(const QString &id) const
{
    const QModelIndexList found = match(index(0, 0), PageIdRole, id, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.value(0);
}

QString NavigationModel::idForIndex(const QModelIndex &index) const
{
    return index.data(PageIdRole).toString();
}

QString NavigationModel::pathForId(const QString &id) const
{
    QStringList parts;
    for (QModelIndex i = indexForId(id); i.isValid(); i = i.parent())
        parts.prepend(i.data(Qt::DisplayRole).toString());
    return parts.join(QStringLiteral(" > "));
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "folderpage.h"

#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace Oobm::Gui {

FolderPage::FolderPage(const QString &id, const QString &title, const QString &summary, QObject *parent)
    : Page(parent)
    , m_id(id)
    , m_title(title)
    , m_summary(summary)
{ }

FolderPage::~FolderPage() = default;

QIcon FolderPage::icon() const
{
    return themedIcon(QStringLiteral("folder"));
}

void FolderPage::addChild(Page *child)
{
    m_children.append(child);
}

QWidget *FolderPage::createWidget(QWidget *parent)
{
    auto *w = new QWidget(parent);
    // A handful of fixed entries: a list widget is the right tool here, not a model.
    auto *list = new QListWidget(w);
    list->setObjectName(QStringLiteral("folderContents"));
    list->setIconSize(QSize(24, 24));
    list->setSpacing(2);
    for (const Page *child : std::as_const(m_children)) {
        auto *item = new QListWidgetItem(child->icon(), child->title(), list);
        item->setData(Qt::UserRole, child->id());
        item->setToolTip(child->summary());
        if (!child->summary().isEmpty())
            item->setText(child->title() + QStringLiteral("\n    ") + child->summary());
    }
    if (list->count() > 0)
        list->setCurrentRow(0);
    connect(list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT openRequested(item->data(Qt::UserRole).toString()); });

    auto *hint = new QLabel(tr("Double-click an entry, or select it and press Enter, to open it."), w);
    hint->setEnabled(false);

    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(icon(), m_title, m_summary, w));
    layout->addWidget(list, 1);
    layout->addWidget(hint);
    return w;
}

} // namespace Oobm::Gui

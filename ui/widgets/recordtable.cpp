// SPDX-License-Identifier: GPL-2.0-or-later
#include "recordtable.h"

#include "core/settings/localsettings.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>

namespace Oobm::Gui {

void setUpRecordTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionsMovable(true);
}

QTableView *createListTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    setUpRecordTable(view);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return view;
}

int selectedRow(const QAbstractItemView *view)
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void rememberHeader(QTableView *view, Core::LocalSettings *settings, const QString &key)
{
    if (!settings)
        return;
    QHeaderView *header = view->horizontalHeader();
    if (header->restoreState(settings->bytes(key)) && view->isSortingEnabled())
        view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    const auto save = [view, settings, key] { settings->setValue(key, view->horizontalHeader()->saveState()); };
    QObject::connect(header, &QHeaderView::sectionResized, view, save);
    QObject::connect(header, &QHeaderView::sectionMoved, view, save);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, view, save);
}

void rememberSplitter(QSplitter *splitter, Core::LocalSettings *settings, const QString &key)
{
    if (!settings)
        return;
    splitter->restoreState(settings->bytes(key));
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter,
                     [splitter, settings, key] { settings->setValue(key, splitter->saveState()); });
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "recordtable.h"

#include <QHeaderView>
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

} // namespace Oobm::Gui

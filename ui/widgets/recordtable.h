// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QAbstractItemModel;
class QAbstractItemView;
class QSplitter;
class QString;
class QTableView;
class QWidget;

namespace Oobm::Core {
class LocalSettings;
}

namespace Oobm::Gui {

// The look every record table shares (systems, hellos, steps, profiles, audit): whole rows
// selected, alternating rows, one line per row at the font's height, no row numbers, movable
// columns, the last one stretched.
void setUpRecordTable(QTableView *view);

// A record table over model for a list one edits a row at a time (profiles, certificates, rules):
// one row selected at a time, and the actions added to the table are its context menu.
QTableView *createListTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent);

// The first selected row of view, or -1 when none is.
int selectedRow(const QAbstractItemView *view);

// Keeps the table's column widths, order and sort (a sortable view) under key in the local
// settings: restored now, saved whenever they change. settings may be null (tests).
void rememberHeader(QTableView *view, Core::LocalSettings *settings, const QString &key);
// The same for a splitter's sizes.
void rememberSplitter(QSplitter *splitter, Core::LocalSettings *settings, const QString &key);

} // namespace Oobm::Gui

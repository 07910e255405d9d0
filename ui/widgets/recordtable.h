// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QTableView;

namespace Oobm::Gui {

// The look every record table shares (systems, hellos, steps, profiles, audit): whole rows
// selected, alternating rows, one line per row at the font's height, no row numbers, movable
// columns, the last one stretched.
void setUpRecordTable(QTableView *view);

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLabel>

namespace Oobm::Gui {

// The line under a form that says what is wrong with it and what to do ("Give the task a name."):
// the same in every dialog and page. Red, wrapped, selectable so it can be copied into a ticket,
// and named "problem" so tests find it. Empty when nothing is wrong.
class ProblemLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit ProblemLabel(QWidget *parent = nullptr);
};

} // namespace Oobm::Gui

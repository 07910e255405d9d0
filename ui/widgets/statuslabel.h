// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLabel>

namespace Oobm::Gui {

// The line under a page's table that says how its last action went ("Deleted the collection
// Lab."), red when it failed. Wrapped and selectable; hidden while it has nothing to say, so an
// idle page gives the room to its table.
class StatusLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit StatusLabel(const QString &objectName, QWidget *parent = nullptr);

    void setStatus(const QString &text, bool error = false);
};

} // namespace Oobm::Gui

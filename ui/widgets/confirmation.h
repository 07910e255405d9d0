// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

class QWidget;

namespace Oobm::Gui {

// What a confirmation asks before a destructive or far-reaching action: delete, power off a
// fleet, cancel a run.
struct Confirmation
{
    QString objectName; // of the message box, so tests find it ("confirmDelete", "confirmRun")
    QMessageBox::Icon icon = QMessageBox::Question;
    QString title;
    QString text;
    QString action; // the text of the button that goes ahead ("Delete", "Power off")
    // The button that does nothing, which is also the default, so Enter never destroys.
    QMessageBox::StandardButton keep = QMessageBox::Cancel;
};

// Asks c window-modal over parent without waiting for the answer (no nested event loop), and
// calls onConfirmed, in parent's thread and only while parent lives, if the user presses the
// action button (its object name is "confirm"). The box deletes itself when it closes.
void askToConfirm(QWidget *parent, const Confirmation &c, std::function<void()> onConfirmed);

} // namespace Oobm::Gui

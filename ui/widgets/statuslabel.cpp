// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/statuslabel.h"

namespace Oobm::Gui {

StatusLabel::StatusLabel(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void StatusLabel::setStatus(const QString &text, bool error)
{
    QPalette p = parentWidget() ? parentWidget()->palette() : palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    setPalette(p);
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/problemlabel.h"

namespace Oobm::Gui {

ProblemLabel::ProblemLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("problem"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    setPalette(p);
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "page.h"

#include <QWidget>

namespace Oobm::Gui {

Page::Page(QObject *parent)
    : QObject(parent)
{ }

Page::~Page() = default;

QWidget *Page::widget(QWidget *parent)
{
    if (m_widget.isNull()) {
        m_widget = createWidget(parent);
        m_widget->setObjectName(id() + QStringLiteral("-page"));
    }
    return m_widget;
}

} // namespace Oobm::Gui

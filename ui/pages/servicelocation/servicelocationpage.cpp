// SPDX-License-Identifier: GPL-2.0-or-later
#include "servicelocationpage.h"

#include "ui/pages/servicelocation/servicelocationwidget.h"
#include "ui/shell/icons.h"

namespace Oobm::Gui {

ServiceLocationPage::ServiceLocationPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

ServiceLocationPage::~ServiceLocationPage() = default;

QString ServiceLocationPage::title() const
{
    return tr("Service Location");
}

QIcon ServiceLocationPage::icon() const
{
    return themedIcon(QStringLiteral("location"));
}

QString ServiceLocationPage::summary() const
{
    return tr("Where the service listens and how clients reach it.");
}

bool ServiceLocationPage::isModified() const
{
    return m_widget && m_widget->isModified();
}

bool ServiceLocationPage::apply()
{
    return !m_widget || m_widget->apply();
}

void ServiceLocationPage::revert()
{
    if (m_widget)
        m_widget->revert();
}

QWidget *ServiceLocationPage::createWidget(QWidget *parent)
{
    m_widget = new ServiceLocationWidget(m_context, parent);
    connect(m_widget, &ServiceLocationWidget::modifiedChanged, this, &Page::modifiedChanged);
    return m_widget;
}

} // namespace Oobm::Gui

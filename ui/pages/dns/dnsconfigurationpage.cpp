// SPDX-License-Identifier: GPL-2.0-or-later
#include "dnsconfigurationpage.h"

#include "ui/pages/dns/dnsconfigurationwidget.h"
#include "ui/shell/icons.h"

namespace Oobm::Gui {

DnsConfigurationPage::DnsConfigurationPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

DnsConfigurationPage::~DnsConfigurationPage() = default;

QString DnsConfigurationPage::title() const
{
    return tr("DNS Configuration");
}

QIcon DnsConfigurationPage::icon() const
{
    return themedIcon(QStringLiteral("dns"));
}

QString DnsConfigurationPage::summary() const
{
    return tr("Check that Intel AMT systems can find this server through DNS.");
}

bool DnsConfigurationPage::isModified() const
{
    return m_widget && m_widget->isModified();
}

bool DnsConfigurationPage::apply()
{
    return !m_widget || m_widget->apply();
}

void DnsConfigurationPage::revert()
{
    if (m_widget)
        m_widget->revert();
}

QWidget *DnsConfigurationPage::createWidget(QWidget *parent)
{
    m_widget = new DnsConfigurationWidget(m_context, parent);
    connect(m_widget, &DnsConfigurationWidget::modifiedChanged, this, &Page::modifiedChanged);
    return m_widget;
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "maintenancepage.h"

#include "ui/pages/maintenance/maintenancewidget.h"
#include "ui/shell/icons.h"

namespace Oobm::Gui {

MaintenancePage::MaintenancePage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

MaintenancePage::~MaintenancePage() = default;

QString MaintenancePage::title() const
{
    return tr("Maintenance");
}

QIcon MaintenancePage::icon() const
{
    return themedIcon(QStringLiteral("maintenance"));
}

QString MaintenancePage::summary() const
{
    return tr("Keep the service's database bounded and healthy.");
}

bool MaintenancePage::isModified() const
{
    return m_widget && m_widget->isModified();
}

bool MaintenancePage::apply()
{
    return !m_widget || m_widget->apply();
}

void MaintenancePage::revert()
{
    if (m_widget)
        m_widget->revert();
}

QWidget *MaintenancePage::createWidget(QWidget *parent)
{
    m_widget = new MaintenanceWidget(m_context.store, parent);
    m_widget->setWindowIcon(icon());
    connect(m_widget, &MaintenanceWidget::modifiedChanged, this, &Page::modifiedChanged);
    return m_widget;
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemspage.h"

#include "ui/pages/systems/systemswidget.h"
#include "ui/shell/icons.h"

namespace Oobm::Gui {

SystemsPage::SystemsPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

SystemsPage::~SystemsPage() = default;

QString SystemsPage::title() const
{
    return tr("Intel® AMT Systems");
}

QIcon SystemsPage::icon() const
{
    return themedIcon(QStringLiteral("systems"));
}

QString SystemsPage::summary() const
{
    return tr("Every Intel AMT system the service has seen.");
}

QWidget *SystemsPage::createWidget(QWidget *parent)
{
    auto *w = new SystemsWidget(m_context, parent);
    connect(w, &SystemsWidget::showLogRequested, this,
            [this](const QString &uuid) { Q_EMIT openPageRequested(QStringLiteral("log"), uuid); });
    connect(w, &SystemsWidget::showActionsRequested, this,
            [this](const QString &uuid) { Q_EMIT openPageRequested(QStringLiteral("actions-status"), uuid); });
    return w;
}

} // namespace Oobm::Gui

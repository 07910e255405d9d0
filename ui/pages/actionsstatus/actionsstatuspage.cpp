// SPDX-License-Identifier: GPL-2.0-or-later
#include "actionsstatuspage.h"

#include "core/logbook/actionslogbook.h"
#include "ui/shell/icons.h"
#include "ui/widgets/logviewwidget.h"
#include "ui/widgets/pageheader.h"

#include <QVBoxLayout>

namespace Oobm::Gui {

ActionsStatusPage::ActionsStatusPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

ActionsStatusPage::~ActionsStatusPage() = default;

QString ActionsStatusPage::title() const
{
    return tr("Actions Status");
}

QIcon ActionsStatusPage::icon() const
{
    return themedIcon(QStringLiteral("actions"));
}

QString ActionsStatusPage::summary() const
{
    return tr("Every provisioning step run against each system.");
}

QWidget *ActionsStatusPage::createWidget(QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(icon(), title(),
                                     tr("Every step run against each Intel AMT system: when, which step, the "
                                        "result, how long it took and the status the device answered."),
                                     w));
    m_view = new LogViewWidget(std::make_shared<Core::ActionsLogBook>(m_context.store), m_context.settings, w);
    layout->addWidget(m_view, 1);
    return w;
}

void ActionsStatusPage::showArgument(const QString &argument)
{
    if (m_view)
        m_view->showSystem(argument);
}

LogViewWidget *ActionsStatusPage::logView() const
{
    return m_view;
}

} // namespace Oobm::Gui

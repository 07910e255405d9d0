// SPDX-License-Identifier: GPL-2.0-or-later
#include "logpage.h"

#include "ui/shell/icons.h"
#include "ui/widgets/logviewwidget.h"
#include "ui/widgets/pageheader.h"

#include <QVBoxLayout>

namespace Oobm::Gui {

LogPage::LogPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

LogPage::~LogPage() = default;

QString LogPage::title() const
{
    return tr("Log");
}

QIcon LogPage::icon() const
{
    return themedIcon(QStringLiteral("log"));
}

QString LogPage::summary() const
{
    return tr("What the provisioning service and the console did, newest first.");
}

QWidget *LogPage::createWidget(QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(icon(), tr("View the Logs"),
                                     tr("Log entries reveal problems during provisioning: look for the "
                                        "UUID of a system that did not provision. What is recorded "
                                        "depends on the log level on the General page."),
                                     w));
    m_view = new LogViewWidget(m_context.store, m_context.settings, w);
    layout->addWidget(m_view, 1);
    return w;
}

LogViewWidget *LogPage::logView() const
{
    return m_view;
}

void LogPage::showArgument(const QString &argument)
{
    if (m_view)
        m_view->showSystem(argument);
}

} // namespace Oobm::Gui

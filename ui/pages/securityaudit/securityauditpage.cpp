// SPDX-License-Identifier: GPL-2.0-or-later
#include "securityauditpage.h"

#include "core/logbook/auditlogbook.h"
#include "ui/shell/icons.h"
#include "ui/widgets/logviewwidget.h"
#include "ui/widgets/pageheader.h"

#include <QVBoxLayout>

namespace Oobm::Gui {

SecurityAuditPage::SecurityAuditPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

SecurityAuditPage::~SecurityAuditPage() = default;

QString SecurityAuditPage::title() const
{
    return tr("Security Audit");
}

QIcon SecurityAuditPage::icon() const
{
    return themedIcon(QStringLiteral("audit"));
}

QString SecurityAuditPage::summary() const
{
    return tr("Who saw, exported, imported or deleted secrets, and when.");
}

QWidget *SecurityAuditPage::createWidget(QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(icon(), tr("Security Audit"),
                                     tr("Every access to secrets: who (user and host), when, what and how many. "
                                        "Secrets themselves are never recorded."),
                                     w));
    m_view = new LogViewWidget(std::make_shared<Core::AuditLogBook>(m_context.store), m_context.settings, w);
    layout->addWidget(m_view, 1);
    return w;
}

LogViewWidget *SecurityAuditPage::logView() const
{
    return m_view;
}

} // namespace Oobm::Gui

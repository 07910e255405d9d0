// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QPointer>

namespace Oobm::Gui {

class LogViewWidget;

// Logs > Security Audit: every access to secrets, newest first.
class SecurityAuditPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityAuditPage)

public:
    explicit SecurityAuditPage(const PageContext &context, QObject *parent = nullptr);
    ~SecurityAuditPage() override;

    QString id() const override { return QStringLiteral("security-audit"); }
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    bool needsStore() const override { return true; }

    LogViewWidget *logView() const; // null until the page was first shown

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    PageContext m_context;
    QPointer<LogViewWidget> m_view;
};

} // namespace Oobm::Gui

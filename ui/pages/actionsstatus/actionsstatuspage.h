// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QPointer>

namespace Oobm::Gui {

class LogViewWidget;

// Logs > Actions Status: every provisioning step run against each system, in the Logs view.
class ActionsStatusPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsStatusPage)

public:
    explicit ActionsStatusPage(const PageContext &context, QObject *parent = nullptr);
    ~ActionsStatusPage() override;

    QString id() const override { return QStringLiteral("actions-status"); }
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    bool needsStore() const override { return true; }
    // argument: a system's UUID or FQDN; only its steps are shown.
    void showArgument(const QString &argument) override;
    LogViewWidget *logView() const; // null until the page was first shown

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    PageContext m_context;
    QPointer<LogViewWidget> m_view;
};

} // namespace Oobm::Gui

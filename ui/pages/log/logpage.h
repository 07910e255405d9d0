// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QPointer>

namespace Oobm::Gui {

class LogViewWidget;

// Logs > Log: the user log, newest first, updated live (figure 3 of the reference).
class LogPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPage)

public:
    explicit LogPage(const PageContext &context, QObject *parent = nullptr);
    ~LogPage() override;

    QString id() const override { return QStringLiteral("log"); }
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    bool needsStore() const override { return true; }
    // argument: a system's UUID or FQDN; the log shows that system's entries.
    void showArgument(const QString &argument) override;
    LogViewWidget *logView() const; // null until the page was first shown

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    PageContext m_context;
    QPointer<LogViewWidget> m_view;
};

} // namespace Oobm::Gui

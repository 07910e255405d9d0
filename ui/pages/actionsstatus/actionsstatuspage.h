// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

namespace Oobm::Gui {

// Logs > Actions Status: every provisioning step run against each system.
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

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    PageContext m_context;
};

} // namespace Oobm::Gui

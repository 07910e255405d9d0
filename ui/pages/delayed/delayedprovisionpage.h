// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

namespace Oobm::Gui {

// Delayed Provisioning > Delayed Provision: systems whose hello window expired or whose
// provisioning failed, and a way to have their host agent restart the hello sequence.
class DelayedProvisionPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DelayedProvisionPage)

public:
    explicit DelayedProvisionPage(const PageContext &context, QObject *parent = nullptr);
    ~DelayedProvisionPage() override;

    QString id() const override { return QStringLiteral("delayed-provision"); }
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

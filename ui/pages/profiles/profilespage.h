// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

namespace Oobm::Gui {

// Configuration Service Settings > Provision Profiles.
class ProvisionProfilesPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvisionProfilesPage)

public:
    explicit ProvisionProfilesPage(const PageContext &context, QObject *parent = nullptr);
    ~ProvisionProfilesPage() override;

    QString id() const override { return QStringLiteral("provision-profiles"); }
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

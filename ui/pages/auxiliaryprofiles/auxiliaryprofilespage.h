// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

namespace Oobm::Gui {

// Configuration Service Settings > Auxiliary Profiles: reusable Intel AMT users and TLS server
// certificates that provision profiles reference, and the imported TLS certificates.
class AuxiliaryProfilesPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuxiliaryProfilesPage)

public:
    explicit AuxiliaryProfilesPage(const PageContext &context, QObject *parent = nullptr);
    ~AuxiliaryProfilesPage() override;

    QString id() const override { return QStringLiteral("auxiliary-profiles"); }
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    bool needsStore() const override { return true; }

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    QWidget *createProfilesSection(QWidget *parent);
    QWidget *createCertificatesSection(QWidget *parent);

    PageContext m_context;
};

} // namespace Oobm::Gui

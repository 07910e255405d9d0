// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

namespace Oobm::Gui {

// Provisioning > Intel AMT Systems > Intel AMT Systems.
class SystemsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemsPage)

public:
    explicit SystemsPage(const PageContext &context, QObject *parent = nullptr);
    ~SystemsPage() override;

    QString id() const override { return QStringLiteral("intel-amt-systems"); }
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

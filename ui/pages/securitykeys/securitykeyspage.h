// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

namespace Oobm::Gui {

// Configuration Service Settings > Security Keys.
class SecurityKeysPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityKeysPage)

public:
    explicit SecurityKeysPage(const PageContext &context, QObject *parent = nullptr);
    ~SecurityKeysPage() override;

    QString id() const override { return QStringLiteral("security-keys"); }
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

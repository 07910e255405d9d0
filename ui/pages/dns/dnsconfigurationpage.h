// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QPointer>

namespace Oobm::Gui {

class DnsConfigurationWidget;

// Configuration Service Settings > DNS Configuration (figures 8-9 of the reference).
class DnsConfigurationPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DnsConfigurationPage)

public:
    explicit DnsConfigurationPage(const PageContext &context, QObject *parent = nullptr);
    ~DnsConfigurationPage() override;

    QString id() const override { return QStringLiteral("dns-configuration"); }
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    bool needsStore() const override { return true; }

    bool isModified() const override;
    bool apply() override;
    void revert() override;

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    PageContext m_context;
    QPointer<DnsConfigurationWidget> m_widget;
};

} // namespace Oobm::Gui

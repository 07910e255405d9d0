// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QPointer>

namespace Oobm::Gui {

class ServiceLocationWidget;

// Configuration Service Settings > Service Location: listeners, this server, setup.bin, a hello
// sender.
class ServiceLocationPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceLocationPage)

public:
    explicit ServiceLocationPage(const PageContext &context, QObject *parent = nullptr);
    ~ServiceLocationPage() override;

    QString id() const override { return QStringLiteral("service-location"); }
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
    QPointer<ServiceLocationWidget> m_widget;
};

} // namespace Oobm::Gui

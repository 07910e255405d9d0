// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

namespace Oobm::Gui {

// Intel AMT Systems > Hello Monitor: hello packets as they arrive, and what became of each.
class HelloMonitorPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelloMonitorPage)

public:
    explicit HelloMonitorPage(const PageContext &context, QObject *parent = nullptr);
    ~HelloMonitorPage() override;

    QString id() const override { return QStringLiteral("hello-monitor"); }
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

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QPointer>

namespace Oobm::Gui {

class MaintenanceWidget;

// Configuration Service Settings > Maintenance: retention per log, purge now, OOB trace logging,
// the store's size, vacuum and analyze.
class MaintenancePage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenancePage)

public:
    explicit MaintenancePage(const PageContext &context, QObject *parent = nullptr);
    ~MaintenancePage() override;

    QString id() const override { return QStringLiteral("maintenance"); }
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
    QPointer<MaintenanceWidget> m_widget;
};

} // namespace Oobm::Gui

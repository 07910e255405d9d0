// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/pagecontext.h"

#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QStackedWidget;
class QTableView;

namespace Oobm::Core {
class SystemActions;
}

namespace Oobm::Gui {

class SystemsModel;

// Intel AMT Systems: every system seen, with Authorize, Power, Unprovision and Details; bulk
// actions run off the GUI thread with a progress bar and a result per system.
class SystemsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemsWidget)

public:
    explicit SystemsWidget(const PageContext &context, QWidget *parent = nullptr);
    ~SystemsWidget() override;

    SystemsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QStringList selectedUuids() const;

    void authorizeSelected();
    void powerSelected(int action); // Core::SystemActions::Action
    void unprovisionSelected(bool partial);
    void showDetails();
    void diagnoseSelected();

Q_SIGNALS:
    // "Show log": the Log filtered to this system.
    void showLogRequested(const QString &uuid);
    void showActionsRequested(const QString &uuid);

private:
    void updateActions();
    void updateFilter();
    void runBulk(int action, const QStringList &uuids);

    PageContext m_context;
    Core::SystemActions *m_actions;
    SystemsModel *m_model;
    QTableView *m_view;
    QStackedWidget *m_stack;
    QComboBox *m_state;
    QLineEdit *m_search;
    QLabel *m_status; // the last action's outcome
    QLabel *m_count;
    QProgressBar *m_progress;
    QAction *m_authorize;
    QAction *m_powerOn;
    QAction *m_powerOff;
    QAction *m_reset;
    QAction *m_unprovision;
    QAction *m_partialUnprovision;
    QAction *m_details;
    QAction *m_diagnose = nullptr;
    QAction *m_showLog;
    QAction *m_showActions;
    bool m_busy = false;
};

} // namespace Oobm::Gui

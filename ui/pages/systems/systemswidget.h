// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/operation.h"
#include "ui/shell/pagecontext.h"

#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace Oobm::Gui {

class StatusLabel;

class RunProgressWidget;
class SystemsModel;

// Intel AMT Systems: every system seen (or, embedded in Collections, a collection's members), with
// state, tag and text filters, and Authorize, Power, Next boot, Unprovision, Tags, Details,
// Diagnose. Power, next boot and unprovision are one-off task runs the engines do: confirmed,
// asked of the store, and followed with a progress bar until their results are summed up.
class SystemsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemsWidget)

public:
    enum class Mode {
        Page,     // the Intel AMT Systems page: its header, every system
        Embedded, // inside another page (Collections): no header, the systems setCollection() chose
    };

    explicit SystemsWidget(const PageContext &context, QWidget *parent = nullptr, Mode mode = Mode::Page);
    ~SystemsWidget() override;

    // Only this collection's members (0: every system); the other filters apply within it.
    void setCollection(qint64 collectionId);
    qint64 collection() const { return m_collectionId; }

    SystemsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    RunProgressWidget *runProgress() const { return m_run; }
    QStringList selectedUuids() const;

    void authorizeSelected();
    // Power, next boot or unprovision on the selected provisioned systems: confirmed when it is
    // destructive, then a one-off run.
    void runOnSelected(Core::Operation operation);
    void unprovisionSelected(bool partial);
    void tagSelected();
    void setDialectOfSelected(const QString &dialect);
    void showDetails();
    void diagnoseSelected();

Q_SIGNALS:
    // "Show log": the Log filtered to this system.
    void showLogRequested(const QString &uuid);
    void showActionsRequested(const QString &uuid);
    // The link under a run this page started: the run on the Tasks page.
    void showRunRequested(qint64 runId);
    // "New task for the selected systems".
    void newTaskRequested(const QStringList &uuids);

private:
    void updateActions();
    void updateFilter();
    void loadTags();
    // The selected systems an operation can be done to (provisioned ones), and how many were left out.
    QStringList provisionedSelection(int *leftOut) const;
    void startRun(Core::Operation operation, const QStringList &uuids);

    PageContext m_context;
    Mode m_mode;
    qint64 m_collectionId = 0;
    SystemsModel *m_model;
    QTableView *m_view;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QComboBox *m_state;
    QComboBox *m_tag;
    QLineEdit *m_search;
    StatusLabel *m_status; // the last action's outcome
    QLabel *m_count;
    RunProgressWidget *m_run;
    QAction *m_authorize;
    QList<QAction *> m_operations; // power, next boot, unprovision: need provisioned systems
    QAction *m_tags;
    QAction *m_dialect; // the Dialect submenu
    QAction *m_newTask;
    QAction *m_details;
    QAction *m_diagnose = nullptr;
    QAction *m_showLog;
    QAction *m_showActions;
};

} // namespace Oobm::Gui

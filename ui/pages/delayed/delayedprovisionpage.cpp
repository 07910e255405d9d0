// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/settings/localsettings.h"
#include "core/store/store.h"
#include "ui/models/systemsmodel.h"
#include "ui/pages/pagewidgets.h"
#include "ui/shell/translate.h"
#include "ui/shell/widgetpage.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"
#include "ui/widgets/runprogresswidget.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

namespace {
const QString AgentKey = QStringLiteral("delayedProvision/agent");
}

QWidget *createDelayedProvisionWidget(const PageContext &context, WidgetPage *page, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *model = new SystemsModel(context.store, w);
    Core::SystemFilter f;
    f.states = {Core::SystemState::Failed, Core::SystemState::HelloWindowExpired};
    model->setFilter(f);
    auto *view = new QTableView(w);
    view->setObjectName(QStringLiteral("delayedView"));
    view->setModel(model);
    setUpRecordTable(view);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setColumnWidth(SystemsModel::UuidColumn,
                         view->fontMetrics().horizontalAdvance(QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B"))
                                 + 16);
    view->setColumnWidth(SystemsModel::StateColumn, 360);

    auto *agent = new QLineEdit(context.settings ? context.settings->string(AgentKey) : QString(), w);
    agent->setObjectName(QStringLiteral("agent"));
    agent->setPlaceholderText(tr("HOST:PORT, e.g. 127.0.0.1:17400"));
    agent->setToolTip(tr("Where the Out of Band Task Agent listens. In the lab it is amt-sim's control interface "
                         "(--control); scripts/run --demo prints it."));
    auto *restart = new QToolButton(w);
    restart->setObjectName(QStringLiteral("delayedProvision"));
    restart->setText(tr("&Delayed Provision"));
    restart->setIcon(page->icon());
    restart->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    restart->setToolTip(tr("Ask the task agent on each selected system to restart its hello sequence"));
    // The restart is a one-off run the engines do: each asks the agent for one system.
    auto *run = new RunProgressWidget(context.store, w);
    auto *count = new QLabel(w);

    auto update = [view, restart, agent, run] {
        restart->setEnabled(view->selectionModel()->hasSelection() && !agent->text().trimmed().isEmpty()
                            && !run->isFollowing());
    };
    QObject::connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, w, update);
    QObject::connect(agent, &QLineEdit::textChanged, w, update);
    QObject::connect(model, &SystemsModel::loaded, w, [model, count](const QString &error) {
        count->setText(!error.isEmpty() ? error
                               : model->rowCount() == 0
                               ? tr("No system waits: none failed and none stopped sending hellos.")
                               : tr("%n systems failed or stopped sending hellos.", nullptr, model->rowCount()));
    });
    QObject::connect(run, &RunProgressWidget::runStarted, w, update);
    QObject::connect(run, &RunProgressWidget::requestRefused, w, update);
    QObject::connect(run, &RunProgressWidget::runFinished, w, [update, model] {
        update();
        model->reload();
    });
    QObject::connect(run, &RunProgressWidget::openRunRequested, page, [page](qint64 runId) {
        Q_EMIT page->openPageRequested(QStringLiteral("tasks"), QStringLiteral("run:%1").arg(runId));
    });
    Core::LocalSettings *settings = context.settings;
    QObject::connect(restart, &QToolButton::clicked, w, [=] {
        QStringList uuids;
        for (const QModelIndex &i : view->selectionModel()->selectedRows())
            uuids << i.data(SystemsModel::UuidRole).toString();
        if (uuids.isEmpty())
            return;
        if (settings)
            settings->setValue(AgentKey, agent->text().trimmed());
        restart->setEnabled(false);
        Core::RunRequest request;
        request.operation = Core::Operation::RestartHello;
        request.target.uuids = uuids;
        request.parameter = agent->text().trimmed();
        request.actor = Core::AuditActor::current();
        run->request(request);
    });

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Task agent:"), w));
    row->addWidget(agent, 1);
    row->addWidget(restart);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(page->icon(), page->title(),
                                     tr("A system in setup mode sends hello packets only for a limited window (24 "
                                        "hours the first time, 6 hours after that); then it stops (mode 6). These "
                                        "systems failed or stopped. Delayed Provision asks each one's Out of Band "
                                        "Task Agent to restart its hello sequence, so it is provisioned again."),
                                     w));
    layout->addLayout(row);
    layout->addWidget(view, 1);
    layout->addWidget(run);
    layout->addWidget(count);
    update();
    return w;
}

} // namespace Oobm::Gui

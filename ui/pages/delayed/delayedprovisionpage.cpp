// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/engine/systemactions.h"
#include "core/settings/localsettings.h"
#include "ui/models/systemsmodel.h"
#include "ui/pages/pagewidgets.h"
#include "ui/shell/translate.h"
#include "ui/shell/widgetpage.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
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
    auto *actions = new Core::SystemActions(context.store, context.log, w);
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
    auto *progress = new QProgressBar(w);
    progress->setVisible(false);
    auto *status = new QLabel(w);
    status->setObjectName(QStringLiteral("delayedStatus"));
    status->setWordWrap(true);
    auto *count = new QLabel(w);

    auto update = [view, restart, agent] {
        restart->setEnabled(view->selectionModel()->hasSelection() && !agent->text().trimmed().isEmpty());
    };
    QObject::connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, w, update);
    QObject::connect(agent, &QLineEdit::textChanged, w, update);
    QObject::connect(model, &SystemsModel::loaded, w, [model, count](const QString &error) {
        count->setText(!error.isEmpty() ? error
                               : model->rowCount() == 0
                               ? tr("No system waits: none failed and none stopped sending hellos.")
                               : tr("%n systems failed or stopped sending hellos.", nullptr, model->rowCount()));
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
        progress->setRange(0, int(uuids.size()));
        progress->setValue(0);
        progress->setVisible(true);
        auto *watcher = new QFutureWatcher<QList<Core::SystemActions::Result>>(w);
        QObject::connect(watcher, &QFutureWatcherBase::progressValueChanged, progress, &QProgressBar::setValue);
        QObject::connect(watcher, &QFutureWatcherBase::finished, w, [=] {
            watcher->deleteLater();
            progress->setVisible(false);
            int ok = 0;
            QStringList failures;
            for (const auto &r : watcher->future().result()) {
                if (r.ok)
                    ++ok;
                else
                    failures << QStringLiteral("%1: %2").arg(r.uuid, r.message);
            }
            status->setText(failures.isEmpty()
                                    ? tr("Hello sequence restarted on %n systems. They appear under Intel AMT "
                                         "Systems (and leave this list) as their hellos arrive and they are "
                                         "provisioned.",
                                         nullptr, ok)
                                    : tr("%1 restarted, %2 failed: %3")
                                              .arg(ok)
                                              .arg(failures.size())
                                              .arg(failures.join(QStringLiteral("; "))));
            update();
            model->reload();
        });
        watcher->setFuture(actions->restartHellos(agent->text().trimmed(), uuids));
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
    layout->addWidget(progress);
    layout->addWidget(status);
    layout->addWidget(count);
    update();
    return w;
}

} // namespace Oobm::Gui

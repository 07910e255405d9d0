// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemswidget.h"

#include "core/async.h"
#include "core/engine/systemactions.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"
#include "ui/dialogs/doctordialog.h"
#include "ui/dialogs/systemdetailsdialog.h"
#include "ui/models/systemsmodel.h"
#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

using Core::SystemActions;

SystemsWidget::SystemsWidget(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_actions(new SystemActions(context.store, context.log, this))
    , m_model(new SystemsModel(context.store, this))
    , m_view(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_state(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_count(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("systemsWidget"));
    m_view->setObjectName(QStringLiteral("systemsView"));
    // The model sorts, filters and pages in SQL: a header click asks it for another order.
    m_view->setModel(m_model);
    m_view->horizontalHeader()->setSortIndicator(SystemsModel::LastHelloColumn, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    setUpRecordTable(m_view);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    const int uuidWidth =
            m_view->fontMetrics().horizontalAdvance(QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B")) + 16;
    m_view->setColumnWidth(SystemsModel::UuidColumn, uuidWidth);
    const int nameWidth = m_view->fontMetrics().horizontalAdvance(QStringLiteral("amt-00000000.example.com")) + 16;
    m_view->setColumnWidth(SystemsModel::NameColumn, nameWidth);
    m_view->setColumnWidth(SystemsModel::FqdnColumn, nameWidth);
    m_view->setColumnWidth(SystemsModel::StateColumn, 220);
    m_view->setColumnWidth(SystemsModel::LastHelloColumn,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) + 16);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("All states"), -1);
    for (Core::SystemState s : Core::allSystemStates())
        m_state->addItem(Core::systemStateName(s), int(s));
    m_state->setToolTip(tr("Show only systems in this state"));
    m_search->setObjectName(QStringLiteral("systemSearch"));
    m_search->setPlaceholderText(tr("Filter by UUID, name, FQDN or address"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) + 40);

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_authorize = toolbar->addAction(themedIcon(QStringLiteral("users")), tr("&Authorize"), this,
                                     &SystemsWidget::authorizeSelected);
    m_authorize->setToolTip(tr("Let the selected systems be provisioned at their next hello (General page: "
                               "\"Intel AMT requires authorization before provisioning\")."));
    auto *power = new QMenu(tr("Power"), this);
    m_powerOn = power->addAction(tr("Power &on"), this, [this] { powerSelected(int(SystemActions::Action::PowerOn)); });
    m_powerOff = power->addAction(tr("Power o&ff"), this,
                                  [this] { powerSelected(int(SystemActions::Action::PowerOff)); });
    m_reset = power->addAction(tr("&Reset"), this, [this] { powerSelected(int(SystemActions::Action::Reset)); });
    auto *powerButton = new QToolButton(this);
    powerButton->setText(tr("&Power"));
    powerButton->setIcon(themedIcon(QStringLiteral("tasks")));
    powerButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    powerButton->setPopupMode(QToolButton::InstantPopup);
    powerButton->setMenu(power);
    powerButton->setToolTip(tr("Power the selected provisioned systems on, off or reset them, out of band, "
                               "with the admin credentials their profile gave them."));
    toolbar->addWidget(powerButton);
    auto *unprovision = new QMenu(tr("Unprovision"), this);
    m_partialUnprovision = unprovision->addAction(tr("&Partial (back to setup mode, keeps its key)…"), this,
                                                  [this] { unprovisionSelected(true); });
    m_unprovision = unprovision->addAction(tr("&Full (back to factory mode)…"), this,
                                           [this] { unprovisionSelected(false); });
    auto *unprovisionButton = new QToolButton(this);
    unprovisionButton->setText(tr("&Unprovision"));
    unprovisionButton->setIcon(themedIcon(QStringLiteral("delayed")));
    unprovisionButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    unprovisionButton->setPopupMode(QToolButton::InstantPopup);
    unprovisionButton->setMenu(unprovision);
    toolbar->addWidget(unprovisionButton);
    m_details = toolbar->addAction(themedIcon(QStringLiteral("information")), tr("&Details…"), this,
                                   &SystemsWidget::showDetails);
    m_details->setToolTip(tr("Every hello and every action of the selected system on one timeline (Enter)"));
    m_diagnose = toolbar->addAction(themedIcon(QStringLiteral("warning")), tr("Dia&gnose…"), this,
                                    &SystemsWidget::diagnoseSelected);
    m_diagnose->setObjectName(QStringLiteral("diagnose"));
    m_diagnose->setToolTip(tr("Why the selected system does not provision: the first failing check, its "
                              "evidence and the fix"));
    m_showLog = toolbar->addAction(themedIcon(QStringLiteral("log")), tr("Show &Log"), this, [this] {
        const QStringList uuids = selectedUuids();
        if (uuids.size() == 1)
            Q_EMIT showLogRequested(uuids.first());
    });
    m_showLog->setObjectName(QStringLiteral("showLog"));
    m_showLog->setToolTip(tr("The Log, filtered to the selected system"));
    m_showActions = toolbar->addAction(themedIcon(QStringLiteral("actions")), tr("Show &Actions"), this, [this] {
        const QStringList uuids = selectedUuids();
        if (uuids.size() == 1)
            Q_EMIT showActionsRequested(uuids.first());
    });
    m_showActions->setObjectName(QStringLiteral("showActions"));
    m_showActions->setToolTip(tr("Actions Status, filtered to the selected system: every step run against it"));
    for (QAction *a : {m_authorize, m_powerOn, m_powerOff, m_reset, m_partialUnprovision, m_unprovision, m_details,
                       m_diagnose, m_showLog, m_showActions})
        m_view->addAction(a);
    connect(m_view, &QTableView::activated, this, &SystemsWidget::showDetails);

    // The actions get a row of their own: beside the filters, Diagnose, Show Log and Show Actions
    // went into the toolbar's overflow menu in an ordinary window.
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_state);
    filters->addWidget(m_search, 1);

    auto *empty = new QLabel(tr("<p><b>No Intel AMT system has said hello yet.</b></p>"
                                "<p>Systems appear here when their first hello packet reaches the provisioning "
                                "engine (port %1 by default). If a system you expect is missing, check that "
                                "ProvisionServer resolves to this server in its DNS domain, and look at the Hello "
                                "Monitor and the Log.</p>")
                                     .arg(9971),
                             this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(empty);

    m_progress->setVisible(false);
    m_status->setObjectName(QStringLiteral("actionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(
            themedIcon(QStringLiteral("systems")), tr("Intel® AMT Systems"),
            tr("Every Intel AMT system the provisioning service has seen, its state and why. Select systems "
               "to authorize, power or unprovision them."),
            this));
    layout->addWidget(toolbar);
    layout->addLayout(filters);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_count);

    connect(m_state, &QComboBox::currentIndexChanged, this, &SystemsWidget::updateFilter);
    connect(m_search, &QLineEdit::textChanged, this, &SystemsWidget::updateFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SystemsWidget::updateActions);
    connect(m_model, &SystemsModel::loaded, this, [this, empty](const QString &error) {
        const bool filtered = m_state->currentIndex() > 0 || !m_search->text().isEmpty();
        m_stack->setCurrentWidget(
                m_model->rowCount() == 0 && !filtered && error.isEmpty() ? static_cast<QWidget *>(empty) : m_view);
        const qint64 total = m_model->total() >= 0 ? m_model->total() : m_model->rowCount();
        m_count->setText(error.isEmpty() ? tr("%n systems", nullptr, int(qMin<qint64>(total, INT_MAX))) : error);
        updateActions();
    });
    updateActions();
}

SystemsWidget::~SystemsWidget() = default;

QStringList SystemsWidget::selectedUuids() const
{
    QStringList uuids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        uuids << i.data(SystemsModel::UuidRole).toString();
    return uuids;
}

void SystemsWidget::updateFilter()
{
    Core::SystemFilter f;
    const int state = m_state->currentData().toInt();
    if (state >= 0)
        f.states = {Core::SystemState(state)};
    f.text = m_search->text().trimmed();
    m_model->setFilter(f);
}

void SystemsWidget::updateActions()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    bool anyProvisioned = false, anyWaiting = false;
    for (const QModelIndex &i : rows) {
        const auto state = Core::SystemState(i.data(SystemsModel::StateRole).toInt());
        anyProvisioned |= state == Core::SystemState::Provisioned;
        anyWaiting |= state != Core::SystemState::Provisioned && state != Core::SystemState::Provisioning;
    }
    const bool writable = m_context.store->isWritable() && !m_busy;
    m_authorize->setEnabled(writable && anyWaiting);
    for (QAction *a : {m_powerOn, m_powerOff, m_reset, m_partialUnprovision, m_unprovision})
        a->setEnabled(writable && anyProvisioned);
    m_details->setEnabled(rows.size() == 1);
    m_diagnose->setEnabled(rows.size() == 1);
    m_showLog->setEnabled(rows.size() == 1);
    m_showActions->setEnabled(rows.size() == 1);
}

void SystemsWidget::authorizeSelected()
{
    const QStringList uuids = selectedUuids();
    if (uuids.isEmpty())
        return;
    Core::whenReady(m_context.store->authorizeSystems(uuids), this, [this, uuids](const Core::StoreResult<int> &r) {
        m_status->setText(r.ok() ? tr("%n systems authorized; each is provisioned at its next hello.", nullptr, r.value)
                                 : r.error.message);
        if (r.ok())
            m_context.log->information(tr("Authorized %1 for provisioning.").arg(uuids.join(QStringLiteral(", "))));
    });
}

void SystemsWidget::powerSelected(int action)
{
    const QStringList uuids = selectedUuids();
    if (uuids.isEmpty())
        return;
    if (SystemActions::Action(action) != SystemActions::Action::PowerOn
        && QMessageBox::question(this, SystemActions::actionName(SystemActions::Action(action)),
                                 tr("%1 %n systems now? Unsaved work on them is lost.", nullptr, int(uuids.size()))
                                         .arg(SystemActions::actionName(SystemActions::Action(action))),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                != QMessageBox::Yes)
        return;
    runBulk(action, uuids);
}

void SystemsWidget::unprovisionSelected(bool partial)
{
    const QStringList uuids = selectedUuids();
    if (uuids.isEmpty())
        return;
    const QString text = partial
            ? tr("Partially unprovision %n systems? Each goes back to setup mode with its key and sends hello "
                 "packets again; the engine provisions it again with its profile.",
                 nullptr, int(uuids.size()))
            : tr("Fully unprovision %n systems? Each goes back to factory mode: its accounts, settings and key are "
                 "erased, and it needs a new key (USB key or MEBx) to be provisioned again.",
                 nullptr, int(uuids.size()));
    QMessageBox box(QMessageBox::Warning, tr("Unprovision"), text, QMessageBox::Cancel, this);
    QPushButton *go = box.addButton(partial ? tr("Partially unprovision") : tr("Fully unprovision"),
                                    QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != go)
        return;
    runBulk(int(partial ? SystemActions::Action::PartialUnprovision : SystemActions::Action::Unprovision), uuids);
}

void SystemsWidget::runBulk(int action, const QStringList &uuids)
{
    m_busy = true;
    updateActions();
    const QString name = SystemActions::actionName(SystemActions::Action(action));
    m_progress->setRange(0, int(uuids.size()));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%1: %v of %m").arg(name));
    m_progress->setVisible(true);
    m_status->setText(tr("%1 of %n systems…", nullptr, int(uuids.size())).arg(name));
    auto *watcher = new QFutureWatcher<QList<SystemActions::Result>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, name] {
        watcher->deleteLater();
        m_busy = false;
        m_progress->setVisible(false);
        const QList<SystemActions::Result> results = watcher->future().result();
        QStringList failures;
        int ok = 0;
        for (const SystemActions::Result &r : results) {
            if (r.ok)
                ++ok;
            else
                failures << QStringLiteral("%1: %2").arg(r.uuid, r.message);
        }
        m_status->setText(failures.isEmpty() ? tr("%1: %n systems done.", nullptr, ok).arg(name)
                                             : tr("%1: %2 done, %3 failed: %4")
                                                       .arg(name)
                                                       .arg(ok)
                                                       .arg(failures.size())
                                                       .arg(failures.join(QStringLiteral("; "))));
        updateActions();
        m_model->reload();
    });
    watcher->setFuture(m_actions->run(SystemActions::Action(action), uuids));
}

void SystemsWidget::showDetails()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const int row = rows.first().row();
    auto *dialog = new SystemDetailsDialog(m_context.store, m_model->system(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void SystemsWidget::diagnoseSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const int row = rows.first().row();
    auto *dialog = new DoctorDialog(m_context, m_model->system(row).uuid, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->diagnose();
}

} // namespace Oobm::Gui

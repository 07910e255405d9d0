// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemswidget.h"

#include "core/amt/devicesession.h"
#include "core/async.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"
#include "ui/dialogs/doctordialog.h"
#include "ui/dialogs/systemdetailsdialog.h"
#include "ui/dialogs/tagsdialog.h"
#include "ui/models/systemsmodel.h"
#include "ui/shell/icons.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"
#include "ui/widgets/runprogresswidget.h"
#include "ui/widgets/statuslabel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

using Core::Operation;

namespace {

QToolButton *menuButton(const QString &text, const QIcon &icon, QMenu *menu, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setIcon(icon);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMenu(menu);
    button->setToolTip(toolTip);
    return button;
}

} // namespace

SystemsWidget::SystemsWidget(const PageContext &context, QWidget *parent, Mode mode)
    : QWidget(parent)
    , m_context(context)
    , m_mode(mode)
    , m_model(new SystemsModel(context.store, this))
    , m_view(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_state(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_status(new StatusLabel(QStringLiteral("actionStatus"), this))
    , m_count(new QLabel(this))
    , m_run(new RunProgressWidget(context.store, this))
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
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_tag->addItem(tr("All tags"), QString());
    m_tag->setToolTip(tr("Show only systems with this tag (Tags… gives systems tags)"));
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToContents);
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
    const auto operation = [this](QMenu *menu, const QString &text, Operation o, const char *name) {
        QAction *a = menu->addAction(text, this, [this, o] { runOnSelected(o); });
        a->setObjectName(QLatin1String(name));
        m_operations << a;
        return a;
    };
    auto *power = new QMenu(tr("Power"), this);
    operation(power, tr("Power &on"), Operation::PowerOn, "powerOn");
    operation(power, tr("Power o&ff…"), Operation::PowerOff, "powerOff");
    operation(power, tr("&Reset…"), Operation::Reset, "reset");
    operation(power, tr("Power &cycle…"), Operation::PowerCycle, "powerCycle");
    power->addSeparator();
    QMenu *boot = power->addMenu(tr("&Next boot"));
    operation(boot, tr("From the &network (PXE)…"), Operation::BootPxe, "bootPxe");
    operation(boot, tr("From the &hard disk…"), Operation::BootHardDisk, "bootHardDisk");
    operation(boot, tr("From &CD/DVD…"), Operation::BootCd, "bootCd");
    operation(boot, tr("Into &BIOS setup…"), Operation::BootBiosSetup, "bootBiosSetup");
    // How the engines talk to the systems (docs/protocol.md §13.7): by version, or forced.
    QMenu *dialect = power->addMenu(tr("&Dialect"));
    dialect->setToolTipsVisible(true);
    const auto dialectChoice =
            [this, dialect](const QString &text, const QString &key, const char *name, const QString &toolTip) {
        QAction *a = dialect->addAction(text, this, [this, key] { setDialectOfSelected(key); });
        a->setObjectName(QLatin1String(name));
        a->setToolTip(toolTip);
    };
    dialectChoice(tr("By &version"), QString(), "dialectAuto",
                  tr("The legacy SOAP interface before AMT 4.0, WS-Management from 4.0 on"));
    dialectChoice(tr("&Legacy SOAP"), QStringLiteral("legacy"), "dialectLegacy",
                  tr("The interface of AMT 2.x to 8.x; AMT 9.0 and later do not have it"));
    dialectChoice(tr("&WS-Management"), QStringLiteral("wsman"), "dialectWsman",
                  tr("The interface of AMT 3.0 and later; some operations are not offered over it yet"));
    m_dialect = dialect->menuAction();
    toolbar->addWidget(menuButton(tr("&Power"), themedIcon(QStringLiteral("tasks")), power,
                                  tr("Power the selected provisioned systems on, off, reset or power cycle them, or "
                                     "choose their next boot, out of band: a run the engines do with the admin "
                                     "credentials the systems' profile gave them."),
                                  this));
    auto *unprovision = new QMenu(tr("Unprovision"), this);
    operation(unprovision, tr("&Partial (back to setup mode, keeps its key)…"), Operation::UnprovisionPartial,
              "unprovisionPartial");
    operation(unprovision, tr("&Full (back to factory mode)…"), Operation::UnprovisionFull, "unprovisionFull");
    toolbar->addWidget(menuButton(tr("&Unprovision"), themedIcon(QStringLiteral("delayed")), unprovision,
                                  tr("Take the selected systems out of provisioning, partially or fully"), this));
    m_tags = toolbar->addAction(themedIcon(QStringLiteral("collections")), tr("&Tags…"), this,
                                &SystemsWidget::tagSelected);
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setToolTip(tr("Add tags to the selected systems or remove them; collections can select systems by tag"));
    m_newTask = toolbar->addAction(themedIcon(QStringLiteral("tasks")), tr("New &Task…"), this, [this] {
        const QStringList uuids = selectedUuids();
        if (!uuids.isEmpty())
            Q_EMIT newTaskRequested(uuids);
    });
    m_newTask->setObjectName(QStringLiteral("newTask"));
    m_newTask->setToolTip(tr("A task on the selected systems: an operation now, later or on a schedule, in waves"));
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
    m_view->addAction(m_authorize);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_view->addActions(m_operations);
    m_view->addAction(m_dialect);
    m_view->addAction(separator);
    for (QAction *a : {m_tags, m_newTask, m_details, m_diagnose, m_showLog, m_showActions})
        m_view->addAction(a);
    connect(m_view, &QTableView::activated, this, &SystemsWidget::showDetails);

    // The actions get a row of their own: beside the filters, Diagnose, Show Log and Show Actions
    // went into the toolbar's overflow menu in an ordinary window.
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_state);
    filters->addWidget(m_tag);
    filters->addWidget(m_search, 1);

    m_empty->setObjectName(QStringLiteral("systemsEmpty"));
    m_empty->setText(mode == Mode::Page
                             ? tr("<p><b>No Intel AMT system has said hello yet.</b></p>"
                                  "<p>Systems appear here when their first hello packet reaches the provisioning "
                                  "engine (port %1 by default). If a system you expect is missing, check that "
                                  "ProvisionServer resolves to this server in its DNS domain, and look at the Hello "
                                  "Monitor and the Log.</p>")
                                       .arg(9971)
                             : tr("<p><b>This collection selects no system now.</b></p>"
                                  "<p>A dynamic collection's members are the systems its rule selects at the "
                                  "moment; a static one's are the systems added to it. Edit the collection to "
                                  "change that.</p>"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_count->setObjectName(QStringLiteral("systemsCount"));
    connect(m_run, &RunProgressWidget::openRunRequested, this, &SystemsWidget::showRunRequested);
    connect(m_run, &RunProgressWidget::runFinished, this, [this] { m_model->reload(); });

    auto *layout = new QVBoxLayout(this);
    if (mode == Mode::Page) {
        layout->addWidget(new PageHeader(
                themedIcon(QStringLiteral("systems")), tr("Intel® AMT Systems"),
                tr("Every Intel AMT system the provisioning service has seen, its state and why. Select systems "
                   "to authorize, power, tag or unprovision them, or to make a task for them."),
                this));
    } else {
        layout->setContentsMargins(0, 0, 0, 0);
    }
    layout->addWidget(toolbar);
    layout->addLayout(filters);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_run);
    layout->addWidget(m_status);
    layout->addWidget(m_count);

    connect(m_state, &QComboBox::currentIndexChanged, this, &SystemsWidget::updateFilter);
    connect(m_tag, &QComboBox::currentIndexChanged, this, &SystemsWidget::updateFilter);
    connect(m_search, &QLineEdit::textChanged, this, &SystemsWidget::updateFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SystemsWidget::updateActions);
    connect(m_model, &SystemsModel::loaded, this, [this](const QString &error) {
        const bool filtered = m_state->currentIndex() > 0 || m_tag->currentIndex() > 0 || !m_search->text().isEmpty();
        m_stack->setCurrentWidget(
                m_model->rowCount() == 0 && !filtered && error.isEmpty() ? static_cast<QWidget *>(m_empty) : m_view);
        const qint64 total = m_model->total() >= 0 ? m_model->total() : m_model->rowCount();
        m_count->setText(error.isEmpty() ? tr("%n systems", nullptr, int(qMin<qint64>(total, INT_MAX))) : error);
        updateActions();
    });
    // Tags are changed here and by oobmctl; the list follows the collections' signal, which tagging emits.
    // So do a collection's members (its rule or its static members changed, or a tag it selects).
    connect(m_context.store, &Core::Store::collectionsChanged, this, [this] {
        loadTags();
        if (m_collectionId != 0)
            m_model->reload();
    });
    connect(m_context.store, &Core::Store::stateChanged, this, [this] {
        if (m_context.store->isReadable())
            loadTags();
        updateActions();
    });
    loadTags();
    updateActions();
}

SystemsWidget::~SystemsWidget() = default;

void SystemsWidget::setCollection(qint64 collectionId)
{
    if (collectionId == m_collectionId && m_model->total() >= 0)
        return;
    m_collectionId = collectionId;
    updateFilter();
}

QStringList SystemsWidget::selectedUuids() const
{
    QStringList uuids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        uuids << i.data(SystemsModel::UuidRole).toString();
    return uuids;
}

void SystemsWidget::loadTags()
{
    if (!m_context.store->isReadable())
        return;
    Core::whenReady(m_context.store->listTags(), this, [this](const Core::StoreResult<QList<Core::TagCount>> &r) {
        if (!r.ok())
            return;
        const QString current = m_tag->currentData().toString();
        const QSignalBlocker block(m_tag);
        m_tag->clear();
        m_tag->addItem(tr("All tags"), QString());
        for (const Core::TagCount &t : r.value)
            m_tag->addItem(tr("%1 (%2)").arg(t.tag).arg(t.systems), t.tag);
        const int index = m_tag->findData(current);
        m_tag->setCurrentIndex(qMax(0, index));
        if (index < 0 && !current.isEmpty())
            updateFilter(); // the tag is gone
    });
}

void SystemsWidget::updateFilter()
{
    Core::SystemFilter f;
    const int state = m_state->currentData().toInt();
    if (state >= 0)
        f.states = {Core::SystemState(state)};
    f.tag = m_tag->currentData().toString();
    f.text = m_search->text().trimmed();
    f.collectionId = m_collectionId;
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
    const bool writable = m_context.store->isWritable();
    m_authorize->setEnabled(writable && anyWaiting);
    for (QAction *a : std::as_const(m_operations))
        a->setEnabled(writable && anyProvisioned);
    m_tags->setEnabled(writable && !rows.isEmpty());
    m_dialect->setEnabled(writable && !rows.isEmpty());
    m_newTask->setEnabled(writable && !rows.isEmpty());
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
        m_status->setStatus(
                r.ok() ? tr("%n systems authorized; each is provisioned at its next hello.", nullptr, r.value)
                       : r.error.message);
        if (r.ok())
            m_context.log->information(tr("Authorized %1 for provisioning.").arg(uuids.join(QStringLiteral(", "))));
    });
}

QStringList SystemsWidget::provisionedSelection(int *leftOut) const
{
    QStringList uuids;
    *leftOut = 0;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows()) {
        if (Core::SystemState(i.data(SystemsModel::StateRole).toInt()) == Core::SystemState::Provisioned)
            uuids << i.data(SystemsModel::UuidRole).toString();
        else
            ++*leftOut;
    }
    return uuids;
}

void SystemsWidget::unprovisionSelected(bool partial)
{
    runOnSelected(partial ? Operation::UnprovisionPartial : Operation::UnprovisionFull);
}

void SystemsWidget::runOnSelected(Operation operation)
{
    int leftOut = 0;
    const QStringList uuids = provisionedSelection(&leftOut);
    if (uuids.isEmpty())
        return;
    const int n = int(uuids.size());
    const QString name = Core::operationName(operation);
    const QString note = leftOut > 0 ? u' '
                    + tr("%n of the selected systems are not provisioned, so OOBM has no credentials for them: "
                         "they are left out.",
                         nullptr, leftOut)
                                     : QString();
    if (!Core::isDestructive(operation)) {
        m_status->setStatus(note.trimmed());
        startRun(operation, uuids);
        return;
    }
    QString text;
    QString button;
    switch (operation) {
    case Operation::UnprovisionPartial:
        text = tr("Partially unprovision %n systems? Each goes back to setup mode with its key and sends hello "
                  "packets again; the engine provisions it again with its profile.",
                  nullptr, n);
        button = tr("Partially unprovision");
        break;
    case Operation::UnprovisionFull:
        text = tr("Fully unprovision %n systems? Each goes back to factory mode: its accounts, settings and key are "
                  "erased, and it needs a new key (USB key or MEBx) to be provisioned again.",
                  nullptr, n);
        button = tr("Fully unprovision");
        break;
    case Operation::BootPxe:
    case Operation::BootHardDisk:
    case Operation::BootCd:
    case Operation::BootBiosSetup:
        text = tr("%1 at the next start of %n systems? The setting takes effect when each system starts again.",
                  nullptr, n)
                       .arg(name);
        button = tr("Set the next boot");
        break;
    default:
        text = tr("%1 %n systems now? Unsaved work on them is lost.", nullptr, n).arg(name);
        button = name;
        break;
    }
    Confirmation ask;
    ask.objectName = QStringLiteral("confirmRun");
    ask.icon = QMessageBox::Warning;
    ask.title = name;
    ask.text = text + note;
    ask.action = button;
    askToConfirm(this, ask, [this, operation, uuids, note] {
        m_status->setStatus(note.trimmed());
        startRun(operation, uuids);
    });
}

void SystemsWidget::startRun(Operation operation, const QStringList &uuids)
{
    Core::RunRequest request;
    request.operation = operation;
    request.target.uuids = uuids;
    request.actor = Core::AuditActor::current();
    m_run->request(request);
}

void SystemsWidget::tagSelected()
{
    const QStringList uuids = selectedUuids();
    if (uuids.isEmpty())
        return;
    auto *dialog = new TagsDialog(m_context.store, uuids, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TagsDialog::tagged, this, [this](const QString &summary) {
        m_status->setStatus(summary);
        if (m_context.log)
            m_context.log->information(summary);
    });
    dialog->open();
}

void SystemsWidget::setDialectOfSelected(const QString &dialect)
{
    const QStringList uuids = selectedUuids();
    if (uuids.isEmpty())
        return;
    Core::whenReady(m_context.store->setSystemsDialect(uuids, dialect), this,
                    [this, dialect, uuids](const Core::StoreResult<int> &r) {
        const QString how = dialect.isEmpty()
                ? tr("the dialect of its version")
                : Core::Amt::dialectName(dialect == u"wsman" ? Core::Amt::Dialect::Wsman : Core::Amt::Dialect::Legacy);
        m_status->setStatus(r.ok() ? tr("%n systems talked to in %1 from now on.", nullptr, r.value).arg(how)
                                   : tr("No dialect was changed: %1").arg(r.error.message));
        if (r.ok())
            m_context.log->information(
                    tr("The engines talk to %1 in %2 from now on.").arg(uuids.join(QStringLiteral(", ")), how));
    });
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

// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemdetailsdialog.h"

#include "core/async.h"
#include "core/keys/pidpps.h"
#include "core/store/store.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Oobm::Gui {

namespace {
QString when(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("—");
}
} // namespace

SystemDetailsDialog::SystemDetailsDialog(Core::Store *store, const Core::AmtSystem &system, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_system(system)
    , m_timeline(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_adminPassword(new QLabel(tr("••••••••"), this))
    , m_reveal(new QPushButton(tr("&Show"), this))
{
    setObjectName(QStringLiteral("systemDetailsDialog"));
    setWindowTitle(tr("Intel AMT system %1").arg(system.uuid));
    auto *form = new QFormLayout;
    auto add = [&](const QString &label, const QString &value) {
        auto *l = new QLabel(value.isEmpty() ? QStringLiteral("—") : value, this);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
        form->addRow(label, l);
    };
    add(tr("UUID:"), system.uuid);
    add(tr("State:"),
        system.reason.isEmpty() ? Core::systemStateName(system.state)
                                : tr("%1: %2").arg(Core::systemStateName(system.state), system.reason));
    add(tr("FQDN:"), system.fqdn);
    add(tr("IP address:"), system.address);
    add(tr("AMT version:"), system.amtVersion);
    add(tr("Profile:"), system.profileName);
    add(tr("PID offered:"), system.pid.isEmpty() ? QString() : Core::PidPps::formatPid(system.pid));
    add(tr("Key for next time:"), system.newPid.isEmpty() ? QString() : Core::PidPps::formatPid(system.newPid));
    add(tr("Hellos:"),
        tr("%1 (first %2, last %3, retry %4)")
                .arg(system.helloCount)
                .arg(when(system.firstSeen), when(system.lastHello))
                .arg(system.lastRetry));
    add(tr("Authorized:"), system.authorized ? tr("Yes") : tr("No"));
    add(tr("Provisioned:"), when(system.provisioned));
    if (system.state == Core::SystemState::Provisioned) {
        m_adminPassword->setObjectName(QStringLiteral("adminPassword"));
        m_adminPassword->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_reveal->setObjectName(QStringLiteral("revealAdminPassword"));
        m_reveal->setToolTip(tr("Show the admin password OOBM gave this system (written to the Security Audit log)."));
        auto *row = new QHBoxLayout;
        row->addWidget(m_adminPassword, 1);
        row->addWidget(m_reveal);
        form->addRow(tr("Admin password:"), row);
        connect(m_reveal, &QPushButton::clicked, this, &SystemDetailsDialog::revealAdminPassword);
    } else {
        m_adminPassword->hide();
        m_reveal->hide();
    }

    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setRootIsDecorated(false);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setHeaderLabels({tr("Time"), tr("What"), tr("Result"), tr("Details")});
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->setColumnWidth(0, fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.000")) + 16);
    m_timeline->setColumnWidth(1, 200);
    m_timeline->setColumnWidth(2, 120);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Timeline (hellos and actions, oldest first):"), this));
    layout->addWidget(m_timeline, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(900, 600);
    load();
}

SystemDetailsDialog::~SystemDetailsDialog() = default;

void SystemDetailsDialog::revealAdminPassword()
{
    m_reveal->setEnabled(false);
    Core::whenReady(m_store->revealAdminPassword(m_system.uuid, Core::AuditActor::current()), this,
                    [this](const Core::StoreResult<QString> &r) {
        m_reveal->setEnabled(true);
        m_adminPassword->setText(r.ok() ? r.value : r.error.message);
        if (r.ok())
            m_reveal->setEnabled(false);
        Q_EMIT adminPasswordShown(r.ok());
    });
}

void SystemDetailsDialog::load()
{
    m_status->setText(tr("Loading…"));
    Core::whenReady(m_store->listHellos(m_system.uuid, 0, 1000), this,
                    [this](const Core::StoreResult<QList<Core::HelloRecord>> &hellos) {
        m_hellos = hellos.value;
        Core::ActionFilter f;
        f.uuid = m_system.uuid;
        f.limit = 5000;
        Core::whenReady(m_store->listActions(f), this,
                        [this](const Core::StoreResult<QList<Core::ActionRecord>> &actions) {
            struct Row
            {
                QDateTime time;
                QStringList columns;
            };
            QList<Row> rows;
            for (const Core::HelloRecord &h : std::as_const(m_hellos))
                rows.append({h.time,
                             {tr("Hello (%1, retry %2) from %3:%4")
                                      .arg(h.version == 2 ? tr("PSK") : tr("PKI"))
                                      .arg(h.retry)
                                      .arg(h.address)
                                      .arg(h.port),
                              QString(), h.outcome}});
            for (const Core::ActionRecord &a : actions.value)
                rows.append({a.time,
                             {a.step, Core::actionResultName(a.result),
                              a.message.isEmpty()
                                      ? tr("%1, %2 ms, attempt %3").arg(a.status).arg(a.durationMs).arg(a.attempt)
                                      : tr("%1: %2").arg(a.status, a.message)}});
            std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.time < b.time; });
            m_timeline->clear();
            for (const Row &r : std::as_const(rows)) {
                auto *item = new QTreeWidgetItem(
                        QStringList{r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))}
                        + r.columns);
                item->setToolTip(3, r.columns.value(2));
                m_timeline->addTopLevelItem(item);
            }
            m_status->setText(tr("%1 hellos, %2 actions.").arg(m_hellos.size()).arg(actions.value.size()));
        });
    });
}

} // namespace Oobm::Gui

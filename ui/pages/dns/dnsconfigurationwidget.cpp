// SPDX-License-Identifier: GPL-2.0-or-later
#include "dnsconfigurationwidget.h"

#include "core/async.h"
#include "core/dns/dnschecker.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"
#include "ui/models/checkresultsmodel.h"
#include "ui/shell/icons.h"
#include "ui/widgets/checkresultsview.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/settingsform.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Oobm::Gui {

using Core::CheckResult;
using Core::DnsChecker;
using Core::ServiceSettings;

DnsConfigurationWidget::DnsConfigurationWidget(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_suffixes(new QLineEdit(this))
    , m_server(new QLineEdit(this))
    , m_serverName(new QLineEdit(this))
    , m_reverse(new QCheckBox(tr("Name Intel AMT systems by a &reverse lookup of their address"), this))
    , m_error(new QLabel(this))
    , m_test(new QPushButton(tr("T&est"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_results(new CheckResultsView(this))
{
    auto *header = new PageHeader(themedIcon(QStringLiteral("dns")), tr("DNS Configuration"),
                                  tr("Intel AMT systems find this server through DNS. Test that they can, and learn "
                                     "why not."),
                                  this);
    auto *explanation = new QLabel(
            tr("<p>Intel AMT setup needs two things from DNS:</p><ul>"
               "<li><b>This server as ProvisionServer</b> in every DNS domain your AMT clients "
               "use. A system in setup mode looks up <i>ProvisionServer.&lt;its domain&gt;</i>, "
               "then the bare <i>ProvisionServer</i>, and sends its hello packets there, to "
               "port %1. Create a CNAME ProvisionServer → this server's name in each domain, or "
               "enter this server's IP address in the MEBx.</li>"
               "<li><b>Each Intel AMT system under its host's name.</b> The AMT device must have "
               "the same fully qualified name as its host operating system, which keeps the DNS "
               "record while it runs.</li></ul>")
                    .arg(ServiceSettings::DefaultListenPort),
            this);
    explanation->setObjectName(QStringLiteral("explanation"));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);

    m_suffixes->setObjectName(QStringLiteral("dnsSuffixes"));
    m_suffixes->setPlaceholderText(tr("example.com, lab.example.com"));
    m_suffixes->setToolTip(tr("The DNS domains your AMT clients use (the DHCP option 15 domain "
                              "suffixes), separated by commas. The test checks ProvisionServer "
                              "in each."));
    m_server->setObjectName(QStringLiteral("dnsServer"));
    m_server->setToolTip(tr("The DNS server to ask, as IP or IP:PORT: enter the server your AMT "
                            "clients use to see what they see. Empty: this machine's "
                            "resolvers. Reverse lookups of systems go to the same server."));
    m_systemServersText = tr("the system resolver");
    m_serverName->setObjectName(QStringLiteral("serverName"));
    // This machine's resolvers and name come from /etc/resolv.conf and friends: read them off
    // the GUI thread.
    Core::whenReady(QtConcurrent::run([] {
                        return QStringList{Core::DnsResolver().serversText(), DnsChecker::localServerName()};
                    }),
                    this, [this](const QStringList &local) {
                        m_systemServersText = local.at(0);
                        m_server->setPlaceholderText(local.at(0));
                        m_serverName->setPlaceholderText(local.at(1));
                    });
    m_serverName->setToolTip(tr("This provisioning server's fully qualified name, the target of "
                                "the ProvisionServer CNAMEs. Empty: this machine's name."));
    m_reverse->setObjectName(QStringLiteral("reverseLookups"));
    m_reverse->setToolTip(tr("Systems get their name from a PTR lookup of the address their "
                             "hello came from, until they report their own."));
    m_error->setObjectName(QStringLiteral("settingsError"));

    auto *form = new QFormLayout;
    form->addRow(tr("DNS &suffixes:"), m_suffixes);
    form->addRow(tr("DNS ser&ver:"), m_server);
    form->addRow(tr("This server's &name:"), m_serverName);
    form->addRow(QString(), m_reverse);
    form->addRow(QString(), m_error);

    m_form = new SettingsForm(m_context.store, this, this);

    m_test->setObjectName(QStringLiteral("test"));
    m_test->setToolTip(tr("Check ProvisionServer in each suffix, this server's name, the hello "
                          "listener, and each system's forward and reverse records"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("testStatus"));
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_progress);
    testRow->addWidget(m_status, 1);

    m_results->setEmptyText(tr("Press Test to check that your AMT clients can find this server "
                               "through DNS."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_form->banner());
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_form->buttons());
    layout->addLayout(testRow);
    layout->addWidget(m_results, 1);

    for (QLineEdit *e : {m_suffixes, m_server, m_serverName})
        connect(e, &QLineEdit::textEdited, m_form, &SettingsForm::fieldsEdited);
    connect(m_reverse, &QCheckBox::toggled, m_form, &SettingsForm::fieldsEdited);
    connect(m_test, &QPushButton::clicked, this, &DnsConfigurationWidget::test);
    connect(&m_watcher, &QFutureWatcherBase::resultReadyAt, this,
            [this](int i) { m_results->append(m_watcher.resultAt(i)); });
    connect(&m_watcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &DnsConfigurationWidget::finished);
}

DnsConfigurationWidget::~DnsConfigurationWidget()
{
    // The worker holds copies only; it stops at its next question.
    m_watcher.disconnect(this);
    m_watcher.cancel();
}

QList<SettingsFields::Field> DnsConfigurationWidget::settingsFields() const
{
    return {
            {ServiceSettings::DnsSuffixesKey, {m_suffixes}, m_error},
            {ServiceSettings::DnsServerKey, {m_server}, m_error},
            {ServiceSettings::ServerFqdnKey, {m_serverName}, m_error},
            {ServiceSettings::ReverseLookupsKey, {m_reverse}},
    };
}

void DnsConfigurationWidget::showSettings(const ServiceSettings &settings, const QStringList &keys)
{
    if (keys.contains(ServiceSettings::DnsSuffixesKey))
        m_suffixes->setText(settings.dnsSuffixes.join(QStringLiteral(", ")));
    if (keys.contains(ServiceSettings::DnsServerKey))
        m_server->setText(settings.dnsServer);
    if (keys.contains(ServiceSettings::ServerFqdnKey))
        m_serverName->setText(settings.serverFqdn);
    if (keys.contains(ServiceSettings::ReverseLookupsKey))
        m_reverse->setChecked(settings.reverseLookups);
}

QList<Core::SettingProblem> DnsConfigurationWidget::readSettings(ServiceSettings &settings) const
{
    QList<Core::SettingProblem> problems;
    readText(settings, ServiceSettings::DnsSuffixesKey, m_suffixes->text(), &problems);
    readText(settings, ServiceSettings::DnsServerKey, m_server->text(), &problems);
    readText(settings, ServiceSettings::ServerFqdnKey, m_serverName->text(), &problems);
    settings.reverseLookups = m_reverse->isChecked();
    return problems;
}

bool DnsConfigurationWidget::isRunning() const
{
    return m_starting || m_watcher.isRunning();
}

void DnsConfigurationWidget::test()
{
    if (isRunning()) {
        m_cancelled = true;
        if (m_starting) { // still reading the systems: it never starts
            m_starting = false;
            finished();
            return;
        }
        m_watcher.cancel();
        m_test->setEnabled(false);
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QList<Core::SettingProblem> problems;
    m_form->edited(&problems);
    if (!problems.isEmpty()) {
        m_status->setText(tr("Correct the settings first: %1").arg(problems.first().message));
        return;
    }
    m_test->setText(tr("&Cancel"));
    m_test->setToolTip(tr("Stop the test"));
    m_status->setText(tr("Reading the systems…"));
    m_results->clear();
    m_starting = true;
    const quint64 run = ++m_run;
    // Each system with a name gets its forward and reverse records checked.
    Core::SystemFilter filter;
    filter.limit = 1000;
    Core::whenReady(m_context.store->listSystems(filter), this,
                    [this, run](const Core::StoreResult<QList<Core::AmtSystem>> &r) {
        if (run != m_run || !m_starting)
            return; // cancelled meanwhile, or superseded
        m_starting = false;
        QList<Core::DnsCheckOptions::System> systems;
        for (const Core::AmtSystem &s : r.value) {
            if (!s.fqdn.isEmpty())
                systems.append({s.uuid, s.fqdn, QHostAddress(s.address)});
        }
        start(systems);
    });
}

void DnsConfigurationWidget::start(const QList<Core::DnsCheckOptions::System> &systems)
{
    QString problem;
    const ServiceSettings s = m_form->edited();
    Core::DnsCheckOptions o;
    o.suffixes = s.dnsSuffixes;
    o.server = Core::DnsServer::parse(s.dnsServer, &problem);
    o.serverName = s.serverFqdn;
    o.listenPort = quint16(s.listenPort);
    o.systems = systems;
    // A chosen server is named without reading anything; the system's were read at start.
    m_serverText = o.server.isNull() ? m_systemServersText : Core::DnsResolver(o.server).serversText();
    m_results->setReportHeader(
            tr("DNS test of %1 against %2").arg(QDateTime::currentDateTime().toString(Qt::ISODate), m_serverText));
    m_cancelled = false;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_status->setText(tr("Asking %1…").arg(m_serverText));
    m_watcher.setFuture(QtConcurrent::run([o](QPromise<CheckResult> &promise) {
        DnsChecker(o).run(
                [&promise](const CheckResult &r, int done, int total) {
            promise.setProgressRange(0, total);
            promise.setProgressValue(done);
            promise.addResult(r);
                },
                [&promise] { return promise.isCanceled(); });
    }));
}

void DnsConfigurationWidget::finished()
{
    m_progress->hide();
    m_test->setEnabled(true);
    m_test->setText(tr("T&est"));
    m_test->setToolTip(tr("Check ProvisionServer in each suffix, this server's name, the hello "
                          "listener, and each system's forward and reverse records"));
    const QList<CheckResult> results = m_results->model()->results();
    if (m_cancelled) {
        m_status->setText(tr("Cancelled after %n checks.", nullptr, int(results.size())));
        m_results->setSummary({}, false);
        Q_EMIT testFinished();
        return;
    }
    const QString summary = DnsChecker::summary(results, m_serverText);
    const bool ok = DnsChecker::allPassed(results);
    m_status->clear();
    m_results->setSummary(summary, !ok);
    m_results->selectFirstProblem();
    if (m_context.log)
        m_context.log->log(ok ? Core::Severity::Information : Core::Severity::Warning, summary,
                           DnsChecker::toText(results), {}, QStringLiteral("console"));
    Q_EMIT testFinished();
}

} // namespace Oobm::Gui

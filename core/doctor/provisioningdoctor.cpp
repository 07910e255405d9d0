// SPDX-License-Identifier: GPL-2.0-or-later
#include "provisioningdoctor.h"

#include "core/amt/amttypes.h"
#include "core/amt/devicesession.h"
#include "core/engine/systemactions.h"
#include "core/keys/keyledger.h"
#include "core/keys/pidpps.h"
#include "core/log/logfilter.h"
#include "core/store/store.h"

#include <QHostAddress>
#include <QLocale>
#include <QUuid>

namespace Oobm::Core {

namespace {

QString when(const QDateTime &t)
{
    return t.isValid() ? QLocale::c().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QStringLiteral("-");
}

CheckResult check(const QString &id, const QString &title, CheckVerdict verdict, const QString &answer,
                  const QString &cause = {}, const QString &fix = {})
{
    return {id, title, verdict, answer, cause, fix};
}

} // namespace

QString DoctorReport::toText() const
{
    QString text = ProvisioningDoctor::tr("Diagnosis of %1").arg(subject);
    if (!uuid.isEmpty() && uuid != subject)
        text += QStringLiteral(" (%1)").arg(uuid);
    text += u'\n';
    for (const CheckResult &c : checks)
        text += QStringLiteral("  %1\n").arg(c.toText());
    text += ProvisioningDoctor::tr("Verdict: %1\n").arg(verdict.toText());
    return text;
}

DoctorReport ProvisioningDoctor::diagnose(const DoctorEvidence &e)
{
    DoctorReport report;
    report.subject = e.subject;
    report.uuid = e.found ? e.system.uuid : QString();
    const QDateTime now = e.now.isValid() ? e.now : QDateTime::currentDateTimeUtc();
    QList<CheckResult> &checks = report.checks;
    const AmtSystem &s = e.system;
    const bool hasHellos = e.found && !e.hellos.isEmpty();
    if (!e.storeError.isEmpty()) {
        report.verdict = check(QStringLiteral("store"), tr("Database"), CheckVerdict::Fail, e.storeError,
                               tr("The database cannot be read, so nothing about the system is known."),
                               tr("Fix the database connection (the status bar says why), then diagnose "
                                  "again."));
        checks << report.verdict;
        return report;
    }

    // 1. Hellos received from it, and its UUID in the log (the reference's first two questions).
    if (hasHellos) {
        const HelloRecord &last = e.hellos.first();
        checks << check(QStringLiteral("hellos"), tr("Hellos received"), CheckVerdict::Pass,
                        tr("%1 hellos, first %2, last %3 from %4, retry %5 (%6)")
                                .arg(s.helloCount)
                                .arg(when(s.firstSeen), when(last.time), last.address)
                                .arg(last.retry)
                                .arg(last.version == 3 ? tr("PKI, Remote Configuration") : tr("PSK")));
    } else {
        checks << check(QStringLiteral("hellos"), tr("Hellos received"), CheckVerdict::Fail,
                        e.found ? tr("known, but no hello recorded")
                                : tr("no system and no hello matches %1").arg(e.subject));
    }
    checks << check(QStringLiteral("log"), tr("Its UUID in the log"),
                    e.logEntries > 0 ? CheckVerdict::Pass : CheckVerdict::Info,
                    e.logEntries > 0 ? tr("%1 entries; newest error: %2")
                                               .arg(e.logEntries)
                                               .arg(e.lastLogError.isEmpty() ? tr("none") : e.lastLogError)
                                     : tr("no entries"));

    // 2. This server: an engine listening, ProvisionServer in DNS, the listener reachable.
    bool engineAlive = false;
    QStringList engineErrors;
    for (const EngineStatus &engine : e.engines) {
        if (engine.isAlive(now) && engine.error.isEmpty())
            engineAlive = true;
        else if (engine.isAlive(now))
            engineErrors << tr("%1: %2").arg(engine.host, engine.error);
    }
    const CheckResult engineCheck = engineAlive
            ? check(QStringLiteral("engine"), tr("Provisioning engine"), CheckVerdict::Pass,
                    tr("running and listening"))
            : check(QStringLiteral("engine"), tr("Provisioning engine"), CheckVerdict::Fail,
                    engineErrors.isEmpty() ? tr("no engine has reported in the last 30 s")
                                           : engineErrors.join(QStringLiteral("; ")),
                    tr("No provisioning engine is receiving hellos for this database."),
                    engineErrors.isEmpty() ? tr("Start the console (it embeds the engine) or the "
                                                "oobm-engine service.")
                                           : tr("Free the port or choose another on the General "
                                                "page, then restart the engine."));
    // A provisioned system no longer needs the hello path; its problems are worth a warning.
    const bool needsPath = !(e.found && e.system.state == SystemState::Provisioned);
    const auto demoted = [needsPath](CheckResult c) {
        if (!needsPath && c.verdict == CheckVerdict::Fail)
            c.verdict = CheckVerdict::Warning;
        return c;
    };
    checks << demoted(engineCheck);
    for (const CheckResult &c : e.network)
        checks << demoted(c);

    if (!hasHellos && !needsPath) {
        checks << check(QStringLiteral("provisioned"), tr("State"), CheckVerdict::Pass,
                        tr("provisioned %1, AMT %2").arg(when(s.provisioned), s.amtVersion));
        report.verdict = checks.last();
        report.verdict.check = tr("Healthy");
        return report;
    }
    if (!hasHellos) {
        for (const CheckResult &c : std::as_const(checks)) {
            if (c.id != QLatin1String("hellos") && !c.isPass() && c.verdict != CheckVerdict::Warning) {
                report.verdict = c;
                return report;
            }
        }
        report.verdict = check(QStringLiteral("no-hellos"), tr("System missing"), CheckVerdict::Fail,
                               tr("no hello from %1 has reached this server").arg(e.subject),
                               tr("DNS and the listener are in order, so the device sends its hellos elsewhere "
                                  "(an address entered in the MEBx, another ProvisionServer) or not at all (not "
                                  "in setup mode, or its hello window has closed)."),
                               tr("In the MEBx (Ctrl+P), check that the device is in setup mode and which "
                                  "provisioning server it uses; restart its hellos by removing power and "
                                  "draining it; send a test hello from the Service Location page to prove the "
                                  "path."));
        return report;
    }

    // 3. What became of its hellos.
    const HelloRecord &last = e.hellos.first();
    if (last.version == 2) {
        if (e.pidKnown)
            checks << check(
                    QStringLiteral("pid"), tr("Its PID"), CheckVerdict::Pass,
                    tr("%1 is in the ledger (%2)").arg(PidPps::formatPid(e.key.pid), keyStateName(e.key.state)));
        else
            checks << check(QStringLiteral("unknown-pid"), tr("Its PID"), CheckVerdict::Fail,
                            tr("failed to find PID %1").arg(PidPps::formatPid(last.pid)),
                            tr("The device authenticates with a PID this server does not have."),
                            tr("Import the keys the OEM or provider gave you (Security Keys > "
                               "Import), or enter a PID/PPS generated here in the device's "
                               "MEBx."));
    } else if (last.version == 3) {
        if (!e.settings.allowRemoteConfiguration) {
            checks << check(QStringLiteral("remote-configuration-off"), tr("Remote Configuration"), CheckVerdict::Fail,
                            tr("PKI hello, but Remote Configuration is off"),
                            tr("The device asks for Remote Configuration, which this server "
                               "refuses."),
                            tr("Turn on \"Allow Remote Configuration\" on the General page and "
                               "import a provisioning certificate."));
        } else {
            QStringList loaded;
            bool matched = false;
            for (const ProvisioningCertificate &c : e.certificates) {
                loaded << c.rootSha1;
                for (const QString &offered : last.rootHashes) {
                    matched = matched || (!c.rootSha1.isEmpty() && offered.contains(c.rootSha1, Qt::CaseInsensitive))
                            || (!c.rootSha256.isEmpty() && offered.contains(c.rootSha256, Qt::CaseInsensitive));
                }
            }
            // The certificate's domain suffix must be the device's (docs/protocol.md §2, item 5).
            const QString domain = s.fqdn.contains(u'.') ? s.fqdn.section(u'.', 1) : QString();
            QStringList names;
            bool suffixOk = domain.isEmpty();
            for (const ProvisioningCertificate &c : e.certificates) {
                names << c.commonName;
                suffixOk = suffixOk || c.matchesDomain(domain);
            }
            if (matched && !suffixOk)
                checks << check(
                        QStringLiteral("suffix-mismatch"), tr("Remote Configuration"), CheckVerdict::Fail,
                        tr("device domain %1; certificates for %2").arg(domain, names.join(QStringLiteral(", "))),
                        tr("The provisioning certificate's domain suffix is not the device's "
                           "(DHCP option 15 or the MEBx PKI DNS suffix)."),
                        tr("Import a provisioning certificate issued for a name in %1, or correct "
                           "the device's DNS suffix.")
                                .arg(domain));
            else if (matched)
                checks << check(QStringLiteral("certificate"), tr("Remote Configuration"), CheckVerdict::Pass,
                                tr("a loaded certificate matches a root hash it offers"));
            else
                checks << check(QStringLiteral("no-matching-root"), tr("Remote Configuration"), CheckVerdict::Fail,
                                tr("offered %1; loaded %2")
                                        .arg(last.rootHashes.join(QStringLiteral(", ")),
                                             loaded.isEmpty() ? tr("none") : loaded.join(QStringLiteral(", "))),
                                tr("No provisioning certificate here chains to a root the device trusts."),
                                tr("Import a provisioning certificate whose root hash the device "
                                   "has (MEBx > TLS PKI > Manage Certificate Hashes)."));
        }
    }

    switch (s.state) {
    case SystemState::AwaitingAuthorization:
        checks << check(QStringLiteral("awaiting-authorization"), tr("Authorization"), CheckVerdict::Warning,
                        tr("waiting since %1").arg(when(s.firstSeen)),
                        tr("\"Intel AMT requires authorization before provisioning\" is on and "
                           "nobody has authorized this system yet."),
                        tr("Authorize it on the Intel AMT Systems page (or oobmctl systems "
                           "authorize %1).")
                                .arg(s.uuid));
        break;
    case SystemState::HelloWindowExpired:
        checks << check(QStringLiteral("hello-window-expired"), tr("Hello window"), CheckVerdict::Fail,
                        tr("last hello %1").arg(when(s.lastHello)),
                        tr("The device stopped sending hellos: its hello window closed before "
                           "it was provisioned (mode 6)."),
                        tr("Fix the cause above, then restart its hellos with Delayed "
                           "Provisioning (or by removing power and draining it)."));
        break;
    case SystemState::Failed: {
        QString answer = s.reason;
        if (e.lastFailedStep.id > 0)
            answer = tr("%1 failed at %2 (%3): %4")
                             .arg(when(e.lastFailedStep.time), e.lastFailedStep.step, e.lastFailedStep.status,
                                  e.lastFailedStep.message);
        checks << check(QStringLiteral("failed"), tr("Last provisioning attempt"), CheckVerdict::Fail, answer, s.reason,
                        tr("Open Actions Status for this system for every step; correct the "
                           "profile or the device, and the engine retries at its next hello."));
        break;
    }
    case SystemState::Provisioning:
        checks << check(QStringLiteral("provisioning"), tr("State"), CheckVerdict::Info, tr("being provisioned now"));
        break;
    case SystemState::Provisioned:
        if (e.deviceProbed && e.deviceError.isEmpty())
            checks << check(QStringLiteral("device"), tr("The device itself"), CheckVerdict::Pass,
                            tr("answers over SOAP: %1").arg(e.deviceAnswer));
        else if (e.deviceProbed)
            checks << check(QStringLiteral("device"), tr("The device itself"), CheckVerdict::Warning, e.deviceError,
                            tr("The system is provisioned here but does not answer with the stored "
                               "credentials."),
                            tr("Check that it is powered and on the network; if it was unprovisioned "
                               "locally (MEBx), unprovision it here too so that it can be provisioned "
                               "again."));
        checks << check(QStringLiteral("provisioned"), tr("State"), CheckVerdict::Pass,
                        tr("provisioned %1, AMT %2, %3")
                                .arg(when(s.provisioned), s.amtVersion, s.fqdn.isEmpty() ? s.address : s.fqdn));
        break;
    default:
        checks << check(QStringLiteral("state"), tr("State"), CheckVerdict::Info, systemStateName(s.state));
        break;
    }

    // A provisioned system's old hello says nothing against it now (Remote Configuration turned
    // off since, a certificate removed): such findings are warnings.
    if (!needsPath) {
        for (CheckResult &c : checks) {
            if (c.verdict == CheckVerdict::Fail)
                c.verdict = CheckVerdict::Warning;
        }
        report.verdict = checks.last();
        report.verdict.check = tr("Healthy");
        for (const CheckResult &c : std::as_const(checks)) {
            if (c.id == QLatin1String("device") && c.verdict != CheckVerdict::Pass)
                report.verdict = c; // provisioned here, silent there: that is the news
        }
        return report;
    }
    // The verdict: the first check that is not a pass, the system-specific ones first (a
    // known system's own failure explains it better than the server's state does now).
    const QStringList order{QStringLiteral("unknown-pid"),
                            QStringLiteral("remote-configuration-off"),
                            QStringLiteral("no-matching-root"),
                            QStringLiteral("suffix-mismatch"),
                            QStringLiteral("hello-window-expired"),
                            QStringLiteral("awaiting-authorization"),
                            QStringLiteral("failed")};
    for (const QString &id : order) {
        for (const CheckResult &c : std::as_const(checks)) {
            if (c.id == id) {
                report.verdict = c;
                return report;
            }
        }
    }
    for (const CheckResult &c : std::as_const(checks)) {
        if (c.verdict == CheckVerdict::Fail) {
            report.verdict = c;
            return report;
        }
    }
    report.verdict = checks.last();
    if (s.state == SystemState::Provisioned)
        report.verdict.check = tr("Healthy");
    return report;
}

DoctorEvidence ProvisioningDoctor::gather(Store *store, const QString &subject,
                                          const DnsResolver::CancelCheck &cancelled)
{
    DoctorEvidence e;
    e.subject = subject.trimmed();
    e.now = QDateTime::currentDateTimeUtc();
    const StoreResult<ServiceSettings> settings = store->serviceSettings().result();
    if (!settings.ok()) {
        e.storeError = settings.error.message;
        return e;
    }
    e.settings = settings.value;
    e.engines = store->engines().result().value;
    e.certificates = store->listCertificates().result().value;

    // The system, by UUID, address or FQDN.
    SystemFilter filter;
    filter.text = e.subject;
    const StoreResult<QList<AmtSystem>> listed = store->listSystems(filter).result();
    if (!listed.ok()) {
        e.storeError = listed.error.message;
        return e;
    }
    const QList<AmtSystem> &candidates = listed.value;
    const bool isUuid = !QUuid::fromString(e.subject).isNull();
    for (const AmtSystem &s : candidates) {
        if ((isUuid && s.uuid.compare(e.subject, Qt::CaseInsensitive) == 0) || s.address == e.subject
            || s.fqdn.compare(e.subject, Qt::CaseInsensitive) == 0) {
            e.found = true;
            e.system = s;
            break;
        }
    }
    if (e.found) {
        e.hellos = store->listHellos(e.system.uuid, 0, 50).result().value;
        LogQuery q;
        q.filter.deviceUuid = e.system.uuid;
        q.limit = 500;
        const QList<LogEntry> entries = store->queryLog(q).result().value;
        e.logEntries = int(entries.size());
        for (const LogEntry &entry : entries) {
            if (entry.severity == Severity::Error) {
                e.lastLogError = entry.message;
                break;
            }
        }
        if (!e.hellos.isEmpty() && e.hellos.first().version == 2) {
            KeyFilter kf;
            kf.text = QString::fromLatin1(e.hellos.first().pid);
            for (const KeyRecord &k : store->listKeys(kf).result().value) {
                if (k.pid == e.hellos.first().pid) {
                    e.pidKnown = true;
                    e.key = k;
                }
            }
        }
        ActionFilter af;
        af.uuid = e.system.uuid;
        af.results = {ActionRecord::Result::Failed};
        af.limit = 1;
        const QList<ActionRecord> failed = store->listActions(af).result().value;
        if (!failed.isEmpty())
            e.lastFailedStep = failed.first();
    }

    // A provisioned system says itself what it is: its version and provisioning state, in its
    // dialect (docs/protocol.md §13.7), with the credentials OOBM stored (never logged; only the answer is kept). Only
    // one that still sends hellos: for the others diagnose() looks no further than the stored state.
    if (e.found && e.system.state == SystemState::Provisioned && !e.hellos.isEmpty() && !(cancelled && cancelled())) {
        const StoreResult<AmtSystem> credentials = store->systemCredentials(e.system.uuid).result();
        e.deviceProbed = true;
        if (!credentials.ok()) {
            e.deviceError = credentials.error.message;
        } else {
            const std::unique_ptr<Amt::DeviceSession> session = Amt::DeviceSession::open(
                    SystemActions::endpointFor(credentials.value, SystemActions::DefaultHttpPort,
                                               SystemActions::DefaultTlsPort, 3000),
                    SystemActions::dialectFor(credentials.value), credentials.value.amtVersion);
            const Amt::AmtResult<QString> version = session->coreVersion();
            const Amt::AmtResult<unsigned> state = version.ok() ? session->provisioningState()
                                                                : Amt::AmtResult<unsigned>{};
            if (!version.ok())
                e.deviceError = version.error.message;
            else if (!state.ok())
                e.deviceError = state.error.message;
            else
                e.deviceAnswer = tr("AMT %1, provisioning state %2, in %3")
                                         .arg(version.value, Amt::provisioningStateName(state.value),
                                              Amt::dialectName(session->dialect()));
        }
    }

    // The path a hello takes: ProvisionServer in the system's domain (or the configured ones),
    // this server's name and the listener.
    DnsCheckOptions o;
    if (e.found && e.system.fqdn.contains(u'.'))
        o.suffixes = {e.system.fqdn.section(u'.', 1)};
    else
        o.suffixes = e.settings.dnsSuffixes;
    QString problem;
    o.server = DnsServer::parse(e.settings.dnsServer, &problem);
    o.serverName = e.settings.serverFqdn;
    o.listenPort = quint16(e.settings.listenPort);
    o.timeoutMs = 2000;
    for (const CheckResult &c : DnsChecker(o).run({}, cancelled)) {
        // The bare name matters to a device only without a domain.
        if (c.id == QLatin1String("provisionserver:") && !o.suffixes.isEmpty())
            continue;
        e.network << c;
    }
    return e;
}

SystemFilter ProvisioningDoctor::unprovisionedFilter()
{
    SystemFilter f;
    for (SystemState s : allSystemStates()) {
        if (s != SystemState::Provisioned)
            f.states << s;
    }
    return f;
}

QStringList ProvisioningDoctor::unprovisionedSystems(Store *store, QString *error)
{
    const StoreResult<QList<AmtSystem>> r = store->listSystems(unprovisionedFilter()).result();
    if (!r.ok()) {
        *error = r.error.message;
        return {};
    }
    QStringList uuids;
    for (const AmtSystem &s : r.value)
        uuids << s.uuid;
    return uuids;
}

} // namespace Oobm::Core

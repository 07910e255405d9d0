// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctldiagnostics.h"

#include "core/dns/dnschecker.h"
#include "core/doctor/provisioningdoctor.h"
#include "core/keys/pidpps.h"
#include "core/keys/provisioningcertificate.h"
#include "core/logbook/userlog.h"
#include "core/provisioning/helloclient.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QUuid>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

QJsonObject checkJson(const CheckResult &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("check"), r.check},
            {QStringLiteral("verdict"), checkVerdictName(r.verdict)},
            {QStringLiteral("answer"), r.answer},
            {QStringLiteral("cause"), r.cause},
            {QStringLiteral("fix"), r.fix}};
}

} // namespace

int dnsTest(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'dns test' takes no arguments; give suffixes with --suffix S."));
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    const StoreResult<ServiceSettings> settings = store->serviceSettings().result();
    if (!settings.ok())
        return failure(c.err, settings.error.message);
    DnsCheckOptions o;
    o.suffixes = settings.value.dnsSuffixes;
    if (c.parser.isSet(QStringLiteral("suffix"))) {
        ServiceSettings parsed;
        const QString problem = parsed.setValue(ServiceSettings::DnsSuffixesKey,
                                                c.parser.values(QStringLiteral("suffix")).join(u','));
        if (!problem.isEmpty())
            return usage(c.err, problem);
        o.suffixes = parsed.dnsSuffixes;
    }
    QString problem;
    o.server = DnsServer::parse(c.parser.isSet(QStringLiteral("server")) ? c.parser.value(QStringLiteral("server"))
                                                                         : settings.value.dnsServer,
                                &problem);
    if (!problem.isEmpty())
        return usage(c.err, problem);
    o.serverName = c.parser.isSet(QStringLiteral("server-name"))
            ? c.parser.value(QStringLiteral("server-name")).trimmed().toLower()
            : settings.value.serverFqdn;
    o.listenPort = quint16(settings.value.listenPort);
    for (const AmtSystem &s : store->listSystems({}).result().value) {
        if (!s.fqdn.isEmpty())
            o.systems.append({s.uuid, s.fqdn, QHostAddress(s.address)});
    }
    const QString serverText = DnsResolver(o.server).serversText();
    const QList<CheckResult> results = DnsChecker(o).run(
            c.format == Format::Json ? DnsChecker::Report{} : [&c](const CheckResult &r, int, int) {
                c.out << r.toText() << '\n';
                c.out.flush();
            });
    const QString summary = DnsChecker::summary(results, serverText);
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const CheckResult &r : results)
            a.append(checkJson(r));
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("summary"), summary}, {QStringLiteral("checks"), a}})
                         .toJson(QJsonDocument::Indented);
    } else {
        c.out << summary << '\n';
    }
    c.out.flush();
    // The run is worth a line in the log, as the console's Test button writes one.
    UserLog log(store.get(), QStringLiteral("oobmctl"));
    log.log(DnsChecker::allPassed(results) ? Severity::Information : Severity::Warning, summary,
            DnsChecker::toText(results));
    log.flush().waitForFinished();
    return DnsChecker::allPassed(results) ? Success : RuntimeError;
}

int doctor(Context &c)
{
    if (c.args.size() > 1)
        return usage(c.err, QStringLiteral("'doctor' takes at most one SYSTEM (a UUID, address or FQDN)."));
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    QStringList subjects = c.args;
    if (subjects.isEmpty()) {
        QString error;
        subjects = ProvisioningDoctor::unprovisionedSystems(store.get(), &error);
        if (!error.isEmpty())
            return failure(c.err, error);
        if (subjects.isEmpty()) {
            c.out << "Every system is provisioned; nothing to diagnose.\n";
            c.out.flush();
            return Success;
        }
    }
    bool allHealthy = true;
    QJsonArray reports;
    UserLog log(store.get(), QStringLiteral("oobmctl"));
    for (const QString &subject : std::as_const(subjects)) {
        const DoctorReport r = ProvisioningDoctor::diagnose(ProvisioningDoctor::gather(store.get(), subject));
        const bool healthy = r.verdict.isPass();
        allHealthy = allHealthy && healthy;
        log.log(healthy ? Severity::Information : Severity::Warning,
                QStringLiteral("Diagnosis of %1: %2").arg(subject, r.verdict.toText()), r.toText(), r.uuid);
        if (c.format == Format::Json) {
            QJsonArray checks;
            for (const CheckResult &x : r.checks)
                checks.append(checkJson(x));
            reports.append(QJsonObject{{QStringLiteral("subject"), r.subject},
                                       {QStringLiteral("uuid"), r.uuid},
                                       {QStringLiteral("verdict"), checkJson(r.verdict)},
                                       {QStringLiteral("checks"), checks}});
        } else {
            c.out << r.toText() << '\n';
        }
    }
    log.flush().waitForFinished();
    if (c.format == Format::Json)
        c.out << QJsonDocument(reports).toJson(QJsonDocument::Indented);
    c.out.flush();
    return allHealthy ? Success : RuntimeError;
}

int helloSend(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'hello send' takes options only: --server HOST:PORT --uuid U (--pid P | --pki)."));
    if (!c.parser.isSet(QStringLiteral("server")) || !c.parser.isSet(QStringLiteral("uuid")))
        return usage(c.err, QStringLiteral("'hello send' needs --server HOST:PORT and --uuid U."));
    const bool pki = c.parser.isSet(QStringLiteral("pki"));
    if (pki == c.parser.isSet(QStringLiteral("pid")))
        return usage(
                c.err,
                QStringLiteral(
                        "'hello send' needs either --pid P (a PSK hello) or --pki (a Remote Configuration hello)."));
    QString host;
    quint16 port = 0;
    QString problem;
    if (!HelloClient::parseServer(c.parser.value(QStringLiteral("server")), &host, &port, &problem))
        return usage(c.err, problem);
    HelloPacket hello;
    hello.uuid = QUuid::fromString(c.parser.value(QStringLiteral("uuid")).trimmed());
    if (hello.uuid.isNull())
        return usage(c.err,
                     QStringLiteral("'%1' is not a UUID such as 4B529B93-D413-181D-E487-1C697A6B7A2B.")
                             .arg(c.parser.value(QStringLiteral("uuid"))));
    int code = Success;
    auto store = openStore(c, &code, false);
    if (!store)
        return code;
    if (pki) {
        hello.version = HelloPacket::Version::Pki;
        QStringList hashes = c.parser.values(QStringLiteral("root-hash"));
        if (hashes.isEmpty()) {
            for (const ProvisioningCertificate &cert : store->listCertificates().result().value)
                hashes << cert.rootSha1;
        }
        if (hashes.isEmpty())
            return usage(c.err,
                         QStringLiteral("No provisioning certificate is loaded to take root hashes from: give "
                                        "--root-hash HEX (SHA-1 or SHA-256)."));
        for (const QString &h : std::as_const(hashes)) {
            const QByteArray bytes = QByteArray::fromHex(h.toLatin1());
            if ((bytes.size() != 20 && bytes.size() != 32)
                || bytes.toHex().compare(h.toLatin1(), Qt::CaseInsensitive) != 0)
                return usage(
                        c.err,
                        QStringLiteral("'%1' is not a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) hash.").arg(h));
            hello.rootHashes.append(
                    {bytes.size() == 32 ? HelloPacket::HashType::Sha256 : HelloPacket::HashType::Sha1, bytes});
        }
    } else {
        QString pidProblem;
        hello.pid = PidPps::normalizePid(c.parser.value(QStringLiteral("pid")), &pidProblem);
        if (hello.pid.isEmpty())
            return usage(c.err, pidProblem);
    }
    // A name is looked up through the DNS server of the settings, like every lookup OOBM makes.
    QHostAddress address(host);
    if (address.isNull()) {
        const ServiceSettings settings = store->serviceSettings().result().value;
        DnsResolver resolver(DnsServer::parse(settings.dnsServer, &problem));
        const DnsResponse r = resolver.lookup(host, DnsType::A);
        if (r.addresses().isEmpty())
            return failure(c.err,
                           QStringLiteral("%1 does not resolve through %2 (%3).")
                                   .arg(host, resolver.serversText(), r.error.isEmpty() ? r.statusText() : r.error));
        address = r.addresses().first();
    }
    const QString uuid = HelloPacket::uuidText(hello.uuid);
    const qint64 before = [&] {
        const auto last = store->listHellos({}, 0, 1).result().value;
        return last.isEmpty() ? qint64(0) : last.first().id;
    }();
    if (const QString error = HelloClient::send(address, port, hello); !error.isEmpty())
        return failure(c.err, error);
    c.out << QStringLiteral("Sent a %1 hello for %2 to %3:%4.\n")
                     .arg(pki ? QStringLiteral("PKI") : QStringLiteral("PSK"), uuid, address.toString())
                     .arg(port);
    c.out.flush();
    // Did an engine on this database record it? (The Hello monitor shows the same row.)
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        for (const HelloRecord &h : store->listHellos(uuid, before, 10).result().value) {
            c.out << QStringLiteral("Received by engine %1 at %2: %3\n")
                             .arg(h.engine, h.time.toLocalTime().toString(Qt::ISODate), h.outcome);
            c.out.flush();
            return Success;
        }
        QThread::msleep(100);
    }
    return failure(c.err,
                   QStringLiteral("The hello was delivered, but no engine on this database recorded it within 5 s: the "
                                  "server at %1:%2 is not an OOBM engine using this database, or it is busy.")
                           .arg(address.toString())
                           .arg(port));
}

} // namespace Oobm::Ctl

// SPDX-License-Identifier: GPL-2.0-or-later
#include "dnschecker.h"

#include <QHostInfo>
#include <QNetworkInterface>
#include <QSet>
#include <QTcpSocket>

namespace Oobm::Core {

namespace {

QString describeAnswer(const DnsResponse &r, const QString &question)
{
    if (r.status == DnsResponse::Status::NxDomain && r.chain(question).size() > 1)
        return QStringLiteral("CNAME %1, NXDOMAIN").arg(r.chain(question).mid(1).join(QStringLiteral(", CNAME ")));
    if (r.status != DnsResponse::Status::Answer && r.status != DnsResponse::Status::NoData)
        return r.error.isEmpty() ? r.statusText() : r.error;
    QStringList parts;
    const QStringList chain = r.chain(question);
    for (int i = 1; i < chain.size(); ++i)
        parts << QStringLiteral("CNAME %1").arg(chain.at(i));
    for (const DnsRecord &rec : r.records) {
        if (rec.type == DnsType::A || rec.type == DnsType::Aaaa || rec.type == DnsType::Ptr)
            parts << QStringLiteral("%1 %2").arg(dnsTypeName(rec.type), rec.value);
    }
    if (r.status == DnsResponse::Status::NoData)
        parts << QStringLiteral("NODATA");
    return parts.join(QStringLiteral(", "));
}

QString joinAddresses(const QList<QHostAddress> &addresses)
{
    QStringList list;
    for (const QHostAddress &a : addresses)
        list << a.toString();
    return list.join(QStringLiteral(", "));
}

bool serverUnreachable(const DnsResponse &r)
{
    return r.status == DnsResponse::Status::Timeout || r.status == DnsResponse::Status::Error;
}

} // namespace

QString checkVerdictName(CheckVerdict verdict)
{
    switch (verdict) {
    case CheckVerdict::Pass:
        return QStringLiteral("pass");
    case CheckVerdict::Info:
        return QStringLiteral("info");
    case CheckVerdict::Warning:
        return QStringLiteral("warning");
    case CheckVerdict::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

QString CheckResult::toText() const
{
    QString line = QStringLiteral("%1  %2").arg(checkVerdictName(verdict).toUpper(), -7).arg(check);
    if (!answer.isEmpty())
        line += QStringLiteral(": %1").arg(answer);
    if (!cause.isEmpty())
        line += QStringLiteral(". %1").arg(cause);
    if (!fix.isEmpty())
        line += QStringLiteral(" Fix: %1").arg(fix);
    return line;
}

DnsChecker::DnsChecker(DnsCheckOptions options)
    : m_options(std::move(options))
{
    if (m_options.serverName.isEmpty())
        m_options.serverName = localServerName();
    if (m_options.localAddresses.isEmpty())
        m_options.localAddresses = QNetworkInterface::allAddresses();
    for (QString &s : m_options.suffixes)
        s = DnsMessage::normalizedName(s);
    m_options.suffixes.removeAll(QString());
    m_options.suffixes.removeDuplicates();
}

QString DnsChecker::localServerName()
{
    const QString host = QHostInfo::localHostName();
    const QString domain = QHostInfo::localDomainName();
    if (domain.isEmpty() || host.contains(u'.'))
        return host.toLower();
    return QStringLiteral("%1.%2").arg(host, domain).toLower();
}

bool DnsChecker::isLocalAddress(const QHostAddress &address, const QList<QHostAddress> &local)
{
    if (address.isLoopback())
        return true;
    for (const QHostAddress &a : local) {
        if (a.isEqual(address, QHostAddress::TolerantConversion))
            return true;
    }
    return false;
}

QString DnsChecker::tcpProblem(const QHostAddress &address, quint16 port, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    if (socket.waitForConnected(timeoutMs)) {
        socket.abort();
        return {};
    }
    if (socket.error() == QAbstractSocket::SocketTimeoutError)
        return tr("no answer within %1 s").arg(timeoutMs / 1000.0, 0, 'g', 2);
    return socket.errorString();
}

QList<CheckResult> DnsChecker::run(const Report &report, const DnsResolver::CancelCheck &cancelled) const
{
    const DnsResolver resolver(m_options.server, m_options.timeoutMs);
    const QString serverText = resolver.serversText();
    const QString me = m_options.serverName;
    QList<CheckResult> results;
    int total = int(m_options.suffixes.size()) + 2 + int(m_options.systems.size());
    QString unreachable; // once the DNS server has not answered, the rest is not asked
    QList<QHostAddress> provisionAddresses;

    const auto add = [&](CheckResult r) {
        results << r;
        if (report)
            report(r, int(results.size()), total);
    };
    const auto isCancelled = [&] { return cancelled && cancelled(); };
    const auto notAsked = [&](const QString &id, const QString &check) {
        add({id, check, CheckVerdict::Fail, unreachable,
             tr("Not asked: the DNS server did not answer the first question."),
             tr("Check the DNS server address (%1) and that it accepts queries from this "
                "machine, then test again.")
                     .arg(serverText)});
    };
    // Only when the very first question gets no answer is the server taken to be unreachable;
    // a later failure is that question's own.
    bool first = true;
    const auto ask = [&](const QString &name, DnsType type) {
        DnsResponse r = resolver.lookup(name, type, cancelled);
        if (first && serverUnreachable(r))
            unreachable = r.error;
        first = false;
        return r;
    };

    // 1. ProvisionServer in each suffix, then the bare name (docs/protocol.md §2).
    QStringList names;
    for (const QString &suffix : m_options.suffixes)
        names << QStringLiteral("provisionserver.%1").arg(suffix);
    names << QStringLiteral("provisionserver");
    for (const QString &name : std::as_const(names)) {
        if (isCancelled())
            return results;
        const bool bare = !name.contains(u'.');
        const QString suffix = bare ? QString() : name.section(u'.', 1);
        const QString label = bare ? QStringLiteral("ProvisionServer")
                                   : QStringLiteral("ProvisionServer.%1").arg(suffix);
        const QString id = QStringLiteral("provisionserver:%1").arg(suffix);
        if (!unreachable.isEmpty()) {
            notAsked(id, label);
            continue;
        }
        const DnsResponse r = ask(name, DnsType::A);
        if (r.status == DnsResponse::Status::Cancelled)
            return results;
        CheckResult c{id, label, CheckVerdict::Fail, describeAnswer(r, name), {}, {}};
        // Without suffixes the bare name is all a device can find; with them it is a fallback
        // that most DNS servers ignore, so its absence is only worth knowing.
        const bool optional = bare && !m_options.suffixes.isEmpty();
        const QString createFix = bare ? tr("Devices ask for the bare name only when they have no domain: enter "
                                            "the DNS suffixes your AMT clients use (DHCP option 15), or enter the "
                                            "provisioning server's IP address in the MEBx.")
                                       : tr("Create a CNAME ProvisionServer → %1 in %2 (and in every other DNS "
                                            "domain your AMT clients use), or enter the provisioning server's IP "
                                            "address in the MEBx.")
                                                 .arg(me, suffix);
        switch (r.status) {
        case DnsResponse::Status::Answer: {
            const QList<QHostAddress> addresses = r.addresses();
            QList<QHostAddress> local;
            for (const QHostAddress &a : addresses) {
                if (isLocalAddress(a, m_options.localAddresses))
                    local << a;
            }
            if (!local.isEmpty()) {
                c.verdict = CheckVerdict::Pass;
                for (const QHostAddress &a : std::as_const(local)) {
                    if (!provisionAddresses.contains(a))
                        provisionAddresses << a;
                }
            } else {
                c.cause = tr("%1 resolves to %2, which is not an address of this server (%3): "
                             "AMT devices in this domain send their hellos there.")
                                  .arg(label, joinAddresses(addresses), joinAddresses(m_options.localAddresses));
                c.fix = tr("Point the CNAME ProvisionServer in %1 at this server (%2), unless "
                           "%3 runs the provisioning service these devices should use.")
                                .arg(bare ? tr("the default domain") : suffix, me, joinAddresses(addresses));
                c.verdict = optional ? CheckVerdict::Warning : CheckVerdict::Fail;
            }
            break;
        }
        case DnsResponse::Status::NxDomain:
            if (r.chain(name).size() > 1) {
                // A CNAME exists, but its target does not: usually a mistyped server name.
                const QString target = r.chain(name).last();
                c.cause = tr("%1 is a CNAME to %2, and %2 does not exist.").arg(label, target);
                c.fix = tr("Correct the CNAME's target: point it at this server's name (%1).").arg(me);
                c.verdict = optional ? CheckVerdict::Warning : CheckVerdict::Fail;
                break;
            }
            c.cause = bare ? tr("No record for the bare name ProvisionServer; most DNS servers "
                                "ignore single-label questions.")
                           : tr("No record for %1: AMT devices in %2 cannot find the "
                                "provisioning server.")
                                     .arg(label, suffix);
            c.fix = createFix;
            c.verdict = optional ? CheckVerdict::Info : CheckVerdict::Fail;
            break;
        case DnsResponse::Status::NoData:
            c.cause = tr("The name %1 exists but has no address record (NODATA: \"The requested "
                         "name is valid, but no data of the requested type was found\"). "
                         "Usually the CNAME points to a name that has no A record, or the name "
                         "holds only other records.")
                              .arg(label);
            c.fix = tr("Make %1 a CNAME to %2 and make sure %2 has an A record with this "
                       "server's address.")
                            .arg(label, me);
            c.verdict = optional ? CheckVerdict::Warning : CheckVerdict::Fail;
            break;
        case DnsResponse::Status::ServerFailure:
        case DnsResponse::Status::Refused:
            c.cause = tr("The DNS server %1 answered %2 for %3.").arg(serverText, r.statusText(), label);
            c.fix = r.status == DnsResponse::Status::Refused
                    ? tr("Allow this machine to query the DNS server, or test against the DNS "
                         "server your AMT clients use.")
                    : tr("The DNS server could not answer (SERVFAIL): check its forwarders and "
                         "the zone of %1.")
                              .arg(suffix.isEmpty() ? label : suffix);
            c.verdict = optional ? CheckVerdict::Warning : CheckVerdict::Fail;
            break;
        default:
            c.verdict = optional ? CheckVerdict::Warning : CheckVerdict::Fail;
            c.cause = tr("The DNS server did not answer: %1.").arg(r.error);
            c.fix = tr("Check the DNS server address (%1) and that it accepts queries from this "
                       "machine, then test again.")
                            .arg(serverText);
            break;
        }
        add(c);
    }

    // 2. This server's own name (the reference's "Resolved Intel SCS IP").
    if (isCancelled())
        return results;
    {
        const QString id = QStringLiteral("server-name");
        const QString label = tr("This server's name %1").arg(me);
        if (!unreachable.isEmpty()) {
            notAsked(id, label);
        } else {
            const DnsResponse r = ask(me, DnsType::A);
            if (r.status == DnsResponse::Status::Cancelled)
                return results;
            CheckResult c{id, label, CheckVerdict::Fail, describeAnswer(r, me), {}, {}};
            QList<QHostAddress> local;
            for (const QHostAddress &a : r.addresses()) {
                if (isLocalAddress(a, m_options.localAddresses))
                    local << a;
            }
            if (!me.contains(u'.')) {
                c.verdict = CheckVerdict::Warning;
                c.cause = tr("This server's name %1 has no DNS domain, so a CNAME in the "
                             "clients' domains cannot point at it reliably.")
                                  .arg(me);
                c.fix = tr("Enter this server's fully qualified name on the Service Location "
                           "page.");
            } else if (r.status == DnsResponse::Status::Answer && !local.isEmpty()) {
                c.verdict = CheckVerdict::Pass;
                c.answer = tr("Resolved provisioning server IP: %1").arg(joinAddresses(local));
            } else if (r.status == DnsResponse::Status::Answer) {
                c.verdict = CheckVerdict::Warning;
                c.cause = tr("%1 resolves to %2, which is not an address of this machine.")
                                  .arg(me, joinAddresses(r.addresses()));
                c.fix = tr("Correct the A record of %1, or enter this server's real name on "
                           "the Service Location page.")
                                .arg(me);
            } else {
                c.cause = tr("This server's name %1 does not resolve (%2), so CNAMEs pointing "
                             "at it lead nowhere.")
                                  .arg(me, r.statusText());
                c.fix = tr("Create an A record for %1 with this server's address (%2).")
                                .arg(me, joinAddresses(m_options.localAddresses));
            }
            add(c);
        }
    }

    // 3. The listener, at each address of this machine that a ProvisionServer name gave.
    total += int(provisionAddresses.size());
    for (const QHostAddress &address : std::as_const(provisionAddresses)) {
        if (isCancelled())
            return results;
        const QString where = address.protocol() == QAbstractSocket::IPv6Protocol
                ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(m_options.listenPort)
                : QStringLiteral("%1:%2").arg(address.toString()).arg(m_options.listenPort);
        CheckResult c{QStringLiteral("listener:%1").arg(address.toString()),
                      tr("Hello listener at %1").arg(where),
                      CheckVerdict::Pass,
                      {},
                      {},
                      {}};
        const QString problem = tcpProblem(address, m_options.listenPort, m_options.connectTimeoutMs);
        if (problem.isEmpty()) {
            c.answer = tr("accepts connections");
        } else {
            c.verdict = CheckVerdict::Fail;
            c.answer = problem;
            c.cause = tr("ProvisionServer resolves to %1, but nothing accepts hellos on port %2 "
                         "there.")
                              .arg(address.toString())
                              .arg(m_options.listenPort);
            c.fix = tr("Start the provisioning engine, make it listen on %1 (Service Location), "
                       "and open TCP port %2 in the firewall.")
                            .arg(address.toString())
                            .arg(m_options.listenPort);
        }
        add(c);
    }

    // 4. Forward and reverse agreement for each system with a name.
    for (const DnsCheckOptions::System &system : m_options.systems) {
        if (isCancelled())
            return results;
        const QString fqdn = DnsMessage::normalizedName(system.fqdn);
        const QString id = QStringLiteral("system:%1").arg(system.uuid);
        const QString label = fqdn.isEmpty() ? system.uuid : fqdn;
        if (!unreachable.isEmpty()) {
            notAsked(id, label);
            continue;
        }
        CheckResult c{id, label, CheckVerdict::Pass, {}, {}, {}};
        const DnsResponse forward = ask(fqdn, DnsType::A);
        if (forward.status == DnsResponse::Status::Cancelled)
            return results;
        const DnsResponse reverse = system.address.isNull() ? DnsResponse{}
                                                            : resolver.reverse(system.address, cancelled);
        if (reverse.status == DnsResponse::Status::Cancelled)
            return results;
        const QStringList ptr = reverse.names(DnsType::Ptr);
        c.answer = tr("forward: %1; reverse of %2: %3")
                           .arg(describeAnswer(forward, fqdn), system.address.toString(),
                                ptr.isEmpty() ? reverse.statusText() : ptr.join(QStringLiteral(", ")));
        bool forwardOk = false;
        for (const QHostAddress &a : forward.addresses())
            forwardOk = forwardOk || a.isEqual(system.address, QHostAddress::TolerantConversion);
        const bool reverseOk = ptr.contains(fqdn);
        if (forward.status != DnsResponse::Status::Answer) {
            c.verdict = CheckVerdict::Warning;
            c.cause =
                    tr("%1 does not resolve (%2), although the system uses that name.").arg(fqdn, forward.statusText());
            c.fix = tr("Register %1 in DNS with the address %2 (the host OS's name and the AMT "
                       "name must agree).")
                            .arg(fqdn, system.address.toString());
        } else if (!forwardOk) {
            c.verdict = CheckVerdict::Warning;
            c.cause = tr("%1 resolves to %2, but the system says hello from %3.")
                              .arg(fqdn, joinAddresses(forward.addresses()), system.address.toString());
            c.fix = tr("Update the A record of %1 (stale DHCP registration?), or correct the "
                       "system's name.")
                            .arg(fqdn);
        } else if (!reverseOk) {
            c.verdict = CheckVerdict::Warning;
            c.cause = ptr.isEmpty() ? tr("%1 has no reverse (PTR) record.").arg(system.address.toString())
                                    : tr("%1 reverse-resolves to %2, not %3.")
                                              .arg(system.address.toString(), ptr.join(QStringLiteral(", ")), fqdn);
            c.fix = tr("Make the PTR record of %1 name %2.").arg(system.address.toString(), fqdn);
        }
        add(c);
    }
    return results;
}

QString DnsChecker::summary(const QList<CheckResult> &results, const QString &serverText)
{
    int pass = 0, warn = 0, fail = 0;
    for (const CheckResult &r : results) {
        pass += r.isPass();
        warn += r.verdict == CheckVerdict::Warning;
        fail += r.verdict == CheckVerdict::Fail;
    }
    return tr("DNS test against %1: %2 passed, %3 with warnings, %4 failed.")
            .arg(serverText)
            .arg(pass)
            .arg(warn)
            .arg(fail);
}

QString DnsChecker::toText(const QList<CheckResult> &results)
{
    QStringList lines;
    for (const CheckResult &r : results)
        lines << r.toText();
    return lines.join(u'\n') + u'\n';
}

bool DnsChecker::allPassed(const QList<CheckResult> &results)
{
    for (const CheckResult &r : results) {
        if (r.verdict == CheckVerdict::Warning || r.verdict == CheckVerdict::Fail)
            return false;
    }
    return true;
}

} // namespace Oobm::Core

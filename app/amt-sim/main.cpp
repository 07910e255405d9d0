// SPDX-License-Identifier: GPL-2.0-or-later
// amt-sim: a fleet of simulated Intel AMT 2.x/3.x devices on loopback addresses.
#include "sim/controlserver.h"
#include "sim/fleet.h"
#include "sim/hellosender.h"
#include "sim/simdevice.h"
#include "sim/soapserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMutexLocker>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Oobm::Sim;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &c, 1);
}

int usage(const QString &message)
{
    std::fprintf(stderr, "amt-sim: %s\nTry 'amt-sim --help'.\n", qPrintable(message));
    return 2;
}

// Every device listens on its own sockets: allow as many descriptors as the system does.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("amt-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OOBM_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Simulated Intel AMT 2.x/3.x devices for tests, benchmarks and rehearsals. Each device "
                           "has its own\n"
                           "loopback address and speaks the real wire protocol: hello packets to the "
                           "ProvisionServer, SOAP on\n"
                           "16992 (HTTP Digest) and 16993 (TLS-PSK in setup mode, TLS once provisioned).\n"
                           "Prints 'UUID ADDRESS MODE VERSION' per device, then 'ready'; runs until SIGINT or "
                           "SIGTERM."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> options{
            {QStringLiteral("fleet"), QStringLiteral("Number of devices (1-65000)."), QStringLiteral("N"),
             QStringLiteral("1")},
            {QStringLiteral("address-base"), QStringLiteral("Address of the first device; the others follow."),
             QStringLiteral("IP"), QStringLiteral("127.10.0.1")},
            {QStringLiteral("mode"),
             QStringLiteral("factory, password-changed, setup-psk, setup-pki, provisioned or disabled."),
             QStringLiteral("MODE"), QStringLiteral("setup-psk")},
            {QStringLiteral("amt-version"),
             QStringLiteral("2.0 to 2.6 (legacy SOAP), 3.0 to 8.0 (legacy SOAP and "
                            "WS-Management: 3.0, 4.0, ...) or 9.0 to 11.0 "
                            "(WS-Management only)."),
             QStringLiteral("V"), QStringLiteral("3.0")},
            {QStringLiteral("admin-password"), QStringLiteral("The MEBx/admin password (Digest password)."),
             QStringLiteral("P"), QStringLiteral("P@ssw0rd")},
            {QStringLiteral("provision-server"), QStringLiteral("Where hellos go: HOST[:PORT] (port 9971 by default)."),
             QStringLiteral("HOST[:PORT]")},
            {QStringLiteral("dns-server"),
             QStringLiteral("Without --provision-server: find ProvisionServer.<domain>, then "
                            "ProvisionServer, through this "
                            "DNS server (the one DHCP would give)."),
             QStringLiteral("IP[:PORT]")},
            {QStringLiteral("domain"), QStringLiteral("The devices' DNS domain (DHCP option 15)."),
             QStringLiteral("DOMAIN"), QStringLiteral("amt.example.test")},
            {QStringLiteral("keys"), QStringLiteral("CSV of PID,PPS[,MEBx password], or a USB One-Touch setup.bin."),
             QStringLiteral("FILE")},
            {QStringLiteral("root-hash"),
             QStringLiteral("Trust this root certificate for Remote Configuration too (hex SHA-1 or "
                            "SHA-256; repeatable)."),
             QStringLiteral("HEX")},
            {QStringLiteral("state-dir"), QStringLiteral("Keep each device's state here; a restart resumes it."),
             QStringLiteral("DIR")},
            {QStringLiteral("time-scale"), QStringLiteral("Run the hello schedule F times faster."),
             QStringLiteral("F"), QStringLiteral("1")},
            {QStringLiteral("control"), QStringLiteral("Control interface (JSON lines) on HOST:PORT, loopback only."),
             QStringLiteral("HOST:PORT")},
            {QStringLiteral("http-port"), QStringLiteral("SOAP over HTTP port."), QStringLiteral("PORT"),
             QStringLiteral("16992")},
            {QStringLiteral("tls-port"), QStringLiteral("SOAP over TLS port."), QStringLiteral("PORT"),
             QStringLiteral("16993")},
            {QStringLiteral("workers"), QStringLiteral("Connections served at once."), QStringLiteral("N"),
             QStringLiteral("64")},
    };
    parser.addOptions(options);
    parser.process(app);

    FleetOptions fo;
    bool ok = false;
    fo.count = parser.value(QStringLiteral("fleet")).toInt(&ok);
    if (!ok)
        return usage(QStringLiteral("--fleet takes a number of devices"));
    fo.addressBase = QHostAddress(parser.value(QStringLiteral("address-base")));
    if (!modeFromKey(parser.value(QStringLiteral("mode")), &fo.mode))
        return usage(QStringLiteral("unknown --mode '%1'").arg(parser.value(QStringLiteral("mode"))));
    fo.amtVersion = parser.value(QStringLiteral("amt-version"));
    static const QStringList versions{QStringLiteral("2.0"),  QStringLiteral("2.1"), QStringLiteral("2.2"),
                                      QStringLiteral("2.5"),  QStringLiteral("2.6"), QStringLiteral("3.0"),
                                      QStringLiteral("4.0"),  QStringLiteral("5.0"), QStringLiteral("6.0"),
                                      QStringLiteral("7.0"),  QStringLiteral("8.0"), QStringLiteral("9.0"),
                                      QStringLiteral("10.0"), QStringLiteral("11.0")};
    if (!versions.contains(fo.amtVersion))
        return usage(QStringLiteral("--amt-version takes one of %1").arg(versions.join(QStringLiteral(", "))));
    // The legacy setup (TLS-PSK, and PKI over the legacy SOAP services) ends with 8.0 here.
    if (fo.mode == Mode::SetupPsk && fo.amtVersion.section(u'.', 0, 0).toInt() >= 9)
        return usage(QStringLiteral("AMT %1 speaks WS-Management only, and amt-sim does not offer its setup yet: "
                                    "use --mode provisioned or factory")
                             .arg(fo.amtVersion));
    if (fo.mode == Mode::SetupPki && fo.amtVersion != u"2.2" && fo.amtVersion != u"2.6" && fo.amtVersion != u"3.0")
        return usage(QStringLiteral("AMT %1 has no Remote Configuration: setup-pki needs 2.2, 2.6 or 3.0")
                             .arg(fo.amtVersion));
    fo.adminPassword = parser.value(QStringLiteral("admin-password"));
    fo.keysFile = parser.value(QStringLiteral("keys"));
    fo.stateDir = parser.value(QStringLiteral("state-dir"));
    fo.domainName = parser.value(QStringLiteral("domain"));
    for (const QString &hash : parser.values(QStringLiteral("root-hash"))) {
        const QByteArray bytes = QByteArray::fromHex(hash.toLatin1());
        if ((bytes.size() != 20 && bytes.size() != 32) || bytes.toHex() != hash.toLower().toLatin1())
            return usage(QStringLiteral("--root-hash takes a SHA-1 (40 hex digits) or SHA-256 (64) "
                                        "hash, not '%1'")
                                 .arg(hash));
        fo.rootHashes << hash.toLower();
    }

    HelloOptions ho;
    if (parser.isSet(QStringLiteral("provision-server"))) {
        const QString server = parser.value(QStringLiteral("provision-server"));
        const int colon = server.lastIndexOf(u':');
        ho.server = QHostAddress(colon < 0 ? server : server.left(colon));
        if (colon >= 0)
            ho.port = server.mid(colon + 1).toUShort(&ok);
        if (ho.server.isNull() || (colon >= 0 && !ok))
            return usage(QStringLiteral("--provision-server takes an IP address and an optional "
                                        "port, e.g. 127.0.0.1:9971"));
    }
    if (parser.isSet(QStringLiteral("dns-server"))) {
        const QString dns = parser.value(QStringLiteral("dns-server"));
        const int colon = dns.lastIndexOf(u':');
        ho.dnsServer = QHostAddress(colon < 0 ? dns : dns.left(colon));
        if (colon >= 0)
            ho.dnsPort = dns.mid(colon + 1).toUShort(&ok);
        if (ho.dnsServer.isNull() || ho.dnsServer.protocol() != QAbstractSocket::IPv4Protocol || (colon >= 0 && !ok))
            return usage(QStringLiteral("--dns-server takes an IPv4 address and an optional port, "
                                        "e.g. 127.0.0.53 or 127.0.0.1:5353"));
    }
    ho.timeScale = parser.value(QStringLiteral("time-scale")).toDouble(&ok);
    if (!ok || ho.timeScale <= 0)
        return usage(QStringLiteral("--time-scale takes a positive number"));

    SoapServerOptions so;
    so.httpPort = parser.value(QStringLiteral("http-port")).toUShort(&ok);
    so.tlsPort = ok ? parser.value(QStringLiteral("tls-port")).toUShort(&ok) : 0;
    so.workers = ok ? parser.value(QStringLiteral("workers")).toInt(&ok) : 0;
    if (!ok || so.workers < 1)
        return usage(QStringLiteral("--http-port, --tls-port and --workers take numbers"));

    raiseFileLimit();
    std::signal(SIGPIPE, SIG_IGN);
    Fleet fleet(fo);
    if (const QString e = fleet.load(); !e.isEmpty()) {
        std::fprintf(stderr, "amt-sim: %s\n", qPrintable(e));
        return 1;
    }
    SoapServer soap(fleet, so);
    HelloSender hellos(fleet, ho, [&soap](SimDevice *d) { soap.updateListeners(d); });
    soap.setModeChangedHandler([&hellos](SimDevice *d) { hellos.reschedule(d); });
    ControlServer control(fleet, soap, hellos);
    if (const QString e = soap.start(); !e.isEmpty()) {
        std::fprintf(stderr, "amt-sim: %s\n", qPrintable(e));
        return 1;
    }
    if (parser.isSet(QStringLiteral("control"))) {
        if (const QString e = control.listen(parser.value(QStringLiteral("control"))); !e.isEmpty()) {
            std::fprintf(stderr, "amt-sim: %s\n", qPrintable(e));
            return 1;
        }
    }
    hellos.start();

    QTextStream out(stdout);
    for (int i = 0; i < fleet.size(); ++i) {
        SimDevice *d = fleet.device(i);
        QMutexLocker lock(&d->mutex);
        const DeviceState &s = d->state();
        out << s.uuid.toString(QUuid::WithoutBraces).toUpper() << ' ' << s.address.toString() << ' ' << modeKey(s.mode)
            << ' ' << s.amtVersion << '\n';
    }
    out << "ready\n";
    out.flush();

    ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    const int rc = QCoreApplication::exec();

    hellos.stop();
    soap.stop();
    for (int i = 0; i < fleet.size(); ++i) {
        SimDevice *d = fleet.device(i);
        QMutexLocker lock(&d->mutex);
        fleet.save(*d);
    }
    return rc;
}

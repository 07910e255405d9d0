// SPDX-License-Identifier: GPL-2.0-or-later
#include "simprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUdpSocket>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace Oobm::Test {

SimProcess::SimProcess() = default;

SimProcess::~SimProcess()
{
    stop();
}

QString SimProcess::uniqueAddressBase()
{
    static int counter = 0;
    const int pid = int(QCoreApplication::applicationPid());
    // 127.(20..219).(0..255).1: the second byte by process id, the third by call, so two test
    // processes that run at once (their ids a few apart) never share a /24; a fleet of up to 254
    // devices stays in its own. (Spreading pid * 7 + call over both bytes made neighbours' fleets
    // meet after a few calls.) A base whose first address is taken anyway is skipped.
    for (int attempt = 0; attempt < 256; ++attempt) {
        const QString base = QStringLiteral("127.%1.%2.1").arg(20 + pid % 200).arg(counter++ % 256);
        QTcpServer probe;
        if (probe.listen(QHostAddress(base), 16992))
            return base;
    }
    return QStringLiteral("127.%1.%2.1").arg(20 + pid % 200).arg(counter++ % 256);
}

QString SimProcess::start(const QStringList &arguments)
{
    QStringList args = arguments;
    if (!args.contains(QStringLiteral("--address-base")))
        args << QStringLiteral("--address-base") << uniqueAddressBase();
    if (!args.contains(QStringLiteral("--control"))) {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        m_controlPort = probe.serverPort();
        probe.close();
        args << QStringLiteral("--control") << QStringLiteral("127.0.0.1:%1").arg(m_controlPort);
    }
    // A test killed by ctest's timeout must not leave its fleet running (and saying hello).
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(QStringLiteral(AMT_SIM_PATH), args);
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("amt-sim did not start: %1").arg(m_process.errorString());
    QDeadlineTimer deadline(60000);
    QByteArray pending;
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(200) && m_process.state() != QProcess::Running)
            return QStringLiteral("amt-sim exited: %1").arg(errorOutput());
        pending += m_process.readAllStandardOutput();
        while (pending.contains('\n')) {
            const int nl = int(pending.indexOf('\n'));
            const QString line = QString::fromUtf8(pending.left(nl)).trimmed();
            pending.remove(0, nl + 1);
            if (line == u"ready")
                return {};
            const QStringList f = line.split(u' ');
            if (f.size() == 4)
                m_devices.append({f.at(0), f.at(1), f.at(2), f.at(3)});
        }
    }
    return QStringLiteral("amt-sim did not say ready within 60 s: %1").arg(errorOutput());
}

void SimProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(20000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString SimProcess::errorOutput() const
{
    return QString::fromUtf8(const_cast<QProcess &>(m_process).readAllStandardError());
}

QJsonObject SimProcess::control(const QJsonObject &request) const
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_controlPort);
    if (!socket.waitForConnected(5000))
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), socket.errorString()}};
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    QByteArray answer;
    while (!answer.contains('\n') && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    return QJsonDocument::fromJson(answer).object();
}

QJsonObject SimProcess::state(int i, bool secrets) const
{
    return control({{QStringLiteral("cmd"), QStringLiteral("get")},
                    {QStringLiteral("uuid"), device(i).uuid},
                    {QStringLiteral("secrets"), secrets}})
            .value(QStringLiteral("device"))
            .toObject();
}

DnsmasqProcess::DnsmasqProcess() = default;

DnsmasqProcess::~DnsmasqProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString DnsmasqProcess::start(const QStringList &records)
{
    // The free port is found by binding and closing, so another process may take it first: a
    // dnsmasq that never answers there gets another port (seen once under a loaded parallel run).
    QString problem;
    for (int attempt = 0; attempt < 3; ++attempt) {
        problem = startOnce(records);
        if (problem.isEmpty() || !problem.startsWith(QLatin1String("dnsmasq did not answer")))
            return problem;
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    return problem;
}

QString DnsmasqProcess::startOnce(const QStringList &records)
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("dnsmasq"),
                                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    if (binary.isEmpty())
        return QStringLiteral("dnsmasq is not installed (Debian package dnsmasq-base; scripts/test installs it)");
    QUdpSocket probe;
    probe.bind(QHostAddress::LocalHost, 0);
    m_port = probe.localPort();
    probe.close();
    QStringList args{QStringLiteral("--no-daemon"),
                     QStringLiteral("--conf-file=/dev/null"),
                     QStringLiteral("--listen-address=127.0.0.1"),
                     QStringLiteral("--bind-interfaces"),
                     QStringLiteral("--port=%1").arg(m_port),
                     QStringLiteral("--no-resolv"),
                     QStringLiteral("--no-hosts"),
                     QStringLiteral("--local=/#/"), // authoritative for everything: unknown names are NXDOMAIN
                     QStringLiteral("--pid-file="),
                     QStringLiteral("--log-facility=-")};
    if (::geteuid() == 0)
        args << QStringLiteral("--user=root");
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(binary, args + records);
    if (!m_process.waitForStarted(5000))
        return QStringLiteral("dnsmasq did not start: %1").arg(m_process.errorString());
    // Ready once it answers: ask it for a name until it does.
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running)
            return QStringLiteral("dnsmasq exited: %1").arg(QString::fromLocal8Bit(m_process.readAll()));
        QUdpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_port);
        // A standard query for "." type SOA; any answer proves it listens.
        s.write(QByteArray::fromHex("abcd01000001000000000000000006000001"));
        // A closed port also wakes the socket up (ICMP port unreachable): only a reply counts.
        if (s.waitForReadyRead(200) && s.hasPendingDatagrams()
            && s.receiveDatagram().data().startsWith(QByteArray::fromHex("abcd")))
            return {};
        QThread::msleep(20);
    }
    return QStringLiteral("dnsmasq did not answer on 127.0.0.1:%1: %2")
            .arg(m_port)
            .arg(QString::fromLocal8Bit(m_process.readAll()).trimmed());
}

QString DnsmasqProcess::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

} // namespace Oobm::Test

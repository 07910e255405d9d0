// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Oobm::Test {

// amt-sim as a test starts it: a real process on its own loopback addresses, with its control
// interface on a free port. Stopped (SIGTERM) on destruction.
class SimProcess
{
public:
    struct Device
    {
        QString uuid;
        QString address;
        QString mode;
        QString version;
    };

    SimProcess();
    ~SimProcess();
    SimProcess(const SimProcess &) = delete;
    SimProcess &operator=(const SimProcess &) = delete;

    // A 127.x.y.1 base that no other test process uses at the same time.
    static QString uniqueAddressBase();

    // Starts amt-sim with these arguments (plus --address-base and --control unless given) and
    // waits for "ready". Returns an error sentence or empty.
    QString start(const QStringList &arguments);
    void stop();

    QList<Device> devices() const { return m_devices; }
    Device device(int i = 0) const { return m_devices.value(i); }
    QJsonObject control(const QJsonObject &request) const;
    QString controlAddress() const { return QStringLiteral("127.0.0.1:%1").arg(m_controlPort); }
    QJsonObject state(int i = 0, bool secrets = false) const; // the "get" answer's device
    QString errorOutput() const;

private:
    QProcess m_process;
    QList<Device> m_devices;
    quint16 m_controlPort = 0;
};

// dnsmasq (Debian package dnsmasq-base) as a test's DNS server: on 127.0.0.1 and a free high
// port, with only the records given, never forwarding anywhere. Stopped on destruction.
class DnsmasqProcess
{
public:
    DnsmasqProcess();
    ~DnsmasqProcess();
    DnsmasqProcess(const DnsmasqProcess &) = delete;
    DnsmasqProcess &operator=(const DnsmasqProcess &) = delete;

    QString start(const QStringList &records); // e.g. "--host-record=scs.example.test,127.0.0.9"
    QString address() const;                   // "127.0.0.1:PORT"
    quint16 port() const { return m_port; }

private:
    QString startOnce(const QStringList &records);

    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace Oobm::Test

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "sim/simdevice.h"

#include <QHash>
#include <QHostAddress>
#include <QString>

#include <memory>
#include <vector>

namespace Oobm::Sim {

struct FleetOptions
{
    int count = 1;
    QHostAddress addressBase{QStringLiteral("127.10.0.1")};
    Mode mode = Mode::SetupPsk;
    QString amtVersion = QStringLiteral("3.0");
    QString adminPassword = QStringLiteral("P@ssw0rd"); // the MEBx password, once changed
    QString keysFile;                                   // CSV: PID,PPS[,MEBx password] per device, in order
    QString stateDir; // one JSON file per device; a restart keeps every device's state
    QString domainName = QStringLiteral("amt.example.test");
    QStringList rootHashes; // extra trusted root hashes (hex SHA-1 or SHA-256) for Remote Configuration
};

// The simulated devices of one amt-sim process.
class Fleet
{
public:
    explicit Fleet(const FleetOptions &options);
    ~Fleet();

    // Creates the devices (state from stateDir where there is some, else fresh). Returns an error
    // sentence on failure.
    QString load();

    int size() const { return int(m_devices.size()); }
    SimDevice *device(int index) const { return m_devices.at(std::size_t(index)).get(); }
    SimDevice *deviceByAddress(quint32 ipv4) const;
    SimDevice *deviceByUuid(const QString &uuid) const;
    const FleetOptions &options() const { return m_options; }

    // Writes one device's state (temporary file, then rename). Call with the device's mutex held.
    void save(const SimDevice &device) const;

    static QUuid uuidFor(const QHostAddress &address);
    // Deterministic default keys, so a lab can be reproduced: valid check characters, derived
    // from the device's UUID.
    static QByteArray defaultPid(const QUuid &uuid);
    static QByteArray defaultPps(const QUuid &uuid);
    // The hashes every simulated device trusts out of the box (stand-ins for the firmware's
    // commercial CA hashes, whose exact list is unknown: docs/protocol.md §11).
    static QStringList defaultRootHashes();

private:
    QString loadKeys(QList<QList<QByteArray>> *rows) const;

    FleetOptions m_options;
    std::vector<std::unique_ptr<SimDevice>> m_devices;
    QHash<quint32, SimDevice *> m_byAddress;
    QHash<QString, SimDevice *> m_byUuid;
};

} // namespace Oobm::Sim

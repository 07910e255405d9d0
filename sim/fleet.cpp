// SPDX-License-Identifier: GPL-2.0-or-later
#include "fleet.h"

#include "core/keys/pidpps.h"
#include "core/keys/setupbin.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace Oobm::Sim {

using namespace Oobm::Core;

Fleet::Fleet(const FleetOptions &options)
    : m_options(options)
{ }

Fleet::~Fleet() = default;

QUuid Fleet::uuidFor(const QHostAddress &address)
{
    static const QUuid ns(QStringLiteral("{6f0b8a2e-7d3c-4c55-9b7e-0a5e1d2c3b4a}"));
    return QUuid::createUuidV5(ns, QStringLiteral("amt-sim/") + address.toString());
}

namespace {
QByteArray alphabetBytes(const QUuid &uuid, const char *salt, int count)
{
    QByteArray seed = QCryptographicHash::hash(QByteArray(uuid.toRfc4122() + salt), QCryptographicHash::Sha256);
    QByteArray out;
    for (int i = 0; out.size() < count; ++i) {
        if (i == seed.size()) {
            seed = QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
            i = 0;
        }
        out.append(PidPps::Alphabet[static_cast<unsigned char>(seed.at(i)) % 36]);
    }
    return out;
}
} // namespace

QStringList Fleet::defaultRootHashes()
{
    QStringList hashes;
    for (const char *name : {"amt-sim default root A", "amt-sim default root B"})
        hashes << QString::fromLatin1(QCryptographicHash::hash(name, QCryptographicHash::Sha1).toHex());
    return hashes;
}

QByteArray Fleet::defaultPid(const QUuid &uuid)
{
    return PidPps::pidFromRandom(alphabetBytes(uuid, "pid", 7));
}

QByteArray Fleet::defaultPps(const QUuid &uuid)
{
    return PidPps::ppsFromRandom(alphabetBytes(uuid, "pps", 24));
}

QString Fleet::loadKeys(QList<QList<QByteArray>> *rows) const
{
    QFile f(m_options.keysFile);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the keys file %1: %2").arg(m_options.keysFile, f.errorString());
    int line = 0;
    while (!f.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(f.readLine()).trimmed();
        if (text.isEmpty() || text.startsWith(u'#') || text.startsWith(QStringLiteral("PID"), Qt::CaseInsensitive))
            continue;
        const QStringList fields = text.split(u',');
        if (fields.size() < 2)
            return QStringLiteral("%1 line %2: expected PID,PPS[,MEBx password]").arg(m_options.keysFile).arg(line);
        QString problem;
        const QByteArray pid = PidPps::normalizePid(fields.at(0), &problem);
        const QByteArray pps = pid.isEmpty() ? QByteArray() : PidPps::normalizePps(fields.at(1), &problem);
        if (pid.isEmpty() || pps.isEmpty())
            return QStringLiteral("%1 line %2: %3").arg(m_options.keysFile).arg(line).arg(problem);
        QList<QByteArray> row{pid, pps};
        if (fields.size() > 2)
            row << fields.at(2).trimmed().toUtf8();
        rows->append(row);
    }
    return {};
}

QString Fleet::load()
{
    if (m_options.count < 1 || m_options.count > 65000)
        return QStringLiteral("--fleet takes 1 to 65000 devices, not %1").arg(m_options.count);
    bool ok = false;
    const quint32 base = m_options.addressBase.toIPv4Address(&ok);
    if (!ok || (base >> 24) != 127)
        return QStringLiteral("--address-base must be an IPv4 loopback address (127.x.y.z), not %1")
                .arg(m_options.addressBase.toString());
    if ((base & 0xFF) == 0 || quint64(base) + quint64(m_options.count) > 0x7FFFFFFFull)
        return QStringLiteral("%1 devices from %2 do not fit in 127.0.0.0/8")
                .arg(m_options.count)
                .arg(m_options.addressBase.toString());
    QList<QList<QByteArray>> keys;
    // A USB key with setup.bin: devices in factory mode take records as a BIOS would at POST.
    QByteArray setupBin;
    bool usbKey = false;
    if (!m_options.keysFile.isEmpty()) {
        QFile f(m_options.keysFile);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read the keys file %1: %2").arg(m_options.keysFile, f.errorString());
        setupBin = f.readAll();
        QString notSetupBin;
        usbKey = SetupBin::decode(setupBin, &notSetupBin).has_value();
        if (!usbKey) {
            if (setupBin.contains('\0'))
                return QStringLiteral("%1 is not a valid setup.bin: %2").arg(m_options.keysFile, notSetupBin);
            if (const QString e = loadKeys(&keys); !e.isEmpty())
                return e;
        }
    }
    bool setupBinChanged = false;
    if (!m_options.stateDir.isEmpty() && !QDir().mkpath(m_options.stateDir))
        return QStringLiteral("cannot create the state folder %1").arg(m_options.stateDir);

    quint32 address = base;
    for (int i = 0; i < m_options.count; ++i, ++address) {
        // Skip .0 and .255 host parts: some tools treat them as network or broadcast addresses.
        while ((address & 0xFF) == 0 || (address & 0xFF) == 255)
            ++address;
        DeviceState s;
        s.address = QHostAddress(address);
        s.uuid = uuidFor(s.address);
        bool restored = false;
        if (!m_options.stateDir.isEmpty()) {
            QFile f(QDir(m_options.stateDir)
                            .filePath(s.uuid.toString(QUuid::WithoutBraces).toUpper() + QStringLiteral(".json")));
            if (f.open(QIODevice::ReadOnly)) {
                const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
                if (doc.isObject()) {
                    s = DeviceState::fromJson(doc.object());
                    restored = true;
                }
            }
        }
        if (!restored) {
            s.amtVersion = m_options.amtVersion;
            s.mode = m_options.mode;
            s.hostName = QStringLiteral("amt-%1").arg(i + 1, 5, 10, QLatin1Char('0'));
            s.domainName = m_options.domainName;
            s.mebxPassword = m_options.mode == Mode::Factory ? QStringLiteral("admin") : m_options.adminPassword;
            s.trustedRootHashes = defaultRootHashes() + m_options.rootHashes;
            if (i < keys.size()) {
                s.pid = keys.at(i).at(0);
                s.pps = keys.at(i).at(1);
                if (keys.at(i).size() > 2 && !keys.at(i).at(2).isEmpty())
                    s.mebxPassword = QString::fromUtf8(keys.at(i).at(2));
            } else {
                s.pid = defaultPid(s.uuid);
                s.pps = defaultPps(s.uuid);
            }
            if (s.mode == Mode::Provisioned)
                s.powerState = 0;
            if (usbKey && s.mode == Mode::Factory) {
                QString why;
                if (const auto record = SetupBin::consumeNext(setupBin, &why)) {
                    // MEBx: the current password must be right, the new one is set, PID/PPS
                    // entered, and the device enters setup mode.
                    if (record->currentMePassword == s.mebxPassword && !record->pid.isEmpty()
                        && !record->pps.isEmpty()) {
                        s.mebxPassword = record->newMePassword;
                        s.pid = record->pid;
                        s.pps = record->pps;
                        s.mode = Mode::SetupPsk;
                    }
                    setupBinChanged = true;
                }
            }
        }
        auto device = std::make_unique<SimDevice>(s);
        device->index = i;
        m_byAddress.insert(address, device.get());
        m_byUuid.insert(s.uuid.toString(QUuid::WithoutBraces).toUpper(), device.get());
        m_devices.push_back(std::move(device));
    }
    if (setupBinChanged) {
        QSaveFile out(m_options.keysFile);
        if (!out.open(QIODevice::WriteOnly) || out.write(setupBin) != setupBin.size() || !out.commit())
            return QStringLiteral("cannot mark the used records in %1").arg(m_options.keysFile);
    }
    return {};
}

SimDevice *Fleet::deviceByAddress(quint32 ipv4) const
{
    return m_byAddress.value(ipv4);
}

SimDevice *Fleet::deviceByUuid(const QString &uuid) const
{
    return m_byUuid.value(uuid.toUpper().remove(u'{').remove(u'}'));
}

void Fleet::save(const SimDevice &device) const
{
    if (m_options.stateDir.isEmpty())
        return;
    const DeviceState &s = device.state();
    QSaveFile f(QDir(m_options.stateDir)
                        .filePath(s.uuid.toString(QUuid::WithoutBraces).toUpper() + QStringLiteral(".json")));
    if (!f.open(QIODevice::WriteOnly))
        return;
    f.write(QJsonDocument(s.toJson(true)).toJson(QJsonDocument::Compact));
    f.commit();
}

} // namespace Oobm::Sim

// SPDX-License-Identifier: GPL-2.0-or-later
#include "provisioningpolicy.h"

#include "core/keys/pidpps.h"

#include <QCoreApplication>

namespace Oobm::Core::ProvisioningPolicy {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::ProvisioningPolicy", text);
}

QString hashText(const HelloPacket::RootHash &h)
{
    const char *type = h.type == HelloPacket::HashType::Sha1 ? "sha1"
            : h.type == HelloPacket::HashType::Sha256        ? "sha256"
                                                             : "sha384";
    return QString::fromLatin1(type) + u':' + QString::fromLatin1(h.hash.toHex().toUpper());
}

// Remote Configuration: the loaded certificate whose root the device trusts (docs/protocol.md
// §4.3), preferring one that has not expired; null when none matches.
const ProvisioningCertificate *matchCertificate(const HelloSnapshot &s)
{
    const ProvisioningCertificate *match = nullptr;
    for (const ProvisioningCertificate &c : s.certificates) {
        for (const HelloPacket::RootHash &h : s.intake.hello.rootHashes) {
            const QString hex = QString::fromLatin1(h.hash.toHex().toUpper());
            if ((h.type == HelloPacket::HashType::Sha1 && hex == c.rootSha1)
                || (h.type == HelloPacket::HashType::Sha256 && hex == c.rootSha256)) {
                if (!match || (match->isExpired() && !c.isExpired()))
                    match = &c;
            }
        }
    }
    return match;
}

} // namespace

ProfileChoice chooseProfile(const QList<ProfileAssignment> &rules, const AmtSystem &system, const QHostAddress &address)
{
    for (const ProfileAssignment &rule : rules) {
        if (rule.matches(system.uuid, system.fqdn, address))
            return {rule.profileId, rule.describe()};
    }
    return {0, tr("default profile")};
}

QString systemName(CommonNameSource source, const QString &fqdn)
{
    const QString host = fqdn.section(u'.', 0, 0);
    switch (source) {
    case CommonNameSource::Fqdn:
        return fqdn;
    case CommonNameSource::HostName:
        return host;
    case CommonNameSource::SamAccountName:
        return host.isEmpty() ? QString() : host.left(15).toUpper() + u'$';
    }
    return fqdn;
}

HelloDecision decide(const HelloSnapshot &s)
{
    HelloDecision d;
    d.system = s.system;
    d.system.name = systemName(s.settings.commonName, s.system.fqdn);
    const HelloPacket &hello = s.intake.hello;
    const bool psk = hello.version == HelloPacket::Version::Psk;
    const qint64 now = s.now.toMSecsSinceEpoch();

    auto leave = [&](const QString &outcome) {
        d.action = HelloDecision::Action::InFlight;
        d.reason = outcome;
        return d;
    };
    auto refuse = [&](const QString &reason) {
        d.action = HelloDecision::Action::Rejected;
        d.reason = reason;
        d.system.state = SystemState::Failed;
        d.system.reason = reason;
        return d;
    };

    if (s.system.state == SystemState::Provisioning && !s.claimedBy.isEmpty() && s.claimUntil.isValid()
        && s.claimUntil.toMSecsSinceEpoch() > now)
        return leave(tr("ignored: being provisioned by the engine %1").arg(s.claimedBy));
    // It must not start a second attempt against a device that is provisioned now.
    if (s.system.state == SystemState::Provisioned && s.system.provisioned.isValid()
        && s.system.provisioned.toMSecsSinceEpoch() > now - StaleHelloMs)
        return leave(tr("ignored: provisioned %1 s ago; the device sent this hello before it was provisioned")
                             .arg((now - s.system.provisioned.toMSecsSinceEpoch()) / 1000));
    if (!psk && !s.settings.allowRemoteConfiguration)
        return refuse(tr("Remote Configuration hello (PKI), but Remote Configuration is off: turn on \"Allow Remote "
                         "Configuration\" on the General page, or give the device a PID/PPS."));
    if (!s.lockedReason.isEmpty())
        return refuse(s.lockedReason);

    // The password this store gave the device when it provisioned it before (a partial
    // unprovision keeps it) is the most likely one.
    if (!s.previousPassword.isEmpty())
        d.passwords << s.previousPassword;
    if (psk) {
        // The hello's key: its PPS is the TLS pre-shared key; the password the device has now is
        // the record's new ME password (set by setup.bin or typed into the MEBx), else its old one.
        const QString pidText = PidPps::formatPid(hello.pid);
        const KeyRecord &key = s.helloKey;
        if (key.pid.isEmpty())
            return refuse(tr("failed to find PID %1: the key this device offers is not in this database. Import the "
                             "keys it was given (Security Keys > Import), or give it a key from this database.")
                                  .arg(pidText));
        if ((key.state == KeyState::Consumed && !key.consumedBy.isEmpty() && key.consumedBy != s.system.uuid)
            || (!key.assignedTo.isEmpty() && key.assignedTo != s.system.uuid))
            return refuse(tr("PID %1 is already used by the system %2; a key is never used by two systems. Give this "
                             "device a new key.")
                                  .arg(pidText, key.consumedBy.isEmpty() ? key.assignedTo : key.consumedBy));
        if (key.state == KeyState::Retired)
            return refuse(tr("PID %1 is retired; give the device a new key.").arg(pidText));
        if (!s.helloKeyReadable)
            return refuse(
                    tr("The key %1 cannot be decrypted: its stored secret was changed outside OOBM.").arg(pidText));
        d.pps = key.pps;
        for (const QString &p : {key.newMePassword, key.mePassword}) {
            if (!p.isEmpty() && !d.passwords.contains(p))
                d.passwords << p;
        }
        d.keepHelloKey = true;
    } else {
        d.remoteConfiguration = true;
        if (!s.certificatesError.isEmpty())
            return refuse(s.certificatesError);
        const ProvisioningCertificate *match = matchCertificate(s);
        if (!match) {
            QStringList offered, available;
            for (const HelloPacket::RootHash &h : hello.rootHashes)
                offered << hashText(h);
            for (const ProvisioningCertificate &c : s.certificates)
                available << QStringLiteral("%1 (sha1:%2)").arg(c.name, c.rootSha1);
            return refuse(tr("No provisioning certificate matches a root this device trusts. It offers %1; loaded: "
                             "%2. Import a provisioning certificate issued under one of the offered roots, or add "
                             "your root's hash to the device (MEBx or setup.bin).")
                                  .arg(offered.isEmpty() ? tr("no hashes") : offered.join(QStringLiteral(", ")),
                                       available.isEmpty() ? tr("none") : available.join(QStringLiteral(", "))));
        }
        if (match->isExpired())
            return refuse(tr("The provisioning certificate %1 expired on %2; the device would refuse it. Import a "
                             "renewed one.")
                                  .arg(match->name, match->notAfter.toString(Qt::ISODate)));
        const int dot = int(s.system.fqdn.indexOf(u'.'));
        if (dot > 0 && !match->matchesDomain(s.system.fqdn.mid(dot + 1)))
            return refuse(tr("The provisioning certificate's CN %1 does not end in the device's domain %2; the "
                             "device refuses a certificate from another domain. Use a certificate issued for %2.")
                                  .arg(match->commonName, s.system.fqdn.mid(dot + 1)));
        if (s.settings.oneTimePasswordRequired && s.otp.isEmpty())
            return refuse(tr("A one-time password is required (General page) but none is stored for this system: "
                             "enter the OTP the device was given (oobmctl systems otp %1).")
                                  .arg(s.system.uuid));
        if (s.settings.oneTimePasswordRequired)
            d.otp = s.otp;
        d.certificate = *match;
        // A device in Remote Configuration setup mode still has the factory password.
        if (!d.passwords.contains(QStringLiteral("admin")))
            d.passwords << QStringLiteral("admin");
    }

    // The authorization gate comes after the checks above: a system that could not be
    // provisioned anyway shows why, not "awaiting authorization".
    if (s.settings.requireAuthorization && !s.system.authorized) {
        d.action = HelloDecision::Action::AwaitAuthorization;
        d.reason = tr("awaiting authorization");
        d.system.state = SystemState::AwaitingAuthorization;
        d.system.reason = tr("Waiting for an administrator to authorize it (Intel AMT Systems > Authorize).");
        return d;
    }
    if (!s.profileError.isEmpty())
        return refuse(s.profileError);
    if (!s.nextKey.pid.isEmpty()) {
        if (!s.nextKeyReadable)
            return refuse(tr("The key %1 cannot be decrypted: its stored secret was changed outside OOBM.")
                                  .arg(PidPps::formatPid(s.nextKey.pid)));
        d.newPid = s.nextKey.pid;
        d.newPps = s.nextKey.pps;
    }

    d.profile = s.profile;
    d.tlsCertificate = s.tlsCertificate;
    d.attempt = s.system.attempts + 1;
    d.system.state = SystemState::Provisioning;
    d.system.reason.clear();
    d.system.profileId = s.profile.id;
    d.system.profileName = s.profile.name;
    d.system.assignment = s.assignment;
    d.action = HelloDecision::Action::Provision;
    d.reason = tr("provisioning (attempt %1)").arg(d.attempt);
    return d;
}

} // namespace Oobm::Core::ProvisioningPolicy

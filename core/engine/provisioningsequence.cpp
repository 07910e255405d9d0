// SPDX-License-Identifier: GPL-2.0-or-later
#include "provisioningsequence.h"

#include "core/amt/amtsession.h"
#include "core/amt/ptstatus.h"
#include "core/keys/pidpps.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <optional>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::ProvisioningSequence", text);
}

bool isTransient(const Amt::AmtError &e)
{
    using C = Amt::AmtError::Category;
    return e.category == C::ConnectionRefused || e.category == C::Timeout || e.category == C::ConnectionDropped;
}

// Runs the steps, one Actions Status row each; stops at the first failure.
class Runner
{
public:
    Runner(const ProvisioningPlan &plan, ProvisioningAttempt *out)
        : m_plan(plan)
        , m_out(out)
    { }

    // Runs f (returning AmtError or AmtResult<T>) as the step; false when it failed.
    template<typename F>
    bool step(const QString &name, F f)
    {
        QElapsedTimer timer;
        timer.start();
        auto result = f();
        Amt::AmtError error;
        if constexpr (std::is_same_v<decltype(result), Amt::AmtError>)
            error = result;
        else
            error = result.error;
        ActionRecord a;
        a.time = QDateTime::currentDateTimeUtc();
        a.uuid = m_plan.uuid;
        a.step = name;
        a.durationMs = int(timer.elapsed());
        a.attempt = m_plan.attempt;
        if (error) {
            a.result = ActionRecord::Result::Failed;
            a.status = error.category == Amt::AmtError::Category::Status ? Amt::ptStatusName(error.ptStatus)
                                                                         : Amt::AmtError::categoryName(error.category);
            a.message = error.message;
            m_out->reason = tr("%1 failed: %2").arg(name, error.message);
            m_out->transient = isTransient(error);
            m_lastError = error;
        } else {
            a.status = QStringLiteral("SUCCESS");
        }
        m_out->actions << a;
        if constexpr (!std::is_same_v<decltype(result), Amt::AmtError>) {
            if (!error)
                store(result.value);
        }
        return !error;
    }

    void skip(const QString &name, const QString &why)
    {
        ActionRecord a;
        a.time = QDateTime::currentDateTimeUtc();
        a.uuid = m_plan.uuid;
        a.step = name;
        a.result = ActionRecord::Result::Skipped;
        a.message = why;
        a.attempt = m_plan.attempt;
        m_out->actions << a;
    }

    const Amt::AmtError &lastError() const { return m_lastError; }

    QString text;
    unsigned number = 0;

private:
    void store(const QString &v) { text = v; }
    void store(unsigned v) { number = v; }
    template<typename T>
    void store(const T &)
    { }

    const ProvisioningPlan &m_plan;
    ProvisioningAttempt *m_out;
    Amt::AmtError m_lastError;
};

} // namespace

ProvisioningAttempt runProvisioningSequence(const ProvisioningPlan &plan)
{
    ProvisioningAttempt out;
    Runner run(plan, &out);
    const ProvisionProfile &profile = plan.profile;

    std::optional<Amt::AmtSession> session;
    // The device has one of the candidate passwords: try them in order while it answers 401.
    const QStringList passwords = plan.passwords.isEmpty() ? QStringList{plan.endpoint.password} : plan.passwords;
    for (int i = 0; i < passwords.size(); ++i) {
        Amt::AmtEndpoint endpoint = plan.endpoint;
        endpoint.password = passwords.at(i);
        session.emplace(endpoint);
        if (run.step(QStringLiteral("GetCoreVersion"), [&] { return session->getCoreVersion(); })) {
            out.reason.clear();
            break;
        }
        if (plan.remoteConfiguration && run.lastError().category == Amt::AmtError::Category::ConnectionDropped) {
            // A device that checked our chain after the handshake and did not like it closes the
            // connection before answering: a refusal, not a transient failure.
            out.transient = false;
            return out;
        }
        if (run.lastError().category != Amt::AmtError::Category::Authentication || i + 1 == passwords.size())
            return out;
    }
    out.amtVersion = run.text;
    if (!run.step(QStringLiteral("GetProvisioningState"), [&] { return session->getProvisioningState(); }))
        return out;
    if (run.number != unsigned(Amt::ProvisioningState::In)) {
        out.reason = tr("The device is not in setup mode: it reports the provisioning state %1. Unprovision it "
                        "(Intel AMT Systems > Unprovision, or in its MEBx) to provision it again.")
                             .arg(Amt::provisioningStateName(run.number));
        return out;
    }

    if (!plan.expectedOtp.isEmpty()) {
        if (!run.step(QStringLiteral("GetProvisioningServerOTP"), [&] { return session->getProvisioningServerOtp(); }))
            return out;
        if (run.text != plan.expectedOtp) {
            // Never log either value.
            out.reason = tr(
                    "OTP mismatch: the one-time password the device holds differs from the one stored for "
                    "it. Enter the device's current OTP (oobmctl systems otp UUID) and let it say hello again.");
            out.actions.last().result = ActionRecord::Result::Failed;
            out.actions.last().status = QStringLiteral("otp-mismatch");
            out.actions.last().message = out.reason;
            return out;
        }
    }
    if (!run.step(QStringLiteral("GetHostName"), [&] { return session->getHostName(); }))
        return out;
    QString host = run.text;
    if (!run.step(QStringLiteral("GetDomainName"), [&] { return session->getDomainName(); }))
        return out;
    QString domain = run.text;
    const QString newHost = profile.hostNameFor(plan.uuid, host);
    if (!newHost.isEmpty() && newHost != host) {
        if (!run.step(QStringLiteral("SetHostName"), [&] { return session->setHostName(newHost); }))
            return out;
        host = newHost;
    }
    if (!profile.domainName.isEmpty() && profile.domainName != domain) {
        if (!run.step(QStringLiteral("SetDomainName"), [&] { return session->setDomainName(profile.domainName); }))
            return out;
        domain = profile.domainName;
    }
    out.fqdn = domain.isEmpty() ? host : host + u'.' + domain;

    const quint32 now = quint32(QDateTime::currentSecsSinceEpoch());
    if (!run.step(QStringLiteral("SetHighAccuracyTimeSynch"),
                  [&] { return session->setHighAccuracyTimeSynch(now, now, now); }))
        return out;
    if (!run.step(QStringLiteral("SetAdminAclEntry"),
                  [&] { return session->setAdminAclEntry(profile.adminUser, profile.adminPassword); }))
        return out;
    for (const Amt::UserAclEntry &user : profile.aclUsers) {
        if (!run.step(QStringLiteral("AddUserAclEntry"), [&] { return session->addUserAclEntry(user); }))
            return out;
    }
    if (profile.tlsEnabled) {
        if (!plan.tlsCertificate.isValid() || plan.tlsCertificate.keyPem.isEmpty()) {
            out.reason = tr("The profile %1 turns TLS on but no server certificate was given for it; choose one "
                            "in the profile or its auxiliary profile.")
                                 .arg(profile.name);
            return out;
        }
        // The key never leaves this call: it is not logged, and the step row names only the certificate.
        if (!run.step(QStringLiteral("SetTLSKeyAndCertificate"), [&] {
                return session->setTlsKeyAndCertificate(plan.tlsCertificate.keyPem, plan.tlsCertificate.chainList());
            }))
            return out;
        out.actions.last().message =
                tr("certificate %1 (sha256 %2)").arg(plan.tlsCertificate.name, plan.tlsCertificate.sha256.left(16));
    }
    if (!run.step(QStringLiteral("SetTlsEnabled"), [&] { return session->setTlsEnabled(profile.tlsEnabled); }))
        return out;
    if (plan.newPid.isEmpty()) {
        run.skip(QStringLiteral("SetTLSPSK"),
                 tr("No Available key in the ledger to install for the next provisioning; generate keys under "
                    "Security Keys."));
    } else if (!run.step(QStringLiteral("SetTLSPSK"), [&] { return session->setTlsPsk(plan.newPid, plan.newPps); })) {
        return out;
    }
    if (!run.step(QStringLiteral("SetEnabledInterfaces"),
                  [&] { return session->setEnabledInterfaces(profile.interfaces); }))
        return out;
    if (!run.step(QStringLiteral("CommitChanges"), [&] { return session->commitChanges(); }))
        return out;
    out.success = true;
    out.transient = false;
    return out;
}

} // namespace Oobm::Core

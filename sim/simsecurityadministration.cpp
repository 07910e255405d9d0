// SPDX-License-Identifier: GPL-2.0-or-later
#include "simsecurityadministration.h"

#include "core/keys/passwordpolicy.h"
#include "sim/simdevice.h"
#include "sim/soapcall.h"
#include "sim/tlscontext.h"

#include <QDateTime>

namespace Oobm::Sim {

using Core::Amt::PtStatus;

namespace {

// Why a user ACL entry is refused (its PT_STATUS), or Ok. ignoreHandle: the entry it replaces.
unsigned checkEntry(const DeviceState &s, const sai__UserAclEntryType *e, unsigned ignoreHandle, bool needPassword)
{
    if (!e)
        return unsigned(PtStatus::InvalidName);
    const QList<unsigned> realms = e->Realms ? QList<unsigned>(e->Realms->Realm.cbegin(), e->Realms->Realm.cend())
                                             : QList<unsigned>{};
    const PtStatus problem = s.aclUserProblem(QString::fromStdString(e->Username), realms, ignoreHandle);
    if (problem == PtStatus::InvalidName)
        return unsigned(problem);
    if (needPassword && (!e->Password || !Core::mePasswordProblem(QString::fromStdString(*e->Password)).isEmpty()))
        return unsigned(PtStatus::InvalidPassword);
    if (!needPassword && e->Password && !Core::mePasswordProblem(QString::fromStdString(*e->Password)).isEmpty())
        return unsigned(PtStatus::InvalidPassword);
    return unsigned(problem);
}

} // namespace

SimSecurityAdministration::SimSecurityAdministration(struct soap *soap, SoapServiceHost &host)
    : SecurityAdministrationService(soap)
    , m_host(host)
{ }

int SimSecurityAdministration::GetCoreVersion(_sai__GetCoreVersion *, _sai__GetCoreVersionResponse &r)
{
    OOBM_SIM_BEGIN(GetCoreVersion, r, StatusCode);
    r.StatusCode = Ok;
    r.Version = s.coreVersion().toStdString();
    return SOAP_OK;
}

int SimSecurityAdministration::GetProvisioningMode(_sai__GetProvisioningMode *, _sai__GetProvisioningModeResponse &r)
{
    OOBM_SIM_BEGIN(GetProvisioningMode, r, StatusCode);
    r.StatusCode = Ok;
    r.ProvisioningMode = 1; // Enterprise
    return SOAP_OK;
}

int SimSecurityAdministration::CommitChanges(_sai__CommitChanges *, _sai__CommitChangesResponse &r)
{
    OOBM_SIM_BEGIN(CommitChanges, r, StatusCode);
    if (s.mode == Mode::Provisioned) {
        // docs/protocol.md §5.6: TLS changes staged since provisioning take effect; with nothing
        // staged, nothing changes.
        if (!s.hasPendingTls())
            return answer(r.StatusCode, PtStatus::Success);
        if (!s.pendingTlsKeyPem.isEmpty()) {
            s.tlsKeyPem = s.pendingTlsKeyPem;
            s.tlsCertificateChainPem = s.pendingTlsCertificateChainPem;
        }
        if (s.pendingTlsEnabled)
            s.tlsEnabled = *s.pendingTlsEnabled;
        s.clearPendingTls();
        ++s.tlsCommits;
        call.changed();
        soap->keep_alive = 0; // the next connection finds the new transport or certificate
        lock.unlock();
        call.updateListeners();
        return answer(r.StatusCode, PtStatus::Success);
    }
    if (!s.inSetup())
        return answer(r.StatusCode, PtStatus::InvalidProvisioningState);
    if (!s.pendingAdminPassword.isEmpty()) {
        s.adminUser = s.pendingAdminUser;
        s.mebxPassword = s.pendingAdminPassword;
        s.adminDigest.clear();
        ++s.adminPasswordChanges;
        s.adminPasswordChangedMs = QDateTime::currentMSecsSinceEpoch();
    }
    if (!s.pendingPid.isEmpty()) {
        s.pid = s.pendingPid;
        s.pps = s.pendingPps;
    }
    s.pendingAdminUser.clear();
    s.pendingAdminPassword.clear();
    s.pendingPid.clear();
    s.pendingPps.clear();
    s.mode = Mode::Provisioned; // In -> Post: the provisioning session ends, hellos stop
    s.helloWindowClosed = false;
    call.changed();
    soap->keep_alive = 0;
    lock.unlock();
    call.updateListeners();
    return answer(r.StatusCode, PtStatus::Success);
}

int SimSecurityAdministration::Unprovision(_sai__Unprovision *q, _sai__UnprovisionResponse &r)
{
    OOBM_SIM_BEGIN(Unprovision, r, StatusCode);
    // Project contract (amt.h): 0x80 asks for a partial unprovision, like MEBx's.
    if (const PtStatus status = s.unprovision(q && q->ProvisioningMode == 0x80); status != PtStatus::Success)
        return answer(r.StatusCode, status);
    call.changed();
    soap->keep_alive = 0;
    lock.unlock();
    call.updateListeners();
    call.modeChanged();
    return answer(r.StatusCode, PtStatus::Success);
}

int SimSecurityAdministration::SetAdminAclEntry(_sai__SetAdminAclEntry *q, _sai__SetAdminAclEntryResponse &r)
{
    OOBM_SIM_BEGIN(SetAdminAclEntry, r, StatusCode);
    const QString user = QString::fromStdString(q->Username), password = QString::fromStdString(q->Password);
    if (user.isEmpty() || user.size() > 16)
        r.StatusCode = unsigned(PtStatus::InvalidName);
    else if (!Core::mePasswordProblem(password).isEmpty())
        r.StatusCode = unsigned(PtStatus::InvalidPassword);
    else {
        if (s.inSetup()) { // takes effect with CommitChanges
            s.pendingAdminUser = user;
            s.pendingAdminPassword = password;
        } else { // at once: the next request must use the new password
            s.adminUser = user;
            s.mebxPassword = password;
            s.adminDigest.clear();
            ++s.adminPasswordChanges;
            s.adminPasswordChangedMs = QDateTime::currentMSecsSinceEpoch();
        }
        call.changed();
        r.StatusCode = Ok;
    }
    return SOAP_OK;
}

int SimSecurityAdministration::GetAdminAclEntry(_sai__GetAdminAclEntry *, _sai__GetAdminAclEntryResponse &r)
{
    OOBM_SIM_BEGIN(GetAdminAclEntry, r, StatusCode);
    r.StatusCode = Ok;
    r.Username = (s.pendingAdminUser.isEmpty() ? s.adminUser : s.pendingAdminUser).toStdString();
    return SOAP_OK;
}

int SimSecurityAdministration::AddUserAclEntry(_sai__AddUserAclEntry *q, _sai__AddUserAclEntryResponse &r)
{
    OOBM_SIM_BEGIN(AddUserAclEntry, r, StatusCode);
    r.Handle = 0;
    if (s.aclUsers.size() >= 32)
        return answer(r.StatusCode, PtStatus::MaxLimitReached);
    if ((r.StatusCode = checkEntry(s, q->Entry, 0, true)) != Ok)
        return SOAP_OK;
    AclUser u;
    u.handle = s.nextAclHandle++;
    u.username = QString::fromStdString(q->Entry->Username);
    u.password = QString::fromStdString(*q->Entry->Password);
    if (q->Entry->Realms)
        u.realms = QList<unsigned>(q->Entry->Realms->Realm.cbegin(), q->Entry->Realms->Realm.cend());
    s.aclUsers.append(u);
    call.changed();
    r.Handle = u.handle;
    return SOAP_OK;
}

int SimSecurityAdministration::EnumerateUserAclEntries(_sai__EnumerateUserAclEntries *q,
                                                       _sai__EnumerateUserAclEntriesResponse &r)
{
    OOBM_SIM_BEGIN(EnumerateUserAclEntries, r, StatusCode);
    r.StatusCode = Ok;
    r.TotalCount = unsigned(s.aclUsers.size());
    r.Handles = soap_new_sai__UserAclEntryHandleListType(soap);
    const unsigned start = q->StartIndex == 0 ? 1 : q->StartIndex; // 1-based, 50 a page
    for (unsigned i = start - 1; i < unsigned(s.aclUsers.size()) && r.Handles->Handle.size() < 50; ++i)
        r.Handles->Handle.push_back(s.aclUsers.at(i).handle);
    r.HandleCount = unsigned(r.Handles->Handle.size());
    return SOAP_OK;
}

int SimSecurityAdministration::GetUserAclEntry(_sai__GetUserAclEntry *q, _sai__GetUserAclEntryResponse &r)
{
    OOBM_SIM_BEGIN(GetUserAclEntry, r, StatusCode);
    for (const AclUser &u : std::as_const(s.aclUsers)) {
        if (u.handle != q->Handle)
            continue;
        r.Entry = soap_new_sai__UserAclEntryType(soap);
        r.Entry->Username = u.username.toStdString();
        r.Entry->Realms = soap_new_sai__UserAclRealmListType(soap);
        r.Entry->Realms->Realm.assign(u.realms.cbegin(), u.realms.cend());
        return answer(r.StatusCode, PtStatus::Success);
    }
    return answer(r.StatusCode, PtStatus::InvalidHandle);
}

int SimSecurityAdministration::UpdateUserAclEntry(_sai__UpdateUserAclEntry *q, _sai__UpdateUserAclEntryResponse &r)
{
    OOBM_SIM_BEGIN(UpdateUserAclEntry, r, StatusCode);
    for (AclUser &u : s.aclUsers) {
        if (u.handle != q->Handle)
            continue;
        if ((r.StatusCode = checkEntry(s, q->Entry, u.handle, false)) != Ok)
            return SOAP_OK;
        u.username = QString::fromStdString(q->Entry->Username);
        if (q->Entry->Password) {
            u.password = QString::fromStdString(*q->Entry->Password);
            u.digest.clear();
        }
        u.realms = q->Entry->Realms ? QList<unsigned>(q->Entry->Realms->Realm.cbegin(), q->Entry->Realms->Realm.cend())
                                    : QList<unsigned>{};
        call.changed();
        return SOAP_OK;
    }
    return answer(r.StatusCode, PtStatus::InvalidHandle);
}

int SimSecurityAdministration::RemoveUserAclEntry(_sai__RemoveUserAclEntry *q, _sai__RemoveUserAclEntryResponse &r)
{
    OOBM_SIM_BEGIN(RemoveUserAclEntry, r, StatusCode);
    for (qsizetype i = 0; i < s.aclUsers.size(); ++i) {
        if (s.aclUsers.at(i).handle == q->Handle) {
            s.aclUsers.removeAt(i);
            call.changed();
            return answer(r.StatusCode, PtStatus::Success);
        }
    }
    return answer(r.StatusCode, PtStatus::InvalidHandle);
}

int SimSecurityAdministration::SetTlsEnabled(_sai__SetTlsEnabled *q, _sai__SetTlsEnabledResponse &r)
{
    OOBM_SIM_BEGIN(SetTlsEnabled, r, StatusCode);
    const bool haveKeys = (!s.tlsKeyPem.isEmpty() && !s.tlsCertificateChainPem.isEmpty())
            || !s.pendingTlsKeyPem.isEmpty();
    if (q->Enabled && !haveKeys)
        return answer(r.StatusCode, PtStatus::PkiMissingKeys);
    if (s.mode == Mode::Provisioned) // an operational device switches ports at CommitChanges
        s.pendingTlsEnabled = q->Enabled;
    else
        s.tlsEnabled = q->Enabled;
    call.changed();
    return answer(r.StatusCode, PtStatus::Success);
}

int SimSecurityAdministration::SetTLSKeyAndCertificate(_sai__SetTLSKeyAndCertificate *q,
                                                       _sai__SetTLSKeyAndCertificateResponse &r)
{
    OOBM_SIM_BEGIN(SetTLSKeyAndCertificate, r, StatusCode);
    const QByteArray key = QByteArray::fromStdString(q->PrivateKey);
    QList<QByteArray> chain;
    if (q->CertificateChain)
        for (const std::string &c : q->CertificateChain->Certificate)
            chain.append(QByteArray::fromStdString(c));
    if (!TlsContext::isPrivateKey(key))
        r.StatusCode = unsigned(PtStatus::InvalidKey);
    else if (chain.isEmpty() || !std::all_of(chain.cbegin(), chain.cend(), &TlsContext::isCertificate))
        r.StatusCode = unsigned(PtStatus::InvalidCert);
    else if (!TlsContext::keyMatchesCertificate(key, chain.first()))
        r.StatusCode = unsigned(PtStatus::CertKeyNotMatch);
    else if (s.mode == Mode::Provisioned) { // serves TLS with it from CommitChanges on
        s.pendingTlsKeyPem = key;
        s.pendingTlsCertificateChainPem = chain;
        call.changed();
        r.StatusCode = Ok;
    } else {
        s.tlsKeyPem = key;
        s.tlsCertificateChainPem = chain;
        call.changed();
        r.StatusCode = Ok;
    }
    return SOAP_OK;
}

int SimSecurityAdministration::SetTLSPSK(_sai__SetTLSPSK *q, _sai__SetTLSPSKResponse &r)
{
    OOBM_SIM_BEGIN(SetTLSPSK, r, StatusCode);
    if (q->PID.size() != 8 || q->PPS.size() != 32)
        return answer(r.StatusCode, PtStatus::InvalidParameter);
    if (s.inSetup()) {
        s.pendingPid = QByteArray::fromStdString(q->PID);
        s.pendingPps = QByteArray::fromStdString(q->PPS);
    } else {
        s.pid = QByteArray::fromStdString(q->PID);
        s.pps = QByteArray::fromStdString(q->PPS);
    }
    call.changed();
    return answer(r.StatusCode, PtStatus::Success);
}

int SimSecurityAdministration::SetEnabledInterfaces(_sai__SetEnabledInterfaces *q,
                                                    _sai__SetEnabledInterfacesResponse &r)
{
    OOBM_SIM_BEGIN(SetEnabledInterfaces, r, StatusCode);
    QStringList interfaces;
    if (q->EnabledInterfaces)
        for (const std::string &i : q->EnabledInterfaces->EnabledInterface) {
            const QString name = QString::fromStdString(i);
            if (name != u"WebUI" && name != u"SOL" && name != u"IDER")
                return answer(r.StatusCode, PtStatus::InvalidParameter);
            interfaces.append(name);
        }
    s.enabledInterfaces = interfaces;
    call.changed();
    return answer(r.StatusCode, PtStatus::Success);
}

int SimSecurityAdministration::SetZeroTouchConfigurationMode(_sai__SetZeroTouchConfigurationMode *q,
                                                             _sai__SetZeroTouchConfigurationModeResponse &r)
{
    OOBM_SIM_BEGIN(SetZeroTouchConfigurationMode, r, StatusCode);
    if (!s.supportsRemoteConfiguration())
        return answer(r.StatusCode, PtStatus::Unsupported);
    s.zeroTouchEnabled = q->Enabled;
    call.changed();
    return answer(r.StatusCode, PtStatus::Success);
}

int SimSecurityAdministration::SetProvisioningServerOTP(_sai__SetProvisioningServerOTP *q,
                                                        _sai__SetProvisioningServerOTPResponse &r)
{
    OOBM_SIM_BEGIN(SetProvisioningServerOTP, r, StatusCode);
    if (!s.supportsRemoteConfiguration())
        r.StatusCode = unsigned(PtStatus::Unsupported);
    else if (q->OTP.size() < 8 || q->OTP.size() > 32)
        r.StatusCode = unsigned(PtStatus::InvalidParameter);
    else {
        s.otp = QString::fromStdString(q->OTP);
        call.changed();
        r.StatusCode = Ok;
    }
    return SOAP_OK;
}

int SimSecurityAdministration::GetProvisioningServerOTP(_sai__GetProvisioningServerOTP *,
                                                        _sai__GetProvisioningServerOTPResponse &r)
{
    OOBM_SIM_BEGIN(GetProvisioningServerOTP, r, StatusCode);
    r.StatusCode = s.supportsRemoteConfiguration() ? Ok : unsigned(PtStatus::Unsupported);
    r.OTP = s.otp.toStdString();
    return SOAP_OK;
}

} // namespace Oobm::Sim

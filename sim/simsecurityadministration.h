// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "soapSecurityAdministrationService.h"

namespace Oobm::Sim {

class SoapServiceHost;

// The Security Administration service of a simulated device (docs/protocol.md §5): provisioning
// (staged in setup mode until CommitChanges), Unprovision, the admin and user ACL, TLS (staged on a
// provisioned device until CommitChanges) and TLS-PSK, enabled interfaces, Remote Configuration's
// zero-touch mode and OTP.
class SimSecurityAdministration final : public SecurityAdministrationService
{
public:
    SimSecurityAdministration(struct soap *soap, SoapServiceHost &host);

    int GetCoreVersion(_sai__GetCoreVersion *, _sai__GetCoreVersionResponse &r) override;
    int GetProvisioningMode(_sai__GetProvisioningMode *, _sai__GetProvisioningModeResponse &r) override;
    int CommitChanges(_sai__CommitChanges *, _sai__CommitChangesResponse &r) override;
    int Unprovision(_sai__Unprovision *q, _sai__UnprovisionResponse &r) override;
    int SetAdminAclEntry(_sai__SetAdminAclEntry *q, _sai__SetAdminAclEntryResponse &r) override;
    int GetAdminAclEntry(_sai__GetAdminAclEntry *, _sai__GetAdminAclEntryResponse &r) override;
    int AddUserAclEntry(_sai__AddUserAclEntry *q, _sai__AddUserAclEntryResponse &r) override;
    int EnumerateUserAclEntries(_sai__EnumerateUserAclEntries *q, _sai__EnumerateUserAclEntriesResponse &r) override;
    int GetUserAclEntry(_sai__GetUserAclEntry *q, _sai__GetUserAclEntryResponse &r) override;
    int UpdateUserAclEntry(_sai__UpdateUserAclEntry *q, _sai__UpdateUserAclEntryResponse &r) override;
    int RemoveUserAclEntry(_sai__RemoveUserAclEntry *q, _sai__RemoveUserAclEntryResponse &r) override;
    int SetTlsEnabled(_sai__SetTlsEnabled *q, _sai__SetTlsEnabledResponse &r) override;
    int SetTLSKeyAndCertificate(_sai__SetTLSKeyAndCertificate *q, _sai__SetTLSKeyAndCertificateResponse &r) override;
    int SetTLSPSK(_sai__SetTLSPSK *q, _sai__SetTLSPSKResponse &r) override;
    int SetEnabledInterfaces(_sai__SetEnabledInterfaces *q, _sai__SetEnabledInterfacesResponse &r) override;
    int SetZeroTouchConfigurationMode(_sai__SetZeroTouchConfigurationMode *q,
                                      _sai__SetZeroTouchConfigurationModeResponse &r) override;
    int SetProvisioningServerOTP(_sai__SetProvisioningServerOTP *q, _sai__SetProvisioningServerOTPResponse &r) override;
    int GetProvisioningServerOTP(_sai__GetProvisioningServerOTP *, _sai__GetProvisioningServerOTPResponse &r) override;

private:
    SoapServiceHost &m_host;
};

} // namespace Oobm::Sim

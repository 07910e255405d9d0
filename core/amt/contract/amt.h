// SPDX-License-Identifier: GPL-2.0-or-later
// The normative wire contract between OOBM and Intel AMT 2.x/3.x devices (and amt-sim): the
// legacy ("EOI") SOAP services of docs/protocol.md §5, as a gSOAP interface header.
// soapcpp2 generates client proxies and server stubs from this file at build time.
//
// Conventions (docs/protocol.md §5.1): SOAP 1.1, document/literal
// wrapped, elements qualified in the service namespace; the first response child is `Status` for
// RemoteControl and `StatusCode` for every other service; enums travel as unsigned integers;
// SOAPAction is "<namespace>/<Operation>". Endpoint path = "/" + service name + "Service".

//gsoap sai service name:       SecurityAdministration
//gsoap sai service style:      document
//gsoap sai service encoding:   literal
//gsoap sai service port:       http://localhost:16992/SecurityAdministrationService
//gsoap sai service namespace:  http://schemas.intel.com/platform/client/SecurityAdministration/2004/01
//gsoap sai schema namespace:   http://schemas.intel.com/platform/client/SecurityAdministration/2004/01
//gsoap sai schema form:        qualified

//gsoap inf service name:       GeneralInfo
//gsoap inf service style:      document
//gsoap inf service encoding:   literal
//gsoap inf service port:       http://localhost:16992/GeneralInfoService
//gsoap inf service namespace:  http://schemas.intel.com/platform/client/GeneralInfo/2004/01
//gsoap inf schema namespace:   http://schemas.intel.com/platform/client/GeneralInfo/2004/01
//gsoap inf schema form:        qualified

//gsoap net service name:       NetworkAdministration
//gsoap net service style:      document
//gsoap net service encoding:   literal
//gsoap net service port:       http://localhost:16992/NetworkAdministrationService
//gsoap net service namespace:  http://schemas.intel.com/platform/client/NetworkAdministration/2004/01
//gsoap net schema namespace:   http://schemas.intel.com/platform/client/NetworkAdministration/2004/01
//gsoap net schema form:        qualified

//gsoap tim service name:       NetworkTime
//gsoap tim service style:      document
//gsoap tim service encoding:   literal
//gsoap tim service port:       http://localhost:16992/NetworkTimeService
//gsoap tim service namespace:  http://schemas.intel.com/platform/client/NetworkTime/2004/01
//gsoap tim schema namespace:   http://schemas.intel.com/platform/client/NetworkTime/2004/01
//gsoap tim schema form:        qualified

//gsoap rci service name:       RemoteControl
//gsoap rci service style:      document
//gsoap rci service encoding:   literal
//gsoap rci service port:       http://localhost:16992/RemoteControlService
//gsoap rci service namespace:  http://schemas.intel.com/platform/client/RemoteControl/2004/01
//gsoap rci schema namespace:   http://schemas.intel.com/platform/client/RemoteControl/2004/01
//gsoap rci schema form:        qualified

#import "stlvector.h"

typedef unsigned int PT_USCORESTATUS; // docs/protocol.md §5.4

// ---------------------------------------------------------------------------------------------
// SecurityAdministration (sai)

class sai__UserAclRealmListType
{
public:
    std::vector<unsigned int> Realm 0; // docs/protocol.md §5.5 realm numbers
};

class sai__UserAclEntryType
{
public:
    std::string Username 1;
    std::string *Password 0; // sent when setting; never returned
    sai__UserAclRealmListType *Realms 1;
};

class sai__UserAclEntryHandleListType
{
public:
    std::vector<unsigned int> Handle 0;
};

class sai__CertificateChainType
{
public:
    std::vector<std::string> Certificate 0; // PEM, leaf first
};

class sai__EnabledInterfacesType
{
public:
    std::vector<std::string> EnabledInterface 0; // "WebUI", "SOL", "IDER"
};

class _sai__GetCoreVersion { public: struct soap *soap; };
class _sai__GetCoreVersionResponse { public: PT_USCORESTATUS StatusCode 1; std::string Version 1; struct soap *soap; };
class _sai__GetProvisioningMode { public: struct soap *soap; };
class _sai__GetProvisioningModeResponse { public: PT_USCORESTATUS StatusCode 1; unsigned int ProvisioningMode 1; struct soap *soap; };
class _sai__CommitChanges { public: struct soap *soap; };
class _sai__CommitChangesResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__Unprovision { public: unsigned int ProvisioningMode 1; struct soap *soap; };
class _sai__UnprovisionResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__SetAdminAclEntry { public: std::string Username 1; std::string Password 1; struct soap *soap; };
class _sai__SetAdminAclEntryResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__GetAdminAclEntry { public: struct soap *soap; };
class _sai__GetAdminAclEntryResponse { public: PT_USCORESTATUS StatusCode 1; std::string Username 1; struct soap *soap; };
class _sai__AddUserAclEntry { public: sai__UserAclEntryType *Entry 1; struct soap *soap; };
class _sai__AddUserAclEntryResponse { public: PT_USCORESTATUS StatusCode 1; unsigned int Handle 1; struct soap *soap; };
class _sai__EnumerateUserAclEntries { public: unsigned int StartIndex 1; struct soap *soap; };
class _sai__EnumerateUserAclEntriesResponse { public: PT_USCORESTATUS StatusCode 1; unsigned int TotalCount 1; unsigned int HandleCount 1; sai__UserAclEntryHandleListType *Handles 1; struct soap *soap; };
class _sai__GetUserAclEntry { public: unsigned int Handle 1; struct soap *soap; };
class _sai__GetUserAclEntryResponse { public: PT_USCORESTATUS StatusCode 1; sai__UserAclEntryType *Entry 0; struct soap *soap; };
class _sai__UpdateUserAclEntry { public: unsigned int Handle 1; sai__UserAclEntryType *Entry 1; struct soap *soap; };
class _sai__UpdateUserAclEntryResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__RemoveUserAclEntry { public: unsigned int Handle 1; struct soap *soap; };
class _sai__RemoveUserAclEntryResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__SetTlsEnabled { public: bool Enabled 1; struct soap *soap; };
class _sai__SetTlsEnabledResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__SetTLSKeyAndCertificate { public: std::string PrivateKey 1; sai__CertificateChainType *CertificateChain 1; struct soap *soap; };
class _sai__SetTLSKeyAndCertificateResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__SetTLSPSK { public: std::string PID 1; std::string PPS 1; struct soap *soap; };
class _sai__SetTLSPSKResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__SetEnabledInterfaces { public: sai__EnabledInterfacesType *EnabledInterfaces 1; struct soap *soap; };
class _sai__SetEnabledInterfacesResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__SetZeroTouchConfigurationMode { public: bool Enabled 1; struct soap *soap; };
class _sai__SetZeroTouchConfigurationModeResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__SetProvisioningServerOTP { public: std::string OTP 1; struct soap *soap; };
class _sai__SetProvisioningServerOTPResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _sai__GetProvisioningServerOTP { public: struct soap *soap; };
class _sai__GetProvisioningServerOTPResponse { public: PT_USCORESTATUS StatusCode 1; std::string OTP 1; struct soap *soap; };

//gsoap sai service method-action: GetCoreVersion http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/GetCoreVersion
int __sai__GetCoreVersion(_sai__GetCoreVersion *sai__GetCoreVersion, _sai__GetCoreVersionResponse &sai__GetCoreVersionResponse);
//gsoap sai service method-action: GetProvisioningMode http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/GetProvisioningMode
int __sai__GetProvisioningMode(_sai__GetProvisioningMode *sai__GetProvisioningMode, _sai__GetProvisioningModeResponse &sai__GetProvisioningModeResponse);
//gsoap sai service method-action: CommitChanges http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/CommitChanges
int __sai__CommitChanges(_sai__CommitChanges *sai__CommitChanges, _sai__CommitChangesResponse &sai__CommitChangesResponse);
//gsoap sai service method-action: Unprovision http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/Unprovision
int __sai__Unprovision(_sai__Unprovision *sai__Unprovision, _sai__UnprovisionResponse &sai__UnprovisionResponse);
//gsoap sai service method-action: SetAdminAclEntry http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/SetAdminAclEntry
int __sai__SetAdminAclEntry(_sai__SetAdminAclEntry *sai__SetAdminAclEntry, _sai__SetAdminAclEntryResponse &sai__SetAdminAclEntryResponse);
//gsoap sai service method-action: GetAdminAclEntry http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/GetAdminAclEntry
int __sai__GetAdminAclEntry(_sai__GetAdminAclEntry *sai__GetAdminAclEntry, _sai__GetAdminAclEntryResponse &sai__GetAdminAclEntryResponse);
//gsoap sai service method-action: AddUserAclEntry http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/AddUserAclEntry
int __sai__AddUserAclEntry(_sai__AddUserAclEntry *sai__AddUserAclEntry, _sai__AddUserAclEntryResponse &sai__AddUserAclEntryResponse);
//gsoap sai service method-action: EnumerateUserAclEntries http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/EnumerateUserAclEntries
int __sai__EnumerateUserAclEntries(_sai__EnumerateUserAclEntries *sai__EnumerateUserAclEntries, _sai__EnumerateUserAclEntriesResponse &sai__EnumerateUserAclEntriesResponse);
//gsoap sai service method-action: GetUserAclEntry http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/GetUserAclEntry
int __sai__GetUserAclEntry(_sai__GetUserAclEntry *sai__GetUserAclEntry, _sai__GetUserAclEntryResponse &sai__GetUserAclEntryResponse);
//gsoap sai service method-action: UpdateUserAclEntry http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/UpdateUserAclEntry
int __sai__UpdateUserAclEntry(_sai__UpdateUserAclEntry *sai__UpdateUserAclEntry, _sai__UpdateUserAclEntryResponse &sai__UpdateUserAclEntryResponse);
//gsoap sai service method-action: RemoveUserAclEntry http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/RemoveUserAclEntry
int __sai__RemoveUserAclEntry(_sai__RemoveUserAclEntry *sai__RemoveUserAclEntry, _sai__RemoveUserAclEntryResponse &sai__RemoveUserAclEntryResponse);
//gsoap sai service method-action: SetTlsEnabled http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/SetTlsEnabled
int __sai__SetTlsEnabled(_sai__SetTlsEnabled *sai__SetTlsEnabled, _sai__SetTlsEnabledResponse &sai__SetTlsEnabledResponse);
//gsoap sai service method-action: SetTLSKeyAndCertificate http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/SetTLSKeyAndCertificate
int __sai__SetTLSKeyAndCertificate(_sai__SetTLSKeyAndCertificate *sai__SetTLSKeyAndCertificate, _sai__SetTLSKeyAndCertificateResponse &sai__SetTLSKeyAndCertificateResponse);
//gsoap sai service method-action: SetTLSPSK http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/SetTLSPSK
int __sai__SetTLSPSK(_sai__SetTLSPSK *sai__SetTLSPSK, _sai__SetTLSPSKResponse &sai__SetTLSPSKResponse);
//gsoap sai service method-action: SetEnabledInterfaces http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/SetEnabledInterfaces
int __sai__SetEnabledInterfaces(_sai__SetEnabledInterfaces *sai__SetEnabledInterfaces, _sai__SetEnabledInterfacesResponse &sai__SetEnabledInterfacesResponse);
//gsoap sai service method-action: SetZeroTouchConfigurationMode http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/SetZeroTouchConfigurationMode
int __sai__SetZeroTouchConfigurationMode(_sai__SetZeroTouchConfigurationMode *sai__SetZeroTouchConfigurationMode, _sai__SetZeroTouchConfigurationModeResponse &sai__SetZeroTouchConfigurationModeResponse);
//gsoap sai service method-action: SetProvisioningServerOTP http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/SetProvisioningServerOTP
int __sai__SetProvisioningServerOTP(_sai__SetProvisioningServerOTP *sai__SetProvisioningServerOTP, _sai__SetProvisioningServerOTPResponse &sai__SetProvisioningServerOTPResponse);
//gsoap sai service method-action: GetProvisioningServerOTP http://schemas.intel.com/platform/client/SecurityAdministration/2004/01/GetProvisioningServerOTP
int __sai__GetProvisioningServerOTP(_sai__GetProvisioningServerOTP *sai__GetProvisioningServerOTP, _sai__GetProvisioningServerOTPResponse &sai__GetProvisioningServerOTPResponse);

// ---------------------------------------------------------------------------------------------
// GeneralInfo (inf)

class _inf__GetProvisioningState { public: struct soap *soap; };
class _inf__GetProvisioningStateResponse { public: PT_USCORESTATUS StatusCode 1; unsigned int ProvisioningState 1; struct soap *soap; };
class _inf__GetCoreVersion { public: struct soap *soap; };
class _inf__GetCoreVersionResponse { public: PT_USCORESTATUS StatusCode 1; std::string Version 1; struct soap *soap; };

//gsoap inf service method-action: GetProvisioningState http://schemas.intel.com/platform/client/GeneralInfo/2004/01/GetProvisioningState
int __inf__GetProvisioningState(_inf__GetProvisioningState *inf__GetProvisioningState, _inf__GetProvisioningStateResponse &inf__GetProvisioningStateResponse);
//gsoap inf service method-action: GetCoreVersion http://schemas.intel.com/platform/client/GeneralInfo/2004/01/GetCoreVersion
int __inf__GetCoreVersion(_inf__GetCoreVersion *inf__GetCoreVersion, _inf__GetCoreVersionResponse &inf__GetCoreVersionResponse);

// ---------------------------------------------------------------------------------------------
// NetworkAdministration (net)

class net__IPv4ParametersType
{
public:
    unsigned int LocalAddress 1; // a.b.c.d as a*2^24 + b*2^16 + c*2^8 + d
    unsigned int SubnetMask 1;
    unsigned int DefaultGatewayAddress 1;
    unsigned int PrimaryDnsAddress 1;
    unsigned int SecondaryDnsAddress 1;
};

class net__InterfaceDescriptorGetType
{
public:
    std::string HardwareAddressDescription 1;
    std::string MACAddress 1;
    std::string InterfaceMode 1; // SHARED_MAC_ADDRESS | SEPARATE_MAC_ADDRESS
    unsigned char LinkPolicy 1;
    bool DhcpEnabled 1;
    net__IPv4ParametersType *IPv4Parameters 0;
};

class net__InterfaceDescriptorSetType
{
public:
    std::string InterfaceMode 1;
    unsigned char LinkPolicy 1;
    net__IPv4ParametersType *IPv4Parameters 0; // absent: DHCP
};

class _net__GetHostName { public: struct soap *soap; };
class _net__GetHostNameResponse { public: PT_USCORESTATUS StatusCode 1; std::string HostName 1; struct soap *soap; };
class _net__SetHostName { public: std::string HostName 1; struct soap *soap; };
class _net__SetHostNameResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _net__GetDomainName { public: struct soap *soap; };
class _net__GetDomainNameResponse { public: PT_USCORESTATUS StatusCode 1; std::string DomainName 1; struct soap *soap; };
class _net__SetDomainName { public: std::string DomainName 1; struct soap *soap; };
class _net__SetDomainNameResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };
class _net__EnumerateInterfaces { public: struct soap *soap; };
// amttool reads every child after the status as one interface handle.
class _net__EnumerateInterfacesResponse { public: PT_USCORESTATUS StatusCode 1; std::vector<unsigned int> InterfaceHandles 0; struct soap *soap; };
class _net__GetInterfaceSettings { public: unsigned int InterfaceHandle 1; struct soap *soap; };
class _net__GetInterfaceSettingsResponse { public: PT_USCORESTATUS StatusCode 1; net__InterfaceDescriptorGetType *InterfaceDescriptor 0; struct soap *soap; };
class _net__SetInterfaceSettings { public: unsigned int InterfaceHandle 1; net__InterfaceDescriptorSetType *InterfaceDescriptor 1; struct soap *soap; };
class _net__SetInterfaceSettingsResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };

//gsoap net service method-action: GetHostName http://schemas.intel.com/platform/client/NetworkAdministration/2004/01/GetHostName
int __net__GetHostName(_net__GetHostName *net__GetHostName, _net__GetHostNameResponse &net__GetHostNameResponse);
//gsoap net service method-action: SetHostName http://schemas.intel.com/platform/client/NetworkAdministration/2004/01/SetHostName
int __net__SetHostName(_net__SetHostName *net__SetHostName, _net__SetHostNameResponse &net__SetHostNameResponse);
//gsoap net service method-action: GetDomainName http://schemas.intel.com/platform/client/NetworkAdministration/2004/01/GetDomainName
int __net__GetDomainName(_net__GetDomainName *net__GetDomainName, _net__GetDomainNameResponse &net__GetDomainNameResponse);
//gsoap net service method-action: SetDomainName http://schemas.intel.com/platform/client/NetworkAdministration/2004/01/SetDomainName
int __net__SetDomainName(_net__SetDomainName *net__SetDomainName, _net__SetDomainNameResponse &net__SetDomainNameResponse);
//gsoap net service method-action: EnumerateInterfaces http://schemas.intel.com/platform/client/NetworkAdministration/2004/01/EnumerateInterfaces
int __net__EnumerateInterfaces(_net__EnumerateInterfaces *net__EnumerateInterfaces, _net__EnumerateInterfacesResponse &net__EnumerateInterfacesResponse);
//gsoap net service method-action: GetInterfaceSettings http://schemas.intel.com/platform/client/NetworkAdministration/2004/01/GetInterfaceSettings
int __net__GetInterfaceSettings(_net__GetInterfaceSettings *net__GetInterfaceSettings, _net__GetInterfaceSettingsResponse &net__GetInterfaceSettingsResponse);
//gsoap net service method-action: SetInterfaceSettings http://schemas.intel.com/platform/client/NetworkAdministration/2004/01/SetInterfaceSettings
int __net__SetInterfaceSettings(_net__SetInterfaceSettings *net__SetInterfaceSettings, _net__SetInterfaceSettingsResponse &net__SetInterfaceSettingsResponse);

// ---------------------------------------------------------------------------------------------
// NetworkTime (tim)

class _tim__GetLowAccuracyTimeSynch { public: struct soap *soap; };
class _tim__GetLowAccuracyTimeSynchResponse { public: PT_USCORESTATUS StatusCode 1; unsigned int Ta0 1; struct soap *soap; };
class _tim__SetHighAccuracyTimeSynch { public: unsigned int Ta0 1; unsigned int Tm1 1; unsigned int Tm2 1; struct soap *soap; };
class _tim__SetHighAccuracyTimeSynchResponse { public: PT_USCORESTATUS StatusCode 1; struct soap *soap; };

//gsoap tim service method-action: GetLowAccuracyTimeSynch http://schemas.intel.com/platform/client/NetworkTime/2004/01/GetLowAccuracyTimeSynch
int __tim__GetLowAccuracyTimeSynch(_tim__GetLowAccuracyTimeSynch *tim__GetLowAccuracyTimeSynch, _tim__GetLowAccuracyTimeSynchResponse &tim__GetLowAccuracyTimeSynchResponse);
//gsoap tim service method-action: SetHighAccuracyTimeSynch http://schemas.intel.com/platform/client/NetworkTime/2004/01/SetHighAccuracyTimeSynch
int __tim__SetHighAccuracyTimeSynch(_tim__SetHighAccuracyTimeSynch *tim__SetHighAccuracyTimeSynch, _tim__SetHighAccuracyTimeSynchResponse &tim__SetHighAccuracyTimeSynchResponse);

// ---------------------------------------------------------------------------------------------
// RemoteControl (rci): the status element is `Status` (CS-PROXY, AMTC).

class _rci__GetSystemPowerState { public: struct soap *soap; };
class _rci__GetSystemPowerStateResponse { public: PT_USCORESTATUS Status 1; unsigned int SystemPowerState 1; struct soap *soap; };
class _rci__GetRemoteControlCapabilities { public: struct soap *soap; };
class _rci__GetRemoteControlCapabilitiesResponse
{
public:
    PT_USCORESTATUS Status 1;
    unsigned int IanaOemNumber 1;
    unsigned int OemDefinedCapabilities 1;
    unsigned short SpecialCommandsSupported 1;
    unsigned char SystemCapabilitiesSupported 1;
    unsigned int SystemFirmwareCapabilities 1;
    struct soap *soap;
};
class _rci__RemoteControl
{
public:
    unsigned char Command 1;
    unsigned int IanaOemNumber 1;
    unsigned char *SpecialCommand 0;
    unsigned short *SpecialCommandParameter 0;
    unsigned short *BootOptions 0;
    unsigned short *OEMparameters 0;
    struct soap *soap;
};
class _rci__RemoteControlResponse { public: PT_USCORESTATUS Status 1; struct soap *soap; };

//gsoap rci service method-action: GetSystemPowerState http://schemas.intel.com/platform/client/RemoteControl/2004/01/GetSystemPowerState
int __rci__GetSystemPowerState(_rci__GetSystemPowerState *rci__GetSystemPowerState, _rci__GetSystemPowerStateResponse &rci__GetSystemPowerStateResponse);
//gsoap rci service method-action: GetRemoteControlCapabilities http://schemas.intel.com/platform/client/RemoteControl/2004/01/GetRemoteControlCapabilities
int __rci__GetRemoteControlCapabilities(_rci__GetRemoteControlCapabilities *rci__GetRemoteControlCapabilities, _rci__GetRemoteControlCapabilitiesResponse &rci__GetRemoteControlCapabilitiesResponse);
//gsoap rci service method-action: RemoteControl http://schemas.intel.com/platform/client/RemoteControl/2004/01/RemoteControl
int __rci__RemoteControl(_rci__RemoteControl *rci__RemoteControl, _rci__RemoteControlResponse &rci__RemoteControlResponse);

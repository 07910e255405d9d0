// SPDX-License-Identifier: GPL-2.0-or-later
// The WS-Management half of the wire contract (docs/protocol.md §13): the envelope headers, the
// enumeration messages and the Intel AMT classes OOBM reads and writes, as a gSOAP interface
// header. contract.h imports it beside amt.h; soapcpp2 generates one WsmanProxy for the client
// (core/amt/wsmansession.cpp) and the serializers amt-sim's /wsman uses (sim/simwsman.cpp).
//
// Conventions (docs/protocol.md §13.1): SOAP 1.2, WS-Addressing 2004/08 (gSOAP's wsa.h),
// WS-Transfer and WS-Enumeration 2004/09, the DMTF WS-Management namespace for ResourceURI and
// SelectorSet. A class's elements live in its resource URI's namespace, in the order AMT sends
// them (alphabetical). Every field of a returned instance is optional: firmware versions differ
// in what they send. Types and element names follow the firmware's; a class name's "_USCORE"
// is "_" on the wire.

//gsoap wsman service name:       Wsman
//gsoap wsman service style:      document
//gsoap wsman service encoding:   literal
//gsoap wsman service protocol:   SOAP1.2
//gsoap wsman service port:       http://localhost:16992/wsman
//gsoap wsman service namespace:  http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd
//gsoap wsman schema namespace:   http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd
//gsoap wsman schema elementForm: qualified
//gsoap wsman schema attributeForm: unqualified

//gsoap wsen schema namespace:    http://schemas.xmlsoap.org/ws/2004/09/enumeration
//gsoap wsen schema form:         qualified
//gsoap wxf schema namespace:     http://schemas.xmlsoap.org/ws/2004/09/transfer
//gsoap wxf schema form:          qualified

//gsoap gs schema namespace:      http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings
//gsoap gs schema form:           qualified
//gsoap scs schema namespace:     http://intel.com/wbem/wscim/1/amt-schema/1/AMT_SetupAndConfigurationService
//gsoap scs schema form:          qualified
//gsoap swi schema namespace:     http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_SoftwareIdentity
//gsoap swi schema form:          qualified
//gsoap pms schema namespace:     http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService
//gsoap pms schema form:          qualified
//gsoap apms schema namespace: http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_AssociatedPowerManagementService
//gsoap apms schema form:         qualified
//gsoap csp schema namespace:     http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystemPackage
//gsoap csp schema form:          qualified
//gsoap bsd schema namespace:     http://intel.com/wbem/wscim/1/amt-schema/1/AMT_BootSettingData
//gsoap bsd schema form:          qualified
//gsoap bcs schema namespace:     http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootConfigSetting
//gsoap bcs schema form:          qualified
//gsoap bsvc schema namespace:    http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootService
//gsoap bsvc schema form:         qualified
//gsoap auth schema namespace:    http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService
//gsoap auth schema form:         qualified
//gsoap ts schema namespace:      http://intel.com/wbem/wscim/1/amt-schema/1/AMT_TimeSynchronizationService
//gsoap ts schema form:           qualified

#import "stlvector.h"
#import "wsa.h"

// ---------------------------------------------------------------------------------------------
// Headers: WS-Addressing's (MessageID, RelatesTo, ReplyTo, To, Action, from wsa.h) and these.

class wsman__SelectorType
{
public:
    @std::string Name 0;         // unqualified, as OOBM writes it: Name="InstanceID"
    @std::string *wsman__Name 0; // qualified, as amtc writes it: wsman:Name="InstanceID"
    std::string __item;
};

class wsman__SelectorSetType
{
public:
    std::vector<wsman__SelectorType> Selector 0;
};

mutable struct SOAP_ENV__Header
{
    mustUnderstand char *wsman__ResourceURI 0;
    wsman__SelectorSetType *wsman__SelectorSet 0;
    char *wsman__OperationTimeout 0; // "PT60S"
};

// An endpoint reference as a method argument or a property (docs/protocol.md §13.3): the
// instance is named by ResourceURI and selectors; Address is ignored by AMT.
class wsman__ReferenceParametersType
{
public:
    std::string wsman__ResourceURI 1;
    wsman__SelectorSetType *wsman__SelectorSet 0;
};

class wsman__EndpointReferenceType
{
public:
    std::string wsa__Address 1;
    wsman__ReferenceParametersType *wsa__ReferenceParameters 1;
};

// ---------------------------------------------------------------------------------------------
// WS-Enumeration 2004/09

class _wsen__Enumerate
{
public:
    struct soap *soap;
};

class _wsen__EnumerateResponse
{
public:
    std::string EnumerationContext 1;
    struct soap *soap;
};

class _wsen__Pull
{
public:
    std::string EnumerationContext 1;
    int *MaxElements 0;
    struct soap *soap;
};

class _wsen__Release
{
public:
    std::string EnumerationContext 1;
    struct soap *soap;
};

class _wsen__ReleaseResponse
{
public:
    struct soap *soap;
};

// ---------------------------------------------------------------------------------------------
// AMT_GeneralSettings (Get, Put): names, the Digest realm, network switches.

class _gs__AMT_USCOREGeneralSettings
{
public:
    unsigned int *AMTNetworkEnabled 0;
    unsigned int *DDNSPeriodicUpdateInterval 0;
    unsigned int *DDNSTTL 0;
    bool *DDNSUpdateByDHCPServerEnabled 0;
    bool *DDNSUpdateEnabled 0;
    unsigned int *DHCPv6ConfigurationTimeout 0;
    std::string *DigestRealm 0;
    std::string *DomainName 0;
    std::string *ElementName 0;
    std::string *HostName 0;
    std::string *HostOSFQDN 0;
    unsigned int *IdleWakeTimeout 0;
    std::string *InstanceID 0;
    bool *NetworkInterfaceEnabled 0;
    bool *PingResponseEnabled 0;
    unsigned int *PowerSource 0;
    unsigned int *PreferredAddressFamily 0;
    unsigned int *PresenceNotificationInterval 0;
    unsigned int *PrivacyLevel 0;
    bool *RmcpPingResponseEnabled 0;
    bool *SharedFQDN 0;
    bool *WsmanOnlyMode 0;
    struct soap *soap;
};

// ---------------------------------------------------------------------------------------------
// CIM_SoftwareIdentity (Enumerate + Pull): the firmware's components and their versions.

class _swi__CIM_USCORESoftwareIdentity
{
public:
    std::string *InstanceID 0;
    bool *IsEntity 0;
    std::string *VersionString 0;
    struct soap *soap;
};

class wsen__SoftwareIdentityItems
{
public:
    std::vector<_swi__CIM_USCORESoftwareIdentity> swi__CIM_USCORESoftwareIdentity 0;
};

// A PullResponse of CIM_SoftwareIdentity: more items follow while EnumerationContext is there;
// EndOfSequence ends them.
class wsen__SoftwareIdentityPullResponse
{
public:
    wsen__SoftwareIdentityItems *Items 0;
    std::string *EnumerationContext 0;
    std::string *EndOfSequence 0;
    struct soap *soap;
};

// ---------------------------------------------------------------------------------------------
// AMT_SetupAndConfigurationService (Get; CommitChanges, Unprovision): the provisioning state.

class _scs__AMT_USCORESetupAndConfigurationService
{
public:
    std::string *CreationClassName 0;
    std::string *ElementName 0;
    unsigned short *EnabledState 0;
    std::string *Name 0;
    unsigned int *PasswordModel 0;
    unsigned short *ProvisioningMode 0;
    std::string *ProvisioningServerOTP 0;
    unsigned int *ProvisioningState 0;
    unsigned short *RequestedState 0;
    std::string *SystemCreationClassName 0;
    std::string *SystemName 0;
    bool *ZeroTouchConfigurationEnabled 0;
    struct soap *soap;
};

class _scs__CommitChanges_USCOREINPUT
{
public:
    struct soap *soap;
};

class _scs__CommitChanges_USCOREOUTPUT
{
public:
    unsigned int ReturnValue 1;
    struct soap *soap;
};

class _scs__Unprovision_USCOREINPUT
{
public:
    unsigned int ProvisioningMode 1;
    struct soap *soap;
};

class _scs__Unprovision_USCOREOUTPUT
{
public:
    unsigned int ReturnValue 1;
    struct soap *soap;
};

// AMT 6.0 and later: back to setup mode with the provisioning data kept (docs/protocol.md §13.6).
class _scs__PartialUnprovision_USCOREINPUT
{
public:
    struct soap *soap;
};

class _scs__PartialUnprovision_USCOREOUTPUT
{
public:
    unsigned int ReturnValue 1;
    struct soap *soap;
};

// ---------------------------------------------------------------------------------------------
// Power: CIM_AssociatedPowerManagementService (Get) and CIM_PowerManagementService's
// RequestPowerStateChange. Power states are the DMTF set (docs/protocol.md §13.5).

class _apms__CIM_USCOREAssociatedPowerManagementService
{
public:
    std::vector<unsigned short> AvailableRequestedPowerStates 0;
    unsigned short *PowerState 0;
    wsman__EndpointReferenceType *ServiceProvided 0;
    wsman__EndpointReferenceType *UserOfService 0;
    struct soap *soap;
};

class _pms__RequestPowerStateChange_USCOREINPUT
{
public:
    unsigned short PowerState 1;
    wsman__EndpointReferenceType *ManagedElement 0;
    struct soap *soap;
};

class _pms__RequestPowerStateChange_USCOREOUTPUT
{
public:
    unsigned int ReturnValue 1;
    struct soap *soap;
};

// ---------------------------------------------------------------------------------------------
// AMT_TimeSynchronizationService: the device's clock (seconds since 1970, UTC), read and set with
// the transit time averaged out as NetworkTime does it (docs/protocol.md §5.7, §13.6).

class _ts__GetLowAccuracyTimeSynch_USCOREINPUT
{
public:
    struct soap *soap;
};

class _ts__GetLowAccuracyTimeSynch_USCOREOUTPUT
{
public:
    unsigned int *Ta0 0;
    unsigned int ReturnValue 1;
    struct soap *soap;
};

class _ts__SetHighAccuracyTimeSynch_USCOREINPUT
{
public:
    unsigned int Ta0 1;
    unsigned int Tm1 1;
    unsigned int Tm2 1;
    struct soap *soap;
};

class _ts__SetHighAccuracyTimeSynch_USCOREOUTPUT
{
public:
    unsigned int ReturnValue 1;
    struct soap *soap;
};

// ---------------------------------------------------------------------------------------------
// The next boot (docs/protocol.md §13.6): AMT_BootSettingData (Get, Put: BIOS setup and the
// other one-boot switches), CIM_BootConfigSetting.ChangeBootOrder (the device to boot from, a
// CIM_BootSourceSetting), CIM_BootService.SetBootConfigRole (Role 1: for the next boot only).

class _bsd__AMT_USCOREBootSettingData
{
public:
    bool *BIOSPause 0;
    bool *BIOSSetup 0;
    unsigned short *BootMediaIndex 0;
    std::string *ElementName 0;
    unsigned short *FirmwareVerbosity 0;
    bool *ForcedProgressEvents 0;
    unsigned short *IDERBootDevice 0;
    std::string *InstanceID 0;
    bool *LockKeyboard 0;
    bool *LockPowerButton 0;
    bool *LockResetButton 0;
    bool *LockSleepButton 0;
    std::string *OwningEntity 0;
    bool *ReflashBIOS 0;
    bool *UseIDER 0;
    bool *UseSOL 0;
    bool *UseSafeMode 0;
    bool *UserPasswordBypass 0;
    struct soap *soap;
};

// The source as AMT 6.0 and later spell it; AMT 5.0 and earlier (MOF 2.13) spell it "source".
class _bcs__ChangeBootOrder_USCOREINPUT
{
public:
    wsman__EndpointReferenceType *Source 0;
    wsman__EndpointReferenceType *source 0;
    struct soap *soap;
};

class _bcs__ChangeBootOrder_USCOREOUTPUT
{
public:
    unsigned int ReturnValue 1;
    struct soap *soap;
};

class _bsvc__SetBootConfigRole_USCOREINPUT
{
public:
    wsman__EndpointReferenceType *BootConfigSetting 1;
    unsigned short Role 1;
    struct soap *soap;
};

class _bsvc__SetBootConfigRole_USCOREOUTPUT
{
public:
    unsigned int ReturnValue 1;
    struct soap *soap;
};

// ---------------------------------------------------------------------------------------------
// AMT_AuthorizationService (docs/protocol.md §13.6): the admin account. DigestPassword is the
// base64 of MD5(user ":" realm ":" password); the password itself never travels.

class _auth__SetAdminAclEntryEx_USCOREINPUT
{
public:
    std::string Username 1;
    std::string DigestPassword 1;
    struct soap *soap;
};

class _auth__SetAdminAclEntryEx_USCOREOUTPUT
{
public:
    unsigned int ReturnValue 1;
    struct soap *soap;
};

// ACL users (digest users; Kerberos SIDs are declared so that they round-trip). AccessPermission:
// 0 local only, 1 network only, 2 both. Realms as the legacy interface numbers them.
class _auth__AddUserAclEntryEx_USCOREINPUT
{
public:
    std::string *DigestUsername 0;
    std::string *DigestPassword 0;
    std::string *KerberosUserSid 0;
    unsigned int AccessPermission 1;
    std::vector<unsigned int> Realms 0;
    struct soap *soap;
};

class _auth__AddUserAclEntryEx_USCOREOUTPUT
{
public:
    unsigned int *Handle 0;
    unsigned int ReturnValue 1;
    struct soap *soap;
};

class _auth__EnumerateUserAclEntries_USCOREINPUT
{
public:
    unsigned int StartIndex 1; // 1 for the first page
    struct soap *soap;
};

class _auth__EnumerateUserAclEntries_USCOREOUTPUT
{
public:
    unsigned int *TotalCount 0;
    unsigned int *HandlesCount 0;
    std::vector<unsigned int> Handles 0;
    unsigned int ReturnValue 1;
    struct soap *soap;
};

class _auth__GetUserAclEntryEx_USCOREINPUT
{
public:
    unsigned int Handle 1;
    struct soap *soap;
};

class _auth__GetUserAclEntryEx_USCOREOUTPUT
{
public:
    std::string *DigestUsername 0;
    std::string *KerberosUserSid 0;
    unsigned int *AccessPermission 0;
    std::vector<unsigned int> Realms 0;
    unsigned int ReturnValue 1;
    struct soap *soap;
};

class _auth__UpdateUserAclEntryEx_USCOREINPUT
{
public:
    unsigned int Handle 1;
    std::string *DigestUsername 0;
    std::string *DigestPassword 0; // absent: the password stays
    std::string *KerberosUserSid 0;
    unsigned int AccessPermission 1;
    std::vector<unsigned int> Realms 0;
    struct soap *soap;
};

class _auth__UpdateUserAclEntryEx_USCOREOUTPUT
{
public:
    unsigned int ReturnValue 1;
    struct soap *soap;
};

// ---------------------------------------------------------------------------------------------
// CIM_ComputerSystemPackage (Get): the platform's UUID, in the hello's byte order.

class _csp__CIM_USCOREComputerSystemPackage
{
public:
    wsman__EndpointReferenceType *Antecedent 0;
    wsman__EndpointReferenceType *Dependent 0;
    std::string *PlatformGUID 0;
    struct soap *soap;
};

// ---------------------------------------------------------------------------------------------
// The operations. The request's ResourceURI (and selectors) travel in the header; the action
// names the verb. An output parameter's name is its element's: `…_` when it is the input's too.

//gsoap wsman service method-action: GetGeneralSettings http://schemas.xmlsoap.org/ws/2004/09/transfer/Get
int __wsman__GetGeneralSettings(_gs__AMT_USCOREGeneralSettings &gs__AMT_USCOREGeneralSettings);
//gsoap wsman service method-action: PutGeneralSettings http://schemas.xmlsoap.org/ws/2004/09/transfer/Put
int __wsman__PutGeneralSettings(_gs__AMT_USCOREGeneralSettings *gs__AMT_USCOREGeneralSettings,
                                _gs__AMT_USCOREGeneralSettings &gs__AMT_USCOREGeneralSettings_);

//gsoap wsman service method-action: Enumerate http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate
int __wsman__Enumerate(_wsen__Enumerate *wsen__Enumerate, _wsen__EnumerateResponse &wsen__EnumerateResponse);
//gsoap wsman service method-action: PullSoftwareIdentity http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull
int __wsman__PullSoftwareIdentity(_wsen__Pull *wsen__Pull, wsen__SoftwareIdentityPullResponse &wsen__PullResponse);
//gsoap wsman service method-action: Release http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release
int __wsman__Release(_wsen__Release *wsen__Release, _wsen__ReleaseResponse &wsen__ReleaseResponse);

//gsoap wsman service method-action: GetSetupAndConfigurationService http://schemas.xmlsoap.org/ws/2004/09/transfer/Get
int __wsman__GetSetupAndConfigurationService(
        _scs__AMT_USCORESetupAndConfigurationService &scs__AMT_USCORESetupAndConfigurationService);
//gsoap wsman service method-action: CommitChanges http://intel.com/wbem/wscim/1/amt-schema/1/AMT_SetupAndConfigurationService/CommitChanges
int __wsman__CommitChanges(_scs__CommitChanges_USCOREINPUT *scs__CommitChanges_USCOREINPUT,
                           _scs__CommitChanges_USCOREOUTPUT &scs__CommitChanges_USCOREOUTPUT);
//gsoap wsman service method-action: Unprovision http://intel.com/wbem/wscim/1/amt-schema/1/AMT_SetupAndConfigurationService/Unprovision
int __wsman__Unprovision(_scs__Unprovision_USCOREINPUT *scs__Unprovision_USCOREINPUT,
                         _scs__Unprovision_USCOREOUTPUT &scs__Unprovision_USCOREOUTPUT);

//gsoap wsman service method-action: GetAssociatedPowerManagementService http://schemas.xmlsoap.org/ws/2004/09/transfer/Get
int __wsman__GetAssociatedPowerManagementService(
        _apms__CIM_USCOREAssociatedPowerManagementService &apms__CIM_USCOREAssociatedPowerManagementService);
//gsoap wsman service method-action: RequestPowerStateChange http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService/RequestPowerStateChange
int __wsman__RequestPowerStateChange(
        _pms__RequestPowerStateChange_USCOREINPUT *pms__RequestPowerStateChange_USCOREINPUT,
        _pms__RequestPowerStateChange_USCOREOUTPUT &pms__RequestPowerStateChange_USCOREOUTPUT);

//gsoap wsman service method-action: GetComputerSystemPackage http://schemas.xmlsoap.org/ws/2004/09/transfer/Get
int __wsman__GetComputerSystemPackage(_csp__CIM_USCOREComputerSystemPackage &csp__CIM_USCOREComputerSystemPackage);
//gsoap wsman service method-action: PartialUnprovision http://intel.com/wbem/wscim/1/amt-schema/1/AMT_SetupAndConfigurationService/PartialUnprovision
int __wsman__PartialUnprovision(_scs__PartialUnprovision_USCOREINPUT *scs__PartialUnprovision_USCOREINPUT,
                                _scs__PartialUnprovision_USCOREOUTPUT &scs__PartialUnprovision_USCOREOUTPUT);

//gsoap wsman service method-action: GetLowAccuracyTimeSynch http://intel.com/wbem/wscim/1/amt-schema/1/AMT_TimeSynchronizationService/GetLowAccuracyTimeSynch
int __wsman__GetLowAccuracyTimeSynch(_ts__GetLowAccuracyTimeSynch_USCOREINPUT *ts__GetLowAccuracyTimeSynch_USCOREINPUT,
                                     _ts__GetLowAccuracyTimeSynch_USCOREOUTPUT &ts__GetLowAccuracyTimeSynch_USCOREOUTPUT);
//gsoap wsman service method-action: SetHighAccuracyTimeSynch http://intel.com/wbem/wscim/1/amt-schema/1/AMT_TimeSynchronizationService/SetHighAccuracyTimeSynch
int __wsman__SetHighAccuracyTimeSynch(
        _ts__SetHighAccuracyTimeSynch_USCOREINPUT *ts__SetHighAccuracyTimeSynch_USCOREINPUT,
        _ts__SetHighAccuracyTimeSynch_USCOREOUTPUT &ts__SetHighAccuracyTimeSynch_USCOREOUTPUT);

//gsoap wsman service method-action: GetBootSettingData http://schemas.xmlsoap.org/ws/2004/09/transfer/Get
int __wsman__GetBootSettingData(_bsd__AMT_USCOREBootSettingData &bsd__AMT_USCOREBootSettingData);
//gsoap wsman service method-action: PutBootSettingData http://schemas.xmlsoap.org/ws/2004/09/transfer/Put
int __wsman__PutBootSettingData(_bsd__AMT_USCOREBootSettingData *bsd__AMT_USCOREBootSettingData,
                                _bsd__AMT_USCOREBootSettingData &bsd__AMT_USCOREBootSettingData_);
//gsoap wsman service method-action: ChangeBootOrder http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootConfigSetting/ChangeBootOrder
int __wsman__ChangeBootOrder(_bcs__ChangeBootOrder_USCOREINPUT *bcs__ChangeBootOrder_USCOREINPUT,
                             _bcs__ChangeBootOrder_USCOREOUTPUT &bcs__ChangeBootOrder_USCOREOUTPUT);
//gsoap wsman service method-action: SetBootConfigRole http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootService/SetBootConfigRole
int __wsman__SetBootConfigRole(_bsvc__SetBootConfigRole_USCOREINPUT *bsvc__SetBootConfigRole_USCOREINPUT,
                               _bsvc__SetBootConfigRole_USCOREOUTPUT &bsvc__SetBootConfigRole_USCOREOUTPUT);
//gsoap wsman service method-action: SetAdminAclEntryEx http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/SetAdminAclEntryEx
int __wsman__SetAdminAclEntryEx(_auth__SetAdminAclEntryEx_USCOREINPUT *auth__SetAdminAclEntryEx_USCOREINPUT,
                                _auth__SetAdminAclEntryEx_USCOREOUTPUT &auth__SetAdminAclEntryEx_USCOREOUTPUT);
//gsoap wsman service method-action: AddUserAclEntryEx http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/AddUserAclEntryEx
int __wsman__AddUserAclEntryEx(_auth__AddUserAclEntryEx_USCOREINPUT *auth__AddUserAclEntryEx_USCOREINPUT,
                 _auth__AddUserAclEntryEx_USCOREOUTPUT &auth__AddUserAclEntryEx_USCOREOUTPUT);
//gsoap wsman service method-action: EnumerateUserAclEntries http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/EnumerateUserAclEntries
int __wsman__EnumerateUserAclEntries(_auth__EnumerateUserAclEntries_USCOREINPUT *auth__EnumerateUserAclEntries_USCOREINPUT,
                 _auth__EnumerateUserAclEntries_USCOREOUTPUT &auth__EnumerateUserAclEntries_USCOREOUTPUT);
//gsoap wsman service method-action: GetUserAclEntryEx http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/GetUserAclEntryEx
int __wsman__GetUserAclEntryEx(_auth__GetUserAclEntryEx_USCOREINPUT *auth__GetUserAclEntryEx_USCOREINPUT,
                 _auth__GetUserAclEntryEx_USCOREOUTPUT &auth__GetUserAclEntryEx_USCOREOUTPUT);
//gsoap wsman service method-action: UpdateUserAclEntryEx http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/UpdateUserAclEntryEx
int __wsman__UpdateUserAclEntryEx(_auth__UpdateUserAclEntryEx_USCOREINPUT *auth__UpdateUserAclEntryEx_USCOREINPUT,
                 _auth__UpdateUserAclEntryEx_USCOREOUTPUT &auth__UpdateUserAclEntryEx_USCOREOUTPUT);

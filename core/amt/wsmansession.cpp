// SPDX-License-Identifier: GPL-2.0-or-later
// WS-Management (docs/protocol.md §13): the generated WsmanProxy in, Qt value types out. gSOAP is
// seen on the client side here, in amtsession.cpp and in soaptransport.cpp only.
#include "wsmansession.h"

#include "soapWsmanProxy.h"
#include "wsaapi.h"

#include "core/amt/contract/namespaces.h"
#include "core/amt/soaptransport.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace Oobm::Core::Amt {

namespace {

QString tr(const char *text)
{
    // lupdate files free tr() calls under the enclosing namespace: use the same context.
    return QCoreApplication::translate("Oobm::Core::Amt", text);
}

QString qstr(const std::string *s)
{
    return s ? QString::fromStdString(*s) : QString();
}

const char AmtPrefix[] = "http://intel.com/wbem/wscim/1/amt-schema/1/";
const char CimPrefix[] = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
const char AddressingUri[] = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

// An enumeration the device never ends is not followed for ever.
constexpr int MaxPulls = 1000;

std::string resource(const char *prefix, const char *className)
{
    return std::string(prefix) + className;
}

// An endpoint reference to an instance as a method's argument (docs/protocol.md §13.3): its
// resource URI and key selectors. Holds what the generated types point to, so it must outlive
// the call.
class InstanceReference
{
public:
    InstanceReference(const std::string &resourceUri, std::initializer_list<std::pair<const char *, std::string>> keys)
    {
        for (const auto &[name, value] : keys) {
            wsman__SelectorType selector;
            selector.Name = name;
            selector.__item = value;
            m_selectors.Selector.push_back(selector);
        }
        m_parameters.wsman__ResourceURI = resourceUri;
        m_parameters.wsman__SelectorSet = &m_selectors;
        m_reference.wsa__Address = AddressingUri;
        m_reference.wsa__ReferenceParameters = &m_parameters;
    }
    InstanceReference(const InstanceReference &) = delete;
    InstanceReference &operator=(const InstanceReference &) = delete;

    wsman__EndpointReferenceType *get() { return &m_reference; }

private:
    wsman__SelectorSetType m_selectors;
    wsman__ReferenceParametersType m_parameters;
    wsman__EndpointReferenceType m_reference;
};

// CIM's ReturnValue as Actions Status shows it (docs/protocol.md §13.5).
QString cimReturnValueKey(unsigned value)
{
    switch (value) {
    case 1:
        return QStringLiteral("NOT_SUPPORTED");
    case 2:
        return QStringLiteral("UNKNOWN_ERROR");
    case 3:
        return QStringLiteral("TIMEOUT");
    case 4:
        return QStringLiteral("FAILED");
    case 5:
        return QStringLiteral("INVALID_PARAMETER");
    case 6:
        return QStringLiteral("IN_USE");
    default:
        return QStringLiteral("RETURN_VALUE_%1").arg(value);
    }
}

// CIM's ReturnValue words for a standard method (docs/protocol.md §13.5).
QString cimReturnValueName(unsigned value)
{
    switch (value) {
    case 1:
        return QStringLiteral("Not Supported");
    case 2:
        return QStringLiteral("Unknown or Unspecified Error");
    case 3:
        return QStringLiteral("Cannot complete within Timeout Period");
    case 4:
        return QStringLiteral("Failed");
    case 5:
        return QStringLiteral("Invalid Parameter");
    case 6:
        return QStringLiteral("In Use");
    default:
        return QStringLiteral("ReturnValue %1").arg(value);
    }
}

} // namespace

class WsmanSession::Private
{
public:
    explicit Private(const AmtEndpoint &e)
        : transport(e, g_wsmanNamespaces)
        , proxy(transport.context())
        , url(e.wsmanUrl().toStdString())
    {
        transport.useNamespaces(); // the proxy installed the global table
        soap_register_plugin(transport.context(), soap_wsa);
    }

    // The request's headers (§13.2): WS-Addressing's by the plugin, then WS-Management's.
    void header(const char *action, const std::string &resourceUri, wsman__SelectorSetType *selectors = nullptr)
    {
        struct soap *soap = transport.context();
        soap_wsa_request(soap, soap_wsa_rand_uuid(soap), url.c_str(), action);
        soap->header->wsman__ResourceURI = soap_strdup(soap, resourceUri.c_str());
        soap->header->wsman__SelectorSet = selectors;
        soap->header->wsman__OperationTimeout = soap_strdup(soap, "PT60S");
    }

    // Runs one call: the headers are set again if Digest makes it run twice.
    template<typename Invoke>
    AmtError call(const char *operation, const char *action, const std::string &resourceUri, Invoke invoke)
    {
        return transport.call(operation, [&] {
            header(action, resourceUri);
            return invoke();
        });
    }

    // A CIM method's non-zero ReturnValue as a status error. (AMT_ methods answer a PT_STATUS: name
    // theirs as AmtSession does when the first one is called.)
    static AmtError cimReturnValue(const char *operation, unsigned value)
    {
        if (value == 0)
            return {};
        AmtError e;
        e.category = AmtError::Category::Status;
        e.operation = QLatin1String(operation);
        e.ptStatus = value;
        e.statusName = cimReturnValueKey(value);
        e.message = tr("%1 returned %2 (%3).").arg(e.operation).arg(value).arg(cimReturnValueName(value));
        return e;
    }

    // DigestPassword for a user (§13.6): the base64 of MD5(user:realm:password), with the device's
    // realm from AMT_GeneralSettings (read once a session).
    AmtResult<std::string> digestPassword(WsmanSession &session, const QString &user, const QString &password)
    {
        AmtResult<std::string> r;
        if (realm.isEmpty()) {
            const AmtResult<GeneralSettings> settings = session.getGeneralSettings();
            if (!settings.ok()) {
                r.error = settings.error;
                return r;
            }
            realm = settings.value.digestRealm;
            if (realm.isEmpty()) {
                r.error = {AmtError::Category::Protocol,
                           tr("%1 sent AMT_GeneralSettings without a DigestRealm, so a password for it cannot be "
                              "made.")
                                   .arg(session.endpoint().address()),
                           QStringLiteral("AMT_GeneralSettings.Get")};
                return r;
            }
        }
        r.value = QCryptographicHash::hash((user + u':' + realm + u':' + password).toUtf8(), QCryptographicHash::Md5)
                          .toBase64()
                          .toStdString();
        return r;
    }

    SoapTransport transport;
    WsmanProxy proxy;
    std::string url;
    QString realm;
};

WsmanSession::WsmanSession(const AmtEndpoint &endpoint)
    : d(std::make_unique<Private>(endpoint))
{ }

WsmanSession::~WsmanSession() = default;

const AmtEndpoint &WsmanSession::endpoint() const
{
    return d->transport.endpoint();
}

AmtResult<GeneralSettings> WsmanSession::getGeneralSettings()
{
    _gs__AMT_USCOREGeneralSettings response;
    AmtResult<GeneralSettings> r;
    r.error = d->call("AMT_GeneralSettings.Get", "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                      resource(AmtPrefix, "AMT_GeneralSettings"),
                      [&] { return d->proxy.GetGeneralSettings(d->url.c_str(), nullptr, response); });
    if (r.ok()) {
        r.value.instanceId = qstr(response.InstanceID);
        r.value.hostName = qstr(response.HostName);
        r.value.domainName = qstr(response.DomainName);
        r.value.digestRealm = qstr(response.DigestRealm);
        r.value.sharedFqdn = response.SharedFQDN && *response.SharedFQDN;
        r.value.pingResponseEnabled = response.PingResponseEnabled && *response.PingResponseEnabled;
        r.value.wsmanOnlyMode = response.WsmanOnlyMode && *response.WsmanOnlyMode;
    }
    return r;
}

AmtResult<QString> WsmanSession::enumerate(const QString &resourceUri)
{
    _wsen__Enumerate request;
    _wsen__EnumerateResponse response;
    AmtResult<QString> r;
    const std::string uri = resourceUri.toStdString();
    r.error = d->call("Enumerate", "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", uri,
                      [&] { return d->proxy.Enumerate(d->url.c_str(), nullptr, &request, response); });
    if (r.ok())
        r.value = QString::fromStdString(response.EnumerationContext);
    return r;
}

AmtResult<QList<SoftwareIdentity>> WsmanSession::pullSoftwareIdentities(const QString &context, int maxElements,
                                                                        QString *nextContext)
{
    _wsen__Pull request;
    request.EnumerationContext = context.toStdString();
    request.MaxElements = maxElements > 0 ? &maxElements : nullptr;
    wsen__SoftwareIdentityPullResponse response;
    AmtResult<QList<SoftwareIdentity>> r;
    r.error = d->call("CIM_SoftwareIdentity.Pull", "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull",
                      resource(CimPrefix, "CIM_SoftwareIdentity"),
                      [&] { return d->proxy.PullSoftwareIdentity(d->url.c_str(), nullptr, &request, response); });
    if (!r.ok())
        return r;
    if (response.Items) {
        for (const _swi__CIM_USCORESoftwareIdentity &item : response.Items->swi__CIM_USCORESoftwareIdentity)
            r.value.append({qstr(item.InstanceID), qstr(item.VersionString)});
    }
    // More follow while the response carries a context; EndOfSequence (or no context) ends it.
    *nextContext = response.EndOfSequence || !response.EnumerationContext
            ? QString()
            : QString::fromStdString(*response.EnumerationContext);
    return r;
}

AmtError WsmanSession::release(const QString &resourceUri, const QString &context)
{
    _wsen__Release request;
    request.EnumerationContext = context.toStdString();
    _wsen__ReleaseResponse response;
    return d->call("Release", "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release", resourceUri.toStdString(),
                   [&] { return d->proxy.Release(d->url.c_str(), nullptr, &request, response); });
}

AmtResult<QList<SoftwareIdentity>> WsmanSession::softwareIdentities(int maxElements)
{
    const QString uri = QString::fromStdString(resource(CimPrefix, "CIM_SoftwareIdentity"));
    AmtResult<QList<SoftwareIdentity>> r;
    AmtResult<QString> context = enumerate(uri);
    if (!context.ok()) {
        r.error = context.error;
        return r;
    }
    QString next = context.value;
    for (int pulls = 0; !next.isEmpty(); ++pulls) {
        if (pulls == MaxPulls) {
            release(uri, next);
            r.error = {AmtError::Category::Protocol,
                       tr("%1 did not end the enumeration of CIM_SoftwareIdentity after %2 pulls.")
                               .arg(endpoint().address())
                               .arg(MaxPulls),
                       QStringLiteral("CIM_SoftwareIdentity.Pull")};
            return r;
        }
        AmtResult<QList<SoftwareIdentity>> batch = pullSoftwareIdentities(next, maxElements, &next);
        if (!batch.ok()) {
            r.error = batch.error;
            return r;
        }
        r.value += batch.value;
    }
    return r;
}

AmtResult<QString> WsmanSession::coreVersion()
{
    AmtResult<QString> r;
    const AmtResult<QList<SoftwareIdentity>> all = softwareIdentities();
    r.error = all.error;
    for (const SoftwareIdentity &s : all.value) {
        if (s.instanceId == u"AMT")
            r.value = s.versionString;
    }
    if (all.ok() && r.value.isEmpty())
        r.error = {
                AmtError::Category::Protocol,
                tr("%1 listed no CIM_SoftwareIdentity \"AMT\", so its version is unknown.").arg(endpoint().address()),
                QStringLiteral("CIM_SoftwareIdentity.Pull")};
    return r;
}

AmtResult<SetupAndConfiguration> WsmanSession::getSetupAndConfiguration()
{
    _scs__AMT_USCORESetupAndConfigurationService response;
    AmtResult<SetupAndConfiguration> r;
    r.error = d->call("AMT_SetupAndConfigurationService.Get", "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                      resource(AmtPrefix, "AMT_SetupAndConfigurationService"),
                      [&] { return d->proxy.GetSetupAndConfigurationService(d->url.c_str(), nullptr, response); });
    if (r.ok()) {
        r.value.provisioningState = response.ProvisioningState ? *response.ProvisioningState : 0;
        r.value.provisioningMode = response.ProvisioningMode ? *response.ProvisioningMode : 0;
        r.value.zeroTouchConfigurationEnabled = response.ZeroTouchConfigurationEnabled
                && *response.ZeroTouchConfigurationEnabled;
    }
    return r;
}

AmtError WsmanSession::requestPowerStateChange(DmtfPowerState state)
{
    // The host: CIM_ComputerSystem "ManagedSystem".
    InstanceReference system(resource(CimPrefix, "CIM_ComputerSystem"),
                             {{"CreationClassName", "CIM_ComputerSystem"}, {"Name", "ManagedSystem"}});
    _pms__RequestPowerStateChange_USCOREINPUT request;
    request.PowerState = static_cast<unsigned short>(state);
    request.ManagedElement = system.get();
    _pms__RequestPowerStateChange_USCOREOUTPUT response;
    const std::string uri = resource(CimPrefix, "CIM_PowerManagementService");
    const std::string action = uri + "/RequestPowerStateChange";
    if (AmtError e = d->call("CIM_PowerManagementService.RequestPowerStateChange", action.c_str(), uri, [&] {
            return d->proxy.RequestPowerStateChange(d->url.c_str(), action.c_str(), &request, response);
        }))
        return e;
    return Private::cimReturnValue("CIM_PowerManagementService.RequestPowerStateChange", response.ReturnValue);
}

AmtResult<unsigned> WsmanSession::powerState()
{
    _apms__CIM_USCOREAssociatedPowerManagementService response;
    AmtResult<unsigned> r;
    r.error = d->call("CIM_AssociatedPowerManagementService.Get", "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                      resource(CimPrefix, "CIM_AssociatedPowerManagementService"),
                      [&] { return d->proxy.GetAssociatedPowerManagementService(d->url.c_str(), nullptr, response); });
    if (r.ok() && !response.PowerState)
        r.error = {AmtError::Category::Protocol,
                   tr("%1 sent CIM_AssociatedPowerManagementService without a PowerState.").arg(endpoint().address()),
                   QStringLiteral("CIM_AssociatedPowerManagementService.Get")};
    else if (r.ok())
        r.value = *response.PowerState;
    return r;
}

AmtError WsmanSession::unprovision(bool partial)
{
    const std::string uri = resource(AmtPrefix, "AMT_SetupAndConfigurationService");
    if (partial) {
        const std::string action = uri + "/PartialUnprovision";
        _scs__PartialUnprovision_USCOREINPUT request;
        _scs__PartialUnprovision_USCOREOUTPUT response;
        if (AmtError e = d->call("AMT_SetupAndConfigurationService.PartialUnprovision", action.c_str(), uri, [&] {
                return d->proxy.PartialUnprovision(d->url.c_str(), action.c_str(), &request, response);
            }))
            return e;
        return AmtError::fromPtStatus("AMT_SetupAndConfigurationService.PartialUnprovision", response.ReturnValue);
    }
    const std::string action = uri + "/Unprovision";
    _scs__Unprovision_USCOREINPUT request;
    request.ProvisioningMode = 1; // as rpc-go's full deactivation sends it (§13.6)
    _scs__Unprovision_USCOREOUTPUT response;
    if (AmtError e = d->call("AMT_SetupAndConfigurationService.Unprovision", action.c_str(), uri,
                             [&] { return d->proxy.Unprovision(d->url.c_str(), action.c_str(), &request, response); }))
        return e;
    return AmtError::fromPtStatus("AMT_SetupAndConfigurationService.Unprovision", response.ReturnValue);
}

AmtResult<quint32> WsmanSession::getLowAccuracyTimeSynch()
{
    const std::string uri = resource(AmtPrefix, "AMT_TimeSynchronizationService");
    const std::string action = uri + "/GetLowAccuracyTimeSynch";
    _ts__GetLowAccuracyTimeSynch_USCOREINPUT request;
    _ts__GetLowAccuracyTimeSynch_USCOREOUTPUT response;
    AmtResult<quint32> r;
    r.error = d->call("AMT_TimeSynchronizationService.GetLowAccuracyTimeSynch", action.c_str(), uri, [&] {
        return d->proxy.GetLowAccuracyTimeSynch(d->url.c_str(), action.c_str(), &request, response);
    });
    if (r.ok())
        r.error = AmtError::fromPtStatus("AMT_TimeSynchronizationService.GetLowAccuracyTimeSynch",
                                         response.ReturnValue);
    if (r.ok() && !response.Ta0)
        r.error = {AmtError::Category::Protocol,
                   tr("%1 answered GetLowAccuracyTimeSynch without its time (Ta0).").arg(endpoint().address()),
                   QStringLiteral("AMT_TimeSynchronizationService.GetLowAccuracyTimeSynch")};
    else if (r.ok())
        r.value = *response.Ta0;
    return r;
}

AmtError WsmanSession::setHighAccuracyTimeSynch(quint32 ta0, quint32 tm1, quint32 tm2)
{
    const std::string uri = resource(AmtPrefix, "AMT_TimeSynchronizationService");
    const std::string action = uri + "/SetHighAccuracyTimeSynch";
    _ts__SetHighAccuracyTimeSynch_USCOREINPUT request;
    request.Ta0 = ta0;
    request.Tm1 = tm1;
    request.Tm2 = tm2;
    _ts__SetHighAccuracyTimeSynch_USCOREOUTPUT response;
    if (AmtError e = d->call("AMT_TimeSynchronizationService.SetHighAccuracyTimeSynch", action.c_str(), uri, [&] {
            return d->proxy.SetHighAccuracyTimeSynch(d->url.c_str(), action.c_str(), &request, response);
        }))
        return e;
    return AmtError::fromPtStatus("AMT_TimeSynchronizationService.SetHighAccuracyTimeSynch", response.ReturnValue);
}

AmtResult<QByteArray> WsmanSession::platformGuid()
{
    _csp__CIM_USCOREComputerSystemPackage response;
    AmtResult<QByteArray> r;
    r.error = d->call("CIM_ComputerSystemPackage.Get", "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                      resource(CimPrefix, "CIM_ComputerSystemPackage"),
                      [&] { return d->proxy.GetComputerSystemPackage(d->url.c_str(), nullptr, response); });
    if (!r.ok())
        return r;
    const QString hex = qstr(response.PlatformGUID);
    r.value = QByteArray::fromHex(hex.toLatin1());
    if (r.value.size() != 16 || r.value.toHex().toUpper() != hex.toUpper().toLatin1())
        r.error = {AmtError::Category::Protocol,
                   tr("%1 sent a PlatformGUID that is not 32 hex digits: \"%2\".").arg(endpoint().address(), hex),
                   QStringLiteral("CIM_ComputerSystemPackage.Get")};
    return r;
}

AmtError WsmanSession::setNextBoot(const QString &sourceInstanceId, bool biosSetup, bool lowerCaseSource)
{
    const std::string bsdUri = resource(AmtPrefix, "AMT_BootSettingData");
    _bsd__AMT_USCOREBootSettingData settings;
    if (AmtError e = d->call("AMT_BootSettingData.Get", "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", bsdUri,
                             [&] { return d->proxy.GetBootSettingData(d->url.c_str(), nullptr, settings); }))
        return e;
    // The instance as read, every one-boot switch off but BIOS setup when asked; fields the device
    // did not send stay unsent. Copied out first: the next call frees what the last one read.
    bool off = false, setup = biosSetup;
    unsigned short zero = 0;
    std::string elementName = settings.ElementName ? *settings.ElementName : std::string();
    std::string instanceId = settings.InstanceID ? *settings.InstanceID : std::string();
    std::string owningEntity = settings.OwningEntity ? *settings.OwningEntity : std::string();
    unsigned short verbosity = settings.FirmwareVerbosity ? *settings.FirmwareVerbosity : 0;
    unsigned short iderDevice = settings.IDERBootDevice ? *settings.IDERBootDevice : 0;
    _bsd__AMT_USCOREBootSettingData put;
    put.BIOSSetup = &setup;
    put.BootMediaIndex = &zero;
    put.ElementName = settings.ElementName ? &elementName : nullptr;
    put.InstanceID = settings.InstanceID ? &instanceId : nullptr;
    put.OwningEntity = settings.OwningEntity ? &owningEntity : nullptr;
    put.FirmwareVerbosity = settings.FirmwareVerbosity ? &verbosity : nullptr;
    put.IDERBootDevice = settings.IDERBootDevice ? &iderDevice : nullptr;
    const std::pair<bool *, bool **> switches[] = {{settings.BIOSPause, &put.BIOSPause},
                                                   {settings.ForcedProgressEvents, &put.ForcedProgressEvents},
                                                   {settings.LockKeyboard, &put.LockKeyboard},
                                                   {settings.LockPowerButton, &put.LockPowerButton},
                                                   {settings.LockResetButton, &put.LockResetButton},
                                                   {settings.LockSleepButton, &put.LockSleepButton},
                                                   {settings.ReflashBIOS, &put.ReflashBIOS},
                                                   {settings.UseIDER, &put.UseIDER},
                                                   {settings.UseSOL, &put.UseSOL},
                                                   {settings.UseSafeMode, &put.UseSafeMode},
                                                   {settings.UserPasswordBypass, &put.UserPasswordBypass}};
    for (const auto &[read, written] : switches)
        *written = read ? &off : nullptr;
    _bsd__AMT_USCOREBootSettingData answered;
    if (AmtError e = d->call("AMT_BootSettingData.Put", "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put", bsdUri,
                             [&] { return d->proxy.PutBootSettingData(d->url.c_str(), nullptr, &put, answered); }))
        return e;

    // The source: its CIM_BootSourceSetting.
    InstanceReference source(resource(CimPrefix, "CIM_BootSourceSetting"),
                             {{"InstanceID", sourceInstanceId.toStdString()}});
    _bcs__ChangeBootOrder_USCOREINPUT order;
    if (!sourceInstanceId.isEmpty())
        (lowerCaseSource ? order.source : order.Source) = source.get();
    _bcs__ChangeBootOrder_USCOREOUTPUT ordered;
    const std::string bcsUri = resource(CimPrefix, "CIM_BootConfigSetting");
    const std::string orderAction = bcsUri + "/ChangeBootOrder";
    if (AmtError e = d->call("CIM_BootConfigSetting.ChangeBootOrder", orderAction.c_str(), bcsUri, [&] {
            return d->proxy.ChangeBootOrder(d->url.c_str(), orderAction.c_str(), &order, ordered);
        }))
        return e;
    if (AmtError e = Private::cimReturnValue("CIM_BootConfigSetting.ChangeBootOrder", ordered.ReturnValue))
        return e;

    // The boot configuration, for the next boot only (Role 1).
    InstanceReference configuration(bcsUri, {{"InstanceID", "Intel(r) AMT: Boot Configuration 0"}});
    _bsvc__SetBootConfigRole_USCOREINPUT role;
    role.BootConfigSetting = configuration.get();
    role.Role = 1;
    _bsvc__SetBootConfigRole_USCOREOUTPUT roleSet;
    const std::string serviceUri = resource(CimPrefix, "CIM_BootService");
    const std::string roleAction = serviceUri + "/SetBootConfigRole";
    if (AmtError e = d->call("CIM_BootService.SetBootConfigRole", roleAction.c_str(), serviceUri, [&] {
            return d->proxy.SetBootConfigRole(d->url.c_str(), roleAction.c_str(), &role, roleSet);
        }))
        return e;
    return Private::cimReturnValue("CIM_BootService.SetBootConfigRole", roleSet.ReturnValue);
}

AmtError WsmanSession::setAdminAclEntryEx(const QString &username, const QString &password)
{
    const AmtResult<std::string> digest = d->digestPassword(*this, username, password);
    if (!digest.ok())
        return digest.error;
    _auth__SetAdminAclEntryEx_USCOREINPUT request;
    request.Username = username.toStdString();
    request.DigestPassword = digest.value;
    _auth__SetAdminAclEntryEx_USCOREOUTPUT response;
    const std::string uri = resource(AmtPrefix, "AMT_AuthorizationService");
    const std::string action = uri + "/SetAdminAclEntryEx";
    if (AmtError e = d->call("AMT_AuthorizationService.SetAdminAclEntryEx", action.c_str(), uri, [&] {
            return d->proxy.SetAdminAclEntryEx(d->url.c_str(), action.c_str(), &request, response);
        }))
        return e;
    return AmtError::fromPtStatus("AMT_AuthorizationService.SetAdminAclEntryEx", response.ReturnValue);
}

AmtResult<unsigned> WsmanSession::addUserAclEntryEx(const UserAclEntry &entry)
{
    AmtResult<unsigned> r;
    const AmtResult<std::string> digest = d->digestPassword(*this, entry.username, entry.password);
    if (!digest.ok()) {
        r.error = digest.error;
        return r;
    }
    std::string username = entry.username.toStdString(), password = digest.value;
    _auth__AddUserAclEntryEx_USCOREINPUT request;
    request.DigestUsername = &username;
    request.DigestPassword = &password;
    request.AccessPermission = 2; // local and network
    request.Realms.assign(entry.realms.cbegin(), entry.realms.cend());
    _auth__AddUserAclEntryEx_USCOREOUTPUT response;
    const std::string uri = resource(AmtPrefix, "AMT_AuthorizationService");
    const std::string action = uri + "/AddUserAclEntryEx";
    r.error = d->call("AMT_AuthorizationService.AddUserAclEntryEx", action.c_str(), uri,
                      [&] { return d->proxy.AddUserAclEntryEx(d->url.c_str(), action.c_str(), &request, response); });
    if (r.ok())
        r.error = AmtError::fromPtStatus("AMT_AuthorizationService.AddUserAclEntryEx", response.ReturnValue);
    if (r.ok())
        r.value = response.Handle ? *response.Handle : 0;
    return r;
}

AmtResult<QList<unsigned>> WsmanSession::enumerateUserAclEntries()
{
    AmtResult<QList<unsigned>> r;
    const std::string uri = resource(AmtPrefix, "AMT_AuthorizationService");
    const std::string action = uri + "/EnumerateUserAclEntries";
    // Pages of handles from StartIndex 1 until all TotalCount are read (or a page is empty).
    for (int page = 0; page < MaxPulls; ++page) {
        _auth__EnumerateUserAclEntries_USCOREINPUT request;
        request.StartIndex = unsigned(r.value.size()) + 1;
        _auth__EnumerateUserAclEntries_USCOREOUTPUT response;
        r.error = d->call("AMT_AuthorizationService.EnumerateUserAclEntries", action.c_str(), uri, [&] {
            return d->proxy.EnumerateUserAclEntries(d->url.c_str(), action.c_str(), &request, response);
        });
        if (r.ok())
            r.error = AmtError::fromPtStatus("AMT_AuthorizationService.EnumerateUserAclEntries", response.ReturnValue);
        if (!r.ok())
            return r;
        r.value += QList<unsigned>(response.Handles.cbegin(), response.Handles.cend());
        if (response.Handles.empty() || !response.TotalCount || r.value.size() >= qsizetype(*response.TotalCount))
            return r;
    }
    return r;
}

AmtResult<UserAclEntry> WsmanSession::getUserAclEntryEx(unsigned handle)
{
    _auth__GetUserAclEntryEx_USCOREINPUT request;
    request.Handle = handle;
    _auth__GetUserAclEntryEx_USCOREOUTPUT response;
    const std::string uri = resource(AmtPrefix, "AMT_AuthorizationService");
    const std::string action = uri + "/GetUserAclEntryEx";
    AmtResult<UserAclEntry> r;
    r.error = d->call("AMT_AuthorizationService.GetUserAclEntryEx", action.c_str(), uri,
                      [&] { return d->proxy.GetUserAclEntryEx(d->url.c_str(), action.c_str(), &request, response); });
    if (r.ok())
        r.error = AmtError::fromPtStatus("AMT_AuthorizationService.GetUserAclEntryEx", response.ReturnValue);
    if (r.ok()) {
        r.value.username = qstr(response.DigestUsername);
        r.value.realms = QList<unsigned>(response.Realms.cbegin(), response.Realms.cend());
    }
    return r;
}

AmtError WsmanSession::updateUserAclEntryEx(unsigned handle, const UserAclEntry &entry)
{
    std::string username = entry.username.toStdString(), password;
    if (!entry.password.isEmpty()) {
        const AmtResult<std::string> digest = d->digestPassword(*this, entry.username, entry.password);
        if (!digest.ok())
            return digest.error;
        password = digest.value;
    }
    _auth__UpdateUserAclEntryEx_USCOREINPUT request;
    request.Handle = handle;
    request.DigestUsername = &username;
    request.DigestPassword = entry.password.isEmpty() ? nullptr : &password;
    request.AccessPermission = 2;
    request.Realms.assign(entry.realms.cbegin(), entry.realms.cend());
    _auth__UpdateUserAclEntryEx_USCOREOUTPUT response;
    const std::string uri = resource(AmtPrefix, "AMT_AuthorizationService");
    const std::string action = uri + "/UpdateUserAclEntryEx";
    if (AmtError e = d->call("AMT_AuthorizationService.UpdateUserAclEntryEx", action.c_str(), uri, [&] {
            return d->proxy.UpdateUserAclEntryEx(d->url.c_str(), action.c_str(), &request, response);
        }))
        return e;
    return AmtError::fromPtStatus("AMT_AuthorizationService.UpdateUserAclEntryEx", response.ReturnValue);
}

} // namespace Oobm::Core::Amt

// SPDX-License-Identifier: GPL-2.0-or-later
#include "simwsman.h"

#include "soapH.h"

#include "core/provisioning/hellopacket.h"
#include "sim/simdevice.h"
#include "sim/soapcall.h"

#include <QDateTime>

#include <cstdio>
#include <cstring>
#include <optional>

namespace Oobm::Sim {

using Core::Amt::PtStatus;

namespace {

const char Anonymous[] = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
const char TransferGet[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
const char EnumerationNs[] = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";
const char AddressingFault[] = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
const char WsmanFault[] = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
const char AmtPrefix[] = "http://intel.com/wbem/wscim/1/amt-schema/1/";
const char CimPrefix[] = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

// docs/protocol.md §13.3 [project]: a Pull without MaxElements returns this many items; a device
// keeps this many enumerations open, each for this long after its last Pull.
constexpr int DefaultPullItems = 20;
constexpr int MaxOpenEnumerations = 16;
constexpr qint64 EnumerationLifetimeMs = 60 * 1000;

// "AMT_GeneralSettings" for its resource URI; empty for a URI of no class prefix AMT knows.
QString classOf(const std::string &resourceUri)
{
    for (const char *prefix : {AmtPrefix, CimPrefix}) {
        const std::string p(prefix);
        if (resourceUri.compare(0, p.size(), p) == 0 && resourceUri.find('/', p.size()) == std::string::npos)
            return QString::fromStdString(resourceUri.substr(p.size()));
    }
    return {};
}

std::string *text(struct soap *soap, const QString &value)
{
    std::string *p = soap_new_std__string(soap);
    *p = value.toStdString();
    return p;
}

template<typename T>
T *value(struct soap *soap, T v)
{
    T *p = static_cast<T *>(soap_malloc(soap, sizeof(T)));
    *p = v;
    return p;
}

// A selector's name, written Name= or wsman:Name= (both work on AMT, docs/protocol.md §13.3).
const std::string &selectorName(const wsman__SelectorType &selector)
{
    return selector.Name.empty() && selector.wsman__Name ? *selector.wsman__Name : selector.Name;
}

// An endpoint reference to a CIM instance (docs/protocol.md §13.3), as the firmware writes one.
wsman__EndpointReferenceType *reference(struct soap *soap, const char *className,
                                        std::initializer_list<std::pair<const char *, const char *>> keys)
{
    auto *selectors = soap_new_wsman__SelectorSetType(soap);
    for (const auto &[name, text] : keys) {
        wsman__SelectorType selector;
        selector.soap_default(soap);
        selector.Name = name;
        selector.__item = text;
        selectors->Selector.push_back(selector);
    }
    auto *parameters = soap_new_wsman__ReferenceParametersType(soap);
    parameters->wsman__ResourceURI = std::string(CimPrefix) + className;
    parameters->wsman__SelectorSet = selectors;
    auto *epr = soap_new_wsman__EndpointReferenceType(soap);
    epr->wsa__Address = Anonymous;
    epr->wsa__ReferenceParameters = parameters;
    return epr;
}

// AMT_BootSettingData as the device has it: the switches a next boot uses (§13.6).
_bsd__AMT_USCOREBootSettingData bootSettingData(struct soap *soap, const DeviceState &s)
{
    _bsd__AMT_USCOREBootSettingData b;
    b.soap_default(soap);
    b.BIOSPause = value(soap, s.bootBiosPause);
    b.BIOSSetup = value(soap, s.bootBiosSetup);
    b.BootMediaIndex = value<unsigned short>(soap, 0);
    b.ElementName = text(soap, QStringLiteral("Intel(r) AMT Boot Configuration Settings"));
    b.FirmwareVerbosity = value<unsigned short>(soap, 0);
    b.ForcedProgressEvents = value(soap, false);
    b.IDERBootDevice = value<unsigned short>(soap, 0);
    b.InstanceID = text(soap, QStringLiteral("Intel(r) AMT:BootSettingData 0"));
    b.LockKeyboard = value(soap, false);
    b.LockPowerButton = value(soap, false);
    b.LockResetButton = value(soap, false);
    b.LockSleepButton = value(soap, false);
    b.OwningEntity = text(soap, QStringLiteral("Intel(r) AMT"));
    b.ReflashBIOS = value(soap, false);
    b.UseIDER = value(soap, false);
    b.UseSOL = value(soap, false);
    b.UseSafeMode = value(soap, false);
    b.UserPasswordBypass = value(soap, false);
    return b;
}

// A DigestPassword (§13.6): MD5(user:realm:password) in base64, as Intel documents it, or as 32
// hex digits, as MeshCentral sends it; empty when it is neither.
QByteArray digestOf(const std::string &text)
{
    const QByteArray t = QByteArray::fromStdString(text).trimmed();
    const QByteArray digest = t.size() == 32 ? QByteArray::fromHex(t) : QByteArray::fromBase64(t);
    if (digest.size() != 16 || (t.size() == 32 && digest.toHex() != t.toLower()))
        return {};
    return digest;
}

// The value of an endpoint reference's selector, or null.
const std::string *selectorValue(const wsman__EndpointReferenceType *epr, const char *name)
{
    if (!epr || !epr->wsa__ReferenceParameters || !epr->wsa__ReferenceParameters->wsman__SelectorSet)
        return nullptr;
    for (const wsman__SelectorType &selector : epr->wsa__ReferenceParameters->wsman__SelectorSet->Selector) {
        if (selectorName(selector) == name)
            return &selector.__item;
    }
    return nullptr;
}

// The context's text as the firmware writes it: the number in the first byte.
QString contextText(unsigned number)
{
    return QStringLiteral("%1").arg(number, 2, 16, QLatin1Char('0')).toUpper()
            + QStringLiteral("000000-0000-0000-0000-000000000000");
}

unsigned contextNumber(const std::string &context)
{
    const QString c = QString::fromStdString(context);
    if (c.size() != 36 || c.mid(2) != contextText(0).mid(2))
        return 0;
    bool ok = false;
    const unsigned n = c.left(2).toUInt(&ok, 16);
    return ok ? n : 0;
}

// CIM_SoftwareIdentity's instances: the firmware's components, as AMT lists them (§13.2).
QList<QPair<QString, QString>> softwareIdentities(const DeviceState &s)
{
    const QString v = s.coreVersion();
    return {{QStringLiteral("Flash"), v},
            {QStringLiteral("Netstack"), v},
            {QStringLiteral("AMTApps"), v},
            {QStringLiteral("AMT"), v},
            {QStringLiteral("Sku"), QStringLiteral("14")},
            {QStringLiteral("VendorID"), QStringLiteral("8086")},
            {QStringLiteral("Build Number"), QStringLiteral("1023")},
            {QStringLiteral("Recovery Version"), v},
            {QStringLiteral("Recovery Build Num"), QStringLiteral("1023")},
            {QStringLiteral("Legacy Mode"), QStringLiteral("False")}};
}

} // namespace

SimWsman::SimWsman(struct soap *soap, SoapServiceHost &host)
    : m_soap(soap)
    , m_host(host)
{ }

int SimWsman::serve()
{
    const SOAP_ENV__Header *h = m_soap->header;
    m_action = h && h->wsa__Action ? h->wsa__Action : "";
    m_resourceUri = h && h->wsman__ResourceURI ? h->wsman__ResourceURI : "";
    m_messageId = h && h->wsa__MessageID ? h->wsa__MessageID : "";
    const QString className = classOf(m_resourceUri);
    if (m_action == TransferGet)
        return get(className);
    if (m_action == "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put" && className == u"AMT_BootSettingData")
        return putBootSettingData();
    if (className == u"AMT_AuthorizationService" && m_action == m_resourceUri + "/SetAdminAclEntryEx")
        return setAdminAclEntryEx();
    if (className == u"AMT_AuthorizationService" && m_action == m_resourceUri + "/AddUserAclEntryEx")
        return addUserAclEntryEx();
    if (className == u"AMT_AuthorizationService" && m_action == m_resourceUri + "/EnumerateUserAclEntries")
        return enumerateUserAclEntries();
    if (className == u"AMT_AuthorizationService" && m_action == m_resourceUri + "/GetUserAclEntryEx")
        return getUserAclEntryEx();
    if (className == u"AMT_AuthorizationService" && m_action == m_resourceUri + "/UpdateUserAclEntryEx")
        return updateUserAclEntryEx();
    if (className == u"CIM_BootConfigSetting" && m_action == m_resourceUri + "/ChangeBootOrder")
        return changeBootOrder();
    if (className == u"CIM_BootService" && m_action == m_resourceUri + "/SetBootConfigRole")
        return setBootConfigRole();
    if (m_action == std::string(EnumerationNs) + "Enumerate")
        return enumerate(className);
    if (m_action == std::string(EnumerationNs) + "Pull")
        return pull();
    if (m_action == std::string(EnumerationNs) + "Release")
        return release();
    if (className == u"CIM_PowerManagementService" && m_action == m_resourceUri + "/RequestPowerStateChange")
        return requestPowerStateChange();
    if (className == u"AMT_SetupAndConfigurationService" && m_action == m_resourceUri + "/Unprovision")
        return unprovision(false);
    if (className == u"AMT_SetupAndConfigurationService" && m_action == m_resourceUri + "/PartialUnprovision")
        return unprovision(true);
    if (className == u"AMT_TimeSynchronizationService" && m_action == m_resourceUri + "/GetLowAccuracyTimeSynch")
        return getClock();
    if (className == u"AMT_TimeSynchronizationService" && m_action == m_resourceUri + "/SetHighAccuracyTimeSynch")
        return setClock();
    if (const int rc = endRequest())
        return rc;
    SoapCall call(m_soap, (className + QStringLiteral(".Unknown")).toUtf8().constData(), m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    if (m_action.empty())
        return fault("wsa:MessageInformationHeaderRequired",
                     "A required header representing a Message Addressing Property is not present");
    return fault("wsa:ActionNotSupported", "The action is not supported by the service.");
}

int SimWsman::get(const QString &className)
{
    if (const int rc = endRequest())
        return rc;
    SoapCall call(m_soap, (className + QStringLiteral(".Get")).toUtf8().constData(), m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusFaults))
        return *refused;
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    struct soap *soap = m_soap;
    if (className == u"AMT_GeneralSettings") {
        _gs__AMT_USCOREGeneralSettings g;
        g.soap_default(soap);
        const QString instance = QStringLiteral("Intel(r) AMT: General Settings");
        g.AMTNetworkEnabled = value(soap, 1u);
        g.DDNSPeriodicUpdateInterval = value(soap, 1440u);
        g.DDNSTTL = value(soap, 900u);
        g.DDNSUpdateByDHCPServerEnabled = value(soap, true);
        g.DDNSUpdateEnabled = value(soap, false);
        g.DHCPv6ConfigurationTimeout = value(soap, 0u);
        g.DigestRealm = text(soap, s.realm());
        g.DomainName = text(soap, s.domainName);
        g.ElementName = text(soap, instance);
        g.HostName = text(soap, s.hostName);
        g.HostOSFQDN = text(soap, s.domainName.isEmpty() ? s.hostName : s.hostName + u'.' + s.domainName);
        g.IdleWakeTimeout = value(soap, 65535u);
        g.InstanceID = text(soap, instance);
        g.NetworkInterfaceEnabled = value(soap, true);
        g.PingResponseEnabled = value(soap, true);
        g.PowerSource = value(soap, 0u);
        g.PreferredAddressFamily = value(soap, 0u);
        g.PresenceNotificationInterval = value(soap, 0u);
        g.PrivacyLevel = value(soap, 0u);
        g.RmcpPingResponseEnabled = value(soap, true);
        g.SharedFQDN = value(soap, true);
        g.WsmanOnlyMode = value(soap, !s.speaksLegacySoap());
        return reply("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", g, "gs:AMT_GeneralSettings");
    }
    if (className == u"AMT_SetupAndConfigurationService") {
        _scs__AMT_USCORESetupAndConfigurationService c;
        c.soap_default(soap);
        c.CreationClassName = text(soap, className);
        c.ElementName = text(soap, QStringLiteral("Intel(r) AMT Setup and Configuration Service"));
        c.EnabledState = value<unsigned short>(soap, 5);
        c.Name = text(soap, QStringLiteral("Intel(r) AMT Setup and Configuration Service"));
        c.PasswordModel = value(soap, 0u);
        c.ProvisioningMode = value<unsigned short>(soap, s.mode == Mode::Provisioned ? 1 : 0);
        c.ProvisioningState = value(soap, s.provisioningState());
        c.RequestedState = value<unsigned short>(soap, 12);
        c.SystemCreationClassName = text(soap, QStringLiteral("CIM_ComputerSystem"));
        c.SystemName = text(soap, QStringLiteral("Intel(r) AMT"));
        c.ZeroTouchConfigurationEnabled = value(soap, s.zeroTouchEnabled);
        return reply("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", c,
                     "scs:AMT_SetupAndConfigurationService");
    }
    if (className == u"CIM_AssociatedPowerManagementService" && s.hasDashClasses()) {
        _apms__CIM_USCOREAssociatedPowerManagementService a;
        a.soap_default(soap);
        // What RequestPowerStateChange takes (§13.5): the graceful and sleep states from 9.0.
        a.AvailableRequestedPowerStates = s.speaksLegacySoap() ? std::vector<unsigned short>{2, 5, 8, 10}
                                                               : std::vector<unsigned short>{2, 4, 5, 7, 8, 10, 12, 14};
        a.PowerState = value(soap, s.dmtfPowerState());
        a.ServiceProvided = reference(soap, "CIM_PowerManagementService",
                                      {{"CreationClassName", "CIM_PowerManagementService"},
                                       {"Name", "Intel(r) AMT Power Management Service"},
                                       {"SystemCreationClassName", "CIM_ComputerSystem"},
                                       {"SystemName", "Intel(r) AMT"}});
        a.UserOfService = reference(soap, "CIM_ComputerSystem",
                                    {{"CreationClassName", "CIM_ComputerSystem"}, {"Name", "ManagedSystem"}});
        return reply("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", a,
                     "apms:CIM_AssociatedPowerManagementService");
    }
    if (className == u"AMT_BootSettingData") {
        _bsd__AMT_USCOREBootSettingData b = bootSettingData(soap, s);
        return reply("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", b, "bsd:AMT_BootSettingData");
    }
    if (className == u"CIM_ComputerSystemPackage" && s.hasDashClasses()) {
        _csp__CIM_USCOREComputerSystemPackage p;
        p.soap_default(soap);
        p.Antecedent = reference(soap, "CIM_Chassis", {{"CreationClassName", "CIM_Chassis"}, {"Tag", "CIM_Chassis"}});
        p.Dependent = reference(soap, "CIM_ComputerSystem",
                                {{"CreationClassName", "CIM_ComputerSystem"}, {"Name", "ManagedSystem"}});
        // The 16 bytes in the order the hello sends them (§13.2), as hex.
        p.PlatformGUID = text(soap, QString::fromLatin1(Core::HelloPacket::uuidToWire(s.uuid).toHex().toUpper()));
        return reply("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", p, "csp:CIM_ComputerSystemPackage");
    }
    lock.unlock();
    return notFound();
}

int SimWsman::enumerate(const QString &className)
{
    _wsen__Enumerate request;
    if (const int rc = readBody(request, "wsen:Enumerate"))
        return rc;
    SoapCall call(m_soap, (className + QStringLiteral(".Enumerate")).toUtf8().constData(), m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusFaults))
        return *refused;
    if (className != u"CIM_SoftwareIdentity")
        return notFound();
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = s.enumerations.begin(); it != s.enumerations.end();)
        it = it->expiresMs <= now ? s.enumerations.erase(it) : std::next(it);
    if (s.enumerations.size() >= MaxOpenEnumerations)
        return fault("wsman:QuotaLimit", "The service is busy servicing other requests.");
    unsigned number = 1;
    while (s.enumerations.contains(number))
        ++number;
    s.enumerations.insert(number, {QString::fromStdString(m_resourceUri), 0, now + EnumerationLifetimeMs});
    _wsen__EnumerateResponse response;
    response.soap_default(m_soap);
    response.EnumerationContext = contextText(number).toStdString();
    return reply("http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse", response,
                 "wsen:EnumerateResponse");
}

int SimWsman::pull()
{
    _wsen__Pull request;
    if (const int rc = readBody(request, "wsen:Pull"))
        return rc;
    const QString className = classOf(m_resourceUri);
    SoapCall call(m_soap, (className + QStringLiteral(".Pull")).toUtf8().constData(), m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusFaults))
        return *refused;
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const unsigned number = contextNumber(request.EnumerationContext);
    auto it = s.enumerations.find(number);
    if (it == s.enumerations.end() || it->expiresMs <= now) {
        if (it != s.enumerations.end())
            s.enumerations.erase(it);
        return fault("wsen:InvalidEnumerationContext", "The supplied enumeration context is invalid.");
    }
    const auto all = softwareIdentities(s);
    const int max = request.MaxElements && *request.MaxElements > 0 ? *request.MaxElements : DefaultPullItems;
    auto *items = soap_new_wsen__SoftwareIdentityItems(m_soap);
    const qsizetype end = qMin<qsizetype>(all.size(), qsizetype(it->next) + max); // MaxElements may be INT_MAX
    for (qsizetype i = it->next; i < end; ++i) {
        _swi__CIM_USCORESoftwareIdentity item;
        item.soap_default(m_soap);
        item.InstanceID = text(m_soap, all[i].first);
        item.IsEntity = value(m_soap, true);
        item.VersionString = text(m_soap, all[i].second);
        items->swi__CIM_USCORESoftwareIdentity.push_back(item);
    }
    wsen__SoftwareIdentityPullResponse response;
    response.soap_default(m_soap);
    response.Items = items;
    it->next += int(items->swi__CIM_USCORESoftwareIdentity.size());
    m_resourceUri = it->resourceUri.toStdString();
    if (it->next >= all.size()) {
        s.enumerations.erase(it);
        response.EndOfSequence = text(m_soap, QString());
    } else {
        it->expiresMs = now + EnumerationLifetimeMs;
        response.EnumerationContext = text(m_soap, contextText(number));
    }
    return reply("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", response, "wsen:PullResponse");
}

int SimWsman::release()
{
    _wsen__Release request;
    if (const int rc = readBody(request, "wsen:Release"))
        return rc;
    SoapCall call(m_soap, (classOf(m_resourceUri) + QStringLiteral(".Release")).toUtf8().constData(), m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    if (!s.enumerations.remove(contextNumber(request.EnumerationContext)))
        return fault("wsen:InvalidEnumerationContext", "The supplied enumeration context is invalid.");
    return replyEmpty("http://schemas.xmlsoap.org/ws/2004/09/enumeration/ReleaseResponse");
}

// CIM_PowerManagementService.RequestPowerStateChange (§13.5): the DMTF power states AMT before 9.0
// takes, as the RemoteControl commands they amount to. ReturnValue in CIM's terms: 0 done, 1 not
// supported, 2 failed, 5 invalid parameter.
int SimWsman::requestPowerStateChange()
{
    _pms__RequestPowerStateChange_USCOREINPUT request;
    if (const int rc = readBody(request, "pms:RequestPowerStateChange_INPUT"))
        return rc;
    SoapCall call(m_soap, "CIM_PowerManagementService.RequestPowerStateChange", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    _pms__RequestPowerStateChange_USCOREOUTPUT response;
    response.soap_default(m_soap);
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    const wsman__EndpointReferenceType *element = request.ManagedElement;
    bool systemNamed = !element;
    if (element && element->wsa__ReferenceParameters && element->wsa__ReferenceParameters->wsman__SelectorSet) {
        for (const wsman__SelectorType &selector : element->wsa__ReferenceParameters->wsman__SelectorSet->Selector)
            systemNamed = systemNamed || (selectorName(selector) == "Name" && selector.__item == "ManagedSystem");
    }
    unsigned command = 0;
    switch (request.PowerState) {
    case 2: // on
        command = 0x11;
        break;
    case 5: // power cycle (off soft, then on)
        command = 0x13;
        break;
    case 8: // off soft
        command = 0x12;
        break;
    case 10: // master bus reset
        command = 0x10;
        break;
    default:
        break;
    }
    if (call.forced())
        response.ReturnValue = call.forcedStatus();
    else if (!systemNamed)
        response.ReturnValue = 5;
    else if (command == 0)
        response.ReturnValue = 1;
    else if (s.remoteCommand(command, {}, QDateTime::currentMSecsSinceEpoch()) != PtStatus::Success)
        response.ReturnValue = 2;
    else
        call.changed();
    return reply("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService/"
                 "RequestPowerStateChangeResponse",
                 response, "pms:RequestPowerStateChange_OUTPUT");
}

// AMT_SetupAndConfigurationService.Unprovision(ProvisioningMode) and, from 6.0,
// PartialUnprovision() (§13.6): the same change as the legacy Unprovision; ReturnValue a PT_STATUS.
int SimWsman::unprovision(bool partial)
{
    _scs__PartialUnprovision_USCOREINPUT partialRequest;
    _scs__Unprovision_USCOREINPUT request;
    if (const int rc = partial ? readBody(partialRequest, "scs:PartialUnprovision_INPUT")
                               : readBody(request, "scs:Unprovision_INPUT"))
        return rc;
    SoapCall call(m_soap,
                  partial ? "AMT_SetupAndConfigurationService.PartialUnprovision"
                          : "AMT_SetupAndConfigurationService.Unprovision",
                  m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    if (partial && !s.hasPartialUnprovision()) {
        lock.unlock();
        return fault("wsa:ActionNotSupported", "The action is not supported by the service.");
    }
    unsigned status = call.forced() ? call.forcedStatus() : unsigned(s.unprovision(partial));
    const bool done = !call.forced() && status == 0;
    if (done) {
        call.changed();
        m_soap->keep_alive = 0;
    }
    lock.unlock();
    if (done) {
        call.updateListeners();
        call.modeChanged();
    }
    if (partial) {
        _scs__PartialUnprovision_USCOREOUTPUT response;
        response.soap_default(m_soap);
        response.ReturnValue = status;
        return reply("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_SetupAndConfigurationService/"
                     "PartialUnprovisionResponse",
                     response, "scs:PartialUnprovision_OUTPUT");
    }
    _scs__Unprovision_USCOREOUTPUT response;
    response.soap_default(m_soap);
    response.ReturnValue = status;
    return reply("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_SetupAndConfigurationService/UnprovisionResponse",
                 response, "scs:Unprovision_OUTPUT");
}

// AMT_TimeSynchronizationService (§13.6): the device's clock, as NetworkTime reads and sets it.
int SimWsman::getClock()
{
    _ts__GetLowAccuracyTimeSynch_USCOREINPUT request;
    if (const int rc = readBody(request, "ts:GetLowAccuracyTimeSynch_INPUT"))
        return rc;
    SoapCall call(m_soap, "AMT_TimeSynchronizationService.GetLowAccuracyTimeSynch", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    _ts__GetLowAccuracyTimeSynch_USCOREOUTPUT response;
    response.soap_default(m_soap);
    {
        QMutexLocker lock(&call.device()->mutex);
        response.Ta0 = value(m_soap, unsigned(call.device()->state().clockMs() / 1000));
    }
    response.ReturnValue = call.forced() ? call.forcedStatus() : 0;
    return reply("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_TimeSynchronizationService/"
                 "GetLowAccuracyTimeSynchResponse",
                 response, "ts:GetLowAccuracyTimeSynch_OUTPUT");
}

int SimWsman::setClock()
{
    _ts__SetHighAccuracyTimeSynch_USCOREINPUT request;
    if (const int rc = readBody(request, "ts:SetHighAccuracyTimeSynch_INPUT"))
        return rc;
    SoapCall call(m_soap, "AMT_TimeSynchronizationService.SetHighAccuracyTimeSynch", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    _ts__SetHighAccuracyTimeSynch_USCOREOUTPUT response;
    response.soap_default(m_soap);
    if (call.forced()) {
        response.ReturnValue = call.forcedStatus();
    } else {
        QMutexLocker lock(&call.device()->mutex);
        response.ReturnValue = unsigned(call.device()->state().synchronizeClock(request.Ta0, request.Tm1, request.Tm2,
                                                                                QDateTime::currentMSecsSinceEpoch()));
        if (response.ReturnValue == 0)
            call.changed();
    }
    return reply("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_TimeSynchronizationService/"
                 "SetHighAccuracyTimeSynchResponse",
                 response, "ts:SetHighAccuracyTimeSynch_OUTPUT");
}

// The ACL users (§13.6): the same entries the legacy interface keeps (32 at most, names and realms
// checked alike), digest users only; a password only as its MD5 digest. ReturnValue a PT_STATUS.
int SimWsman::addUserAclEntryEx()
{
    _auth__AddUserAclEntryEx_USCOREINPUT request;
    if (const int rc = readBody(request, "auth:AddUserAclEntryEx_INPUT"))
        return rc;
    SoapCall call(m_soap, "AMT_AuthorizationService.AddUserAclEntryEx", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    _auth__AddUserAclEntryEx_USCOREOUTPUT response;
    response.soap_default(m_soap);
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    const QString user = request.DigestUsername ? QString::fromStdString(*request.DigestUsername) : QString();
    const QList<unsigned> realms(request.Realms.cbegin(), request.Realms.cend());
    const QByteArray digest = request.DigestPassword ? digestOf(*request.DigestPassword) : QByteArray();
    PtStatus status = s.aclUserProblem(user, realms, 0);
    if (call.forced())
        status = PtStatus(call.forcedStatus());
    else if (s.aclUsers.size() >= 32)
        status = PtStatus::MaxLimitReached;
    else if (status == PtStatus::Success && (digest.isEmpty() || request.AccessPermission > 2))
        status = digest.isEmpty() ? PtStatus::InvalidPassword : PtStatus::InvalidParameter;
    if (status == PtStatus::Success) {
        AclUser u;
        u.handle = s.nextAclHandle++;
        u.username = user;
        u.digest = digest;
        u.accessPermission = request.AccessPermission;
        u.realms = realms;
        s.aclUsers.append(u);
        call.changed();
        response.Handle = value(m_soap, u.handle);
    }
    response.ReturnValue = unsigned(status);
    lock.unlock();
    return reply("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/AddUserAclEntryExResponse",
                 response, "auth:AddUserAclEntryEx_OUTPUT");
}

int SimWsman::enumerateUserAclEntries()
{
    _auth__EnumerateUserAclEntries_USCOREINPUT request;
    if (const int rc = readBody(request, "auth:EnumerateUserAclEntries_INPUT"))
        return rc;
    SoapCall call(m_soap, "AMT_AuthorizationService.EnumerateUserAclEntries", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    _auth__EnumerateUserAclEntries_USCOREOUTPUT response;
    response.soap_default(m_soap);
    {
        QMutexLocker lock(&call.device()->mutex);
        const DeviceState &s = call.device()->state();
        const qsizetype start = request.StartIndex == 0 ? 0 : qsizetype(request.StartIndex) - 1; // 1-based, 50 a page
        for (qsizetype i = start; i < s.aclUsers.size() && response.Handles.size() < 50; ++i)
            response.Handles.push_back(s.aclUsers.at(i).handle);
        response.TotalCount = value(m_soap, unsigned(s.aclUsers.size()));
        response.HandlesCount = value(m_soap, unsigned(response.Handles.size()));
    }
    response.ReturnValue = call.forced() ? call.forcedStatus() : 0;
    return reply("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/"
                 "EnumerateUserAclEntriesResponse",
                 response, "auth:EnumerateUserAclEntries_OUTPUT");
}

int SimWsman::getUserAclEntryEx()
{
    _auth__GetUserAclEntryEx_USCOREINPUT request;
    if (const int rc = readBody(request, "auth:GetUserAclEntryEx_INPUT"))
        return rc;
    SoapCall call(m_soap, "AMT_AuthorizationService.GetUserAclEntryEx", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    _auth__GetUserAclEntryEx_USCOREOUTPUT response;
    response.soap_default(m_soap);
    response.ReturnValue = unsigned(PtStatus::InvalidHandle);
    {
        QMutexLocker lock(&call.device()->mutex);
        for (const AclUser &u : call.device()->state().aclUsers) {
            if (u.handle != request.Handle)
                continue;
            response.DigestUsername = text(m_soap, u.username);
            response.AccessPermission = value(m_soap, u.accessPermission);
            response.Realms.assign(u.realms.cbegin(), u.realms.cend());
            response.ReturnValue = 0;
        }
    }
    if (call.forced())
        response.ReturnValue = call.forcedStatus();
    return reply("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/GetUserAclEntryExResponse",
                 response, "auth:GetUserAclEntryEx_OUTPUT");
}

int SimWsman::updateUserAclEntryEx()
{
    _auth__UpdateUserAclEntryEx_USCOREINPUT request;
    if (const int rc = readBody(request, "auth:UpdateUserAclEntryEx_INPUT"))
        return rc;
    SoapCall call(m_soap, "AMT_AuthorizationService.UpdateUserAclEntryEx", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    _auth__UpdateUserAclEntryEx_USCOREOUTPUT response;
    response.soap_default(m_soap);
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    const QString user = request.DigestUsername ? QString::fromStdString(*request.DigestUsername) : QString();
    const QList<unsigned> realms(request.Realms.cbegin(), request.Realms.cend());
    const QByteArray digest = request.DigestPassword ? digestOf(*request.DigestPassword) : QByteArray();
    PtStatus status = PtStatus::InvalidHandle;
    for (AclUser &u : s.aclUsers) {
        if (u.handle != request.Handle)
            continue;
        status = s.aclUserProblem(user, realms, u.handle);
        if (status == PtStatus::Success && request.DigestPassword && digest.isEmpty())
            status = PtStatus::InvalidPassword;
        else if (status == PtStatus::Success && request.AccessPermission > 2)
            status = PtStatus::InvalidParameter;
        if (status != PtStatus::Success || call.forced())
            break;
        u.username = user;
        if (!digest.isEmpty()) {
            u.digest = digest;
            u.password.clear();
        }
        u.accessPermission = request.AccessPermission;
        u.realms = realms;
        call.changed();
        break;
    }
    response.ReturnValue = call.forced() ? call.forcedStatus() : unsigned(status);
    lock.unlock();
    return reply("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/UpdateUserAclEntryExResponse",
                 response, "auth:UpdateUserAclEntryEx_OUTPUT");
}

// Put AMT_BootSettingData (§13.6): the BIOS switches are kept for the next boot; the answer is the
// instance as it is now.
int SimWsman::putBootSettingData()
{
    _bsd__AMT_USCOREBootSettingData request;
    if (const int rc = readBody(request, "bsd:AMT_BootSettingData"))
        return rc;
    SoapCall call(m_soap, "AMT_BootSettingData.Put", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusFaults))
        return *refused;
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    s.bootBiosSetup = request.BIOSSetup && *request.BIOSSetup;
    s.bootBiosPause = request.BIOSPause && *request.BIOSPause;
    _bsd__AMT_USCOREBootSettingData b = bootSettingData(m_soap, s);
    return reply("http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse", b, "bsd:AMT_BootSettingData");
}

// CIM_BootConfigSetting.ChangeBootOrder(Source): the device the next boot starts from, one of the
// three CIM_BootSourceSetting instances; none clears it. AMT 5.0 and earlier read the argument
// spelled "source", later ones "Source" (the other spelling is an unknown element: no source).
// ReturnValue in CIM's words: 0 done, 4 an instance that does not exist.
int SimWsman::changeBootOrder()
{
    _bcs__ChangeBootOrder_USCOREINPUT request;
    if (const int rc = readBody(request, "bcs:ChangeBootOrder_INPUT"))
        return rc;
    SoapCall call(m_soap, "CIM_BootConfigSetting.ChangeBootOrder", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    _bcs__ChangeBootOrder_USCOREOUTPUT response;
    response.soap_default(m_soap);
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    const std::string *source = selectorValue(s.hasCim213Arguments() ? request.source : request.Source, "InstanceID");
    static const QStringList sources{QStringLiteral("Intel(r) AMT: Force PXE Boot"),
                                     QStringLiteral("Intel(r) AMT: Force Hard-drive Boot"),
                                     QStringLiteral("Intel(r) AMT: Force CD/DVD Boot")};
    if (call.forced()) {
        response.ReturnValue = call.forcedStatus();
    } else if (!source) {
        s.bootSource.clear();
        call.changed();
    } else if (!sources.contains(QString::fromStdString(*source))) {
        response.ReturnValue = 4;
    } else {
        s.bootSource = QString::fromStdString(*source);
        call.changed();
    }
    return reply("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootConfigSetting/ChangeBootOrderResponse",
                 response, "bcs:ChangeBootOrder_OUTPUT");
}

// CIM_BootService.SetBootConfigRole(BootConfigSetting, Role) (AMT 3.2 and later): Role 1 makes the
// boot configuration the next boot's (once), as RemoteControl's SetBootOptions does; 32768 (not
// the next) clears it. ReturnValue: 0 done, 2 a device and BIOS setup or pause asked for at once
// (the firmware refuses that mix), 4 another configuration than "Boot Configuration 0", 5
// another role.
int SimWsman::setBootConfigRole()
{
    _bsvc__SetBootConfigRole_USCOREINPUT request;
    if (const int rc = readBody(request, "bsvc:SetBootConfigRole_INPUT"))
        return rc;
    SoapCall call(m_soap, "CIM_BootService.SetBootConfigRole", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    QMutexLocker lock(&call.device()->mutex);
    DeviceState &s = call.device()->state();
    if (!s.hasDashClasses()) {
        lock.unlock();
        return notFound();
    }
    _bsvc__SetBootConfigRole_USCOREOUTPUT response;
    response.soap_default(m_soap);
    const std::string *configuration = selectorValue(request.BootConfigSetting, "InstanceID");
    BootSetting boot;
    if (s.bootSource == u"Intel(r) AMT: Force PXE Boot")
        boot.specialCommand = 1;
    else if (s.bootSource == u"Intel(r) AMT: Force Hard-drive Boot")
        boot.specialCommand = 2;
    else if (s.bootSource == u"Intel(r) AMT: Force CD/DVD Boot")
        boot.specialCommand = 5;
    if (s.bootBiosSetup || s.bootBiosPause) {
        boot.parameter = s.bootBiosSetup ? 0x0008 : 0x0010;
        boot.specialCommand = boot.specialCommand ? 0xFFFF : 0xC1;
    }
    if (call.forced())
        response.ReturnValue = call.forcedStatus();
    else if (!configuration || *configuration != "Intel(r) AMT: Boot Configuration 0")
        response.ReturnValue = 4;
    else if (request.Role != 1 && request.Role != 32768)
        response.ReturnValue = 5;
    else if (boot.specialCommand == 0xFFFF)
        response.ReturnValue = 2;
    else {
        s.remoteCommand(0x21, request.Role == 1 ? boot : BootSetting{}, QDateTime::currentMSecsSinceEpoch());
        call.changed();
    }
    return reply("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootService/SetBootConfigRoleResponse",
                 response, "bsvc:SetBootConfigRole_OUTPUT");
}

// AMT_AuthorizationService.SetAdminAclEntryEx(Username, DigestPassword) (§13.6): the admin
// account from now on, its password known only as MD5(user:realm:password): base64 as Intel
// documents it, or 32 hex digits as MeshCentral sends it. ReturnValue a PT_STATUS: INVALID_NAME for
// an empty user name or one over 16 characters, INVALID_PASSWORD for a digest that is not 16 bytes.
int SimWsman::setAdminAclEntryEx()
{
    _auth__SetAdminAclEntryEx_USCOREINPUT request;
    if (const int rc = readBody(request, "auth:SetAdminAclEntryEx_INPUT"))
        return rc;
    SoapCall call(m_soap, "AMT_AuthorizationService.SetAdminAclEntryEx", m_host);
    if (const std::optional<int> refused = refusal(call, ForcedStatusAnswers))
        return *refused;
    const QString user = QString::fromStdString(request.Username);
    const QByteArray digest = digestOf(request.DigestPassword);
    _auth__SetAdminAclEntryEx_USCOREOUTPUT response;
    response.soap_default(m_soap);
    if (call.forced()) {
        response.ReturnValue = call.forcedStatus();
    } else if (user.isEmpty() || user.size() > 16) {
        response.ReturnValue = unsigned(PtStatus::InvalidName);
    } else if (digest.size() != 16) {
        response.ReturnValue = unsigned(PtStatus::InvalidPassword);
    } else {
        QMutexLocker lock(&call.device()->mutex);
        DeviceState &s = call.device()->state();
        s.adminUser = user;
        s.adminDigest = digest;
        s.mebxPassword.clear();
        ++s.adminPasswordChanges;
        s.adminPasswordChangedMs = QDateTime::currentMSecsSinceEpoch();
        call.changed();
    }
    return reply("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService/SetAdminAclEntryExResponse",
                 response, "auth:SetAdminAclEntryEx_OUTPUT");
}

// What a call that must not run answers (SoapCall): 401 or SOAP_STOP as they are, and, where the
// verb has no status to carry it, a lab's forced status as an InternalError fault. Empty: run it.
std::optional<int> SimWsman::refusal(const SoapCall &call, ForcedStatus forced)
{
    if (call.result() != SOAP_OK)
        return m_soap->error = call.result();
    if (forced == ForcedStatusFaults && call.forced())
        return fault("wsman:InternalError",
                     "The service cannot comply with the request due to internal processing errors.");
    return std::nullopt;
}

template<typename Input>
int SimWsman::readBody(Input &input, const char *tag)
{
    input.soap_default(m_soap);
    if (!input.soap_in(m_soap, tag, nullptr) || soap_getindependent(m_soap))
        return m_soap->error ? m_soap->error : SOAP_TAG_MISMATCH;
    return endRequest();
}

int SimWsman::endRequest()
{
    if (soap_body_end_in(m_soap) || soap_envelope_end_in(m_soap) || soap_end_recv(m_soap))
        return m_soap->error;
    return SOAP_OK;
}

void SimWsman::respondHeader(const char *action)
{
    m_soap->header = nullptr;
    soap_header(m_soap);
    SOAP_ENV__Header *h = m_soap->header;
    h->wsa__To = soap_strdup(m_soap, Anonymous);
    if (!m_messageId.empty()) {
        h->wsa__RelatesTo = soap_new_wsa__Relationship(m_soap);
        h->wsa__RelatesTo->__item = soap_strdup(m_soap, m_messageId.c_str());
    }
    h->wsa__Action = soap_strdup(m_soap, action);
    auto *device = static_cast<SimDevice *>(m_soap->user);
    char id[64];
    std::snprintf(id, sizeof id, "uuid:00000000-8086-8086-8086-%012llX", (++device->wsmanMessages) & 0xFFFFFFFFFFFFull);
    h->wsa__MessageID = soap_strdup(m_soap, id);
    if (!m_resourceUri.empty())
        h->wsman__ResourceURI = soap_strdup(m_soap, m_resourceUri.c_str());
}

// Faults (§13.4): HTTP 400 (500 for InternalError), the subcode, and the header Action of
// WS-Addressing's faults or WS-Management's. The connection stays open.
int SimWsman::fault(const char *subcode, const char *reason, const char *detail)
{
    const bool addressing = std::strncmp(subcode, "wsa:", 4) == 0;
    respondHeader(addressing ? AddressingFault : WsmanFault);
    if (std::strcmp(subcode, "wsman:InternalError") == 0)
        soap_receiver_fault_subcode(m_soap, subcode, reason, detail);
    else
        soap_sender_fault_subcode(m_soap, subcode, reason, detail);
    m_soap->encodingStyle = nullptr;
    if (soap_send_fault(m_soap) != SOAP_FAULT)
        return m_soap->error;
    m_soap->error = SOAP_OK;
    return SOAP_OK;
}

int SimWsman::notFound()
{
    return fault("wsa:DestinationUnreachable",
                 "No route can be determined to reach the destination role defined by the WSAddressing To.");
}

template<typename Write>
int SimWsman::send(Write writeBody)
{
    struct soap *soap = m_soap;
    soap->encodingStyle = nullptr; // else SOAP 1.2 writes an RPC result element into the body
    soap_serializeheader(soap);
    auto envelope = [&] {
        return soap_envelope_begin_out(soap) || soap_putheader(soap) || soap_body_begin_out(soap) || writeBody()
                || soap_body_end_out(soap) || soap_envelope_end_out(soap);
    };
    if (soap_begin_count(soap))
        return soap->error;
    if ((soap->mode & SOAP_IO_LENGTH) && envelope())
        return soap->error;
    if (soap_end_count(soap) || soap_response(soap, SOAP_OK) || envelope() || soap_end_send(soap))
        return soap->error;
    return SOAP_OK;
}

template<typename Body>
int SimWsman::reply(const char *action, Body &body, const char *tag)
{
    respondHeader(action);
    body.soap_serialize(m_soap);
    return send([&] { return body.soap_out(m_soap, tag, -1, nullptr); });
}

int SimWsman::replyEmpty(const char *action)
{
    respondHeader(action);
    return send([] { return SOAP_OK; });
}

} // namespace Oobm::Sim

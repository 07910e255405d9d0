// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the seed corpus of fuzz_simrequest (fuzz/corpus/simrequest/): requests as clients send
// them to an AMT device (MeshCommander's WS-Management Get, Enumerate, Pull and a method with an
// endpoint reference; gSOAP's and amttool's legacy calls; a request without credentials, one in
// chunks), each with a Digest Authorization header whose response is wrong, so the device reads
// the whole request and then refuses it. Run by hand:
//   build/fuzz/fuzz/make_simrequest_seeds fuzz/corpus/simrequest
#include <QDir>
#include <QFile>

#include <cstdio>

namespace {

const char Authorization[] =
        "Authorization: Digest username=\"admin\",realm=\"Digest:00000000000000000000000000000000\","
        "nonce=\"6b171ac0ca53767bc1b2\",uri=\"%1\",qop=auth,response=\"00000000000000000000000000000000\","
        "nc=00000001,cnonce=\"0a4f113b\"\r\n";

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extra = {}, bool credentials = true)
{
    QByteArray r = "POST " + path + " HTTP/1.1\r\nHost: 127.77.0.1:26992\r\n";
    if (credentials)
        r += QByteArray(Authorization).replace("%1", path);
    return r + extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray wsman(const QByteArray &action, const QByteArray &resource, const QByteArray &body)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
           "xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" "
           "xmlns=\"http://www.w3.org/2003/05/soap-envelope\">"
           "<Header><a:Action>"
            + action + "</a:Action><a:To>/wsman</a:To><w:ResourceURI>" + resource
            + "</w:ResourceURI><a:MessageID>1</a:MessageID><a:ReplyTo><a:Address>"
              "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>"
              "<w:OperationTimeout>PT60S</w:OperationTimeout><w:SelectorSet><w:Selector Name=\"InstanceID\">x"
              "</w:Selector></w:SelectorSet></Header><Body>"
            + body + "</Body></Envelope>";
}

// An endpoint reference to a CIM instance by one selector, as a method's argument.
QByteArray reference(const QByteArray &className, const QByteArray &key, const QByteArray &value)
{
    return "<Address xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">x</Address>"
           "<ReferenceParameters xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
           "<ResourceURI xmlns=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
           "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/"
            + className
            + "</ResourceURI><SelectorSet xmlns=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><Selector Name=\""
            + key + "\">" + value + "</Selector></SelectorSet></ReferenceParameters>";
}

QByteArray legacy(const QByteArray &service, const QByteArray &operation, const QByteArray &arguments)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope "
           "xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" "
           "xmlns:x=\"http://schemas.intel.com/platform/client/"
            + service + "/2004/01\"><SOAP-ENV:Body><x:" + operation + ">" + arguments + "</x:" + operation
            + "></SOAP-ENV:Body></SOAP-ENV:Envelope>";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    const QByteArray en = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";
    const QByteArray swi = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_SoftwareIdentity";
    const QByteArray pms = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService";
    const QByteArray get = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    const QByteArray cim = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    const QByteArray amt = "http://intel.com/wbem/wscim/1/amt-schema/1/";
    const QByteArray apms = cim + "CIM_AssociatedPowerManagementService";
    const QByteArray ts = amt + "AMT_TimeSynchronizationService";
    const QByteArray bsd = amt + "AMT_BootSettingData";
    const QByteArray bcs = cim + "CIM_BootConfigSetting";
    const QByteArray bsvc = cim + "CIM_BootService";
    const QByteArray auth = amt + "AMT_AuthorizationService";
    const QByteArray scs = amt + "AMT_SetupAndConfigurationService";
    const QList<QPair<const char *, QByteArray>> seeds = {
            {"wsman-get",
             post("/wsman",
                  wsman("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                        "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings", {}))},
            {"wsman-enumerate",
             post("/wsman", wsman(en + "Enumerate", swi, "<Enumerate xmlns=\"" + en.chopped(1) + "\"/>"))},
            {"wsman-pull",
             post("/wsman",
                  wsman(en + "Pull", swi,
                        "<Pull xmlns=\"" + en.chopped(1)
                                + "\"><EnumerationContext>01000000-0000-0000-0000-000000000000"
                                  "</EnumerationContext><MaxElements>3</MaxElements></Pull>"))},
            {"wsman-power",
             post("/wsman",
                  wsman(pms + "/RequestPowerStateChange", pms,
                        "<r:RequestPowerStateChange_INPUT xmlns:r=\"" + pms
                                + "\"><r:PowerState>8</r:PowerState><r:ManagedElement><Address "
                                  "xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">x</Address>"
                                  "<ReferenceParameters xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
                                  "<ResourceURI xmlns=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
                                  "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem</ResourceURI>"
                                  "<SelectorSet xmlns=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><Selector "
                                  "Name=\"Name\">ManagedSystem</Selector></SelectorSet></ReferenceParameters>"
                                  "</r:ManagedElement></r:RequestPowerStateChange_INPUT>"))},
            {"wsman-power-state", post("/wsman", wsman(get, apms, {}))},
            {"wsman-platform-guid", post("/wsman", wsman(get, cim + "CIM_ComputerSystemPackage", {}))},
            {"wsman-clock-get",
             post("/wsman",
                  wsman(ts + "/GetLowAccuracyTimeSynch", ts,
                        "<r:GetLowAccuracyTimeSynch_INPUT xmlns:r=\"" + ts + "\"/>"))},
            {"wsman-clock-set",
             post("/wsman",
                  wsman(ts + "/SetHighAccuracyTimeSynch", ts,
                        "<r:SetHighAccuracyTimeSynch_INPUT xmlns:r=\"" + ts
                                + "\"><r:Ta0>1765000000</r:Ta0><r:Tm1>1765000100</r:Tm1><r:Tm2>1765000100</r:Tm2>"
                                  "</r:SetHighAccuracyTimeSynch_INPUT>"))},
            {"wsman-boot-settings-put",
             post("/wsman",
                  wsman("http://schemas.xmlsoap.org/ws/2004/09/transfer/Put", bsd,
                        "<r:AMT_BootSettingData xmlns:r=\"" + bsd
                                + "\"><r:BIOSPause>false</r:BIOSPause><r:BIOSSetup>true</r:BIOSSetup>"
                                  "<r:BootMediaIndex>0</r:BootMediaIndex><r:InstanceID>Intel(r) AMT:BootSettingData 0"
                                  "</r:InstanceID></r:AMT_BootSettingData>"))},
            {"wsman-change-boot-order",
             post("/wsman",
                  wsman(bcs + "/ChangeBootOrder", bcs,
                        "<r:ChangeBootOrder_INPUT xmlns:r=\"" + bcs + "\"><r:Source>"
                                + reference("CIM_BootSourceSetting", "InstanceID", "Intel(r) AMT: Force PXE Boot")
                                + "</r:Source></r:ChangeBootOrder_INPUT>"))},
            {"wsman-set-boot-config-role",
             post("/wsman",
                  wsman(bsvc + "/SetBootConfigRole", bsvc,
                        "<r:SetBootConfigRole_INPUT xmlns:r=\"" + bsvc + "\"><r:BootConfigSetting>"
                                + reference("CIM_BootConfigSetting", "InstanceID", "Intel(r) AMT: Boot Configuration 0")
                                + "</r:BootConfigSetting><r:Role>1</r:Role></r:SetBootConfigRole_INPUT>"))},
            {"wsman-add-user",
             post("/wsman",
                  wsman(auth + "/AddUserAclEntryEx", auth,
                        "<r:AddUserAclEntryEx_INPUT xmlns:r=\"" + auth
                                + "\"><r:DigestUsername>operator</r:DigestUsername><r:DigestPassword>"
                                  "7w3gGzkbn7ZoiGQ0msFc8g==</r:DigestPassword><r:AccessPermission>2"
                                  "</r:AccessPermission><r:Realms>5</r:Realms><r:Realms>13</r:Realms>"
                                  "</r:AddUserAclEntryEx_INPUT>"))},
            {"wsman-enumerate-users",
             post("/wsman",
                  wsman(auth + "/EnumerateUserAclEntries", auth,
                        "<r:EnumerateUserAclEntries_INPUT xmlns:r=\"" + auth
                                + "\"><r:StartIndex>1</r:StartIndex></r:EnumerateUserAclEntries_INPUT>"))},
            {"wsman-admin-digest",
             post("/wsman",
                  wsman(auth + "/SetAdminAclEntryEx", auth,
                        "<r:SetAdminAclEntryEx_INPUT xmlns:r=\"" + auth
                                + "\"><r:Username>admin</r:Username><r:DigestPassword>"
                                  "0123456789abcdef0123456789abcdef</r:DigestPassword></r:SetAdminAclEntryEx_INPUT>"))},
            {"wsman-partial-unprovision",
             post("/wsman",
                  wsman(scs + "/PartialUnprovision", scs, "<r:PartialUnprovision_INPUT xmlns:r=\"" + scs + "\"/>"))},
            {"legacy-set-host-name",
             post("/NetworkAdministrationService",
                  legacy("NetworkAdministration", "SetHostName", "<x:HostName>pc042</x:HostName>"),
                  "Content-Type: text/xml; charset=utf-8\r\nSOAPAction: "
                  "\"http://schemas.intel.com/platform/client/NetworkAdministration/2004/01#SetHostName\"\r\n")},
            {"legacy-remote-control",
             post("/RemoteControlService",
                  legacy("RemoteControl", "RemoteControl",
                         "<x:Command>18</x:Command><x:IanaOemNumber>343</x:IanaOemNumber>"
                         "<x:SpecialCommand>193</x:SpecialCommand><x:SpecialCommandParameter>8"
                         "</x:SpecialCommandParameter>"))},
            {"legacy-add-user",
             post("/SecurityAdministrationService",
                  legacy("SecurityAdministration", "AddUserAclEntry",
                         "<x:Entry><x:Username>helpdesk</x:Username><x:Password>P@ssw0rd1</x:Password><x:Realms>"
                         "<x:Realm>5</x:Realm><x:Realm>13</x:Realm></x:Realms></x:Entry>"))},
            {"no-credentials",
             post("/wsman",
                  wsman("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                        "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings", {}),
                  {}, false)},
            {"two-requests",
             post("/GeneralInfoService", legacy("GeneralInfo", "GetCoreVersion", {}))
                     + post("/wsman",
                            wsman(en + "Release", swi,
                                  "<Release xmlns=\"" + en.chopped(1)
                                          + "\"><EnumerationContext>02000000-0000-0000-0000-000000000000"
                                            "</EnumerationContext></Release>"))},
    };
    QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!dir.mkpath(QStringLiteral(".")))
        return 1;
    for (const auto &[name, bytes] : seeds) {
        QFile file(dir.filePath(QLatin1String(name)));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
            return 1;
        }
        std::printf("%s: %lld bytes\n", qPrintable(file.fileName()), qlonglong(bytes.size()));
    }
    return 0;
}

// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the seed corpus of fuzz_wsmanresponse (fuzz/corpus/wsmanresponse/): for each call the
// target makes, the answer a device gives (in the prefixes AMT firmware writes, a/b/c/g, from the
// captures docs/protocol.md §13 cites), and the refusals (a Digest challenge, a fault, 404, chunked
// encoding), and checks that each gets the verdict it is there for. Run by hand after a change to
// the contract or the client:
//   build/fuzz/fuzz/make_wsmanresponse_seeds fuzz/corpus/wsmanresponse
#include "loopbackdevice.h"
#include "wsmancalls.h"

#include "core/amt/wsmansession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

using namespace Oobm::Core::Amt;

namespace {

const char Envelope[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\" "
        "xmlns:b=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
        "xmlns:c=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns:g=\"%1\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><a:Header>"
        "<b:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</b:To><b:RelatesTo>1</b:RelatesTo>"
        "<b:Action a:mustUnderstand=\"true\">%2</b:Action>"
        "<b:MessageID>uuid:00000000-8086-8086-8086-0000000002E4</b:MessageID></a:Header><a:Body>%3</a:Body>"
        "</a:Envelope>";

QByteArray http(const QByteArray &body, int status = 200, const QByteArray &extra = {})
{
    const QByteArray reason = status == 200 ? "OK" : status == 400 ? "Bad Request" : "Error";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
            + "\r\nContent-Type: application/soap+xml; charset=UTF-8\r\n" + extra
            + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray soap(const QString &ns, const QString &action, const QString &body, int status = 200)
{
    return http(QString::fromLatin1(Envelope).arg(ns, action, body).toUtf8(), status);
}

QByteArray chunked(const QByteArray &body)
{
    QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml; charset=UTF-8\r\nTransfer-Encoding: "
                     "chunked\r\n\r\n";
    for (qsizetype at = 0; at < body.size(); at += 0x220) {
        const QByteArray chunk = body.mid(at, 0x220);
        out += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return out + "0\r\n\r\n";
}

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

struct Seed
{
    const char *name;
    unsigned char call; // the target's first byte
    QByteArray answer;
    bool ok;
};

// What the client made of the seed: no error, or why it refused it.
AmtError verdict(Oobm::Fuzz::LoopbackDevice &device, const Seed &seed)
{
    device.setAnswers(seed.answer);
    AmtEndpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = device.port();
    e.password = QStringLiteral("P@ssw0rd");
    e.receiveTimeoutMs = 1000;
    WsmanSession s(e);
    QString accepted;
    return Oobm::Fuzz::wsmanCall(s, seed.call, &accepted);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    const QString gs = QStringLiteral("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings");
    const QString swi = QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_SoftwareIdentity");
    const QString scs = QStringLiteral("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_SetupAndConfigurationService");
    const QString pms = QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService");
    const QString en = QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration");
    const QString apms = QStringLiteral(
            "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_AssociatedPowerManagementService");
    const QString ts = QStringLiteral("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_TimeSynchronizationService");
    const QString auth = QStringLiteral("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService");
    const QString csp = QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystemPackage");
    const QString bsd = QStringLiteral("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_BootSettingData");
    const QString bcs = QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootConfigSetting");
    const QString bsvc = QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootService");
    const QString settings = QStringLiteral(
            "<g:AMT_GeneralSettings><g:AMTNetworkEnabled>1</g:AMTNetworkEnabled><g:DDNSTTL>900</g:DDNSTTL>"
            "<g:DDNSUpdateByDHCPServerEnabled>true</g:DDNSUpdateByDHCPServerEnabled>"
            "<g:DigestRealm>Digest:F3EB554784E729164447A89F60B641C5</g:DigestRealm><g:DomainName>example.com</"
            "g:DomainName>"
            "<g:ElementName>Intel(r) AMT: General Settings</g:ElementName><g:HostName>pc042</g:HostName>"
            "<g:IdleWakeTimeout>65535</g:IdleWakeTimeout><g:InstanceID>Intel(r) AMT: General Settings</g:InstanceID>"
            "<g:PowerSource>0</g:PowerSource><g:SharedFQDN>true</g:SharedFQDN><g:WsmanOnlyMode>false</g:WsmanOnlyMode>"
            "</g:AMT_GeneralSettings>");
    const QString items = QStringLiteral(
                                  "<g:Items><h:CIM_SoftwareIdentity "
                                  "xmlns:h=\"%1\"><h:InstanceID>Flash</h:InstanceID><h:IsEntity>true</h:IsEntity>"
                                  "<h:VersionString>12.0.67</h:VersionString></"
                                  "h:CIM_SoftwareIdentity><h:CIM_SoftwareIdentity xmlns:h=\"%1\">"
                                  "<h:InstanceID>AMT</h:InstanceID><h:IsEntity>true</"
                                  "h:IsEntity><h:VersionString>12.0.67</h:VersionString>"
                                  "</h:CIM_SoftwareIdentity></g:Items>")
                                  .arg(swi);
    const QByteArray next(Oobm::Fuzz::LoopbackDevice::Separator);
    const QByteArray enumerated = soap(en, en + S("/EnumerateResponse"),
                                       S("<g:EnumerateResponse><g:EnumerationContext>17000000-0000-0000-0000-"
                                         "000000000000</g:EnumerationContext></g:EnumerateResponse>"));
    const QByteArray pulledMore = soap(en, en + S("/PullResponse"),
                                       S("<g:PullResponse>") + items
                                               + S("<g:EnumerationContext>17000000-0000-0000-0000-000000000000"
                                                   "</g:EnumerationContext></g:PullResponse>"));
    const QByteArray pulledLast = soap(en, en + S("/PullResponse"),
                                       S("<g:PullResponse>") + items
                                               + S("<g:EndOfSequence></g:EndOfSequence></g:PullResponse>"));
    const QByteArray bootSettings = soap(
            bsd, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"),
            S("<g:AMT_BootSettingData><g:BIOSPause>false</g:BIOSPause><g:BIOSSetup>false</g:BIOSSetup>"
              "<g:BootMediaIndex>0</g:BootMediaIndex><g:ElementName>Intel(r) AMT Boot Configuration Settings"
              "</g:ElementName><g:InstanceID>Intel(r) AMT:BootSettingData 0</g:InstanceID><g:UseSOL>true"
              "</g:UseSOL></g:AMT_BootSettingData>"));
    const QByteArray boot = soap(
            bcs, bcs + S("/ChangeBootOrderResponse"),
            S("<g:ChangeBootOrder_OUTPUT><g:ReturnValue>0</g:ReturnValue></g:ChangeBootOrder_OUTPUT>"));
    const QByteArray role = soap(
            bsvc, bsvc + S("/SetBootConfigRoleResponse"),
            S("<g:SetBootConfigRole_OUTPUT><g:ReturnValue>0</g:ReturnValue></g:SetBootConfigRole_OUTPUT>"));
    const QString fault = QStringLiteral(
            "<a:Fault><a:Code><a:Value>a:Sender</a:Value><a:Subcode><a:Value>b:DestinationUnreachable</a:Value>"
            "</a:Subcode></a:Code><a:Reason><a:Text xml:lang=\"en-US\">No route can be determined to reach the "
            "destination role defined by the WSAddressing To.</a:Text></a:Reason><a:Detail></a:Detail></a:Fault>");
    const QList<Seed> seeds = {
            {"get-general-settings", 0,
             soap(gs, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"), settings), true},
            {"get-general-settings-chunked", 0,
             chunked(QString::fromLatin1(Envelope)
                             .arg(gs, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"), settings)
                             .toUtf8()),
             true},
            {"enumerate-pull-pull", 2, enumerated + next + pulledMore + next + pulledLast, true},
            {"core-version", 1, enumerated + next + pulledLast, true},
            {"enumerate-without-end", 1, enumerated + next + pulledMore, false}, // 1,000 pulls, then refused
            {"pull-where-enumerate-belongs", 2, pulledLast, false},
            {"get-setup-and-configuration", 3,
             soap(scs, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"),
                  S("<g:AMT_SetupAndConfigurationService><g:CreationClassName>AMT_SetupAndConfigurationService"
                    "</g:CreationClassName><g:EnabledState>5</g:EnabledState><g:PasswordModel>1</g:PasswordModel>"
                    "<g:ProvisioningMode>1</g:ProvisioningMode><g:ProvisioningState>2</g:ProvisioningState>"
                    "<g:ZeroTouchConfigurationEnabled>true</g:ZeroTouchConfigurationEnabled>"
                    "</g:AMT_SetupAndConfigurationService>")),
             true},
            {"power-state-change", 4,
             soap(pms, pms + S("/RequestPowerStateChangeResponse"),
                  S("<g:RequestPowerStateChange_OUTPUT><g:ReturnValue>0</g:ReturnValue></"
                    "g:RequestPowerStateChange_OUTPUT>")),
             true},
            {"power-state-change-refused", 4,
             soap(pms, pms + S("/RequestPowerStateChangeResponse"),
                  S("<g:RequestPowerStateChange_OUTPUT><g:ReturnValue>2</g:ReturnValue></"
                    "g:RequestPowerStateChange_OUTPUT>")),
             false},
            {"release-response", 5, soap(en, en + S("/ReleaseResponse"), {}), true},
            {"fault-destination-unreachable", 0,
             soap(S("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"),
                  S("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault"), fault, 400),
             false},
            {"digest-challenge", 3,
             "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"Digest:A4070000000000000000000000000000\", "
             "nonce=\"wlbEK1EtAAAAAAAAWW5aUHFp+mQQ1j63\",stale=\"false\",qop=\"auth\"\r\nContent-Type: text/html\r\n"
             "Content-Length: 0\r\nConnection: close\r\n\r\n",
             false},
            {"not-found", 0, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", false},
            {"power-state", 6,
             soap(apms, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"),
                  S("<g:CIM_AssociatedPowerManagementService><g:AvailableRequestedPowerStates>2"
                    "</g:AvailableRequestedPowerStates><g:AvailableRequestedPowerStates>8"
                    "</g:AvailableRequestedPowerStates><g:PowerState>8</g:PowerState>"
                    "</g:CIM_AssociatedPowerManagementService>")),
             true},
            {"power-state-missing", 6,
             soap(apms, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"),
                  S("<g:CIM_AssociatedPowerManagementService></g:CIM_AssociatedPowerManagementService>")),
             false},
            {"clock", 7,
             soap(ts, ts + S("/GetLowAccuracyTimeSynchResponse"),
                  S("<g:GetLowAccuracyTimeSynch_OUTPUT><g:Ta0>1765000000</g:Ta0><g:ReturnValue>0</g:ReturnValue>"
                    "</g:GetLowAccuracyTimeSynch_OUTPUT>")),
             true},
            {"clock-without-time", 7,
             soap(ts, ts + S("/GetLowAccuracyTimeSynchResponse"),
                  S("<g:GetLowAccuracyTimeSynch_OUTPUT><g:ReturnValue>0</g:ReturnValue>"
                    "</g:GetLowAccuracyTimeSynch_OUTPUT>")),
             false},
            {"next-boot", 8, bootSettings + next + bootSettings + next + boot + next + role, true},
            {"admin-password", 9,
             soap(gs, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"), settings) + next
                     + soap(auth, auth + S("/SetAdminAclEntryExResponse"),
                            S("<g:SetAdminAclEntryEx_OUTPUT><g:ReturnValue>0</g:ReturnValue>"
                              "</g:SetAdminAclEntryEx_OUTPUT>")),
             true},
            {"users", 10,
             soap(auth, auth + S("/EnumerateUserAclEntriesResponse"),
                  S("<g:EnumerateUserAclEntries_OUTPUT><g:TotalCount>2</g:TotalCount><g:HandlesCount>2"
                    "</g:HandlesCount><g:Handles>1</g:Handles><g:Handles>2</g:Handles><g:ReturnValue>0"
                    "</g:ReturnValue></g:EnumerateUserAclEntries_OUTPUT>")),
             true},
            {"user", 11,
             soap(auth, auth + S("/GetUserAclEntryExResponse"),
                  S("<g:GetUserAclEntryEx_OUTPUT><g:DigestUsername>operator</g:DigestUsername>"
                    "<g:AccessPermission>2</g:AccessPermission><g:Realms>5</g:Realms><g:Realms>13</g:Realms>"
                    "<g:ReturnValue>0</g:ReturnValue></g:GetUserAclEntryEx_OUTPUT>")),
             true},
            {"platform-guid", 12,
             soap(csp, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"),
                  S("<g:CIM_ComputerSystemPackage><g:PlatformGUID>44454C4C4B0010428033B6C04F504633"
                    "</g:PlatformGUID></g:CIM_ComputerSystemPackage>")),
             true},
            {"platform-guid-short", 12,
             soap(csp, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"),
                  S("<g:CIM_ComputerSystemPackage><g:PlatformGUID>44454C4C</g:PlatformGUID>"
                    "</g:CIM_ComputerSystemPackage>")),
             false},
            {"unprovision", 13,
             soap(scs, scs + S("/UnprovisionResponse"),
                  S("<g:Unprovision_OUTPUT><g:ReturnValue>0</g:ReturnValue></g:Unprovision_OUTPUT>")),
             true},
            {"add-user", 14,
             soap(gs, S("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"), settings) + next
                     + soap(auth, auth + S("/AddUserAclEntryExResponse"),
                            S("<g:AddUserAclEntryEx_OUTPUT><g:Handle>3</g:Handle><g:ReturnValue>0</g:ReturnValue>"
                              "</g:AddUserAclEntryEx_OUTPUT>")),
             true},
    };
    QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!dir.mkpath(QStringLiteral(".")))
        return 1;
    Oobm::Fuzz::LoopbackDevice device;
    int failures = 0;
    for (const Seed &seed : seeds) {
        const AmtError error = verdict(device, seed);
        if (error.isError() == seed.ok) {
            std::fprintf(stderr, "%s: the client %s it %s\n", seed.name, seed.ok ? "refuses" : "accepts",
                         qPrintable(error.message));
            ++failures;
            continue;
        }
        QFile file(dir.filePath(QLatin1String(seed.name)));
        const QByteArray bytes = char(seed.call) + seed.answer;
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
            ++failures;
            continue;
        }
        std::printf("%s: %lld bytes, %s\n", qPrintable(file.fileName()), qlonglong(bytes.size()),
                    seed.ok ? "accepted" : qPrintable(error.message));
    }
    return failures ? 1 : 0;
}

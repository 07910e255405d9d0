// SPDX-License-Identifier: GPL-2.0-or-later
// amt-sim's /wsman as an outside WS-Management client sees it (docs/protocol.md §13): curl sends the
// exact bytes MeshCommander sends (no Content-Type, prefixes of its own, an EPR with an unprefixed
// Name), with HTTP Digest, and reads the firmware's answers and faults.
#include "common/simprocess.h"

#include "core/amt/amtsession.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using Oobm::Core::Amt::AmtEndpoint;
using Oobm::Core::Amt::AmtResult;
using Oobm::Core::Amt::AmtSession;
using Oobm::Test::SimProcess;

namespace {

const QString Password = QStringLiteral("P@ssw0rd");

struct Answer
{
    int status = 0;
    QString headers;
    QString body;
};

// One POST to /wsman with Digest, through curl.
Answer post(const QString &address, const QByteArray &envelope, const QString &password = Password)
{
    Q_ASSERT(!address.isEmpty());
    QTemporaryDir dir;
    QProcess p;
    p.start("curl",
            {"-s", "--max-time", "20", "--digest", "-u", QStringLiteral("admin:") + password, "-H",
             "Content-Type:", "--data-binary", "@-", "-D", dir.filePath("headers"), "-o", dir.filePath("body"), "-w",
             "%{http_code}", QStringLiteral("http://%1:16992/wsman").arg(address)});
    p.waitForStarted();
    p.write(envelope);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    Answer a;
    a.status = p.readAllStandardOutput().toInt();
    QFile h(dir.filePath("headers")), b(dir.filePath("body"));
    if (h.open(QIODevice::ReadOnly))
        a.headers = QString::fromUtf8(h.readAll());
    if (b.open(QIODevice::ReadOnly))
        a.body = QString::fromUtf8(b.readAll());
    return a;
}

// MeshCommander's request (its prefixes a and w, default SOAP 1.2 namespace).
QByteArray request(const QString &action, const QString &resourceUri, int messageId, const QString &body = {},
                   const QString &extraHeader = {})
{
    return QStringLiteral(
                   "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope "
                   "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                   "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                   "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
                   "xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" "
                   "xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Header><a:Action>%1</a:Action>"
                   "<a:To>/wsman</a:To><w:ResourceURI>%2</w:ResourceURI><a:MessageID>%3</a:MessageID>"
                   "<a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>"
                   "</a:ReplyTo><w:OperationTimeout>PT60S</w:OperationTimeout>%5</Header>%4</Envelope>")
            .arg(action, resourceUri)
            .arg(messageId)
            .arg(body.isEmpty() ? QStringLiteral("<Body />")
                                : QStringLiteral("<Body>") + body + QStringLiteral("</Body>"),
                 extraHeader)
            .toUtf8();
}

QString element(const QString &xml, const QString &localName)
{
    const QRegularExpression re(QStringLiteral("<(?:[\\w-]+:)?%1(?: [^>]*)?>([^<]*)</").arg(localName));
    return re.match(xml).captured(1);
}

const QString Get = QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get");
const QString GeneralSettings = QStringLiteral("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings");
const QString PowerService = QStringLiteral(
        "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService");

} // namespace

class tst_WsmanWire final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void meshCommanderGet();
    void faults_data();
    void faults();
    void invokeWithEndpointReference();
    void noWsmanBefore30();
    void adminPasswordAsDigest_data();
    void adminPasswordAsDigest();

private:
    SimProcess m_sim;
};

void tst_WsmanWire::initTestCase()
{
    if (QStandardPaths::findExecutable("curl").isEmpty())
        QFAIL("curl is not installed (Debian package curl; scripts/test installs it)");
    const QString e = m_sim.start(
            {"--fleet", "1", "--mode", "provisioned", "--admin-password", Password, "--amt-version", "3.0"});
    QVERIFY2(e.isEmpty(), qPrintable(e));
}

void tst_WsmanWire::meshCommanderGet()
{
    const Answer a = post(m_sim.device().address, request(Get, GeneralSettings, 1));
    QCOMPARE(a.status, 200);
    QVERIFY2(a.headers.contains(QStringLiteral("Content-Type: application/soap+xml"), Qt::CaseInsensitive),
             qPrintable(a.headers));
    QVERIFY(a.body.contains(QStringLiteral("http://www.w3.org/2003/05/soap-envelope")));
    QCOMPARE(element(a.body, "RelatesTo"), QStringLiteral("1"));
    QCOMPARE(element(a.body, "Action"), QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"));
    QCOMPARE(element(a.body, "To"), QStringLiteral("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"));
    QVERIFY(QRegularExpression(QStringLiteral("^uuid:00000000-8086-8086-8086-[0-9A-F]{12}$"))
                    .match(element(a.body, "MessageID"))
                    .hasMatch());
    QCOMPARE(element(a.body, "ResourceURI"), GeneralSettings);
    const QJsonObject state = m_sim.state();
    QCOMPARE(element(a.body, "HostName"), state.value("hostName").toString());
    QCOMPARE(element(a.body, "DomainName"), state.value("domainName").toString());
    QVERIFY(element(a.body, "DigestRealm").startsWith(QStringLiteral("Digest:")));
    // Alphabetical, as the firmware sends them.
    QVERIFY(a.body.indexOf(QStringLiteral("AMTNetworkEnabled")) < a.body.indexOf(QStringLiteral("DigestRealm")));
    QVERIFY(a.body.indexOf(QStringLiteral("DigestRealm")) < a.body.indexOf(QStringLiteral("WsmanOnlyMode")));
}

void tst_WsmanWire::faults_data()
{
    QTest::addColumn<QByteArray>("envelope");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // Code's value, then the subcode's
    QTest::addColumn<QString>("action");
    const QString addressingFault = QStringLiteral("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault");
    const QString wsmanFault = QStringLiteral("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault");
    const QString enumeration = QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/enumeration/");
    QTest::newRow("unknown class") << request(Get,
                                              QStringLiteral("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_Nope"), 2)
                                   << Password << 400 << "Sender DestinationUnreachable" << addressingFault;
    QTest::newRow("unknown method") << request(PowerService + QStringLiteral("/Hibernate"), PowerService, 3,
                                               QStringLiteral("<h:Hibernate_INPUT xmlns:h=\"%1\"/>").arg(PowerService))
                                    << Password << 400 << "Sender ActionNotSupported" << addressingFault;
    QTest::newRow("stale enumeration context")
            << request(enumeration + QStringLiteral("Pull"),
                       QStringLiteral("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_SoftwareIdentity"), 4,
                       QStringLiteral("<Pull xmlns=\"%1\"><EnumerationContext>7F000000-0000-0000-0000-000000000000"
                                      "</EnumerationContext></Pull>")
                               .arg(enumeration.chopped(1)))
            << Password << 400 << "Sender InvalidEnumerationContext" << wsmanFault;
    // AMT does not support OptionSet; sent as mustUnderstand it is refused.
    QTest::newRow("OptionSet mustUnderstand")
            << request(Get, GeneralSettings, 5, {},
                       QStringLiteral("<w:OptionSet xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
                                      "s:mustUnderstand=\"true\"><w:Option Name=\"x\">1</w:Option></w:OptionSet>"))
            << Password << 500 << "MustUnderstand" << QString();
    QTest::newRow("wrong password") << request(Get, GeneralSettings, 6) << QStringLiteral("Wr0ng-pass!") << 401
                                    << QString() << QString();
}

void tst_WsmanWire::faults()
{
    QFETCH(QByteArray, envelope);
    QFETCH(QString, password);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, action);
    const Answer a = post(m_sim.device().address, envelope, password);
    QCOMPARE(a.status, status);
    if (code.isEmpty())
        return;
    QStringList values;
    const QRegularExpression value(QStringLiteral("<(?:[\\w-]+:)?Value>(?:[\\w-]+:)?(\\w+)</"));
    for (auto it = value.globalMatch(a.body); it.hasNext();)
        values << it.next().captured(1);
    QCOMPARE(values.join(u' '), code);
    QVERIFY2(!element(a.body, "Text").isEmpty(), qPrintable(a.body)); // a Reason
    if (!action.isEmpty())
        QCOMPARE(element(a.body, "Action"), action);
}

// RequestPowerStateChange with ManagedElement in MeshCommander's form (Address and
// ReferenceParameters in the default namespace, Selector's Name unprefixed), and in amtc's.
void tst_WsmanWire::invokeWithEndpointReference()
{
    const QString body =
            QStringLiteral(
                    "<r:RequestPowerStateChange_INPUT xmlns:r=\"%1\"><r:PowerState>8</r:PowerState><r:ManagedElement>"
                    "<Address xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
                    "http://schemas.xmlsoap.org/ws/2004/08/addressing</Address>"
                    "<ReferenceParameters xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
                    "<ResourceURI xmlns=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
                    "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem</ResourceURI>"
                    "<SelectorSet xmlns=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
                    "<Selector Name=\"CreationClassName\">CIM_ComputerSystem</Selector>"
                    "<Selector Name=\"Name\">ManagedSystem</Selector></SelectorSet></ReferenceParameters>"
                    "</r:ManagedElement></r:RequestPowerStateChange_INPUT>")
                    .arg(PowerService);
    const Answer a = post(m_sim.device().address,
                          request(PowerService + "/RequestPowerStateChange", PowerService, 7, body));
    QCOMPARE(a.status, 200);
    QCOMPARE(element(a.body, "ReturnValue"), QStringLiteral("0"));
    QCOMPARE(element(a.body, "Action"), PowerService + QStringLiteral("/RequestPowerStateChangeResponse"));
    QCOMPARE(m_sim.state().value("powerState").toInt(), 5);
    // Another system than the host is an invalid parameter.
    QString other = body;
    other.replace(QStringLiteral("ManagedSystem"), QStringLiteral("SomeoneElse"));
    other.replace(QStringLiteral("<r:PowerState>8<"), QStringLiteral("<r:PowerState>2<"));
    const Answer refused = post(m_sim.device().address,
                                request(PowerService + "/RequestPowerStateChange", PowerService, 8, other));
    QCOMPARE(element(refused.body, "ReturnValue"), QStringLiteral("5"));
    QCOMPARE(m_sim.state().value("powerState").toInt(), 5);
    // amtc's spelling, wsman:Name (the envelope declares w), names the host too: power on.
    QString qualified = body;
    qualified.replace(QStringLiteral("<Selector Name="), QStringLiteral("<Selector w:Name="));
    qualified.replace(QStringLiteral("<r:PowerState>8<"), QStringLiteral("<r:PowerState>2<"));
    const Answer on = post(m_sim.device().address,
                           request(PowerService + "/RequestPowerStateChange", PowerService, 9, qualified));
    QCOMPARE(element(on.body, "ReturnValue"), QStringLiteral("0"));
    QCOMPARE(m_sim.state().value("powerState").toInt(), 0);
}

void tst_WsmanWire::noWsmanBefore30()
{
    SimProcess old;
    QVERIFY(old.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password, "--amt-version", "2.6"})
                    .isEmpty());
    QCOMPARE(post(old.device().address, request(Get, GeneralSettings, 1)).status, 404);
}

// SetAdminAclEntryEx as MeshCentral sends it (32 hex digits of the MD5) and as Intel documents it
// (base64): curl's Digest (qop "auth") then works with the new password only, and the legacy
// services take it too.
void tst_WsmanWire::adminPasswordAsDigest_data()
{
    QTest::addColumn<bool>("hex");
    QTest::newRow("hex, as MeshCentral") << true;
    QTest::newRow("base64, as Intel documents it") << false;
}

void tst_WsmanWire::adminPasswordAsDigest()
{
    QFETCH(bool, hex);
    SimProcess sim;
    QVERIFY(sim.start({"--fleet", "1", "--mode", "provisioned", "--admin-password", Password, "--amt-version", "6.0"})
                    .isEmpty());
    const QString address = sim.device().address;
    const QString realm = element(post(address, request(Get, GeneralSettings, 1)).body, QStringLiteral("DigestRealm"));
    QVERIFY(realm.startsWith(u"Digest:"));
    const QString newPassword = QStringLiteral("An0ther-P@ss");
    const QByteArray md5 = QCryptographicHash::hash((u"admin:" + realm + u':' + newPassword).toUtf8(),
                                                    QCryptographicHash::Md5);
    const QString service = QStringLiteral("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService");
    const Answer set = post(
            address,
            request(service + u"/SetAdminAclEntryEx", service, 2,
                    QStringLiteral("<r:SetAdminAclEntryEx_INPUT xmlns:r=\"%1\"><r:Username>admin</r:Username>"
                                   "<r:DigestPassword>%2</r:DigestPassword></r:SetAdminAclEntryEx_INPUT>")
                            .arg(service, QString::fromLatin1(hex ? md5.toHex() : md5.toBase64()))));
    QCOMPARE(set.status, 200);
    QCOMPARE(element(set.body, QStringLiteral("ReturnValue")), QStringLiteral("0"));
    QCOMPARE(post(address, request(Get, GeneralSettings, 3), newPassword).status, 200);
    QCOMPARE(post(address, request(Get, GeneralSettings, 4)).status, 401);
    AmtEndpoint e;
    e.host = address;
    e.password = newPassword;
    const AmtResult<QString> legacy = AmtSession(e).getCoreVersion();
    QVERIFY2(legacy.ok(), qPrintable(legacy.error.message));
}

QTEST_GUILESS_MAIN(tst_WsmanWire)
#include "tst_wsmanwire.moc"

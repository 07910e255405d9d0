// SPDX-License-Identifier: GPL-2.0-or-later
// The stub resolver: the server setting's parsing, the message parser against hostile replies,
// and lookups against a real dnsmasq on loopback.
#include "common/simprocess.h"

#include "core/dns/dnsresolver.h"

#include <QTemporaryFile>
#include <QTest>
#include <QtEndian>

using namespace Oobm::Core;

class tst_DnsResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseServer_data();
    void parseServer();
    void systemServers();
    void hostileReplies_data();
    void hostileReplies();
    void reverseName();
    void nxdomainKeepsTheCnameChain();
    void lookups_data();
    void lookups();
};

void tst_DnsResolver::parseServer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // toString(), or empty
    QTest::addColumn<QString>("error");    // words of the error, or empty

    QTest::newRow("empty: the system") << ""
                                       << ""
                                       << "";
    QTest::newRow("address") << "192.0.2.53"
                             << "192.0.2.53:53"
                             << "";
    QTest::newRow("address and port") << " 127.0.0.1:5353 "
                                      << "127.0.0.1:5353"
                                      << "";
    QTest::newRow("IPv6") << "::1"
                          << "[::1]:53"
                          << "";
    QTest::newRow("IPv6 and port") << "[::1]:5353"
                                   << "[::1]:5353"
                                   << "";
    QTest::newRow("a name") << "dns.example.com"
                            << ""
                            << "'dns.example.com' is not an IP address";
    QTest::newRow("bad port") << "127.0.0.1:99999"
                              << ""
                              << "'99999' is not a port";
    QTest::newRow("open bracket") << "[::1"
                                  << ""
                                  << "never closes it";
}

void tst_DnsResolver::parseServer()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    QString problem;
    const DnsServer s = DnsServer::parse(text, &problem);
    QCOMPARE(s.toString(), expected);
    if (error.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(error), qPrintable(problem));
}

void tst_DnsResolver::systemServers()
{
    QTemporaryFile f;
    QVERIFY(f.open());
    f.write("# comment\nsearch example.com\nnameserver 127.0.0.53\nnameserver fe80::1%eth0\n"
            "nameserver bogus\n");
    f.close();
    const QList<DnsServer> list = DnsServer::systemServers(f.fileName());
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toString(), QStringLiteral("127.0.0.53:53"));
    QCOMPARE(list.at(1).address, QHostAddress(QStringLiteral("fe80::1")));
}

void tst_DnsResolver::hostileReplies_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("error");

    const QByteArray query = DnsMessage::encodeQuery(0x1234, QStringLiteral("a.test"), DnsType::A);
    QByteArray reply = query;
    qToBigEndian(quint16(0x8180), reply.data() + 2);
    qToBigEndian(quint16(1), reply.data() + 6); // one answer...
    QByteArray loop = reply;
    loop.append(QByteArray::fromHex("c018")); // ...whose name points at itself
    loop.append(QByteArray::fromHex("0001000100000000000401020304"));
    QTest::newRow("pointer loop") << loop << "a malformed answer section";
    QByteArray cut = reply;
    cut.append(QByteArray::fromHex("c00c000100010000")); // ends inside the record
    QTest::newRow("truncated record") << cut << "a malformed answer section";
    QTest::newRow("short") << QByteArray("\x12\x34", 2) << "shorter than a DNS header";
    QByteArray other = reply;
    qToBigEndian(quint16(0x9999), other.data());
    QTest::newRow("another id") << other << "id mismatch";
    QTest::newRow("a query") << query << "a query instead of a reply";
}

void tst_DnsResolver::hostileReplies()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, error);
    const DnsResponse r = DnsMessage::parseResponse(reply, 0x1234, QStringLiteral("a.test"), DnsType::A);
    QCOMPARE(r.status, DnsResponse::Status::Error);
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
}

// BIND and Windows DNS answer a CNAME to a name that does not exist with NXDOMAIN and the CNAME
// (RFC 6604): the chain is what tells the admin the target is mistyped.
void tst_DnsResolver::nxdomainKeepsTheCnameChain()
{
    const QString name = QStringLiteral("provisionserver.typo.test");
    QByteArray reply = DnsMessage::encodeQuery(0x4242, name, DnsType::A);
    qToBigEndian(quint16(0x8183), reply.data() + 2); // a reply, recursion, NXDOMAIN
    qToBigEndian(quint16(1), reply.data() + 6);      // one answer
    reply.append(QByteArray::fromHex("c00c"
                                     "0005"
                                     "0001"
                                     "0000012c"));
    const QByteArray target = QByteArray::fromHex("03736373076578"
                                                  "6d61706c65"
                                                  "0474657374"
                                                  "00"); // scs.exmaple.test
    char length[2];
    qToBigEndian(quint16(target.size()), length);
    reply.append(length, 2);
    reply.append(target);
    const DnsResponse r = DnsMessage::parseResponse(reply, 0x4242, name, DnsType::A);
    QCOMPARE(r.status, DnsResponse::Status::NxDomain);
    QCOMPARE(r.chain(name), (QStringList{name, QStringLiteral("scs.exmaple.test")}));
}

void tst_DnsResolver::reverseName()
{
    QCOMPARE(DnsMessage::reverseName(QHostAddress(QStringLiteral("127.0.0.21"))),
             QStringLiteral("21.0.0.127.in-addr.arpa"));
    QVERIFY(DnsMessage::reverseName(QHostAddress(QStringLiteral("2001:db8::1"))).startsWith(QLatin1String("1.0.0.0.")));
    QVERIFY(DnsMessage::reverseName(QHostAddress(QStringLiteral("2001:db8::1")))
                    .endsWith(QLatin1String("8.b.d.0.1.0.0.2.ip6.arpa")));
}

void tst_DnsResolver::lookups_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("values");

    QTest::newRow("A") << "scs.example.test" << int(DnsType::A) << int(DnsResponse::Status::Answer) << "127.0.0.1";
    QTest::newRow("CNAME chain") << "ProvisionServer.good.test." << int(DnsType::A) << int(DnsResponse::Status::Answer)
                                 << "127.0.0.1";
    QTest::newRow("NXDOMAIN") << "nothing.test" << int(DnsType::A) << int(DnsResponse::Status::NxDomain) << "";
    QTest::newRow("NODATA") << "txt.example.test" << int(DnsType::A) << int(DnsResponse::Status::NoData) << "";
    QTest::newRow("PTR") << "1.0.0.127.in-addr.arpa" << int(DnsType::Ptr) << int(DnsResponse::Status::Answer)
                         << "scs.example.test";
}

void tst_DnsResolver::lookups()
{
    QFETCH(QString, name);
    QFETCH(int, type);
    QFETCH(int, status);
    QFETCH(QString, values);
    Oobm::Test::DnsmasqProcess dns;
    const QString started = dns.start({QStringLiteral("--host-record=scs.example.test,127.0.0.1"),
                                       QStringLiteral("--cname=provisionserver.good.test,scs.example.test"),
                                       QStringLiteral("--txt-record=txt.example.test,hello")});
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QString error;
    const DnsResolver resolver(DnsServer::parse(dns.address(), &error));
    const DnsResponse r = resolver.lookup(name, DnsType(type));
    QCOMPARE(int(r.status), status);
    QStringList got;
    for (const QHostAddress &a : r.addresses())
        got << a.toString();
    got << r.names(DnsType::Ptr);
    QCOMPARE(got.join(u','), values);
    if (name.startsWith(QLatin1String("ProvisionServer")))
        QCOMPARE(r.chain(name), (QStringList{"provisionserver.good.test", "scs.example.test"}));
}

QTEST_GUILESS_MAIN(tst_DnsResolver)
#include "tst_dnsresolver.moc"

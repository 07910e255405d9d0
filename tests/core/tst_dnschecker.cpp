// SPDX-License-Identifier: GPL-2.0-or-later
// The DNS Test (figures 8-9) against a real dnsmasq on loopback with one zone per case: each
// check's verdict and the words of its cause and fix.
#include "common/simprocess.h"

#include "core/dns/dnschecker.h"

#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>
#include <QtConcurrent>

#include <atomic>

using namespace Oobm::Core;

namespace {

// "id|verdict|words in the line" expectations.
using Expectations = QStringList;

const CheckResult *find(const QList<CheckResult> &results, const QString &id)
{
    for (const CheckResult &r : results) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

} // namespace

class tst_DnsChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checks_data();
    void checks();
    void systems_data();
    void systems();
    void listenerDown();
    void serverDown();
    void cancel();
    void reportsProgress();

private:
    DnsCheckOptions options(const QStringList &suffixes) const;
    void verify(const QList<CheckResult> &results, const Expectations &expected);

    Oobm::Test::DnsmasqProcess m_dns;
    QTcpServer m_listener;
};

void tst_DnsChecker::initTestCase()
{
    const QString started = m_dns.start({
            // good.test: the CNAME the reference asks for, to this server's name.
            QStringLiteral("--cname=provisionserver.good.test,scs.example.test"),
            QStringLiteral("--host-record=scs.example.test,127.0.0.1"),
            // second.test: another correct domain, by an A record straight to this machine.
            QStringLiteral("--host-record=provisionserver.second.test,127.0.0.1"),
            // nodata.test: the name exists with only a TXT record (figure 9).
            QStringLiteral("--txt-record=provisionserver.nodata.test,v=1"),
            // dangling.test: a CNAME to a name that has no address.
            QStringLiteral("--cname=provisionserver.dangling.test,gone.example.test"),
            QStringLiteral("--txt-record=gone.example.test,moved"),
            // other.test: points at another host (TEST-NET-1; nothing is sent there).
            QStringLiteral("--host-record=provisionserver.other.test,192.0.2.10"),
            // Systems: host1 agrees both ways; host2 has a PTR naming someone else.
            QStringLiteral("--host-record=host1.good.test,127.0.0.21"),
            QStringLiteral("--address=/host2.good.test/127.0.0.23"),
            QStringLiteral("--ptr-record=23.0.0.127.in-addr.arpa,other.good.test"),
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(m_listener.listen(QHostAddress::LocalHost, 0));
}

DnsCheckOptions tst_DnsChecker::options(const QStringList &suffixes) const
{
    DnsCheckOptions o;
    o.suffixes = suffixes;
    QString error;
    o.server = DnsServer::parse(m_dns.address(), &error);
    o.serverName = QStringLiteral("scs.example.test");
    o.listenPort = m_listener.serverPort();
    o.localAddresses = {QHostAddress::LocalHost};
    return o;
}

void tst_DnsChecker::verify(const QList<CheckResult> &results, const Expectations &expected)
{
    for (const QString &e : expected) {
        const QStringList parts = e.split(u'|');
        const CheckResult *r = find(results, parts.at(0));
        QVERIFY2(r, qPrintable(QStringLiteral("no check %1 in:\n%2").arg(parts.at(0), DnsChecker::toText(results))));
        QVERIFY2(checkVerdictName(r->verdict) == parts.at(1),
                 qPrintable(QStringLiteral("expected %1: %2").arg(parts.at(1), r->toText())));
        for (int i = 2; i < parts.size(); ++i)
            QVERIFY2(r->toText().contains(parts.at(i)),
                     qPrintable(QStringLiteral("'%1' not in: %2").arg(parts.at(i), r->toText())));
    }
}

void tst_DnsChecker::checks_data()
{
    QTest::addColumn<QStringList>("suffixes");
    QTest::addColumn<Expectations>("expected");

    const QString port = QStringLiteral("%1"); // the listener's port, filled in checks()
    QTest::newRow("correct CNAME") << QStringList{"good.test"}
                                   << Expectations{
                                              "provisionserver:good.test|pass|CNAME scs.example.test|A 127.0.0.1",
                                              "provisionserver:|info|most DNS servers ignore single-label questions",
                                              "server-name|pass|Resolved provisioning server IP: 127.0.0.1",
                                              "listener:127.0.0.1|pass|accepts connections",
                                      };
    QTest::newRow("no record")
            << QStringList{"missing.test"}
            << Expectations{
                       "provisionserver:missing.test|fail|NXDOMAIN",
                       "provisionserver:missing.test|fail|No record for ProvisionServer.missing.test",
                       "provisionserver:missing.test|fail|Create a CNAME ProvisionServer → "
                       "scs.example.test in missing.test",
                       "provisionserver:missing.test|fail|enter the provisioning server's IP "
                       "address in the MEBx",
               };
    QTest::newRow("NODATA") << QStringList{"nodata.test"}
                            << Expectations{
                                       "provisionserver:nodata.test|fail|NODATA",
                                       "provisionserver:nodata.test|fail|The requested name is valid, but no data "
                                       "of the requested type was found",
                                       "provisionserver:nodata.test|fail|Make ProvisionServer.nodata.test a CNAME to "
                                       "scs.example.test",
                               };
    QTest::newRow("CNAME to a name without an address")
            << QStringList{"dangling.test"}
            << Expectations{
                       "provisionserver:dangling.test|fail|CNAME gone.example.test, NODATA",
                       "provisionserver:dangling.test|fail|points to a name that has no A record",
               };
    QTest::newRow("another host")
            << QStringList{"other.test"}
            << Expectations{
                       "provisionserver:other.test|fail|resolves to 192.0.2.10, which is not an "
                       "address of this server",
                       "provisionserver:other.test|fail|Point the CNAME ProvisionServer in other.test "
                       "at this server (scs.example.test)",
               };
    QTest::newRow("several suffixes, one broken")
            << QStringList{"good.test", "broken.test", "second.test"}
            << Expectations{
                       "provisionserver:good.test|pass",
                       "provisionserver:broken.test|fail|No record for ProvisionServer.broken.test",
                       "provisionserver:second.test|pass|A 127.0.0.1",
                       "listener:127.0.0.1|pass",
               };
    QTest::newRow("no suffix: the bare name is all there is")
            << QStringList{}
            << Expectations{
                       "provisionserver:|fail|No record for the bare name ProvisionServer",
                       "provisionserver:|fail|enter the DNS suffixes your AMT clients use",
               };
    Q_UNUSED(port);
}

void tst_DnsChecker::checks()
{
    QFETCH(QStringList, suffixes);
    QFETCH(Expectations, expected);
    const QList<CheckResult> results = DnsChecker(options(suffixes)).run();
    // The device's order: each suffix, then the bare name, then this server's name.
    for (int i = 0; i < suffixes.size(); ++i)
        QCOMPARE(results.at(i).id, QStringLiteral("provisionserver:%1").arg(suffixes.at(i)));
    QCOMPARE(results.at(suffixes.size()).id, QStringLiteral("provisionserver:"));
    verify(results, expected);
    const bool anyFail = std::any_of(expected.cbegin(), expected.cend(),
                                     [](const QString &e) { return e.contains(u"|fail"); });
    QCOMPARE(DnsChecker::allPassed(results), !anyFail);
}

void tst_DnsChecker::systems_data()
{
    QTest::addColumn<QString>("fqdn");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("words");

    QTest::newRow("forward and reverse agree") << "host1.good.test"
                                               << "127.0.0.21"
                                               << "pass"
                                               << "reverse of 127.0.0.21: host1.good.test";
    QTest::newRow("forward points elsewhere")
            << "host1.good.test"
            << "127.0.0.22"
            << "warning"
            << "host1.good.test resolves to 127.0.0.21, but the system says hello from 127.0.0.22";
    QTest::newRow("reverse names someone else")
            << "host2.good.test"
            << "127.0.0.23"
            << "warning"
            << "127.0.0.23 reverse-resolves to other.good.test, not host2.good.test";
    QTest::newRow("name not in DNS") << "host9.good.test"
                                     << "127.0.0.29"
                                     << "warning"
                                     << "host9.good.test does not resolve (NXDOMAIN)";
}

void tst_DnsChecker::systems()
{
    QFETCH(QString, fqdn);
    QFETCH(QString, address);
    QFETCH(QString, verdict);
    QFETCH(QString, words);
    DnsCheckOptions o = options({"good.test"});
    o.systems = {{QStringLiteral("uuid-1"), fqdn, QHostAddress(address)}};
    const QList<CheckResult> results = DnsChecker(o).run();
    verify(results, {QStringLiteral("system:uuid-1|%1|%2").arg(verdict, words)});
}

void tst_DnsChecker::listenerDown()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    DnsCheckOptions o = options({"good.test"});
    o.listenPort = probe.serverPort();
    probe.close(); // now nothing listens there
    verify(DnsChecker(o).run(),
           {QStringLiteral("listener:127.0.0.1|fail|nothing accepts hellos on port %1").arg(o.listenPort),
            QStringLiteral("listener:127.0.0.1|fail|Start the provisioning engine")});
}

void tst_DnsChecker::serverDown()
{
    QUdpSocket probe;
    QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 closed = probe.localPort();
    probe.close();
    DnsCheckOptions o = options({"good.test", "second.test"});
    QString error;
    o.server = DnsServer::parse(QStringLiteral("127.0.0.1:%1").arg(closed), &error);
    const QList<CheckResult> results = DnsChecker(o).run();
    verify(results,
           {QStringLiteral("provisionserver:good.test|fail|nothing answers DNS on 127.0.0.1:%1 "
                           "(connection refused)")
                    .arg(closed),
            QStringLiteral("provisionserver:second.test|fail|Not asked: the DNS server did not "
                           "answer the first question"),
            QStringLiteral("server-name|fail|Check the DNS server address")});
}

void tst_DnsChecker::cancel()
{
    // A server that never answers, and a timeout far longer than the test waits.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    DnsCheckOptions o = options({"good.test"});
    QString error;
    o.server = DnsServer::parse(QStringLiteral("127.0.0.1:%1").arg(silent.localPort()), &error);
    o.timeoutMs = 120000;
    std::atomic_bool cancelled = false;
    QFuture<QList<CheckResult>> running = QtConcurrent::run(
            [o, &cancelled] { return DnsChecker(o).run({}, [&cancelled] { return cancelled.load(); }); });
    QTRY_VERIFY(silent.hasPendingDatagrams()); // the question is out and waiting
    QVERIFY(!running.isFinished());
    cancelled = true;
    QTRY_VERIFY(running.isFinished());
    QVERIFY(running.result().isEmpty());
}

void tst_DnsChecker::reportsProgress()
{
    QList<int> done;
    int lastTotal = 0;
    const QList<CheckResult> results =
            DnsChecker(options({"good.test", "missing.test"})).run([&](const CheckResult &, int d, int total) {
                done << d;
                lastTotal = total;
            });
    QCOMPARE(done.size(), results.size());
    QCOMPARE(done.last(), lastTotal);
    QCOMPARE(DnsChecker::summary(results, QStringLiteral("127.0.0.1:53")),
             QStringLiteral("DNS test against 127.0.0.1:53: 4 passed, 0 with warnings, 1 failed."));
}

QTEST_GUILESS_MAIN(tst_DnsChecker)
#include "tst_dnschecker.moc"

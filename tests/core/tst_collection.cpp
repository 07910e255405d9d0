// SPDX-License-Identifier: GPL-2.0-or-later
// Collections as data (core/fleet/collection.h): what a pasted member list names, what is wrong
// with a rule, and a rule's stored form, which must give back the same rule.
#include "core/fleet/collection.h"

#include <QtTest>

using namespace Oobm::Core;

Q_DECLARE_METATYPE(Oobm::Core::CollectionRule)

class tst_Collection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseMembers_data();
    void parseMembers();
    void ruleProblems_data();
    void ruleProblems();
    void ruleSurvivesStorage_data();
    void ruleSurvivesStorage();
};

void tst_Collection::parseMembers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("members");
    const QString a = QStringLiteral("8C1A2B3C-0000-4000-8000-000000000001");
    const QString b = QStringLiteral("8C1A2B3C-0000-4000-8000-000000000002");
    QTest::newRow("nothing") << "" << QStringList();
    QTest::newRow("only separators") << " ,;\n\t" << QStringList();
    QTest::newRow("one per line") << a + u'\n' + b + u'\n' << QStringList{a, b};
    QTest::newRow("commas, semicolons, blanks") << a + QStringLiteral(" ;, ") + b << QStringList{a, b};
    QTest::newRow("CRLF from a Windows file")
            << a + QStringLiteral("\r\n") + b + QStringLiteral("\r\n") << QStringList{a, b};
    QTest::newRow("each once, first spelling kept")
            << a.toLower() + u' ' + a + u' ' + a.toLower() << QStringList{a.toLower()};
    QTest::newRow("FQDNs and UUIDs mixed")
            << QStringLiteral("pc-01.lab.example.com, ") + a + QStringLiteral(" PC-01.lab.example.com")
            << QStringList{QStringLiteral("pc-01.lab.example.com"), a};
}

void tst_Collection::parseMembers()
{
    QFETCH(QString, text);
    QFETCH(QStringList, members);
    QCOMPARE(Collection::parseMembers(text), members);
}

void tst_Collection::ruleProblems_data()
{
    QTest::addColumn<CollectionRule>("rule");
    QTest::addColumn<QString>("problem"); // empty: none
    QTest::newRow("empty rule") << CollectionRule{} << QString();
    CollectionRule r;
    r.minVersion = QStringLiteral("3.0");
    r.maxVersion = QStringLiteral("3.2.1");
    QTest::newRow("version range") << r << QString();
    r.minVersion = QStringLiteral("three");
    QTest::newRow("not a version") << r << "'three' is not an AMT version";
    r.minVersion = QStringLiteral("3.2");
    r.maxVersion = QStringLiteral("2.6");
    QTest::newRow("empty version range") << r << "The AMT version range 3.2 to 2.6 is empty";
    r = {};
    r.ipRange = QStringLiteral("10.1.0.0/33");
    QTest::newRow("bad IP range") << r << "'10.1.0.0/33' is not an IPv4 range";
    r.ipRange = QStringLiteral("10.1.0.5-10.1.0.90");
    QTest::newRow("IP span") << r << QString();
    r = {};
    r.fqdnPattern = QStringLiteral("*.lab example.com");
    QTest::newRow("blank in FQDN pattern") << r << "is not an FQDN pattern";
    r = {};
    r.helloOlderThanHours = 48;
    r.helloNewerThanHours = 24;
    QTest::newRow("older and newer exclude each other") << r << "No system has its last hello both more than 48";
    r.helloNewerThanHours = 24 * 3661;
    QTest::newRow("hours out of range") << r << "Hours since the last hello are 0 to";
    r = {};
    r.tag = QStringLiteral("lab,floor2");
    QTest::newRow("tag with a comma") << r << "A tag has no commas";
}

void tst_Collection::ruleProblems()
{
    QFETCH(CollectionRule, rule);
    QFETCH(QString, problem);
    const QString found = rule.problem();
    if (problem.isEmpty())
        QCOMPARE(found, QString());
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
    Collection c;
    c.name = QStringLiteral("Lab");
    c.rule = rule;
    QCOMPARE(c.problem(), found);
    c.kind = Collection::Kind::Static;
    QCOMPARE(c.problem(), QString()); // a static collection has no rule to be wrong
}

void tst_Collection::ruleSurvivesStorage_data()
{
    QTest::addColumn<CollectionRule>("rule");
    QTest::addColumn<QString>("description");
    QTest::newRow("every system") << CollectionRule{} << "every system";
    CollectionRule r;
    r.states = {SystemState::Failed, SystemState::HelloWindowExpired};
    r.minVersion = QStringLiteral("3.0");
    r.profileId = 7;
    r.fqdnPattern = QStringLiteral("*.lab.example.com");
    r.ipRange = QStringLiteral("10.1.0.0/16");
    r.helloOlderThanHours = 24;
    r.helloNewerThanHours = 720;
    r.taskOutcome = CollectionRule::TaskOutcome::LastFailed;
    r.tag = QStringLiteral("floor 2");
    QTest::newRow("every condition") << r
                                     << "AMT 3.0 to any, profile #7, FQDN *.lab.example.com, address in "
                                        "10.1.0.0/16, no hello for 24 h, a hello within 720 h, last task failed, "
                                        "tag floor 2";
    r = {};
    r.taskOutcome = CollectionRule::TaskOutcome::LastSucceeded;
    QTest::newRow("last task succeeded") << r << "last task succeeded";
}

void tst_Collection::ruleSurvivesStorage()
{
    QFETCH(CollectionRule, rule);
    QFETCH(QString, description);
    const CollectionRule back = CollectionRule::fromJson(rule.toJson());
    QVERIFY(back == rule);
    QVERIFY2(rule.describe().endsWith(description), qPrintable(rule.describe()));
    QCOMPARE(back.isEmpty(), description == u"every system");
}

QTEST_GUILESS_MAIN(tst_Collection)
#include "tst_collection.moc"

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/store/storelocation.h"

#include <QDir>
#include <QtTest>

using Oobm::Core::StoreLocation;

class tst_StoreLocation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void defaultLocation();
    void roundTrip();
};

void tst_StoreLocation::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("describe");

    const int sqlite = int(StoreLocation::Kind::SQLite);
    const int pg = int(StoreLocation::Kind::PostgreSQL);
    QTest::newRow("absolute path") << "/var/lib/oobm/oobm.db" << sqlite << "/var/lib/oobm/oobm.db"
                                   << "" << 5432 << ""
                                   << ""
                                   << "SQLite /var/lib/oobm/oobm.db";
    QTest::newRow("sqlite: prefix") << "sqlite:/tmp/x.db" << sqlite << "/tmp/x.db"
                                    << "" << 5432 << ""
                                    << ""
                                    << "SQLite /tmp/x.db";
    QTest::newRow("file url") << "file:///tmp/y.db" << sqlite << "/tmp/y.db"
                              << "" << 5432 << ""
                              << ""
                              << "SQLite /tmp/y.db";
    QTest::newRow("home") << "~/oobm.db" << sqlite << QDir::homePath() + "/oobm.db"
                          << "" << 5432 << ""
                          << ""
                          << "SQLite " + QDir::homePath() + "/oobm.db";
    QTest::newRow("postgresql full") << "postgresql://oobm@db.example:6543/fleet" << pg << ""
                                     << "db.example" << 6543 << "oobm"
                                     << "fleet"
                                     << "PostgreSQL oobm@db.example:6543/fleet";
    QTest::newRow("postgres scheme, default port") << "postgres://admin@127.0.0.1/oobm" << pg << ""
                                                   << "127.0.0.1" << 5432 << "admin"
                                                   << "oobm"
                                                   << "PostgreSQL admin@127.0.0.1:5432/oobm";
    QTest::newRow("no user") << "postgresql://localhost:5433/oobm" << pg << ""
                             << "localhost" << 5433 << ""
                             << "oobm"
                             << "PostgreSQL localhost:5433/oobm";
}

void tst_StoreLocation::parse()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, path);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, database);
    QFETCH(QString, describe);

    QString error;
    const StoreLocation l = StoreLocation::parse(text, &error);
    QVERIFY2(l.isValid(), qPrintable(error));
    QCOMPARE(int(l.kind()), kind);
    QCOMPARE(l.path(), path);
    if (kind == int(StoreLocation::Kind::PostgreSQL)) {
        QCOMPARE(l.host(), host);
        QCOMPARE(l.port(), port);
        QCOMPARE(l.user(), user);
        QCOMPARE(l.database(), database);
        QCOMPARE(l.driver(), QStringLiteral("QPSQL"));
    } else {
        QCOMPARE(l.driver(), QStringLiteral("QSQLITE"));
    }
    QCOMPARE(l.describe(), describe);
}

void tst_StoreLocation::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("no database") << "postgresql://oobm@db.example:5432/"
                                 << "names no database";
    QTest::newRow("bad port") << "postgresql://oobm@db.example:99999/x"
                              << "port";
    QTest::newRow("a folder") << QDir::tempPath() << "is a folder";
}

void tst_StoreLocation::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, errorPart);
    QString error;
    const StoreLocation l = StoreLocation::parse(text, &error);
    QVERIFY(!l.isValid());
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void tst_StoreLocation::defaultLocation()
{
    qputenv("XDG_DATA_HOME", "/tmp/oobm-xdg-test");
    const StoreLocation l = StoreLocation::defaultLocation();
    QCOMPARE(l.path(), QStringLiteral("/tmp/oobm-xdg-test/oobm/oobm.db"));
    qputenv("OOBM_DATABASE", "postgresql://u@h:1234/d");
    QString error;
    QCOMPARE(StoreLocation::fromEnvironmentOrDefault(&error).host(), QStringLiteral("h"));
    qunsetenv("OOBM_DATABASE");
    QCOMPARE(StoreLocation::fromEnvironmentOrDefault(&error).path(), l.path());
}

void tst_StoreLocation::roundTrip()
{
    QString error;
    const StoreLocation l = StoreLocation::parse(QStringLiteral("postgresql://oobm:secret@db:5444/fleet"), &error);
    QCOMPARE(l.password(), QStringLiteral("secret"));
    QVERIFY(!l.toUrl().contains(QStringLiteral("secret")));
    QVERIFY(!l.describe().contains(QStringLiteral("secret")));
    const StoreLocation again = StoreLocation::parse(l.toUrl(), &error);
    QCOMPARE(again.host(), l.host());
    QCOMPARE(again.port(), l.port());
    QCOMPARE(again.database(), l.database());
    QCOMPARE(again.user(), l.user());
}

QTEST_GUILESS_MAIN(tst_StoreLocation)
#include "tst_storelocation.moc"

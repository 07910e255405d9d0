// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/settings/servicesettings.h"

#include <QtTest>

using namespace Oobm::Core;

class tst_ServiceSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void setValue_data();
    void setValue();
    void describeChanges_data();
    void describeChanges();
    void gating_data();
    void gating();
    void mapRoundTrip();
    void maintenanceValidation_data();
    void maintenanceValidation();
};

void tst_ServiceSettings::defaults()
{
    const ServiceSettings s;
    QCOMPARE(s.listenPort, 9971);
    QVERIFY(!s.requireAuthorization);
    QCOMPARE(s.commonName, CommonNameSource::Fqdn);
    QVERIFY(s.validate().isEmpty());
    QCOMPARE(ServiceSettings::keys().size(), 22);
    QVERIFY(s.reverseLookups);
    QVERIFY(s.dnsServer.isEmpty());
    // Device maintenance: only the certificate warning is on by default.
    QCOMPARE(s.clockSyncHours, 0);
    QCOMPARE(s.passwordRotationDays, 0);
    QCOMPARE(s.certificateWarningDays, 30);
    QCOMPARE(s.retireAvailableDays, 0);
    QCOMPARE(s.retireExportedDays, 0);
}

void tst_ServiceSettings::setValue_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedValue"); // empty: rejected
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("port 9377") << "listen-port"
                               << "9377"
                               << "9377"
                               << "";
    QTest::newRow("port 1") << "listen-port"
                            << "1"
                            << "1"
                            << "";
    QTest::newRow("port 65535") << "listen-port"
                                << "65535"
                                << "65535"
                                << "";
    QTest::newRow("port 0") << "listen-port"
                            << "0"
                            << ""
                            << "from 1 to 65535; 0 is outside";
    QTest::newRow("port 70000") << "listen-port"
                                << "70000"
                                << ""
                                << "70000 is outside that range";
    QTest::newRow("port text") << "listen-port"
                               << "abc"
                               << ""
                               << "'abc' is not a number";
    QTest::newRow("port empty") << "listen-port"
                                << ""
                                << ""
                                << "is not a number";
    QTest::newRow("dns server") << "dns-server"
                                << "127.0.0.1:5353"
                                << "127.0.0.1:5353"
                                << "";
    QTest::newRow("dns server name") << "dns-server"
                                     << "dns.example.com"
                                     << ""
                                     << "'dns.example.com' is not an IP address";
    QTest::newRow("dns suffixes") << "dns-suffixes"
                                  << " Example.COM, .lab.example.com.;x.test"
                                  << "example.com,lab.example.com,x.test"
                                  << "";
    QTest::newRow("dns suffix bad") << "dns-suffixes"
                                    << "good.test,bad_label!.test"
                                    << ""
                                    << "'bad_label!.test' is not a DNS name";
    QTest::newRow("server fqdn") << "server-fqdn"
                                 << "SCS.Example.com"
                                 << "scs.example.com"
                                 << "";
    QTest::newRow("setup server") << "setup-server-address"
                                  << "192.0.2.10:9971"
                                  << "192.0.2.10:9971"
                                  << "";
    QTest::newRow("setup server name") << "setup-server-address"
                                       << "scs.example.com"
                                       << ""
                                       << "'scs.example.com' is not an IPv4 address";
    QTest::newRow("setup server port") << "setup-server-address"
                                       << "10.0.0.1:0"
                                       << ""
                                       << "'0' is not a port";
    QTest::newRow("reverse off") << "reverse-lookups"
                                 << "off"
                                 << "false"
                                 << "";
    QTest::newRow("bool yes") << "require-authorization"
                              << "yes"
                              << "true"
                              << "";
    QTest::newRow("bool off") << "allow-remote-configuration"
                              << "off"
                              << "false"
                              << "";
    QTest::newRow("bool bad") << "one-time-password-required"
                              << "maybe"
                              << ""
                              << "takes true or false";
    QTest::newRow("cn host") << "common-name"
                             << "host-name"
                             << "host-name"
                             << "";
    QTest::newRow("cn bad") << "common-name"
                            << "cn"
                            << ""
                            << "fqdn, host-name, sam-account-name";
    QTest::newRow("level") << "log-level"
                           << "Debug-Warning"
                           << "debug-warning"
                           << "";
    QTest::newRow("level bad") << "log-level"
                               << "verbose"
                               << ""
                               << "errors, debug-warning, information, debug";
    // Device maintenance: whole numbers from 0 (off) to a bound each.
    QTest::newRow("clock sync 6") << "clock-sync-hours"
                                  << "6"
                                  << "6"
                                  << "";
    QTest::newRow("clock sync off") << "clock-sync-hours"
                                    << "0"
                                    << "0"
                                    << "";
    QTest::newRow("clock sync a year") << "clock-sync-hours"
                                       << "8784"
                                       << "8784"
                                       << "";
    QTest::newRow("clock sync too long") << "clock-sync-hours"
                                         << "8785"
                                         << ""
                                         << "from 0 (off) to 8784";
    QTest::newRow("clock sync negative") << "clock-sync-hours"
                                         << "-1"
                                         << ""
                                         << "'-1' is not one";
    QTest::newRow("clock sync text") << "clock-sync-hours"
                                     << "daily"
                                     << ""
                                     << "'daily' is not one";
    QTest::newRow("rotation 90") << "password-rotation-days"
                                 << " 90 "
                                 << "90"
                                 << "";
    QTest::newRow("rotation fraction") << "password-rotation-days"
                                       << "1.5"
                                       << ""
                                       << "whole number";
    QTest::newRow("certificate warning 60") << "certificate-warning-days"
                                            << "60"
                                            << "60"
                                            << "";
    QTest::newRow("certificate warning off") << "certificate-warning-days"
                                             << "0"
                                             << "0"
                                             << "";
    QTest::newRow("certificate warning empty") << "certificate-warning-days"
                                               << ""
                                               << ""
                                               << "whole number";
    QTest::newRow("retire available 365") << "retire-available-days"
                                          << "365"
                                          << "365"
                                          << "";
    QTest::newRow("retire available too long") << "retire-available-days"
                                               << "36601"
                                               << ""
                                               << "from 0 (off) to 36600";
    QTest::newRow("retire exported 30") << "retire-exported-days"
                                        << "30"
                                        << "30"
                                        << "";
    QTest::newRow("retire exported huge") << "retire-exported-days"
                                          << "99999999999"
                                          << ""
                                          << "from 0 (off) to 36600";
    QTest::newRow("unknown key") << "port"
                                 << "1"
                                 << ""
                                 << "There is no setting 'port'";
}

void tst_ServiceSettings::setValue()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QString, expectedValue);
    QFETCH(QString, errorPart);

    ServiceSettings s;
    const ServiceSettings before = s;
    const QString problem = s.setValue(key, text);
    if (expectedValue.isEmpty()) {
        QVERIFY2(problem.contains(errorPart), qPrintable(problem));
        QCOMPARE(s, before); // nothing half-set
    } else {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(s.value(key), expectedValue);
    }
}

void tst_ServiceSettings::describeChanges_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("sentence");

    // The reference's own wording (figure 3) for the first three.
    QTest::newRow("port") << "listen-port"
                          << "9377"
                          << "Set service listening port to 9377.";
    QTest::newRow("remote configuration") << "allow-remote-configuration"
                                          << "true"
                                          << "Set service remote configuration.";
    QTest::newRow("authorization") << "require-authorization"
                                   << "true"
                                   << "Set provisioning authorization mode.";
    QTest::newRow("otp") << "one-time-password-required"
                         << "true"
                         << "Set one time password requirement.";
    QTest::newRow("cn") << "common-name"
                        << "sam-account-name"
                        << "Set certificate common name source to SAM account name.";
    QTest::newRow("level") << "log-level"
                           << "debug-warning"
                           << "Set log level to Debug warning.";
    QTest::newRow("clock sync") << "clock-sync-hours"
                                << "12"
                                << "Set device clock synchronisation to every 12 hours.";
    QTest::newRow("rotation") << "password-rotation-days"
                              << "90"
                              << "Set admin password rotation to every 90 days.";
    QTest::newRow("certificate warning off") << "certificate-warning-days"
                                             << "0"
                                             << "Set the certificate expiry warning to off.";
    QTest::newRow("retire available") << "retire-available-days"
                                      << "180"
                                      << "Set the retirement of Available keys to after 180 days.";
    QTest::newRow("retire exported") << "retire-exported-days"
                                     << "30"
                                     << "Set the retirement of unused Exported keys to 30 days after export.";
}

void tst_ServiceSettings::describeChanges()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, sentence);
    const ServiceSettings before;
    ServiceSettings after;
    QVERIFY(after.setValue(key, value).isEmpty());
    QCOMPARE(ServiceSettings::describeChanges(before, after), QStringList{sentence});
    QCOMPARE(ServiceSettings::describeChanges(after, after), QStringList{});
    // Numbers and choices are set again; switches are cleared.
    const QStringList numbers{QStringLiteral("listen-port"),
                              QStringLiteral("common-name"),
                              QStringLiteral("log-level"),
                              QStringLiteral("clock-sync-hours"),
                              QStringLiteral("password-rotation-days"),
                              QStringLiteral("certificate-warning-days"),
                              QStringLiteral("retire-available-days"),
                              QStringLiteral("retire-exported-days")};
    if (!numbers.contains(key))
        QVERIFY(ServiceSettings::describeChanges(after, before).value(0).startsWith(QStringLiteral("Cleared")));
}

void tst_ServiceSettings::gating_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QList<bool>>("accepted"); // Error, Warning, Information, Debug
    QTest::newRow("errors") << int(LogLevel::Errors) << QList<bool>{true, false, false, false};
    QTest::newRow("debug warning") << int(LogLevel::DebugWarning) << QList<bool>{true, true, false, false};
    QTest::newRow("information") << int(LogLevel::Information) << QList<bool>{true, true, true, false};
    QTest::newRow("debug") << int(LogLevel::Debug) << QList<bool>{true, true, true, true};
}

void tst_ServiceSettings::gating()
{
    QFETCH(int, level);
    QFETCH(QList<bool>, accepted);
    const QList<Severity> severities = allSeverities();
    for (int i = 0; i < severities.size(); ++i)
        QCOMPARE(logLevelAccepts(LogLevel(level), severities.at(i)), accepted.at(i));
}

void tst_ServiceSettings::mapRoundTrip()
{
    ServiceSettings s;
    s.listenPort = 1234;
    s.requireAuthorization = true;
    s.commonName = CommonNameSource::HostName;
    s.logLevel = LogLevel::Debug;
    QCOMPARE(ServiceSettings::fromMap(s.toMap()), s);

    QMap<QString, QString> broken = s.toMap();
    broken.insert(QStringLiteral("listen-port"), QStringLiteral("0"));
    broken.insert(QStringLiteral("something-else"), QStringLiteral("x"));
    QStringList problems;
    const ServiceSettings loaded = ServiceSettings::fromMap(broken, &problems);
    QCOMPARE(loaded.listenPort, ServiceSettings::DefaultListenPort);
    QCOMPARE(problems.size(), 1);
}

void tst_ServiceSettings::maintenanceValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("clock in range") << "clock-sync-hours" << 24 << true;
    QTest::newRow("clock negative") << "clock-sync-hours" << -5 << false;
    QTest::newRow("clock above") << "clock-sync-hours" << 9000 << false;
    QTest::newRow("rotation above") << "password-rotation-days" << 3661 << false;
    QTest::newRow("warning at max") << "certificate-warning-days" << 3660 << true;
    QTest::newRow("available negative") << "retire-available-days" << -1 << false;
    QTest::newRow("exported at max") << "retire-exported-days" << 36600 << true;
}

// A value written into the database by hand (or an older program) is caught by validate().
void tst_ServiceSettings::maintenanceValidation()
{
    QFETCH(QString, key);
    QFETCH(int, value);
    QFETCH(bool, valid);
    ServiceSettings s;
    int ServiceSettings::*field = key == u"clock-sync-hours" ? &ServiceSettings::clockSyncHours
            : key == u"password-rotation-days"               ? &ServiceSettings::passwordRotationDays
            : key == u"certificate-warning-days"             ? &ServiceSettings::certificateWarningDays
            : key == u"retire-available-days"                ? &ServiceSettings::retireAvailableDays
                                                             : &ServiceSettings::retireExportedDays;
    s.*field = value;
    const QList<SettingProblem> problems = s.validate();
    QCOMPARE(problems.isEmpty(), valid);
    if (!valid) {
        QCOMPARE(problems.first().key, key);
        QVERIFY(problems.first().message.contains(QStringLiteral("is 0 (off) to")));
    }
    // Through the text form as oobmctl and the store give it.
    ServiceSettings parsed;
    QCOMPARE(parsed.setValue(key, QString::number(value)).isEmpty(), valid);
}

QTEST_GUILESS_MAIN(tst_ServiceSettings)
#include "tst_servicesettings.moc"

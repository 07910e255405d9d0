// SPDX-License-Identifier: GPL-2.0-or-later
// When tasks are due: every kind of schedule across days, weeks, daylight saving time and bad input.
#include "core/fleet/schedule.h"

#include <QtTest>

using Oobm::Core::Schedule;

namespace {
QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toUTC();
}
} // namespace

Q_DECLARE_METATYPE(Schedule)

class tst_Schedule final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextDue_data();
    void nextDue();
    void problems_data();
    void problems();
    void jsonRoundTrip();
};

void tst_Schedule::nextDue_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("due");

    Schedule now;
    QTest::addRow("now is never due again") << now << utc("2026-12-07T10:00:00Z") << QDateTime();
    Schedule once;
    once.kind = Schedule::Kind::Once;
    once.at = utc("2026-12-08T02:00:00Z");
    QTest::addRow("once, ahead") << once << utc("2026-12-07T10:00:00Z") << utc("2026-12-08T02:00:00Z");
    QTest::addRow("once, passed") << once << utc("2026-12-08T02:00:00Z") << QDateTime();

    Schedule daily;
    daily.kind = Schedule::Kind::Daily;
    daily.timeOfDay = QTime(2, 0);
    daily.timeZone = "Europe/Berlin";
    QTest::addRow("daily, later today") << daily << utc("2026-12-07T00:30:00Z") << utc("2026-12-07T01:00:00Z");
    QTest::addRow("daily, tomorrow") << daily << utc("2026-12-07T01:00:00Z") << utc("2026-12-08T01:00:00Z");
    // 02:00 in Berlin is 00:00 UTC in summer: the local time of day holds across DST.
    QTest::addRow("daily, summer time") << daily << utc("2026-07-01T12:00:00Z") << utc("2026-07-02T00:00:00Z");

    Schedule weekly = daily;
    weekly.kind = Schedule::Kind::Weekly;
    weekly.weekday = 6; // Saturday; 2026-12-07 is a Monday
    weekly.timeZone.clear();
    QTest::addRow("weekly, Saturday") << weekly << utc("2026-12-07T10:00:00Z") << utc("2026-12-12T02:00:00Z");
    QTest::addRow("weekly, just after") << weekly << utc("2026-12-12T02:00:00Z") << utc("2026-12-19T02:00:00Z");

    Schedule hours;
    hours.kind = Schedule::Kind::EveryHours;
    hours.everyHours = 6;
    hours.at = utc("2026-12-07T03:00:00Z");
    QTest::addRow("every 6 h, before the first") << hours << utc("2026-12-07T01:00:00Z") << utc("2026-12-07T03:00:00Z");
    QTest::addRow("every 6 h, on a run") << hours << utc("2026-12-07T09:00:00Z") << utc("2026-12-07T15:00:00Z");
    QTest::addRow("every 6 h, between") << hours << utc("2026-12-08T00:10:00Z") << utc("2026-12-08T03:00:00Z");
}

void tst_Schedule::nextDue()
{
    QFETCH(Schedule, schedule);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, due);
    QCOMPARE(schedule.nextDue(after), due);
}

void tst_Schedule::problems_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::addColumn<QString>("problem");
    const QDateTime now = utc("2026-12-07T10:00:00Z");

    Schedule past;
    past.kind = Schedule::Kind::Once;
    past.at = now.addSecs(-60);
    QTest::addRow("once in the past") << past
                                      << "The time 2026-12-07 09:59 is in the past: choose a later time, or run the "
                                         "task now.";
    Schedule noTime;
    noTime.kind = Schedule::Kind::Daily;
    QTest::addRow("daily without a time") << noTime << "Give the time of day the task runs at (HH:MM).";
    Schedule zero;
    zero.kind = Schedule::Kind::EveryHours;
    zero.at = now;
    QTest::addRow("every 0 hours") << zero << "A task runs every 1 to 8,784 hours; 0 is not one of them.";
    Schedule zone;
    zone.timeZone = "Mars/Olympus_Mons";
    QTest::addRow("unknown zone") << zone
                                  << "The time zone 'Mars/Olympus_Mons' is unknown; use an IANA name such as "
                                     "Europe/Berlin.";
    QTest::addRow("now is fine") << Schedule{} << QString();
}

void tst_Schedule::problems()
{
    QFETCH(Schedule, schedule);
    QFETCH(QString, problem);
    QCOMPARE(schedule.problem(utc("2026-12-07T10:00:00Z")), problem);
}

void tst_Schedule::jsonRoundTrip()
{
    Schedule s;
    s.kind = Schedule::Kind::Weekly;
    s.timeOfDay = QTime(23, 30);
    s.weekday = 7;
    s.timeZone = "America/New_York";
    QCOMPARE(Schedule::fromJson(s.toJson()), s);
    Schedule h;
    h.kind = Schedule::Kind::EveryHours;
    h.everyHours = 12;
    h.at = utc("2026-12-07T03:00:00Z");
    QCOMPARE(Schedule::fromJson(h.toJson()), h);
}

QTEST_GUILESS_MAIN(tst_Schedule)
#include "tst_schedule.moc"

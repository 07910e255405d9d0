// SPDX-License-Identifier: GPL-2.0-or-later
#include "schedule.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::Schedule", text);
}

QTimeZone zoneOf(const QByteArray &id)
{
    QTimeZone zone(id.isEmpty() ? QByteArray("UTC") : id);
    return zone.isValid() ? zone : QTimeZone(QByteArray("UTC"));
}

// The first date-time at timeOfDay on a day that `accepts`, strictly after `after`, in zone.
template<typename Accepts>
QDateTime nextAt(const QDateTime &after, QTime timeOfDay, const QTimeZone &zone, Accepts accepts)
{
    const QDateTime local = after.toTimeZone(zone);
    for (int day = 0; day <= 8; ++day) {
        const QDate date = local.date().addDays(day);
        if (!accepts(date))
            continue;
        const QDateTime candidate(date, timeOfDay, zone);
        if (candidate > after)
            return candidate.toUTC();
    }
    return {};
}

} // namespace

QDateTime Schedule::nextDue(const QDateTime &after) const
{
    const QTimeZone zone = zoneOf(timeZone);
    switch (kind) {
    case Kind::Now:
        return {};
    case Kind::Once:
        return at.isValid() && at > after ? at.toUTC() : QDateTime();
    case Kind::Daily:
        return nextAt(after, timeOfDay, zone, [](const QDate &) { return true; });
    case Kind::Weekly:
        return nextAt(after, timeOfDay, zone, [this](const QDate &d) { return d.dayOfWeek() == weekday; });
    case Kind::EveryHours: {
        if (!at.isValid() || everyHours < 1)
            return {};
        if (at > after)
            return at.toUTC();
        const qint64 period = qint64(everyHours) * 3600;
        const qint64 periods = at.secsTo(after) / period + 1;
        return at.addSecs(periods * period).toUTC();
    }
    }
    return {};
}

QString Schedule::problem(const QDateTime &now) const
{
    if (!timeZone.isEmpty() && !QTimeZone(timeZone).isValid())
        return tr("The time zone '%1' is unknown; use an IANA name such as Europe/Berlin.")
                .arg(QString::fromLatin1(timeZone));
    switch (kind) {
    case Kind::Now:
        return {};
    case Kind::Once:
        if (!at.isValid())
            return tr("Give the time the task runs at.");
        if (at <= now)
            return tr("The time %1 is in the past: choose a later time, or run the task now.")
                    .arg(at.toTimeZone(zoneOf(timeZone)).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        return {};
    case Kind::Daily:
    case Kind::Weekly:
        if (!timeOfDay.isValid())
            return tr("Give the time of day the task runs at (HH:MM).");
        if (kind == Kind::Weekly && (weekday < 1 || weekday > 7))
            return tr("Choose the day of the week the task runs on.");
        return {};
    case Kind::EveryHours:
        if (everyHours < 1 || everyHours > 24 * 366)
            return tr("A task runs every 1 to 8,784 hours; %1 is not one of them.").arg(everyHours);
        if (!at.isValid())
            return tr("Give the time of the first run.");
        return {};
    }
    return {};
}

QString Schedule::describe() const
{
    const QString zone = timeZone.isEmpty() ? QStringLiteral("UTC") : QString::fromLatin1(timeZone);
    const QString time = timeOfDay.toString(QStringLiteral("HH:mm"));
    switch (kind) {
    case Kind::Now:
        return tr("now");
    case Kind::Once:
        return tr("once at %1 (%2)")
                .arg(at.toTimeZone(zoneOf(timeZone)).toString(QStringLiteral("yyyy-MM-dd HH:mm")), zone);
    case Kind::Daily:
        return tr("daily at %1 (%2)").arg(time, zone);
    case Kind::Weekly:
        return tr("every %1 at %2 (%3)").arg(QLocale().dayName(weekday), time, zone);
    case Kind::EveryHours:
        return tr("every %1 hours from %2").arg(everyHours).arg(at.toString(Qt::ISODate));
    }
    return {};
}

QByteArray Schedule::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), int(kind)}};
    if (at.isValid())
        o.insert(QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs));
    if (timeOfDay.isValid())
        o.insert(QStringLiteral("time"), timeOfDay.toString(QStringLiteral("HH:mm")));
    if (kind == Kind::Weekly)
        o.insert(QStringLiteral("weekday"), weekday);
    if (kind == Kind::EveryHours)
        o.insert(QStringLiteral("hours"), everyHours);
    if (!timeZone.isEmpty())
        o.insert(QStringLiteral("zone"), QString::fromLatin1(timeZone));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Schedule Schedule::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    Schedule s;
    const int kind = o.value(QStringLiteral("kind")).toInt();
    s.kind = kind >= 0 && kind <= int(Kind::EveryHours) ? Kind(kind) : Kind::Now;
    s.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    s.timeOfDay = QTime::fromString(o.value(QStringLiteral("time")).toString(), QStringLiteral("HH:mm"));
    s.weekday = o.value(QStringLiteral("weekday")).toInt(1);
    s.everyHours = o.value(QStringLiteral("hours")).toInt();
    s.timeZone = o.value(QStringLiteral("zone")).toString().toLatin1();
    return s;
}

} // namespace Oobm::Core

// SPDX-License-Identifier: GPL-2.0-or-later
#include "logentry.h"

#include <QCoreApplication>

namespace Oobm::Core {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QCoreApplication::translate("Oobm::Core::Severity", "Error");
    case Severity::Warning:
        return QCoreApplication::translate("Oobm::Core::Severity", "Warning");
    case Severity::Information:
        return QCoreApplication::translate("Oobm::Core::Severity", "Information");
    case Severity::Debug:
        return QCoreApplication::translate("Oobm::Core::Severity", "Debug");
    }
    return {};
}

QString severityKey(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Information:
        return QStringLiteral("information");
    case Severity::Debug:
        return QStringLiteral("debug");
    }
    return {};
}

bool severityFromKey(const QString &key, Severity *severity)
{
    const QString k = key.trimmed().toLower();
    for (Severity s : allSeverities()) {
        if (k == severityKey(s) || (k.size() >= 3 && severityKey(s).startsWith(k))) {
            *severity = s;
            return true;
        }
    }
    if (k == QLatin1String("info")) {
        *severity = Severity::Information;
        return true;
    }
    return false;
}

QList<Severity> allSeverities()
{
    return {Severity::Error, Severity::Warning, Severity::Information, Severity::Debug};
}

LogEntry LogEntry::make(Severity severity, const QString &source, const QString &message, const QString &details,
                        const QString &deviceUuid)
{
    LogEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.severity = severity;
    e.source = source;
    e.message = message;
    e.details = details;
    e.deviceUuid = deviceUuid;
    return e;
}

} // namespace Oobm::Core

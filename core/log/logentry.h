// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Oobm::Core {

// Severity of a user log entry. Lower values are more severe; the numbers are stored.
enum class Severity : int {
    Error = 1,
    Warning = 2,
    Information = 3,
    Debug = 4,
};

QString severityName(Severity severity); // "Error", translated
QString severityKey(Severity severity);  // "error", stable, for CLI and JSON
bool severityFromKey(const QString &key, Severity *severity);
QList<Severity> allSeverities();

// One entry of the user log (Logs > Log). Time is UTC.
struct LogEntry
{
    qint64 id = 0; // assigned by the store
    QDateTime time;
    Severity severity = Severity::Information;
    QString source;     // "engine", "console", "cli", "keys", "dns", ...
    QString deviceUuid; // optional
    QString message;
    QString details;

    static LogEntry make(Severity severity, const QString &source, const QString &message, const QString &details = {},
                         const QString &deviceUuid = {});
};

} // namespace Oobm::Core

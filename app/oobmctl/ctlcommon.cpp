// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlcommon.h"

#include "core/keys/pidpps.h"
#include "core/log/logentry.h"
#include "core/store/datakeyunlocker.h"
#include "core/store/storelocation.h"

#include <QEventLoop>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

QString csvField(QString value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + value + u'"';
}

} // namespace

int usage(QTextStream &err, const QString &message)
{
    err << "oobmctl: " << message << '\n' << "Try 'oobmctl --help'.\n";
    err.flush();
    return UsageError;
}

int failure(QTextStream &err, const QString &message)
{
    err << "oobmctl: " << message << '\n';
    err.flush();
    return RuntimeError;
}

std::unique_ptr<SqlStore> openStore(Context &c, int *exitCode, bool needWrite)
{
    QString error;
    const StoreLocation location = c.parser.isSet(QStringLiteral("database"))
            ? StoreLocation::parse(c.parser.value(QStringLiteral("database")), &error)
            : StoreLocation::fromEnvironmentOrDefault(&error);
    if (!location.isValid()) {
        *exitCode = usage(c.err, error);
        return nullptr;
    }
    auto store = std::make_unique<SqlStore>(location);
    if (const StoreError e = store->openAndWait()) {
        *exitCode = failure(c.err, e.message);
        return nullptr;
    }
    if (needWrite && !store->isWritable()) {
        *exitCode = failure(c.err, store->lastError().message);
        return nullptr;
    }
    return store;
}

std::unique_ptr<SqlStore> openUnlockedStore(Context &c, int *exitCode, bool needWrite)
{
    auto store = openStore(c, exitCode, needWrite);
    if (!store)
        return nullptr;
    const QString keyFile = c.parser.isSet(QStringLiteral("key-file")) ? c.parser.value(QStringLiteral("key-file"))
                                                                       : qEnvironmentVariable("OOBM_KEY_FILE");
    DataKeyUnlocker unlocker(store.get(), keyFile);
    QEventLoop loop;
    StoreError error;
    QObject::connect(&unlocker, &DataKeyUnlocker::finished, &loop, [&](const StoreError &e, const QString &warning) {
        error = e;
        if (!warning.isEmpty()) {
            c.err << "oobmctl: " << warning << '\n';
            // The key file's creation goes to the user log too, where an admin
            // looks later.
            store->appendLog({LogEntry::make(Severity::Warning, QStringLiteral("keys"), warning)});
        }
        loop.quit();
    });
    unlocker.unlock();
    loop.exec(); // a command-line tool may wait; the console never does
    if (error) {
        *exitCode = failure(c.err, error.message);
        return nullptr;
    }
    return store;
}

QString secretOption(Context &c, const QString &option, const char *env, const QString &fallback)
{
    QString value = c.parser.isSet(option) ? c.parser.value(option) : qEnvironmentVariable(env, fallback);
    if (value == u"-") {
        // One stream for the whole run: a second "-" reads the next line, not what the first
        // stream buffered.
        static QTextStream in(stdin);
        value = in.readLine();
    }
    return value;
}

bool parseTime(Context &c, const QString &option, QDateTime *time, int *exitCode)
{
    if (!c.parser.isSet(option))
        return true;
    const QString text = c.parser.value(option).trimmed();
    static const QRegularExpression agePattern(QStringLiteral("^(\\d{1,6})\\s*([mhd])$"));
    if (const QRegularExpressionMatch m = agePattern.match(text.toLower()); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 unit = m.captured(2) == u"m" ? 60 : m.captured(2) == u"h" ? 3600 : 86400;
        *time = QDateTime::currentDateTimeUtc().addSecs(-n * unit);
        return true;
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = d.startOfDay();
    }
    if (!t.isValid()) {
        *exitCode = usage(c.err,
                          QStringLiteral("--%1 takes a time such as 2026-11-28, "
                                         "2026-11-28T14:00, 2026-11-28T14:00:00Z, or an age "
                                         "such as 30m, 24h or 7d; '%2' is none of these.")
                                  .arg(option, text));
        return false;
    }
    *time = t.toUTC();
    return true;
}

bool parseLimit(Context &c, int defaultValue, int *value, int *exitCode)
{
    *value = defaultValue;
    if (!c.parser.isSet(QStringLiteral("limit")))
        return true;
    bool ok = false;
    *value = c.parser.value(QStringLiteral("limit")).toInt(&ok);
    if (ok && *value >= 1 && *value <= 1000000)
        return true;
    *exitCode = usage(c.err,
                      QStringLiteral("--limit takes a number of entries from 1 to 1000000, not "
                                     "'%1'.")
                              .arg(c.parser.value(QStringLiteral("limit"))));
    return false;
}

bool parseCount(Context &c, int defaultValue, int *value, int *exitCode)
{
    *value = defaultValue;
    if (!c.parser.isSet(QStringLiteral("n")))
        return true;
    bool ok = false;
    *value = c.parser.value(QStringLiteral("n")).toInt(&ok);
    if (ok && *value >= 1 && *value <= 1000000)
        return true;
    *exitCode = usage(c.err,
                      QStringLiteral("-n takes a number of entries from 1 to 1000000, not '%1'.")
                              .arg(c.parser.value(QStringLiteral("n"))));
    return false;
}

bool queryFormat(Context &c, const char *command, ListFormat *format, int *exitCode)
{
    const QString f = c.parser.value(QStringLiteral("format"));
    *format = f == u"csv" ? ListFormat::Csv : f == u"json" ? ListFormat::Json : ListFormat::Text;
    if (f == u"text" || f == u"csv" || f == u"json")
        return true;
    *exitCode = usage(
            c.err, QStringLiteral("'%1' --format takes text, csv or json, not '%2'.").arg(QLatin1String(command), f));
    return false;
}

bool listFormat(Context &c, const char *command, ListFormat *format, int *exitCode)
{
    const QString f = c.parser.value(QStringLiteral("format"));
    if (f == u"text") {
        *format = ListFormat::Text;
    } else if (f == u"csv") {
        *format = ListFormat::Csv;
    } else if (f == u"json") {
        *format = ListFormat::Json;
    } else {
        *exitCode = usage(c.err, QStringLiteral("'%1' --format takes text, csv or json.").arg(QLatin1String(command)));
        return false;
    }
    return true;
}

bool textOrJson(Context &c, const char *command, int *exitCode)
{
    if (c.parser.value(QStringLiteral("format")) != u"csv")
        return true;
    *exitCode = usage(c.err, QStringLiteral("'%1' --format takes text or json.").arg(QLatin1String(command)));
    return false;
}

QString plural(qsizetype n, const char *singular, const char *pluralForm)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? singular : pluralForm));
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}

QJsonValue jsonTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isoTime(t)) : QJsonValue();
}

QString pidText(const QByteArray &pid)
{
    return pid.isEmpty() ? QString() : PidPps::formatPid(pid);
}

QString yesNo(bool b)
{
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

void printTable(QTextStream &out, const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(1);
            widths[i] = std::max(widths.at(i), int(row.at(i).size()));
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            const QString cell = row.at(i).isEmpty() ? QStringLiteral("-") : row.at(i);
            line += i + 1 < row.size() ? cell.leftJustified(widths.at(i) + 2) : cell;
        }
        out << line << '\n';
    }
}

void printCsv(QTextStream &out, const QStringList &header, const QList<QStringList> &rows)
{
    out << header.join(u',') << '\n';
    for (const QStringList &row : rows) {
        QStringList fields;
        for (const QString &v : row)
            fields << csvField(v);
        out << fields.join(u',') << '\n';
    }
}

QString wrappedList(const QStringList &items)
{
    QString text;
    QString line = QStringLiteral("  ");
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString item = items.at(i) + (i + 1 < items.size() ? QStringLiteral(",") : QString());
        if (line.size() > 2 && line.size() + 1 + item.size() > 100) {
            text += line + u'\n';
            line = QStringLiteral("  ");
        }
        line += (line.size() > 2 ? QStringLiteral(" ") : QString()) + item;
    }
    return text + line + u'\n';
}

} // namespace Oobm::Ctl

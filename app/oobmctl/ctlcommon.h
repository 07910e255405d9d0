// SPDX-License-Identifier: GPL-2.0-or-later
// What the oobmctl commands share: the parsed command line, the exit-code helpers, opening the
// store, the options of several groups, and printing lists as text, CSV or JSON.
#pragma once

#include "ctlcommands.h"

#include "core/store/sqlstore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace Oobm::Ctl {

enum class Format { Text, Json };

struct Context
{
    QCommandLineParser &parser;
    QStringList args; // positional arguments after the command group
    Format format = Format::Text;
    QTextStream &out;
    QTextStream &err;
};

// "oobmctl: message" and the hint to --help on err; returns UsageError.
int usage(QTextStream &err, const QString &message);
// "oobmctl: message" on err; returns RuntimeError.
int failure(QTextStream &err, const QString &message);

// Opens the store named by --database (or the environment / default). Returns nullptr and
// prints the error when it cannot.
std::unique_ptr<Core::SqlStore> openStore(Context &c, int *exitCode, bool needWrite);
// Opens the store and gives it its data key (keychain or key file); prints the error if not.
std::unique_ptr<Core::SqlStore> openUnlockedStore(Context &c, int *exitCode, bool needWrite = false);
// A password from the option, its environment variable, or standard input ("-").
QString secretOption(Context &c, const QString &option, const char *env, const QString &fallback = {});

// A point in time for --since / --until: ISO 8601 (local time unless it says Z or an offset),
// or an age back from now: 30m, 24h, 7d.
bool parseTime(Context &c, const QString &option, QDateTime *time, int *exitCode);
// --limit N, 1 to 1000000.
bool parseLimit(Context &c, int defaultValue, int *value, int *exitCode);
// -n N, from 1 to 1000000.
bool parseCount(Context &c, int defaultValue, int *value, int *exitCode);

enum class ListFormat { Text, Csv, Json };

// --format for the query commands (log query, audit query): text, csv or json.
bool queryFormat(Context &c, const char *command, ListFormat *format, int *exitCode);
// The list commands take text, csv or json.
bool listFormat(Context &c, const char *command, ListFormat *format, int *exitCode);
// The other commands of the groups with list commands print text or JSON (c.format).
bool textOrJson(Context &c, const char *command, int *exitCode);

QString plural(qsizetype n, const char *singular, const char *pluralForm);
QString localTime(const QDateTime &t);
QString isoTime(const QDateTime &t);
QJsonValue jsonTime(const QDateTime &t);
QString pidText(const QByteArray &pid);
QString yesNo(bool b);

// Columns two spaces apart, aligned; an empty cell shows as "-".
void printTable(QTextStream &out, const QList<QStringList> &rows);
// The header, then one line per row; a cell with a comma, quote or line break is quoted.
void printCsv(QTextStream &out, const QStringList &header, const QList<QStringList> &rows);

// Items joined with ", " in indented lines of at most 100 characters, for the help text.
QString wrappedList(const QStringList &items);

// What the list commands share after parsing their options: opens the store for reading and
// runs query(store), which returns the store's future of a list. Prints the error and sets
// *exitCode when either fails.
template<typename T, typename Query>
bool fetchList(Context &c, Query query, QList<T> *items, int *exitCode)
{
    auto store = openStore(c, exitCode, false);
    if (!store)
        return false;
    const Core::StoreResult<QList<T>> r = query(*store).result();
    if (!r.ok()) {
        *exitCode = failure(c.err, r.error.message);
        return false;
    }
    *items = r.value;
    return true;
}

// How a list command shows an item: as a JSON object, or as the cells of a row of the text table
// or of the CSV file (csv: the cells machine-readable, such as ISO times and keys).
template<typename T>
struct ListColumns
{
    std::function<QJsonObject(const T &)> json;
    std::function<QStringList(const T &, bool csv)> row;
    QStringList csvHeader;
    std::function<QString(qsizetype count)> footer = {}; // the table's last line, if any
};

// Prints the items as an indented JSON array, as CSV under the header, or as a table.
template<typename T>
void printList(Context &c, ListFormat format, const QList<T> &items, const ListColumns<T> &columns)
{
    if (format == ListFormat::Json) {
        QJsonArray a;
        for (const T &item : items)
            a.append(columns.json(item));
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        const bool csv = format == ListFormat::Csv;
        QList<QStringList> rows;
        for (const T &item : items)
            rows << columns.row(item, csv);
        if (csv) {
            printCsv(c.out, columns.csvHeader, rows);
        } else {
            printTable(c.out, rows);
            if (columns.footer)
                c.out << columns.footer(items.size()) << '\n';
        }
    }
    c.out.flush();
}

} // namespace Oobm::Ctl

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/amtsystem.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Oobm::Core {

// What a dynamic collection selects: every condition set must hold. Membership is computed in SQL
// each time it is used (SqlFleetLedger), never copied.
struct CollectionRule
{
    enum class TaskOutcome { Any = 0, LastFailed = 1, LastSucceeded = 2 };

    QList<SystemState> states;                  // empty: any
    QString minVersion;                         // AMT version, inclusive ("3.0"); empty: no bound
    QString maxVersion;                         // inclusive ("3.2.1")
    qint64 profileId = 0;                       // 0: any
    QString fqdnPattern;                        // "*.lab.example.com", without case
    QString ipRange;                            // "10.1.0.0/16" or "10.1.0.5-10.1.0.90"
    int helloOlderThanHours = 0;                // last hello longer ago than this (or never); 0: no bound
    int helloNewerThanHours = 0;                // last hello within this many hours; 0: no bound
    TaskOutcome taskOutcome = TaskOutcome::Any; // the system's last task result
    QString tag;                                // carries this tag

    bool isEmpty() const;
    QString problem() const;  // empty, or what is wrong with one condition
    QString describe() const; // "state Failed, AMT 3.0 to 3.2, tag lab", translated
    QByteArray toJson() const;
    static CollectionRule fromJson(const QByteArray &json);
    bool operator==(const CollectionRule &other) const = default;
};

// Collections group systems for tasks and reports. Static ones list their members (picked by hand
// or imported from UUIDs and FQDNs); dynamic ones are a rule. Built-in collections (one per
// provisioning state, and "Failed in the last 24 hours") have negative ids, are not stored, and
// can be copied but not changed.
struct Collection
{
    enum class Kind { Static = 0, Dynamic = 1 };

    qint64 id = 0;
    QString name;
    QString description;
    Kind kind = Kind::Dynamic;
    CollectionRule rule;     // dynamic
    QStringList members;     // static: the members' UUIDs (when they were asked for)
    qint64 memberCount = -1; // in listings
    QString createdBy;
    QDateTime changed;

    bool isBuiltIn() const { return id < 0; }
    QString problem() const;
    static QList<Collection> builtIns();
    static QString kindName(Kind kind); // "Static", translated
    // The systems a pasted list names (UUIDs or FQDNs, separated by white space, commas or
    // semicolons), each once, compared without case, in the order and spelling first given.
    static QStringList parseMembers(const QString &text);
};

// How a static collection's members change.
enum class MemberChange { Add, Remove, Replace };

// A tag and how many systems carry it.
struct TagCount
{
    QString tag;
    qint64 systems = 0;
};

} // namespace Oobm::Core

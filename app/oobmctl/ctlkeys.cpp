// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlkeys.h"

#include "core/fleet/keyretirement.h"
#include "core/keys/keyledger.h"
#include "core/keys/pidpps.h"

namespace Oobm::Ctl {

using namespace Oobm::Core;

namespace {

bool parseStates(Context &c, QList<KeyState> *states, int *exitCode)
{
    for (const QString &value : c.parser.values(QStringLiteral("state"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            KeyState s;
            if (!keyStateFromKey(part, &s)) {
                *exitCode = usage(c.err,
                                  QStringLiteral("Unknown key state '%1'; use available, exported, "
                                                 "consumed or retired.")
                                          .arg(part));
                return false;
            }
            states->append(s);
        }
    }
    return true;
}

int writeExport(Context &c, Store &store, KeyExportRequest request)
{
    request.actor = AuditActor::current();
    const StoreResult<KeyExportResult> r = store.exportKeys(request).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    for (const QString &w : r.value.warnings)
        c.err << "oobmctl: warning: " << w << '\n';
    c.out << QStringLiteral("Exported %1 to %2 (%3).")
                     .arg(plural(r.value.count, "key", "keys"))
                     .arg(r.value.path, keyExportFormatKey(request.format))
          << '\n';
    c.out.flush();
    c.err.flush();
    return Success;
}

} // namespace

int keysGenerate(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'keys generate' takes options only: -n N --me-password OLD "
                                    "--new-me-password NEW."));
    KeyGenerationRequest request;
    bool ok = false;
    request.count = c.parser.value(QStringLiteral("n")).toInt(&ok);
    if (!c.parser.isSet(QStringLiteral("n")) || !ok)
        return usage(c.err, QStringLiteral("Give the number of keys with -n N (1 to 100000)."));
    request.mePassword = secretOption(c, QStringLiteral("me-password"), "OOBM_ME_PASSWORD", QStringLiteral("admin"));
    request.newMePassword = secretOption(c, QStringLiteral("new-me-password"), "OOBM_NEW_ME_PASSWORD");
    request.actor = AuditActor::current();
    if (const QString problem = request.problem(); !problem.isEmpty())
        return usage(c.err, problem);
    KeyExportFormat format = KeyExportFormat::SetupBinV2;
    const bool exporting = c.parser.isSet(QStringLiteral("export"));
    if (exporting && !keyExportFormatFromKey(c.parser.value(QStringLiteral("format")), &format))
        return usage(c.err, QStringLiteral("--format takes setupbin-v1, setupbin-v2 or csv for an export."));
    int code = Success;
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    const StoreResult<KeyBatchResult> r = store->generateKeys(request).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << QStringLiteral("Generated %1 (batch %2).").arg(plural(r.value.count, "key", "keys")).arg(r.value.batch)
          << '\n';
    if (!exporting)
        return Success;
    KeyExportRequest ex;
    ex.format = format;
    ex.path = c.parser.value(QStringLiteral("export"));
    ex.filter.text = r.value.batch;
    return writeExport(c, *store, ex);
}

int keysList(Context &c)
{
    KeyFilter filter;
    int code = Success;
    ListFormat format;
    QList<KeyRecord> keys;
    if (!parseStates(c, &filter.states, &code) || !listFormat(c, "keys list", &format, &code)
        || !fetchList(
                c, [&](Store &store) { return store.listKeys(filter); }, &keys, &code))
        return code;
    auto when = [](const QDateTime &t) { return t.isValid() ? t.toString(Qt::ISODate) : QString(); };
    if (format == ListFormat::Json) {
        QJsonArray a;
        for (const KeyRecord &k : std::as_const(keys))
            a.append(QJsonObject{{QStringLiteral("pid"), PidPps::formatPid(k.pid)},
                                 {QStringLiteral("state"), keyStateKey(k.state)},
                                 {QStringLiteral("batch"), k.batch},
                                 {QStringLiteral("created"), when(k.created)},
                                 {QStringLiteral("exportedTo"), k.exportedTo},
                                 {QStringLiteral("device"), k.consumedBy}});
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else if (format == ListFormat::Csv) {
        c.out << "PID,State,Batch,Created,Exported to,Device\n";
        for (const KeyRecord &k : std::as_const(keys))
            c.out << PidPps::formatPid(k.pid) << ',' << keyStateKey(k.state) << ',' << k.batch << ',' << when(k.created)
                  << ',' << k.exportedTo << ',' << k.consumedBy << '\n';
    } else {
        for (const KeyRecord &k : std::as_const(keys))
            c.out << PidPps::formatPid(k.pid) << "  " << keyStateName(k.state).leftJustified(10) << "  " << k.batch
                  << "  " << when(k.created)
                  << (k.exportedTo.isEmpty() ? QString() : QStringLiteral("  -> ") + k.exportedTo)
                  << (k.consumedBy.isEmpty() ? QString() : QStringLiteral("  by ") + k.consumedBy) << '\n';
        c.out << plural(keys.size(), "key", "keys") << '\n';
    }
    c.out.flush();
    return Success;
}

int keysExport(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err,
                     QStringLiteral("'keys export' takes one FILE: oobmctl keys export --format "
                                    "setupbin-v2 setup.bin"));
    KeyExportRequest request;
    if (!keyExportFormatFromKey(c.parser.value(QStringLiteral("format")), &request.format))
        return usage(c.err, QStringLiteral("'keys export' --format takes setupbin-v1, setupbin-v2 or csv."));
    request.path = c.args.first();
    int code = Success;
    if (!c.parser.values(QStringLiteral("state")).isEmpty()) {
        request.filter.states.clear();
        if (!parseStates(c, &request.filter.states, &code))
            return code;
    }
    if (c.parser.isSet(QStringLiteral("count"))) {
        bool ok = false;
        request.filter.limit = c.parser.value(QStringLiteral("count")).toInt(&ok);
        if (!ok || request.filter.limit < 1)
            return usage(c.err, QStringLiteral("--count takes a positive number."));
    }
    request.includePasswords = c.parser.isSet(QStringLiteral("include-passwords"));
    if (request.includePasswords && request.format != KeyExportFormat::Csv)
        return usage(c.err,
                     QStringLiteral("--include-passwords is for CSV; a setup.bin always holds the "
                                    "ME passwords."));
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    return writeExport(c, *store, request);
}

int keysImport(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'keys import' takes one FILE (CSV or setup.bin)."));
    int code = Success;
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    const StoreResult<KeyImportReport> r = store->importKeys(c.args.first(), AuditActor::current()).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (!r.value.ok()) {
        c.err << "oobmctl: nothing was imported from " << c.args.first() << ":\n";
        for (const QString &p : r.value.problems)
            c.err << "  " << p << '\n';
        for (const QString &d : r.value.duplicates)
            c.err << "  " << d << '\n';
        c.err.flush();
        return RuntimeError;
    }
    c.out << QStringLiteral("Imported %1 (%2 already consumed).")
                     .arg(plural(r.value.imported, "key", "keys"))
                     .arg(r.value.consumed)
          << '\n';
    c.out.flush();
    return Success;
}

int keysShow(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'keys show' takes one PID."));
    QString problem;
    const QByteArray pid = PidPps::normalizePid(c.args.first(), &problem);
    if (pid.isEmpty())
        return usage(c.err, problem);
    int code = Success;
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    const StoreResult<KeyRecord> r = store->revealKey(pid, AuditActor::current()).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << "PID:                  " << PidPps::formatPid(r.value.pid) << '\n'
          << "PPS:                  " << PidPps::formatPps(r.value.pps) << '\n'
          << "State:                " << keyStateName(r.value.state) << '\n'
          << "ME password:          " << r.value.mePassword << '\n'
          << "New ME password:      " << r.value.newMePassword << '\n';
    c.out.flush();
    return Success;
}

int keysRetire(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err,
                     QStringLiteral("'keys retire' takes options only: --available-older-than DAYS "
                                    "--exported-older-than DAYS --pid PID..."));
    KeyRetirement retirement;
    for (const auto &[option, days] :
         {std::pair{QStringLiteral("available-older-than"), &retirement.availableOlderThanDays},
          std::pair{QStringLiteral("exported-older-than"), &retirement.exportedOlderThanDays}}) {
        if (!c.parser.isSet(option))
            continue;
        bool ok = false;
        *days = c.parser.value(option).toInt(&ok);
        if (!ok || *days < 1 || *days > ServiceSettings::MaxKeyRetirementDays)
            return usage(c.err,
                         QStringLiteral("--%1 takes a number of days from 1 to %2; '%3' is not one.")
                                 .arg(option)
                                 .arg(ServiceSettings::MaxKeyRetirementDays)
                                 .arg(c.parser.value(option)));
    }
    for (const QString &value : c.parser.values(QStringLiteral("pid"))) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            QString problem;
            const QByteArray pid = PidPps::normalizePid(part, &problem);
            if (pid.isEmpty())
                return usage(c.err, problem);
            retirement.pids << pid;
        }
    }
    if (retirement.isEmpty())
        return usage(c.err, retirement.problem());
    int code = Success;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    const StoreResult<int> r =
            store->retireKeys(retirement, AuditActor::current(), QDateTime::currentDateTimeUtc()).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << QStringLiteral("Retired %1 (%2).").arg(plural(r.value, "key", "keys"), retirement.describe()) << '\n';
    c.out.flush();
    return Success;
}

} // namespace Oobm::Ctl

// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlkeyledger.h"

#include "core/keys/keyfile.h"
#include "core/keys/pidpps.h"
#include "core/keys/secretbox.h"
#include "core/store/datakey.h"
#include "core/store/sqllogledger.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::SqlKeyLedger", text);
}

constexpr char CheckPlaintext[] = "oobm data key check";

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

StoreError noSuchKey(const QByteArray &pid)
{
    return StoreError::make(StoreError::Kind::InvalidRequest,
                            tr("There is no key with PID %1 in this database.").arg(PidPps::formatPid(pid)));
}

StoreError undecryptable(const QByteArray &pid)
{
    return StoreError::make(StoreError::Kind::KeysLocked,
                            tr("The key %1 cannot be decrypted: its stored secret was changed outside OOBM.")
                                    .arg(PidPps::formatPid(pid)));
}

} // namespace

SqlKeyLedger::SqlKeyLedger(Context context, SqlLogLedger *log)
    : SqlLedger(std::move(context))
    , m_log(log)
{ }

QByteArray SqlKeyLedger::seal(const QString &secret, const QByteArray &pid) const
{
    return box()->seal(secret.toUtf8(), pid);
}

QString SqlKeyLedger::open(const QByteArray &sealed, const QByteArray &pid, bool *ok) const
{
    if (sealed.isEmpty()) {
        *ok = true;
        return {};
    }
    return QString::fromUtf8(box()->open(sealed, pid, ok));
}

bool SqlKeyLedger::openSecrets(const QSqlQuery &q, int firstColumn, KeyRecord *key) const
{
    bool ok1 = false, ok2 = false, ok3 = false;
    key->pps = box()->open(q.value(firstColumn).toByteArray(), key->pid, &ok1);
    key->mePassword = open(q.value(firstColumn + 1).toByteArray(), key->pid, &ok2);
    key->newMePassword = open(q.value(firstColumn + 2).toByteArray(), key->pid, &ok3);
    return ok1 && ok2 && ok3;
}

StoreResult<DataKeyInfo> SqlKeyLedger::dataKeyInfo()
{
    StoreResult<DataKeyInfo> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('store_id', 'data_key_check')"))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next()) {
        if (q.value(0).toString() == u"store_id")
            r.value.storeId = q.value(1).toString();
        else
            r.value.initialized = true;
    }
    r.value.unlocked = box() != nullptr;
    return r;
}

StoreError SqlKeyLedger::setDataKey(const QByteArray &key, const QString &unavailableReason)
{
    DataKey &dataKey = *m_context.dataKey;
    dataKey.clear(unavailableReason);
    if (key.size() != SecretBox::KeySize)
        return dataKey.lockedError();
    const SecretBox candidate(key);
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'data_key_check'")))
        return queryError(q);
    if (q.next()) {
        bool ok = false;
        candidate.open(QByteArray::fromBase64(q.value(0).toString().toLatin1()), "meta", &ok);
        if (!ok) {
            dataKey.setUnavailableReason(tr("the key given does not decrypt them (it belongs to another database, or "
                                            "it was replaced)."));
            return dataKey.lockedError();
        }
        dataKey.set(candidate);
        return {};
    }
    // First use: record a check value so a wrong key is recognised later.
    QSqlQuery insert(database());
    if (!Sql::prepareAndExec(insert, QStringLiteral("INSERT INTO meta (key, value) VALUES ('data_key_check', ?)"),
                             {QString::fromLatin1(candidate.seal(CheckPlaintext, "meta").toBase64())}))
        return queryError(insert);
    dataKey.set(candidate);
    return {};
}

StoreResult<KeyBatchResult> SqlKeyLedger::generate(const KeyGenerationRequest &request,
                                                   QPromise<StoreResult<KeyBatchResult>> &promise)
{
    StoreResult<KeyBatchResult> r;
    if (!box()) {
        r.error = locked();
        return r;
    }
    if (const QString problem = request.problem(); !problem.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest, problem);
        return r;
    }
    promise.setProgressRange(0, request.count);
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    const QString batch = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8).toUpper();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery insert(database());
    if (!insert.prepare(QStringLiteral("INSERT INTO security_keys (pid, pps, state, batch, created_ms, me_password, "
                                       "new_me_password) VALUES (?, ?, 0, ?, ?, ?, ?) ON CONFLICT (pid) DO NOTHING"))) {
        r.error = queryError(insert);
        return r;
    }
    int made = 0;
    while (made < request.count) {
        if (promise.isCanceled()) {
            r.error = StoreError::make(StoreError::Kind::Cancelled, tr("Generation was cancelled; no keys were kept."));
            return r;
        }
        const QByteArray pid = PidPps::generatePid();
        insert.addBindValue(QString::fromLatin1(pid));
        insert.addBindValue(box()->seal(PidPps::generatePps(), pid));
        insert.addBindValue(batch);
        insert.addBindValue(now);
        insert.addBindValue(seal(request.mePassword, pid));
        insert.addBindValue(seal(request.newMePassword, pid));
        if (!insert.exec()) {
            r.error = queryError(insert);
            return r;
        }
        if (insert.numRowsAffected() != 1)
            continue; // a PID already in the store: draw another (PIDs are unique)
        ++made;
        if (made % 500 == 0 || made == request.count)
            promise.setProgressValue(made);
    }
    if (StoreError e = m_log->insertAudit(request.actor, QStringLiteral("generate"), made, {},
                                          tr("batch %1").arg(batch))) {
        r.error = e;
        return r;
    }
    if (StoreError e = t.commit()) {
        r.error = e;
        return r;
    }
    r.value = {batch, made};
    return r;
}

StoreResult<QList<KeyRecord>> SqlKeyLedger::list(const KeyFilter &filter)
{
    StoreResult<QList<KeyRecord>> r;
    QStringList where;
    QVariantList binds;
    if (!filter.states.isEmpty())
        where << Sql::inList(QStringLiteral("state"), filter.states, &binds);
    if (!filter.text.isEmpty()) {
        where << QStringLiteral("(pid LIKE ? OR batch LIKE ?)");
        const QString t = u'%' + QString(filter.text).remove(u'-').toUpper() + u'%';
        binds << t << t;
    }
    QString sql = QStringLiteral("SELECT pid, state, batch, created_ms, exported_file, exported_format, exported_by, "
                                 "exported_ms, consumed_by, consumed_ms FROM security_keys");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!Sql::prepareAndExec(q, sql, binds)) {
        r.error = queryError(q);
        return r;
    }
    while (q.next()) {
        KeyRecord k;
        k.pid = q.value(0).toString().toLatin1();
        k.state = KeyState(q.value(1).toInt());
        k.batch = q.value(2).toString();
        k.created = fromMs(q.value(3));
        k.exportedTo = q.value(4).toString();
        k.exportFormat = q.value(5).toString();
        k.exportedBy = q.value(6).toString();
        k.exported = fromMs(q.value(7));
        k.consumedBy = q.value(8).toString();
        k.consumed = fromMs(q.value(9));
        r.value.append(k);
    }
    return r;
}

StoreResult<KeyRecord> SqlKeyLedger::reveal(const QByteArray &pid, const AuditActor &actor)
{
    StoreResult<KeyRecord> r;
    if (!box()) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT pps, me_password, new_me_password, state, batch FROM "
                                            "security_keys WHERE pid = ?"),
                             {QString::fromLatin1(pid)})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next()) {
        r.error = noSuchKey(pid);
        return r;
    }
    KeyRecord key;
    key.pid = pid;
    key.state = KeyState(q.value(3).toInt());
    key.batch = q.value(4).toString();
    if (!openSecrets(q, 0, &key)) {
        r.error = undecryptable(pid);
        return r;
    }
    // In a transaction of its own, like every audit entry (see Sql::lockForAppend).
    Sql::Transaction t = transaction();
    StoreError e = t.error();
    if (!e)
        e = m_log->insertAudit(actor, QStringLiteral("show"), 1, {}, tr("PPS of PID %1").arg(PidPps::formatPid(pid)));
    if (!e)
        e = t.commit();
    if (e)
        r.error = e;
    else
        r.value = key;
    return r;
}

StoreResult<int> SqlKeyLedger::retire(const KeyRetirement &retirement, const AuditActor &actor, const QDateTime &now)
{
    StoreResult<int> r;
    if (const QString problem = retirement.problem(); !problem.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest, problem);
        return r;
    }
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    // The candidates (keys that are neither Consumed nor Retired yet), and the named ones whatever
    // their state, so that a name that cannot be retired is reported; the policy decides.
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("SELECT pid, state, created_ms, exported_ms, assigned_to FROM security_keys "
                               "WHERE state IN (?, ?)%1")
                        .arg(isPostgreSql() ? QStringLiteral(" FOR UPDATE") : QString()),
                {int(KeyState::Available), int(KeyState::Exported)})) {
        r.error = queryError(q);
        return r;
    }
    QHash<QByteArray, QString> reasons;
    QSet<QByteArray> candidates;
    while (q.next()) {
        KeyRecord key;
        key.pid = q.value(0).toString().toLatin1();
        key.state = KeyState(q.value(1).toInt());
        key.created = fromMs(q.value(2));
        key.exported = fromMs(q.value(3));
        key.assignedTo = q.value(4).toString();
        candidates.insert(key.pid);
        if (const QString why = retirement.reason(key, now); !why.isEmpty())
            reasons.insert(key.pid, why);
    }
    QStringList refused;
    for (const QByteArray &pid : retirement.pids) {
        if (!reasons.contains(pid))
            refused << PidPps::formatPid(pid);
    }
    if (!refused.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("These keys are unknown, consumed, retired already or reserved for a device "
                                      "being provisioned, and are not retired: %1. Nothing was retired.")
                                           .arg(refused.join(QStringLiteral(", "))));
        return r;
    }
    if (reasons.isEmpty())
        return r;
    QSqlQuery mark(database());
    if (!mark.prepare(QStringLiteral("UPDATE security_keys SET state = ?, retired_ms = ? WHERE pid = ? AND state IN "
                                     "(?, ?)"))) {
        r.error = queryError(mark);
        return r;
    }
    QList<QByteArray> pids = reasons.keys();
    std::sort(pids.begin(), pids.end());
    for (const QByteArray &pid : std::as_const(pids)) {
        mark.addBindValue(int(KeyState::Retired));
        mark.addBindValue(now.toMSecsSinceEpoch());
        mark.addBindValue(QString::fromLatin1(pid));
        mark.addBindValue(int(KeyState::Available));
        mark.addBindValue(int(KeyState::Exported));
        if (!mark.exec()) {
            r.error = queryError(mark);
            return r;
        }
    }
    QStringList named;
    for (const QByteArray &pid : pids.mid(0, 20))
        named << PidPps::formatPid(pid);
    const QString details = tr("%1: %2%3")
                                    .arg(retirement.describe(), named.join(QStringLiteral(", ")),
                                         pids.size() > 20 ? tr(" and %1 more").arg(pids.size() - 20) : QString());
    if (StoreError e = m_log->insertAudit(actor, QStringLiteral("retire"), int(pids.size()), {}, details)) {
        r.error = e;
        return r;
    }
    if (StoreError e = t.commit()) {
        r.error = e;
        return r;
    }
    r.value = int(pids.size());
    return r;
}

StoreResult<KeyExportResult> SqlKeyLedger::exportKeys(const KeyExportRequest &request)
{
    StoreResult<KeyExportResult> r;
    if (!box()) {
        r.error = locked();
        return r;
    }
    if (request.path.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest, tr("Name the file to export to."));
        return r;
    }
    QList<QByteArray> pids = request.pids;
    if (pids.isEmpty()) {
        const auto selected = list(request.filter);
        if (!selected.ok()) {
            r.error = selected.error;
            return r;
        }
        for (const KeyRecord &k : selected.value)
            pids << k.pid;
    }
    if (pids.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("There are no keys to export: generate or import some first."));
        return r;
    }
    // setup.bin 2.1 names the provisioning server when Service Location sets one.
    QHostAddress server = request.provisioningServer;
    quint16 serverPort = request.provisioningPort;
    if (server.isNull() && request.format != KeyExportFormat::Csv) {
        QSqlQuery setting(database());
        if (Sql::prepareAndExec(setting, QStringLiteral("SELECT value FROM service_settings WHERE key = ?"),
                                {QStringLiteral("setup-server-address")})
            && setting.next()) {
            const QString text = setting.value(0).toString();
            server = QHostAddress(text.section(u':', 0, 0));
            serverPort = text.contains(u':') ? quint16(text.section(u':', 1).toUInt()) : quint16(9971);
        }
    }
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery q(database());
    if (!q.prepare(
                QStringLiteral("SELECT pps, me_password, new_me_password, state FROM security_keys WHERE pid = ?"))) {
        r.error = queryError(q);
        return r;
    }
    QList<KeyFileEntry> entries;
    for (const QByteArray &pid : std::as_const(pids)) {
        q.addBindValue(QString::fromLatin1(pid));
        if (!q.exec() || !q.next()) {
            r.error = noSuchKey(pid);
            return r;
        }
        const KeyState state = KeyState(q.value(3).toInt());
        if (state == KeyState::Consumed || state == KeyState::Retired) {
            r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                       tr("The key %1 is %2 and is never exported again.")
                                               .arg(PidPps::formatPid(pid), keyStateName(state).toLower()));
            return r;
        }
        KeyRecord key;
        key.pid = pid;
        if (!openSecrets(q, 0, &key)) {
            r.error = undecryptable(pid);
            return r;
        }
        entries.append({{}, key.pid, key.pps, key.mePassword, key.newMePassword, false});
    }
    QByteArray bytes;
    if (request.format == KeyExportFormat::Csv) {
        bytes = KeyFile::csv(entries, request.includePasswords);
    } else {
        QString why;
        bytes = KeyFile::setupBin(request.format == KeyExportFormat::SetupBinV1 ? 1 : 2, entries, server, serverPort,
                                  &why, &r.value.warnings);
        if (bytes.isEmpty()) {
            r.error = StoreError::make(StoreError::Kind::InvalidRequest, why);
            return r;
        }
    }
    QSqlQuery mark(database());
    if (!mark.prepare(QStringLiteral("UPDATE security_keys SET state = 1, exported_file = ?, exported_format = ?, "
                                     "exported_by = ?, exported_ms = ? WHERE pid = ? AND state IN (0, 1)"))) {
        r.error = queryError(mark);
        return r;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString file = QFileInfo(request.path).absoluteFilePath();
    for (const QByteArray &pid : std::as_const(pids)) {
        mark.addBindValue(file);
        mark.addBindValue(keyExportFormatKey(request.format));
        mark.addBindValue(request.actor.user);
        mark.addBindValue(now);
        mark.addBindValue(QString::fromLatin1(pid));
        if (!mark.exec()) {
            r.error = queryError(mark);
            return r;
        }
    }
    if (StoreError e = m_log->insertAudit(
                request.actor, QStringLiteral("export"), int(pids.size()), file,
                keyExportFormatKey(request.format)
                        + (request.includePasswords ? tr(", with ME passwords") : QString()))) {
        r.error = e;
        return r;
    }
    // The file first, then the ledger: if the file cannot be written nothing is marked; if the
    // commit fails the file is removed again.
    if (QString why; !KeyFile::writeAtomically(file, bytes, &why)) {
        r.error = StoreError::make(StoreError::Kind::FileError, why);
        return r;
    }
    if (StoreError e = t.commit()) {
        QFile::remove(file);
        r.error = e;
        return r;
    }
    r.value.count = int(pids.size());
    r.value.path = file;
    return r;
}

StoreResult<KeyImportReport> SqlKeyLedger::importKeys(const QString &path, const AuditActor &actor)
{
    StoreResult<KeyImportReport> r;
    if (!box()) {
        r.error = locked();
        return r;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.error = StoreError::make(StoreError::Kind::FileError, tr("Cannot read %1: %2").arg(path, f.errorString()));
        return r;
    }
    KeyFileContents contents;
    if (QString why; !KeyFile::read(f.readAll(), &contents, &why)) {
        r.error = StoreError::make(StoreError::Kind::FileError,
                                   tr("%1 is neither a CSV file nor a setup.bin: %2").arg(path, why));
        return r;
    }
    r.value.problems = contents.problems;

    QSet<QByteArray> seen;
    {
        QSqlQuery existing(database());
        existing.setForwardOnly(true);
        if (!existing.exec(QStringLiteral("SELECT pid FROM security_keys"))) {
            r.error = queryError(existing);
            return r;
        }
        while (existing.next())
            seen.insert(existing.value(0).toString().toLatin1());
    }
    QSet<QByteArray> inFile;
    for (const KeyFileEntry &e : std::as_const(contents.entries)) {
        if (seen.contains(e.pid))
            r.value.duplicates << tr("%1: PID %2 is already in the store").arg(e.where, PidPps::formatPid(e.pid));
        else if (inFile.contains(e.pid))
            r.value.duplicates << tr("%1: PID %2 appears twice in the file").arg(e.where, PidPps::formatPid(e.pid));
        inFile.insert(e.pid);
    }
    if (!r.value.ok())
        return r; // all or nothing: a report, and nothing imported

    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    const QString batch = tr("import %1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8).toUpper());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery insert(database());
    if (!insert.prepare(
                QStringLiteral("INSERT INTO security_keys (pid, pps, state, batch, created_ms, me_password, "
                               "new_me_password, consumed_by, consumed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
        r.error = queryError(insert);
        return r;
    }
    const QVariant noText(QMetaType::fromType<QString>());
    for (const KeyFileEntry &e : std::as_const(contents.entries)) {
        insert.addBindValue(QString::fromLatin1(e.pid));
        insert.addBindValue(box()->seal(e.pps, e.pid));
        insert.addBindValue(int(e.consumed ? KeyState::Consumed : KeyState::Available));
        insert.addBindValue(batch);
        insert.addBindValue(now);
        insert.addBindValue(e.mePassword.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                                   : QVariant(seal(e.mePassword, e.pid)));
        insert.addBindValue(e.newMePassword.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                                      : QVariant(seal(e.newMePassword, e.pid)));
        insert.addBindValue(e.consumed ? QVariant(tr("unknown device (consumed in %1)").arg(QFileInfo(path).fileName()))
                                       : noText);
        insert.addBindValue(e.consumed ? QVariant(now) : QVariant(QMetaType::fromType<qlonglong>()));
        if (!insert.exec()) {
            r.error = queryError(insert);
            return r;
        }
        r.value.imported += 1;
        r.value.consumed += e.consumed ? 1 : 0;
    }
    if (StoreError e = m_log->insertAudit(actor, QStringLiteral("import"), r.value.imported,
                                          QFileInfo(path).absoluteFilePath(), batch)) {
        r.error = e;
        return r;
    }
    r.error = t.commit();
    return r;
}

StoreResult<int> SqlKeyLedger::deleteKeys(const QList<QByteArray> &pids, const AuditActor &actor)
{
    StoreResult<int> r;
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QSqlQuery q(database());
    QSqlQuery del(database());
    if (!q.prepare(QStringLiteral("SELECT state FROM security_keys WHERE pid = ?"))) {
        r.error = queryError(q);
        return r;
    }
    if (!del.prepare(QStringLiteral("DELETE FROM security_keys WHERE pid = ? AND state = 0"))) {
        r.error = queryError(del);
        return r;
    }
    for (const QByteArray &pid : pids) {
        q.addBindValue(QString::fromLatin1(pid));
        if (!q.exec() || !q.next()) {
            r.error = noSuchKey(pid);
            return r;
        }
        if (const KeyState state = KeyState(q.value(0).toInt()); state != KeyState::Available) {
            r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                       tr("The key %1 is %2; only available keys can be deleted.")
                                               .arg(PidPps::formatPid(pid), keyStateName(state).toLower()));
            return r;
        }
        del.addBindValue(QString::fromLatin1(pid));
        if (!del.exec()) {
            r.error = queryError(del);
            return r;
        }
        ++r.value;
    }
    if (StoreError e = m_log->insertAudit(actor, QStringLiteral("delete"), r.value, {}, {})) {
        r.error = e;
        return r;
    }
    r.error = t.commit();
    return r;
}

StoreResult<QList<AuditEntry>> SqlKeyLedger::audit(int limit)
{
    StoreResult<QList<AuditEntry>> r;
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT id, time_ms, user_name, host, action, count, file, details FROM "
                                            "security_audit ORDER BY id DESC LIMIT %1")
                                     .arg(qMax(1, limit)))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value.append({q.value(0).toLongLong(), fromMs(q.value(1)), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toInt(), q.value(6).toString(), q.value(7).toString()});
    return r;
}

StoreResult<KeyRecord> SqlKeyLedger::keyForProvisioning(const QByteArray &pid, bool *readable)
{
    StoreResult<KeyRecord> r;
    *readable = true;
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT pps, me_password, new_me_password, state, consumed_by, assigned_to "
                                            "FROM security_keys WHERE pid = ?"),
                             {QString::fromLatin1(pid)})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next())
        return r;
    r.value.pid = pid;
    r.value.state = KeyState(q.value(3).toInt());
    r.value.consumedBy = q.value(4).toString();
    r.value.assignedTo = q.value(5).toString();
    *readable = box() && openSecrets(q, 0, &r.value);
    return r;
}

StoreResult<KeyRecord> SqlKeyLedger::nextKeyFor(const QString &uuid, const QByteArray &exceptPid, bool *readable)
{
    StoreResult<KeyRecord> r;
    *readable = true;
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT pid, pps FROM security_keys WHERE assigned_to = ? AND state = 0 "
                                            "AND pid <> ? ORDER BY id LIMIT 1"),
                             {uuid, exceptPid.isEmpty() ? QStringLiteral("") : QString::fromLatin1(exceptPid)})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next()) {
        if (!Sql::prepareAndExec(
                    q,
                    QStringLiteral("SELECT pid, pps FROM security_keys WHERE state = 0 AND "
                                   "assigned_to IS NULL ORDER BY id LIMIT 1%1")
                            .arg(isPostgreSql() ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString()))) {
            r.error = queryError(q);
            return r;
        }
        if (!q.next())
            return r;
    }
    r.value.pid = q.value(0).toString().toLatin1();
    bool ok = false;
    if (box())
        r.value.pps = box()->open(q.value(1).toByteArray(), r.value.pid, &ok);
    *readable = ok;
    return r;
}

StoreError SqlKeyLedger::reserve(const QByteArray &pid, const QString &uuid, bool onlyIfFree)
{
    const auto r = execCount(QStringLiteral("UPDATE security_keys SET assigned_to = ? WHERE pid = ?%1")
                                     .arg(onlyIfFree ? QStringLiteral(" AND assigned_to IS NULL") : QString()),
                             {uuid, QString::fromLatin1(pid)});
    return r.error;
}

StoreError SqlKeyLedger::consume(const QByteArray &pid, const QString &uuid, qint64 nowMs)
{
    const auto r = execCount(QStringLiteral("UPDATE security_keys SET state = ?, consumed_by = ?, consumed_ms = ?, "
                                            "assigned_to = ? WHERE pid = ?"),
                             {int(KeyState::Consumed), uuid, nowMs, uuid, QString::fromLatin1(pid)});
    return r.error;
}

} // namespace Oobm::Core

// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlkeyledger.h"

#include "core/keys/pidpps.h"
#include "core/keys/setupbin.h"
#include "core/store/sqlhelpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QUuid>
#include <QVariant>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::SqlKeyLedger", text);
}

constexpr char CheckPlaintext[] = "oobm data key check";
constexpr int LargeSetupBin = 1000; // each record delays the client's POST (FEATURES.md)

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// Writes to a temporary name in the same folder, then renames: a reader never sees half a file.
StoreError writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!QFileInfo(info.absolutePath()).isDir())
        return StoreError::make(
                StoreError::Kind::FileError,
                tr("The folder %1 does not exist. Choose an existing folder.").arg(info.absolutePath()));
    QTemporaryFile tmp(info.absoluteFilePath() + QStringLiteral(".XXXXXX.tmp"));
    tmp.setAutoRemove(true);
    if (!tmp.open())
        return StoreError::make(StoreError::Kind::FileError,
                                tr("Cannot write in %1: %2").arg(info.absolutePath(), tmp.errorString()));
    tmp.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // secrets: mode 0600
    if (tmp.write(bytes) != bytes.size() || !tmp.flush())
        return StoreError::make(StoreError::Kind::FileError, tr("Cannot write %1: %2").arg(path, tmp.errorString()));
    QFile::remove(path);
    if (!tmp.rename(path))
        return StoreError::make(StoreError::Kind::FileError, tr("Cannot create %1: %2").arg(path, tmp.errorString()));
    tmp.setAutoRemove(false);
    return {};
}

} // namespace

SqlKeyLedger::SqlKeyLedger(const QString &connectionName, Schema::Dialect dialect, MapError mapError)
    : m_connectionName(connectionName)
    , m_dialect(dialect)
    , m_mapError(std::move(mapError))
{ }

StoreError SqlKeyLedger::locked() const
{
    return StoreError::make(
            StoreError::Kind::KeysLocked,
            tr("The security keys in this database are encrypted with a key that "
               "is not available on "
               "this machine: %1")
                    .arg(m_unavailableReason.isEmpty() ? tr("no data key was given.") : m_unavailableReason));
}

StoreError SqlKeyLedger::begin()
{
    return Sql::begin(m_connectionName, m_dialect, m_mapError);
}

StoreError SqlKeyLedger::commit()
{
    return Sql::commit(m_connectionName, m_mapError);
}

void SqlKeyLedger::rollback()
{
    Sql::rollback(m_connectionName);
}

QByteArray SqlKeyLedger::seal(const QString &secret, const QByteArray &pid) const
{
    return m_box.seal(secret.toUtf8(), pid);
}

QString SqlKeyLedger::open(const QByteArray &sealed, const QByteArray &pid, bool *ok) const
{
    if (sealed.isEmpty()) {
        *ok = true;
        return {};
    }
    return QString::fromUtf8(m_box.open(sealed, pid, ok));
}

StoreError SqlKeyLedger::writeAudit(const AuditActor &actor, const QString &action, int count, const QString &file,
                                    const QString &details)
{
    if (QSqlError e; !Sql::lockForAppend(m_connectionName, m_dialect, Sql::AppendTable::Audit, &e))
        return m_mapError(e);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(
                q,
                QStringLiteral("INSERT INTO security_audit (time_ms, user_name, host, action, count, "
                               "file, details) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {QDateTime::currentMSecsSinceEpoch(), actor.user.isEmpty() ? QStringLiteral("unknown") : actor.user,
                 actor.host.isEmpty() ? QStringLiteral("unknown") : actor.host, action, count,
                 file.isNull() ? QStringLiteral("") : file, details.isNull() ? QStringLiteral("") : details}))
        return m_mapError(q.lastError());
    return {};
}

StoreResult<DataKeyInfo> SqlKeyLedger::dataKeyInfo()
{
    StoreResult<DataKeyInfo> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('store_id', 'data_key_check')"))) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    while (q.next()) {
        if (q.value(0).toString() == u"store_id")
            r.value.storeId = q.value(1).toString();
        else
            r.value.initialized = true;
    }
    r.value.unlocked = m_box.isValid();
    return r;
}

StoreError SqlKeyLedger::setDataKey(const QByteArray &key, const QString &unavailableReason)
{
    m_box = SecretBox();
    m_unavailableReason = unavailableReason;
    if (key.size() != SecretBox::KeySize)
        return locked();
    const SecretBox box(key);
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'data_key_check'")))
        return m_mapError(q.lastError());
    if (q.next()) {
        bool ok = false;
        box.open(QByteArray::fromBase64(q.value(0).toString().toLatin1()), "meta", &ok);
        if (!ok) {
            m_unavailableReason = tr("the key given does not decrypt them (it belongs to another "
                                     "database, or it was "
                                     "replaced).");
            return locked();
        }
        m_box = box;
        return {};
    }
    // First use: record a check value so a wrong key is recognised later.
    QSqlQuery insert(db);
    if (!Sql::prepareAndExec(insert, QStringLiteral("INSERT INTO meta (key, value) VALUES ('data_key_check', ?)"),
                             {QString::fromLatin1(box.seal(CheckPlaintext, "meta").toBase64())}))
        return m_mapError(insert.lastError());
    m_box = box;
    return {};
}

StoreResult<KeyBatchResult> SqlKeyLedger::generate(const KeyGenerationRequest &request,
                                                   QPromise<StoreResult<KeyBatchResult>> &promise)
{
    StoreResult<KeyBatchResult> r;
    if (!m_box.isValid()) {
        r.error = locked();
        return r;
    }
    if (const QString problem = request.problem(); !problem.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest, problem);
        return r;
    }
    promise.setProgressRange(0, request.count);
    if (StoreError e = begin()) {
        r.error = e;
        return r;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QString batch = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8).toUpper();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery insert(db);
    const QString conflict = QStringLiteral(" ON CONFLICT (pid) DO NOTHING");
    if (!insert.prepare(QStringLiteral("INSERT INTO security_keys (pid, pps, state, batch, created_ms, "
                                       "me_password, new_me_password) "
                                       "VALUES (?, ?, 0, ?, ?, ?, ?)")
                        + conflict)) {
        r.error = m_mapError(insert.lastError());
        rollback();
        return r;
    }
    int made = 0;
    while (made < request.count) {
        if (promise.isCanceled()) {
            rollback();
            r.error = StoreError::make(StoreError::Kind::Cancelled, tr("Generation was cancelled; no keys were kept."));
            return r;
        }
        const QByteArray pid = PidPps::generatePid();
        insert.addBindValue(QString::fromLatin1(pid));
        insert.addBindValue(m_box.seal(PidPps::generatePps(), pid));
        insert.addBindValue(batch);
        insert.addBindValue(now);
        insert.addBindValue(seal(request.mePassword, pid));
        insert.addBindValue(seal(request.newMePassword, pid));
        if (!insert.exec()) {
            r.error = m_mapError(insert.lastError());
            rollback();
            return r;
        }
        if (insert.numRowsAffected() != 1)
            continue; // a PID already in the store: draw another (PIDs are unique)
        ++made;
        if (made % 500 == 0 || made == request.count)
            promise.setProgressValue(made);
    }
    if (StoreError e = writeAudit(request.actor, QStringLiteral("generate"), made, {}, tr("batch %1").arg(batch))) {
        rollback();
        r.error = e;
        return r;
    }
    if (StoreError e = commit()) {
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
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!Sql::prepareAndExec(q, sql, binds)) {
        r.error = m_mapError(q.lastError());
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
    if (!m_box.isValid()) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT pps, me_password, new_me_password, state, batch FROM "
                                            "security_keys WHERE pid = ?"),
                             {QString::fromLatin1(pid)})) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    if (!q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("There is no key with PID %1 in this database.").arg(PidPps::formatPid(pid)));
        return r;
    }
    bool ok1 = false, ok2 = false, ok3 = false;
    r.value.pid = pid;
    r.value.pps = m_box.open(q.value(0).toByteArray(), pid, &ok1);
    r.value.mePassword = open(q.value(1).toByteArray(), pid, &ok2);
    r.value.newMePassword = open(q.value(2).toByteArray(), pid, &ok3);
    r.value.state = KeyState(q.value(3).toInt());
    r.value.batch = q.value(4).toString();
    if (!ok1 || !ok2 || !ok3) {
        r.value = {};
        r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                   tr("The key %1 cannot be decrypted: its stored secret was changed outside OOBM.")
                                           .arg(PidPps::formatPid(pid)));
        return r;
    }
    // In a transaction of its own, like every audit entry (see Sql::lockForAppend).
    StoreError e = begin();
    if (!e)
        e = writeAudit(actor, QStringLiteral("show"), 1, {}, tr("PPS of PID %1").arg(PidPps::formatPid(pid)));
    if (!e)
        e = commit();
    else
        rollback();
    if (e) {
        r.value = {};
        r.error = e;
    }
    return r;
}

StoreResult<KeyExportResult> SqlKeyLedger::exportKeys(const KeyExportRequest &request)
{
    StoreResult<KeyExportResult> r;
    if (!m_box.isValid()) {
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
        QSqlQuery setting(QSqlDatabase::database(m_connectionName, false));
        if (Sql::prepareAndExec(setting, QStringLiteral("SELECT value FROM service_settings WHERE key = ?"),
                                {QStringLiteral("setup-server-address")})
            && setting.next()) {
            const QString text = setting.value(0).toString();
            server = QHostAddress(text.section(u':', 0, 0));
            serverPort = text.contains(u':') ? quint16(text.section(u':', 1).toUInt()) : quint16(9971);
        }
    }
    if (StoreError e = begin()) {
        r.error = e;
        return r;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("SELECT pps, me_password, new_me_password, state FROM "
                                  "security_keys WHERE pid = ?"))) {
        r.error = m_mapError(q.lastError());
        rollback();
        return r;
    }
    QList<SetupBinRecord> records;
    QByteArray csv = request.includePasswords ? QByteArray("PID,PPS,ME password,New ME password\n")
                                              : QByteArray("PID,PPS\n");
    for (const QByteArray &pid : std::as_const(pids)) {
        q.addBindValue(QString::fromLatin1(pid));
        if (!q.exec() || !q.next()) {
            rollback();
            r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                       tr("There is no key with PID %1 in this database.").arg(PidPps::formatPid(pid)));
            return r;
        }
        const KeyState state = KeyState(q.value(3).toInt());
        if (state == KeyState::Consumed || state == KeyState::Retired) {
            rollback();
            r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                       tr("The key %1 is %2 and is never exported again.")
                                               .arg(PidPps::formatPid(pid), keyStateName(state).toLower()));
            return r;
        }
        bool ok1 = false, ok2 = false, ok3 = false;
        const QByteArray pps = m_box.open(q.value(0).toByteArray(), pid, &ok1);
        const QString me = open(q.value(1).toByteArray(), pid, &ok2);
        const QString newMe = open(q.value(2).toByteArray(), pid, &ok3);
        if (!ok1 || !ok2 || !ok3) {
            rollback();
            r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                       tr("The key %1 cannot be decrypted: its stored secret was "
                                          "changed outside OOBM.")
                                               .arg(PidPps::formatPid(pid)));
            return r;
        }
        if (request.format == KeyExportFormat::Csv) {
            csv += PidPps::formatPid(pid).toLatin1() + ',' + PidPps::formatPps(pps).toLatin1();
            if (request.includePasswords)
                csv += ',' + me.toUtf8() + ',' + newMe.toUtf8();
            csv += '\n';
        } else {
            SetupBinRecord rec;
            rec.currentMePassword = me.isEmpty() ? QStringLiteral("admin") : me;
            rec.newMePassword = newMe;
            rec.pid = pid;
            rec.pps = pps;
            rec.provisioningServer = server;
            rec.provisioningPort = server.isNull() ? quint16(0) : serverPort;
            records.append(rec);
        }
    }
    QByteArray bytes = csv;
    if (request.format != KeyExportFormat::Csv) {
        SetupBin bin;
        bin.major = request.format == KeyExportFormat::SetupBinV1 ? 1 : 2;
        bin.records = records;
        QString why;
        bytes = bin.encode(&why);
        if (bytes.isEmpty()) {
            rollback();
            r.error = StoreError::make(StoreError::Kind::InvalidRequest, tr("Cannot build the setup.bin: %1").arg(why));
            return r;
        }
        if (records.size() > LargeSetupBin)
            r.value.warnings << tr("The setup.bin holds %1 records. A client reads every record at "
                                   "boot; more than "
                                   "1,000 delays its start by 15 seconds or more. Consider several "
                                   "smaller files.")
                                        .arg(records.size());
    }
    QSqlQuery mark(db);
    if (!mark.prepare(QStringLiteral("UPDATE security_keys SET state = 1, exported_file = ?, "
                                     "exported_format = ?, exported_by = ?, "
                                     "exported_ms = ? WHERE pid = ? AND state IN (0, 1)"))) {
        r.error = m_mapError(mark.lastError());
        rollback();
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
            r.error = m_mapError(mark.lastError());
            rollback();
            return r;
        }
    }
    if (StoreError e = writeAudit(request.actor, QStringLiteral("export"), int(pids.size()), file,
                                  keyExportFormatKey(request.format)
                                          + (request.includePasswords ? tr(", with ME passwords") : QString()))) {
        rollback();
        r.error = e;
        return r;
    }
    // The file first, then the ledger: if the file cannot be written nothing is marked; if the
    // commit fails the file is removed again.
    if (StoreError e = writeFileAtomically(file, bytes)) {
        rollback();
        r.error = e;
        return r;
    }
    if (StoreError e = commit()) {
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
    if (!m_box.isValid()) {
        r.error = locked();
        return r;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.error = StoreError::make(StoreError::Kind::FileError, tr("Cannot read %1: %2").arg(path, f.errorString()));
        return r;
    }
    const QByteArray bytes = f.readAll();
    struct Row
    {
        QString where;
        QByteArray pid;
        QByteArray pps;
        QString me;
        QString newMe;
        bool consumed = false;
    };
    QList<Row> rows;
    QString why;
    const auto bin = SetupBin::decode(bytes, &why);
    const bool looksLikeSetupBin = bytes.size() >= SetupBin::ChunkSize && bytes.left(16).count('\0') < 16 && bin;
    if (looksLikeSetupBin) {
        for (const SetupBinRecord &rec : bin->records) {
            Row row{tr("record %1").arg(rec.recordNumber),
                    {},
                    {},
                    rec.currentMePassword,
                    rec.newMePassword,
                    rec.consumed};
            QString problem;
            row.pid = PidPps::normalizePid(QString::fromLatin1(rec.pid), &problem);
            if (!row.pid.isEmpty())
                row.pps = PidPps::normalizePps(QString::fromLatin1(rec.pps), &problem);
            if (row.pid.isEmpty() || row.pps.isEmpty())
                r.value.problems << row.where + QStringLiteral(": ") + problem;
            else
                rows << row;
        }
    } else if (bytes.size() >= 16 && bytes.contains('\0')) {
        r.error = StoreError::make(StoreError::Kind::FileError,
                                   tr("%1 is neither a CSV file nor a setup.bin: %2").arg(path, why));
        return r;
    } else {
        int line = 0;
        for (const QByteArray &raw : bytes.split('\n')) {
            ++line;
            const QString text = QString::fromUtf8(raw).trimmed();
            if (text.isEmpty() || text.startsWith(u'#') || text.startsWith(QStringLiteral("PID"), Qt::CaseInsensitive))
                continue;
            const QStringList fields = text.split(u',');
            Row row{tr("line %1").arg(line), {}, {}, {}, {}, false};
            if (fields.size() < 2) {
                r.value.problems << row.where + QStringLiteral(": ")
                                + tr("expected PID,PPS[,ME password,new ME password]");
                continue;
            }
            QString problem;
            row.pid = PidPps::normalizePid(fields.at(0), &problem);
            if (!row.pid.isEmpty())
                row.pps = PidPps::normalizePps(fields.at(1), &problem);
            if (row.pid.isEmpty() || row.pps.isEmpty()) {
                r.value.problems << row.where + QStringLiteral(": ") + problem;
                continue;
            }
            row.me = fields.value(2).trimmed();
            row.newMe = fields.value(3).trimmed();
            rows << row;
        }
    }
    if (rows.isEmpty() && r.value.problems.isEmpty())
        r.value.problems << tr("the file holds no keys");

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSet<QByteArray> seen;
    {
        QSqlQuery existing(db);
        existing.setForwardOnly(true);
        if (!existing.exec(QStringLiteral("SELECT pid FROM security_keys"))) {
            r.error = m_mapError(existing.lastError());
            return r;
        }
        while (existing.next())
            seen.insert(existing.value(0).toString().toLatin1());
    }
    QSet<QByteArray> inFile;
    for (const Row &row : std::as_const(rows)) {
        if (seen.contains(row.pid))
            r.value.duplicates << tr("%1: PID %2 is already in the store").arg(row.where, PidPps::formatPid(row.pid));
        else if (inFile.contains(row.pid))
            r.value.duplicates << tr("%1: PID %2 appears twice in the file").arg(row.where, PidPps::formatPid(row.pid));
        inFile.insert(row.pid);
    }
    if (!r.value.ok())
        return r; // all or nothing: a report, and nothing imported

    if (StoreError e = begin()) {
        r.error = e;
        return r;
    }
    const QString batch = tr("import %1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8).toUpper());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO security_keys (pid, pps, state, batch, created_ms, "
                                       "me_password, new_me_password, "
                                       "consumed_by, consumed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
        r.error = m_mapError(insert.lastError());
        rollback();
        return r;
    }
    for (const Row &row : std::as_const(rows)) {
        insert.addBindValue(QString::fromLatin1(row.pid));
        insert.addBindValue(m_box.seal(row.pps, row.pid));
        insert.addBindValue(int(row.consumed ? KeyState::Consumed : KeyState::Available));
        insert.addBindValue(batch);
        insert.addBindValue(now);
        insert.addBindValue(row.me.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                             : QVariant(seal(row.me, row.pid)));
        insert.addBindValue(row.newMe.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                                : QVariant(seal(row.newMe, row.pid)));
        insert.addBindValue(row.consumed
                                    ? QVariant(tr("unknown device (consumed in %1)").arg(QFileInfo(path).fileName()))
                                    : QVariant(QMetaType::fromType<QString>()));
        insert.addBindValue(row.consumed ? QVariant(now) : QVariant(QMetaType::fromType<qlonglong>()));
        if (!insert.exec()) {
            r.error = m_mapError(insert.lastError());
            rollback();
            return r;
        }
        r.value.imported += 1;
        r.value.consumed += row.consumed ? 1 : 0;
    }
    if (StoreError e = writeAudit(actor, QStringLiteral("import"), r.value.imported, QFileInfo(path).absoluteFilePath(),
                                  batch)) {
        rollback();
        r.error = e;
        return r;
    }
    if (StoreError e = commit())
        r.error = e;
    return r;
}

StoreResult<int> SqlKeyLedger::deleteKeys(const QList<QByteArray> &pids, const AuditActor &actor)
{
    StoreResult<int> r;
    if (StoreError e = begin()) {
        r.error = e;
        return r;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    auto fail = [&](const QSqlQuery &failed) {
        r.error = m_mapError(failed.lastError());
        rollback();
        return r;
    };
    if (!q.prepare(QStringLiteral("SELECT state FROM security_keys WHERE pid = ?")))
        return fail(q);
    QSqlQuery del(db);
    if (!del.prepare(QStringLiteral("DELETE FROM security_keys WHERE pid = ? AND state = 0")))
        return fail(del);
    for (const QByteArray &pid : pids) {
        q.addBindValue(QString::fromLatin1(pid));
        if (!q.exec() || !q.next()) {
            rollback();
            r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                       tr("There is no key with PID %1 in this database.").arg(PidPps::formatPid(pid)));
            return r;
        }
        if (KeyState(q.value(0).toInt()) != KeyState::Available) {
            rollback();
            r.error = StoreError::make(
                    StoreError::Kind::InvalidRequest,
                    tr("The key %1 is %2; only available keys can be deleted.")
                            .arg(PidPps::formatPid(pid), keyStateName(KeyState(q.value(0).toInt())).toLower()));
            return r;
        }
        del.addBindValue(QString::fromLatin1(pid));
        if (!del.exec()) {
            r.error = m_mapError(del.lastError());
            rollback();
            return r;
        }
        ++r.value;
    }
    if (StoreError e = writeAudit(actor, QStringLiteral("delete"), r.value, {}, {})) {
        rollback();
        r.error = e;
        return r;
    }
    if (StoreError e = commit())
        r.error = e;
    return r;
}

StoreResult<QList<AuditEntry>> SqlKeyLedger::audit(int limit)
{
    StoreResult<QList<AuditEntry>> r;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT id, time_ms, user_name, host, action, count, "
                                            "file, details FROM security_audit "
                                            "ORDER BY id DESC LIMIT %1")
                                     .arg(qMax(1, limit)))) {
        r.error = m_mapError(q.lastError());
        return r;
    }
    while (q.next())
        r.value.append({q.value(0).toLongLong(), fromMs(q.value(1)), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toInt(), q.value(6).toString(), q.value(7).toString()});
    return r;
}

} // namespace Oobm::Core

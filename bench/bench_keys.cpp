// SPDX-License-Identifier: GPL-2.0-or-later
// The key ledger: generate and store 100,000 keys, export 10,000 to a setup.bin, import them
// into a second store; and, for scale, a bare SQLite bulk insert of 100,000 rows of the same
// shape (random PID, 61-byte sealed PPS and passwords) in one transaction, without OOBM.
#include "bench/benchsupport.h"

#include "core/keys/secretbox.h"
#include "core/store/sqlstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace Oobm::Core;

using Oobm::Bench::metric;

namespace {
double bareInsert(const QString &path, int rows)
{
    QElapsedTimer t;
    t.start();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        q.exec(QStringLiteral(
                "CREATE TABLE k (id INTEGER PRIMARY KEY AUTOINCREMENT, pid TEXT NOT NULL UNIQUE, pps BLOB NOT NULL, "
                "state INTEGER NOT NULL, batch TEXT NOT NULL, created_ms BIGINT NOT NULL, me BLOB, new_me BLOB)"));
        q.exec(QStringLiteral("BEGIN"));
        q.prepare(QStringLiteral(
                "INSERT INTO k (pid, pps, state, batch, created_ms, me, new_me) VALUES (?, ?, 0, ?, ?, ?, ?)"));
        auto *rng = QRandomGenerator::global();
        for (int i = 0; i < rows; ++i) {
            q.addBindValue(QString::number(rng->generate64(), 36).left(8));
            QByteArray blob(61, Qt::Uninitialized);
            rng->fillRange(reinterpret_cast<quint32 *>(blob.data()), 15);
            q.addBindValue(blob);
            q.addBindValue(QStringLiteral("BENCH"));
            q.addBindValue(qint64(i));
            q.addBindValue(blob.left(34));
            q.addBindValue(blob.left(38));
            q.exec();
        }
        q.exec(QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bare"));
    return t.nsecsElapsed() / 1e6;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const int count = 100000;
    const QByteArray key = SecretBox::generateKey();

    SqlStore store(StoreLocation::sqlite(dir.filePath(QStringLiteral("keys.db"))));
    if (store.openAndWait() || store.setDataKey(key, {}).result())
        return 1;
    KeyGenerationRequest request;
    request.count = count;
    request.newMePassword = QStringLiteral("N3w-Pass!");
    QElapsedTimer t;
    t.start();
    const auto generated = store.generateKeys(request).result();
    const double generateMs = t.nsecsElapsed() / 1e6;
    if (!generated.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(generated.error.message));
        return 1;
    }
    metric("generate_and_store_100000_keys", generateMs, "ms");

    const double bareMs = bareInsert(dir.filePath(QStringLiteral("bare.db")), count);
    metric("bare_sqlite_insert_100000_rows", bareMs, "ms");
    metric("generate_to_bare_ratio", generateMs / bareMs, "x");

    KeyExportRequest ex;
    ex.format = KeyExportFormat::SetupBinV2;
    ex.path = dir.filePath(QStringLiteral("setup.bin"));
    ex.filter.limit = 10000;
    t.restart();
    const auto exported = store.exportKeys(ex).result();
    metric("export_10000_to_setupbin", t.nsecsElapsed() / 1e6, "ms");
    if (!exported.ok())
        return 1;

    SqlStore other(StoreLocation::sqlite(dir.filePath(QStringLiteral("import.db"))));
    if (other.openAndWait() || other.setDataKey(SecretBox::generateKey(), {}).result())
        return 1;
    t.restart();
    const auto imported = other.importKeys(ex.path, {QStringLiteral("bench"), QStringLiteral("bench")}).result();
    metric("import_10000_from_setupbin", t.nsecsElapsed() / 1e6, "ms");
    return imported.ok() && imported.value.imported == 10000 ? 0 : 1;
}

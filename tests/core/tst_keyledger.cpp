// SPDX-License-Identifier: GPL-2.0-or-later
// The key ledger through the store: generation, secrets at rest, export, import, audit.
#include "common/testsupport.h"

#include "core/keys/pidpps.h"
#include "core/keys/secretbox.h"
#include "core/keys/setupbin.h"
#include "core/store/sqlstore.h"

#include <QFile>
#include <QSet>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Test::BackendFixture;

namespace {
const AuditActor Tester{"tester", "lab-host"};

KeyGenerationRequest request(int count)
{
    KeyGenerationRequest r;
    r.count = count;
    r.newMePassword = "N3w-Pass!";
    r.actor = Tester;
    return r;
}

QStringList auditActions(Store &store)
{
    QStringList a;
    for (const AuditEntry &e : store.securityAudit(100).result().value)
        a.prepend(e.action);
    return a;
}
} // namespace

class tst_KeyLedger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretBox();
    void generateAndList_data() { Oobm::Test::addBackendRows(); }
    void generateAndList();
    void generationRejectsBadInput_data();
    void generationRejectsBadInput();
    void uniqueOver100000();
    void cancelKeepsNothing();
    void noSecretInTheDatabaseFile();
    void wrongOrMissingKey();
    void revealIsAudited_data() { Oobm::Test::addBackendRows(); }
    void revealIsAudited();
    void exportSetupBin_data();
    void exportSetupBin();
    void exportCsvWithPasswords();
    void consumedKeysAreNeverExported();
    void importCsvWithBadRows();
    void importDuplicates();
    void importSetupBinMarksConsumed();
    void deleteOnlyAvailable();

private:
    std::unique_ptr<SqlStore> open(const StoreLocation &location, const QByteArray &key = QByteArray(32, 'k'))
    {
        auto store = std::make_unique<SqlStore>(location);
        const StoreError e = store->openAndWait();
        if (e)
            qWarning("%s", qPrintable(e.message));
        store->setDataKey(key, "test").waitForFinished();
        return store;
    }
    QTemporaryDir m_dir;
};

void tst_KeyLedger::secretBox()
{
    const SecretBox box(SecretBox::generateKey());
    const QByteArray sealed = box.seal("R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI", "K7QX2MBO");
    QVERIFY(!sealed.contains("R2DK"));
    bool ok = false;
    QCOMPARE(box.open(sealed, "K7QX2MBO", &ok), QByteArray("R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"));
    QVERIFY(ok);
    box.open(sealed, "AAAAAAAN", &ok); // bound to its PID
    QVERIFY(!ok);
    SecretBox(SecretBox::generateKey()).open(sealed, "K7QX2MBO", &ok); // another key
    QVERIFY(!ok);
    QByteArray tampered = sealed;
    tampered[20] = char(tampered.at(20) ^ 1);
    box.open(tampered, "K7QX2MBO", &ok);
    QVERIFY(!ok);
    QVERIFY(box.seal("x") != box.seal("x")); // a fresh nonce each time
}

void tst_KeyLedger::generateAndList()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    auto store = open(fixture.location());
    QSignalSpy changed(store.get(), &Store::keysChanged);
    const auto r = store->generateKeys(request(250)).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.count, 250);
    QTRY_COMPARE(changed.size(), 1);
    const auto keys = store->listKeys({}).result().value;
    QCOMPARE(keys.size(), 250);
    QSet<QByteArray> pids;
    for (const KeyRecord &k : keys) {
        QString why;
        QCOMPARE(PidPps::normalizePid(QString::fromLatin1(k.pid), &why), k.pid);
        QCOMPARE(k.state, KeyState::Available);
        QCOMPARE(k.batch, r.value.batch);
        QVERIFY(k.pps.isEmpty()); // listing never carries secrets
        pids.insert(k.pid);
    }
    QCOMPARE(pids.size(), 250);
    QCOMPARE(store->listKeys({{KeyState::Exported}, {}, -1}).result().value.size(), 0);
    QCOMPARE(auditActions(*store), QStringList{"generate"});
}

void tst_KeyLedger::generationRejectsBadInput_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("newPassword");
    QTest::addColumn<QString>("message");
    QTest::newRow("zero") << 0 << "N3w-Pass!"
                          << "from 1 to 100,000; 0 is outside";
    QTest::newRow("too many") << 100001 << "N3w-Pass!"
                              << "100001 is outside";
    QTest::newRow("weak password") << 5 << "password"
                                   << "New Intel ME password: The password needs an upper-case letter";
    QTest::newRow("same as default") << 5 << "admin"
                                     << "needs at least 8";
}

void tst_KeyLedger::generationRejectsBadInput()
{
    QFETCH(int, count);
    QFETCH(QString, newPassword);
    QFETCH(QString, message);
    auto store = open(StoreLocation::sqlite(m_dir.filePath(QStringLiteral("bad-%1.db").arg(QTest::currentDataTag()))));
    KeyGenerationRequest r = request(count);
    r.newMePassword = newPassword;
    const auto result = store->generateKeys(r).result();
    QCOMPARE(result.error.kind, StoreError::Kind::InvalidRequest);
    QVERIFY2(result.error.message.contains(message), qPrintable(result.error.message));
    QCOMPARE(store->listKeys({}).result().value.size(), 0);
}

void tst_KeyLedger::uniqueOver100000()
{
    auto store = open(StoreLocation::sqlite(m_dir.filePath("many.db")));
    const auto r = store->generateKeys(request(100000)).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QSet<QByteArray> pids;
    for (const KeyRecord &k : store->listKeys({}).result().value)
        pids.insert(k.pid);
    QCOMPARE(pids.size(), 100000);
}

void tst_KeyLedger::cancelKeepsNothing()
{
    auto store = open(StoreLocation::sqlite(m_dir.filePath("cancel.db")));
    QFuture<StoreResult<KeyBatchResult>> f = store->generateKeys(request(100000));
    QTRY_VERIFY(f.progressValue() > 0);
    f.cancel();
    f.waitForFinished();
    QCOMPARE(store->listKeys({}).result().value.size(), 0);
    QVERIFY(auditActions(*store).isEmpty());
}

void tst_KeyLedger::noSecretInTheDatabaseFile()
{
    const QString path = m_dir.filePath("at-rest.db");
    QList<KeyRecord> revealed;
    {
        auto store = open(StoreLocation::sqlite(path));
        QVERIFY(store->generateKeys(request(50)).result().ok());
        for (const KeyRecord &k : store->listKeys({}).result().value)
            revealed << store->revealKey(k.pid, Tester).result().value;
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.contains(revealed.first().pid)); // PIDs are not secret
    for (const KeyRecord &k : std::as_const(revealed)) {
        QCOMPARE(k.pps.size(), 32);
        QVERIFY2(!bytes.contains(k.pps), k.pps.constData());
    }
    QVERIFY(!bytes.contains("N3w-Pass!"));
}

void tst_KeyLedger::wrongOrMissingKey()
{
    const QString path = m_dir.filePath("locked.db");
    {
        auto store = open(StoreLocation::sqlite(path), QByteArray(32, 'a'));
        QVERIFY(store->generateKeys(request(3)).result().ok());
    }
    auto store = open(StoreLocation::sqlite(path), QByteArray(32, 'b'));
    const auto pid = store->listKeys({}).result().value.first().pid; // listing needs no key
    const auto r = store->revealKey(pid, Tester).result();
    QCOMPARE(r.error.kind, StoreError::Kind::KeysLocked);
    QVERIFY2(r.error.message.startsWith("The security keys in this database are encrypted with a key that is not "
                                        "available on this machine: the key given does not decrypt them"),
             qPrintable(r.error.message));
    QVERIFY(r.value.pps.isEmpty()); // never garbage
    QCOMPARE(store->generateKeys(request(1)).result().error.kind, StoreError::Kind::KeysLocked);
    // No key at all: the reason given is passed on.
    store->setDataKey({}, "the keychain has no entry for it.").waitForFinished();
    QVERIFY(store->revealKey(pid, Tester).result().error.message.endsWith("the keychain has no entry for it."));
    // The rest of the store keeps working.
    QVERIFY(store->serviceSettings().result().ok());
}

void tst_KeyLedger::revealIsAudited()
{
    QFETCH(QString, backend);
    if (backend == u"postgresql")
        OOBM_REQUIRE_POSTGRESQL();
    BackendFixture fixture(backend);
    auto store = open(fixture.location());
    QVERIFY(store->generateKeys(request(2)).result().ok());
    const QByteArray pid = store->listKeys({}).result().value.first().pid;
    const auto r = store->revealKey(pid, Tester).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QString why;
    QCOMPARE(PidPps::normalizePps(QString::fromLatin1(r.value.pps), &why), r.value.pps);
    QCOMPARE(r.value.mePassword, QStringLiteral("admin"));
    QCOMPARE(r.value.newMePassword, QStringLiteral("N3w-Pass!"));
    const AuditEntry e = store->securityAudit(1).result().value.first();
    QCOMPARE(e.action, QStringLiteral("show"));
    QCOMPARE(e.user, QStringLiteral("tester"));
    QCOMPARE(e.host, QStringLiteral("lab-host"));
    QVERIFY(e.details.contains(PidPps::formatPid(pid)));
    QVERIFY(!e.details.contains(QString::fromLatin1(r.value.pps)));
}

void tst_KeyLedger::exportSetupBin_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("server"); // Service Location's setup.bin server setting
    QTest::newRow("v1") << int(KeyExportFormat::SetupBinV1) << 1 << "";
    QTest::newRow("v2") << int(KeyExportFormat::SetupBinV2) << 2 << "";
    QTest::newRow("v2.1 with a server") << int(KeyExportFormat::SetupBinV2) << 2 << "192.0.2.10:9977";
}

void tst_KeyLedger::exportSetupBin()
{
    QFETCH(int, format);
    QFETCH(int, major);
    QFETCH(QString, server);
    auto store = open(
            StoreLocation::sqlite(m_dir.filePath(QStringLiteral("export-%1-%2.db").arg(major).arg(server.size()))));
    QVERIFY(store->generateKeys(request(4)).result().ok());
    if (!server.isEmpty()) {
        ServiceSettings s = store->serviceSettings().result().value;
        s.setupServerAddress = server;
        QVERIFY(store->applyServiceSettings(s, QStringLiteral("test")).result().ok());
    }
    KeyExportRequest ex;
    ex.format = KeyExportFormat(format);
    ex.path = m_dir.filePath(QStringLiteral("setup-%1-%2.bin").arg(major).arg(server.size()));
    ex.actor = Tester;
    ex.filter.limit = 3;
    const auto r = store->exportKeys(ex).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.count, 3);
    QCOMPARE(QFile::permissions(ex.path)
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QFile f(ex.path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString why;
    const auto bin = SetupBin::decode(f.readAll(), &why);
    QVERIFY2(bin, qPrintable(why));
    QCOMPARE(bin->major, major);
    QCOMPARE(bin->minor, server.isEmpty() ? 0 : 1);
    QCOMPARE(bin->records.size(), 3);
    QCOMPARE(bin->records.first().provisioningServer.toString(), server.section(u':', 0, 0));
    QCOMPARE(bin->records.first().provisioningPort, quint16(server.section(u':', 1).toUInt()));
    const auto exported = store->listKeys({{KeyState::Exported}, {}, -1}).result().value;
    QCOMPARE(exported.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(bin->records.at(i).pid, exported.at(i).pid);
        QCOMPARE(bin->records.at(i).pps, store->revealKey(exported.at(i).pid, Tester).result().value.pps);
        QCOMPARE(bin->records.at(i).currentMePassword, QStringLiteral("admin"));
        QCOMPARE(bin->records.at(i).newMePassword, QStringLiteral("N3w-Pass!"));
        QCOMPARE(exported.at(i).exportedTo, QFileInfo(ex.path).absoluteFilePath());
        QCOMPARE(exported.at(i).exportFormat, keyExportFormatKey(KeyExportFormat(format)));
    }
    QCOMPARE(store->listKeys({{KeyState::Available}, {}, -1}).result().value.size(), 1);
    QVERIFY(auditActions(*store).contains("export"));
}

void tst_KeyLedger::exportCsvWithPasswords()
{
    auto store = open(StoreLocation::sqlite(m_dir.filePath("csv.db")));
    QVERIFY(store->generateKeys(request(2)).result().ok());
    KeyExportRequest ex;
    ex.format = KeyExportFormat::Csv;
    ex.path = m_dir.filePath("keys.csv");
    ex.actor = Tester;
    QVERIFY(store->exportKeys(ex).result().ok());
    QFile f(ex.path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("PID,PPS"));
    QCOMPARE(lines.size(), 3);
    QVERIFY(!lines.join().contains("N3w-Pass!")); // passwords only when asked for
    ex.includePasswords = true;
    ex.path = m_dir.filePath("keys-with-passwords.csv");
    ex.filter.states = {KeyState::Exported};
    QVERIFY(store->exportKeys(ex).result().ok());
    QFile g(ex.path);
    QVERIFY(g.open(QIODevice::ReadOnly));
    QVERIFY(g.readAll().contains(",admin,N3w-Pass!"));
}

void tst_KeyLedger::consumedKeysAreNeverExported()
{
    auto store = open(StoreLocation::sqlite(m_dir.filePath("consumed.db")));
    QFile csv(m_dir.filePath("consumed-import.bin"));
    SetupBin bin;
    SetupBinRecord r;
    r.currentMePassword = "admin";
    r.newMePassword = "N3w-Pass!";
    r.pid = "K7QX2MBO";
    r.pps = "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI";
    r.consumed = true;
    bin.records = {r};
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(bin.encode());
    csv.close();
    QVERIFY(store->importKeys(csv.fileName(), Tester).result().ok());
    KeyExportRequest ex;
    ex.pids = {"K7QX2MBO"};
    ex.path = m_dir.filePath("never.bin");
    const auto e = store->exportKeys(ex).result();
    QCOMPARE(e.error.kind, StoreError::Kind::InvalidRequest);
    QVERIFY2(e.error.message.contains("K7QX-2MBO is consumed and is never exported again"),
             qPrintable(e.error.message));
    QVERIFY(!QFile::exists(ex.path));
}

void tst_KeyLedger::importCsvWithBadRows()
{
    auto store = open(StoreLocation::sqlite(m_dir.filePath("import-bad.db")));
    QFile f(m_dir.filePath("oem.csv"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("PID,PPS\n"
            "K7QX-2MBO,R2DK-C3PI-O4Z5-9XYI-R2DK-C3PI-O4Z5-9XYI\n"
            "K7QX-2MB,R2DK-C3PI-O4Z5-9XYI-R2DK-C3PI-O4Z5-9XYI\n"
            "AAAA-AAAN,R2DK-C3PI-O4Z5-9XYI-X3Q1-C3PI-O4Z5-9XYI\n"
            "just one field\n");
    f.close();
    const auto r = store->importKeys(f.fileName(), Tester).result();
    QVERIFY(r.ok());
    QVERIFY(!r.value.ok());
    QCOMPARE(r.value.imported, 0);
    QCOMPARE(r.value.problems.size(), 3);
    QVERIFY2(r.value.problems.at(0).startsWith("line 3: PID has 7 characters; it needs 8."),
             qPrintable(r.value.problems.at(0)));
    QVERIFY2(r.value.problems.at(1).startsWith("line 4: PPS group 5 'X3Q1': the check character should be"),
             qPrintable(r.value.problems.at(1)));
    QVERIFY(r.value.problems.at(2).startsWith("line 5: expected PID,PPS"));
    QCOMPARE(store->listKeys({}).result().value.size(), 0); // all or nothing
}

void tst_KeyLedger::importDuplicates()
{
    auto store = open(StoreLocation::sqlite(m_dir.filePath("import-dup.db")));
    QFile f(m_dir.filePath("dup.csv"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("K7QX-2MBO,R2DK-C3PI-O4Z5-9XYI-R2DK-C3PI-O4Z5-9XYI\n");
    f.close();
    auto r = store->importKeys(f.fileName(), Tester).result();
    QVERIFY(r.ok() && r.value.ok());
    QCOMPARE(r.value.imported, 1);
    r = store->importKeys(f.fileName(), Tester).result();
    QCOMPARE(r.value.imported, 0);
    QCOMPARE(r.value.duplicates, QStringList{"line 1: PID K7QX-2MBO is already in the store"});
    QCOMPARE(store->listKeys({}).result().value.size(), 1);
}

void tst_KeyLedger::importSetupBinMarksConsumed()
{
    auto store = open(StoreLocation::sqlite(m_dir.filePath("import-bin.db")));
    SetupBin bin;
    for (const char *pid : {"K7QX2MBO", "AAAAAAAN"}) {
        SetupBinRecord r;
        r.currentMePassword = "admin";
        r.newMePassword = "N3w-Pass!";
        r.pid = pid;
        r.pps = "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI";
        bin.records << r;
    }
    QByteArray bytes = bin.encode();
    QString why;
    SetupBin::consumeNext(bytes, &why); // a client already used the first record
    QFile f(m_dir.filePath("usb-setup.bin"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    const auto r = store->importKeys(f.fileName(), Tester).result();
    QVERIFY2(r.ok() && r.value.ok(), qPrintable(r.value.problems.join(u'\n')));
    QCOMPARE(r.value.imported, 2);
    QCOMPARE(r.value.consumed, 1);
    QCOMPARE(store->listKeys({{KeyState::Consumed}, {}, -1}).result().value.first().pid, QByteArray("K7QX2MBO"));
    QCOMPARE(store->revealKey("AAAAAAAN", Tester).result().value.newMePassword, QStringLiteral("N3w-Pass!"));
}

void tst_KeyLedger::deleteOnlyAvailable()
{
    auto store = open(StoreLocation::sqlite(m_dir.filePath("delete.db")));
    QVERIFY(store->generateKeys(request(3)).result().ok());
    const auto keys = store->listKeys({}).result().value;
    KeyExportRequest ex;
    ex.pids = {keys.at(0).pid};
    ex.path = m_dir.filePath("one.bin");
    QVERIFY(store->exportKeys(ex).result().ok());
    const auto refused = store->deleteKeys({keys.at(1).pid, keys.at(0).pid}, Tester).result();
    QCOMPARE(refused.error.kind, StoreError::Kind::InvalidRequest);
    QVERIFY(refused.error.message.contains("is exported; only available keys can be deleted"));
    QCOMPARE(store->listKeys({}).result().value.size(), 3); // nothing deleted
    QCOMPARE(store->deleteKeys({keys.at(1).pid, keys.at(2).pid}, Tester).result().value, 2);
    QCOMPARE(store->listKeys({}).result().value.size(), 1);
    QVERIFY(auditActions(*store).endsWith("delete"));
}

QTEST_GUILESS_MAIN(tst_KeyLedger)
#include "tst_keyledger.moc"

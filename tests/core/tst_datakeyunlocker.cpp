// SPDX-License-Identifier: GPL-2.0-or-later
// The data key in a real keychain (gnome-keyring in a private D-Bus session, see with-keyring.sh)
// and in a key file.
#include "core/store/datakeyunlocker.h"
#include "core/store/sqlstore.h"

#include <QFile>
#include <QtTest>
#include <qt6keychain/keychain.h>

using namespace Oobm::Core;

namespace {
StoreError unlock(Store &store, const QString &keyFile, QString *warning = nullptr)
{
    DataKeyUnlocker unlocker(&store, keyFile);
    QSignalSpy done(&unlocker, &DataKeyUnlocker::finished);
    unlocker.unlock();
    if (!done.wait(20000))
        return StoreError::make(StoreError::Kind::Query, QStringLiteral("unlock did not finish"));
    if (warning)
        *warning = done.first().at(1).toString();
    return done.first().first().value<StoreError>();
}

KeyGenerationRequest request()
{
    KeyGenerationRequest r;
    r.count = 3;
    r.newMePassword = "N3w-Pass!";
    r.actor = {"tester", "lab"};
    return r;
}
} // namespace

class tst_DataKeyUnlocker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keychainRoundTrip();
    void keyFile();
    void keyFileMissingForAnInitializedStore();

private:
    QTemporaryDir m_dir;
};

void tst_DataKeyUnlocker::keychainRoundTrip()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (qEnvironmentVariable("CI") == u"true")
            QFAIL("no D-Bus session: run through tests/with-keyring.sh (ctest does)");
        QSKIP("no D-Bus session; ctest runs this through tests/with-keyring.sh");
    }
    const QString path = m_dir.filePath("keychain.db");
    QString storeId;
    QByteArray pps;
    {
        SqlStore store(StoreLocation::sqlite(path));
        QVERIFY(!store.openAndWait());
        const StoreError e = unlock(store, {});
        QVERIFY2(!e, qPrintable(e.message));
        storeId = store.dataKeyInfo().result().value.storeId;
        QVERIFY(store.generateKeys(request()).result().ok());
        const QByteArray pid = store.listKeys({}).result().value.first().pid;
        pps = store.revealKey(pid, {"tester", "lab"}).result().value.pps;
    }
    // The key is in the keychain, under the store's identity.
    QKeychain::ReadPasswordJob read(DataKeyUnlocker::keychainService());
    read.setAutoDelete(false);
    read.setKey(DataKeyUnlocker::keychainKey(storeId));
    QSignalSpy readDone(&read, &QKeychain::Job::finished);
    read.start();
    QVERIFY(readDone.wait(20000));
    QCOMPARE(read.error(), QKeychain::NoError);
    QCOMPARE(QByteArray::fromBase64(read.binaryData()).size(), 32);
    // Another start finds it and reads the keys.
    SqlStore again(StoreLocation::sqlite(path));
    QVERIFY(!again.openAndWait());
    QVERIFY(!unlock(again, {}));
    const QByteArray pid = again.listKeys({}).result().value.first().pid;
    QCOMPARE(again.revealKey(pid, {"tester", "lab"}).result().value.pps, pps);

    // Without the entry (another machine), the error says so and nothing garbled is shown.
    QKeychain::DeletePasswordJob del(DataKeyUnlocker::keychainService());
    del.setAutoDelete(false);
    del.setKey(DataKeyUnlocker::keychainKey(storeId));
    QSignalSpy delDone(&del, &QKeychain::Job::finished);
    del.start();
    QVERIFY(delDone.wait(20000));
    SqlStore elsewhere(StoreLocation::sqlite(path));
    QVERIFY(!elsewhere.openAndWait());
    const StoreError e = unlock(elsewhere, {});
    QCOMPARE(e.kind, StoreError::Kind::KeysLocked);
    QVERIFY2(e.message.contains("the keychain has no entry 'store-" + storeId + "'"), qPrintable(e.message));
    QVERIFY(elsewhere.revealKey(pid, {"tester", "lab"}).result().value.pps.isEmpty());
}

void tst_DataKeyUnlocker::keyFile()
{
    const QString keyFile = m_dir.filePath("oobm.key");
    SqlStore store(StoreLocation::sqlite(m_dir.filePath("keyfile.db")));
    QVERIFY(!store.openAndWait());
    QString warning;
    QVERIFY(!unlock(store, keyFile, &warning));
    QVERIFY(warning.contains("Created the key file"));
    QCOMPARE(QFile::permissions(keyFile) & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
             QFile::Permissions());
    QVERIFY(store.generateKeys(request()).result().ok());
    SqlStore again(StoreLocation::sqlite(m_dir.filePath("keyfile.db")));
    QVERIFY(!again.openAndWait());
    QVERIFY(!unlock(again, keyFile, &warning));
    QVERIFY(warning.isEmpty());
}

void tst_DataKeyUnlocker::keyFileMissingForAnInitializedStore()
{
    const QString db = m_dir.filePath("missing.db");
    {
        SqlStore store(StoreLocation::sqlite(db));
        QVERIFY(!store.openAndWait());
        QVERIFY(!unlock(store, m_dir.filePath("first.key")));
        QVERIFY(store.generateKeys(request()).result().ok());
    }
    SqlStore store(StoreLocation::sqlite(db));
    QVERIFY(!store.openAndWait());
    const StoreError e = unlock(store, m_dir.filePath("other.key"));
    QCOMPARE(e.kind, StoreError::Kind::KeysLocked);
    QVERIFY2(e.message.contains("the key file " + m_dir.filePath("other.key") + " does not exist."),
             qPrintable(e.message));
}

QTEST_GUILESS_MAIN(tst_DataKeyUnlocker)
#include "tst_datakeyunlocker.moc"

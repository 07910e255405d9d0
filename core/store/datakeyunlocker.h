// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/store/storeerror.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Oobm::Core {

class Store;

// Gives a store its data key, the key that seals PPS values and ME passwords at rest. The key
// lives outside the database: in the user's keychain (QtKeychain, one entry per store), or, on a
// headless server without a keychain, in a key file (created with mode 0600). A store that has
// never sealed a secret gets a new key; one that has, gets its key or a specific error.
class DataKeyUnlocker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataKeyUnlocker)

public:
    // keyFile empty: the keychain.
    DataKeyUnlocker(Store *store, const QString &keyFile, QObject *parent = nullptr);
    ~DataKeyUnlocker() override;

    void unlock(); // once the store is open; reports finished()
    bool isDone() const { return m_done; }
    StoreError lastError() const { return m_lastError; }
    QString keyFile() const { return m_keyFile; }
    static QString keychainService() { return QStringLiteral("oobm"); }
    static QString keychainKey(const QString &storeId) { return QStringLiteral("store-") + storeId; }

    // Reads (or, with create, makes) a key file. Returns the key, or empty and *error.
    static QByteArray readKeyFile(const QString &path, bool create, bool *created, QString *error);

Q_SIGNALS:
    // error is empty on success. warning (e.g. "a key file was created") is for the user log.
    void finished(const Oobm::Core::StoreError &error, const QString &warning);

private:
    void haveInfo(const QString &storeId, bool initialized);
    void useKey(const QByteArray &key, const QString &reason, const QString &warning);
    void fail(const QString &reason);

    Store *m_store;
    QString m_keyFile;
    bool m_done = false;
    StoreError m_lastError;
};

} // namespace Oobm::Core

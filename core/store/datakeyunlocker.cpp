// SPDX-License-Identifier: GPL-2.0-or-later
#include "datakeyunlocker.h"

#include "core/async.h"
#include "core/keys/secretbox.h"
#include "core/store/store.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <qt6keychain/keychain.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Oobm::Core {

DataKeyUnlocker::DataKeyUnlocker(Store *store, const QString &keyFile, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keyFile(keyFile)
{
    connect(this, &DataKeyUnlocker::finished, this, [this](const StoreError &e) {
        m_done = true;
        m_lastError = e;
    });
}

DataKeyUnlocker::~DataKeyUnlocker() = default;

QByteArray DataKeyUnlocker::readKeyFile(const QString &path, bool create, bool *created, QString *error)
{
    *created = false;
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly)) {
            *error = tr("the key file %1 cannot be read: %2").arg(path, f.errorString());
            return {};
        }
        const QByteArray key = QByteArray::fromBase64(f.readAll().trimmed());
        if (key.size() != SecretBox::KeySize) {
            *error = tr("the key file %1 does not hold a 256-bit key (base64, 44 characters).").arg(path);
            return {};
        }
        return key;
    }
    if (!create) {
        *error = tr("the key file %1 does not exist.").arg(path);
        return {};
    }
    // O_EXCL and mode 0600 from the start: the key is never readable by others, not even briefly.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = tr("the key file %1 cannot be created: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return {};
    }
    const QByteArray key = SecretBox::generateKey();
    const QByteArray text = key.toBase64() + '\n';
    const bool ok = ::write(fd, text.constData(), std::size_t(text.size())) == text.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        QFile::remove(path);
        *error = tr("the key file %1 cannot be written.").arg(path);
        return {};
    }
    *created = true;
    return key;
}

void DataKeyUnlocker::unlock()
{
    whenReady(m_store->dataKeyInfo(), this, [this](const StoreResult<DataKeyInfo> &r) {
        if (!r.ok()) {
            Q_EMIT finished(r.error, {});
            return;
        }
        haveInfo(r.value.storeId, r.value.initialized);
    });
}

void DataKeyUnlocker::haveInfo(const QString &storeId, bool initialized)
{
    if (!m_keyFile.isEmpty()) {
        bool created = false;
        QString error;
        const QByteArray key = readKeyFile(m_keyFile, !initialized, &created, &error);
        if (key.isEmpty()) {
            fail(error);
            return;
        }
        useKey(key, tr("the key file %1 holds another key.").arg(m_keyFile),
               created ? tr("Created the key file %1 for the security keys of this database (no "
                            "keychain is used). "
                            "Keep it safe: without it the keys cannot be read.")
                                 .arg(m_keyFile)
                       : QString());
        return;
    }
    auto *read = new QKeychain::ReadPasswordJob(keychainService(), this);
    read->setAutoDelete(true);
    read->setKey(keychainKey(storeId));
    connect(read, &QKeychain::Job::finished, this, [this, read, storeId, initialized] {
        if (read->error() == QKeychain::NoError) {
            useKey(QByteArray::fromBase64(read->binaryData()),
                   tr("the keychain entry %1 holds another key.").arg(keychainKey(storeId)), {});
            return;
        }
        if (read->error() != QKeychain::EntryNotFound || initialized) {
            fail(read->error() == QKeychain::EntryNotFound
                         ? tr("the keychain has no entry '%1' (service '%2'). The database was "
                              "probably set up on another "
                              "machine or by another user: run with --key-file and that machine's "
                              "key file, or copy the "
                              "keychain entry.")
                                   .arg(keychainKey(storeId), keychainService())
                         : tr("the keychain cannot be used: %1. On a server without a desktop "
                              "session, run with "
                              "--key-file PATH.")
                                   .arg(read->errorString()));
            return;
        }
        // A store with no sealed secrets yet: make its key and keep it in the keychain first.
        const QByteArray key = SecretBox::generateKey();
        auto *write = new QKeychain::WritePasswordJob(keychainService(), this);
        write->setAutoDelete(true);
        write->setKey(keychainKey(storeId));
        write->setBinaryData(key.toBase64());
        connect(write, &QKeychain::Job::finished, this, [this, write, key, storeId] {
            if (write->error() != QKeychain::NoError) {
                fail(tr("the key cannot be saved in the keychain: %1. On a server without a "
                        "desktop session, run "
                        "with --key-file PATH.")
                             .arg(write->errorString()));
                return;
            }
            useKey(key, tr("the keychain entry %1 holds another key.").arg(keychainKey(storeId)), {});
        });
        write->start();
    });
    read->start();
}

void DataKeyUnlocker::useKey(const QByteArray &key, const QString &reason, const QString &warning)
{
    whenReady(m_store->setDataKey(key, reason), this,
              [this, warning](const StoreError &e) { Q_EMIT finished(e, warning); });
}

void DataKeyUnlocker::fail(const QString &reason)
{
    // Tell the store, so every keys call says why instead of failing vaguely.
    whenReady(m_store->setDataKey({}, reason), this, [this](const StoreError &e) { Q_EMIT finished(e, {}); });
}

} // namespace Oobm::Core

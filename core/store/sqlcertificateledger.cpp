// SPDX-License-Identifier: GPL-2.0-or-later
#include "sqlcertificateledger.h"

#include "core/keys/secretbox.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace Oobm::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::SqlCertificateLedger", text);
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QByteArray provisioningAd(const QString &rootSha1)
{
    return "certificate:" + rootSha1.toLatin1();
}

QByteArray tlsAd(const QString &sha256)
{
    return "tls-certificate:" + sha256.toLatin1();
}

// The columns TLS certificates are read with, and their reader (the private key is column 8).
constexpr char TlsColumns[] = "id, name, common_name, chain_pem, sha256, not_before_ms, not_after_ms, imported_ms";

TlsCertificate readTls(const QSqlQuery &q)
{
    TlsCertificate c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.commonName = q.value(2).toString();
    c.chainPem = q.value(3).toString().toLatin1();
    c.sha256 = q.value(4).toString();
    c.notBefore = fromMs(q.value(5));
    c.notAfter = fromMs(q.value(6));
    c.imported = fromMs(q.value(7));
    return c;
}

} // namespace

StoreResult<QList<ProvisioningCertificate>> SqlCertificateLedger::provisioningCertificates(bool withKeys)
{
    StoreResult<QList<ProvisioningCertificate>> r;
    if (withKeys && !box()) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT id, name, common_name, chain_pem, root_sha1, root_sha256, not_before_ms, "
                               "not_after_ms, imported_ms%1 FROM provisioning_certificates ORDER BY name")
                        .arg(withKeys ? QStringLiteral(", private_key") : QString()))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next()) {
        ProvisioningCertificate c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        c.commonName = q.value(2).toString();
        c.chainPem = q.value(3).toString().toLatin1();
        c.rootSha1 = q.value(4).toString();
        c.rootSha256 = q.value(5).toString();
        c.notBefore = fromMs(q.value(6));
        c.notAfter = fromMs(q.value(7));
        c.imported = fromMs(q.value(8));
        c.intelUsage = true;
        if (withKeys) {
            bool ok = false;
            c.keyPem = box()->open(q.value(9).toByteArray(), provisioningAd(c.rootSha1), &ok);
            if (!ok) {
                r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                           tr("The private key of the provisioning certificate %1 cannot be "
                                              "decrypted: it was changed outside OOBM or sealed with another data key.")
                                                   .arg(c.name));
                return r;
            }
        }
        r.value << c;
    }
    return r;
}

StoreResult<qint64> SqlCertificateLedger::importProvisioningCertificate(const ProvisioningCertificate &c)
{
    StoreResult<qint64> r;
    if (!box()) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(database());
    if (Sql::prepareAndExec(q,
                            QStringLiteral("SELECT name FROM provisioning_certificates WHERE name = ? OR root_sha1 = "
                                           "? AND common_name = ?"),
                            {c.name, c.rootSha1, c.commonName})
        && q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("A provisioning certificate named %1 (or for %2 under the same root) is already "
                                      "loaded; delete it first to replace it.")
                                           .arg(q.value(0).toString(), c.commonName));
        return r;
    }
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO provisioning_certificates (name, common_name, chain_pem, "
                                            "private_key, root_sha1, root_sha256, not_before_ms, not_after_ms, "
                                            "imported_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                             {c.name, c.commonName, QString::fromLatin1(c.chainPem),
                              box()->seal(c.keyPem, provisioningAd(c.rootSha1)), c.rootSha1, c.rootSha256,
                              c.notBefore.toMSecsSinceEpoch(), c.notAfter.toMSecsSinceEpoch(),
                              QDateTime::currentMSecsSinceEpoch()})) {
        r.error = queryError(q);
        return r;
    }
    if (Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM provisioning_certificates WHERE name = ?"), {c.name})
        && q.next())
        r.value = q.value(0).toLongLong();
    return r;
}

StoreResult<int> SqlCertificateLedger::deleteProvisioningCertificate(qint64 id)
{
    return execCount(QStringLiteral("DELETE FROM provisioning_certificates WHERE id = ?"), {id});
}

StoreResult<qint64> SqlCertificateLedger::importTlsCertificate(const TlsCertificate &c)
{
    StoreResult<qint64> r;
    if (!box()) {
        r.error = locked();
        return r;
    }
    if (c.name.trimmed().isEmpty() || c.chainPem.isEmpty() || c.keyPem.isEmpty() || c.sha256.isEmpty()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The TLS certificate needs a name, a certificate and its private key."));
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q, QStringLiteral("SELECT name FROM tls_certificates WHERE name = ? OR sha256 = ?"),
                             {c.name.trimmed(), c.sha256})) {
        r.error = queryError(q);
        return r;
    }
    if (q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("A TLS certificate named %1 (or the same certificate under another name) is "
                                      "already imported; delete it first, or import under another name.")
                                           .arg(q.value(0).toString()));
        return r;
    }
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("INSERT INTO tls_certificates (name, common_name, chain_pem, private_key, "
                                            "sha256, not_before_ms, not_after_ms, imported_ms) VALUES (?, ?, ?, ?, ?, "
                                            "?, ?, ?)"),
                             {c.name.trimmed(), c.commonName.isNull() ? QStringLiteral("") : c.commonName,
                              QString::fromLatin1(c.chainPem), box()->seal(c.keyPem, tlsAd(c.sha256)), c.sha256,
                              msOrNull(c.notBefore), msOrNull(c.notAfter), QDateTime::currentMSecsSinceEpoch()})) {
        r.error = queryError(q);
        return r;
    }
    if (Sql::prepareAndExec(q, QStringLiteral("SELECT id FROM tls_certificates WHERE name = ?"), {c.name.trimmed()})
        && q.next())
        r.value = q.value(0).toLongLong();
    return r;
}

StoreResult<QList<TlsCertificate>> SqlCertificateLedger::listTlsCertificates()
{
    StoreResult<QList<TlsCertificate>> r;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT %1 FROM tls_certificates ORDER BY name").arg(QLatin1String(TlsColumns)))) {
        r.error = queryError(q);
        return r;
    }
    while (q.next())
        r.value << readTls(q);
    return r;
}

StoreResult<TlsCertificate> SqlCertificateLedger::tlsCertificate(qint64 id, bool withKey)
{
    StoreResult<TlsCertificate> r;
    if (withKey && !box()) {
        r.error = locked();
        return r;
    }
    QSqlQuery q(database());
    if (!Sql::prepareAndExec(q,
                             QStringLiteral("SELECT %1, private_key FROM tls_certificates WHERE id = ?")
                                     .arg(QLatin1String(TlsColumns)),
                             {id})) {
        r.error = queryError(q);
        return r;
    }
    if (!q.next()) {
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The TLS certificate %1 does not exist (any more); choose another, or import "
                                      "it again.")
                                           .arg(id));
        return r;
    }
    r.value = readTls(q);
    if (withKey) {
        bool ok = false;
        r.value.keyPem = box()->open(q.value(8).toByteArray(), tlsAd(r.value.sha256), &ok);
        if (!ok)
            r.error = StoreError::make(StoreError::Kind::KeysLocked,
                                       tr("The private key of the TLS certificate %1 cannot be decrypted: it was "
                                          "changed outside OOBM or sealed with another data key.")
                                               .arg(r.value.name));
    }
    return r;
}

StoreResult<int> SqlCertificateLedger::deleteTlsCertificate(qint64 id)
{
    StoreResult<int> r;
    Sql::Transaction t = transaction();
    if (t.failed()) {
        r.error = t.error();
        return r;
    }
    QStringList profiles, auxiliary;
    QSqlQuery q(database());
    for (auto [table, names] : {std::pair{QStringLiteral("provision_profiles"), &profiles},
                                std::pair{QStringLiteral("auxiliary_profiles"), &auxiliary}}) {
        if (!Sql::prepareAndExec(
                    q, QStringLiteral("SELECT name FROM %1 WHERE tls_certificate_id = ? ORDER BY name").arg(table),
                    {id})) {
            r.error = queryError(q);
            return r;
        }
        while (q.next())
            *names << q.value(0).toString();
    }
    if (!profiles.isEmpty() || !auxiliary.isEmpty()) {
        QStringList users;
        if (!profiles.isEmpty())
            users << tr("the provision profiles %1").arg(profiles.join(QStringLiteral(", ")));
        if (!auxiliary.isEmpty())
            users << tr("the auxiliary profiles %1").arg(auxiliary.join(QStringLiteral(", ")));
        r.error = StoreError::make(StoreError::Kind::InvalidRequest,
                                   tr("The TLS certificate is used by %1; choose another certificate there first.")
                                           .arg(users.join(tr(" and "))));
        return r;
    }
    if (!Sql::prepareAndExec(q, QStringLiteral("DELETE FROM tls_certificates WHERE id = ?"), {id})) {
        r.error = queryError(q);
        return r;
    }
    r.value = q.numRowsAffected();
    r.error = t.commit();
    return r;
}

} // namespace Oobm::Core

// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlcertificates.h"

#include "core/keys/provisioningcertificate.h"
#include "core/keys/tlscertificate.h"

#include <QFile>

namespace Oobm::Ctl {

using namespace Oobm::Core;

// Remote Configuration: the provisioning certificates the engine presents to AMT devices.
int certificatesImport(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'certificates import' takes one FILE (.pfx/.p12, or PEM with --key)."));
    int code = Success;
    QFile f(c.args.first());
    if (!f.open(QIODevice::ReadOnly))
        return failure(c.err, QStringLiteral("Cannot read %1: %2").arg(c.args.first(), f.errorString()));
    const QByteArray bytes = f.readAll();
    QString error;
    ProvisioningCertificate certificate;
    if (c.parser.isSet(QStringLiteral("key"))) {
        QFile k(c.parser.value(QStringLiteral("key")));
        if (!k.open(QIODevice::ReadOnly))
            return failure(c.err, QStringLiteral("Cannot read %1: %2").arg(k.fileName(), k.errorString()));
        certificate = ProvisioningCertificate::fromPem(bytes, k.readAll(), &error);
    } else {
        certificate = ProvisioningCertificate::fromPkcs12(
                bytes, secretOption(c, QStringLiteral("passphrase"), "OOBM_CERTIFICATE_PASSPHRASE"), &error);
    }
    if (!error.isEmpty())
        return failure(c.err, QStringLiteral("%1: %2").arg(c.args.first(), error));
    if (c.parser.isSet(QStringLiteral("name")))
        certificate.name = c.parser.value(QStringLiteral("name"));
    auto store = openUnlockedStore(c, &code);
    if (!store)
        return code;
    const StoreResult<qint64> r = store->importCertificate(certificate).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << QStringLiteral("Imported the provisioning certificate %1 (CN %2, root sha1:%3, valid until %4)%5.")
                     .arg(certificate.name, certificate.commonName, certificate.rootSha1,
                          certificate.notAfter.toString(Qt::ISODate),
                          certificate.isExpired() ? QStringLiteral("; it has EXPIRED and will not be used") : QString())
          << '\n';
    c.out.flush();
    return Success;
}

int certificatesList(Context &c)
{
    int code = Success;
    QList<ProvisioningCertificate> certificates;
    if (!fetchList(
                c, [](Store &store) { return store.listCertificates(); }, &certificates, &code))
        return code;
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const ProvisioningCertificate &p : std::as_const(certificates))
            a.append(QJsonObject{{QStringLiteral("name"), p.name},
                                 {QStringLiteral("commonName"), p.commonName},
                                 {QStringLiteral("rootSha1"), p.rootSha1},
                                 {QStringLiteral("rootSha256"), p.rootSha256},
                                 {QStringLiteral("notAfter"), p.notAfter.toString(Qt::ISODate)},
                                 {QStringLiteral("expired"), p.isExpired()}});
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        for (const ProvisioningCertificate &p : std::as_const(certificates))
            c.out << p.name << "  CN " << p.commonName << "  root sha1:" << p.rootSha1 << "  until "
                  << p.notAfter.toString(Qt::ISODate) << (p.isExpired() ? "  EXPIRED" : "") << '\n';
        if (certificates.isEmpty())
            c.out << "No provisioning certificates; import one with: oobmctl certificates import FILE.pfx\n";
    }
    c.out.flush();
    return Success;
}

int certificatesDelete(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'certificates delete' takes one NAME."));
    int code = Success;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    for (const ProvisioningCertificate &p : store->listCertificates().result().value) {
        if (p.name == c.args.first()) {
            const auto r = store->deleteCertificate(p.id).result();
            if (!r.ok())
                return failure(c.err, r.error.message);
            c.out << QStringLiteral("Deleted the provisioning certificate %1.").arg(p.name) << '\n';
            c.out.flush();
            return Success;
        }
    }
    return failure(c.err, QStringLiteral("There is no provisioning certificate named %1.").arg(c.args.first()));
}

// TLS server certificates that profiles install.
bool findTlsCertificate(Context &c, Store &store, const QString &name, qint64 *id, int *exitCode)
{
    const auto r = store.listTlsCertificates().result();
    if (!r.ok()) {
        *exitCode = failure(c.err, r.error.message);
        return false;
    }
    for (const TlsCertificate &t : r.value) {
        if (t.name == name) {
            *id = t.id;
            return true;
        }
    }
    QStringList names;
    for (const TlsCertificate &t : r.value)
        names << t.name;
    *exitCode = failure(c.err,
                        QStringLiteral("There is no TLS certificate named %1; %2")
                                .arg(name,
                                     names.isEmpty()
                                             ? QStringLiteral("import one with: oobmctl tls-certificates "
                                                              "import FILE.pfx")
                                             : QStringLiteral("there are: %1.").arg(names.join(QStringLiteral(", ")))));
    return false;
}

int tlsCertificatesImport(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'tls-certificates import' takes one FILE (.pfx/.p12, or PEM with --key)."));
    int code = Success;
    if (!textOrJson(c, "tls-certificates import", &code))
        return code;
    QFile f(c.args.first());
    if (!f.open(QIODevice::ReadOnly))
        return failure(c.err, QStringLiteral("Cannot read %1: %2").arg(c.args.first(), f.errorString()));
    const QByteArray bytes = f.readAll();
    QString error;
    TlsCertificate certificate;
    if (c.parser.isSet(QStringLiteral("key"))) {
        QFile k(c.parser.value(QStringLiteral("key")));
        if (!k.open(QIODevice::ReadOnly))
            return failure(c.err, QStringLiteral("Cannot read %1: %2").arg(k.fileName(), k.errorString()));
        certificate = TlsCertificate::fromPem(bytes, k.readAll(), &error);
    } else {
        certificate = TlsCertificate::fromPkcs12(
                bytes, secretOption(c, QStringLiteral("passphrase"), "OOBM_CERTIFICATE_PASSPHRASE"), &error);
    }
    if (!error.isEmpty())
        return failure(c.err, QStringLiteral("%1: %2").arg(c.args.first(), error));
    if (c.parser.isSet(QStringLiteral("name")))
        certificate.name = c.parser.value(QStringLiteral("name")).trimmed();
    auto store = openUnlockedStore(c, &code, true);
    if (!store)
        return code;
    const StoreResult<qint64> r = store->importTlsCertificate(certificate).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    if (c.format == Format::Json)
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("id"), r.value},
                                           {QStringLiteral("name"), certificate.name},
                                           {QStringLiteral("sha256"), certificate.sha256}})
                         .toJson(QJsonDocument::Compact)
              << '\n';
    else
        c.out << QStringLiteral("Imported the TLS certificate %1 (CN %2, SHA-256 %3, valid until %4).")
                         .arg(certificate.name, certificate.commonName, certificate.sha256,
                              certificate.notAfter.toString(Qt::ISODate))
              << '\n';
    c.out.flush();
    return Success;
}

int tlsCertificatesList(Context &c)
{
    if (!c.args.isEmpty())
        return usage(c.err, QStringLiteral("'tls-certificates list' takes no arguments."));
    int code = Success;
    QList<TlsCertificate> certificates;
    if (!textOrJson(c, "tls-certificates list", &code)
        || !fetchList(
                c, [](Store &store) { return store.listTlsCertificates(); }, &certificates, &code))
        return code;
    if (c.format == Format::Json) {
        QJsonArray a;
        for (const TlsCertificate &t : std::as_const(certificates))
            a.append(QJsonObject{{QStringLiteral("name"), t.name},
                                 {QStringLiteral("commonName"), t.commonName},
                                 {QStringLiteral("sha256"), t.sha256},
                                 {QStringLiteral("notAfter"), jsonTime(t.notAfter)},
                                 {QStringLiteral("expired"), t.isExpired()},
                                 {QStringLiteral("chainLength"), int(t.chainList().size())}});
        c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        QList<QStringList> rows;
        for (const TlsCertificate &t : std::as_const(certificates))
            rows << QStringList{t.name, QStringLiteral("CN ") + t.commonName, QStringLiteral("sha256:") + t.sha256,
                                QStringLiteral("until ") + t.notAfter.toString(Qt::ISODate)
                                        + (t.isExpired() ? QStringLiteral(" EXPIRED") : QString())};
        printTable(c.out, rows);
        if (certificates.isEmpty())
            c.out << "No TLS certificates; import one with: oobmctl tls-certificates import FILE.pfx\n";
    }
    c.out.flush();
    return Success;
}

int tlsCertificatesDelete(Context &c)
{
    if (c.args.size() != 1)
        return usage(c.err, QStringLiteral("'tls-certificates delete' takes one NAME."));
    int code = Success;
    if (!textOrJson(c, "tls-certificates delete", &code))
        return code;
    auto store = openStore(c, &code, true);
    if (!store)
        return code;
    qint64 id = 0;
    if (!findTlsCertificate(c, *store, c.args.first(), &id, &code))
        return code;
    const auto r = store->deleteTlsCertificate(id).result();
    if (!r.ok())
        return failure(c.err, r.error.message);
    c.out << QStringLiteral("Deleted the TLS certificate %1.").arg(c.args.first()) << '\n';
    c.out.flush();
    return Success;
}

} // namespace Oobm::Ctl

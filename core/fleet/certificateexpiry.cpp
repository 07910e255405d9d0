// SPDX-License-Identifier: GPL-2.0-or-later
#include "certificateexpiry.h"

#include <QCoreApplication>

#include <algorithm>

namespace Oobm::Core {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Oobm::Core::CertificateExpiry", text, disambiguation, n);
}

template<typename Certificate>
void collect(const QList<Certificate> &certificates, CertificateExpiry::Kind kind, const QDateTime &bound,
             const QDateTime &now, QList<CertificateExpiry> *out)
{
    for (const Certificate &c : certificates) {
        if (!c.notAfter.isValid() || c.notAfter > bound)
            continue;
        CertificateExpiry e;
        e.kind = kind;
        e.id = c.id;
        e.name = c.name;
        e.notAfter = c.notAfter;
        const qint64 ms = now.msecsTo(c.notAfter);
        e.daysLeft = ms >= 0 ? ms / (24 * 3600 * 1000) : -((-ms + 24 * 3600 * 1000 - 1) / (24 * 3600 * 1000));
        out->append(e);
    }
}
} // namespace

QList<CertificateExpiry> CertificateExpiry::find(const QList<ProvisioningCertificate> &provisioning,
                                                 const QList<TlsCertificate> &tls, int days, const QDateTime &now)
{
    QList<CertificateExpiry> list;
    if (days <= 0)
        return list;
    const QDateTime bound = now.addDays(days);
    collect(provisioning, Kind::Provisioning, bound, now, &list);
    collect(tls, Kind::Tls, bound, now, &list);
    std::stable_sort(list.begin(), list.end(),
                     [](const CertificateExpiry &a, const CertificateExpiry &b) { return a.notAfter < b.notAfter; });
    return list;
}

QString CertificateExpiry::kindName() const
{
    return kind == Kind::Provisioning ? tr("Provisioning certificate") : tr("TLS certificate");
}

QString CertificateExpiry::describe() const
{
    const QString date = notAfter.toUTC().toString(Qt::ISODate);
    const QString what = kind == Kind::Provisioning ? tr("provisioning certificate") : tr("TLS certificate");
    if (daysLeft < 0)
        return tr("The %1 %2 expired on %3: import its successor.").arg(what, name, date);
    return tr("The %1 %2 expires on %3 (in %n days): import its successor.", nullptr, int(daysLeft))
            .arg(what, name, date);
}

} // namespace Oobm::Core

// SPDX-License-Identifier: GPL-2.0-or-later
#include "amterror.h"

#include "core/amt/ptstatus.h"

#include <QCoreApplication>

namespace Oobm::Core::Amt {

QString AmtError::categoryName(Category category)
{
    switch (category) {
    case Category::None:
        return QStringLiteral("none");
    case Category::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case Category::Timeout:
        return QStringLiteral("timeout");
    case Category::ConnectionDropped:
        return QStringLiteral("connection-dropped");
    case Category::TlsHandshake:
        return QStringLiteral("tls-handshake");
    case Category::Authentication:
        return QStringLiteral("authentication");
    case Category::SoapFault:
        return QStringLiteral("soap-fault");
    case Category::Status:
        return QStringLiteral("status");
    case Category::NotFound:
        return QStringLiteral("not-found");
    case Category::NotSupported:
        return QStringLiteral("not-supported");
    case Category::AccessDenied:
        return QStringLiteral("access-denied");
    case Category::InvalidSelectors:
        return QStringLiteral("invalid-selectors");
    case Category::Protocol:
        return QStringLiteral("protocol");
    }
    return {};
}

AmtError AmtError::fromPtStatus(const char *operation, unsigned status)
{
    if (status == 0)
        return {};
    AmtError e;
    e.category = Category::Status;
    e.operation = QLatin1String(operation);
    e.ptStatus = status;
    e.statusName = ptStatusName(status);
    // The same translation context as the sessions' other sentences.
    e.message = QCoreApplication::translate("Oobm::Core::Amt", "%1 returned %2 (%3): %4")
                        .arg(e.operation, ptStatusName(status))
                        .arg(status)
                        .arg(ptStatusSentence(status));
    return e;
}

} // namespace Oobm::Core::Amt

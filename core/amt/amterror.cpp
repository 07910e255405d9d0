// SPDX-License-Identifier: GPL-2.0-or-later
#include "amterror.h"

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

} // namespace Oobm::Core::Amt

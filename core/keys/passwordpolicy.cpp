// SPDX-License-Identifier: GPL-2.0-or-later
#include "passwordpolicy.h"

#include <QCoreApplication>

namespace Oobm::Core {

QString mePasswordProblem(const QString &password)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("Oobm::Core::PasswordPolicy", text); };
    if (password.size() < 8)
        return tr("The password has %1 characters; it needs at least 8.").arg(password.size());
    if (password.size() > 32)
        return tr("The password has %1 characters; it may have at most 32.").arg(password.size());
    bool upper = false, lower = false, digit = false, special = false;
    for (QChar c : password) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u > 0x7E)
            return tr("The password may only hold printable ASCII characters.");
        if (u == ':' || u == ',' || u == '"')
            return tr("The password may not contain ':' ',' or '\"'.");
        if (u >= 'A' && u <= 'Z')
            upper = true;
        else if (u >= 'a' && u <= 'z')
            lower = true;
        else if (u >= '0' && u <= '9')
            digit = true;
        else if (u != '_' && u != ' ')
            special = true;
    }
    if (!upper)
        return tr("The password needs an upper-case letter (A-Z).");
    if (!lower)
        return tr("The password needs a lower-case letter (a-z).");
    if (!digit)
        return tr("The password needs a digit (0-9).");
    if (!special)
        return tr("The password needs a special character such as ! @ # $ % (_ and space do not count).");
    return {};
}

} // namespace Oobm::Core

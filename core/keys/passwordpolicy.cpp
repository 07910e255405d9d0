// SPDX-License-Identifier: GPL-2.0-or-later
#include "passwordpolicy.h"

#include <QCoreApplication>

#include <openssl/rand.h>

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

QString generateMePassword()
{
    // One of each class the rules ask for, then any; the classes' places are random too.
    static const char upper[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static const char lower[] = "abcdefghijkmnopqrstuvwxyz";
    static const char digits[] = "23456789";
    static const char special[] = "!#$%&()*+-./;<=>?@[]^{|}~";
    static const char *const classes[] = {upper, lower, digits, special};
    constexpr int Length = 16;
    unsigned char random[2 * Length];
    if (RAND_bytes(random, int(sizeof random)) != 1)
        return {};
    QString password;
    for (int i = 0; i < Length; ++i) {
        const char *alphabet = classes[i < 4 ? i : random[i] % 4];
        const int size = int(std::char_traits<char>::length(alphabet));
        password += QLatin1Char(alphabet[random[Length + i] % size]);
    }
    // Shuffle so the first four are not always upper, lower, digit, special.
    for (int i = Length - 1; i > 0; --i)
        std::swap(password[i], password[random[i] % (i + 1)]);
    return password;
}

} // namespace Oobm::Core

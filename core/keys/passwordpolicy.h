// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Oobm::Core {

// The Intel ME / AMT admin password rules (docs/protocol.md §6): 8-32 printable 7-bit ASCII
// characters with an upper-case letter, a lower-case letter, a digit and a special character
// ('_' and space do not count); ':' ',' '"' are not allowed. The factory default is "admin".
inline constexpr char FactoryMePassword[] = "admin";

// Empty when the password follows the rules, otherwise the first rule it breaks, as a sentence.
QString mePasswordProblem(const QString &password);
// A random password that follows the rules (16 characters from OpenSSL's CSPRNG), for a device's
// own admin password (rotation, or a profile's "a random admin password per device").
QString generateMePassword();

} // namespace Oobm::Core

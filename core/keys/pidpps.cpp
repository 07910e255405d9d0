// SPDX-License-Identifier: GPL-2.0-or-later
#include "pidpps.h"

#include <QCoreApplication>

#include <openssl/rand.h>

namespace Oobm::Core::PidPps {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::PidPps", text);
}

QByteArray randomCharacters(int count)
{
    QByteArray out;
    out.reserve(count);
    // Rejection sampling: 252 = 7 * 36 keeps every character equally likely.
    unsigned char buffer[64];
    while (out.size() < count) {
        if (RAND_bytes(buffer, sizeof buffer) != 1)
            qFatal("OpenSSL's random generator failed");
        for (unsigned char b : buffer) {
            if (b < 252 && out.size() < count)
                out.append(Alphabet[b % 36]);
        }
    }
    return out;
}

bool inAlphabet(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

QByteArray cleaned(const QString &text)
{
    QByteArray out;
    for (QChar c : text) {
        if (c == u'-' || c.isSpace())
            continue;
        out.append(char(c.toUpper().unicode() < 128 ? c.toUpper().unicode() : '?'));
    }
    return out;
}

} // namespace

char checkCharacter(const QByteArray &characters)
{
    unsigned sum = 0;
    for (char c : characters)
        sum += static_cast<unsigned char>(c);
    return Alphabet[sum % 36];
}

QByteArray pidFromRandom(const QByteArray &seven)
{
    return seven + checkCharacter(seven);
}

QByteArray ppsFromRandom(const QByteArray &twentyFour)
{
    QByteArray pps;
    for (int g = 0; g < 8; ++g) {
        const QByteArray three = twentyFour.mid(g * 3, 3);
        pps += three + checkCharacter(three);
    }
    return pps;
}

QByteArray generatePid()
{
    return pidFromRandom(randomCharacters(7));
}

QByteArray generatePps()
{
    return ppsFromRandom(randomCharacters(24));
}

QByteArray normalizePid(const QString &text, QString *problem)
{
    const QByteArray pid = cleaned(text);
    if (pid.size() != PidLength) {
        *problem = tr("PID has %1 characters; it needs 8.").arg(pid.size());
        return {};
    }
    for (char c : pid) {
        if (!inAlphabet(c)) {
            *problem = tr("PID '%1' holds '%2'; only 0-9 and A-Z are allowed.")
                               .arg(QString::fromLatin1(pid), QString(QLatin1Char(c)));
            return {};
        }
    }
    const char check = checkCharacter(pid.left(7));
    if (pid.at(7) != check) {
        *problem = tr("PID '%1': the check character should be '%2'.").arg(formatPid(pid), QString(QLatin1Char(check)));
        return {};
    }
    return pid;
}

QByteArray normalizePps(const QString &text, QString *problem)
{
    const QByteArray pps = cleaned(text);
    if (pps.size() != PpsLength) {
        *problem = tr("PPS has %1 characters; it needs 32 (8 groups of 4).").arg(pps.size());
        return {};
    }
    for (int g = 0; g < 8; ++g) {
        const QByteArray group = pps.mid(g * 4, 4);
        for (char c : group) {
            if (!inAlphabet(c)) {
                *problem = tr("PPS group %1 '%2' holds '%3'; only 0-9 and A-Z are allowed.")
                                   .arg(g + 1)
                                   .arg(QString::fromLatin1(group), QString(QLatin1Char(c)));
                return {};
            }
        }
        const char check = checkCharacter(group.left(3));
        if (group.at(3) != check) {
            *problem = tr("PPS group %1 '%2': the check character should be '%3'.")
                               .arg(g + 1)
                               .arg(QString::fromLatin1(group), QString(QLatin1Char(check)));
            return {};
        }
    }
    return pps;
}

QString formatPid(const QByteArray &pid)
{
    return QString::fromLatin1(pid.left(4)) + u'-' + QString::fromLatin1(pid.mid(4));
}

QString formatPps(const QByteArray &pps)
{
    QStringList groups;
    for (int g = 0; g < pps.size(); g += 4)
        groups << QString::fromLatin1(pps.mid(g, 4));
    return groups.join(u'-');
}

} // namespace Oobm::Core::PidPps

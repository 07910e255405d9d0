// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the seed corpus of fuzz_keyfile (fuzz/corpus/keyfile/): CSV files as admins and OEM tools
// write them, and setup.bin files of each version OOBM reads. Run by hand after a format change:
//   build/fuzz/fuzz/make_keyfile_seeds fuzz/corpus/keyfile
#include "core/keys/keyfile.h"
#include "core/keys/pidpps.h"
#include "core/keys/setupbin.h"

#include <QDir>
#include <QFile>

#include <cstdio>

using namespace Oobm::Core;

namespace {

bool write(const QDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
        return false;
    }
    KeyFileContents contents;
    QString error;
    const bool read = KeyFile::read(bytes, &contents, &error);
    std::printf("%s: %lld bytes, %s, %lld keys, %lld problems\n", qPrintable(file.fileName()), qlonglong(bytes.size()),
                read ? "read" : qPrintable(error), qlonglong(contents.entries.size()),
                qlonglong(contents.problems.size()));
    return true;
}

KeyFileEntry entry(const char *pid, const char *pps, const char *me = "admin", const char *newMe = "P@ssw0rd!")
{
    KeyFileEntry e;
    e.pid = pid;
    e.pps = pps;
    e.mePassword = QString::fromLatin1(me);
    e.newMePassword = QString::fromLatin1(newMe);
    return e;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!dir.mkpath(QStringLiteral(".")))
        return 1;
    // The worked example of docs/protocol.md (tests/core/tst_setupbin.cpp) and a second key.
    QByteArray second("A1B2C3D");
    second += PidPps::checkCharacter(second);
    const QList<KeyFileEntry> keys{entry("K7QX2MBO", "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI"),
                                   entry(second.constData(), "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI", "admin", "N3w-Pass!")};
    bool ok = write(dir, QStringLiteral("csv-keys"), KeyFile::csv(keys, false));
    ok = write(dir, QStringLiteral("csv-with-passwords"), KeyFile::csv(keys, true)) && ok;
    ok = write(dir, QStringLiteral("csv-bom-crlf"),
               "\xEF\xBB\xBFPID,PPS\r\nK7QX-2MBO,R2DK-C3PI-O4Z5-9XYI-R2DK-C3PI-O4Z5-9XYI\r\n")
            && ok;
    ok = write(dir, QStringLiteral("csv-bad-rows"),
               "# OEM export\nK7QX2MB,R2DK\nK7QX-2MBO\n,\nk7qx 2mbo,r2dkc3pio4z59xyir2dkc3pio4z59xyi,admin\n")
            && ok;
    QString error;
    QStringList warnings;
    ok = write(dir, QStringLiteral("setupbin-v1"), KeyFile::setupBin(1, keys, {}, 0, &error, &warnings)) && ok;
    ok = write(dir, QStringLiteral("setupbin-v2"), KeyFile::setupBin(2, keys, {}, 0, &error, &warnings)) && ok;
    ok = write(dir, QStringLiteral("setupbin-v2.1-server"),
               KeyFile::setupBin(2, keys, QHostAddress(QStringLiteral("127.0.0.1")), 9971, &error, &warnings))
            && ok;
    // Version 4 as the test of the scrambled layout builds it.
    SetupBin bin;
    SetupBinRecord rec;
    rec.pid = "K7QX2MBO";
    rec.pps = "R2DKC3PIO4Z59XYIR2DKC3PIO4Z59XYI";
    rec.currentMePassword = QStringLiteral("admin");
    bin.records = {rec};
    QByteArray v4 = bin.encode();
    v4.replace(0, 16, QByteArray::fromHex("aaa93452e129a9448d4d081c07b96353"));
    v4[24] = 4;
    v4[512 + 4] = 3;
    for (int i = 512 + 24; i < 1024; ++i)
        v4[i] = char(quint8(v4.at(i)) + 0x11);
    ok = write(dir, QStringLiteral("setupbin-v4-scrambled"), v4) && ok;
    ok = write(dir, QStringLiteral("setupbin-truncated"),
               KeyFile::setupBin(2, keys, {}, 0, &error, &warnings).left(700))
            && ok;
    return ok ? 0 : 1;
}

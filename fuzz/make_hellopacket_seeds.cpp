// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the seed corpus of fuzz_hellopacket (fuzz/corpus/hellopacket/) and checks that each seed
// gets the verdict it is there for. Run by hand after a change to the hello layout:
//   build/fuzz/fuzz/make_hellopacket_seeds fuzz/corpus/hellopacket
#include "core/provisioning/hellopacket.h"

#include <QDir>
#include <QFile>

#include <cstdio>

using Oobm::Core::HelloPacket;

namespace {

bool write(const QDir &dir, const QString &name, const QByteArray &bytes, bool valid)
{
    QString error;
    if (HelloPacket::parse(bytes, &error).has_value() != valid) {
        std::fprintf(stderr, "%s: parse %s (%s)\n", qPrintable(name), valid ? "rejects it" : "accepts it",
                     qPrintable(error));
        return false;
    }
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
        return false;
    }
    std::printf("%s: %lld bytes, %s\n", qPrintable(file.fileName()), qlonglong(bytes.size()),
                valid ? "valid" : qPrintable(error));
    return true;
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

    // docs/protocol.md §3.3's worked example (tests/core/tst_hellopacket.cpp).
    HelloPacket psk;
    psk.adminCredentialsSet = true;
    psk.version = HelloPacket::Version::Psk;
    psk.uuid = QUuid(QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B"));
    psk.pid = QByteArrayLiteral("K7QX2MBO");

    HelloPacket pki;
    pki.version = HelloPacket::Version::Pki;
    pki.retryCount = 14;
    pki.uuid = QUuid(QStringLiteral("00112233-4455-6677-8899-AABBCCDDEEFF"));
    pki.rootHashes = {{HelloPacket::HashType::Sha1, QByteArray(20, '\x11')},
                      {HelloPacket::HashType::Sha384, QByteArray(48, '\x33')}};
    const QByteArray pkiBytes = pki.encode();

    bool ok = write(dir, QStringLiteral("psk-valid"), psk.encode(), true);
    ok = write(dir, QStringLiteral("pki-valid-2-hashes"), pkiBytes, true) && ok;
    ok = write(dir, QStringLiteral("pki-truncated-in-hash-2"), pkiBytes.left(pkiBytes.size() - 10), false) && ok;
    return ok ? 0 : 1;
}

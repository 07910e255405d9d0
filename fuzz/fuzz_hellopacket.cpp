// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for HelloPacket::parse, which the engine feeds whatever a TCP client sends on
// port 9971: it must never crash, hang or read out of bounds (ASan/UBSan catch those), and what it
// accepts must be a well-formed hello. A broken invariant traps. See fuzz/README.md.
#include "core/provisioning/hellopacket.h"

#include <cstddef>
#include <cstdint>

using Oobm::Core::hashLength;
using Oobm::Core::HelloPacket;

namespace {

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

bool isPidChar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

void checkAccepted(const QByteArray &bytes, const HelloPacket &hello)
{
    check(hello.version == HelloPacket::Version::Psk || hello.version == HelloPacket::Version::Pki);

    if (hello.version == HelloPacket::Version::Psk) {
        check(bytes.size() == HelloPacket::PskSize);
        check(hello.pid.size() == 8);
        for (char c : hello.pid)
            check(isPidChar(c));
        check(hello.rootHashes.isEmpty());
    } else {
        check(hello.pid.isEmpty());
        check(hello.rootHashes.size() <= 255);
        qsizetype expected = 25;
        for (const HelloPacket::RootHash &h : hello.rootHashes) {
            check(hashLength(h.type) != 0);
            check(h.hash.size() == hashLength(h.type));
            expected += 2 + h.hash.size();
        }
        check(bytes.size() == expected); // PKI: 25 + sum(2 + len)
    }
    check(bytes.size() <= HelloPacket::MaxSize);
    check(HelloPacket::uuidText(hello.uuid).size() == 36);

    // The wire format is canonical: re-encoding gives back the same bytes, and parsing those the
    // same packet.
    const QByteArray again = hello.encode();
    check(again == bytes);
    QString error;
    const auto reparsed = HelloPacket::parse(again, &error);
    check(reparsed.has_value());
    check(*reparsed == hello);
    check(error.isEmpty()); // parse leaves the error alone on success
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // No copy: a read past the end of the fuzzer's own buffer is one ASan reports.
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    QString error;
    const auto hello = HelloPacket::parse(bytes, &error);
    // The error pointer is optional and does not change the verdict.
    check(HelloPacket::parse(bytes, nullptr).has_value() == hello.has_value());

    if (hello)
        checkAccepted(bytes, *hello);
    else
        check(!error.isEmpty());
    return 0;
}

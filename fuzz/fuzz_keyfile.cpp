// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the key files people bring to Security Keys > Import (KeyFile::read: a CSV
// or a USB One-Touch setup.bin of any version, told apart by their bytes) and for the setup.bin
// codec beneath it (SetupBin::decode, encode, consumeNext). Beyond no crash, hang or bad read
// (ASan/UBSan), a broken invariant traps:
// - a refusal says why; what is accepted holds canonical keys, or a problem says why not;
// - a decoded setup.bin of a version OOBM writes (1, 2) encodes to a file that decodes to the
//   same keys, passwords and server; a CSV OOBM writes from accepted keys reads back the same;
// - consuming a record never changes the file's size, and a consumed record is not offered again.
// See fuzz/README.md.
#include "core/keys/keyfile.h"
#include "core/keys/pidpps.h"
#include "core/keys/setupbin.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace Oobm::Core;

namespace {

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

bool canonical(const KeyFileEntry &e)
{
    QString problem;
    return PidPps::normalizePid(PidPps::formatPid(e.pid), &problem) == e.pid
            && PidPps::normalizePps(PidPps::formatPps(e.pps), &problem) == e.pps;
}

// What survives a CSV line: no separator, control character or surrounding blanks in a password.
bool csvSafe(const QString &password)
{
    for (const QChar c : password) {
        if (c == u',' || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c.isSurrogate())
            return false;
    }
    return password.trimmed() == password;
}

void checkRead(const QByteArray &bytes)
{
    KeyFileContents contents;
    QString error;
    if (!KeyFile::read(bytes, &contents, &error)) {
        check(!error.isEmpty());
        check(contents.entries.isEmpty());
        return;
    }
    check(!contents.entries.isEmpty() || !contents.problems.isEmpty());
    QList<KeyFileEntry> safe;
    for (const KeyFileEntry &e : std::as_const(contents.entries)) {
        check(canonical(e));
        check(!e.where.isEmpty());
        if (csvSafe(e.mePassword) && csvSafe(e.newMePassword))
            safe << e;
    }
    for (const QString &p : std::as_const(contents.problems))
        check(!p.isEmpty());
    if (safe.isEmpty())
        return;
    // Written by OOBM, read back: the same keys and passwords in the same order.
    KeyFileContents back;
    check(KeyFile::read(KeyFile::csv(safe, true), &back, &error));
    check(back.problems.isEmpty());
    check(back.entries.size() == safe.size());
    for (qsizetype i = 0; i < safe.size(); ++i) {
        check(back.entries.at(i).pid == safe.at(i).pid);
        check(back.entries.at(i).pps == safe.at(i).pps);
        check(back.entries.at(i).mePassword == safe.at(i).mePassword);
        check(back.entries.at(i).newMePassword == safe.at(i).newMePassword);
    }
}

void checkSetupBin(const QByteArray &bytes)
{
    QString why;
    const auto bin = SetupBin::decode(bytes, &why);
    if (!bin) {
        check(!why.isEmpty());
        return;
    }
    if (bin->major == 1 || bin->major == 2) {
        QString error;
        const QByteArray again = bin->encode(&error);
        if (!again.isEmpty()) {
            const auto back = SetupBin::decode(again, &why);
            check(back.has_value());
            check(back->records.size() == bin->records.size());
            for (qsizetype i = 0; i < bin->records.size(); ++i) {
                const SetupBinRecord &a = bin->records.at(i);
                const SetupBinRecord &b = back->records.at(i);
                check(a.pid == b.pid && a.pps == b.pps);
                check(a.currentMePassword == b.currentMePassword && a.newMePassword == b.newMePassword);
                check(a.provisioningServer == b.provisioningServer && a.provisioningPort == b.provisioningPort);
            }
        }
    }
    // A BIOS at POST: the file keeps its size and, unless its records are reusable, has one
    // unconsumed record fewer.
    const auto unconsumed = [](const SetupBin &b) {
        return std::count_if(b.records.cbegin(), b.records.cend(), [](const SetupBinRecord &r) { return !r.consumed; });
    };
    QByteArray file = bytes;
    QString error;
    const auto first = SetupBin::consumeNext(file, &error);
    check(file.size() == bytes.size());
    if (!first) {
        check(!error.isEmpty());
        check(unconsumed(*bin) == 0);
        return;
    }
    check(!first->consumed);
    const auto after = SetupBin::decode(file, &why);
    check(after.has_value());
    check(unconsumed(*after) == unconsumed(*bin) - (bin->doNotConsume ? 0 : 1));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    checkRead(bytes);
    checkSetupBin(bytes);
    return 0;
}

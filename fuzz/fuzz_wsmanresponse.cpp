// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for what the WS-Management client reads from a device (docs/protocol.md §13):
// a WsmanSession talks to a loopback "device" that answers its requests with the input's bytes
// after the first, which chooses the call (several answers, one per request, are separated by
// LoopbackDevice::Separator). So the whole path runs as against a real device: HTTP
// (chunks, gzip, Digest challenges), the SOAP 1.2 envelope and headers, gSOAP's deserializers for
// each class, the client's Pull loop and its error classification. Beyond no crash, hang or bad read
// (ASan/UBSan), a broken invariant traps:
// - a failed call names its operation, a category and a sentence; a status error carries its code;
// - a fault's subcode comes only with a category that has one;
// - an accepted version is never empty, an accepted platform UUID is 16 bytes.
// See fuzz/README.md.
#include "loopbackdevice.h"
#include "wsmancalls.h"

#include "core/amt/wsmansession.h"

#include <cstddef>
#include <cstdint>

using namespace Oobm::Core::Amt;

namespace {

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

void checkError(const AmtError &e)
{
    if (!e)
        return;
    check(!e.message.isEmpty());
    check(!e.operation.isEmpty());
    check(e.category != AmtError::Category::Status || e.ptStatus != 0);
    const bool faultCategory = e.category == AmtError::Category::SoapFault || e.category == AmtError::Category::NotFound
            || e.category == AmtError::Category::NotSupported || e.category == AmtError::Category::AccessDenied
            || e.category == AmtError::Category::InvalidSelectors;
    check(e.faultSubcode.isEmpty() || faultCategory);
}

Oobm::Fuzz::LoopbackDevice &device()
{
    static Oobm::Fuzz::LoopbackDevice d; // its threads end before the leak check at exit
    return d;
}

// One call of the client, chosen by the input's first byte (wsmancalls.h).
void call(const AmtEndpoint &e, uint8_t which)
{
    WsmanSession s(e);
    QString accepted;
    const AmtError error = Oobm::Fuzz::wsmanCall(s, which, &accepted);
    checkError(error);
    // What a call read and accepted is never empty: a version, a UUID of 16 bytes.
    const int call = which % Oobm::Fuzz::WsmanCallCount;
    if (!error && call == 1)
        check(!accepted.isEmpty());
    if (!error && call == 12)
        check(accepted.size() == 32);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    device().setAnswers(QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1)));
    AmtEndpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = device().port();
    e.password = QStringLiteral("P@ssw0rd");
    e.connectTimeoutMs = 1000;
    // The device answers at once or never: an answer that leaves the client waiting for more (a
    // Content-Length beyond the bytes, an unfinished chunk) costs this much.
    e.sendTimeoutMs = 200;
    e.receiveTimeoutMs = 200;
    call(e, data[0]);
    device().waitIdle(); // the session has closed its connection: this input's threads are done
    return 0;
}

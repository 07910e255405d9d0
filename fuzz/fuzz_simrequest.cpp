// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for what amt-sim reads from a client, so that the lab cannot be crashed or
// wedged either: the input is sent as it is to a simulated AMT 6.0 device (in this process, on
// 127.77.0.1:26992), which parses it as the firmware would (HTTP, Digest, the SOAP 1.1 or 1.2
// envelope, the legacy services' bodies or /wsman's headers and bodies). Seeds carry an
// Authorization header, so the server reads the body before it checks the (always wrong) digest.
// Beyond no crash, hang or bad read (ASan/UBSan), a broken invariant traps:
// - whatever the server writes back is an HTTP response;
// - no input changes the device (none can carry a valid digest): its state is the same after;
// - the device still answers a real client afterwards, WS-Management and legacy alike.
// See fuzz/README.md.
#include "core/amt/amtsession.h"
#include "core/amt/wsmansession.h"
#include "sim/fleet.h"
#include "sim/soapserver.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <arpa/inet.h>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Oobm;

namespace {

constexpr quint16 HttpPort = 26992;
const char DeviceAddress[] = "127.77.0.1";

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

struct Lab
{
    Lab()
    {
        Sim::FleetOptions options;
        options.addressBase = QHostAddress(QString::fromLatin1(DeviceAddress));
        options.mode = Sim::Mode::Provisioned;
        options.amtVersion = QStringLiteral("6.0"); // both dialects, and WS-Management's classes of 3.2 and 6.0
        fleet = std::make_unique<Sim::Fleet>(options);
        check(fleet->load().isEmpty());
        Sim::SoapServerOptions serverOptions;
        serverOptions.httpPort = HttpPort;
        serverOptions.tlsPort = HttpPort + 1;
        serverOptions.workers = 4;
        server = std::make_unique<Sim::SoapServer>(*fleet, serverOptions);
        check(server->start().isEmpty()); // the port is taken: run one fuzz_simrequest at a time
        Core::Amt::AmtEndpoint e;
        e.host = QString::fromLatin1(DeviceAddress);
        e.port = HttpPort;
        e.password = options.adminPassword;
        wsman = std::make_unique<Core::Amt::WsmanSession>(e);
        legacy = std::make_unique<Core::Amt::AmtSession>(e);
    }

    QByteArray deviceState() const
    {
        Sim::SimDevice *d = fleet->device(0);
        QMutexLocker lock(&d->mutex);
        QJsonObject state = d->state().toJson(true);
        state.remove(QStringLiteral("deviceTime")); // the device's clock, which runs
        return QJsonDocument(state).toJson(QJsonDocument::Compact);
    }

    std::unique_ptr<Sim::Fleet> fleet;
    std::unique_ptr<Sim::SoapServer> server;
    std::unique_ptr<Core::Amt::WsmanSession> wsman;
    std::unique_ptr<Core::Amt::AmtSession> legacy;
};

Lab &lab()
{
    static auto *l = [] {
        auto *created = new Lab;
        // The server's threads end before the leak check at exit, which cannot stop them otherwise.
        std::atexit([] { lab().server->stop(); });
        return created;
    }();
    return *l;
}

// Sends the bytes on a new connection, ends the sending side, and reads what comes back.
QByteArray exchange(const uint8_t *data, size_t size)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(HttpPort);
    ::inet_pton(AF_INET, DeviceAddress, &a.sin_addr);
    // A connection may be refused for a moment when the server's backlog is full at hundreds of
    // inputs a second; one that stays refused for 5 s means the server stopped accepting.
    int s = -1;
    for (int attempt = 0; s < 0; ++attempt) {
        s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (::connect(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0)
            break;
        const int error = errno;
        ::close(s);
        s = -1;
        if (attempt == 50) {
            std::fprintf(stderr, "fuzz_simrequest: connect: %s\n", std::strerror(error));
            __builtin_trap();
        }
        ::usleep(100 * 1000);
    }
    for (size_t sent = 0; sent < size;) {
        const ssize_t n = ::send(s, data + sent, size - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break; // the server closed early (a 401 before the body): what it said is still read
        sent += size_t(n);
    }
    ::shutdown(s, SHUT_WR);
    QByteArray answer;
    char buffer[4096];
    for (;;) {
        pollfd p{s, POLLIN, 0};
        if (::poll(&p, 1, 15000) <= 0) // the server's own timeout is 10 s
            __builtin_trap();          // wedged: it neither answers nor closes
        const ssize_t n = ::recv(s, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        answer.append(buffer, n);
    }
    ::close(s);
    return answer;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Lab &l = lab();
    const QByteArray before = l.deviceState();
    const QByteArray answer = exchange(data, size);
    check(answer.isEmpty() || answer.startsWith("HTTP/1."));
    const QByteArray after = l.deviceState();
    if (after != before)
        std::fprintf(stderr, "fuzz_simrequest: the device changed:\n%s\n%s\n", before.constData(), after.constData());
    check(after == before);
    const Core::Amt::AmtError wsmanError = l.wsman->getGeneralSettings().error;
    if (wsmanError)
        std::fprintf(stderr, "fuzz_simrequest: a real client's call failed: %s\n", qPrintable(wsmanError.message));
    check(!wsmanError);
    const Core::Amt::AmtError legacyError = l.legacy->getCoreVersion().error;
    if (legacyError)
        std::fprintf(stderr, "fuzz_simrequest: a real client's call failed: %s\n", qPrintable(legacyError.message));
    check(!legacyError);
    return 0;
}

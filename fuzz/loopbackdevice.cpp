// SPDX-License-Identifier: GPL-2.0-or-later
#include "loopbackdevice.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Oobm::Fuzz {

LoopbackDevice::LoopbackDevice()
{
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof a;
    if (::bind(m_listener, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(m_listener, 16) != 0
        || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&a), &length) != 0)
        __builtin_trap(); // no loopback: nothing to fuzz against
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { serve(); });
}

LoopbackDevice::~LoopbackDevice()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    ::shutdown(m_listener, SHUT_RDWR);
    m_thread.join();
    ::close(m_listener);
    waitIdle();
}

void LoopbackDevice::setAnswers(const QByteArray &answers)
{
    std::lock_guard lock(m_mutex);
    m_answers.clear();
    const QByteArray separator(Separator);
    qsizetype from = 0;
    for (qsizetype at; (at = answers.indexOf(separator, from)) >= 0; from = at + separator.size())
        m_answers.append(answers.mid(from, at - from));
    m_answers.append(answers.mid(from));
    m_served = 0;
}

void LoopbackDevice::waitIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait_for(lock, std::chrono::seconds(5), [this] { return m_open == 0; });
}

void LoopbackDevice::serve()
{
    for (;;) {
        const int c = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) {
                if (c >= 0)
                    ::close(c);
                return;
            }
        }
        if (c < 0)
            continue;
        {
            std::lock_guard lock(m_mutex);
            ++m_open;
        }
        // A client may open the next connection before it closes one: each has its own thread.
        std::thread([this, c] {
            answer(c);
            std::lock_guard lock(m_mutex);
            if (--m_open == 0)
                m_idle.notify_all();
        }).detach();
    }
}

// Serves one connection: request after request, each read to its end and answered, until the
// client closes it; the last answer closes the device's side.
void LoopbackDevice::answer(int c)
{
    QByteArray request;
    char buffer[4096];
    bool finished = false;
    for (;;) {
        // The request: headers, then Content-Length bytes (the client always sends one).
        bool complete = false;
        for (;;) {
            const qsizetype headerEnd = request.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                const qsizetype at = request.toLower().indexOf("content-length:");
                const qsizetype eol = at >= 0 ? request.indexOf('\r', at) : -1;
                const qsizetype length = eol > at ? request.mid(at + 15, eol - at - 15).trimmed().toLongLong() : 0;
                if (request.size() >= headerEnd + 4 + length) {
                    request.remove(0, headerEnd + 4 + length);
                    complete = true;
                    break;
                }
            }
            pollfd p{c, POLLIN, 0};
            if (::poll(&p, 1, 2000) <= 0)
                break;
            const ssize_t n = ::recv(c, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            request.append(buffer, n);
        }
        if (!complete)
            break;
        if (finished)
            continue; // a request after the last answer: read, never answered
        QByteArray answer;
        {
            std::lock_guard lock(m_mutex);
            const int index = qMin(m_served++, int(m_answers.size()) - 1);
            answer = m_answers.at(index);
            finished = index == m_answers.size() - 1;
        }
        for (qsizetype sent = 0; sent < answer.size();) {
            const ssize_t n = ::send(c, answer.constData() + sent, size_t(answer.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                break;
            sent += n;
        }
        // After the last answer the device says no more at once: a client waiting for the rest of a
        // short body reads the end instead of waiting for its timeout, and one that wants to send
        // again sees the connection closed and opens another.
        if (finished)
            ::shutdown(c, SHUT_WR);
    }
    ::close(c);
}

} // namespace Oobm::Fuzz

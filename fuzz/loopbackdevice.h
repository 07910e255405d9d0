// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace Oobm::Fuzz {

// A "device" on 127.0.0.1 that answers HTTP requests with given bytes, on one connection at a time,
// kept open until the client closes it: what fuzz_wsmanresponse puts in front of the
// WS-Management client. The answers are separated by Separator; the n-th request gets the n-th (the
// last one once they run out), so an Enumerate and its Pulls can each have their own. It reads each
// request to its end first (headers and Content-Length), so the client is never reset mid-send.
class LoopbackDevice
{
public:
    LoopbackDevice();
    ~LoopbackDevice();
    LoopbackDevice(const LoopbackDevice &) = delete;
    LoopbackDevice &operator=(const LoopbackDevice &) = delete;

    static constexpr char Separator[] = "\xFF\xFEnext\xFD\xFC";

    quint16 port() const { return m_port; }
    // The answers, joined by Separator; the count of requests starts again.
    void setAnswers(const QByteArray &answers);
    // Waits until every connection has been closed and its thread has ended (up to 5 s), so one
    // input's connections never see the next input's answers.
    void waitIdle();

private:
    void serve();
    void answer(int connection);

    int m_listener = -1;
    quint16 m_port = 0;
    std::mutex m_mutex;
    QList<QByteArray> m_answers;
    int m_served = 0;
    int m_open = 0; // connections being served
    std::condition_variable m_idle;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace Oobm::Fuzz

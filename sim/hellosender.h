// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHostAddress>
#include <queue>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace Oobm::Sim {

class Fleet;
class SimDevice;

struct HelloOptions
{
    QHostAddress server; // the ProvisionServer, as given with --provision-server
    quint16 port = 9971;
    // Without a server: the DNS server DHCP would give the devices; each hello first looks up
    // ProvisionServer.<device's domain>, then ProvisionServer (docs/protocol.md §2).
    QHostAddress dnsServer;
    quint16 dnsPort = 53;
    double timeScale = 1.0; // 1000 = a thousand times faster than real firmware
};

// Sends hello packets from each device in setup mode, from the device's own address, on the
// contract's schedule (docs/protocol.md §3.4): attempts 0-4 every 12 s, 5-9 every
// 120 s, 10-14 every 12 min, then hourly until the window closes (24 h the first time, 6 h after
// a restart); then the device is in mode 6 until restart() re-opens the window.
class HelloSender
{
public:
    using Changed = std::function<void(SimDevice *)>;
    HelloSender(Fleet &fleet, const HelloOptions &options, Changed changed);
    ~HelloSender();

    void start();
    void stop();
    // The host agent's job (and an AC power cycle's): open the window again for 6 hours.
    void restart(SimDevice *device);
    // Re-reads the device's mode (after a control command) and schedules it if it now sends hellos.
    void reschedule(SimDevice *device);

    // Seconds of the schedule, before scaling.
    static double intervalAfterAttempt(quint32 attempt);
    static double windowSeconds(bool firstWindow);

private:
    struct Due
    {
        qint64 atMs;
        int index;
        quint64 generation;
        bool operator>(const Due &o) const { return atMs > o.atMs; }
    };
    void run();
    void sendOne(SimDevice *device);
    qint64 nowMs() const;
    qint64 scaled(double seconds) const;

    Fleet &m_fleet;
    HelloOptions m_options;
    Changed m_changed;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> m_due;
    std::vector<quint64> m_generation;
    bool m_stopping = false;
};

} // namespace Oobm::Sim

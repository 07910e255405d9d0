// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dnsresolver.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Oobm::Core {

enum class CheckVerdict { Pass, Info, Warning, Fail };
QString checkVerdictName(CheckVerdict verdict); // "pass", "info", "warning", "fail"

// One line of the DNS Test (figure 9) or of the doctor: what was checked, what came back, and,
// when it is not a pass, the cause and the fix in one sentence each.
struct CheckResult
{
    QString id;    // stable: "provisionserver:example.test", "listener:127.0.0.1", ...
    QString check; // "ProvisionServer.example.test"
    CheckVerdict verdict = CheckVerdict::Info;
    QString answer; // "CNAME scs.example.test, A 127.0.0.1"
    QString cause;
    QString fix;

    QString toText() const; // one line: "FAIL  check: answer. cause Fix: fix"
    // Nothing to do about it: a pass, or information.
    bool isPass() const { return verdict == CheckVerdict::Pass || verdict == CheckVerdict::Info; }
};

struct DnsCheckOptions
{
    struct System
    {
        QString uuid;
        QString fqdn;
        QHostAddress address;
    };

    QStringList suffixes;               // the DNS domains the AMT clients use
    DnsServer server;                   // null: the system's resolvers
    int timeoutMs = 2000;               // per question
    QString serverName;                 // this provisioning server's FQDN; empty: this machine's name
    quint16 listenPort = 9971;          // the engine's hello port
    QList<QHostAddress> localAddresses; // empty: this machine's interfaces
    int connectTimeoutMs = 1500;
    QList<System> systems; // forward/reverse agreement is checked for each
};

// The DNS Configuration page's Test (figures 8-9) and `oobmctl dns test`: ProvisionServer in each
// suffix and bare, in the device's lookup order (docs/protocol.md §2), with the CNAME chain; this
// server's own name; whether each answer is this machine and its listener accepts connections;
// forward and reverse agreement for each system. Blocking: run it off the GUI thread. TCP
// connections go only to addresses of this machine; DNS questions only to the chosen server.
class DnsChecker
{
    Q_DECLARE_TR_FUNCTIONS(Oobm::Core::DnsChecker)

public:
    using Report = std::function<void(const CheckResult &result, int done, int total)>;

    explicit DnsChecker(DnsCheckOptions options);

    QList<CheckResult> run(const Report &report = {}, const DnsResolver::CancelCheck &cancelled = {}) const;

    // "DNS test against 127.0.0.1:5353: 4 passed, 1 warning, 2 failed."
    static QString summary(const QList<CheckResult> &results, const QString &serverText);
    static QString toText(const QList<CheckResult> &results);
    static bool allPassed(const QList<CheckResult> &results); // no warning and no failure

    // The fully qualified name of this machine (host name plus its DNS domain when it has one).
    static QString localServerName();
    static bool isLocalAddress(const QHostAddress &address, const QList<QHostAddress> &local);
    // Whether something accepts a TCP connection at address:port within timeoutMs.
    static QString tcpProblem(const QHostAddress &address, quint16 port, int timeoutMs);

private:
    DnsCheckOptions m_options;
};

} // namespace Oobm::Core

// SPDX-License-Identifier: GPL-2.0-or-later
#include "simfleet.h"

#include "benchsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>

#include <csignal>
#include <cstdio>

namespace Oobm::Bench {

SimFleet::~SimFleet()
{
    if (m_process.state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        m_process.waitForFinished(60000);
    }
}

bool SimFleet::start(const QStringList &arguments, int timeoutMs)
{
    m_control = freePort();
    m_process.start(QStringLiteral(AMT_SIM_PATH),
                    arguments
                            + QStringList{QStringLiteral("--control"), QStringLiteral("127.0.0.1:%1").arg(m_control)});
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        m_process.waitForReadyRead(20);
        out += m_process.readAllStandardOutput();
        if (out.contains("\nready\n") || out.startsWith("ready\n"))
            return true;
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    std::fprintf(stderr, "amt-sim did not start: %s\n", m_process.readAllStandardError().constData());
    return false;
}

QJsonObject SimFleet::control(const QJsonObject &request) const
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_control);
    s.waitForConnected(5000);
    s.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    QByteArray answer;
    while (!answer.contains('\n') && s.waitForReadyRead(60000))
        answer += s.readAll();
    return QJsonDocument::fromJson(answer).object();
}

} // namespace Oobm::Bench

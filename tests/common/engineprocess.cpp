// SPDX-License-Identifier: GPL-2.0-or-later
#include "engineprocess.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QTcpServer>

namespace Oobm::Test {

EngineProcess::~EngineProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString EngineProcess::start(const QString &program, const Core::StoreLocation &store, const QString &keyFile,
                             const QString &listen, const QString &engineId)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!store.password().isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), store.password());
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(program,
                    {QStringLiteral("--database"), store.toUrl(), QStringLiteral("--key-file"), keyFile,
                     QStringLiteral("--listen"), listen, QStringLiteral("--engine-id"), engineId});
    if (!m_process.waitForStarted(10000))
        return m_process.errorString();
    m_output.clear();
    QDeadlineTimer deadline(30000);
    while (!m_output.contains("listening on") && !deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(200) && m_process.state() != QProcess::Running)
            return QStringLiteral("oobm-engine exited with %1").arg(m_process.exitCode());
        m_output += m_process.readAllStandardOutput();
    }
    return m_output.contains("listening on") ? QString() : QStringLiteral("oobm-engine did not start listening");
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

} // namespace Oobm::Test

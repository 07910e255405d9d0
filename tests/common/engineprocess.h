// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/store/storelocation.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace Oobm::Test {

// oobm-engine as a test starts it: a real process on a store, killed on destruction unless it
// has ended. The path comes from the test target (OOBM_ENGINE_PATH).
class EngineProcess
{
public:
    EngineProcess() = default;
    ~EngineProcess();
    EngineProcess(const EngineProcess &) = delete;
    EngineProcess &operator=(const EngineProcess &) = delete;

    // Starts it with --database, --key-file, --listen and --engine-id (listen like "127.0.0.1:9971",
    // or an address alone to follow the General page's port) and waits for "listening on".
    // Returns an error sentence or empty.
    QString start(const QString &program, const Core::StoreLocation &store, const QString &keyFile,
                  const QString &listen, const QString &engineId);
    QProcess &process() { return m_process; }
    // What it printed on stdout so far.
    QByteArray output() const { return m_output; }

private:
    QProcess m_process;
    QByteArray m_output;
};

// A free TCP port on 127.0.0.1 (nothing listens there the moment it is asked).
quint16 freePort();

} // namespace Oobm::Test

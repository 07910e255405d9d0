// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "common/testsupport.h"

#include "core/store/sqlstore.h"

#include <QTemporaryDir>

#include <memory>

namespace Oobm::Test {

// A store ready to provision: a data key in a key file, keys generated (half of them exported to
// a setup.bin that amt-sim's devices take theirs from) and a default profile. For tests that run
// engines as processes on it.
class ProvisioningFixture
{
public:
    explicit ProvisioningFixture(const QString &backend);

    // Returns an error sentence, or empty.
    QString prepare(int devices);

    Core::StoreLocation location() const { return m_backend.location(); }
    Core::SqlStore &store() { return *m_store; }
    QString keyFile() const { return m_keyFile; }
    QString setupBin() const { return m_setupBin; }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    BackendFixture m_backend;
    QTemporaryDir m_dir;
    std::unique_ptr<Core::SqlStore> m_store;
    QString m_keyFile;
    QString m_setupBin;
};

} // namespace Oobm::Test

// SPDX-License-Identifier: GPL-2.0-or-later
#include "provisioningfixture.h"

#include "core/store/datakeyunlocker.h"

namespace Oobm::Test {

ProvisioningFixture::ProvisioningFixture(const QString &backend)
    : m_backend(backend)
{ }

QString ProvisioningFixture::prepare(int devices)
{
    using namespace Oobm::Core;
    if (!m_backend.isValid())
        return QStringLiteral("no store");
    m_keyFile = m_dir.filePath(QStringLiteral("oobm.key"));
    bool created = false;
    QString error;
    const QByteArray key = DataKeyUnlocker::readKeyFile(m_keyFile, true, &created, &error);
    if (key.isEmpty())
        return error;
    m_store = std::make_unique<SqlStore>(m_backend.location());
    if (StoreError e = m_store->openAndWait())
        return e.message;
    if (StoreError e = m_store->setDataKey(key, QStringLiteral("test")).result())
        return e.message;
    KeyGenerationRequest g;
    g.count = 2 * devices;
    g.newMePassword = QStringLiteral("N3w-Pass!");
    if (const auto r = m_store->generateKeys(g).result(); !r.ok())
        return r.error.message;
    KeyExportRequest x;
    x.filter.limit = devices;
    x.path = m_dir.filePath(QStringLiteral("setup.bin"));
    if (const auto r = m_store->exportKeys(x).result(); !r.ok())
        return r.error.message;
    m_setupBin = x.path;
    ProvisionProfile p;
    p.name = QStringLiteral("Standard");
    p.isDefault = true;
    p.adminPassword = QStringLiteral("Adm1n!Pass");
    if (const auto r = m_store->saveProfile(p).result(); !r.ok())
        return r.error.message;
    return {};
}

} // namespace Oobm::Test

// SPDX-License-Identifier: GPL-2.0-or-later
#include "amtclient.h"

namespace Oobm::Core::Amt {

AmtClient::AmtClient(QObject *parent)
    : QObject(parent)
{
    m_pool.setObjectName(QStringLiteral("oobm-amt"));
    m_pool.setMaxThreadCount(64);
    m_pool.setExpiryTimeout(30000);
}

AmtClient::~AmtClient()
{
    m_pool.waitForDone();
}

void AmtClient::setMaxConcurrent(int count)
{
    m_pool.setMaxThreadCount(qMax(1, count));
}

int AmtClient::maxConcurrent() const
{
    return m_pool.maxThreadCount();
}

void AmtClient::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace Oobm::Core::Amt

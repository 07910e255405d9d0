// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/log/retention.h"
#include "core/store/storeerror.h"

#include <QObject>

class QTimer;

namespace Oobm::Core {

class Store;

// The scheduled purge: a while after the store opens, then every interval, applies the stored
// retention settings. Engines and the console each run one; purging twice is harmless.
class RetentionScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionScheduler)

public:
    static constexpr int DefaultFirstDelayMs = 60 * 1000;
    static constexpr int DefaultIntervalMs = 6 * 60 * 60 * 1000;

    explicit RetentionScheduler(Store *store, QObject *parent = nullptr);
    ~RetentionScheduler() override;

    void setIntervals(int firstDelayMs, int intervalMs);
    // Purges now with the stored settings (also what the timer does).
    void purgeNow();

Q_SIGNALS:
    void purged(const Oobm::Core::PurgeReport &report);
    void purgeFailed(const Oobm::Core::StoreError &error);

private:
    void onStoreStateChanged();

    Store *m_store;
    QTimer *m_timer;
    int m_firstDelayMs = DefaultFirstDelayMs;
    int m_intervalMs = DefaultIntervalMs;
    bool m_running = false;
};

} // namespace Oobm::Core

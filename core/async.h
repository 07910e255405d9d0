// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace Oobm::Core {

// Calls f(result) on context's thread once future has a result: always later, from the event
// loop, never from inside this call, and never after context is destroyed. Call it on context's
// thread.
//
// Not QFuture::then(context, ...): on Qt 6.4 that runs the continuation at once when the future
// has already finished (re-entering the caller, e.g. a model still inserting rows) and asserts
// when the context dies first.
template<typename T, typename F>
void whenReady(const QFuture<T> &future, QObject *context, F &&f)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, f = std::forward<F>(f)]() mutable {
        watcher->deleteLater();
        // A future cancelled at shutdown has no result: nothing to report.
        if (watcher->future().resultCount() > 0)
            f(watcher->future().result());
    });
    watcher->setFuture(future);
}

} // namespace Oobm::Core

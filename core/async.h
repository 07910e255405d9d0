// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFuture>
#include <QMetaObject>
#include <QObject>

#include <utility>

namespace Oobm::Core {

// Calls f(result) on context's thread once future has a result, always from the event loop and
// never from inside this call. (QFuture::then(context, ...) runs the continuation at once when
// the future has already finished, which re-enters the caller: a model would insert rows
// while it is still inserting.) Nothing is called if context is destroyed first.
template<typename T, typename F>
void whenReady(QFuture<T> future, QObject *context, F &&f)
{
    future.then(context, [context, f = std::forward<F>(f)](const T &result) mutable {
        QMetaObject::invokeMethod(
            context, [f = std::move(f), result]() mutable { f(result); }, Qt::QueuedConnection);
    });
}

} // namespace Oobm::Core

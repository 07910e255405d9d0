// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amtsession.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>

namespace Oobm::Core::Amt {

// The AMT SOAP client facade: runs conversations with devices on its own thread pool (gSOAP
// blocks) and answers with QFutures of Qt value types. One gSOAP context per conversation, so
// nothing is shared between threads.
//
//   client.run(endpoint, [](AmtSession &s) { return s.getCoreVersion(); })
//       -> QFuture<AmtResult<QString>>
class AmtClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AmtClient)

public:
    explicit AmtClient(QObject *parent = nullptr);
    ~AmtClient() override;

    // How many devices can be talked to at once (default 64).
    void setMaxConcurrent(int count);
    int maxConcurrent() const;

    template<typename Conversation>
    auto run(const AmtEndpoint &endpoint, Conversation conversation)
            -> QFuture<std::invoke_result_t<Conversation, AmtSession &>>
    {
        using Result = std::invoke_result_t<Conversation, AmtSession &>;
        auto promise = std::make_shared<QPromise<Result>>();
        QFuture<Result> future = promise->future();
        promise->start();
        m_pool.start([promise, endpoint, conversation = std::move(conversation)]() mutable {
            AmtSession session(endpoint);
            promise->addResult(conversation(session));
            promise->finish();
        });
        return future;
    }

    // Runs any blocking task on the same pool (for conversations that open their own sessions).
    template<typename Task>
    auto runTask(Task task) -> QFuture<std::invoke_result_t<Task>>
    {
        using Result = std::invoke_result_t<Task>;
        auto promise = std::make_shared<QPromise<Result>>();
        QFuture<Result> future = promise->future();
        promise->start();
        m_pool.start([promise, task = std::move(task)]() mutable {
            promise->addResult(task());
            promise->finish();
        });
        return future;
    }

    // Waits for every running conversation (for shutdown and tests).
    void waitForDone();

private:
    QThreadPool m_pool;
};

} // namespace Oobm::Core::Amt

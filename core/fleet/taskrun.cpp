// SPDX-License-Identifier: GPL-2.0-or-later
#include "taskrun.h"

#include <QCoreApplication>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::TaskRun", text);
}
} // namespace

QString runStateName(RunState state)
{
    switch (state) {
    case RunState::Queued:
        return tr("Queued");
    case RunState::Running:
        return tr("Running");
    case RunState::Stopped:
        return tr("Stopped");
    case RunState::Cancelled:
        return tr("Cancelled");
    case RunState::Completed:
        return tr("Completed");
    }
    return {};
}

QString runStateKey(RunState state)
{
    switch (state) {
    case RunState::Queued:
        return QStringLiteral("queued");
    case RunState::Running:
        return QStringLiteral("running");
    case RunState::Stopped:
        return QStringLiteral("stopped");
    case RunState::Cancelled:
        return QStringLiteral("cancelled");
    case RunState::Completed:
        return QStringLiteral("completed");
    }
    return {};
}

bool isFinished(RunState state)
{
    return state == RunState::Stopped || state == RunState::Cancelled || state == RunState::Completed;
}

QString runSystemStateName(RunSystemState state)
{
    switch (state) {
    case RunSystemState::Pending:
        return tr("Pending");
    case RunSystemState::Running:
        return tr("Running");
    case RunSystemState::Succeeded:
        return tr("Succeeded");
    case RunSystemState::Failed:
        return tr("Failed");
    case RunSystemState::Skipped:
        return tr("Skipped");
    case RunSystemState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString runSystemStateKey(RunSystemState state)
{
    switch (state) {
    case RunSystemState::Pending:
        return QStringLiteral("pending");
    case RunSystemState::Running:
        return QStringLiteral("running");
    case RunSystemState::Succeeded:
        return QStringLiteral("succeeded");
    case RunSystemState::Failed:
        return QStringLiteral("failed");
    case RunSystemState::Skipped:
        return QStringLiteral("skipped");
    case RunSystemState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace Oobm::Core

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/task.h"
#include "ui/models/livelistmodel.h"

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Tasks: what each does, to which systems, when, in which waves, when it is due next and when it
// last ran. Read again when tasks change or runs are made (a run stamps its task's last run).
class TasksModel final : public LiveListModel<Core::Task>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TasksModel)

public:
    enum Column {
        NameColumn,
        OperationColumn,
        TargetColumn,
        ScheduleColumn,
        WaveColumn,
        NextDueColumn,
        LastRunColumn,
        EnabledColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    explicit TasksModel(Core::Store *store, QObject *parent = nullptr);
    ~TasksModel() override;

    void reload() override;
    Core::Task task(int row) const { return item(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    qint64 keyOf(const Core::Task &t) const override { return t.id; }

private:
    Core::Store *m_store;
    QTimer *m_runsChanged;
    quint64 m_generation = 0;
};

// A date and time as the tables show them: local, to the second; empty when invalid.
QString tableTime(const QDateTime &time);

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/taskrun.h"
#include "ui/models/livelistmodel.h"

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// The systems of one run with their results, by UUID, page by page (fetchMore), optionally only
// those in some states. While the run changes, the rows read so far are read again (coalesced) and
// updated in place.
class RunSystemsModel final : public LiveListModel<Core::RunSystem, QString>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunSystemsModel)

public:
    enum Column {
        UuidColumn,
        NameColumn,
        StateColumn,
        StatusColumn,
        MessageColumn,
        WaveColumn,
        AttemptColumn,
        EngineColumn,
        FinishedColumn,
        ColumnCount
    };
    enum Role { UuidRole = Qt::UserRole + 1, StateRole };
    static constexpr int PageSize = 200;

    explicit RunSystemsModel(Core::Store *store, QObject *parent = nullptr);
    ~RunSystemsModel() override;

    // Shows this run's systems (0: none).
    void setRunId(qint64 runId);
    qint64 runId() const { return m_runId; }
    // Only systems in these states (empty: all).
    void setStates(const QList<Core::RunSystemState> &states);
    void reload() override;
    Core::RunSystem system(int row) const { return item(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

protected:
    QString keyOf(const Core::RunSystem &s) const override { return s.uuid; }

private:
    Core::Store *m_store;
    QTimer *m_coalesce;
    qint64 m_runId = 0;
    QList<Core::RunSystemState> m_states;
    quint64 m_generation = 0;
    bool m_more = false;
    bool m_fetching = false;
};

} // namespace Oobm::Gui

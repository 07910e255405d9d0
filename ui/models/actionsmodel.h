// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/engine/enginetypes.h"

#include <QAbstractTableModel>
#include <QList>

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Logs > Actions Status: every step run against a system, newest first, filtered in SQL by
// system, step and result.
class ActionsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsModel)

public:
    enum Column {
        TimeColumn,
        SystemColumn,
        StepColumn,
        ResultColumn,
        DurationColumn,
        StatusColumn,
        AttemptColumn,
        MessageColumn,
        ColumnCount
    };
    static constexpr int Limit = 5000;

    explicit ActionsModel(Core::Store *store, QObject *parent = nullptr);
    ~ActionsModel() override;

    void setFilter(const Core::ActionFilter &filter);
    Core::ActionFilter filter() const { return m_filter; }
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    Core::Store *m_store;
    Core::ActionFilter m_filter;
    QList<Core::ActionRecord> m_actions;
    QTimer *m_changed;
    quint64 m_generation = 0;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/provisioning/hellorecord.h"
#include "ui/models/tablemodel.h"

#include <QList>

class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// The Hello monitor: every hello packet the engines received, newest first, live. New hellos
// are fetched by id and inserted at the top; at most Limit rows are kept.
class HellosModel final : public TableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HellosModel)

public:
    enum Column {
        TimeColumn,
        SourceColumn,
        UuidColumn,
        VersionColumn,
        PidColumn,
        OutcomeColumn,
        RetryColumn,
        AdminSetColumn,
        EngineColumn,
        ColumnCount
    };
    static constexpr int Limit = 5000;

    explicit HellosModel(Core::Store *store, QObject *parent = nullptr);
    ~HellosModel() override;

    void setUuid(const QString &uuid); // only this system's hellos; empty for all
    void reload();                     // from scratch
    void fetchNew();                   // only what arrived since

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    Core::Store *m_store;
    QString m_uuid;
    QList<Core::HelloRecord> m_hellos;
    QTimer *m_changed;
    quint64 m_generation = 0;
    bool m_fetching = false;
};

} // namespace Oobm::Gui

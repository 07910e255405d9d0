// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/models/tablemodel.h"

#include <QString>

namespace Oobm::Gui {

// The QObject half of StoreListModel<T> (a template cannot have signals): the loaded signal and
// the last load's error.
class StoreListModelBase : public TableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreListModelBase)

public:
    using TableModel::TableModel;
    ~StoreListModelBase() override;

    // Asks the store for the list again; the answer replaces the rows (a model reset), unless a
    // later reload() was asked for meanwhile.
    virtual void reload() = 0;
    // Why the last load failed; empty when it succeeded.
    QString error() const { return m_error; }

Q_SIGNALS:
    // A load finished: error is empty on success, else why it failed (the model is then empty).
    void loaded(const QString &error);

protected:
    void finishLoad(const QString &error);

private:
    QString m_error;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace Oobm::Gui {

// A table model whose columns are a list of titles, given once by the subclass: columnCount() and
// the horizontal header come from it, so a model writes only its rows.
class TableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableModel)

public:
    using QAbstractTableModel::QAbstractTableModel;
    ~TableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    // The columns' titles in column order; a model calls it from its constructor.
    void setColumnTitles(const QStringList &titles);

private:
    QStringList m_titles;
};

} // namespace Oobm::Gui

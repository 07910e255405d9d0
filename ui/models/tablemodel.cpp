// SPDX-License-Identifier: GPL-2.0-or-later
#include "tablemodel.h"

namespace Oobm::Gui {

TableModel::~TableModel() = default;

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_titles.size());
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_titles.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_titles.at(section);
}

void TableModel::setColumnTitles(const QStringList &titles)
{
    m_titles = titles;
}

} // namespace Oobm::Gui

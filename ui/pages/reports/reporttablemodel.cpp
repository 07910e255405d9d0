// SPDX-License-Identifier: GPL-2.0-or-later
#include "reporttablemodel.h"

namespace Oobm::Gui {

using Core::ReportColumn;

ReportTableModel::ReportTableModel(QObject *parent)
    : TableModel(parent)
{ }

ReportTableModel::~ReportTableModel() = default;

void ReportTableModel::setResult(const Core::ReportResult &result)
{
    beginResetModel();
    m_result = result;
    QStringList titles;
    titles.reserve(result.columns.size());
    for (const ReportColumn &column : result.columns)
        titles.append(column.title);
    setColumnTitles(titles);
    endResetModel();
}

void ReportTableModel::clear()
{
    setResult({});
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.rows.size());
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReportColumn::Type type = m_result.columns.at(index.column()).type;
    switch (role) {
    case Qt::DisplayRole:
        return m_result.displayText(index.row(), index.column());
    case Qt::EditRole:
        return m_result.plainText(index.row(), index.column());
    case SortRole:
        return m_result.rows.at(index.row()).value(index.column());
    case Qt::TextAlignmentRole:
        return type == ReportColumn::Type::Text ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                                : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        return type == ReportColumn::Type::Text ? QVariant(m_result.displayText(index.row(), index.column()))
                                                : QVariant();
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && section >= 0
        && section < m_result.columns.size())
        return m_result.columns.at(section).type == ReportColumn::Type::Text
                ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    return TableModel::headerData(section, orientation, role);
}

} // namespace Oobm::Gui

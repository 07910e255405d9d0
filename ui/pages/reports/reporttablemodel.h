// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/reports/reportresult.h"
#include "ui/models/tablemodel.h"

namespace Oobm::Gui {

// A computed report's table: its columns and rows as the store gave them. DisplayRole is the
// cell as the page shows it (the locale's numbers, UTC times), SortRole the typed value (numbers
// sort as numbers), and EditRole the plain text the CSV file holds. The column titles are the
// result's, set again with every result.
class ReportTableModel final : public TableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportTableModel)

public:
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ReportTableModel(QObject *parent = nullptr);
    ~ReportTableModel() override;

    void setResult(const Core::ReportResult &result);
    void clear();
    const Core::ReportResult &result() const { return m_result; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Core::ReportResult m_result;
};

} // namespace Oobm::Gui

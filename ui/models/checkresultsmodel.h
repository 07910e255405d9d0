// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/dns/dnschecker.h"
#include "ui/models/tablemodel.h"

namespace Oobm::Gui {

// The lines of a DNS Test or a diagnosis: verdict, check, answer, and the cause with its fix.
// Rows arrive one by one while a check runs.
class CheckResultsModel final : public TableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckResultsModel)

public:
    enum Column { ResultColumn, CheckColumn, AnswerColumn, CauseColumn, ColumnCount };

    explicit CheckResultsModel(QObject *parent = nullptr);
    ~CheckResultsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void clear();
    void append(const Core::CheckResult &result);
    const QList<Core::CheckResult> &results() const { return m_results; }

private:
    QList<Core::CheckResult> m_results;
};

} // namespace Oobm::Gui

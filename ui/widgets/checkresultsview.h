// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/dns/dnschecker.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Oobm::Gui {

class CheckResultsModel;

// The results table of the DNS Test and the doctor, with its summary and Copy / Save as text.
class CheckResultsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckResultsView)

public:
    explicit CheckResultsView(QWidget *parent = nullptr);
    ~CheckResultsView() override;

    void clear();
    void append(const Core::CheckResult &result);
    void setSummary(const QString &summary, bool problem);
    void setEmptyText(const QString &text); // shown before the first run
    // What Copy and Save write: the header line, then one line per check.
    void setReportHeader(const QString &header) { m_header = header; }
    QString reportText() const;
    // Selects the first failure or warning (else the first row) and shows it in full below.
    void selectFirstProblem();

    CheckResultsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    void showDetails(int row);
    void copy();
    void save();
    void updateButtons();

    CheckResultsModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QLabel *m_empty;
    QLabel *m_details;
    QPushButton *m_copy;
    QPushButton *m_save;
    QString m_header;
    QString m_summaryText; // what the report ends with; the label may add "Copied …"
};

} // namespace Oobm::Gui

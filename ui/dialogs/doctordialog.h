// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/doctor/provisioningdoctor.h"
#include "ui/shell/pagecontext.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Oobm::Gui {

class CheckResultsView;

// Tools > Diagnose, and Diagnose on an Intel AMT System: the provisioning doctor for one system
// (UUID, address or FQDN) or for every system that is not provisioned. Runs off the GUI thread;
// Diagnose turns into Cancel while it runs. Each verdict also goes to the log.
class DoctorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DoctorDialog)

public:
    DoctorDialog(const PageContext &context, const QString &subject, QWidget *parent = nullptr);
    ~DoctorDialog() override;

    void diagnose(); // starts, or cancels a running diagnosis
    bool isRunning() const { return m_starting || m_watcher.isRunning(); }
    // Closing while a diagnosis runs cancels it and hides the dialog; it closes (and is deleted,
    // with WA_DeleteOnClose) once the worker has stopped, which never blocks the GUI thread.
    void done(int result) override;
    CheckResultsView *results() const { return m_results; }
    QList<Core::DoctorReport> reports() const { return m_reports; }

Q_SIGNALS:
    void diagnosed();

private:
    void start(const QStringList &subjects);
    void onReport(const Core::DoctorReport &report);
    void finished();

    PageContext m_context;
    QLineEdit *m_subject;
    QPushButton *m_run;
    QProgressBar *m_progress;
    QLabel *m_verdict;
    CheckResultsView *m_results;
    QFutureWatcher<Core::DoctorReport> m_watcher;
    QList<Core::DoctorReport> m_reports;
    bool m_single = true;
    bool m_starting = false; // finding the unprovisioned systems
    quint64 m_generation = 0;
    int m_closeWith = -1; // the result to close with once the worker stops
};

} // namespace Oobm::Gui

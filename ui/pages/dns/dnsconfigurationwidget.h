// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/dns/dnschecker.h"
#include "core/settings/servicesettings.h"
#include "ui/shell/pagecontext.h"

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Oobm::Gui {

class CheckResultsView;

// Configuration Service Settings > DNS Configuration (figures 8-9): what DNS must hold, the
// suffixes and the DNS server to check, and the Test button. The test runs off the GUI thread,
// shows each check as it completes, and turns into Cancel while it runs.
class DnsConfigurationWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DnsConfigurationWidget)

public:
    explicit DnsConfigurationWidget(const PageContext &context, QWidget *parent = nullptr);
    ~DnsConfigurationWidget() override;

    bool isModified() const;
    bool isRunning() const;
    bool apply();
    void revert();
    void test(); // starts, or cancels a running test
    CheckResultsView *results() const { return m_results; }

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void testFinished();
    void loaded();

private:
    Core::ServiceSettings edited(QString *problem) const;
    void load();
    void showSettings(const Core::ServiceSettings &settings);
    void onEdited();
    void start(const QList<Core::DnsCheckOptions::System> &systems);
    void finished();

    PageContext m_context;
    Core::ServiceSettings m_stored;
    bool m_loaded = false;
    bool m_wasModified = false;
    bool m_cancelled = false;
    bool m_starting = false; // reading the systems before the checks start
    quint64 m_run = 0;
    QString m_serverText;
    QString m_systemServersText; // "the system resolver (10.0.0.2)", read off the GUI thread

    QLineEdit *m_suffixes;
    QLineEdit *m_server;
    QLineEdit *m_serverName;
    QCheckBox *m_reverse;
    QLabel *m_error;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QPushButton *m_test;
    QProgressBar *m_progress;
    QLabel *m_status;
    CheckResultsView *m_results;
    QFutureWatcher<Core::CheckResult> m_watcher;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/dns/dnschecker.h"
#include "core/settings/servicesettings.h"
#include "ui/shell/pagecontext.h"
#include "ui/widgets/settingsfields.h"

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Oobm::Gui {

class CheckResultsView;
class SettingsForm;

// Configuration Service Settings > DNS Configuration (figures 8-9): what DNS must hold, the
// suffixes and the DNS server to check (a SettingsForm), and the Test button. The test runs off
// the GUI thread, shows each check as it completes, and turns into Cancel while it runs.
class DnsConfigurationWidget final : public QWidget, private SettingsFields
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DnsConfigurationWidget)

public:
    explicit DnsConfigurationWidget(const PageContext &context, QWidget *parent = nullptr);
    ~DnsConfigurationWidget() override;

    SettingsForm *form() const { return m_form; }
    bool isRunning() const;
    void test(); // starts, or cancels a running test
    CheckResultsView *results() const { return m_results; }

Q_SIGNALS:
    void testFinished();

private:
    QList<Field> settingsFields() const override;
    void showSettings(const Core::ServiceSettings &settings, const QStringList &keys) override;
    QList<Core::SettingProblem> readSettings(Core::ServiceSettings &settings) const override;
    void start(const QList<Core::DnsCheckOptions::System> &systems);
    void finished();

    PageContext m_context;
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
    SettingsForm *m_form = nullptr;
    QPushButton *m_test;
    QProgressBar *m_progress;
    QLabel *m_status;
    CheckResultsView *m_results;
    QFutureWatcher<Core::CheckResult> m_watcher;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/taskrun.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// What a page shows of a run it asked for (Power off on selected systems, Delayed Provision's
// restart): the run is made by the store and done by the engines, never by the console; this
// follows it with a progress bar until it ends, then sums up its results, naming the failures as
// the engines recorded them, with a link to the run on the Tasks page. A refusal (systems without
// stored credentials, an unknown system) is shown as the store words it.
class RunProgressWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunProgressWidget)

public:
    explicit RunProgressWidget(Core::Store *store, QWidget *parent = nullptr);
    ~RunProgressWidget() override;

    // Asks the store for the run, then follows it.
    void request(const Core::RunRequest &request);
    // Follows a run made elsewhere.
    void follow(qint64 runId);
    qint64 runId() const { return m_runId; }
    bool isFollowing() const { return m_runId > 0 && !m_finished; }
    // What the line says now, as plain text.
    QString text() const { return m_text; }

Q_SIGNALS:
    void runStarted(qint64 runId);
    void requestRefused(const QString &message);
    void runFinished(const Oobm::Core::TaskRun &run);
    // The link: show this run on the Tasks page.
    void openRunRequested(qint64 runId);

private:
    void read();
    void show(const Core::TaskRun &run);
    void finish(const Core::TaskRun &run, const QList<Core::RunSystem> &failures);
    void setText(const QString &html, const QString &plain);

    Core::Store *m_store;
    QProgressBar *m_bar;
    QLabel *m_label;
    QTimer *m_coalesce;
    qint64 m_runId = 0;
    bool m_finished = false;
    quint64 m_generation = 0;
    QString m_noEngine; // a warning when no engine is alive to do the run
    QString m_text;
};

} // namespace Oobm::Gui

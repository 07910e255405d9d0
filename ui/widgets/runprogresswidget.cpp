// SPDX-License-Identifier: GPL-2.0-or-later
#include "runprogresswidget.h"

#include "core/async.h"
#include "core/store/store.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTextDocumentFragment>
#include <QTimer>

namespace Oobm::Gui {

namespace {
constexpr int CoalesceMs = 300;
constexpr int FailuresNamed = 5;
} // namespace

RunProgressWidget::RunProgressWidget(Core::Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_bar(new QProgressBar(this))
    , m_label(new QLabel(this))
    , m_coalesce(new QTimer(this))
{
    setObjectName(QStringLiteral("runProgress"));
    m_bar->setObjectName(QStringLiteral("runProgressBar"));
    m_bar->setVisible(false);
    m_bar->setMaximumWidth(320);
    m_label->setObjectName(QStringLiteral("runStatus"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_label, &QLabel::linkActivated, this, [this] {
        if (m_runId > 0)
            Q_EMIT openRunRequested(m_runId);
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label, 1);
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(CoalesceMs);
    hide();
    connect(m_coalesce, &QTimer::timeout, this, &RunProgressWidget::read);
    connect(m_store, &Core::Store::runsChanged, this, [this] {
        if (isFollowing() && !m_coalesce->isActive())
            m_coalesce->start();
    });
}

RunProgressWidget::~RunProgressWidget() = default;

void RunProgressWidget::setText(const QString &html, const QString &plain)
{
    m_label->setText(html);
    m_text = plain;
    // Hidden while it follows no run, so the page's table has the room.
    setVisible(!plain.isEmpty());
}

void RunProgressWidget::request(const Core::RunRequest &request)
{
    const quint64 generation = ++m_generation;
    m_runId = 0;
    m_finished = false;
    m_bar->setVisible(false);
    const QString asking = tr("Asking for the run…");
    setText(asking.toHtmlEscaped(), asking);
    Core::whenReady(m_store->requestRun(request), this, [this, generation](const Core::StoreResult<qint64> &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            setText(QStringLiteral("<span style=\"color:#b00020\">%1</span>").arg(r.error.message.toHtmlEscaped()),
                    r.error.message);
            Q_EMIT requestRefused(r.error.message);
            return;
        }
        follow(r.value);
        Q_EMIT runStarted(r.value);
    });
}

void RunProgressWidget::follow(qint64 runId)
{
    const quint64 generation = ++m_generation;
    m_runId = runId;
    m_finished = false;
    m_noEngine.clear();
    m_bar->setRange(0, 0); // busy until the first read
    m_bar->setVisible(true);
    const QString waiting = tr("Run %1 is waiting for an engine…").arg(runId);
    setText(waiting.toHtmlEscaped(), waiting);
    // The engines do the run: say so at once if none is there to do it.
    Core::whenReady(m_store->engines(), this,
                    [this, generation](const Core::StoreResult<QList<Core::EngineStatus>> &r) {
        if (generation != m_generation || !r.ok())
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool alive = std::any_of(r.value.cbegin(), r.value.cend(), [&now](const Core::EngineStatus &e) {
            return e.isAlive(now) && !e.listen.isEmpty();
        });
        if (!alive) {
            m_noEngine = tr("No provisioning engine is running on this database, so nothing happens until one "
                            "starts (a console without --no-engine, or oobm-engine).");
            read();
        }
    });
    read();
}

void RunProgressWidget::read()
{
    if (m_runId <= 0)
        return;
    const quint64 generation = m_generation;
    Core::whenReady(m_store->taskRun(m_runId), this, [this, generation](const Core::StoreResult<Core::TaskRun> &r) {
        if (generation != m_generation || m_finished)
            return;
        if (!r.ok()) {
            setText(r.error.message.toHtmlEscaped(), r.error.message);
            return;
        }
        if (!Core::isFinished(r.value.state)) {
            show(r.value);
            return;
        }
        m_finished = true;
        const Core::TaskRun run = r.value;
        if (run.failed == 0) {
            finish(run, {});
            return;
        }
        Core::whenReady(m_store->runSystems(run.id, {Core::RunSystemState::Failed}, FailuresNamed, {}), this,
                        [this, generation, run](const Core::StoreResult<QList<Core::RunSystem>> &failed) {
            if (generation == m_generation)
                finish(run, failed.value);
        });
    });
}

void RunProgressWidget::show(const Core::TaskRun &run)
{
    m_bar->setRange(0, qMax(1, run.total));
    m_bar->setValue(run.done());
    m_bar->setFormat(tr("%v of %m"));
    QString plain = tr("%1 (run %2): %3 of %4 done").arg(run.name).arg(run.id).arg(run.done()).arg(run.total);
    if (run.wavesTotal > 1)
        plain += tr(", wave %1 of %2").arg(run.currentWave + 1).arg(run.wavesTotal);
    if (run.succeeded + run.failed + run.skipped > 0)
        plain += tr(": %1 succeeded, %2 failed, %3 skipped").arg(run.succeeded).arg(run.failed).arg(run.skipped);
    plain += u'.';
    if (run.state == Core::RunState::Queued && !m_noEngine.isEmpty())
        plain += u' ' + m_noEngine;
    setText(plain.toHtmlEscaped() + QStringLiteral(" <a href=\"run\">%1</a>").arg(tr("Show the run")), plain);
}

void RunProgressWidget::finish(const Core::TaskRun &run, const QList<Core::RunSystem> &failures)
{
    m_bar->setVisible(false);
    QString plain = tr("%1 (run %2) %3: %4 succeeded, %5 failed, %6 skipped, %7 not started.")
                            .arg(run.name)
                            .arg(run.id)
                            .arg(Core::runStateName(run.state).toLower())
                            .arg(run.succeeded)
                            .arg(run.failed)
                            .arg(run.skipped)
                            .arg(run.cancelled);
    if (!run.stopReason.isEmpty())
        plain += u' ' + run.stopReason;
    QStringList named;
    for (const Core::RunSystem &s : failures) {
        const QString who = s.name.isEmpty() ? s.uuid : QStringLiteral("%1 (%2)").arg(s.name, s.uuid);
        named << (s.status.isEmpty() ? QStringLiteral("%1: %2").arg(who, s.message)
                                     : QStringLiteral("%1: %2: %3").arg(who, s.status, s.message));
    }
    if (!named.isEmpty())
        plain += u' ' + tr("Failed: %1").arg(named.join(QStringLiteral("; ")))
                + (run.failed > named.size() ? tr("; and %1 more.").arg(run.failed - named.size())
                                             : QStringLiteral("."));
    const QString color = run.failed > 0 || run.state == Core::RunState::Stopped ? QStringLiteral("#b00020")
                                                                                 : QString();
    QString html = plain.toHtmlEscaped();
    if (!color.isEmpty())
        html = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color, html);
    setText(html + QStringLiteral(" <a href=\"run\">%1</a>").arg(tr("Show the run")), plain);
    Q_EMIT runFinished(run);
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "taskdialog.h"

#include "core/async.h"
#include "core/fleet/collection.h"
#include "core/store/store.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/problemlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace Oobm::Gui {

using Core::Schedule;

namespace {

// The collection combo's item that names a collection deleted while the dialog was open.
constexpr int GoneRole = Qt::UserRole + 2;

QTimeZone zoneOf(const QString &id)
{
    QTimeZone zone(id.trimmed().toLatin1());
    return zone.isValid() ? zone : QTimeZone(QByteArray("UTC"));
}

QStringList uuidsIn(const QString &text)
{
    QStringList uuids = Core::Collection::parseMembers(text);
    for (QString &uuid : uuids)
        uuid = uuid.toUpper();
    return uuids;
}

} // namespace

TaskDialog::TaskDialog(Core::Store *store, const Core::Task &task, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_original(task)
    , m_name(new QLineEdit(task.name, this))
    , m_operation(new QComboBox(this))
    , m_agent(new QLineEdit(task.parameter, this))
    , m_toCollection(new QRadioButton(tr("&Collection:"), this))
    , m_collection(new QComboBox(this))
    , m_toSystems(new QRadioButton(tr("&Systems:"), this))
    , m_systems(new QPlainTextEdit(task.target.uuids.join(u'\n'), this))
    , m_schedule(new QComboBox(this))
    , m_at(new QDateTimeEdit(this))
    , m_time(new QTimeEdit(this))
    , m_weekday(new QComboBox(this))
    , m_everyHours(new QSpinBox(this))
    , m_timeZone(new QComboBox(this))
    , m_batch(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_pause(new QSpinBox(this))
    , m_stop(new QSpinBox(this))
    , m_enabled(new QCheckBox(tr("&Enabled: runs when it is due"), this))
    , m_targetCount(new QLabel(this))
    , m_problem(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("taskDialog"));
    setWindowTitle(task.id > 0 ? tr("Task %1").arg(task.name) : tr("New task"));
    m_name->setObjectName(QStringLiteral("name"));
    m_operation->setObjectName(QStringLiteral("operation"));
    for (Core::Operation o : Core::allOperations())
        m_operation->addItem(Core::operationName(o), int(o));
    m_operation->setCurrentIndex(m_operation->findData(int(task.operation)));
    m_agent->setObjectName(QStringLiteral("agent"));
    m_agent->setPlaceholderText(tr("HOST:PORT of the Out of Band Task Agent"));

    // The target.
    m_toCollection->setObjectName(QStringLiteral("targetCollection"));
    m_toSystems->setObjectName(QStringLiteral("targetSystems"));
    m_collection->setObjectName(QStringLiteral("collection"));
    m_collection->setToolTip(tr("The collection's members when each run starts"));
    m_systems->setObjectName(QStringLiteral("systems"));
    m_systems->setPlaceholderText(tr("UUIDs, one per line"));
    m_systems->setMaximumHeight(m_systems->fontMetrics().height() * 5);
    m_targetCount->setObjectName(QStringLiteral("targetCount"));
    (task.target.collectionId != 0 || task.target.uuids.isEmpty() ? m_toCollection : m_toSystems)->setChecked(true);
    auto *target = new QGridLayout;
    target->addWidget(m_toCollection, 0, 0);
    target->addWidget(m_collection, 0, 1);
    target->addWidget(m_toSystems, 1, 0, Qt::AlignTop);
    target->addWidget(m_systems, 1, 1);
    target->addWidget(m_targetCount, 2, 1);
    target->setColumnStretch(1, 1);

    // The schedule.
    m_schedule->setObjectName(QStringLiteral("schedule"));
    m_schedule->addItem(tr("Now"), int(Schedule::Kind::Now));
    m_schedule->addItem(tr("Once"), int(Schedule::Kind::Once));
    m_schedule->addItem(tr("Daily"), int(Schedule::Kind::Daily));
    m_schedule->addItem(tr("Weekly"), int(Schedule::Kind::Weekly));
    m_schedule->addItem(tr("Every N hours"), int(Schedule::Kind::EveryHours));
    m_schedule->setCurrentIndex(m_schedule->findData(int(task.schedule.kind)));
    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromLatin1(id));
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    const QByteArray zone = task.id > 0 || !task.schedule.timeZone.isEmpty() ? task.schedule.timeZone
                                                                             : QTimeZone::systemTimeZoneId();
    m_timeZone->setEditText(zone.isEmpty() ? QStringLiteral("UTC") : QString::fromLatin1(zone));
    m_timeZone->setToolTip(tr("The times are in this time zone (an IANA name such as Europe/Berlin): \"daily at "
                              "02:00\" stays at 02:00 there across daylight saving time"));
    m_at->setObjectName(QStringLiteral("at"));
    m_at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_at->setCalendarPopup(true);
    const QDateTime at = task.schedule.at.isValid()
            ? task.schedule.at.toTimeZone(zoneOf(m_timeZone->currentText()))
            : QDateTime::currentDateTimeUtc().toTimeZone(zoneOf(m_timeZone->currentText())).addSecs(3600);
    m_at->setDateTime(
            QDateTime(at.date(), QTime(at.time().hour(), task.schedule.at.isValid() ? at.time().minute() : 0)));
    m_time->setObjectName(QStringLiteral("time"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_time->setTime(task.schedule.timeOfDay.isValid() ? task.schedule.timeOfDay : QTime(2, 0));
    m_weekday->setObjectName(QStringLiteral("weekday"));
    for (int day = 1; day <= 7; ++day)
        m_weekday->addItem(QLocale().dayName(day), day);
    m_weekday->setCurrentIndex(qBound(0, task.schedule.weekday - 1, 6));
    m_everyHours->setObjectName(QStringLiteral("everyHours"));
    m_everyHours->setRange(0, 24 * 366);
    m_everyHours->setSuffix(tr(" h"));
    m_everyHours->setValue(task.schedule.everyHours > 0 ? task.schedule.everyHours : 24);
    auto *scheduleForm = new QFormLayout;
    scheduleForm->addRow(tr("&When:"), m_schedule);
    scheduleForm->addRow(tr("&At:"), m_at);
    scheduleForm->addRow(tr("&Every:"), m_everyHours);
    scheduleForm->addRow(tr("On:"), m_weekday);
    scheduleForm->addRow(tr("&Time of day:"), m_time);
    scheduleForm->addRow(tr("Time &zone:"), m_timeZone);

    // The waves.
    m_batch->setObjectName(QStringLiteral("batchSize"));
    m_batch->setRange(0, 1000000);
    m_batch->setValue(task.wave.batchSize);
    m_batch->setToolTip(tr("Systems per wave: the next wave starts when this one is done"));
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_concurrency->setRange(0, Core::WavePolicy::MaxConcurrency);
    m_concurrency->setValue(task.wave.concurrency);
    m_concurrency->setToolTip(tr("Systems worked on at once, across every engine"));
    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setRange(0, 7 * 24 * 3600);
    m_pause->setSuffix(tr(" s"));
    m_pause->setValue(task.wave.pauseSeconds);
    m_pause->setToolTip(tr("How long to wait between one wave's end and the next one's start"));
    m_stop->setObjectName(QStringLiteral("stopPercent"));
    m_stop->setRange(0, 100);
    m_stop->setSuffix(tr(" %"));
    m_stop->setSpecialValueText(tr("never"));
    m_stop->setValue(task.wave.stopPercent);
    m_stop->setToolTip(tr("Stop the run when more than this share of a wave failed (never: go on whatever fails)"));
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto *waves = new QGridLayout;
    waves->addWidget(label(tr("&Waves of"), m_batch), 0, 0);
    waves->addWidget(m_batch, 0, 1);
    waves->addWidget(label(tr("systems, at &most"), m_concurrency), 0, 2);
    waves->addWidget(m_concurrency, 0, 3);
    waves->addWidget(new QLabel(tr("at once;"), this), 0, 4);
    waves->addWidget(label(tr("&pause"), m_pause), 1, 0);
    waves->addWidget(m_pause, 1, 1);
    waves->addWidget(label(tr("between waves; &stop above"), m_stop), 1, 2);
    waves->addWidget(m_stop, 1, 3);
    waves->addWidget(new QLabel(tr("failed in a wave"), this), 1, 4);
    waves->setColumnStretch(5, 1);

    m_enabled->setObjectName(QStringLiteral("enabled"));
    m_enabled->setChecked(task.enabled);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Operation:"), m_operation);
    form->addRow(tr("Task &agent:"), m_agent);
    auto *targetBox = new QGroupBox(tr("Target"), this);
    targetBox->setLayout(target);
    auto *scheduleBox = new QGroupBox(tr("Schedule"), this);
    scheduleBox->setLayout(scheduleForm);
    auto *waveBox = new QGroupBox(tr("Waves"), this);
    waveBox->setLayout(waves);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(targetBox);
    layout->addWidget(scheduleBox);
    layout->addWidget(waveBox);
    layout->addWidget(m_enabled);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &TaskDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_name, m_agent})
        connect(e, &QLineEdit::textChanged, this, &TaskDialog::validate);
    connect(m_systems, &QPlainTextEdit::textChanged, this, &TaskDialog::validate);
    for (QComboBox *c : {m_operation, m_collection, m_schedule, m_weekday})
        connect(c, &QComboBox::currentIndexChanged, this, &TaskDialog::validate);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &TaskDialog::validate);
    for (QRadioButton *r : {m_toCollection, m_toSystems})
        connect(r, &QRadioButton::toggled, this, &TaskDialog::validate);
    for (QSpinBox *s : {m_everyHours, m_batch, m_concurrency, m_pause, m_stop})
        connect(s, &QSpinBox::valueChanged, this, &TaskDialog::validate);
    connect(m_at, &QDateTimeEdit::dateTimeChanged, this, &TaskDialog::validate);
    connect(m_time, &QTimeEdit::timeChanged, this, &TaskDialog::validate);
    connect(m_enabled, &QCheckBox::toggled, this, &TaskDialog::validate);
    connect(m_schedule, &QComboBox::currentIndexChanged, this, &TaskDialog::updateFields);
    connect(m_operation, &QComboBox::currentIndexChanged, this, &TaskDialog::updateFields);
    m_scheduleForm = scheduleForm;
    m_form = form;
    updateFields();
    validate();
    loadCollections(task.target.collectionId);
    // Collections made, renamed or deleted meanwhile (here or by another console) are offered as
    // they are now; the chosen one stays chosen.
    connect(m_store, &Core::Store::collectionsChanged, this, [this] { loadCollections(0); });
}

TaskDialog::~TaskDialog() = default;

void TaskDialog::updateFields()
{
    const auto kind = Schedule::Kind(m_schedule->currentData().toInt());
    m_scheduleForm->setRowVisible(m_at, kind == Schedule::Kind::Once || kind == Schedule::Kind::EveryHours);
    if (auto *l = qobject_cast<QLabel *>(m_scheduleForm->labelForField(m_at)))
        l->setText(kind == Schedule::Kind::EveryHours ? tr("&First run:") : tr("&At:"));
    m_scheduleForm->setRowVisible(m_everyHours, kind == Schedule::Kind::EveryHours);
    m_scheduleForm->setRowVisible(m_weekday, kind == Schedule::Kind::Weekly);
    m_scheduleForm->setRowVisible(m_time, kind == Schedule::Kind::Daily || kind == Schedule::Kind::Weekly);
    m_scheduleForm->setRowVisible(m_timeZone, kind != Schedule::Kind::Now);
    m_form->setRowVisible(m_agent,
                          Core::Operation(m_operation->currentData().toInt()) == Core::Operation::RestartHello);
}

Core::Task TaskDialog::task() const
{
    Core::Task t = m_original;
    t.name = m_name->text().trimmed();
    t.operation = Core::Operation(m_operation->currentData().toInt());
    t.parameter = t.operation == Core::Operation::RestartHello ? m_agent->text().trimmed() : QString();
    t.target = {};
    if (m_toCollection->isChecked()) {
        t.target.collectionId = m_collection->currentData().toLongLong();
        t.target.collectionName = t.target.collectionId != 0 ? m_collection->currentData(Qt::UserRole + 1).toString()
                                                             : QString();
    } else {
        t.target.uuids = uuidsIn(m_systems->toPlainText());
    }
    Schedule &s = t.schedule;
    s = {};
    s.kind = Schedule::Kind(m_schedule->currentData().toInt());
    if (s.kind != Schedule::Kind::Now) {
        const QString zone = m_timeZone->currentText().trimmed();
        s.timeZone = zone.toLatin1();
        if (s.kind == Schedule::Kind::Once || s.kind == Schedule::Kind::EveryHours)
            s.at = QDateTime(m_at->date(), m_at->time(), zoneOf(zone)).toUTC();
        if (s.kind == Schedule::Kind::Daily || s.kind == Schedule::Kind::Weekly)
            s.timeOfDay = m_time->time();
        if (s.kind == Schedule::Kind::Weekly)
            s.weekday = m_weekday->currentData().toInt();
        if (s.kind == Schedule::Kind::EveryHours)
            s.everyHours = m_everyHours->value();
    }
    t.wave.batchSize = m_batch->value();
    t.wave.concurrency = m_concurrency->value();
    t.wave.pauseSeconds = m_pause->value();
    t.wave.stopPercent = m_stop->value();
    t.enabled = m_enabled->isChecked();
    return t;
}

void TaskDialog::validate()
{
    const Core::Task t = task();
    m_collection->setEnabled(m_toCollection->isChecked());
    m_systems->setEnabled(m_toSystems->isChecked());
    m_targetCount->setText(m_toSystems->isChecked() ? tr("%n systems", nullptr, int(t.target.uuids.size()))
                                                    : QString());
    QString problem = t.problem(QDateTime::currentDateTimeUtc());
    if (problem.isEmpty() && t.operation == Core::Operation::RestartHello && t.parameter.isEmpty())
        problem = tr("Give the address of the systems' Out of Band Task Agent (HOST:PORT): it restarts their hello "
                     "sequence.");
    if (problem.isEmpty() && m_toCollection->isChecked() && m_collection->currentData(GoneRole).toBool()) {
        // As the store would answer on Save.
        problem = tr("There is no collection %1 (any more): choose another.")
                          .arg(m_collection->currentData().toLongLong());
    }
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
}

void TaskDialog::loadCollections(qint64 collectionId)
{
    Core::whenReady(m_store->listCollections(), this,
                    [this, collectionId](const Core::StoreResult<QList<Core::Collection>> &r) {
        const qint64 current = m_collection->count() > 0 ? m_collection->currentData().toLongLong() : collectionId;
        const QSignalBlocker block(m_collection);
        m_collection->clear();
        for (const Core::Collection &c : r.value) {
            m_collection->addItem(tr("%1 (%n systems now)", nullptr, int(qMax<qint64>(0, c.memberCount))).arg(c.name),
                                  c.id);
            m_collection->setItemData(m_collection->count() - 1, c.name, Qt::UserRole + 1);
        }
        if (current != 0 && m_collection->findData(current) < 0) {
            // Gone meanwhile: kept, so the store can say so.
            m_collection->addItem(tr("%1 (deleted)").arg(m_original.target.collectionName), current);
            m_collection->setItemData(m_collection->count() - 1, m_original.target.collectionName, Qt::UserRole + 1);
            m_collection->setItemData(m_collection->count() - 1, true, GoneRole);
        }
        m_collection->setCurrentIndex(qMax(0, m_collection->findData(current)));
        if (!r.ok())
            m_problem->setText(r.error.message);
        validate();
    });
}

void TaskDialog::accept()
{
    validate();
    if (!m_buttons->button(QDialogButtonBox::Save)->isEnabled())
        return;
    const Core::Task t = task();
    if (!Core::isDestructive(t.operation) || !t.enabled)
        return save(t);
    if (t.target.collectionId == 0)
        return confirmAndSave(t, t.target.uuids.size());
    // How many the collection selects now, for the confirmation.
    m_buttons->setEnabled(false);
    Core::SystemFilter filter;
    filter.collectionId = t.target.collectionId;
    Core::whenReady(m_store->countSystems(filter), this, [this, t](const Core::StoreResult<qint64> &r) {
        m_buttons->setEnabled(true);
        if (!r.ok()) {
            m_problem->setText(r.error.message);
            return;
        }
        confirmAndSave(t, r.value);
    });
}

void TaskDialog::confirmAndSave(const Core::Task &t, qint64 systems)
{
    const QString name = Core::operationName(t.operation);
    const QString count = tr("%n systems", nullptr, int(qMin<qint64>(systems, INT_MAX)));
    const QString who = t.target.collectionId != 0
            ? tr("%1 (the collection %2 as it is now)").arg(count, t.target.collectionName)
            : count;
    const QString text = t.schedule.kind == Schedule::Kind::Now
            ? tr("%1 on %2 now? Unsaved work on them may be lost.").arg(name, who)
            : tr("%1 on %2, %3? Each run works on the systems the target has then.")
                      .arg(name, who, t.schedule.describe());
    Confirmation ask;
    ask.objectName = QStringLiteral("confirmTask");
    ask.icon = QMessageBox::Warning;
    ask.title = name;
    ask.text = text;
    ask.action = t.schedule.kind == Schedule::Kind::Now ? tr("%1 %2").arg(name, count) : tr("Save the task");
    askToConfirm(this, ask, [this, t] { save(t); });
}

void TaskDialog::save(const Core::Task &t)
{
    m_buttons->setEnabled(false);
    Core::whenReady(m_store->saveTask(t, Core::AuditActor::current()), this,
                    [this](const Core::StoreResult<Core::TaskSaved> &r) {
        m_buttons->setEnabled(true);
        if (!r.ok()) {
            m_problem->setText(r.error.message);
            return;
        }
        m_saved = r.value;
        m_original.id = r.value.taskId;
        QDialog::accept();
    });
}

} // namespace Oobm::Gui

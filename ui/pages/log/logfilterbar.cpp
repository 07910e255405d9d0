// SPDX-License-Identifier: GPL-2.0-or-later
#include "logfilterbar.h"

#include "core/settings/localsettings.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

using Core::Severity;

namespace {
constexpr int TextDelayMs = 250;
}

LogFilterBar::LogFilterBar(Core::LocalSettings *settings, const QString &settingsKey,
                           QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_settingsKey(settingsKey)
    , m_range(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_source(new QComboBox(this))
    , m_device(new QLineEdit(this))
    , m_text(new QLineEdit(this))
    , m_saved(new QComboBox(this))
    , m_save(new QToolButton(this))
    , m_delete(new QToolButton(this))
    , m_problem(new QLabel(this))
    , m_textDelay(new QTimer(this))
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    for (Severity s : Core::allSeverities()) {
        auto *b = new QToolButton(this);
        b->setCheckable(true);
        b->setObjectName(QStringLiteral("severity-") + Core::severityKey(s));
        b->setToolTip(tr("Show %1 entries; with none selected, every severity is shown.")
                              .arg(Core::severityName(s)));
        connect(b, &QToolButton::toggled, this, &LogFilterBar::changed);
        m_severityButtons << b;
        row->addWidget(b);
    }
    setCounts({});

    m_range->setObjectName(QStringLiteral("timeRange"));
    m_range->addItem(tr("Any time"), int(Range::Any));
    m_range->addItem(tr("Last hour"), int(Range::LastHour));
    m_range->addItem(tr("Last 24 hours"), int(Range::Last24Hours));
    m_range->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_range->addItem(tr("Custom range"), int(Range::Custom));
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now);
    for (QDateTimeEdit *e : { m_from, m_to }) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        connect(e, &QDateTimeEdit::dateTimeChanged, this, &LogFilterBar::changed);
    }
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        updateRangeControls();
        changed();
    });
    row->addWidget(m_range);
    row->addWidget(m_from);
    row->addWidget(m_to);

    m_source->setObjectName(QStringLiteral("source"));
    m_source->setEditable(true);
    m_source->addItem(tr("All sources"), QString());
    for (const char *s : { "engine", "console", "oobmctl", "trace", "keys", "dns" })
        m_source->addItem(QLatin1String(s), QLatin1String(s));
    connect(m_source, &QComboBox::currentIndexChanged, this, &LogFilterBar::changed);
    row->addWidget(m_source);

    m_device->setObjectName(QStringLiteral("device"));
    m_device->setPlaceholderText(tr("System UUID or FQDN"));
    m_device->setClearButtonEnabled(true);
    row->addWidget(m_device, 1);
    m_text->setObjectName(QStringLiteral("text"));
    m_text->setPlaceholderText(tr("Search message and details"));
    m_text->setClearButtonEnabled(true);
    row->addWidget(m_text, 2);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(TextDelayMs);
    connect(m_textDelay, &QTimer::timeout, this, &LogFilterBar::changed);
    for (QLineEdit *e : { m_device, m_text }) {
        connect(e, &QLineEdit::textEdited, m_textDelay, qOverload<>(&QTimer::start));
        connect(e, &QLineEdit::returnPressed, this, &LogFilterBar::changed);
    }

    m_saved->setObjectName(QStringLiteral("savedFilters"));
    m_saved->setToolTip(tr("Filters saved by name"));
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            restoreFilter(m_saved->itemText(index));
    });
    m_save->setText(tr("Save…"));
    m_save->setToolTip(tr("Save this filter by name"));
    connect(m_save, &QToolButton::clicked, this, &LogFilterBar::askAndSave);
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the saved filter chosen on the left"));
    connect(m_delete, &QToolButton::clicked, this, &LogFilterBar::deleteSaved);
    row->addWidget(m_saved);
    row->addWidget(m_save);
    row->addWidget(m_delete);
    const bool canSave = m_settings && !m_settingsKey.isEmpty();
    m_saved->setVisible(canSave);
    m_save->setVisible(canSave);
    m_delete->setVisible(canSave);

    m_problem->setObjectName(QStringLiteral("filterProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    updateRangeControls();
    reloadSavedList();
}

LogFilterBar::~LogFilterBar() = default;

Core::LogFilter LogFilterBar::filter() const
{
    Core::LogFilter f;
    for (int i = 0; i < m_severityButtons.size(); ++i) {
        if (m_severityButtons.at(i)->isChecked())
            f.severities << Core::allSeverities().at(i);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (Range(m_range->currentData().toInt())) {
    case Range::Any:
        break;
    case Range::LastHour:
        f.since = now.addSecs(-3600);
        break;
    case Range::Last24Hours:
        f.since = now.addDays(-1);
        break;
    case Range::Last7Days:
        f.since = now.addDays(-7);
        break;
    case Range::Custom:
        f.since = m_from->dateTime().toUTC();
        f.until = m_to->dateTime().toUTC();
        break;
    }
    const QString source = m_source->currentText().trimmed();
    f.source = source == m_source->itemText(0) ? QString() : source;
    f.deviceUuid = m_device->text().trimmed();
    f.text = m_text->text().trimmed();
    return f;
}

void LogFilterBar::changed()
{
    m_textDelay->stop();
    const bool backwards = Range(m_range->currentData().toInt()) == Range::Custom
            && m_from->dateTime() > m_to->dateTime();
    m_problem->setVisible(backwards);
    if (backwards)
        m_problem->setText(tr("The range starts after it ends, so nothing can match. Set the "
                              "first time before the second."));
    if (!m_quiet)
        Q_EMIT filterChanged();
}

void LogFilterBar::updateRangeControls()
{
    const bool custom = Range(m_range->currentData().toInt()) == Range::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
}

void LogFilterBar::setSeverities(const QList<Severity> &severities)
{
    m_quiet = true;
    for (int i = 0; i < m_severityButtons.size(); ++i)
        m_severityButtons.at(i)->setChecked(severities.contains(Core::allSeverities().at(i)));
    m_quiet = false;
    changed();
}

void LogFilterBar::setDevice(const QString &uuidOrFqdn)
{
    m_device->setText(uuidOrFqdn);
    changed();
}

void LogFilterBar::setText(const QString &text)
{
    m_text->setText(text);
    changed();
}

void LogFilterBar::setRange(Range range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

void LogFilterBar::setCounts(const Core::SeverityCounts &counts)
{
    m_counts = counts;
    for (int i = 0; i < m_severityButtons.size(); ++i) {
        const Severity s = Core::allSeverities().at(i);
        m_severityButtons.at(i)->setText(
                tr("%1 (%2)").arg(Core::severityName(s), QLocale().toString(counts.of(s))));
    }
}

QVariantMap LogFilterBar::toMap() const
{
    QVariantMap m;
    QStringList severities;
    for (int i = 0; i < m_severityButtons.size(); ++i) {
        if (m_severityButtons.at(i)->isChecked())
            severities << Core::severityKey(Core::allSeverities().at(i));
    }
    m.insert(QStringLiteral("severities"), severities);
    m.insert(QStringLiteral("range"), m_range->currentData().toInt());
    m.insert(QStringLiteral("from"), m_from->dateTime().toUTC().toString(Qt::ISODate));
    m.insert(QStringLiteral("to"), m_to->dateTime().toUTC().toString(Qt::ISODate));
    m.insert(QStringLiteral("source"), filter().source);
    m.insert(QStringLiteral("device"), m_device->text());
    m.insert(QStringLiteral("text"), m_text->text());
    return m;
}

void LogFilterBar::fromMap(const QVariantMap &m)
{
    m_quiet = true;
    const QStringList severities = m.value(QStringLiteral("severities")).toStringList();
    for (int i = 0; i < m_severityButtons.size(); ++i)
        m_severityButtons.at(i)->setChecked(
                severities.contains(Core::severityKey(Core::allSeverities().at(i))));
    const int range = m_range->findData(m.value(QStringLiteral("range")).toInt());
    m_range->setCurrentIndex(qMax(0, range));
    const QDateTime from = QDateTime::fromString(m.value(QStringLiteral("from")).toString(), Qt::ISODate);
    const QDateTime to = QDateTime::fromString(m.value(QStringLiteral("to")).toString(), Qt::ISODate);
    if (from.isValid())
        m_from->setDateTime(from.toLocalTime());
    if (to.isValid())
        m_to->setDateTime(to.toLocalTime());
    const QString source = m.value(QStringLiteral("source")).toString();
    if (source.isEmpty())
        m_source->setCurrentIndex(0);
    else
        m_source->setCurrentText(source);
    m_device->setText(m.value(QStringLiteral("device")).toString());
    m_text->setText(m.value(QStringLiteral("text")).toString());
    updateRangeControls();
    m_quiet = false;
    changed();
}

QStringList LogFilterBar::savedFilterNames() const
{
    if (!m_settings || m_settingsKey.isEmpty())
        return {};
    QStringList names = m_settings->value(m_settingsKey).toMap().keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

void LogFilterBar::saveFilter(const QString &name)
{
    if (!m_settings || m_settingsKey.isEmpty() || name.trimmed().isEmpty())
        return;
    QVariantMap all = m_settings->value(m_settingsKey).toMap();
    all.insert(name.trimmed(), toMap());
    m_settings->setValue(m_settingsKey, all);
    reloadSavedList();
    m_saved->setCurrentText(name.trimmed());
}

bool LogFilterBar::restoreFilter(const QString &name)
{
    if (!m_settings || m_settingsKey.isEmpty())
        return false;
    const QVariantMap all = m_settings->value(m_settingsKey).toMap();
    if (!all.contains(name))
        return false;
    fromMap(all.value(name).toMap());
    return true;
}

void LogFilterBar::askAndSave()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
            this, tr("Save Filter"),
            tr("Name for this filter (an existing name is replaced):"), QLineEdit::Normal,
            m_saved->currentIndex() > 0 ? m_saved->currentText() : QString(), &ok);
    if (!ok)
        return;
    if (name.trimmed().isEmpty()) {
        m_problem->setText(tr("A saved filter needs a name; type one, or cancel."));
        m_problem->show();
        return;
    }
    saveFilter(name);
}

void LogFilterBar::deleteSaved()
{
    if (!m_settings || m_saved->currentIndex() <= 0)
        return;
    QVariantMap all = m_settings->value(m_settingsKey).toMap();
    all.remove(m_saved->currentText());
    m_settings->setValue(m_settingsKey, all);
    reloadSavedList();
}

void LogFilterBar::reloadSavedList()
{
    m_saved->clear();
    m_saved->addItem(tr("Saved filters"));
    m_saved->addItems(savedFilterNames());
    m_delete->setEnabled(m_saved->count() > 1);
}

} // namespace Oobm::Gui

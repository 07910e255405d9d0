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
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

namespace {
constexpr int TextDelayMs = 250;
}

LogFilterBar::LogFilterBar(const Core::LogBook &book, Core::LocalSettings *settings, const QString &settingsKey,
                           QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_settingsKey(settingsKey)
    , m_categories(book.categories())
    , m_range(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_source(new QComboBox(this))
    , m_device(new QLineEdit(this))
    , m_text(new QLineEdit(this))
    , m_saved(new QToolButton(this))
    , m_problem(new QLabel(this))
    , m_textDelay(new QTimer(this))
{
    // Two rows, so that the page stays usable in a narrow window: what to show (categories,
    // saved filters), then where to look (time, source, system, text).
    auto *categories = new QHBoxLayout;
    categories->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    for (const Core::LogBook::Category &c : std::as_const(m_categories)) {
        auto *b = new QToolButton(this);
        b->setCheckable(true);
        b->setObjectName(QStringLiteral("category-") + c.key);
        b->setToolTip(tr("Show %1 entries only; with none chosen, all are shown. The number counts "
                         "the entries the rest of the filter selects.")
                              .arg(c.name));
        connect(b, &QToolButton::toggled, this, &LogFilterBar::changed);
        m_categoryButtons << b;
        categories->addWidget(b);
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
    for (QDateTimeEdit *e : {m_from, m_to}) {
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
    m_source->addItem(book.allSourcesLabel(), QString());
    for (const QString &source : book.sourceChoices())
        m_source->addItem(source, source);
    m_source->setToolTip(tr("Choose one, or type a name and press Enter"));
    connect(m_source, &QComboBox::currentIndexChanged, this, &LogFilterBar::changed);
    row->addWidget(m_source);
    m_source->setVisible(!book.sourceChoices().isEmpty());

    m_device->setObjectName(QStringLiteral("device"));
    m_device->setPlaceholderText(tr("System UUID or FQDN"));
    m_device->setClearButtonEnabled(true);
    row->addWidget(m_device, 1);
    m_device->setVisible(book.filtersByDevice());
    m_text->setObjectName(QStringLiteral("text"));
    m_text->setPlaceholderText(book.textPlaceholder());
    m_text->setClearButtonEnabled(true);
    row->addWidget(m_text, 2);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(TextDelayMs);
    connect(m_textDelay, &QTimer::timeout, this, &LogFilterBar::changed);
    for (QLineEdit *e : {m_device, m_text}) {
        connect(e, &QLineEdit::textEdited, m_textDelay, qOverload<>(&QTimer::start));
        connect(e, &QLineEdit::returnPressed, this, &LogFilterBar::changed);
    }

    m_saved->setObjectName(QStringLiteral("savedFilters"));
    m_saved->setText(tr("Saved Filters"));
    m_saved->setToolTip(tr("Restore a filter saved by name, save this one, or delete one"));
    m_saved->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_saved);
    connect(menu, &QMenu::aboutToShow, this, [this, menu] { fillSavedMenu(menu); });
    m_saved->setMenu(menu);
    // On the second row, whose fields can give way: the category buttons alone fill the first in
    // a narrow window.
    categories->addStretch(1);
    row->addWidget(m_saved);
    m_saved->setVisible(m_settings && !m_settingsKey.isEmpty());

    m_problem->setObjectName(QStringLiteral("filterProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(categories);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    updateRangeControls();
}

LogFilterBar::~LogFilterBar() = default;

Core::RecordFilter LogFilterBar::filter() const
{
    Core::RecordFilter f;
    for (int i = 0; i < m_categoryButtons.size(); ++i) {
        if (m_categoryButtons.at(i)->isChecked())
            f.categories << m_categories.at(i).value;
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
    f.device = m_device->text().trimmed();
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

void LogFilterBar::setCategories(const QList<int> &categories)
{
    m_quiet = true;
    for (int i = 0; i < m_categoryButtons.size(); ++i)
        m_categoryButtons.at(i)->setChecked(categories.contains(m_categories.at(i).value));
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

void LogFilterBar::setCounts(const Core::CategoryCounts &counts)
{
    m_counts = counts;
    for (int i = 0; i < m_categoryButtons.size(); ++i) {
        const Core::LogBook::Category &c = m_categories.at(i);
        m_categoryButtons.at(i)->setText(tr("%1 (%2)").arg(c.name, QLocale().toString(counts.of(c.value))));
    }
}

QVariantMap LogFilterBar::toMap() const
{
    QVariantMap m;
    QStringList categories;
    for (int i = 0; i < m_categoryButtons.size(); ++i) {
        if (m_categoryButtons.at(i)->isChecked())
            categories << m_categories.at(i).key;
    }
    m.insert(QStringLiteral("categories"), categories);
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
    // "severities": the Log's filters saved before the other logs had categories.
    const QStringList categories = m.contains(QStringLiteral("categories"))
            ? m.value(QStringLiteral("categories")).toStringList()
            : m.value(QStringLiteral("severities")).toStringList();
    for (int i = 0; i < m_categoryButtons.size(); ++i)
        m_categoryButtons.at(i)->setChecked(categories.contains(m_categories.at(i).key));
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
    m_lastSaved = name.trimmed();
}

bool LogFilterBar::restoreFilter(const QString &name)
{
    if (!m_settings || m_settingsKey.isEmpty())
        return false;
    const QVariantMap all = m_settings->value(m_settingsKey).toMap();
    if (!all.contains(name))
        return false;
    m_lastSaved = name;
    fromMap(all.value(name).toMap());
    return true;
}

void LogFilterBar::askAndSave()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Filter"),
                                               tr("Name for this filter (an existing name is replaced):"),
                                               QLineEdit::Normal, m_lastSaved, &ok);
    if (!ok)
        return;
    if (name.trimmed().isEmpty()) {
        m_problem->setText(tr("A saved filter needs a name; type one, or cancel."));
        m_problem->show();
        return;
    }
    saveFilter(name);
}

void LogFilterBar::deleteSaved(const QString &name)
{
    if (!m_settings || m_settingsKey.isEmpty())
        return;
    QVariantMap all = m_settings->value(m_settingsKey).toMap();
    all.remove(name);
    m_settings->setValue(m_settingsKey, all);
}

void LogFilterBar::fillSavedMenu(QMenu *menu)
{
    menu->clear();
    const QStringList names = savedFilterNames();
    for (const QString &name : names)
        menu->addAction(name, this, [this, name] { restoreFilter(name); });
    if (names.isEmpty())
        menu->addAction(tr("No saved filters yet"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("Save This Filter…"), this, &LogFilterBar::askAndSave);
    QMenu *remove = menu->addMenu(tr("Delete"));
    remove->setEnabled(!names.isEmpty());
    for (const QString &name : names)
        remove->addAction(name, this, [this, name] { deleteSaved(name); });
    menu->addSeparator();
    menu->addAction(tr("Clear the Filter"), this, &LogFilterBar::clear);
}

void LogFilterBar::clear()
{
    m_quiet = true;
    for (QToolButton *b : std::as_const(m_categoryButtons))
        b->setChecked(false);
    m_range->setCurrentIndex(0);
    m_source->setCurrentIndex(0);
    m_device->clear();
    m_text->clear();
    updateRangeControls();
    m_quiet = false;
    changed();
}

} // namespace Oobm::Gui

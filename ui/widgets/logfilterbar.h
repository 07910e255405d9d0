// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/logbook/logbook.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;

namespace Oobm::Core {
class LocalSettings;
}

namespace Oobm::Gui {

// The Logs pages' filters, as the page's LogBook has them: categories (severities, results or
// actions; several at once, each with its count for the rest of the filter), time range,
// source (the Log's source, the step), device (UUID or FQDN) and free text; filters saved by
// name in the local settings. Emits filterChanged when the user changes any of them (text after
// a pause).
class LogFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterBar)

public:
    enum class Range { Any, LastHour, Last24Hours, Last7Days, Custom };
    Q_ENUM(Range)

    // settingsKey: where the saved filters live (may be empty: no saving).
    LogFilterBar(const Core::LogBook &book, Core::LocalSettings *settings, const QString &settingsKey,
                 QWidget *parent = nullptr);
    ~LogFilterBar() override;

    // The filter as the controls say now (relative ranges measured from now).
    Core::RecordFilter filter() const;
    void setCategories(const QList<int> &categories);
    void setDevice(const QString &uuidOrFqdn);
    void setText(const QString &text);
    void setRange(Range range);
    void setCounts(const Core::CategoryCounts &counts);

    QStringList savedFilterNames() const;
    void saveFilter(const QString &name);
    bool restoreFilter(const QString &name);
    // Every control back to "show everything".
    void clear();

Q_SIGNALS:
    void filterChanged();

private:
    void changed();
    void updateRangeControls();
    void askAndSave();
    void deleteSaved(const QString &name);
    void fillSavedMenu(QMenu *menu);
    QVariantMap toMap() const;
    void fromMap(const QVariantMap &map);

    Core::LocalSettings *m_settings;
    QString m_settingsKey;
    QList<Core::LogBook::Category> m_categories;
    QList<QToolButton *> m_categoryButtons; // in m_categories' order
    QComboBox *m_range;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QComboBox *m_source;
    QLineEdit *m_device;
    QLineEdit *m_text;
    QToolButton *m_saved;
    QString m_lastSaved; // offered when saving again
    QLabel *m_problem;
    QTimer *m_textDelay;
    Core::CategoryCounts m_counts;
    bool m_quiet = false; // while restoring: one filterChanged at the end
};

} // namespace Oobm::Gui

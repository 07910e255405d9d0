// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/task.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QTimeEdit;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Make or change a task: a name, an operation, a target (a collection, or systems by UUID, such as
// those selected on Intel AMT Systems), a schedule (now, once, daily, weekly, every N hours, in a
// time zone) and a wave policy. What Core::Task::problem() finds is shown as it is typed; what only
// the store can tell (an unknown collection, systems without stored credentials) after Save, as
// the store words it, and then nothing is saved. A destructive operation is confirmed first,
// naming it and how many systems it reaches.
class TaskDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskDialog)

public:
    TaskDialog(Core::Store *store, const Core::Task &task, QWidget *parent = nullptr);
    ~TaskDialog() override;

    Core::Task task() const;
    // What saving made (after accepted()).
    Core::TaskSaved saved() const { return m_saved; }
    void accept() override;

private:
    void validate();
    void updateFields();
    void loadCollections(qint64 collectionId);
    void confirmAndSave(const Core::Task &task, qint64 systems);
    void save(const Core::Task &task);

    Core::Store *m_store;
    Core::Task m_original;
    Core::TaskSaved m_saved;
    QLineEdit *m_name;
    QComboBox *m_operation;
    QLineEdit *m_agent;
    QRadioButton *m_toCollection;
    QComboBox *m_collection; // data: the collection id
    QRadioButton *m_toSystems;
    QPlainTextEdit *m_systems;
    QComboBox *m_schedule;
    QDateTimeEdit *m_at;
    QTimeEdit *m_time;
    QComboBox *m_weekday;
    QSpinBox *m_everyHours;
    QComboBox *m_timeZone; // editable: an IANA id
    QSpinBox *m_batch;
    QSpinBox *m_concurrency;
    QSpinBox *m_pause;
    QSpinBox *m_stop;
    QCheckBox *m_enabled;
    QFormLayout *m_form = nullptr;
    QFormLayout *m_scheduleForm = nullptr;
    QLabel *m_targetCount;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/collection.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTimer;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Make, change or copy a collection. A dynamic one is a rule (every condition of
// Core::CollectionRule, each checked as it is typed, with a live count of the systems it selects
// now); a static one lists its members by UUID, FQDN or name, pasted or imported from a file, and
// the store names any it does not know (nothing is saved then).
class CollectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionDialog)

public:
    // collection: what to start from (id 0 for a new one or a copy).
    CollectionDialog(Core::Store *store, const Core::Collection &collection, QWidget *parent = nullptr);
    ~CollectionDialog() override;

    Core::Collection collection() const;
    // The members as typed: one system per line (or separated by commas, spaces or semicolons).
    QStringList members() const;
    // Reads a list of systems (a text or CSV file: the first column of each line) into the members.
    bool importMembers(const QString &path, QString *error);
    qint64 savedId() const { return m_id; }
    void accept() override;

private:
    void validate();
    void countMatches();
    void loadChoices(qint64 profileId, const QString &tag);
    void setRule(const Core::CollectionRule &rule);
    Core::CollectionRule rule() const;

    Core::Store *m_store;
    qint64 m_id;
    QString m_createdBy;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QComboBox *m_kind;
    QStackedWidget *m_pages;
    QHash<int, QCheckBox *> m_states; // by Core::SystemState
    QLineEdit *m_minVersion;
    QLineEdit *m_maxVersion;
    QComboBox *m_profile; // data: the profile id, 0 for any
    QLineEdit *m_fqdn;
    QLineEdit *m_ip;
    QSpinBox *m_olderThan;
    QSpinBox *m_newerThan;
    QComboBox *m_taskOutcome;
    QComboBox *m_tag; // editable
    QPlainTextEdit *m_members;
    QLabel *m_count; // "12 systems match now", "3 systems listed"
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QTimer *m_countLater;
    quint64 m_countGeneration = 0;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Oobm::Core {
class Store;
}

namespace Oobm::Gui {

// Tags for the systems selected on Intel AMT Systems: tags to add (new ones, or known ones to pick
// from) and known tags to remove, applied in one store call (Store::tagSystems).
class TagsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagsDialog)

public:
    TagsDialog(Core::Store *store, const QStringList &uuids, QWidget *parent = nullptr);
    ~TagsDialog() override;

    QStringList tagsToAdd() const;
    QStringList tagsToRemove() const;
    void accept() override;

Q_SIGNALS:
    // The tags were changed; summary says how ("Tagged 3 systems lab; removed old").
    void tagged(const QString &summary);

private:
    void validate();

    Core::Store *m_store;
    QStringList m_uuids;
    QLineEdit *m_add;
    QListWidget *m_remove;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/fleet/collection.h"
#include "ui/shell/pagecontext.h"

#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QTableView;

namespace Oobm::Gui {

class StatusLabel;

class CollectionsModel;
class PinnedSortModel;
class SystemsWidget;

// Collections: the list (built-in ones first, then the admins' own, with their member counts),
// and the selected collection's members in the Intel AMT Systems table with its filters and
// actions. New, Edit, Copy and Delete (confirmed; built-in ones can only be copied), and a task
// for the selected collection.
class CollectionsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionsWidget)

public:
    explicit CollectionsWidget(const PageContext &context, QWidget *parent = nullptr);
    ~CollectionsWidget() override;

    CollectionsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    SystemsWidget *members() const { return m_members; }
    // The selected collection (a default one when none is).
    Core::Collection current() const;
    // Selects the collection with this id; false when it is not listed.
    bool select(qint64 id);

    void newCollection();
    void editCurrent();
    void copyCurrent();
    void deleteCurrent();

Q_SIGNALS:
    void newTaskRequested(qint64 collectionId);
    void newTaskForSystemsRequested(const QStringList &uuids);
    void showRunRequested(qint64 runId);
    void showLogRequested(const QString &uuid);
    void showActionsRequested(const QString &uuid);

private:
    void updateActions();
    void showMembers();
    void openDialog(const Core::Collection &collection);

    PageContext m_context;
    CollectionsModel *m_model;
    PinnedSortModel *m_sorted;
    QTableView *m_view;
    QSplitter *m_splitter;
    QLabel *m_membersTitle;
    SystemsWidget *m_members;
    StatusLabel *m_status; // the last action's outcome
    QLabel *m_count;       // how many collections, or why they cannot be read
    QAction *m_new;
    QAction *m_edit;
    QAction *m_copy;
    QAction *m_delete;
    QAction *m_newTask;
    qint64 m_pendingSelection = 0; // a collection just saved, selected when the list has it
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "collectionswidget.h"

#include "core/async.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"
#include "ui/dialogs/collectiondialog.h"
#include "ui/models/collectionsmodel.h"
#include "ui/models/pinnedsortmodel.h"
#include "ui/models/systemsmodel.h"
#include "ui/pages/pagewidgets.h"
#include "ui/pages/systems/systemswidget.h"
#include "ui/shell/icons.h"
#include "ui/shell/widgetpage.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"
#include "ui/widgets/statuslabel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Oobm::Gui {

CollectionsWidget::CollectionsWidget(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new CollectionsModel(context.store, this))
    , m_sorted(new PinnedSortModel(CollectionsModel::BuiltInRole, this))
    , m_view(createListTable(m_sorted, QStringLiteral("collectionsView"), this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_membersTitle(new QLabel(this))
    , m_members(new SystemsWidget(context, this, SystemsWidget::Mode::Embedded))
    , m_status(new StatusLabel(QStringLiteral("collectionsStatus"), this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("collectionsWidget"));
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(CollectionsModel::SortRole);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the store's order: built-in ones, then by name
    const QFontMetrics fm = m_view->fontMetrics();
    m_view->setColumnWidth(CollectionsModel::NameColumn,
                           fm.horizontalAdvance(QStringLiteral("All Awaiting authorization")) + 24);
    m_view->setColumnWidth(CollectionsModel::KindColumn, fm.horizontalAdvance(QStringLiteral("Dynamic")) + 24);
    m_view->setColumnWidth(CollectionsModel::MembersColumn,
                           fm.horizontalAdvance(QStringLiteral("Members 100,000")) + 8);
    m_view->setColumnWidth(CollectionsModel::SelectsColumn,
                           fm.horizontalAdvance(QStringLiteral("state Failed, a hello within 24 h")) + 24);
    rememberHeader(m_view, context.settings, QStringLiteral("collections/header"));

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_new = toolbar->addAction(themedIcon(QStringLiteral("collections")), tr("&New…"), this,
                               &CollectionsWidget::newCollection);
    m_new->setObjectName(QStringLiteral("newCollection"));
    m_new->setToolTip(tr("A collection of your own: a rule that selects systems, or systems chosen by hand"));
    m_edit = toolbar->addAction(themedIcon(QStringLiteral("general")), tr("&Edit…"), this,
                                &CollectionsWidget::editCurrent);
    m_edit->setObjectName(QStringLiteral("editCollection"));
    m_edit->setToolTip(tr("Change the selected collection (Enter); built-in ones cannot be changed"));
    m_copy = toolbar->addAction(themedIcon(QStringLiteral("profiles")), tr("&Copy…"), this,
                                &CollectionsWidget::copyCurrent);
    m_copy->setObjectName(QStringLiteral("copyCollection"));
    m_copy->setToolTip(tr("A new collection that starts as the selected one: the way to change a built-in one"));
    m_delete = toolbar->addAction(themedIcon(QStringLiteral("error")), tr("&Delete…"), this,
                                  &CollectionsWidget::deleteCurrent);
    m_delete->setObjectName(QStringLiteral("deleteCollection"));
    m_delete->setToolTip(tr("Delete the selected collection (Delete); the systems stay"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    toolbar->addSeparator();
    m_newTask = toolbar->addAction(themedIcon(QStringLiteral("tasks")), tr("New &Task…"), this, [this] {
        const Core::Collection c = current();
        if (c.id != 0)
            Q_EMIT newTaskRequested(c.id);
    });
    m_newTask->setObjectName(QStringLiteral("newTaskForCollection"));
    m_newTask->setToolTip(tr("A task on the selected collection: power, next boot, clock, passwords… now, later or "
                             "on a schedule, in waves"));
    for (QAction *a : {m_new, m_edit, m_copy, m_delete, m_newTask})
        m_view->addAction(a);
    connect(m_view, &QTableView::activated, this, [this] {
        if (m_edit->isEnabled())
            editCurrent();
        else if (m_copy->isEnabled())
            copyCurrent();
    });

    m_membersTitle->setObjectName(QStringLiteral("membersTitle"));
    auto *membersPane = new QWidget(this);
    auto *membersLayout = new QVBoxLayout(membersPane);
    membersLayout->setContentsMargins(0, 6, 0, 0);
    membersLayout->addWidget(m_membersTitle);
    membersLayout->addWidget(m_members, 1);
    m_splitter->setObjectName(QStringLiteral("collectionsSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(membersPane);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({260, 460});
    rememberSplitter(m_splitter, context.settings, QStringLiteral("collections/splitter"));
    connect(m_members, &SystemsWidget::showRunRequested, this, &CollectionsWidget::showRunRequested);
    connect(m_members, &SystemsWidget::showLogRequested, this, &CollectionsWidget::showLogRequested);
    connect(m_members, &SystemsWidget::showActionsRequested, this, &CollectionsWidget::showActionsRequested);
    connect(m_members, &SystemsWidget::newTaskRequested, this, &CollectionsWidget::newTaskForSystemsRequested);

    m_count->setObjectName(QStringLiteral("collectionsCount"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(
            themedIcon(QStringLiteral("collections")), tr("Collections"),
            tr("Collections group Intel AMT systems for tasks: dynamic ones select the systems their rule matches at "
               "the time (state, AMT version, profile, FQDN, subnet, last hello, last task, tag), static ones hold "
               "systems chosen by hand. Built-in collections (in italics) can be copied, not changed."),
            this));
    layout->addWidget(toolbar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_count);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        showMembers();
    });
    connect(m_model, &CollectionsModel::loaded, this, [this](const QString &error) {
        if (!error.isEmpty()) {
            m_count->setText(error);
        } else {
            int own = 0;
            for (const Core::Collection &c : m_model->items())
                own += c.isBuiltIn() ? 0 : 1;
            m_count->setText(own == 0 ? tr("Only the built-in collections so far: New makes one of your own, Copy "
                                           "one that starts from a built-in one.")
                                      : tr("%n collections of your own, and the built-in ones.", nullptr, own));
        }
        if (m_pendingSelection != 0 && select(m_pendingSelection))
            m_pendingSelection = 0;
        if (!m_view->currentIndex().isValid() && m_sorted->rowCount() > 0)
            m_view->setCurrentIndex(m_sorted->index(0, 0));
        updateActions();
        showMembers();
    });
    connect(m_context.store, &Core::Store::stateChanged, this, &CollectionsWidget::updateActions);
    m_model->reload();
    updateActions();
}

CollectionsWidget::~CollectionsWidget() = default;

Core::Collection CollectionsWidget::current() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return {};
    return m_model->collection(m_sorted->mapToSource(index).row());
}

bool CollectionsWidget::select(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void CollectionsWidget::updateActions()
{
    const Core::Collection c = current();
    const bool writable = m_context.store->isWritable();
    m_new->setEnabled(writable);
    m_edit->setEnabled(writable && c.id > 0);
    m_copy->setEnabled(writable && c.id != 0);
    m_delete->setEnabled(writable && c.id > 0);
    m_newTask->setEnabled(writable && c.id != 0);
}

void CollectionsWidget::showMembers()
{
    const Core::Collection c = current();
    if (c.id == 0) {
        m_membersTitle->setText(tr("Select a collection to see its members."));
        return;
    }
    const QString members = c.memberCount < 0 ? QString() : tr(", %n systems now", nullptr, int(c.memberCount));
    m_membersTitle->setText(tr("<b>Members of %1</b> (%2%3)")
                                    .arg(c.name.toHtmlEscaped(),
                                         c.kind == Core::Collection::Kind::Static
                                                 ? tr("chosen by hand")
                                                 : m_model->describeRule(c.rule).toHtmlEscaped(),
                                         members));
    if (c.id != m_members->collection())
        m_members->setCollection(c.id);
}

void CollectionsWidget::openDialog(const Core::Collection &collection)
{
    auto *dialog = new CollectionDialog(m_context.store, collection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool isNew = collection.id <= 0;
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew] {
        const Core::Collection saved = dialog->collection();
        m_pendingSelection = dialog->savedId();
        if (m_context.log)
            m_context.log->information(isNew ? tr("Created the collection %1.").arg(saved.name)
                                             : tr("Changed the collection %1.").arg(saved.name));
        m_status->setStatus(isNew ? tr("Created the collection %1.").arg(saved.name)
                                  : tr("Changed the collection %1.").arg(saved.name));
        if (select(m_pendingSelection))
            m_pendingSelection = 0;
    });
    dialog->open();
}

void CollectionsWidget::newCollection()
{
    Core::Collection c;
    c.kind = Core::Collection::Kind::Dynamic;
    openDialog(c);
}

void CollectionsWidget::editCurrent()
{
    const Core::Collection c = current();
    if (c.id > 0)
        openDialog(c);
}

void CollectionsWidget::copyCurrent()
{
    const Core::Collection original = current();
    if (original.id == 0)
        return;
    Core::Collection copy = original;
    copy.id = 0;
    copy.createdBy.clear();
    copy.name = tr("Copy of %1").arg(original.name);
    if (original.isBuiltIn())
        copy.description = tr("Copied from the built-in collection %1.").arg(original.name);
    if (original.kind != Core::Collection::Kind::Static) {
        openDialog(copy);
        return;
    }
    // A static collection's copy starts with its members.
    Core::whenReady(m_context.store->collection(original.id, true), this,
                    [this, copy](const Core::StoreResult<Core::Collection> &r) mutable {
        if (!r.ok()) {
            m_status->setStatus(r.error.message);
            return;
        }
        copy.members = r.value.members;
        openDialog(copy);
    });
}

void CollectionsWidget::deleteCurrent()
{
    const Core::Collection c = current();
    if (c.id <= 0)
        return;
    Confirmation ask;
    ask.objectName = QStringLiteral("confirmDelete");
    ask.title = tr("Delete collection");
    ask.text = tr("Delete the collection %1? Its systems stay; only the group goes.").arg(c.name);
    ask.action = tr("Delete");
    askToConfirm(this, ask, [this, c] {
        Core::whenReady(m_context.store->deleteCollection(c.id), this, [this, c](const Core::StoreResult<int> &r) {
            if (!r.ok()) {
                m_status->setStatus(r.error.message);
                return;
            }
            m_status->setStatus(tr("Deleted the collection %1.").arg(c.name));
            if (m_context.log)
                m_context.log->information(tr("Deleted the collection %1.").arg(c.name));
        });
    });
}

QWidget *createCollectionsWidget(const PageContext &context, WidgetPage *page, QWidget *parent)
{
    auto *w = new CollectionsWidget(context, parent);
    const auto open = [page](const QString &id, const QString &argument) {
        Q_EMIT page->openPageRequested(id, argument);
    };
    QObject::connect(w, &CollectionsWidget::newTaskRequested, page, [open](qint64 collectionId) {
        open(QStringLiteral("tasks"), QStringLiteral("new-task-collection:%1").arg(collectionId));
    });
    QObject::connect(w, &CollectionsWidget::newTaskForSystemsRequested, page, [open](const QStringList &uuids) {
        open(QStringLiteral("tasks"), QStringLiteral("new-task:") + uuids.join(u','));
    });
    QObject::connect(w, &CollectionsWidget::showRunRequested, page,
                     [open](qint64 runId) { open(QStringLiteral("tasks"), QStringLiteral("run:%1").arg(runId)); });
    QObject::connect(w, &CollectionsWidget::showLogRequested, page,
                     [open](const QString &uuid) { open(QStringLiteral("log"), uuid); });
    QObject::connect(w, &CollectionsWidget::showActionsRequested, page,
                     [open](const QString &uuid) { open(QStringLiteral("actions-status"), uuid); });
    return w;
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "mainwindow.h"

#include "core/async.h"
#include "core/logbook/userlog.h"
#include "core/settings/localsettings.h"
#include "core/store/store.h"
#include "ui/dialogs/doctordialog.h"
#include "ui/pages/folder/folderpage.h"
#include "ui/shell/icons.h"
#include "ui/shell/navigationmodel.h"
#include "ui/shell/page.h"
#include "ui/shell/pagearea.h"
#include "ui/shell/pages.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace Oobm::Gui {

namespace {
constexpr QLatin1String GeometryKey{"window/geometry"};
constexpr QLatin1String StateKey{"window/state"};
constexpr QLatin1String SplitterKey{"window/splitter"};
constexpr QLatin1String CurrentPageKey{"navigation/current"};
constexpr QLatin1String DefaultPageId{"general"};
} // namespace

MainWindow::MainWindow(const PageContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_model(new NavigationModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_area(new PageArea(context.store, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_storeStatus(new QLabel(this))
    , m_engineStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Out of Band Management"));
    setWindowIcon(bundledIcon(QStringLiteral("oobm")));

    for (const NavigationEntry &entry : createPages(context, this)) {
        m_pages.insert(entry.page->id(), entry.page);
        m_model->addPage(entry.page, entry.parentId);
        if (auto *folder = qobject_cast<FolderPage *>(entry.page))
            connect(folder, &FolderPage::openRequested, this, &MainWindow::selectPage);
        connect(entry.page, &Page::openPageRequested, this, [this](const QString &id, const QString &argument) {
            if (selectPage(id))
                m_pages.value(id)->showArgument(argument);
        });
    }

    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("navigationFilter"));
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only the nodes whose name contains this text"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_tree->expandAll();
    });

    m_tree->setObjectName(QStringLiteral("navigationTree"));
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->expandAll();
    m_tree->setAccessibleName(tr("Navigation"));
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentChanged);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree, 1);

    m_area->setObjectName(QStringLiteral("pageArea"));
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_area);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({300, 700});
    setCentralWidget(m_splitter);

    m_storeStatus->setObjectName(QStringLiteral("storeStatus"));
    m_engineStatus->setObjectName(QStringLiteral("engineStatus"));
    statusBar()->addWidget(m_storeStatus, 1);
    statusBar()->addPermanentWidget(m_engineStatus);
    connect(context.store, &Core::Store::stateChanged, this, &MainWindow::updateStatusBar);
    auto *heartbeat = new QTimer(this);
    connect(heartbeat, &QTimer::timeout, this, &MainWindow::updateEngineStatus);
    heartbeat->start(5000);
    connect(context.log, &Core::UserLog::writeFailed, this, [this](const Core::StoreError &error) {
        statusBar()->showMessage(tr("Log entries could not be written: %1").arg(error.message));
    });
    connect(context.log, &Core::UserLog::writeRecovered, this, [this](qint64 lost) {
        statusBar()->showMessage(lost == 0 ? tr("Log entries are written again; none was lost.")
                                           : tr("Log entries are written again; %n were lost.", nullptr, int(lost)),
                                 30000);
    });
    updateStatusBar();

    createMenus();
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *filter = view->addAction(tr("&Filter Navigation"), this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    filter->setShortcut(QKeySequence::Find);
    QAction *tree = view->addAction(tr("Go to &Navigation"), this, [this] { m_tree->setFocus(); });
    tree->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addSeparator();
    view->addAction(tr("&Expand All"), m_tree, &QTreeView::expandAll);
    view->addAction(tr("&Collapse All"), m_tree, &QTreeView::collapseAll);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *diagnose = tools->addAction(tr("&Diagnose Provisioning…"), this, [this] {
        auto *dialog = new DoctorDialog(m_context, {}, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    diagnose->setObjectName(QStringLiteral("diagnoseAction"));
    diagnose->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    diagnose->setToolTip(tr("Find out why a system does not provision"));
    tools->addSeparator();
    QAction *dataFolder = tools->addAction(tr("Open &Database Folder"), this, [this] {
        const Core::StoreLocation l = m_context.store->location();
        if (l.kind() == Core::StoreLocation::Kind::SQLite)
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(l.path()).absolutePath()));
    });
    dataFolder->setEnabled(m_context.store->location().kind() == Core::StoreLocation::Kind::SQLite);
    dataFolder->setToolTip(tr("Show the folder that holds the SQLite database in the file manager"));
    tools->addAction(tr("&Reopen Database"), this, [this] { m_context.store->open(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About OOBM"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About OOBM"),
                       tr("<h3>OOBM %1</h3><p>Out of Band Management console for Intel® vPro™ / Intel® AMT: "
                          "provisioning (hello packets, PID/PPS and Remote Configuration) and management of "
                          "AMT "
                          "systems.</p><p>Database: %2</p><p>License: GNU General Public License, version 2 "
                          "or "
                          "later.</p>")
                               .arg(QCoreApplication::applicationVersion(),
                                    m_context.store->location().describe().toHtmlEscaped()));
}

QString MainWindow::currentPageId() const
{
    return m_area->currentPage() ? m_area->currentPage()->id() : QString();
}

QStringList MainWindow::pageIds() const
{
    QStringList ids;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            ids << m_model->idForIndex(i);
            walk(i);
        }
    };
    walk({});
    return ids;
}

bool MainWindow::selectPage(const QString &id)
{
    QModelIndex source = m_model->indexForId(id);
    if (!source.isValid())
        return false;
    QModelIndex proxyIndex = m_proxy->mapFromSource(source);
    if (!proxyIndex.isValid()) {
        // Hidden by the filter: clear it so the node can be shown.
        m_filter->clear();
        proxyIndex = m_proxy->mapFromSource(source);
    }
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->scrollTo(proxyIndex);
    return currentPageId() == id;
}

void MainWindow::onCurrentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    if (m_reverting)
        return;
    Page *next = m_pages.value(m_proxy->data(current, NavigationModel::PageIdRole).toString());
    Page *before = m_area->currentPage();
    if (before && before != next && before->isModified() && !confirmLeave(before)) {
        // Stay: put the selection back without asking again.
        m_reverting = true;
        m_tree->setCurrentIndex(previous.isValid() ? previous
                                                   : m_proxy->mapFromSource(m_model->indexForId(before->id())));
        m_reverting = false;
        return;
    }
    if (!next)
        return;
    m_area->showPage(next);
    m_context.settings->setValue(CurrentPageKey, next->id());
}

bool MainWindow::confirmLeave(Page *page)
{
    QMessageBox box(QMessageBox::Question, tr("Apply changes?"),
                    tr("The page \"%1\" has changes that have not been applied.").arg(page->title()),
                    QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("leaveModifiedPage"));
    box.setInformativeText(tr("Apply them now, discard them, or stay on the page?"));
    box.setDefaultButton(QMessageBox::Apply);
    switch (box.exec()) {
    case QMessageBox::Apply:
        return page->apply();
    case QMessageBox::Discard:
        page->revert();
        return true;
    default:
        return false;
    }
}

void MainWindow::updateStatusBar()
{
    const Core::Store *store = m_context.store;
    QString state;
    switch (store->state()) {
    case Core::Store::State::Closed:
    case Core::Store::State::Opening:
        state = tr("opening…");
        break;
    case Core::Store::State::Open:
        state = tr("schema %1").arg(store->schemaVersion());
        break;
    case Core::Store::State::ReadOnly:
        state = tr("read-only");
        break;
    case Core::Store::State::Failed:
        state = tr("cannot be opened");
        break;
    }
    m_storeStatus->setText(tr("Database: %1 (%2)").arg(store->location().describe(), state));
    m_storeStatus->setToolTip(store->lastError().message);
    updateEngineStatus();
}

void MainWindow::updateEngineStatus()
{
    Core::Store *store = m_context.store;
    if (!store->isReadable()) {
        m_engineStatus->setText(tr("Engine: unknown"));
        m_engineStatus->setToolTip(tr("The database cannot be read, so no engine's heartbeat can be seen."));
        return;
    }
    Core::whenReady(store->engines(), this, [this](const Core::StoreResult<QList<Core::EngineStatus>> &r) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList lines;
        const Core::EngineStatus *best = nullptr;
        for (const Core::EngineStatus &e : r.value) {
            const bool alive = e.isAlive(now) && e.error != u"stopped";
            lines << tr("%1: %2, last heartbeat %3")
                             .arg(e.id,
                                  !alive                      ? tr("not running")
                                          : e.error.isEmpty() ? tr("listening on %1").arg(e.listen)
                                                              : e.error,
                                  e.heartbeat.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
            if (alive && (!best || (best->error.isEmpty() < e.error.isEmpty())))
                best = &e;
        }
        if (!best) {
            m_engineStatus->setText(tr("Engine: not running"));
            m_engineStatus->setStyleSheet(QString());
        } else if (!best->error.isEmpty()) {
            // Figure 12's cause, where the admin looks: the status bar, with the reason.
            m_engineStatus->setText(tr("Engine on %1 is not receiving hellos: %2").arg(best->host, best->error));
            m_engineStatus->setStyleSheet(QStringLiteral("color: #b00020"));
        } else {
            m_engineStatus->setText(
                    tr("Engine running on %1 since %2%3")
                            .arg(best->listen, best->started.toLocalTime().toString(QStringLiteral("HH:mm")),
                                 best->inFlight > 0 ? tr(", provisioning %n", nullptr, best->inFlight) : QString()));
            m_engineStatus->setStyleSheet(QString());
        }
        m_engineStatus->setToolTip(lines.isEmpty() ? tr("No provisioning engine has ever run on this database.")
                                                   : lines.join(u'\n'));
    });
}

void MainWindow::restoreState()
{
    Core::LocalSettings *s = m_context.settings;
    if (!restoreGeometry(s->bytes(GeometryKey))) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1280, 800);
        resize(QSize(1280, 800).boundedTo(available * 0.9));
    }
    QMainWindow::restoreState(s->bytes(StateKey));
    m_splitter->restoreState(s->bytes(SplitterKey));
    const QString id = s->string(CurrentPageKey, DefaultPageId);
    if (!selectPage(id))
        selectPage(DefaultPageId);
}

void MainWindow::saveState()
{
    Core::LocalSettings *s = m_context.settings;
    s->setValue(GeometryKey, saveGeometry());
    s->setValue(StateKey, QMainWindow::saveState());
    s->setValue(SplitterKey, m_splitter->saveState());
    s->setValue(CurrentPageKey, currentPageId());
    s->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Page *page = m_area->currentPage();
    if (page && page->isModified() && !confirmLeave(page)) {
        event->ignore();
        return;
    }
    saveState();
    event->accept();
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/pagecontext.h"

#include <QHash>
#include <QMainWindow>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTreeView;

namespace Oobm::Gui {

class NavigationModel;
class Page;
class PageArea;

// The console window: the navigation tree (with its filter box), the page area and the status
// bar. Page logic lives in the pages.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const PageContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    QString currentPageId() const;
    // Selects the node; returns false when there is no such node or the user stayed on a
    // modified page.
    bool selectPage(const QString &id);
    Page *page(const QString &id) const { return m_pages.value(id); }
    QStringList pageIds() const;

    NavigationModel *navigationModel() const { return m_model; }
    QTreeView *navigationView() const { return m_tree; }
    PageArea *pageArea() const { return m_area; }
    QLineEdit *navigationFilter() const { return m_filter; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void onCurrentChanged(const QModelIndex &current, const QModelIndex &previous);
    bool confirmLeave(Page *page);
    void updateStatusBar();
    void updateEngineStatus();
    void restoreState();
    void saveState();
    void showAbout();

    PageContext m_context;
    QHash<QString, Page *> m_pages;
    NavigationModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    PageArea *m_area;
    QSplitter *m_splitter;
    QLabel *m_storeStatus;
    QLabel *m_engineStatus;
    bool m_reverting = false;
};

} // namespace Oobm::Gui

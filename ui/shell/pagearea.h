// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QPointer>
#include <QStackedWidget>

namespace Oobm::Core {
class Store;
}

class QLabel;

namespace Oobm::Gui {

class ConnectionErrorWidget;
class Page;

// The right-hand side: the current page's widget, or, for a page that needs the store while the
// store cannot be read, the connection error (or "opening" while it opens).
class PageArea final : public QStackedWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageArea)

public:
    explicit PageArea(Core::Store *store, QWidget *parent = nullptr);
    ~PageArea() override;

    void showPage(Page *page);
    Page *currentPage() const { return m_page; }
    bool isShowingConnectionError() const;
    ConnectionErrorWidget *connectionError() const { return m_error; }

private:
    void refresh();

    Core::Store *m_store;
    QPointer<Page> m_page;
    ConnectionErrorWidget *m_error;
    QLabel *m_opening;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "pagearea.h"

#include "core/store/store.h"
#include "ui/shell/connectionerrorwidget.h"
#include "ui/shell/page.h"

#include <QLabel>

namespace Oobm::Gui {

PageArea::PageArea(Core::Store *store, QWidget *parent)
    : QStackedWidget(parent)
    , m_store(store)
    , m_error(new ConnectionErrorWidget(this))
    , m_opening(new QLabel(tr("Opening the database…"), this))
{
    m_opening->setAlignment(Qt::AlignCenter);
    addWidget(m_error);
    addWidget(m_opening);
    connect(m_store, &Core::Store::stateChanged, this, &PageArea::refresh);
    connect(m_error, &ConnectionErrorWidget::retryRequested, this, [this] { m_store->open(); });
}

PageArea::~PageArea() = default;

void PageArea::showPage(Page *page)
{
    m_page = page;
    refresh();
}

bool PageArea::isShowingConnectionError() const
{
    return currentWidget() == m_error;
}

void PageArea::refresh()
{
    if (!m_page)
        return;
    if (m_page->needsStore() && !m_store->isReadable()) {
        const Core::Store::State state = m_store->state();
        if (state == Core::Store::State::Failed) {
            m_error->setCause(m_store->lastError().message, m_store->location().describe());
            setCurrentWidget(m_error);
        } else {
            setCurrentWidget(m_opening);
        }
        return;
    }
    QWidget *w = m_page->widget(this);
    if (indexOf(w) < 0)
        addWidget(w);
    setCurrentWidget(w);
}

} // namespace Oobm::Gui

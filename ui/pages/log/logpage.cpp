// SPDX-License-Identifier: GPL-2.0-or-later
#include "logpage.h"

#include "core/logbook/logbook.h"
#include "ui/shell/icons.h"
#include "ui/widgets/logviewwidget.h"
#include "ui/widgets/pageheader.h"

#include <QVBoxLayout>

namespace Oobm::Gui {

LogPage::LogPage(Spec spec, const PageContext &context, QObject *parent)
    : Page(parent)
    , m_spec(std::move(spec))
    , m_context(context)
{ }

LogPage::~LogPage() = default;

QIcon LogPage::icon() const
{
    return themedIcon(m_spec.icon);
}

QWidget *LogPage::createWidget(QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(icon(), m_spec.heading, m_spec.description, w));
    m_book = m_spec.book(m_context.store);
    m_view = new LogViewWidget(m_book, m_context.settings, w);
    layout->addWidget(m_view, 1);
    return w;
}

LogViewWidget *LogPage::logView() const
{
    return m_view;
}

void LogPage::showArgument(const QString &argument)
{
    if (m_view && m_book->filtersByDevice())
        m_view->showSystem(argument);
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "widgetpage.h"

#include "ui/shell/icons.h"

namespace Oobm::Gui {

WidgetPage::WidgetPage(PageSpec spec, Factory factory, const PageContext &context, QObject *parent)
    : Page(parent)
    , m_spec(std::move(spec))
    , m_factory(std::move(factory))
    , m_context(context)
{ }

WidgetPage::~WidgetPage() = default;

QIcon WidgetPage::icon() const
{
    return themedIcon(m_spec.icon);
}

void WidgetPage::showArgument(const QString &argument)
{
    Q_EMIT argumentShown(argument);
}

QWidget *WidgetPage::createWidget(QWidget *parent)
{
    return m_factory(m_context, this, parent);
}

} // namespace Oobm::Gui

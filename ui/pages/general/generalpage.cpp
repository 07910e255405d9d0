// SPDX-License-Identifier: GPL-2.0-or-later
#include "generalpage.h"

#include "ui/pages/general/generalsettingswidget.h"
#include "ui/shell/icons.h"

namespace Oobm::Gui {

GeneralPage::GeneralPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

GeneralPage::~GeneralPage() = default;

QString GeneralPage::title() const
{
    return tr("General");
}

QIcon GeneralPage::icon() const
{
    return themedIcon(QStringLiteral("general"));
}

QString GeneralPage::summary() const
{
    return tr("Listen port, authorization, Remote Configuration and the log level.");
}

bool GeneralPage::isModified() const
{
    return m_widget && m_widget->isModified();
}

bool GeneralPage::apply()
{
    return !m_widget || m_widget->apply();
}

void GeneralPage::revert()
{
    if (m_widget)
        m_widget->revert();
}

QWidget *GeneralPage::createWidget(QWidget *parent)
{
    m_widget = new GeneralSettingsWidget(m_context.store, parent);
    m_widget->setWindowIcon(icon());
    connect(m_widget, &GeneralSettingsWidget::modifiedChanged, this, &Page::modifiedChanged);
    return m_widget;
}

} // namespace Oobm::Gui

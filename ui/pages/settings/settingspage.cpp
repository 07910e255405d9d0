// SPDX-License-Identifier: GPL-2.0-or-later
#include "settingspage.h"

#include "ui/shell/icons.h"
#include "ui/widgets/settingsform.h"

#include <QWidget>

namespace Oobm::Gui {

SettingsPage::SettingsPage(Spec spec, Factory factory, const PageContext &context, QObject *parent)
    : Page(parent)
    , m_spec(std::move(spec))
    , m_factory(std::move(factory))
    , m_context(context)
{ }

SettingsPage::~SettingsPage() = default;

QIcon SettingsPage::icon() const
{
    return themedIcon(m_spec.icon);
}

bool SettingsPage::isModified() const
{
    return m_form && m_form->isModified();
}

bool SettingsPage::apply()
{
    return !m_form || m_form->apply();
}

void SettingsPage::revert()
{
    if (m_form)
        m_form->revert();
}

SettingsForm *SettingsPage::form() const
{
    return m_form;
}

QWidget *SettingsPage::createWidget(QWidget *parent)
{
    const Parts parts = m_factory(m_context, parent);
    m_form = parts.form;
    parts.widget->setWindowIcon(icon());
    connect(m_form, &SettingsForm::modifiedChanged, this, &Page::modifiedChanged);
    return parts.widget;
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "securitykeyspage.h"

#include "ui/pages/securitykeys/securitykeyswidget.h"
#include "ui/shell/icons.h"

namespace Oobm::Gui {

SecurityKeysPage::SecurityKeysPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

SecurityKeysPage::~SecurityKeysPage() = default;

QString SecurityKeysPage::title() const
{
    return tr("Security Keys");
}

QIcon SecurityKeysPage::icon() const
{
    return themedIcon(QStringLiteral("keys"));
}

QString SecurityKeysPage::summary() const
{
    return tr("Generate, export and import PID/PPS security keys.");
}

QWidget *SecurityKeysPage::createWidget(QWidget *parent)
{
    return new SecurityKeysWidget(m_context, parent);
}

} // namespace Oobm::Gui

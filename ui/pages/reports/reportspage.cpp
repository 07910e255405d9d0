// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/pagewidgets.h"
#include "ui/pages/reports/reportswidget.h"

namespace Oobm::Gui {

QWidget *createReportsWidget(const PageContext &context, WidgetPage *page, QWidget *parent)
{
    Q_UNUSED(page)
    return new ReportsWidget(context, parent);
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "securityauditpage.h"

#include "ui/models/securityauditmodel.h"
#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Oobm::Gui {

SecurityAuditPage::SecurityAuditPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

SecurityAuditPage::~SecurityAuditPage() = default;

QString SecurityAuditPage::title() const
{
    return tr("Security Audit");
}

QIcon SecurityAuditPage::icon() const
{
    return themedIcon(QStringLiteral("audit"));
}

QString SecurityAuditPage::summary() const
{
    return tr("Who saw, exported, imported or deleted secrets, and when.");
}

QWidget *SecurityAuditPage::createWidget(QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *model = new SecurityAuditModel(m_context.store, w);
    auto *view = new QTableView(w);
    view->setObjectName(QStringLiteral("auditView"));
    view->setModel(model);
    setUpRecordTable(view);
    view->setColumnWidth(
            SecurityAuditModel::TimeColumn,
            view->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) + 24);
    auto *empty = new QLabel(tr("<p><b>No entries yet.</b></p><p>Generating, showing, exporting, "
                                "importing or deleting "
                                "security keys is recorded here.</p>"),
                             w);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    auto *stack = new QStackedWidget(w);
    stack->addWidget(view);
    stack->addWidget(empty);
    auto *count = new QLabel(w);
    QObject::connect(model, &SecurityAuditModel::loaded, w,
                     [model, stack, view, empty, count](const QString &error) {
                         stack->setCurrentWidget(model->rowCount() == 0 && error.isEmpty()
                                                         ? static_cast<QWidget *>(empty)
                                                         : view);
                         count->setText(error.isEmpty() ? tr("%n entries, newest first.", nullptr,
                                                             model->rowCount())
                                                        : error);
                     });
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(
            icon(), tr("Security Audit"),
            tr("Every access to secrets: who (user and host), when, what and how many. "
               "Secrets themselves are never recorded."),
            w));
    layout->addWidget(stack, 1);
    layout->addWidget(count);
    model->reload();
    return w;
}

} // namespace Oobm::Gui

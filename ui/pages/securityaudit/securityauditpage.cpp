// SPDX-License-Identifier: GPL-2.0-or-later
#include "securityauditpage.h"

#include "ui/models/securityauditmodel.h"
#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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
    // The log's filters that apply here: time range, action, text (user, host, file, details).
    auto *range = new QComboBox(w);
    range->setObjectName(QStringLiteral("timeRange"));
    range->addItem(tr("Any time"), 0);
    range->addItem(tr("Last 24 hours"), 1);
    range->addItem(tr("Last 7 days"), 7);
    range->addItem(tr("Last 30 days"), 30);
    auto *action = new QComboBox(w);
    action->setObjectName(QStringLiteral("actionFilter"));
    action->addItem(tr("All actions"), QString());
    for (const char *a : { "generate", "show", "export", "import", "delete" })
        action->addItem(QString::fromLatin1(a), QString::fromLatin1(a));
    auto *text = new QLineEdit(w);
    text->setObjectName(QStringLiteral("textFilter"));
    text->setPlaceholderText(tr("Search user, host, file and details"));
    text->setClearButtonEnabled(true);
    auto apply = [model, range, action, text] {
        Core::AuditQuery q;
        if (const int days = range->currentData().toInt(); days > 0)
            q.since = QDateTime::currentDateTimeUtc().addDays(-days);
        q.action = action->currentData().toString();
        q.text = text->text().trimmed();
        model->setQuery(q);
    };
    QObject::connect(range, &QComboBox::currentIndexChanged, w, apply);
    QObject::connect(action, &QComboBox::currentIndexChanged, w, apply);
    QObject::connect(text, &QLineEdit::editingFinished, w, apply);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), w));
    filters->addWidget(range);
    filters->addWidget(action);
    filters->addWidget(text, 1);

    auto *stack = new QStackedWidget(w);
    stack->addWidget(view);
    stack->addWidget(empty);
    auto *count = new QLabel(w);
    QObject::connect(model, &SecurityAuditModel::loaded, w,
                     [model, stack, view, empty, count](const QString &error) {
                         const Core::AuditQuery q = model->query();
                         const bool filtered =
                                 q.since.isValid() || !q.action.isEmpty() || !q.text.isEmpty();
                         stack->setCurrentWidget(model->rowCount() == 0 && error.isEmpty() && !filtered
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
    layout->addLayout(filters);
    layout->addWidget(stack, 1);
    layout->addWidget(count);
    model->reload();
    return w;
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "actionsstatuspage.h"

#include "ui/models/actionsmodel.h"
#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Oobm::Gui {

ActionsStatusPage::ActionsStatusPage(const PageContext &context, QObject *parent)
    : Page(parent)
    , m_context(context)
{ }

ActionsStatusPage::~ActionsStatusPage() = default;

QString ActionsStatusPage::title() const
{
    return tr("Actions Status");
}

QIcon ActionsStatusPage::icon() const
{
    return themedIcon(QStringLiteral("actions"));
}

QString ActionsStatusPage::summary() const
{
    return tr("Every provisioning step run against each system.");
}

QWidget *ActionsStatusPage::createWidget(QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *model = new ActionsModel(m_context.store, w);
    auto *view = new QTableView(w);
    view->setObjectName(QStringLiteral("actionsView"));
    view->setModel(model);
    setUpRecordTable(view);
    const QFontMetrics fm = view->fontMetrics();
    view->setColumnWidth(ActionsModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.000")) + 16);
    view->setColumnWidth(ActionsModel::SystemColumn, fm.horizontalAdvance(QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B")) + 16);
    view->setColumnWidth(ActionsModel::StepColumn, fm.horizontalAdvance(QStringLiteral("SetHighAccuracyTimeSynch")) + 16);

    auto *system = new QLineEdit(w);
    system->setObjectName(QStringLiteral("systemFilter"));
    system->setPlaceholderText(tr("System UUID"));
    system->setClearButtonEnabled(true);
    auto *step = new QComboBox(w);
    step->setObjectName(QStringLiteral("stepFilter"));
    step->addItem(tr("All steps"), QString());
    for (const char *s : {"GetCoreVersion", "GetProvisioningState", "GetHostName", "GetDomainName", "SetHostName",
                          "SetDomainName", "SetHighAccuracyTimeSynch", "SetAdminAclEntry", "AddUserAclEntry",
                          "SetTlsEnabled", "SetTLSPSK", "SetEnabledInterfaces", "CommitChanges", "RemoteControl",
                          "Unprovision"})
        step->addItem(QString::fromLatin1(s), QString::fromLatin1(s));
    auto *result = new QComboBox(w);
    result->setObjectName(QStringLiteral("resultFilter"));
    result->addItem(tr("All results"), -1);
    for (auto r : {Core::ActionRecord::Result::Succeeded, Core::ActionRecord::Result::Failed,
                   Core::ActionRecord::Result::Skipped})
        result->addItem(Core::actionResultName(r), int(r));
    auto apply = [model, system, step, result] {
        Core::ActionFilter f;
        f.uuid = system->text().trimmed();
        f.step = step->currentData().toString();
        if (result->currentData().toInt() >= 0)
            f.results = {Core::ActionRecord::Result(result->currentData().toInt())};
        model->setFilter(f);
    };
    QObject::connect(system, &QLineEdit::editingFinished, w, apply);
    QObject::connect(step, &QComboBox::currentIndexChanged, w, apply);
    QObject::connect(result, &QComboBox::currentIndexChanged, w, apply);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), w));
    filters->addWidget(system, 2);
    filters->addWidget(step, 1);
    filters->addWidget(result, 1);

    auto *empty = new QLabel(tr("<p><b>No actions yet.</b></p><p>Each step the provisioning engine runs against a "
                                "system (and each power or unprovision action) is listed here with its result, "
                                "duration and the status code the device answered.</p>"),
                             w);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    auto *stack = new QStackedWidget(w);
    stack->addWidget(view);
    stack->addWidget(empty);
    auto *count = new QLabel(w);
    QObject::connect(model, &ActionsModel::loaded, w, [model, stack, view, empty, count](const QString &error) {
        const Core::ActionFilter f = model->filter();
        const bool filtered = !f.uuid.isEmpty() || !f.step.isEmpty() || !f.results.isEmpty();
        stack->setCurrentWidget(model->rowCount() == 0 && !filtered && error.isEmpty() ? static_cast<QWidget *>(empty)
                                                                                          : view);
        count->setText(error.isEmpty() ? tr("%n steps, newest first.", nullptr, model->rowCount()) : error);
    });
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(icon(), title(),
                                     tr("Every step run against each Intel AMT system: when, which step, the "
                                        "result, how long it took and the status the device answered."),
                                     w));
    layout->addLayout(filters);
    layout->addWidget(stack, 1);
    layout->addWidget(count);
    model->reload();
    return w;
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/async.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"
#include "ui/models/assignmentsmodel.h"
#include "ui/pages/pagewidgets.h"
#include "ui/shell/translate.h"
#include "ui/shell/widgetpage.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/problemlabel.h"
#include "ui/widgets/recordtable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

QWidget *createAssignmentsWidget(const PageContext &context, WidgetPage *page, QWidget *parent)
{
    auto *w = new QWidget(parent);
    Core::Store *store = context.store;
    Core::UserLog *log = context.log;
    auto *model = new AssignmentsModel(store, w);
    auto *view = new QTableView(w);
    view->setObjectName(QStringLiteral("assignmentsView"));
    view->setModel(model);
    setUpRecordTable(view);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setColumnWidth(AssignmentsModel::OrderColumn, 40);
    view->setColumnWidth(AssignmentsModel::ValueColumn, 320);

    // The new rule, in one row: match by, value, profile, Add.
    auto *kind = new QComboBox(w);
    kind->setObjectName(QStringLiteral("kind"));
    kind->addItem(tr("IP range"), int(Core::ProfileAssignment::Kind::IpRange));
    kind->addItem(tr("FQDN pattern"), int(Core::ProfileAssignment::Kind::FqdnPattern));
    kind->addItem(tr("UUID"), int(Core::ProfileAssignment::Kind::Uuid));
    auto *value = new QLineEdit(w);
    value->setObjectName(QStringLiteral("value"));
    auto *profile = new QComboBox(w);
    profile->setObjectName(QStringLiteral("profile"));
    auto *add = new QToolButton(w);
    add->setText(tr("&Add rule"));
    add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *remove = new QToolButton(w);
    remove->setText(tr("&Delete rule"));
    auto *problem = new ProblemLabel(w);
    auto placeholder = [kind, value] {
        switch (Core::ProfileAssignment::Kind(kind->currentData().toInt())) {
        case Core::ProfileAssignment::Kind::IpRange:
            value->setPlaceholderText(tr("10.1.0.0/16 or 10.1.0.5-10.1.0.90"));
            break;
        case Core::ProfileAssignment::Kind::FqdnPattern:
            value->setPlaceholderText(tr("*.lab.example.com"));
            break;
        case Core::ProfileAssignment::Kind::Uuid:
            value->setPlaceholderText(tr("4B529B93-D413-181D-E487-1C697A6B7A2B"));
            break;
        }
    };
    QObject::connect(kind, &QComboBox::currentIndexChanged, w, placeholder);
    placeholder();
    auto loadProfiles = [store, profile, w] {
        Core::whenReady(store->listProfiles(), w, [profile](const Core::StoreResult<QList<Core::ProvisionProfile>> &r) {
            profile->clear();
            for (const Core::ProvisionProfile &p : r.value)
                profile->addItem(p.isDefault ? tr("%1 (default)").arg(p.name) : p.name, p.id);
        });
    };
    QObject::connect(store, &Core::Store::profilesChanged, w, loadProfiles);
    loadProfiles();
    QObject::connect(add, &QToolButton::clicked, w, [=] {
        Core::ProfileAssignment a;
        a.kind = Core::ProfileAssignment::Kind(kind->currentData().toInt());
        a.value = value->text().trimmed();
        a.profileId = profile->currentData().toLongLong();
        if (const QString why = a.problem(); !why.isEmpty()) {
            problem->setText(why);
            return;
        }
        problem->clear();
        Core::whenReady(store->addAssignment(a), w, [=](const Core::StoreResult<qint64> &r) {
            if (!r.ok()) {
                problem->setText(r.error.message);
                return;
            }
            log->information(tr("Added the profile assignment %1 -> %2.").arg(a.describe(), profile->currentText()));
            value->clear();
        });
    });
    QObject::connect(value, &QLineEdit::returnPressed, add, &QToolButton::click);
    QObject::connect(remove, &QToolButton::clicked, w, [=] {
        const int row = selectedRow(view);
        if (row < 0)
            return;
        const Core::ProfileAssignment a = model->assignment(row);
        Confirmation ask;
        ask.objectName = QStringLiteral("confirmDelete");
        ask.title = tr("Delete rule");
        ask.text = tr("Delete the rule %1 -> %2? Systems it matched get the next matching rule or the default profile "
                      "when they are provisioned again.")
                           .arg(a.describe(), a.profileName);
        ask.action = tr("Delete");
        askToConfirm(w, ask, [=] {
            Core::whenReady(store->deleteAssignment(a.id), w, [=](const Core::StoreResult<int> &r) {
                if (!r.ok())
                    problem->setText(r.error.message);
                else
                    log->information(tr("Deleted the profile assignment %1.").arg(a.describe()));
            });
        });
    });
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("New rule:"), w));
    row->addWidget(kind);
    row->addWidget(value, 2);
    row->addWidget(new QLabel(tr("gets"), w));
    row->addWidget(profile, 1);
    row->addWidget(add);
    row->addWidget(remove);
    auto *status = new QLabel(w);
    QObject::connect(model, &AssignmentsModel::loaded, w, [model, status](const QString &error) {
        status->setText(!error.isEmpty() ? error
                                : model->rowCount() == 0
                                ? tr("No rules: every system gets the default profile.")
                                : tr("%n rules, tried from the top; the first that matches wins, and systems no "
                                     "rule matches get the default profile.",
                                     nullptr, model->rowCount()));
    });
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(page->icon(), page->title(),
                                     tr("Choose the provision profile of systems by UUID, by FQDN pattern or by IP "
                                        "range. Intel AMT Systems shows which rule matched each system."),
                                     w));
    layout->addLayout(row);
    layout->addWidget(problem);
    layout->addWidget(view, 1);
    layout->addWidget(status);
    model->reload();
    return w;
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/async.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"
#include "ui/dialogs/profiledialog.h"
#include "ui/models/profilesmodel.h"
#include "ui/pages/pagewidgets.h"
#include "ui/shell/icons.h"
#include "ui/shell/translate.h"
#include "ui/shell/widgetpage.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"

#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Oobm::Gui {

QWidget *createProvisionProfilesWidget(const PageContext &context, WidgetPage *page, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *model = new ProfilesModel(context.store, w);
    QTableView *view = createListTable(model, QStringLiteral("profilesView"), w);

    Core::Store *store = context.store;
    Core::UserLog *log = context.log;
    auto selected = [view, model] { return model->profile(selectedRow(view)); };
    auto *toolbar = new QToolBar(w);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction *add = toolbar->addAction(themedIcon(QStringLiteral("profiles")), tr("&New profile…"), w, [w, store, log] {
        Core::ProvisionProfile p;
        p.name = tr("Standard");
        auto *d = new ProfileDialog(store, p, w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(d, &QDialog::accepted, w, [d, log] {
            log->information(tr("Created the provision profile %1.").arg(d->profile().name));
        });
        d->open();
    });
    add->setToolTip(tr("Create a provision profile: admin password, users, naming, interfaces, TLS"));
    QAction *edit = toolbar->addAction(themedIcon(QStringLiteral("general")), tr("&Edit…"), w,
                                       [w, store, log, selected] {
        const Core::ProvisionProfile p = selected();
        if (p.id <= 0)
            return;
        auto *d = new ProfileDialog(store, p, w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(d, &QDialog::accepted, w, [d, log] {
            log->information(tr("Changed the provision profile %1.").arg(d->profile().name));
        });
        d->open();
    });
    QAction *remove = toolbar->addAction(themedIcon(QStringLiteral("error")), tr("&Delete…"), w,
                                         [w, store, log, selected] {
        const Core::ProvisionProfile p = selected();
        if (p.id <= 0)
            return;
        Confirmation ask;
        ask.objectName = QStringLiteral("confirmDelete");
        ask.title = tr("Delete provision profile");
        ask.text = tr("Delete the provision profile %1? Systems already provisioned with it keep their settings; new "
                      "systems get the default profile.")
                           .arg(p.name);
        ask.action = tr("Delete");
        askToConfirm(w, ask, [w, store, log, p] {
            Core::whenReady(store->deleteProfile(p.id), w, [w, log, p](const Core::StoreResult<int> &r) {
                if (!r.ok())
                    QMessageBox::warning(w, tr("Delete provision profile"), r.error.message);
                else
                    log->information(tr("Deleted the provision profile %1.").arg(p.name));
            });
        });
    });
    for (QAction *a : {add, edit, remove})
        view->addAction(a);
    QObject::connect(view, &QTableView::activated, edit, &QAction::trigger);
    auto updateActions = [view, edit, remove, add, store] {
        const bool one = view->selectionModel()->hasSelection();
        add->setEnabled(store->isWritable());
        edit->setEnabled(one && store->isWritable());
        remove->setEnabled(one && store->isWritable());
    };
    QObject::connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, w, updateActions);

    auto *empty = new QLabel(
            tr("<p><b>No provision profile yet.</b></p><p>The engine provisions a system with the "
               "default profile: create one with <b>New profile</b>. It sets the admin password "
               "every provisioned system gets, its Intel AMT users, host and domain names, "
               "enabled interfaces and TLS. Until one exists, systems fail with \"There is no provision "
               "profile\".</p>"),
            w);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    auto *stack = new QStackedWidget(w);
    stack->addWidget(view);
    stack->addWidget(empty);
    auto *status = new QLabel(w);
    QObject::connect(model, &ProfilesModel::loaded, w, [=](const QString &error) {
        stack->setCurrentWidget(model->rowCount() == 0 && error.isEmpty() ? static_cast<QWidget *>(empty) : view);
        status->setText(error.isEmpty() ? tr("%n profiles; the default one is in bold.", nullptr, model->rowCount())
                                        : error);
        updateActions();
    });
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(page->icon(), page->title(),
                                     tr("A provision profile says how an Intel AMT system is configured when it is "
                                        "provisioned. Passwords are stored encrypted and never shown again."),
                                     w));
    layout->addWidget(toolbar);
    layout->addWidget(stack, 1);
    layout->addWidget(status);
    model->reload();
    updateActions();
    return w;
}

} // namespace Oobm::Gui

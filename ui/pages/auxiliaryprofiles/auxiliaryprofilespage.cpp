// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/async.h"
#include "core/logbook/userlog.h"
#include "core/store/store.h"
#include "ui/dialogs/auxiliaryprofiledialog.h"
#include "ui/models/auxiliaryprofilesmodel.h"
#include "ui/models/tlscertificatesmodel.h"
#include "ui/pages/pagewidgets.h"
#include "ui/shell/icons.h"
#include "ui/shell/translate.h"
#include "ui/shell/widgetpage.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPromise>
#include <QSplitter>
#include <QTableView>
#include <QThreadPool>
#include <QToolBar>
#include <QVBoxLayout>

#include <memory>

namespace Oobm::Gui {

namespace {

// Reads and checks a TLS certificate file off the GUI thread. PKCS#12 (.p12, .pfx) with its
// passphrase, or PEM: the certificate file and the key file (which may be the same file).
QFuture<QPair<Core::TlsCertificate, QString>> readCertificate(const QString &path, const QString &keyPath,
                                                              const QString &passphrase)
{
    auto promise = std::make_shared<QPromise<QPair<Core::TlsCertificate, QString>>>();
    QFuture<QPair<Core::TlsCertificate, QString>> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, path, keyPath, passphrase] {
        QString error;
        Core::TlsCertificate c;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            error = tr("Cannot read %1: %2").arg(path, file.errorString());
        } else if (keyPath.isEmpty()) {
            c = Core::TlsCertificate::fromPkcs12(file.readAll(), passphrase, &error);
        } else {
            QFile key(keyPath);
            if (!key.open(QIODevice::ReadOnly))
                error = tr("Cannot read %1: %2").arg(keyPath, key.errorString());
            else
                c = Core::TlsCertificate::fromPem(file.readAll(), key.readAll(), &error);
        }
        promise->addResult(qMakePair(c, error));
        promise->finish();
    });
    return future;
}

QWidget *createProfilesSection(const PageContext &context, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *model = new AuxiliaryProfilesModel(context.store, w);
    QTableView *view = createListTable(model, QStringLiteral("auxiliaryProfilesView"), w);

    Core::Store *store = context.store;
    Core::UserLog *log = context.log;
    auto selected = [view, model] { return model->profile(selectedRow(view)); };
    auto open = [w, store, log](const Core::AuxiliaryProfile &a) {
        auto *d = new AuxiliaryProfileDialog(store, a, w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        const bool created = a.id <= 0;
        QObject::connect(d, &QDialog::accepted, w, [d, log, created] {
            log->information(created ? tr("Created the auxiliary profile %1.").arg(d->profile().name)
                                     : tr("Changed the auxiliary profile %1.").arg(d->profile().name));
        });
        d->open();
    };
    auto *toolbar = new QToolBar(w);
    toolbar->setObjectName(QStringLiteral("auxiliaryProfilesToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction *add = toolbar->addAction(themedIcon(QStringLiteral("auxiliary-profiles")), tr("&New auxiliary profile…"),
                                      w, [open] { open({}); });
    add->setObjectName(QStringLiteral("newAuxiliaryProfile"));
    add->setToolTip(tr("Create a set of Intel AMT users and a TLS certificate that provision "
                       "profiles can share"));
    QAction *edit = toolbar->addAction(themedIcon(QStringLiteral("general")), tr("&Edit…"), w, [open, selected] {
        const Core::AuxiliaryProfile a = selected();
        if (a.id > 0)
            open(a);
    });
    edit->setObjectName(QStringLiteral("editAuxiliaryProfile"));
    QAction *remove = toolbar->addAction(themedIcon(QStringLiteral("error")), tr("&Delete…"), w,
                                         [w, store, log, selected] {
        const Core::AuxiliaryProfile a = selected();
        if (a.id <= 0)
            return;
        Confirmation ask;
        ask.objectName = QStringLiteral("confirmDelete");
        ask.title = tr("Delete auxiliary profile");
        ask.text = tr("Delete the auxiliary profile %1?").arg(a.name);
        ask.action = tr("Delete");
        askToConfirm(w, ask, [w, store, log, a] {
            Core::whenReady(store->deleteAuxiliaryProfile(a.id), w, [w, log, a](const Core::StoreResult<int> &r) {
                if (!r.ok())
                    QMessageBox::warning(w, tr("Delete auxiliary profile"), r.error.message);
                else
                    log->information(tr("Deleted the auxiliary profile %1.").arg(a.name));
            });
        });
    });
    remove->setObjectName(QStringLiteral("deleteAuxiliaryProfile"));
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
    auto *status = new QLabel(w);
    status->setObjectName(QStringLiteral("auxiliaryProfilesStatus"));
    QObject::connect(model, &AuxiliaryProfilesModel::loaded, w, [=](const QString &error) {
        status->setText(!error.isEmpty()                 ? error
                                : model->rowCount() == 0 ? tr("No auxiliary profile yet: create one with New auxiliary "
                                                              "profile, then choose "
                                                              "it in a provision profile.")
                                                         : tr("%n auxiliary profiles.", nullptr, model->rowCount()));
        updateActions();
    });
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(view, 1);
    layout->addWidget(status);
    model->reload();
    updateActions();
    return w;
}

QWidget *createCertificatesSection(const PageContext &context, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *model = new TlsCertificatesModel(context.store, w);
    QTableView *view = createListTable(model, QStringLiteral("tlsCertificatesView"), w);

    Core::Store *store = context.store;
    Core::UserLog *log = context.log;
    auto *toolbar = new QToolBar(w);
    toolbar->setObjectName(QStringLiteral("tlsCertificatesToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction *import = toolbar->addAction(themedIcon(QStringLiteral("keys")), tr("&Import TLS certificate…"), w,
                                         [w, store, log] {
        const QString path = QFileDialog::getOpenFileName(
                w, tr("Import TLS server certificate"), QString(),
                tr("PKCS#12 (*.p12 *.pfx);;PEM certificate (*.pem *.crt *.cer);;All files "
                   "(*)"));
        if (path.isEmpty())
            return;
        const QString suffix = QFileInfo(path).suffix().toLower();
        QString keyPath, passphrase;
        if (suffix == u"p12" || suffix == u"pfx") {
            bool ok = false;
            passphrase = QInputDialog::getText(w, tr("Import TLS server certificate"),
                                               tr("Passphrase of %1:").arg(QFileInfo(path).fileName()),
                                               QLineEdit::Password, QString(), &ok);
            if (!ok)
                return;
        } else {
            keyPath = QFileDialog::getOpenFileName(w, tr("The certificate's private key (PEM)"),
                                                   QFileInfo(path).absolutePath(),
                                                   tr("PEM key (*.pem *.key);;All files (*)"));
            if (keyPath.isEmpty())
                return;
        }
        Core::whenReady(readCertificate(path, keyPath, passphrase), w,
                        [w, store, log](const QPair<Core::TlsCertificate, QString> &read) {
            if (!read.second.isEmpty()) {
                QMessageBox::warning(w, tr("Import TLS server certificate"), read.second);
                return;
            }
            const Core::TlsCertificate c = read.first;
            Core::whenReady(store->importTlsCertificate(c), w, [w, log, c](const Core::StoreResult<qint64> &r) {
                if (!r.ok())
                    QMessageBox::warning(w, tr("Import TLS server certificate"), r.error.message);
                else
                    log->information(tr("Imported the TLS certificate %1 "
                                        "(SHA-256 %2).")
                                             .arg(c.name, c.sha256));
            });
        });
    });
    import->setObjectName(QStringLiteral("importTlsCertificate"));
    import->setToolTip(tr("Import a TLS server certificate with its private key, for profiles that turn TLS on"));
    QAction *remove = toolbar->addAction(themedIcon(QStringLiteral("error")), tr("De&lete certificate…"), w,
                                         [w, view, model, store, log] {
        const int row = selectedRow(view);
        if (row < 0)
            return;
        const Core::TlsCertificate c = model->certificate(row);
        Confirmation ask;
        ask.objectName = QStringLiteral("confirmDelete");
        ask.title = tr("Delete TLS certificate");
        ask.text = tr("Delete the TLS certificate %1? Systems already provisioned with it keep it.").arg(c.name);
        ask.action = tr("Delete");
        askToConfirm(w, ask, [w, store, log, c] {
            Core::whenReady(store->deleteTlsCertificate(c.id), w, [w, log, c](const Core::StoreResult<int> &r) {
                if (!r.ok())
                    QMessageBox::warning(w, tr("Delete TLS certificate"), r.error.message);
                else
                    log->information(tr("Deleted the TLS certificate %1.").arg(c.name));
            });
        });
    });
    remove->setObjectName(QStringLiteral("deleteTlsCertificate"));
    for (QAction *a : {import, remove})
        view->addAction(a);
    auto updateActions = [view, import, remove, store] {
        import->setEnabled(store->isWritable());
        remove->setEnabled(view->selectionModel()->hasSelection() && store->isWritable());
    };
    QObject::connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, w, updateActions);
    auto *status = new QLabel(w);
    QObject::connect(model, &TlsCertificatesModel::loaded, w, [=](const QString &error) {
        status->setText(!error.isEmpty()                 ? error
                                : model->rowCount() == 0 ? tr("No TLS certificate yet: import a server certificate "
                                                              "(PKCS#12, or PEM with its "
                                                              "key) for profiles that turn TLS on.")
                                                         : tr("%n TLS certificates.", nullptr, model->rowCount()));
        updateActions();
    });
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>TLS server certificates</b>"), w));
    layout->addWidget(toolbar);
    layout->addWidget(view, 1);
    layout->addWidget(status);
    model->reload();
    updateActions();
    return w;
}

} // namespace

QWidget *createAuxiliaryProfilesWidget(const PageContext &context, WidgetPage *page, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *splitter = new QSplitter(Qt::Vertical, w);
    splitter->addWidget(createProfilesSection(context, splitter));
    splitter->addWidget(createCertificatesSection(context, splitter));
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(page->icon(), page->title(),
                                     tr("Auxiliary profiles are sets of Intel AMT users and a TLS server certificate "
                                        "that provision profiles share: a profile's own users come first, and the "
                                        "auxiliary profile's certificate is used when the profile names none. "
                                        "Passwords and private keys are stored encrypted and never shown again."),
                                     w));
    layout->addWidget(splitter, 1);
    return w;
}

} // namespace Oobm::Gui

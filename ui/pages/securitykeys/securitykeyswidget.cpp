// SPDX-License-Identifier: GPL-2.0-or-later
#include "securitykeyswidget.h"

#include "core/async.h"
#include "core/keys/pidpps.h"
#include "core/store/datakeyunlocker.h"
#include "core/store/store.h"
#include "ui/dialogs/exportkeysdialog.h"
#include "ui/dialogs/generatekeysdialog.h"
#include "ui/models/securitykeysmodel.h"
#include "ui/shell/icons.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/pageheader.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Oobm::Gui {

using Core::KeyState;

SecurityKeysWidget::SecurityKeysWidget(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new SecurityKeysModel(context.store, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_state(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_banner(new QLabel(this))
    , m_status(new QLabel(this))
{
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_generate = toolbar->addAction(bundledIcon(QStringLiteral("keys")), tr("&Generate security keys…"), this,
                                    &SecurityKeysWidget::generate);
    m_generate->setToolTip(tr("Generate new PID/PPS pairs"));
    m_export = toolbar->addAction(tr("&Export…"), this, &SecurityKeysWidget::exportKeys);
    m_export->setToolTip(tr("Write keys to a USB One-Touch setup.bin or a CSV file"));
    m_import = toolbar->addAction(tr("&Import…"), this, &SecurityKeysWidget::importKeys);
    m_import->setToolTip(tr("Import keys an OEM provided (CSV or setup.bin)"));
    m_show = toolbar->addAction(tr("&Show PPS"), this, &SecurityKeysWidget::showSelected);
    m_show->setToolTip(tr("Show the PPS of the selected keys (written to the Security Audit log)"));
    m_delete = toolbar->addAction(tr("&Delete"), this, &SecurityKeysWidget::deleteSelected);
    m_delete->setToolTip(tr("Delete the selected keys; only keys that were never exported or used can be deleted"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("All states"), -1);
    for (KeyState s : {KeyState::Available, KeyState::Exported, KeyState::Consumed, KeyState::Retired})
        m_state->addItem(Core::keyStateName(s), int(s));
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search PID or batch"));
    m_search->setClearButtonEnabled(true);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SecurityKeysModel::SortRole);
    m_view->setObjectName(QStringLiteral("keysView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SecurityKeysModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm = m_view->fontMetrics();
    m_view->setColumnWidth(SecurityKeysModel::PidColumn, fm.horizontalAdvance(QStringLiteral("WWWW-WWWW")) + 16);
    m_view->setColumnWidth(SecurityKeysModel::PpsColumn,
                           fm.horizontalAdvance(QStringLiteral("••••-••••-••••-••••-••••-••••-••••-••••")) + 16);
    m_view->setColumnWidth(SecurityKeysModel::StateColumn, fm.horizontalAdvance(QStringLiteral("Available")) + 24);
    m_view->setColumnWidth(SecurityKeysModel::BatchColumn, fm.horizontalAdvance(QStringLiteral("WWWWWWWW")) + 16);
    m_view->setColumnWidth(SecurityKeysModel::CreatedColumn,
                           fm.horizontalAdvance(QStringLiteral("0000-00-00 00:00")) + 24);

    m_banner->setObjectName(QStringLiteral("keysLocked"));
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    m_banner->hide();
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    auto *stateLabel = new QLabel(tr("S&tate:"), this);
    stateLabel->setBuddy(m_state);
    filters->addWidget(stateLabel);
    filters->addWidget(m_state);
    filters->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(bundledIcon(QStringLiteral("keys")), tr("Manage Security Keys"),
                                     tr("PID/PPS pairs for TLS-PSK provisioning. Export them to a USB key (setup.bin) "
                                        "for One-Touch provisioning, or type them into the MEBx. Secrets are stored "
                                        "encrypted; showing one is written to the Security Audit log."),
                                     this));
    layout->addWidget(m_banner);
    layout->addWidget(toolbar);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_state, &QComboBox::currentIndexChanged, this, &SecurityKeysWidget::updateFilter);
    connect(m_search, &QLineEdit::textChanged, this, &SecurityKeysWidget::updateFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SecurityKeysWidget::updateActions);
    connect(m_model, &SecurityKeysModel::loaded, this, [this](const QString &error) {
        if (!error.isEmpty())
            showMessage(error, true);
        else
            m_status->setText(tr("%n keys", nullptr, m_model->rowCount()));
        updateActions();
    });
    if (m_context.keys)
        connect(m_context.keys, &Core::DataKeyUnlocker::finished, this, [this] {
            updateLockBanner();
            updateActions();
        });
    updateLockBanner();
    m_model->reload();
    updateActions();
}

SecurityKeysWidget::~SecurityKeysWidget() = default;

QList<QByteArray> SecurityKeysWidget::selectedPids() const
{
    QList<QByteArray> pids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        pids << i.data(SecurityKeysModel::PidRole).toByteArray();
    return pids;
}

void SecurityKeysWidget::updateLockBanner()
{
    const bool locked = m_context.keys && m_context.keys->isDone() && m_context.keys->lastError();
    m_banner->setText(locked ? m_context.keys->lastError().message : QString());
    m_banner->setVisible(locked);
}

void SecurityKeysWidget::updateActions()
{
    const bool writable = m_context.store->isWritable();
    const bool unlocked = !m_context.keys || (m_context.keys->isDone() && !m_context.keys->lastError());
    const QList<QByteArray> pids = selectedPids();
    bool allAvailable = !pids.isEmpty();
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        allAvailable = allAvailable && KeyState(i.data(SecurityKeysModel::StateRole).toInt()) == KeyState::Available;
    m_generate->setEnabled(writable && unlocked);
    m_export->setEnabled(writable && unlocked && m_model->rowCount() > 0);
    m_import->setEnabled(writable && unlocked);
    m_show->setEnabled(writable && unlocked && !pids.isEmpty());
    m_delete->setEnabled(writable && allAvailable);
}

void SecurityKeysWidget::updateFilter()
{
    Core::KeyFilter f;
    if (m_state->currentData().toInt() >= 0)
        f.states = {KeyState(m_state->currentData().toInt())};
    f.text = m_search->text().trimmed();
    m_model->setFilter(f);
}

void SecurityKeysWidget::showMessage(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_status->setPalette(p);
}

void SecurityKeysWidget::generate()
{
    auto *dialog = new GenerateKeysDialog(m_context.store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GenerateKeysDialog::generated, this, [this](const Core::KeyBatchResult &batch) {
        showMessage(tr("Generated %n keys (batch %1).", nullptr, batch.count).arg(batch.batch), false);
    });
    dialog->open();
}

void SecurityKeysWidget::exportKeys()
{
    int available = 0;
    for (int r = 0; r < m_model->rowCount(); ++r)
        available += m_model->key(r).state == KeyState::Available ? 1 : 0;
    ExportKeysDialog dialog(selectedPids(), available, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    showMessage(tr("Exporting…"), false);
    Core::whenReady(m_context.store->exportKeys(dialog.request()), this,
                    [this](const Core::StoreResult<Core::KeyExportResult> &r) {
        if (!r.ok()) {
            showMessage(r.error.message, true);
            QMessageBox::warning(this, tr("Export Security Keys"), r.error.message);
            return;
        }
        showMessage(tr("Exported %n keys to %1.", nullptr, r.value.count).arg(r.value.path), false);
        if (!r.value.warnings.isEmpty())
            QMessageBox::information(this, tr("Export Security Keys"), r.value.warnings.join(u'\n'));
    });
}

void SecurityKeysWidget::importKeys()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Security Keys"), QString(),
                                                      tr("Key files (*.csv *.bin);;All files (*)"));
    if (path.isEmpty())
        return;
    showMessage(tr("Importing…"), false);
    Core::whenReady(m_context.store->importKeys(path, Core::AuditActor::current()), this,
                    [this, path](const Core::StoreResult<Core::KeyImportReport> &r) {
        if (!r.ok()) {
            showMessage(r.error.message, true);
            return;
        }
        if (!r.value.ok()) {
            const QStringList lines = r.value.problems + r.value.duplicates;
            showMessage(tr("Nothing was imported from %1.").arg(path), true);
            QMessageBox box(QMessageBox::Warning, tr("Import Security Keys"),
                            tr("Nothing was imported: the file has %n problems. "
                               "Fix them and import "
                               "it again.",
                               nullptr, int(lines.size())),
                            QMessageBox::Ok, this);
            box.setDetailedText(lines.join(u'\n'));
            box.exec();
            return;
        }
        showMessage(tr("Imported %n keys", nullptr, r.value.imported)
                            + (r.value.consumed ? tr(" (%n already used by devices).", nullptr, r.value.consumed)
                                                : QStringLiteral(".")),
                    false);
    });
}

void SecurityKeysWidget::showSelected()
{
    for (const QByteArray &pid : selectedPids()) {
        Core::whenReady(m_context.store->revealKey(pid, Core::AuditActor::current()), this,
                        [this, pid](const Core::StoreResult<Core::KeyRecord> &r) {
            if (!r.ok()) {
                showMessage(r.error.message, true);
                return;
            }
            m_model->setRevealed(pid, r.value.pps);
        });
    }
}

void SecurityKeysWidget::deleteSelected()
{
    const QList<QByteArray> pids = selectedPids();
    if (pids.isEmpty())
        return;
    Confirmation ask;
    ask.objectName = QStringLiteral("confirmDelete");
    ask.title = tr("Delete Security Keys");
    ask.text = tr("Delete %n keys? They were never exported or used; this cannot be undone.", nullptr,
                  int(pids.size()));
    ask.action = tr("Delete");
    askToConfirm(this, ask, [this, pids] {
        Core::whenReady(m_context.store->deleteKeys(pids, Core::AuditActor::current()), this,
                        [this](const Core::StoreResult<int> &r) {
            showMessage(r.ok() ? tr("Deleted %n keys.", nullptr, r.value) : r.error.message, !r.ok());
        });
    });
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "checkresultsview.h"

#include "ui/models/checkresultsmodel.h"
#include "ui/widgets/recordtable.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Oobm::Gui {

CheckResultsView::CheckResultsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new CheckResultsModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_save(new QPushButton(tr("&Save As…"), this))
{
    m_view->setObjectName(QStringLiteral("checkResults"));
    m_view->setModel(m_model);
    setUpRecordTable(m_view);
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->resizeSection(CheckResultsModel::ResultColumn, 90);
    m_view->horizontalHeader()->resizeSection(CheckResultsModel::CheckColumn, 230);
    m_view->horizontalHeader()->resizeSection(CheckResultsModel::AnswerColumn, 260);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->hide();

    m_empty->setObjectName(QStringLiteral("emptyText"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMinimumHeight(120);

    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setObjectName(QStringLiteral("copyResults"));
    m_copy->setToolTip(tr("Copy the results as text, one line per check"));
    m_save->setObjectName(QStringLiteral("saveResults"));
    m_save->setToolTip(tr("Save the results as a text file"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_copy, &QPushButton::clicked, this, &CheckResultsView::copy);
    connect(m_save, &QPushButton::clicked, this, &CheckResultsView::save);
    auto *copyShortcut = new QAction(this);
    copyShortcut->setShortcut(QKeySequence::Copy);
    copyShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyShortcut, &QAction::triggered, this, &CheckResultsView::copy);
    m_view->addAction(copyShortcut);
    updateButtons();
}

CheckResultsView::~CheckResultsView() = default;

void CheckResultsView::clear()
{
    m_model->clear();
    m_summary->clear();
    updateButtons();
}

void CheckResultsView::append(const Core::CheckResult &result)
{
    m_model->append(result);
    m_empty->hide();
    m_view->show();
    updateButtons();
}

void CheckResultsView::setSummary(const QString &summary, bool problem)
{
    m_summary->setText(summary);
    QPalette p = palette();
    if (problem)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_summary->setPalette(p);
}

void CheckResultsView::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

QString CheckResultsView::reportText() const
{
    QString text = m_header.isEmpty() ? QString() : m_header + u'\n';
    text += Core::DnsChecker::toText(m_model->results());
    if (!m_summary->text().isEmpty())
        text += m_summary->text() + u'\n';
    return text;
}

void CheckResultsView::copy()
{
    QApplication::clipboard()->setText(reportText());
    m_summary->setText(tr("Copied %n lines.", nullptr, int(m_model->results().size())));
}

void CheckResultsView::save()
{
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Results"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
            tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const QByteArray bytes = reportText().toUtf8();
    // Written to a temporary name and renamed, off the GUI thread.
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        m_summary->setText(error.isEmpty() ? tr("Saved to %1.").arg(path) : error);
    });
    watcher->setFuture(QtConcurrent::run([path, bytes] {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            return tr("Could not save %1: %2. Choose another folder.").arg(path, f.errorString());
        return QString();
    }));
}

void CheckResultsView::updateButtons()
{
    const bool any = !m_model->results().isEmpty();
    m_copy->setEnabled(any);
    m_save->setEnabled(any);
}

} // namespace Oobm::Gui

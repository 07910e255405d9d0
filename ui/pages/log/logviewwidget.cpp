// SPDX-License-Identifier: GPL-2.0-or-later
#include "logviewwidget.h"

#include "core/settings/localsettings.h"
#include "ui/models/logmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Oobm::Gui {

LogViewWidget::LogViewWidget(Core::Store *store, Core::LocalSettings *settings,
                             const QString &settingsKey, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_settingsKey(settingsKey)
    , m_model(new LogModel(store, this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_count(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *h = m_view->horizontalHeader();
    h->setSectionsMovable(true);
    h->setHighlightSections(false);
    h->setStretchLastSection(false);
    h->setSectionResizeMode(LogModel::DescriptionColumn, QHeaderView::Stretch);
    h->resizeSection(LogModel::DateColumn,
                     m_view->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00"))
                             + 24);
    h->resizeSection(LogModel::SeverityColumn,
                     m_view->fontMetrics().horizontalAdvance(QStringLiteral("Information")) + 40);
    h->resizeSection(LogModel::SourceColumn,
                     m_view->fontMetrics().horizontalAdvance(QStringLiteral("console")) + 24);
    h->resizeSection(LogModel::UuidColumn,
                     m_view->fontMetrics().horizontalAdvance(
                             QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B"))
                             + 16);
    if (m_settings)
        h->restoreState(m_settings->bytes(m_settingsKey));
    connect(h, &QHeaderView::sectionResized, this, &LogViewWidget::saveHeader);
    connect(h, &QHeaderView::sectionMoved, this, &LogViewWidget::saveHeader);

    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(
            tr("<p><b>No log entries yet.</b></p><p>Entries appear here as the provisioning "
               "service and the console work: a hello packet received, a system provisioned "
               "or failed, a setting changed on the General page.</p>"));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_count->setObjectName(QStringLiteral("entryCount"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_count);

    connect(m_model, &LogModel::loaded, this, &LogViewWidget::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogViewWidget::updateState);
    updateState();
}

LogViewWidget::~LogViewWidget() = default;

void LogViewWidget::updateState()
{
    const int rows = m_model->rowCount();
    const bool empty = rows == 0 && m_model->isAtEnd();
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_view);
    if (m_model->isAtEnd())
        m_count->setText(tr("%n entries, newest first.", nullptr, rows));
    else
        m_count->setText(tr("%n newest entries shown; scroll down for older ones.", nullptr, rows));
}

void LogViewWidget::saveHeader()
{
    if (m_settings)
        m_settings->setValue(m_settingsKey, m_view->horizontalHeader()->saveState());
}

} // namespace Oobm::Gui

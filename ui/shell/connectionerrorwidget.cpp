// SPDX-License-Identifier: GPL-2.0-or-later
#include "connectionerrorwidget.h"

#include "ui/shell/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

ConnectionErrorWidget::ConnectionErrorWidget(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionError"));
    auto *box = new QFrame(this);
    box->setObjectName(QStringLiteral("connectionErrorBox"));
    box->setFrameShape(QFrame::StyledPanel);
    box->setStyleSheet(QStringLiteral("#connectionErrorBox { background: #fff4e5; border: 1px solid #e0a040; }"
                                      "#connectionErrorBox QLabel { color: #3a2a00; }"));
    auto *icon = new QLabel(box);
    icon->setPixmap(bundledIcon(QStringLiteral("error")).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    m_text->setObjectName(QStringLiteral("connectionErrorText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *retry = new QPushButton(tr("&Retry"), box);
    retry->setObjectName(QStringLiteral("retry"));
    retry->setToolTip(tr("Try to open the database again"));
    auto *copy = new QPushButton(tr("&Copy"), box);
    copy->setToolTip(tr("Copy the error text"));
    connect(retry, &QPushButton::clicked, this, &ConnectionErrorWidget::retryRequested);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(copy);
    buttons->addWidget(retry);
    auto *right = new QVBoxLayout;
    right->addWidget(m_text);
    right->addLayout(buttons);
    auto *boxLayout = new QHBoxLayout(box);
    boxLayout->addWidget(icon);
    boxLayout->addLayout(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(box);
    layout->addStretch(1);
}

ConnectionErrorWidget::~ConnectionErrorWidget() = default;

QString ConnectionErrorWidget::generalMessage()
{
    return tr("Error connecting to the Intel AMT Setup and Configuration Server. Verify that Intel "
              "AMT "
              "Setup and Configuration Service security settings are configured and AMTConfig "
              "service "
              "is running.");
}

void ConnectionErrorWidget::setCause(const QString &cause, const QString &location)
{
    m_cause = cause;
    m_text->setText(QStringLiteral("<ul style=\"margin-left:-20px\"><li>%1</li><li><b>%2</b></li></ul><p>%3</p>")
                            .arg(generalMessage().toHtmlEscaped(), cause.toHtmlEscaped(),
                                 tr("Database: %1").arg(location).toHtmlEscaped()));
}

QString ConnectionErrorWidget::cause() const
{
    return m_cause;
}

QString ConnectionErrorWidget::text() const
{
    return QStringLiteral("• %1\n• %2").arg(generalMessage(), m_cause);
}

} // namespace Oobm::Gui

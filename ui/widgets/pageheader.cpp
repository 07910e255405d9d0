// SPDX-License-Identifier: GPL-2.0-or-later
#include "pageheader.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace Oobm::Gui {

PageHeader::PageHeader(const QIcon &icon, const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent)
    , m_description(new QLabel(description, this))
{
    auto *iconLabel = new QLabel(this);
    iconLabel->setPixmap(icon.pixmap(32, 32));
    auto *titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(QStringLiteral("pageTitle"));
    QFont f = titleLabel->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    titleLabel->setFont(f);
    titleLabel->setAccessibleName(title);

    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_description->setOpenExternalLinks(false);
    m_description->setVisible(!description.isEmpty());

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto *top = new QHBoxLayout;
    top->addWidget(iconLabel);
    top->addWidget(titleLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(line);
    layout->addWidget(m_description);
}

PageHeader::~PageHeader() = default;

void PageHeader::setDescription(const QString &description)
{
    m_description->setText(description);
    m_description->setVisible(!description.isEmpty());
}

} // namespace Oobm::Gui

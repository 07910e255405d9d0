// SPDX-License-Identifier: GPL-2.0-or-later
#include "placeholderpage.h"

#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Oobm::Gui {

PlaceholderPage::PlaceholderPage(const QString &id, const QString &title, const QString &iconName,
                                 const QString &summary, const QString &purpose, QObject *parent)
    : Page(parent)
    , m_id(id)
    , m_title(title)
    , m_iconName(iconName)
    , m_summary(summary)
    , m_purpose(purpose)
{ }

PlaceholderPage::~PlaceholderPage() = default;

QIcon PlaceholderPage::icon() const
{
    return themedIcon(m_iconName);
}

QWidget *PlaceholderPage::createWidget(QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *purpose = new QLabel(m_purpose, w);
    purpose->setWordWrap(true);
    purpose->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *notYet = new QLabel(tr("<b>Not in this build yet.</b> This version of OOBM does not provide "
                                 "this node's feature; it will arrive in a later release. Nothing on "
                                 "this page can be changed."),
                              w);
    notYet->setObjectName(QStringLiteral("notProvided"));
    notYet->setWordWrap(true);
    notYet->setFrameShape(QFrame::StyledPanel);
    notYet->setMargin(8);

    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(icon(), m_title, m_summary, w));
    layout->addSpacing(8);
    layout->addWidget(purpose);
    layout->addSpacing(8);
    layout->addWidget(notYet);
    layout->addStretch(1);
    return w;
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/confirmation.h"

#include <QPushButton>

#include <utility>

namespace Oobm::Gui {

void askToConfirm(QWidget *parent, const Confirmation &c, std::function<void()> onConfirmed)
{
    auto *box = new QMessageBox(c.icon, c.title, c.text, c.keep, parent);
    box->setObjectName(c.objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *go = box->addButton(c.action, QMessageBox::DestructiveRole);
    go->setObjectName(QStringLiteral("confirm"));
    box->setDefaultButton(c.keep);
    QObject::connect(box, &QMessageBox::buttonClicked, parent,
                     [go, onConfirmed = std::move(onConfirmed)](QAbstractButton *clicked) {
        if (clicked == go)
            onConfirmed();
    });
    box->open();
}

} // namespace Oobm::Gui

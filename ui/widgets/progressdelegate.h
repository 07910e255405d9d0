// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Oobm::Gui {

// Draws a cell as a progress bar: the share done from the model's progress role (per thousand),
// the cell's text on it.
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)

public:
    ProgressDelegate(int progressRole, QObject *parent = nullptr);
    ~ProgressDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace Oobm::Gui

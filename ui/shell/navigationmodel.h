// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStandardItemModel>

namespace Oobm::Gui {

class Page;

// The left navigation tree (figure 11). Each item carries its page id.
class NavigationModel final : public QStandardItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationModel)

public:
    enum Role { PageIdRole = Qt::UserRole + 1 };

    explicit NavigationModel(QObject *parent = nullptr);
    ~NavigationModel() override;

    // Appends a node under the node with parentId (top level when empty).
    void addPage(Page *page, const QString &parentId);
    QModelIndex indexForId(const QString &id) const;
    QString idForIndex(const QModelIndex &index) const;
    // "Out of Band Management > Configuration > ... > General"
    QString pathForId(const QString &id) const;
};

} // namespace Oobm::Gui

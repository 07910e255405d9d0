// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/amt/amttypes.h"

#include <QList>
#include <QWidget>

class QTableWidget;

namespace Oobm::Gui {

// Edits a list of Intel AMT users (Digest accounts): name, password and realms by name
// (docs/protocol.md §5.5), with Add and Remove buttons. Shared by the provision profile and the
// auxiliary profile dialogs. Passwords are never shown back: rows start with an empty one.
class AclUsersEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AclUsersEdit)

public:
    explicit AclUsersEdit(QWidget *parent = nullptr);
    ~AclUsersEdit() override;

    void setUsers(const QList<Core::Amt::UserAclEntry> &users); // passwords are not shown
    QList<Core::Amt::UserAclEntry> users() const;
    // Empty, or which realm in which row is not one (the rest is the profile's problem()).
    QString problem() const;

    static QString realmText(const QList<unsigned> &realms);

Q_SIGNALS:
    void changed();

private:
    QTableWidget *m_table;
};

} // namespace Oobm::Gui

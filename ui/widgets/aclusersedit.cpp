// SPDX-License-Identifier: GPL-2.0-or-later
#include "aclusersedit.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Oobm::Gui {

namespace {

bool parseRealms(const QString &text, QList<unsigned> *realms, QString *bad)
{
    for (QString part : text.split(u',', Qt::SkipEmptyParts)) {
        part = part.trimmed();
        bool ok = false;
        unsigned value = part.toUInt(&ok); // any number, listed or not
        if (!ok)
            ok = Core::Amt::realmFromName(part, &value);
        if (!ok) {
            *bad = part;
            return false;
        }
        realms->append(value);
    }
    return true;
}

} // namespace

QString AclUsersEdit::realmText(const QList<unsigned> &realms)
{
    QStringList out;
    for (unsigned r : realms)
        out << Core::Amt::realmName(r);
    return out.join(QStringLiteral(", "));
}

AclUsersEdit::AclUsersEdit(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 3, this))
{
    m_table->setObjectName(QStringLiteral("users"));
    m_table->setHorizontalHeaderLabels({tr("User name"), tr("Password"), tr("Realms")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setToolTip(tr("Realms by name, separated by commas, e.g. RemoteControl, GeneralInfo, Redirection"));
    auto *addUser = new QPushButton(tr("Add user"), this);
    auto *removeUser = new QPushButton(tr("Remove user"), this);
    connect(addUser, &QPushButton::clicked, this, [this] {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(QString()));
        m_table->setItem(row, 1, new QTableWidgetItem(QString()));
        m_table->setItem(row, 2, new QTableWidgetItem(QStringLiteral("RemoteControl, GeneralInfo")));
        m_table->editItem(m_table->item(row, 0));
        Q_EMIT changed();
    });
    connect(removeUser, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        Q_EMIT changed();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &AclUsersEdit::changed);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addUser);
    buttons->addWidget(removeUser);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

AclUsersEdit::~AclUsersEdit() = default;

void AclUsersEdit::setUsers(const QList<Core::Amt::UserAclEntry> &users)
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (const Core::Amt::UserAclEntry &u : users) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(u.username));
        m_table->setItem(row, 1, new QTableWidgetItem(QString()));
        m_table->setItem(row, 2, new QTableWidgetItem(realmText(u.realms)));
    }
    Q_EMIT changed();
}

QList<Core::Amt::UserAclEntry> AclUsersEdit::users() const
{
    QList<Core::Amt::UserAclEntry> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        Core::Amt::UserAclEntry u;
        u.username = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        u.password = m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString();
        QString bad;
        parseRealms(m_table->item(row, 2) ? m_table->item(row, 2)->text() : QString(), &u.realms, &bad);
        out << u;
    }
    return out;
}

QString AclUsersEdit::problem() const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QList<unsigned> realms;
        QString bad;
        if (!parseRealms(m_table->item(row, 2) ? m_table->item(row, 2)->text() : QString(), &realms, &bad))
            return tr("Unknown realm '%1' in row %2; use names such as RemoteControl, GeneralInfo, "
                      "Redirection, "
                      "HardwareAsset, EventManager, NetworkTime.")
                    .arg(bad)
                    .arg(row + 1);
    }
    return {};
}

} // namespace Oobm::Gui

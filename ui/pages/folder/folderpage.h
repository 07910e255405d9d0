// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"

#include <QList>

namespace Oobm::Gui {

// A folder node (Configuration, Provisioning, Logs, ...): lists what is inside, one line each;
// activating an entry opens that node.
class FolderPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderPage)

public:
    FolderPage(const QString &id, const QString &title, const QString &summary, QObject *parent = nullptr);
    ~FolderPage() override;

    QString id() const override { return m_id; }
    QString title() const override { return m_title; }
    QIcon icon() const override;
    QString summary() const override { return m_summary; }

    void addChild(Page *child);
    QList<Page *> children() const { return m_children; }

Q_SIGNALS:
    void openRequested(const QString &pageId);

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    QString m_id;
    QString m_title;
    QString m_summary;
    QList<Page *> m_children;
};

} // namespace Oobm::Gui

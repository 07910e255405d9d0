// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"

namespace Oobm::Gui {

// A node whose feature this build does not provide yet: it says what the node is for, in the
// reference's terms, and that it is not here yet. No fake controls.
class PlaceholderPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPage)

public:
    PlaceholderPage(const QString &id, const QString &title, const QString &iconName, const QString &summary,
                    const QString &purpose, QObject *parent = nullptr);
    ~PlaceholderPage() override;

    QString id() const override { return m_id; }
    QString title() const override { return m_title; }
    QIcon icon() const override;
    QString summary() const override { return m_summary; }
    QString purpose() const { return m_purpose; }

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    QString m_id;
    QString m_title;
    QString m_iconName;
    QString m_summary;
    QString m_purpose;
};

} // namespace Oobm::Gui

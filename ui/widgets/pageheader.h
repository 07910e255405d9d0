// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace Oobm::Gui {

// The title band every page starts with ("General Service Settings"), with an optional line of
// explanation under it.
class PageHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageHeader)

public:
    explicit PageHeader(const QIcon &icon, const QString &title, const QString &description = {},
                        QWidget *parent = nullptr);
    ~PageHeader() override;

    void setDescription(const QString &description);

private:
    QLabel *m_description;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QPointer>

namespace Oobm::Gui {

class GeneralSettingsWidget;

// Configuration Service Settings > General (figure 2 of the reference).
class GeneralPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralPage)

public:
    explicit GeneralPage(const PageContext &context, QObject *parent = nullptr);
    ~GeneralPage() override;

    QString id() const override { return QStringLiteral("general"); }
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    bool needsStore() const override { return true; }

    bool isModified() const override;
    bool apply() override;
    void revert() override;

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    PageContext m_context;
    QPointer<GeneralSettingsWidget> m_widget;
};

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

namespace Oobm::Gui {

// Intel AMT Systems > Profile Assignments: which provision profile each system gets.
class AssignmentsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentsPage)

public:
    explicit AssignmentsPage(const PageContext &context, QObject *parent = nullptr);
    ~AssignmentsPage() override;

    QString id() const override { return QStringLiteral("profile-assignments"); }
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    bool needsStore() const override { return true; }

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    PageContext m_context;
};

} // namespace Oobm::Gui

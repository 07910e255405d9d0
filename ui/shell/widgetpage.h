// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <functional>

namespace Oobm::Gui {

// A page that is only its widget: the spec says what the tree shows, the factory makes the widget
// on first visit (ui/pages/pagewidgets.h). Pages that edit something the shell applies (settings)
// or that filter a shared log view (the logs) have classes of their own; a widget that takes an
// argument from other pages connects to argumentShown.
class WidgetPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetPage)

public:
    // Makes the page's widget, owned by parent. The page is handed in for its title and icon, and
    // to ask for another page (openPageRequested).
    using Factory = std::function<QWidget *(const PageContext &context, WidgetPage *page, QWidget *parent)>;

    WidgetPage(PageSpec spec, Factory factory, const PageContext &context, QObject *parent = nullptr);
    ~WidgetPage() override;

    QString id() const override { return m_spec.id; }
    QString title() const override { return m_spec.title; }
    QIcon icon() const override;
    QString summary() const override { return m_spec.summary; }
    bool needsStore() const override { return true; }
    // Passes the argument on to the widget (argumentShown); its meaning is the widget's.
    void showArgument(const QString &argument) override;

Q_SIGNALS:
    // Another page asked for this one with argument (after the widget was made).
    void argumentShown(const QString &argument);

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    PageSpec m_spec;
    Factory m_factory;
    PageContext m_context;
};

} // namespace Oobm::Gui

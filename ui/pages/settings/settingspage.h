// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QPointer>

#include <functional>

namespace Oobm::Gui {

class SettingsForm;

// A Configuration Service Settings page whose widget edits service settings in a SettingsForm
// (General, DNS Configuration, Service Location, Maintenance): isModified, Apply and Revert are the
// form's.
class SettingsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    using Spec = PageSpec;
    struct Parts
    {
        QWidget *widget = nullptr;
        SettingsForm *form = nullptr; // the widget's
    };
    // Makes the page's widget (owned by parent) on first visit.
    using Factory = std::function<Parts(const PageContext &context, QWidget *parent)>;

    SettingsPage(Spec spec, Factory factory, const PageContext &context, QObject *parent = nullptr);
    ~SettingsPage() override;

    QString id() const override { return m_spec.id; }
    QString title() const override { return m_spec.title; }
    QIcon icon() const override;
    QString summary() const override { return m_spec.summary; }
    bool needsStore() const override { return true; }

    bool isModified() const override;
    bool apply() override;
    void revert() override;

    SettingsForm *form() const; // null until the page was first shown

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    Spec m_spec;
    Factory m_factory;
    PageContext m_context;
    QPointer<SettingsForm> m_form;
};

} // namespace Oobm::Gui

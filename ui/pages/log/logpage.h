// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/page.h"
#include "ui/shell/pagecontext.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace Oobm::Core {
class LogBook;
}

namespace Oobm::Gui {

class LogViewWidget;

// One of the Logs pages (the Log, Actions Status, Security Audit): a page header over the Logs
// view of its Core::LogBook.
class LogPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPage)

public:
    struct Spec
    {
        QString id;
        QString title;
        QString icon; // a themedIcon() name
        QString summary;
        QString heading;     // the page header's title
        QString description; // the page header's text
        std::function<std::shared_ptr<const Core::LogBook>(Core::Store *store)> book;
    };

    LogPage(Spec spec, const PageContext &context, QObject *parent = nullptr);
    ~LogPage() override;

    QString id() const override { return m_spec.id; }
    QString title() const override { return m_spec.title; }
    QIcon icon() const override;
    QString summary() const override { return m_spec.summary; }
    bool needsStore() const override { return true; }
    // argument: a system's UUID or FQDN; a book that filters by system shows only its records.
    void showArgument(const QString &argument) override;
    LogViewWidget *logView() const; // null until the page was first shown

protected:
    QWidget *createWidget(QWidget *parent) override;

private:
    Spec m_spec;
    PageContext m_context;
    std::shared_ptr<const Core::LogBook> m_book;
    QPointer<LogViewWidget> m_view;
};

} // namespace Oobm::Gui

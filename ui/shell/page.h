// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace Oobm::Gui {

// What the navigation tree shows of a page that is made from data (WidgetPage, SettingsPage).
struct PageSpec
{
    QString id;
    QString title;
    QString icon; // a themedIcon() name
    QString summary;
};

// One node's page in the navigation tree (Qt Creator's IOptionsPage, trimmed). The page object
// is cheap; its widget is created on first visit.
class Page : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    explicit Page(QObject *parent = nullptr);
    ~Page() override;

    virtual QString id() const = 0;
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    // One sentence on what the node is for; tooltips and folder pages show it.
    virtual QString summary() const { return {}; }
    // Pages that show or change what the store holds. When the store cannot be read, the page
    // area shows the connection error (figure 12) instead of them.
    virtual bool needsStore() const { return false; }

    // Created on first call; owned by parent afterwards.
    QWidget *widget(QWidget *parent);
    bool hasWidget() const { return !m_widget.isNull(); }

    virtual bool isModified() const { return false; }
    // Starts applying the edits. Returns false (and shows why, inline) when the input is invalid.
    virtual bool apply() { return true; }
    virtual void revert() { }
    // Shows what another page asked for (openPageRequested); each page gives argument its own
    // meaning (the Log: a system's UUID or FQDN). The default ignores it.
    virtual void showArgument(const QString &argument) { Q_UNUSED(argument) }

Q_SIGNALS:
    void modifiedChanged(bool modified);
    // Asks the shell to show page id with argument (see showArgument).
    void openPageRequested(const QString &id, const QString &argument);

protected:
    virtual QWidget *createWidget(QWidget *parent) = 0;

private:
    QPointer<QWidget> m_widget;
};

} // namespace Oobm::Gui

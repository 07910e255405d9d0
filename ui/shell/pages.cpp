// SPDX-License-Identifier: GPL-2.0-or-later
#include "pages.h"

#include "core/logbook/actionslogbook.h"
#include "core/logbook/auditlogbook.h"
#include "core/logbook/userlogbook.h"
#include "ui/pages/dns/dnsconfigurationwidget.h"
#include "ui/pages/folder/folderpage.h"
#include "ui/pages/general/generalsettingswidget.h"
#include "ui/pages/log/logpage.h"
#include "ui/pages/maintenance/maintenancewidget.h"
#include "ui/pages/pagewidgets.h"
#include "ui/pages/placeholder/placeholderpage.h"
#include "ui/pages/securitykeys/securitykeyswidget.h"
#include "ui/pages/servicelocation/servicelocationwidget.h"
#include "ui/pages/settings/settingspage.h"
#include "ui/pages/systems/systemswidget.h"
#include "ui/shell/translate.h"
#include "ui/shell/widgetpage.h"

#include <QHash>

#include <memory>
#include <type_traits>

namespace Oobm::Gui {

namespace {

class Builder
{
public:
    Builder(QObject *parent, QList<NavigationEntry> *entries)
        : m_parent(parent)
        , m_entries(entries)
    { }

    void folder(const QString &id, const QString &parentId, const QString &title, const QString &summary)
    {
        add(new FolderPage(id, title, summary, m_parent), parentId);
    }

    void placeholder(const QString &id, const QString &parentId, const QString &title, const QString &icon,
                     const QString &summary, const QString &purpose)
    {
        add(new PlaceholderPage(id, title, icon, summary, purpose, m_parent), parentId);
    }

    // A Configuration Service Settings page whose widget is a Widget (made from the page context,
    // or from the store alone) with a form().
    template<typename Widget>
    void settings(const QString &parentId, SettingsPage::Spec spec, const PageContext &context)
    {
        const SettingsPage::Factory factory = [](const PageContext &c, QWidget *parent) {
            Widget *w = nullptr;
            if constexpr (std::is_constructible_v<Widget, const PageContext &, QWidget *>)
                w = new Widget(c, parent);
            else
                w = new Widget(c.store, parent);
            return SettingsPage::Parts{w, w->form()};
        };
        add(new SettingsPage(std::move(spec), factory, context, m_parent), parentId);
    }

    void widget(const QString &parentId, PageSpec spec, WidgetPage::Factory factory, const PageContext &context)
    {
        add(new WidgetPage(std::move(spec), std::move(factory), context, m_parent), parentId);
    }

    void log(const QString &parentId, LogPage::Spec spec, const PageContext &context)
    {
        add(new LogPage(std::move(spec), context, m_parent), parentId);
    }

    void add(Page *page, const QString &parentId)
    {
        m_entries->append({page, parentId});
        if (auto *f = qobject_cast<FolderPage *>(page))
            m_folders.insert(f->id(), f);
        if (FolderPage *parentFolder = m_folders.value(parentId))
            parentFolder->addChild(page);
    }

private:
    QObject *m_parent;
    QList<NavigationEntry> *m_entries;
    QHash<QString, FolderPage *> m_folders;
};

} // namespace

QList<NavigationEntry> createPages(const PageContext &context, QObject *parent)
{
    QList<NavigationEntry> entries;
    Builder b(parent, &entries);

    const QString root = QStringLiteral("out-of-band-management");
    b.folder(root, {}, tr("Out of Band Management"), tr("Provision Intel AMT systems and manage them out of band."));

    const QString configuration = QStringLiteral("configuration");
    b.folder(configuration, root, tr("Configuration"),
             tr("Discovery, agents, and the provisioning service's settings, systems and logs."));
    b.placeholder(QStringLiteral("out-of-band-discovery"), configuration, tr("Out of Band Discovery"),
                  QStringLiteral("discovery"), tr("Find the computers that have Intel AMT."),
                  tr("Out of Band Discovery finds the managed computers that have Intel AMT and reads "
                     "their UUID and AMT data; in the reference it is a program the management agent "
                     "runs on each computer. The UUIDs it collects map each Intel AMT system to its "
                     "host's fully qualified domain name (FQDN), the most reliable way to name a system "
                     "before it is provisioned."));
    b.placeholder(QStringLiteral("out-of-band-task-agent-rollout"), configuration, tr("Out of Band Task Agent Rollout"),
                  QStringLiteral("agent"), tr("Install the Out of Band Task Agent on managed computers."),
                  tr("The Out of Band Task Agent runs on the host operating system of an Intel AMT "
                     "system. Delayed Provisioning uses it to restart the hello packet sequence of a "
                     "system whose hello window has expired, without a visit to the computer."));
    b.placeholder(QStringLiteral("out-of-band-task-agent-uninstall"), configuration,
                  tr("Out of Band Task Agent Uninstall"), QStringLiteral("agent-remove"),
                  tr("Remove the Out of Band Task Agent from managed computers."),
                  tr("Removes the Out of Band Task Agent from the computers that no longer need it, "
                     "for example once every Intel AMT system in a collection is provisioned."));

    const QString provisioning = QStringLiteral("provisioning");
    b.folder(provisioning, configuration, tr("Provisioning"),
             tr("The setup and configuration service: how Intel AMT systems find it, authenticate "
                "and "
                "get configured."));

    const QString css = QStringLiteral("configuration-service-settings");
    b.folder(css, provisioning, tr("Configuration Service Settings"),
             tr("How the provisioning service listens, authenticates devices and configures them."));
    b.widget(css,
             {QStringLiteral("auxiliary-profiles"), tr("Auxiliary Profiles"), QStringLiteral("auxiliary-profiles"),
              tr("Reusable parts of provision profiles.")},
             createAuxiliaryProfilesWidget, context);
    b.settings<DnsConfigurationWidget>(css,
                                       {QStringLiteral("dns-configuration"), tr("DNS Configuration"),
                                        QStringLiteral("dns"),
                                        tr("Check that Intel AMT systems can find this server through DNS.")},
                                       context);
    b.settings<GeneralSettingsWidget>(css,
                                      {QStringLiteral("general"), tr("General"), QStringLiteral("general"),
                                       tr("Listen port, authorization, Remote Configuration and the log level.")},
                                      context);
    b.settings<MaintenanceWidget>(css,
                                  {QStringLiteral("maintenance"), tr("Maintenance"), QStringLiteral("maintenance"),
                                   tr("Keep the service's database bounded and healthy.")},
                                  context);
    b.widget(css,
             {QStringLiteral("provision-profiles"), tr("Provision Profiles"), QStringLiteral("profiles"),
              tr("How a system is configured when it is provisioned.")},
             createProvisionProfilesWidget, context);
    b.widget(
            css,
            {QStringLiteral("security-keys"), tr("Security Keys"), QStringLiteral("keys"),
             tr("Generate, export and import PID/PPS security keys.")},
            [](const PageContext &c, WidgetPage *, QWidget *parent) { return new SecurityKeysWidget(c, parent); },
            context);
    b.settings<ServiceLocationWidget>(css,
                                      {QStringLiteral("service-location"), tr("Service Location"),
                                       QStringLiteral("location"),
                                       tr("Where the service listens and how clients reach it.")},
                                      context);
    b.placeholder(QStringLiteral("users"), css, tr("Users"), QStringLiteral("users"),
                  tr("Who may use the setup and configuration service."),
                  tr("Users lists the accounts that may use the setup and configuration service and "
                     "what each may do."));

    const QString delayed = QStringLiteral("delayed-provisioning");
    b.folder(delayed, provisioning, tr("Delayed Provisioning"),
             tr("Systems that stopped sending hello packets, or failed, and wait for another try."));
    b.widget(delayed,
             {QStringLiteral("delayed-provision"), tr("Delayed Provision"), QStringLiteral("delayed"),
              tr("Restart the hello sequence of waiting systems.")},
             createDelayedProvisionWidget, context);

    const QString systems = QStringLiteral("intel-amt-systems-folder");
    b.folder(systems, provisioning, tr("Intel® AMT Systems"),
             tr("The Intel AMT systems the service has seen, and which profile each gets."));
    b.widget(
            systems,
            {QStringLiteral("intel-amt-systems"), tr("Intel® AMT Systems"), QStringLiteral("systems"),
             tr("Every Intel AMT system the service has seen.")},
            [](const PageContext &c, WidgetPage *page, QWidget *parent) {
        auto *w = new SystemsWidget(c, parent);
        QObject::connect(w, &SystemsWidget::showLogRequested, page,
                         [page](const QString &uuid) { Q_EMIT page->openPageRequested(QStringLiteral("log"), uuid); });
        QObject::connect(w, &SystemsWidget::showActionsRequested, page, [page](const QString &uuid) {
            Q_EMIT page->openPageRequested(QStringLiteral("actions-status"), uuid);
        });
        QObject::connect(w, &SystemsWidget::showRunRequested, page, [page](qint64 runId) {
            Q_EMIT page->openPageRequested(QStringLiteral("tasks"), QStringLiteral("run:%1").arg(runId));
        });
        QObject::connect(w, &SystemsWidget::newTaskRequested, page, [page](const QStringList &uuids) {
            Q_EMIT page->openPageRequested(QStringLiteral("tasks"), QStringLiteral("new-task:") + uuids.join(u','));
        });
        return w;
            },
            context);
    b.widget(systems,
             {QStringLiteral("hello-monitor"), tr("Hello Monitor"), QStringLiteral("discovery"),
              tr("Hello packets as they arrive, and what became of each.")},
             createHelloMonitorWidget, context);
    b.widget(systems,
             {QStringLiteral("profile-assignments"), tr("Profile Assignments"), QStringLiteral("assignments"),
              tr("Which provision profile each system gets.")},
             createAssignmentsWidget, context);
    b.placeholder(QStringLiteral("resource-synchronization"), systems, tr("Resource Synchronization"),
                  QStringLiteral("sync"), tr("Match Intel AMT systems with known computers."),
                  tr("Resource Synchronization matches Intel AMT systems with the computers your "
                     "management system already knows, so that each system is named after its host."));

    const QString logs = QStringLiteral("logs");
    b.folder(logs, provisioning, tr("Logs"),
             tr("What the service did and why: the log, each provisioning step, and access to "
                "secrets."));
    b.log(logs,
          {QStringLiteral("actions-status"), tr("Actions Status"), QStringLiteral("actions"),
           tr("Every provisioning step run against each system."), tr("Actions Status"),
           tr("Every step run against each Intel AMT system: when, which step, the result, how long it took "
              "and the status the device answered."),
           [](Core::Store *store) { return std::make_shared<Core::ActionsLogBook>(store); }},
          context);
    b.log(logs,
          {QStringLiteral("log"), tr("Log"), QStringLiteral("log"),
           tr("What the provisioning service and the console did, newest first."), tr("View the Logs"),
           tr("Log entries reveal problems during provisioning: look for the UUID of a system that did not "
              "provision. What is recorded depends on the log level on the General page."),
           [](Core::Store *store) { return std::make_shared<Core::UserLogBook>(store); }},
          context);
    b.log(logs,
          {QStringLiteral("security-audit"), tr("Security Audit"), QStringLiteral("audit"),
           tr("Who saw, exported, imported or deleted secrets, and when."), tr("Security Audit"),
           tr("Every access to secrets: who (user and host), when, what and how many. Secrets themselves are "
              "never recorded."),
           [](Core::Store *store) { return std::make_shared<Core::AuditLogBook>(store); }},
          context);

    b.widget(configuration,
             {QStringLiteral("reports"), tr("Reports"), QStringLiteral("reports"),
              tr("Summaries of the fleet, provisioning, keys, hellos and task runs, with charts.")},
             createReportsWidget, context);
    b.widget(root,
             {QStringLiteral("tasks"), tr("Tasks"), QStringLiteral("tasks"),
              tr("Intel AMT operations on collections of systems, now or on a schedule, in waves.")},
             createTasksWidget, context);
    b.widget(root,
             {QStringLiteral("collections"), tr("Collections"), QStringLiteral("collections"),
              tr("Groups of Intel AMT systems, by rule or by hand, for tasks.")},
             createCollectionsWidget, context);
    return entries;
}

} // namespace Oobm::Gui

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QWidget;

namespace Oobm::Gui {

struct PageContext;
class WidgetPage;

// The widgets of the pages that are only a widget (WidgetPage), one factory each, registered in
// ui/shell/pages.cpp. Each is defined in its page's folder. The Intel AMT Systems and Security
// Keys pages are classes of their own (SystemsWidget, SecurityKeysWidget), and so are the widgets
// of Collections and Tasks (CollectionsWidget, TasksWidget), made by the factories below.

// Configuration Service Settings > Auxiliary Profiles: reusable Intel AMT users and TLS server
// certificates that provision profiles reference, and the imported TLS certificates.
QWidget *createAuxiliaryProfilesWidget(const PageContext &context, WidgetPage *page, QWidget *parent);

// Configuration Service Settings > Provision Profiles.
QWidget *createProvisionProfilesWidget(const PageContext &context, WidgetPage *page, QWidget *parent);

// Delayed Provisioning > Delayed Provision: systems whose hello window expired or whose
// provisioning failed, and a way to have their host agent restart the hello sequence.
QWidget *createDelayedProvisionWidget(const PageContext &context, WidgetPage *page, QWidget *parent);

// Intel AMT Systems > Hello Monitor: hello packets as they arrive, and what became of each.
QWidget *createHelloMonitorWidget(const PageContext &context, WidgetPage *page, QWidget *parent);

// Configuration > Reports: the built-in reports (core/reports), each computed in the store, with a
// chart, a table and exports (CSV, JSON, the chart as PNG, a PDF with both). ReportsWidget.
QWidget *createReportsWidget(const PageContext &context, WidgetPage *page, QWidget *parent);

// Intel AMT Systems > Profile Assignments: which provision profile each system gets.
QWidget *createAssignmentsWidget(const PageContext &context, WidgetPage *page, QWidget *parent);

// Collections: groups of Intel AMT systems (built-in ones, dynamic rules, static lists) and the
// selected one's members; asks Tasks for a new task on a collection or on systems.
QWidget *createCollectionsWidget(const PageContext &context, WidgetPage *page, QWidget *parent);

// Tasks: operations on collections or systems, now or on a schedule, in waves, and their runs.
// Its arguments (WidgetPage::argumentShown): "run:ID" shows a run; "new-task:UUID,..." and
// "new-task-collection:ID" open a new task for those systems or that collection.
QWidget *createTasksWidget(const PageContext &context, WidgetPage *page, QWidget *parent);

} // namespace Oobm::Gui

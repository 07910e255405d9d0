// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/models/hellosmodel.h"
#include "ui/pages/pagewidgets.h"
#include "ui/shell/translate.h"
#include "ui/shell/widgetpage.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/recordtable.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Oobm::Gui {

QWidget *createHelloMonitorWidget(const PageContext &context, WidgetPage *page, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *model = new HellosModel(context.store, w);
    auto *view = new QTableView(w);
    view->setObjectName(QStringLiteral("hellosView"));
    view->setModel(model);
    setUpRecordTable(view);
    const QFontMetrics fm = view->fontMetrics();
    view->setColumnWidth(HellosModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.000")) + 16);
    view->setColumnWidth(HellosModel::SourceColumn, fm.horizontalAdvance(QStringLiteral("127.255.255.255:65535")) + 16);
    view->setColumnWidth(HellosModel::UuidColumn,
                         fm.horizontalAdvance(QStringLiteral("4B529B93-D413-181D-E487-1C697A6B7A2B")) + 16);
    view->setColumnWidth(HellosModel::VersionColumn, fm.horizontalAdvance(QStringLiteral("PKI (3 hashes)")) + 16);
    view->setColumnWidth(HellosModel::PidColumn, fm.horizontalAdvance(QStringLiteral("WWWW-WWWW")) + 16);
    view->setColumnWidth(HellosModel::OutcomeColumn, 420);
    auto *empty = new QLabel(tr("<p><b>No hello packet has arrived yet.</b></p><p>Intel AMT systems in setup mode "
                                "send a hello packet to ProvisionServer, port 9971, every few seconds to hours. "
                                "Each one appears here as it arrives, with what the engine did about it: the "
                                "in-console answer to \"are the hello packets reaching the server?\".</p>"),
                             w);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    auto *stack = new QStackedWidget(w);
    stack->addWidget(view);
    stack->addWidget(empty);
    auto *count = new QLabel(w);
    QObject::connect(model, &HellosModel::loaded, w, [model, stack, view, empty, count](const QString &error) {
        stack->setCurrentWidget(model->rowCount() == 0 && error.isEmpty() ? static_cast<QWidget *>(empty) : view);
        count->setText(error.isEmpty() ? tr("%n hellos, newest first (live).", nullptr, model->rowCount()) : error);
    });
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(new PageHeader(page->icon(), page->title(),
                                     tr("Every hello packet received: when, from where, PSK (with its PID) or PKI "
                                        "(with its root certificate hashes), the device's retry count, and the "
                                        "outcome. Malformed packets are listed with why they were dropped."),
                                     w));
    layout->addWidget(stack, 1);
    layout->addWidget(count);
    model->reload();
    return w;
}

} // namespace Oobm::Gui

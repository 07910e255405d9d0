// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/logbook/logbook.h"

#include <QCoreApplication>

namespace Oobm::Core {

// Logs > Actions Status as a LogBook: every step run against a system. Categories are the
// results (ActionRecord::Result's numbers), the source filter is the step, the text is searched
// in the message and the status the device answered.
class ActionsLogBook final : public LogBook
{
    Q_DECLARE_TR_FUNCTIONS(Oobm::Core::ActionsLogBook)

public:
    enum Column {
        TimeColumn,
        SystemColumn,
        StepColumn,
        ResultColumn,
        DurationColumn,
        StatusColumn,
        AttemptColumn,
        MessageColumn
    };

    using LogBook::LogBook;

    static ActionFilter actionFilter(const RecordFilter &filter);
    static LogRecord record(const ActionRecord &action);
    // The steps the engine and the console run, in the order they run.
    static QStringList steps();

    Kind kind() const override { return Kind::Actions; }
    QString key() const override { return QStringLiteral("actions"); }
    QList<ColumnSpec> columns() const override;
    int categoryColumn() const override { return ResultColumn; }
    QString display(const LogRecord &record, int column) const override;
    QString details(const LogRecord &record) const override;
    QStringList copyFields(const LogRecord &record) const override;
    QList<Category> categories() const override;
    QString allSourcesLabel() const override;
    QStringList sourceChoices() const override { return steps(); }
    bool filtersByDevice() const override { return true; }
    QString textPlaceholder() const override;
    QString emptyText(bool filtered) const override;
    QFuture<StoreResult<QList<LogRecord>>> query(const RecordQuery &query) const override;
    QFuture<StoreResult<CategoryCounts>> count(const RecordFilter &filter) const override;
    bool purgedBy(const PurgeReport &report) const override;
    QByteArray csvHeader() const override;
    QByteArray csvLine(const LogRecord &record) const override;
    QJsonObject json(const LogRecord &record) const override;
};

} // namespace Oobm::Core

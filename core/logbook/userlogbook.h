// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/logbook/logbook.h"

#include <QCoreApplication>

namespace Oobm::Core {

// Logs > Log as a LogBook: categories are the severities, the source filter is the entry's
// source, the text is searched in message and details.
class UserLogBook final : public LogBook
{
    Q_DECLARE_TR_FUNCTIONS(Oobm::Core::UserLogBook)

public:
    enum Column { DateColumn, SeverityColumn, DescriptionColumn, SourceColumn, UuidColumn };

    using LogBook::LogBook;

    // The same filter in the Log's own terms (categories are severities).
    static LogFilter logFilter(const RecordFilter &f);
    static RecordFilter recordFilter(const LogFilter &l);
    static LogRecord record(const LogEntry &entry);

    Kind kind() const override { return Kind::Log; }
    QString key() const override { return QStringLiteral("log"); }
    QList<ColumnSpec> columns() const override;
    int categoryColumn() const override { return SeverityColumn; }
    QString display(const LogRecord &record, int column) const override;
    QString details(const LogRecord &record) const override;
    QStringList copyFields(const LogRecord &record) const override;
    QList<Category> categories() const override;
    QString allSourcesLabel() const override;
    QStringList sourceChoices() const override;
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

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/logbook/logbook.h"

#include <QCoreApplication>

namespace Oobm::Core {

// Logs > Security Audit as a LogBook: who showed, exported, imported, generated or deleted
// secrets. Categories are the actions (their index in auditActions()); the text is searched in
// user, host, file and details. No source or device filter applies.
class AuditLogBook final : public LogBook
{
    Q_DECLARE_TR_FUNCTIONS(Oobm::Core::AuditLogBook)

public:
    enum Column { TimeColumn, UserColumn, HostColumn, ActionColumn, CountColumn, FileColumn, DetailsColumn };

    using LogBook::LogBook;

    static AuditQuery auditQuery(const RecordFilter &filter);
    static LogRecord record(const AuditEntry &entry);
    static QJsonObject entryJson(const AuditEntry &entry); // also `oobmctl audit query`

    Kind kind() const override { return Kind::Audit; }
    QString key() const override { return QStringLiteral("audit"); }
    QList<ColumnSpec> columns() const override;
    int categoryColumn() const override { return ActionColumn; }
    QString display(const LogRecord &record, int column) const override;
    QString details(const LogRecord &record) const override;
    QStringList copyFields(const LogRecord &record) const override;
    QList<Category> categories() const override;
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

// SPDX-License-Identifier: GPL-2.0-or-later
#include "logbook.h"

namespace Oobm::Core {

bool RecordFilter::isEmpty() const
{
    return categories.isEmpty() && source.isEmpty() && device.isEmpty() && text.isEmpty() && !since.isValid()
            && !until.isValid();
}

LogBook::~LogBook() = default;

QByteArray LogBook::csvRow(qint64 id, const QStringList &fields)
{
    QByteArray line = QByteArray::number(id);
    for (QString v : fields) {
        if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
            v.prepend(u'\'');
        if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r')) {
            v.replace(u'"', QStringLiteral("\"\""));
            v = u'"' + v + u'"';
        }
        line += ',';
        line += v.toUtf8();
    }
    line += '\n';
    return line;
}

} // namespace Oobm::Core

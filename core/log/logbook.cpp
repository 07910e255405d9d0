// SPDX-License-Identifier: GPL-2.0-or-later
#include "logbook.h"

namespace Oobm::Core {

bool RecordFilter::isEmpty() const
{
    return categories.isEmpty() && source.isEmpty() && device.isEmpty() && text.isEmpty()
            && !since.isValid() && !until.isValid();
}

LogBook::~LogBook() = default;

QByteArray LogBook::csvField(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
        v.prepend(u'\'');
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r')) {
        v.replace(u'"', QStringLiteral("\"\""));
        v = u'"' + v + u'"';
    }
    return v.toUtf8();
}

} // namespace Oobm::Core

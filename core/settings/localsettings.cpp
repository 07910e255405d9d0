// SPDX-License-Identifier: GPL-2.0-or-later
#include "localsettings.h"

#include <QSettings>

namespace Oobm::Core {

LocalSettings::LocalSettings(const QString &fileName)
    : m_settings(fileName.isEmpty() ? std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                                                  QStringLiteral("oobm"), QStringLiteral("oobm"))
                                    : std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{ }

LocalSettings::~LocalSettings() = default;

QVariant LocalSettings::value(const QString &key, const QVariant &defaultValue) const
{
    return m_settings->value(key, defaultValue);
}

QByteArray LocalSettings::bytes(const QString &key) const
{
    return m_settings->value(key).toByteArray();
}

QString LocalSettings::string(const QString &key, const QString &defaultValue) const
{
    return m_settings->value(key, defaultValue).toString();
}

void LocalSettings::setValue(const QString &key, const QVariant &value)
{
    m_settings->setValue(key, value);
}

void LocalSettings::sync()
{
    m_settings->sync();
}

QString LocalSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace Oobm::Core

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace Oobm::Core {

// Per-user, per-machine state (window geometry, last page, column widths) in QSettings; never
// service settings, which live in the store. Widgets never create their own QSettings.
class LocalSettings
{
public:
    // An empty fileName uses the user's configuration file (~/.config/oobm/oobm.conf).
    explicit LocalSettings(const QString &fileName = {});
    ~LocalSettings();
    LocalSettings(const LocalSettings &) = delete;
    LocalSettings &operator=(const LocalSettings &) = delete;

    QVariant value(const QString &key, const QVariant &defaultValue = {}) const;
    QByteArray bytes(const QString &key) const;
    QString string(const QString &key, const QString &defaultValue = {}) const;
    void setValue(const QString &key, const QVariant &value);
    void sync();
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Oobm::Core

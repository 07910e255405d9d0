// SPDX-License-Identifier: GPL-2.0-or-later
#include "wavepolicy.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Oobm::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::WavePolicy", text);
}
} // namespace

QString WavePolicy::problem() const
{
    if (batchSize < 1)
        return tr("A wave of %1 systems cannot run: give each wave at least 1 system.").arg(batchSize);
    if (concurrency < 1 || concurrency > MaxConcurrency)
        return tr("Between 1 and %1 systems can be worked on at once; %2 is not one of them.")
                .arg(MaxConcurrency)
                .arg(concurrency);
    if (pauseSeconds < 0 || pauseSeconds > 7 * 24 * 3600)
        return tr("The pause between waves is 0 seconds to 7 days; %1 s is not.").arg(pauseSeconds);
    if (stopPercent < 0 || stopPercent > 100)
        return tr("The stop rule is a share of a wave, 0 to 100 %; %1 % is not.").arg(stopPercent);
    return {};
}

QString WavePolicy::describe() const
{
    QString text = tr("waves of %1, %2 at once").arg(batchSize).arg(concurrency);
    if (pauseSeconds > 0)
        text += tr(", %1 s apart").arg(pauseSeconds);
    if (stopPercent > 0)
        text += tr(", stop when more than %1 % of a wave failed").arg(stopPercent);
    return text;
}

QByteArray WavePolicy::toJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("concurrency"), concurrency},
                                     {QStringLiteral("batch"), batchSize},
                                     {QStringLiteral("pause"), pauseSeconds},
                                     {QStringLiteral("stop"), stopPercent}})
            .toJson(QJsonDocument::Compact);
}

WavePolicy WavePolicy::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    WavePolicy w;
    w.concurrency = o.value(QStringLiteral("concurrency")).toInt(w.concurrency);
    w.batchSize = o.value(QStringLiteral("batch")).toInt(w.batchSize);
    w.pauseSeconds = o.value(QStringLiteral("pause")).toInt(w.pauseSeconds);
    w.stopPercent = o.value(QStringLiteral("stop")).toInt(w.stopPercent);
    return w;
}

} // namespace Oobm::Core

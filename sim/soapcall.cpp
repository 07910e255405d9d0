// SPDX-License-Identifier: GPL-2.0-or-later
#include "soapcall.h"

#include "httpda.h"

#include "sim/soapservicehost.h"

#include <QDateTime>
#include <QThread>

#include <sys/socket.h>

namespace Oobm::Sim {

SoapCall::SoapCall(struct soap *soap, const char *operation, SoapServiceHost &host, const QString &command)
    : m_host(host)
    , m_device(static_cast<SimDevice *>(soap->user))
{
    QString realm, user, password;
    {
        QMutexLocker lock(&m_device->mutex);
        const DeviceState &s = m_device->state();
        realm = s.realm();
        user = s.adminUser;
        password = s.mebxPassword;
    }
    const QByteArray r = realm.toUtf8(), u = user.toUtf8(), p = password.toUtf8();
    if (!(soap->authrealm && soap->userid && r == soap->authrealm && u == soap->userid
          && http_da_verify_post(soap, p.constData()) == SOAP_OK)) {
        soap->authrealm = soap_strdup(soap, r.constData());
        m_result = 401;
        return;
    }

    // The device received it: counted, whatever it answers. Then the faults, the command's
    // before the operation's.
    int latency = 0;
    bool drop = false;
    {
        QMutexLocker lock(&m_device->mutex);
        DeviceState &s = m_device->state();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString name = QLatin1String(operation);
        s.recordCall(name, now);
        if (!command.isEmpty())
            s.recordCall(command, now);
        Faults &f = s.faults;
        latency = f.latencyMs;
        drop = f.dropMidCall;
        m_deviceHang = f.hang;
        for (const QString &key : {command, name}) {
            auto it = key.isEmpty() ? f.operations.end() : f.operations.find(key);
            if (it == f.operations.end() || it->remaining == 0)
                continue;
            OperationFault &of = it.value();
            latency += of.latencyMs;
            drop = drop || of.drop;
            if (of.hang)
                m_hangFault = key;
            if (of.forceStatus) {
                m_forced = true;
                m_forcedStatus = of.status;
            }
            if (of.remaining > 0 && --of.remaining == 0 && !of.hang)
                f.operations.erase(it); // a spent hang stays: it holds its calls until cleared
            break;
        }
    }
    if (latency > 0)
        QThread::msleep(ulong(latency));
    if (m_deviceHang || !m_hangFault.isEmpty()) {
        // Read and never answered: the client's receive timeout has to end this.
        while (!m_host.isStopping() && stillHung())
            QThread::msleep(50);
        shutdown(soap->socket, SHUT_RDWR);
        m_result = SOAP_STOP;
        return;
    }
    if (drop) {
        shutdown(soap->socket, SHUT_RDWR);
        m_result = SOAP_STOP;
    }
}

bool SoapCall::stillHung() const
{
    QMutexLocker lock(&m_device->mutex);
    const Faults &f = m_device->state().faults;
    if (m_deviceHang && f.hang)
        return true;
    const auto it = f.operations.constFind(m_hangFault);
    return !m_hangFault.isEmpty() && it != f.operations.cend() && it->hang;
}

void SoapCall::changed()
{
    m_host.saveDevice(*m_device);
}

void SoapCall::updateListeners()
{
    m_host.updateListeners(m_device);
}

void SoapCall::modeChanged()
{
    m_host.modeChanged(m_device);
}

} // namespace Oobm::Sim

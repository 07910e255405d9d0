// SPDX-License-Identifier: GPL-2.0-or-later
#include "soapcall.h"

#include "httpda.h"

#include "sim/soapservicehost.h"

#include <QThread>

#include <sys/socket.h>

namespace Oobm::Sim {

SoapCall::SoapCall(struct soap *soap, const char *operation, SoapServiceHost &host)
    : m_host(host)
    , m_device(static_cast<SimDevice *>(soap->user))
{
    QString realm, user, password;
    int latency = 0;
    bool drop = false, hang = false;
    {
        QMutexLocker lock(&m_device->mutex);
        const DeviceState &s = m_device->state();
        realm = s.realm();
        user = s.adminUser;
        password = s.mebxPassword;
        latency = s.faults.latencyMs;
        drop = s.faults.dropMidCall;
        hang = s.faults.hang;
        if (auto it = s.faults.statusFor.constFind(QLatin1String(operation)); it != s.faults.statusFor.cend()) {
            m_forced = true;
            m_forcedStatus = it.value();
        }
    }
    const QByteArray r = realm.toUtf8(), u = user.toUtf8(), p = password.toUtf8();
    if (!(soap->authrealm && soap->userid && r == soap->authrealm && u == soap->userid
          && http_da_verify_post(soap, p.constData()) == SOAP_OK)) {
        soap->authrealm = soap_strdup(soap, r.constData());
        m_result = 401;
        return;
    }
    if (latency > 0)
        QThread::msleep(ulong(latency));
    if (hang) {
        // Read and never answered: the client's receive timeout has to end this.
        while (!m_host.isStopping()) {
            {
                QMutexLocker lock(&m_device->mutex);
                if (!m_device->state().faults.hang)
                    break;
            }
            QThread::msleep(50);
        }
        shutdown(soap->socket, SHUT_RDWR);
        m_result = SOAP_STOP;
        return;
    }
    if (drop) {
        shutdown(soap->socket, SHUT_RDWR);
        m_result = SOAP_STOP;
    }
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

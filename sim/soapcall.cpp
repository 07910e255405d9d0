// SPDX-License-Identifier: GPL-2.0-or-later
#include "soapcall.h"

#include "httpda.h"

#include "sim/soapservicehost.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QThread>

#include <cstring>
#include <sys/socket.h>

namespace Oobm::Sim {

namespace {

QByteArray md5Hex(const QByteArray &text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex();
}

} // namespace

// HTTP Digest (RFC 2617, MD5, qop "auth" or "auth-int") checked against a stored MD5(user:realm:password), for
// an admin password that WS-Management set as that hash (docs/protocol.md §13.6). gSOAP's httpda
// checks only against a password in plain text, so this computes the response itself from what
// httpda parsed; unlike httpda it does not keep the nonces it issued, so it cannot refuse a
// replayed nonce count (a simulator's shortcut, docs/robustness.md).
bool SoapCall::verifiedByDigest(struct soap *soap, const QByteArray &digest)
{
    const auto *data = static_cast<const http_da_data *>(soap_lookup_plugin(soap, HTTP_DA_ID));
    if (!data || !data->nonce || !data->qop || !data->ncount || !data->cnonce || soap->passwd
        || (data->alg && std::strcmp(data->alg, "MD5") != 0))
        return false;
    // qop "auth-int" (gSOAP's clients) covers the body too: httpda hashed it as it was read.
    QByteArray a2 = QByteArray("POST:") + soap->path;
    if (std::strcmp(data->qop, "auth-int") == 0)
        a2 += ':' + QByteArray(data->digest, 16).toHex();
    else if (std::strcmp(data->qop, "auth") != 0)
        return false;
    const QByteArray ha2 = md5Hex(a2);
    const QByteArray text = QByteArray(digest.toHex()) + ':' + data->nonce + ':' + data->ncount + ':' + data->cnonce
            + ':' + data->qop + ':' + ha2;
    const QByteArray response = QCryptographicHash::hash(text, QCryptographicHash::Md5);
    return response.size() == 16 && std::memcmp(response.constData(), data->response, 16) == 0;
}

SoapCall::SoapCall(struct soap *soap, const char *operation, SoapServiceHost &host, const QString &command)
    : m_host(host)
    , m_device(static_cast<SimDevice *>(soap->user))
{
    QString realm, user, password;
    QByteArray digest;
    {
        QMutexLocker lock(&m_device->mutex);
        const DeviceState &s = m_device->state();
        realm = s.realm();
        user = s.adminUser;
        password = s.mebxPassword;
        digest = s.adminDigest;
    }
    const QByteArray r = realm.toUtf8(), u = user.toUtf8(), p = password.toUtf8();
    if (!(soap->authrealm && soap->userid && r == soap->authrealm && u == soap->userid
          && (digest.isEmpty() ? http_da_verify_post(soap, p.constData()) == SOAP_OK
                               : verifiedByDigest(soap, digest)))) {
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

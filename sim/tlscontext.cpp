// SPDX-License-Identifier: GPL-2.0-or-later
#include "tlscontext.h"

#include "stdsoap2.h"

#include "sim/fleet.h"
#include "sim/simdevice.h"

#include <QMutexLocker>
#include <QStringList>

#include <arpa/inet.h>
#include <cstring>
#include <memory>
#include <netinet/in.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>

namespace Oobm::Sim {

namespace {

Fleet *g_fleet = nullptr; // for the OpenSSL callbacks, which have no user pointer of ours

using PrivateKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;

PrivateKey readPrivateKey(const QByteArray &pem)
{
    BIO *b = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    PrivateKey key(PEM_read_bio_PrivateKey(b, nullptr, nullptr, nullptr), &EVP_PKEY_free);
    BIO_free(b);
    return key;
}

Certificate readCertificate(const QByteArray &pem)
{
    BIO *b = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    Certificate certificate(PEM_read_bio_X509(b, nullptr, nullptr, nullptr), &X509_free);
    BIO_free(b);
    return certificate;
}

SimDevice *deviceOfSocket(int fd)
{
    sockaddr_in local{};
    socklen_t length = sizeof local;
    if (getsockname(fd, reinterpret_cast<sockaddr *>(&local), &length) != 0 || local.sin_family != AF_INET)
        return nullptr;
    return g_fleet ? g_fleet->deviceByAddress(ntohl(local.sin_addr.s_addr)) : nullptr;
}

// TLS-PSK server: the identity must be the device's PID; the key is its PPS (or, with the
// wrong-pps fault, a different one, so the handshake fails as it would with a real mismatch).
unsigned int pskServerCallback(SSL *ssl, const char *identity, unsigned char *psk, unsigned int maxPsk)
{
    SimDevice *device = deviceOfSocket(SSL_get_fd(ssl));
    if (!device || !identity)
        return 0;
    QMutexLocker lock(&device->mutex);
    const DeviceState &s = device->state();
    if (s.pid != QByteArray(identity) || unsigned(s.pps.size()) > maxPsk)
        return 0;
    QByteArray key = s.pps;
    if (s.faults.wrongPps)
        key[0] = key.at(0) == 'Z' ? 'Y' : 'Z';
    std::memcpy(psk, key.constData(), key.size());
    return unsigned(key.size());
}

// TLS after provisioning: each device presents the certificate it was given.
int certificateCallback(SSL *ssl, void *)
{
    SimDevice *device = deviceOfSocket(SSL_get_fd(ssl));
    if (!device)
        return 0;
    QMutexLocker lock(&device->mutex);
    const DeviceState &s = device->state();
    if (s.tlsCertificateChainPem.isEmpty() || s.tlsKeyPem.isEmpty())
        return 0;
    const PrivateKey key = readPrivateKey(s.tlsKeyPem);
    bool ok = key && SSL_use_PrivateKey(ssl, key.get()) == 1;
    for (int i = 0; ok && i < s.tlsCertificateChainPem.size(); ++i) {
        const Certificate cert = readCertificate(s.tlsCertificateChainPem.at(i));
        ok = cert && (i == 0 ? SSL_use_certificate(ssl, cert.get()) == 1 : SSL_add1_chain_cert(ssl, cert.get()) == 1);
    }
    return ok ? 1 : 0;
}

// A TLS 1.0 to 1.2 server context on the master (AMT 2.x/3.x speak nothing newer), with these
// ciphers.
bool createServerContext(struct soap *master, const char *ciphers)
{
    if (soap_ssl_server_context(master, SOAP_SSL_NO_AUTHENTICATION | SOAP_TLSv1_0 | SOAP_TLSv1_1 | SOAP_TLSv1_2,
                                nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr)
        || !master->ctx)
        return false;
    SSL_CTX_set_min_proto_version(master->ctx, TLS1_VERSION);
    SSL_CTX_set_max_proto_version(master->ctx, TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(master->ctx, ciphers);
    return true;
}

// Remote Configuration (docs/protocol.md §4.3, step 3): the SCS's client certificate must chain
// to a root whose hash the device trusts, carry the Intel OID or OU, and name a host in the
// device's domain. One self-signed RSA certificate for the whole fleet: AMT's own certificate
// only carries the key exchange; nobody trusts it (docs/protocol.md §4.3, step 2).
QString setUpRemoteConfiguration(SSL_CTX *ctx)
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    X509 *cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 20L * 365 * 24 * 3600);
    X509_set_pubkey(cert, key);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Intel(R) AMT (amt-sim)"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());
    const bool ok = SSL_CTX_use_certificate(ctx, cert) == 1 && SSL_CTX_use_PrivateKey(ctx, key) == 1;
    X509_free(cert);
    EVP_PKEY_free(key);
    // The client must show its chain; which chain is acceptable is decided after the handshake.
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, [](int, X509_STORE_CTX *) { return 1; });
    ERR_clear_error();
    return ok ? QString() : QStringLiteral("cannot set up the Remote Configuration certificate");
}

QString hashHex(X509 *cert, const EVP_MD *md)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(cert, md, digest, &length);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

} // namespace

TlsContext::TlsContext(Fleet &fleet)
    : m_fleet(fleet)
{ }

TlsContext::~TlsContext()
{
    wait();
}

QString TlsContext::setUp(struct soap *psk, struct soap *certificate, struct soap *remoteConfiguration)
{
    g_fleet = &m_fleet;
    const auto fault = [](struct soap *master) { return QString::fromUtf8(soap_fault_string(master)); };
    if (!createServerContext(psk, "PSK-AES128-CBC-SHA:@SECLEVEL=0"))
        return QStringLiteral("cannot create the TLS-PSK context: %1").arg(fault(psk));
    SSL_CTX_set_psk_server_callback(psk->ctx, pskServerCallback);
    if (!createServerContext(certificate, "DEFAULT:@SECLEVEL=0"))
        return QStringLiteral("cannot create the TLS context: %1").arg(fault(certificate));
    SSL_CTX_set_cert_cb(certificate->ctx, certificateCallback, nullptr);
    // RSA key exchange, as on AMT 2.2-3.x.
    if (!createServerContext(remoteConfiguration, "kRSA:@SECLEVEL=0"))
        return QStringLiteral("cannot create the Remote Configuration TLS context: %1").arg(fault(remoteConfiguration));
    m_remoteConfiguration = std::async(std::launch::async, setUpRemoteConfiguration, remoteConfiguration->ctx).share();
    ERR_clear_error();
    return {};
}

QString TlsContext::remoteConfigurationReady() const
{
    return std::shared_future<QString>(m_remoteConfiguration).get();
}

void TlsContext::wait()
{
    if (m_remoteConfiguration.valid())
        m_remoteConfiguration.wait();
    m_remoteConfiguration = {};
}

QString TlsContext::checkProvisioningCertificate(SSL *ssl, SimDevice *device)
{
    X509 *leaf = SSL_get0_peer_certificate(ssl);
    if (!leaf)
        return QStringLiteral("no client certificate was presented");
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl); // on a server: without the leaf
    X509 *root = (chain && sk_X509_num(chain) > 0) ? sk_X509_value(chain, sk_X509_num(chain) - 1) : leaf;
    const QString sha1 = hashHex(root, EVP_sha1());
    const QString sha256 = hashHex(root, EVP_sha256());
    QStringList trusted;
    QString domain;
    {
        QMutexLocker lock(&device->mutex);
        trusted = device->state().trustedRootHashes;
        domain = device->state().domainName;
    }
    if (!trusted.contains(sha1, Qt::CaseInsensitive) && !trusted.contains(sha256, Qt::CaseInsensitive))
        return QStringLiteral("the root certificate (SHA-1 %1) is not among the device's trusted "
                              "root hashes")
                .arg(sha1);
    bool intel = false;
    if (EXTENDED_KEY_USAGE *eku = static_cast<EXTENDED_KEY_USAGE *>(
                X509_get_ext_d2i(leaf, NID_ext_key_usage, nullptr, nullptr))) {
        for (int i = 0; i < sk_ASN1_OBJECT_num(eku); ++i) {
            char oid[80];
            OBJ_obj2txt(oid, sizeof oid, sk_ASN1_OBJECT_value(eku, i), 1);
            intel = intel || qstrcmp(oid, "2.16.840.1.113741.1.2.3") == 0;
        }
        EXTENDED_KEY_USAGE_free(eku);
    }
    X509_NAME *subject = X509_get_subject_name(leaf);
    char ou[256] = {0};
    if (X509_NAME_get_text_by_NID(subject, NID_organizationalUnitName, ou, sizeof ou) > 0)
        intel = intel || qstrcmp(ou, "Intel(R) Client Setup Certificate") == 0;
    if (!intel)
        return QStringLiteral("the certificate has neither the Intel OID 2.16.840.1.113741.1.2.3 nor the OU "
                              "\"Intel(R) Client Setup Certificate\"");
    char cn[256] = {0};
    X509_NAME_get_text_by_NID(subject, NID_commonName, cn, sizeof cn);
    const QString name = QString::fromLatin1(cn).toLower();
    if (domain.isEmpty() || !name.endsWith(u'.' + domain.toLower()))
        return QStringLiteral("the certificate's name %1 is not in the device's domain %2").arg(name, domain);
    return {};
}

bool TlsContext::isPrivateKey(const QByteArray &pem)
{
    const bool ok = readPrivateKey(pem) != nullptr;
    ERR_clear_error();
    return ok;
}

bool TlsContext::isCertificate(const QByteArray &pem)
{
    const bool ok = readCertificate(pem) != nullptr;
    ERR_clear_error();
    return ok;
}

bool TlsContext::keyMatchesCertificate(const QByteArray &keyPem, const QByteArray &certificatePem)
{
    const PrivateKey key = readPrivateKey(keyPem);
    const Certificate certificate = readCertificate(certificatePem);
    const bool ok = key && certificate && X509_check_private_key(certificate.get(), key.get()) == 1;
    ERR_clear_error();
    return ok;
}

} // namespace Oobm::Sim

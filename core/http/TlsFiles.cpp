#include "TlsFiles.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace tw::http {

namespace {

// QSslKey accepts any key; OpenSSL checks it against the certificate only
// at each handshake, which would then all fail: caught at start instead.
bool keyFitsCertificate(const QSslCertificate &certificate, const QByteArray &keyPem)
{
    const QByteArray der = certificate.toDer();
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    std::unique_ptr<X509, decltype(&X509_free)> x509(d2i_X509(nullptr, &bytes, long(der.size())), X509_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free);
    const auto noPrompt = [](char *, int, int, void *) { return 0; }; // never ask a terminal for a passphrase
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPrompt, nullptr) : nullptr, EVP_PKEY_free);
    return x509 && key && X509_check_private_key(x509.get(), key.get()) == 1;
}

} // namespace

Status loadTlsConfiguration(const config::ApiSettings &api, std::optional<QSslConfiguration> *out)
{
    if (api.tlsCertificate.isEmpty())
        return {};
    const auto invalid = [](const char *field, const QString &message) {
        return Error(ErrorCode::ConfigInvalid, QStringLiteral("api.tls.%1: %2").arg(QLatin1String(field), message));
    };
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(api.tlsCertificate, QSsl::Pem);
    if (chain.isEmpty())
        return invalid("certificate", QStringLiteral("no PEM certificate could be read from %1").arg(api.tlsCertificate));
    QFile keyFile(api.tlsKey);
    if (!keyFile.open(QIODevice::ReadOnly))
        return invalid("key", QStringLiteral("cannot read %1: %2").arg(api.tlsKey, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Opaque}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return invalid("key", QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(api.tlsKey));
    if (!keyFitsCertificate(chain.first(), pem))
        return invalid("key", QStringLiteral("%1 is not the private key of the certificate in %2").arg(api.tlsKey, api.tlsCertificate));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    *out = tls;
    return {};
}

} // namespace tw::http

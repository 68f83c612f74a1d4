#include "JwtSigner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>

namespace test {

namespace {

[[noreturn]] void fail(const char *what)
{
    throw std::runtime_error(what);
}

std::shared_ptr<EVP_PKEY> wrap(EVP_PKEY *pkey)
{
    if (!pkey)
        fail("key generation failed");
    return std::shared_ptr<EVP_PKEY>(pkey, EVP_PKEY_free);
}

QByteArray bnParam(EVP_PKEY *key, const char *name, int padTo = 0)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1 || !bn)
        fail(name);
    const int size = padTo > 0 ? padTo : BN_num_bytes(bn);
    QByteArray out(size, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), size);
    BN_clear_free(bn);
    return out;
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(base64Url(bytes));
}

QByteArray rawKey(EVP_PKEY *key, bool privatePart)
{
    size_t length = 0;
    auto get = privatePart ? EVP_PKEY_get_raw_private_key : EVP_PKEY_get_raw_public_key;
    if (get(key, nullptr, &length) != 1)
        fail("raw key size");
    QByteArray out(qsizetype(length), '\0');
    if (get(key, reinterpret_cast<unsigned char *>(out.data()), &length) != 1)
        fail("raw key");
    return out;
}

} // namespace

TestKey TestKey::generateRsa(int bits)
{
    TestKey key;
    key.m_key = wrap(EVP_RSA_gen(static_cast<unsigned int>(bits)));
    return key;
}

TestKey TestKey::generateEc()
{
    TestKey key;
    key.m_key = wrap(EVP_EC_gen("P-256"));
    return key;
}

TestKey TestKey::generateEd25519()
{
    TestKey key;
    key.m_key = wrap(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    return key;
}

QString TestKey::kty() const
{
    switch (EVP_PKEY_get_base_id(m_key.get())) {
    case EVP_PKEY_RSA: return QStringLiteral("RSA");
    case EVP_PKEY_EC: return QStringLiteral("EC");
    case EVP_PKEY_ED25519: return QStringLiteral("OKP");
    }
    return {};
}

QJsonObject TestKey::publicJwk(const QString &kid) const
{
    EVP_PKEY *key = m_key.get();
    QJsonObject jwk{{QStringLiteral("kty"), kty()}, {QStringLiteral("kid"), kid}, {QStringLiteral("use"), QStringLiteral("sig")}};
    const QString type = kty();
    if (type == QLatin1String("RSA")) {
        jwk.insert(QStringLiteral("n"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_N)));
        jwk.insert(QStringLiteral("e"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_E)));
    } else if (type == QLatin1String("EC")) {
        jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        jwk.insert(QStringLiteral("x"), b64(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X, 32)));
        jwk.insert(QStringLiteral("y"), b64(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32)));
    } else {
        jwk.insert(QStringLiteral("crv"), QStringLiteral("Ed25519"));
        jwk.insert(QStringLiteral("x"), b64(rawKey(key, false)));
    }
    return jwk;
}

QJsonObject TestKey::privateJwk(const QString &kid) const
{
    EVP_PKEY *key = m_key.get();
    QJsonObject jwk = publicJwk(kid);
    const QString type = kty();
    if (type == QLatin1String("RSA")) {
        jwk.insert(QStringLiteral("d"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_D)));
        jwk.insert(QStringLiteral("p"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_FACTOR1)));
        jwk.insert(QStringLiteral("q"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_FACTOR2)));
        jwk.insert(QStringLiteral("dp"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_EXPONENT1)));
        jwk.insert(QStringLiteral("dq"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_EXPONENT2)));
        jwk.insert(QStringLiteral("qi"), b64(bnParam(key, OSSL_PKEY_PARAM_RSA_COEFFICIENT1)));
    } else if (type == QLatin1String("EC")) {
        jwk.insert(QStringLiteral("d"), b64(bnParam(key, OSSL_PKEY_PARAM_PRIV_KEY, 32)));
    } else {
        jwk.insert(QStringLiteral("d"), b64(rawKey(key, true)));
    }
    return jwk;
}

QByteArray TestKey::publicPem() const
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key.get());
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, int(length));
    BIO_free(bio);
    return pem;
}

QByteArray TestKey::sign(const QString &alg, const QByteArray &input) const
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_PKEY_CTX *pctx = nullptr;
    const bool eddsa = alg == QLatin1String("EdDSA");
    if (EVP_DigestSignInit(ctx.get(), &pctx, eddsa ? nullptr : EVP_sha256(), nullptr, m_key.get()) != 1)
        fail("sign init");
    if (alg == QLatin1String("PS256")) {
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1
            || EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) != 1
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1)
            fail("pss setup");
    }
    size_t length = 0;
    const auto *tbs = reinterpret_cast<const unsigned char *>(input.constData());
    if (EVP_DigestSign(ctx.get(), nullptr, &length, tbs, size_t(input.size())) != 1)
        fail("sign size");
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, tbs,
                       size_t(input.size()))
        != 1)
        fail("sign");
    signature.resize(qsizetype(length));
    if (alg != QLatin1String("ES256"))
        return signature;

    const auto *der = reinterpret_cast<const unsigned char *>(signature.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &der, long(signature.size()));
    if (!sig)
        fail("ecdsa der");
    QByteArray raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return raw;
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray signingInput(const QByteArray &headerJson, const QByteArray &payloadJson)
{
    return base64Url(headerJson) + '.' + base64Url(payloadJson);
}

QByteArray makeToken(const QByteArray &headerJson, const QByteArray &payloadJson, const TestKey &key,
                     const QString &alg)
{
    const QByteArray input = signingInput(headerJson, payloadJson);
    return input + '.' + base64Url(key.sign(alg, input));
}

QByteArray hs256(const QByteArray &secret, const QByteArray &input)
{
    return QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
}

QByteArray ecdsaRawToDer(const QByteArray &raw)
{
    ECDSA_SIG *sig = ECDSA_SIG_new();
    const auto *bytes = reinterpret_cast<const unsigned char *>(raw.constData());
    ECDSA_SIG_set0(sig, BN_bin2bn(bytes, int(raw.size() / 2), nullptr),
                   BN_bin2bn(bytes + raw.size() / 2, int(raw.size() - raw.size() / 2), nullptr));
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(sig, &der);
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

QByteArray jwksOf(const QList<QJsonObject> &jwks)
{
    QJsonArray keys;
    for (const QJsonObject &jwk : jwks)
        keys.append(jwk);
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson(QJsonDocument::Compact);
}

} // namespace test

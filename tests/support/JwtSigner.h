#pragma once

// A token signer for tests, built on OpenSSL directly so that the tests can
// forge what no JOSE library would produce (duplicate keys, wrong algorithms,
// odd signatures). The OIDC provider harness hands privateJwk() to the real
// provider, so its keys are known to the tests: keep this API stable.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace test {

class TestKey
{
public:
    static TestKey generateRsa(int bits = 2048);
    static TestKey generateEc();          // P-256
    static TestKey generateEd25519();

    QString kty() const;                  // "RSA", "EC", "OKP"
    // RFC 7517 JWKs. The public one has kty, kid, use "sig" and the public
    // members; the private one adds the standard private members (RSA d, p,
    // q, dp, dq, qi; EC and OKP d), as oidc-provider's `jwks` option expects.
    // Neither carries "alg", so one RSA key serves RS256 and PS256.
    QJsonObject publicJwk(const QString &kid) const;
    QJsonObject privateJwk(const QString &kid) const;
    QByteArray publicPem() const;         // SubjectPublicKeyInfo PEM

    // The JWS signature of signingInput (RS256, PS256, ES256 as 64-byte r||s, EdDSA).
    QByteArray sign(const QString &alg, const QByteArray &signingInput) const;

    EVP_PKEY *pkey() const { return m_key.get(); }

private:
    std::shared_ptr<EVP_PKEY> m_key;
};

// base64url(header) "." base64url(payload) "." base64url(sign(...)); the
// JSON texts are used byte for byte.
QByteArray makeToken(const QByteArray &headerJson, const QByteArray &payloadJson, const TestKey &key,
                     const QString &alg);
// header.payload without a signature, for hand-made signature segments.
QByteArray signingInput(const QByteArray &headerJson, const QByteArray &payloadJson);
QByteArray base64Url(const QByteArray &bytes);
// HMAC-SHA256, for the "HS256 keyed with the public key" attack.
QByteArray hs256(const QByteArray &secret, const QByteArray &input);
// ES256 r||s (64 bytes) as an ASN.1 DER ECDSA-Sig-Value.
QByteArray ecdsaRawToDer(const QByteArray &raw);
// A JWKS document {"keys": [...]} of the given JWKs.
QByteArray jwksOf(const QList<QJsonObject> &jwks);

} // namespace test

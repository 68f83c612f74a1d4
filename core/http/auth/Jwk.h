#pragma once

#include "error/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace tw::http::auth {

// One public key of an issuer's JWKS, converted to an OpenSSL key once when
// the set is loaded (RSA from n/e, EC P-256 from x/y, OKP Ed25519 from x).
struct Jwk
{
    QString kid;
    QString kty;                  // "RSA", "EC", "OKP"
    QString crv;                  // "P-256", "Ed25519" (EC/OKP)
    QString alg;                  // optional pin from the JWK
    QString use;                  // optional: must be "sig" when present
    QStringList keyOps;           // optional: must contain "verify" when present
    int bits = 0;                 // RSA modulus size
    std::shared_ptr<EVP_PKEY> key;

    // Whether this key may verify a signature made with `alg` (RS256, PS256,
    // ES256, EdDSA): key type and curve fit the algorithm, and the JWK's own
    // alg/use/key_ops do not forbid it.
    bool allows(const QString &alg) const;
};

// An issuer's key set. Keys that cannot be used (private parts present,
// RSA < 2048 bits, unknown kty/crv, bad encodings, missing or duplicate kid)
// are left out and named in skipped(), so one bad key never hides the good
// ones; a document that is not a JWKS at all is an error.
class JwkSet
{
public:
    static Result<JwkSet> fromJson(const QByteArray &json);

    const Jwk *find(const QString &kid) const;
    QStringList kids() const;
    int size() const { return int(m_keys.size()); }
    const QStringList &skipped() const { return m_skipped; } // "kid: reason"

private:
    QList<Jwk> m_keys;
    QStringList m_skipped;
};

} // namespace tw::http::auth

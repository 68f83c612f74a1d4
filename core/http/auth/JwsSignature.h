#pragma once

#include <QByteArrayView>
#include <QString>

typedef struct evp_pkey_st EVP_PKEY;

namespace tw::http::auth {

// Checks one JWS signature with OpenSSL 3 EVP: RS256 (PKCS#1 v1.5),
// PS256 (PSS, MGF1-SHA256, salt = 32 bytes), ES256 (64 raw bytes r||s, each
// in [1, n-1]) and EdDSA (Ed25519). The caller has already made sure the key
// type fits the algorithm; anything else is simply "does not verify".
bool verifyJwsSignature(const QString &algorithm, EVP_PKEY *key, QByteArrayView signingInput,
                        QByteArrayView signature);

} // namespace tw::http::auth

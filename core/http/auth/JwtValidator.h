#pragma once

#include "Jwk.h"
#include "error/Error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <variant>

namespace tw::http::auth {

struct ValidationOptions
{
    QString issuer;               // exact match with "iss"
    QString audience;             // must be "aud" or one of its entries
    QStringList algorithms{QStringLiteral("RS256"), QStringLiteral("PS256"), QStringLiteral("ES256"),
                           QStringLiteral("EdDSA")};
    int leewaySeconds = 30;       // 0..60, for exp/nbf/iat
    QStringList acceptedTypes{QStringLiteral("at+jwt")}; // compared case-insensitively, "application/" prefix allowed
    int maxTokenBytes = 16384;
};

// Why a token was refused; the names label the auth-failure metric and go in
// the WWW-Authenticate error_description (never the token itself).
enum class TokenFailure {
    Malformed,       // not three base64url segments, bad JSON, duplicate keys, too big
    Algorithm,       // alg not allowed (none, HS*, …) or not fitting the key
    UnknownKey,      // no key with that kid: the caller may refetch the JWKS once
    Signature,
    Type,            // typ not accepted, unknown crit
    Issuer,
    Audience,
    Expired,
    NotYetValid,     // nbf or iat in the future beyond leeway
    Claims,          // exp missing, wrong claim types
};
QString tokenFailureName(TokenFailure failure); // "malformed", "algorithm", "unknown_key", …

struct TokenRejection
{
    TokenFailure failure;
    QString description;          // safe to show: says what, never echoes the token
};

struct VerifiedToken
{
    QString subject;              // "sub"
    QString clientId;             // "client_id", else "azp"
    QString kid;
    QString algorithm;
    QJsonObject claims;
    QDateTime expiresAt;          // UTC
};

// Validates a compact JWS access token (RFC 7519, RFC 9068, RFC 8725) with
// OpenSSL 3 EVP. Keys come only from the given set, chosen by "kid"; the
// jku/x5u/jwk/x5c headers are ignored, never fetched. Thread-safe (const).
class JwtValidator
{
public:
    explicit JwtValidator(ValidationOptions options);

    // Either the verified token or why it was refused.
    std::variant<VerifiedToken, TokenRejection> validate(QByteArrayView token, const JwkSet &keys,
                                                         const QDateTime &now) const;
    // The "kid" of a token's header when it parses (to decide on a refetch).
    static QString peekKid(QByteArrayView token);

    const ValidationOptions &options() const { return m_options; }

private:
    ValidationOptions m_options;
};

} // namespace tw::http::auth

#include "JwtValidator.h"

#include "Base64Url.h"
#include "JwsSignature.h"
#include "StrictJson.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace tw::http::auth {

namespace {

using Outcome = std::variant<VerifiedToken, TokenRejection>;

// NumericDate beyond year 9999 cannot be a real expiry; it would also
// overflow the millisecond arithmetic below.
constexpr double kMaxNumericDate = 253402300799.0;

TokenRejection reject(TokenFailure failure, const QString &description)
{
    return TokenRejection{failure, description};
}

struct Segments
{
    QByteArrayView header;
    QByteArrayView payload;
    QByteArrayView signature;
    QByteArrayView signingInput; // header "." payload, exactly as sent
};

std::optional<Segments> split(QByteArrayView token)
{
    const qsizetype first = token.indexOf('.');
    if (first < 0)
        return std::nullopt;
    const qsizetype second = token.sliced(first + 1).indexOf('.');
    if (second < 0)
        return std::nullopt;
    const qsizetype secondAt = first + 1 + second;
    if (token.sliced(secondAt + 1).contains('.'))
        return std::nullopt;
    Segments s;
    s.header = token.first(first);
    s.payload = token.sliced(first + 1, second);
    s.signature = token.sliced(secondAt + 1);
    s.signingInput = token.first(secondAt);
    return s;
}

std::optional<QJsonObject> decodeObject(QByteArrayView segment)
{
    if (segment.isEmpty())
        return std::nullopt;
    const auto bytes = decodeBase64Url(segment);
    if (!bytes)
        return std::nullopt;
    auto parsed = parseStrictJsonObject(*bytes);
    if (!parsed)
        return std::nullopt;
    return std::move(parsed).value();
}

bool supportedAlgorithm(const QString &alg)
{
    return alg == QLatin1String("RS256") || alg == QLatin1String("PS256") || alg == QLatin1String("ES256")
           || alg == QLatin1String("EdDSA");
}

// RFC 7515 §4.1.9: "at+jwt" and "application/at+jwt" are the same type, in any case.
QString normalizedType(const QString &type)
{
    QString t = type.toLower();
    if (t.startsWith(QLatin1String("application/")))
        t.remove(0, int(qstrlen("application/")));
    return t;
}

bool typeAccepted(const QString &type, const QStringList &accepted)
{
    const QString wanted = normalizedType(type);
    for (const QString &a : accepted) {
        if (normalizedType(a) == wanted)
            return true;
    }
    return false;
}

std::optional<TokenRejection> checkHeader(const QJsonObject &header, const ValidationOptions &options)
{
    const QJsonValue alg = header.value(QLatin1String("alg"));
    if (!alg.isString())
        return reject(TokenFailure::Algorithm, QStringLiteral("The token names no signature algorithm."));
    const QString name = alg.toString();
    // "none" and the HMAC family are refused whatever the configuration says:
    // an HMAC "secret" would be the issuer's public key (RFC 8725 §2.1).
    if (name.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0
        || name.startsWith(QLatin1String("HS"), Qt::CaseInsensitive) || !supportedAlgorithm(name)
        || !options.algorithms.contains(name))
        return reject(TokenFailure::Algorithm, QStringLiteral("The token's signature algorithm is not allowed."));
    // We implement no JWS extension, so any critical one must be refused (RFC 7515 §4.1.11).
    if (header.contains(QLatin1String("crit")))
        return reject(TokenFailure::Type, QStringLiteral("The token requires an unsupported extension (crit)."));
    const QJsonValue typ = header.value(QLatin1String("typ"));
    if (!typ.isString() || !typeAccepted(typ.toString(), options.acceptedTypes))
        return reject(TokenFailure::Type, QStringLiteral("The token is not an access token of an accepted type."));
    return std::nullopt;
}

std::optional<double> numericDate(const QJsonObject &claims, const char *name, bool *wrongType)
{
    const QJsonValue value = claims.value(QLatin1String(name));
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || std::fabs(value.toDouble()) > kMaxNumericDate) {
        *wrongType = true;
        return std::nullopt;
    }
    return value.toDouble();
}

bool optionalString(const QJsonObject &claims, const char *name)
{
    const QJsonValue value = claims.value(QLatin1String(name));
    return value.isUndefined() || value.isString();
}

std::optional<TokenRejection> checkClaims(const QJsonObject &claims, const ValidationOptions &options,
                                          const QDateTime &now, double *expires)
{
    bool wrongType = false;
    const auto exp = numericDate(claims, "exp", &wrongType);
    const auto nbf = numericDate(claims, "nbf", &wrongType);
    const auto iat = numericDate(claims, "iat", &wrongType);
    if (wrongType)
        return reject(TokenFailure::Claims, QStringLiteral("A time claim of the token is not a number."));
    if (!exp)
        return reject(TokenFailure::Claims, QStringLiteral("The token has no expiry (exp)."));
    if (!optionalString(claims, "sub") || !optionalString(claims, "client_id") || !optionalString(claims, "azp"))
        return reject(TokenFailure::Claims, QStringLiteral("A claim of the token has the wrong type."));
    // RFC 9068 §2.2: sub is required. Without it callers would share one
    // rate-limit bucket and the audit log could not say who acted.
    if (claims.value(QLatin1String("sub")).toString().isEmpty())
        return reject(TokenFailure::Claims, QStringLiteral("The token has no subject (sub)."));

    const QJsonValue iss = claims.value(QLatin1String("iss"));
    if (!iss.isString() || iss.toString() != options.issuer)
        return reject(TokenFailure::Issuer, QStringLiteral("The token was not issued by the configured issuer."));

    const QJsonValue aud = claims.value(QLatin1String("aud"));
    bool audienceFound = false;
    if (aud.isString()) {
        audienceFound = aud.toString() == options.audience;
    } else if (aud.isArray()) {
        for (const QJsonValue &entry : aud.toArray()) {
            if (!entry.isString())
                return reject(TokenFailure::Claims, QStringLiteral("The token's audience has the wrong type."));
            audienceFound = audienceFound || entry.toString() == options.audience;
        }
    } else if (!aud.isUndefined()) {
        return reject(TokenFailure::Claims, QStringLiteral("The token's audience has the wrong type."));
    }
    if (!audienceFound)
        return reject(TokenFailure::Audience, QStringLiteral("The token is not meant for this API."));

    const double leeway = std::clamp(options.leewaySeconds, 0, 60);
    const double nowSeconds = double(now.toMSecsSinceEpoch()) / 1000.0;
    if (!(*exp + leeway > nowSeconds))
        return reject(TokenFailure::Expired, QStringLiteral("The token has expired."));
    if ((nbf && *nbf > nowSeconds + leeway) || (iat && *iat > nowSeconds + leeway))
        return reject(TokenFailure::NotYetValid, QStringLiteral("The token is not valid yet."));
    *expires = *exp;
    return std::nullopt;
}

} // namespace

QString tokenFailureName(TokenFailure failure)
{
    switch (failure) {
    case TokenFailure::Malformed: return QStringLiteral("malformed");
    case TokenFailure::Algorithm: return QStringLiteral("algorithm");
    case TokenFailure::UnknownKey: return QStringLiteral("unknown_key");
    case TokenFailure::Signature: return QStringLiteral("signature");
    case TokenFailure::Type: return QStringLiteral("type");
    case TokenFailure::Issuer: return QStringLiteral("issuer");
    case TokenFailure::Audience: return QStringLiteral("audience");
    case TokenFailure::Expired: return QStringLiteral("expired");
    case TokenFailure::NotYetValid: return QStringLiteral("not_yet_valid");
    case TokenFailure::Claims: return QStringLiteral("claims");
    }
    return QStringLiteral("unknown");
}

JwtValidator::JwtValidator(ValidationOptions options)
    : m_options(std::move(options))
{
}

std::variant<VerifiedToken, TokenRejection> JwtValidator::validate(QByteArrayView token, const JwkSet &keys,
                                                                   const QDateTime &now) const
{
    if (token.size() > m_options.maxTokenBytes)
        return reject(TokenFailure::Malformed, QStringLiteral("The token is too large."));
    const auto segments = split(token);
    if (!segments)
        return reject(TokenFailure::Malformed, QStringLiteral("The token is not a three-part JWS."));
    const auto header = decodeObject(segments->header);
    if (!header)
        return reject(TokenFailure::Malformed, QStringLiteral("The token's header is not valid."));
    const auto signature = decodeBase64Url(segments->signature);
    if (!signature)
        return reject(TokenFailure::Malformed, QStringLiteral("The token's signature is not valid base64url."));
    if (auto refused = checkHeader(*header, m_options))
        return *refused;

    const QString algorithm = header->value(QLatin1String("alg")).toString();
    const QJsonValue kid = header->value(QLatin1String("kid"));
    if (!kid.isString() || kid.toString().isEmpty())
        return reject(TokenFailure::UnknownKey, QStringLiteral("The token names no key (kid)."));
    // jku, x5u, jwk and x5c are deliberately never read: the key comes from
    // the issuer's JWKS only, whatever the token says about itself.
    const Jwk *jwk = keys.find(kid.toString());
    if (!jwk)
        return reject(TokenFailure::UnknownKey, QStringLiteral("The token's key is not among the issuer's keys."));
    if (!jwk->allows(algorithm))
        return reject(TokenFailure::Algorithm, QStringLiteral("The token's algorithm does not fit its key."));
    if (!verifyJwsSignature(algorithm, jwk->key.get(), segments->signingInput, *signature))
        return reject(TokenFailure::Signature, QStringLiteral("The token's signature does not verify."));

    // The payload is read only once its signature holds.
    const auto claims = decodeObject(segments->payload);
    if (!claims)
        return reject(TokenFailure::Malformed, QStringLiteral("The token's claims are not valid."));
    double expires = 0;
    if (auto refused = checkClaims(*claims, m_options, now, &expires))
        return *refused;

    VerifiedToken verified;
    verified.subject = claims->value(QLatin1String("sub")).toString();
    verified.clientId = claims->contains(QLatin1String("client_id"))
                            ? claims->value(QLatin1String("client_id")).toString()
                            : claims->value(QLatin1String("azp")).toString();
    verified.kid = jwk->kid;
    verified.algorithm = algorithm;
    verified.claims = *claims;
    verified.expiresAt = QDateTime::fromMSecsSinceEpoch(qint64(std::floor(expires * 1000.0)), Qt::UTC);
    return verified;
}

QString JwtValidator::peekKid(QByteArrayView token)
{
    if (token.size() > 65536)
        return {};
    const auto segments = split(token);
    if (!segments)
        return {};
    const auto header = decodeObject(segments->header);
    if (!header)
        return {};
    return header->value(QLatin1String("kid")).toString();
}

} // namespace tw::http::auth

#include "Authenticator.h"

#include "OidcKeyProvider.h"
#include "RolesClaim.h"

#include <QPromise>

#include <memory>

namespace tw::http::auth {

namespace {

AuthFailure failure(QString error, QString description, QString reason, int status = 401)
{
    AuthFailure f;
    f.status = status;
    f.error = std::move(error);
    f.description = std::move(description);
    f.reason = std::move(reason);
    return f;
}

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
bool isB64Token(QByteArrayView token)
{
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char c = token[i];
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        if (!plain)
            break;
    }
    if (i == 0)
        return false;
    for (; i < token.size(); ++i)
        if (token[i] != '=')
            return false;
    return true;
}

// The token of "Bearer <token>", or why there is none. An absent header or
// another scheme carries no error code (RFC 6750 §3.1: the client may not
// know that authentication is needed).
std::variant<QByteArray, AuthFailure> bearerToken(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return failure(QString(), QStringLiteral("a bearer token is required"), QStringLiteral("missing"));
    const qsizetype space = value.indexOf(' ');
    const QByteArray scheme = space < 0 ? value : value.left(space);
    if (scheme.compare("bearer", Qt::CaseInsensitive) != 0)
        return failure(QString(), QStringLiteral("only the Bearer authentication scheme is accepted"),
                       QStringLiteral("missing"));
    const QByteArray token = space < 0 ? QByteArray() : value.mid(space + 1).trimmed();
    if (token.isEmpty())
        return failure(QStringLiteral("invalid_request"), QStringLiteral("the Bearer scheme needs a token"),
                       QStringLiteral("malformed"));
    if (!isB64Token(token))
        return failure(QStringLiteral("invalid_request"),
                       QStringLiteral("the Authorization header must hold exactly one bearer token"),
                       QStringLiteral("malformed"));
    return token;
}

} // namespace

Authenticator::Authenticator(OidcKeyProvider *keys, ValidationOptions options, QString rolesClaim, QObject *parent)
    : QObject(parent), m_keys(keys), m_validator(std::move(options)), m_rolesClaim(std::move(rolesClaim))
{
    // Cached verdicts were made with the old keys; a withdrawn key must stop working.
    connect(m_keys, &OidcKeyProvider::keysChanged, this, [this] { m_cache.clear(); });
}

QFuture<AuthOutcome> Authenticator::authenticate(const QByteArray &authorizationHeader)
{
    auto parsed = bearerToken(authorizationHeader);
    if (auto *refused = std::get_if<AuthFailure>(&parsed))
        return QtFuture::makeReadyFuture(AuthOutcome(*refused));
    const QByteArray token = std::get<QByteArray>(std::move(parsed));

    bool wantsRefetch = false;
    AuthOutcome outcome = check(token, true, &wantsRefetch);
    if (!wantsRefetch)
        return QtFuture::makeReadyFuture(std::move(outcome));
    if (!m_keys->refreshForUnknownKid())
        return QtFuture::makeReadyFuture(std::move(outcome)); // rate-limited: refused at once

    // The promise lives in the connection; if this object dies first, the
    // promise is destroyed unfinished and the future ends canceled.
    auto promise = std::make_shared<QPromise<AuthOutcome>>();
    QFuture<AuthOutcome> future = promise->future();
    promise->start();
    connect(
        m_keys, &OidcKeyProvider::keysRefreshed, this,
        [this, promise, token] {
            promise->addResult(check(token, false, nullptr));
            promise->finish();
        },
        Qt::SingleShotConnection);
    return future;
}

AuthOutcome Authenticator::check(QByteArrayView token, bool mayRefetch, bool *wantsRefetch)
{
    if (wantsRefetch)
        *wantsRefetch = false;
    const std::shared_ptr<const JwkSet> keys = m_keys->keys();
    if (!keys)
        return failure(QString(), QStringLiteral("the token issuer's signing keys are not available yet"),
                       QStringLiteral("keys_unavailable"), 503);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::optional<VerifiedToken> verified = m_cache.find(token, now);
    const bool cached = verified.has_value();
    if (!cached) {
        auto result = m_validator.validate(token, *keys, now);
        if (auto *rejection = std::get_if<TokenRejection>(&result)) {
            if (rejection->failure == TokenFailure::UnknownKey && mayRefetch && wantsRefetch)
                *wantsRefetch = true;
            return failure(QStringLiteral("invalid_token"), rejection->description,
                           tokenFailureName(rejection->failure));
        }
        verified = std::get<VerifiedToken>(std::move(result));
    }

    const std::optional<QStringList> roles = rolesFromClaims(verified->claims, m_rolesClaim);
    if (!roles)
        return failure(QStringLiteral("invalid_token"), QStringLiteral("roles claim has the wrong type"),
                       QStringLiteral("roles"));
    if (!cached)
        m_cache.insert(token, *verified);

    Identity identity;
    identity.subject = verified->subject;
    identity.clientId = verified->clientId;
    identity.roles = *roles;
    identity.expiresAt = verified->expiresAt;
    return identity;
}

} // namespace tw::http::auth

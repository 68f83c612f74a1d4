#pragma once

#include "JwtValidator.h"
#include "TokenCache.h"

#include <QFuture>
#include <QObject>
#include <QStringList>

#include <variant>

namespace tw::http::auth {

class OidcKeyProvider;

// Who is calling, once the bearer token checked out.
struct Identity
{
    QString subject;
    QString clientId;
    QStringList roles;
    QDateTime expiresAt;
};

// A refusal, shaped for the HTTP answer: 401 invalid_token (bad or missing
// token), or 503 when the issuer's keys are not loaded yet.
struct AuthFailure
{
    int status = 401;             // 401 or 503
    QString error;                // "invalid_request", "invalid_token"; empty for a missing header (RFC 6750 §3.1)
    QString description;          // for error_description and the JSON body; never the token
    QString reason;               // metric label: "missing", "malformed", "expired", …, "keys_unavailable"
};

using AuthOutcome = std::variant<Identity, AuthFailure>;

// Turns an Authorization header into an Identity: "Bearer" scheme, cache,
// signature and claims (JwtValidator), roles (rolesClaim). An unknown kid
// waits for one rate-limited JWKS refetch before it is refused. The future
// finishes on this object's thread, usually at once (cache hit or plain
// validation); never blocks.
class Authenticator final : public QObject
{
    Q_OBJECT
public:
    Authenticator(OidcKeyProvider *keys, ValidationOptions options, QString rolesClaim, QObject *parent = nullptr);

    QFuture<AuthOutcome> authenticate(const QByteArray &authorizationHeader);

    OidcKeyProvider *keyProvider() const { return m_keys; }

private:
    AuthOutcome check(QByteArrayView token, bool mayRefetch, bool *wantsRefetch);

    OidcKeyProvider *m_keys;
    JwtValidator m_validator;
    QString m_rolesClaim;
    TokenCache m_cache;
};

} // namespace tw::http::auth

#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace tw::test {

// A client_credentials client of the test provider.
struct OidcClient
{
    QString clientId;
    QString secret;
    QStringList roles;
    // Where the roles go: "roles", "groups", "realm_access.roles", … or
    // "scope" (a space-separated string).
    QString rolesClaim = QStringLiteral("roles");
};

// The real OpenID provider of tools/oidc-provider (npm oidc-provider under
// node), run on 127.0.0.1 by QProcess. Access tokens are RFC 9068 JWTs (typ
// at+jwt, aud = audience()) with each client's roles. Keys are private JWKs:
// the first signs, all are published, so a test rotates keys by restart()ing
// with a new first key while the old one stays listed.
class OidcProvider
{
public:
    explicit OidcProvider(QString audience = QStringLiteral("https://api.tablewright.test"));
    ~OidcProvider();
    OidcProvider(const OidcProvider &) = delete;
    OidcProvider &operator=(const OidcProvider &) = delete;

    // node and tools/oidc-provider/node_modules are there (tools/install-deps.sh).
    // Guard tests with TW_REQUIRE_SERVICE(OidcProvider::available(), …).
    static bool available();

    // Starts the provider and waits for it to listen. port 0 picks a free
    // one (kept by restart()); empty keys let the provider generate an RSA key.
    bool start(const QJsonArray &privateKeys, const QList<OidcClient> &clients, int port = 0);
    // Stops and starts again on the same port with another key set (and the same clients).
    bool restart(const QJsonArray &privateKeys);
    void stop();
    bool running() const;

    QString issuer() const { return m_issuer; }
    int port() const { return m_port; }
    QString audience() const { return m_audience; }
    // Why start() or fetchToken() failed (never a secret or a token).
    QString lastError() const { return m_lastError; }

    // Seconds; set before start(). Defaults: 300 and none (no Cache-Control).
    void setAccessTokenTtl(int seconds) { m_ttl = seconds; }
    void setJwksMaxAge(int seconds) { m_jwksMaxAge = seconds; }

    // A client_credentials access token for the audience (resource
    // indicator); empty on failure (see lastError()).
    QByteArray fetchToken(const QString &clientId, const QString &secret);

    // Requests the provider answered for a path ("/jwks",
    // "/.well-known/openid-configuration", "/token") since start(); counted
    // from its log, across restarts.
    int requestCount(const QString &path);

    // The node process's id (0 when not running), so a test can SIGSTOP the
    // provider to make key fetches hang (tst_serve_process).
    qint64 pid() const;

private:
    bool launch();
    void readLog();

    QString m_audience;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QJsonArray m_keys;
    QList<OidcClient> m_clients;
    QString m_issuer;
    QString m_lastError;
    QByteArray m_pending;
    QStringList m_requests;       // "GET /jwks 200"
    int m_port = 0;
    int m_ttl = 300;
    int m_jwksMaxAge = -1;
};

} // namespace tw::test

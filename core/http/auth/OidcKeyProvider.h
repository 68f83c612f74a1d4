#pragma once

#include "Jwk.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace tw::http::auth {

// The issuer's signing keys, fetched and kept fresh: the discovery document
// ({issuer}/.well-known/openid-configuration, whose "issuer" must equal the
// configured one exactly), then the JWKS at its "jwks_uri". Both follow
// Cache-Control max-age (bounded to [60 s, 24 h]); an unknown kid may force
// one refetch, at most one per minRefetchInterval; a failed fetch keeps the
// last good key set and retries with backoff (1 s doubling to 60 s), so an
// issuer that is down at start is picked up by itself when it comes back.
// Lives on one thread (the server's); its signals and futures finish there.
class OidcKeyProvider final : public QObject
{
    Q_OBJECT
public:
    explicit OidcKeyProvider(QString issuer, QObject *parent = nullptr);
    ~OidcKeyProvider() override;

    void start();

    // The current key set; null until a first fetch succeeded.
    std::shared_ptr<const JwkSet> keys() const { return m_keys; }
    bool ready() const { return m_keys != nullptr; }
    // Why keys are missing or stale ("discovery: connection refused"); empty when fine.
    QString problem() const { return m_problem; }
    QDateTime lastFetched() const { return m_lastFetched; }

    // A token named a kid that is not in the set: refetch the JWKS now unless
    // one was fetched within minRefetchInterval. Returns false when
    // rate-limited (the caller refuses the token at once); otherwise
    // keysRefreshed() follows, successful or not.
    bool refreshForUnknownKid();

    void setMinRefetchInterval(int ms) { m_minRefetchMs = ms; } // tests; default 30 000

signals:
    void keysRefreshed();         // a fetch attempt ended (see ready()/problem())
    void keysChanged();           // the key set differs from before

private:
    void fetchDiscovery();
    void fetchKeys();
    void onDiscovery(QNetworkReply *reply);
    void onKeys(QNetworkReply *reply);
    void fail(const QString &problem);
    void scheduleRefresh(int seconds);

    QString m_issuer;
    QUrl m_jwksUri;
    QNetworkAccessManager *m_network;
    QTimer m_timer;
    std::shared_ptr<const JwkSet> m_keys;
    QString m_problem;
    QDateTime m_lastFetched;
    qint64 m_lastForcedMs = -1;
    int m_minRefetchMs = 30000;
    int m_backoffMs = 1000;
    bool m_fetching = false;
};

} // namespace tw::http::auth

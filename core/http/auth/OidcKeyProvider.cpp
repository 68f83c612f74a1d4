#include "OidcKeyProvider.h"

#include "StrictJson.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <openssl/evp.h>

#include <algorithm>

namespace tw::http::auth {

namespace {

constexpr int kTransferTimeoutMs = 5000;
constexpr qint64 kMaxResponseBytes = 1024 * 1024;
constexpr int kMinRefreshSeconds = 60;
constexpr int kMaxRefreshSeconds = 24 * 3600;
// Without Cache-Control the keys are still re-read now and then, so a key the
// issuer withdrew stops working without waiting for an unknown kid.
constexpr int kDefaultRefreshSeconds = 300;
constexpr int kMaxBackoffMs = 60000;
constexpr char kTooLarge[] = "tw_tooLarge";
constexpr char kDiscoveryMaxAge[] = "tw_discoveryMaxAge";

// Monotonic: the rate limit must not move with the wall clock.
qint64 monotonicMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock.elapsed();
}

// max-age from Cache-Control in seconds; no-store/no-cache count as 0 (the
// caller clamps to the minimum), an absent header as -1.
int maxAgeOf(const QNetworkReply *reply)
{
    const QByteArray header = reply->rawHeader("Cache-Control");
    if (header.isEmpty())
        return -1;
    int maxAge = -1;
    for (const QByteArray &rawPart : header.split(',')) {
        const QByteArray part = rawPart.trimmed().toLower();
        if (part == "no-store" || part == "no-cache")
            return 0;
        if (part.startsWith("max-age=")) {
            bool ok = false;
            const qlonglong value = part.mid(8).toLongLong(&ok);
            if (ok && value >= 0)
                maxAge = int(std::min<qlonglong>(value, kMaxRefreshSeconds));
        }
    }
    return maxAge;
}

// Why a fetch failed, in words for /ready and the log; never a body.
QString transferProblem(QNetworkReply *reply)
{
    if (reply->property(kTooLarge).toBool())
        return QStringLiteral("response larger than %1 bytes").arg(kMaxResponseBytes);
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    switch (reply->error()) {
    case QNetworkReply::NoError:
        break;
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return QStringLiteral("no answer within %1 s").arg(kTransferTimeoutMs / 1000);
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return QStringLiteral("redirected elsewhere (only same-origin redirects are followed)");
    default:
        if (!status.isValid())
            return reply->errorString();
        break;
    }
    if (status.toInt() != 200)
        return QStringLiteral("HTTP %1").arg(status.toInt());
    return {};
}

// Whether two key sets hold the same keys under the same kids.
bool sameKeys(const JwkSet *before, const JwkSet &after)
{
    if (!before || before->size() != after.size())
        return false;
    for (const QString &kid : after.kids()) {
        const Jwk *old = before->find(kid);
        const Jwk *now = after.find(kid);
        if (!old || !now || old->alg != now->alg || old->use != now->use || old->keyOps != now->keyOps)
            return false;
        if (EVP_PKEY_eq(old->key.get(), now->key.get()) != 1)
            return false;
    }
    return true;
}

} // namespace

OidcKeyProvider::OidcKeyProvider(QString issuer, QObject *parent)
    : QObject(parent), m_issuer(std::move(issuer)), m_network(new QNetworkAccessManager(this))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // The discovery document may move jwks_uri; it is re-read on every timed refresh.
        if (!m_fetching)
            fetchDiscovery();
    });
}

OidcKeyProvider::~OidcKeyProvider()
{
    // Replies still in flight must not call back into a half-destroyed object.
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

void OidcKeyProvider::start()
{
    if (!m_fetching) {
        m_timer.stop();
        fetchDiscovery();
    }
}

bool OidcKeyProvider::refreshForUnknownKid()
{
    const qint64 now = monotonicMs();
    if (m_lastForcedMs >= 0 && now - m_lastForcedMs < m_minRefetchMs)
        return false;
    m_lastForcedMs = now;
    if (!m_fetching) {
        m_timer.stop();
        if (m_jwksUri.isValid())
            fetchKeys();
        else
            fetchDiscovery();
    }
    // A fetch already under way ends with keysRefreshed() as well.
    return true;
}

namespace {

QNetworkRequest boundedRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(3);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setRawHeader("Accept", "application/json");
    return request;
}

// Aborts a reply whose body grows past the cap, before it is all in memory.
void capSize(QNetworkReply *reply)
{
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if ((received > kMaxResponseBytes || total > kMaxResponseBytes) && !reply->property(kTooLarge).toBool()) {
            reply->setProperty(kTooLarge, true);
            reply->abort();
        }
    });
}

} // namespace

void OidcKeyProvider::fetchDiscovery()
{
    m_fetching = true;
    // OpenID Connect Discovery §4: the path is appended to the issuer without its trailing slash.
    QString base = m_issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url(base + QStringLiteral("/.well-known/openid-configuration"));
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        fail(QStringLiteral("discovery: the issuer \"%1\" is not an http(s) URL").arg(m_issuer));
        return;
    }
    QNetworkReply *reply = m_network->get(boundedRequest(url));
    capSize(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onDiscovery(reply); });
}

void OidcKeyProvider::onDiscovery(QNetworkReply *reply)
{
    reply->deleteLater();
    if (const QString problem = transferProblem(reply); !problem.isEmpty()) {
        fail(QStringLiteral("discovery: ") + problem);
        return;
    }
    const Result<QJsonObject> document = parseStrictJsonObject(reply->readAll());
    if (!document) {
        fail(QStringLiteral("discovery: not a JSON object (%1)").arg(document.error().message()));
        return;
    }
    const QJsonValue issuer = document.value().value(QStringLiteral("issuer"));
    if (!issuer.isString() || issuer.toString() != m_issuer) {
        // A different issuer would sign tokens our iss check refuses, or
        // worse, be someone else's keys: both must be fixed in the config.
        // The issuer's text is theirs: shown, but never at any length.
        fail(QStringLiteral("discovery: the document's issuer \"%1\" is not the configured \"%2\" (they must match exactly)")
                 .arg(issuer.toString().left(200), m_issuer));
        return;
    }
    const QUrl jwksUri(document.value().value(QStringLiteral("jwks_uri")).toString(), QUrl::StrictMode);
    const bool schemeOk = jwksUri.scheme() == QLatin1String("https")
        || (jwksUri.scheme() == QLatin1String("http") && QUrl(m_issuer).scheme() == QLatin1String("http"));
    if (!jwksUri.isValid() || jwksUri.host().isEmpty() || !schemeOk) {
        fail(QStringLiteral("discovery: jwks_uri is missing or not a usable URL"));
        return;
    }
    m_jwksUri = jwksUri;
    // The timed refresh honours the shorter of both lifetimes (kept as a
    // dynamic property: the contract header has no member for it).
    setProperty(kDiscoveryMaxAge, maxAgeOf(reply));
    fetchKeys();
}

void OidcKeyProvider::fetchKeys()
{
    m_fetching = true;
    QNetworkReply *reply = m_network->get(boundedRequest(m_jwksUri));
    capSize(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onKeys(reply); });
}

void OidcKeyProvider::onKeys(QNetworkReply *reply)
{
    reply->deleteLater();
    if (const QString problem = transferProblem(reply); !problem.isEmpty()) {
        fail(QStringLiteral("jwks: ") + problem);
        return;
    }
    Result<JwkSet> set = JwkSet::fromJson(reply->readAll());
    if (!set) {
        fail(QStringLiteral("jwks: %1").arg(set.error().message()));
        return;
    }
    if (set.value().size() == 0) {
        const QStringList skipped = set.value().skipped();
        fail(skipped.isEmpty() ? QStringLiteral("jwks: no keys")
                               : QStringLiteral("jwks: no usable keys (%1)").arg(skipped.join(QStringLiteral("; "))));
        return;
    }

    int maxAge = maxAgeOf(reply);
    const QVariant discoveryMaxAge = property(kDiscoveryMaxAge);
    if (discoveryMaxAge.isValid() && discoveryMaxAge.toInt() >= 0)
        maxAge = maxAge < 0 ? discoveryMaxAge.toInt() : std::min(maxAge, discoveryMaxAge.toInt());

    const bool changed = !sameKeys(m_keys.get(), set.value());
    if (changed)
        m_keys = std::make_shared<const JwkSet>(std::move(set).value());
    m_problem.clear();
    m_lastFetched = QDateTime::currentDateTimeUtc();
    m_backoffMs = 1000;
    m_fetching = false;
    scheduleRefresh(maxAge < 0 ? kDefaultRefreshSeconds : maxAge);
    if (changed)
        emit keysChanged();
    emit keysRefreshed();
}

void OidcKeyProvider::fail(const QString &problem)
{
    m_problem = problem;
    m_fetching = false;
    // Keys already held stay in use; the retry comes sooner than a refresh.
    m_timer.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, kMaxBackoffMs);
    emit keysRefreshed();
}

void OidcKeyProvider::scheduleRefresh(int seconds)
{
    m_timer.start(std::clamp(seconds, kMinRefreshSeconds, kMaxRefreshSeconds) * 1000);
}

} // namespace tw::http::auth

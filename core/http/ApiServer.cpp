#include "ApiServer.h"

#include "ApiResponses.h"
#include "HttpFrontend.h"
#include "HttpListener.h"
#include "RequestId.h"
#include "Router.h"
#include "AsyncReaders.h"
#include "ServerState.h"
#include "SystemRoutes.h"
#include "TlsFiles.h"
#include "async/Then.h"
#include "audit/AuditLog.h"
#include "auth/Authenticator.h"
#include "auth/OidcKeyProvider.h"
#include "db/ConnectionRegistry.h"
#include "limits/ConcurrencyLimiter.h"
#include "limits/RateLimiter.h"
#include "log/Categories.h"
#include "metrics/ApiMetrics.h"
#include "monitor/HealthMonitor.h"
#include "rest/RestRoutes.h"
#include "v1/OpenApiRoutes.h"
#include "v1/SearchRoutes.h"
#include "v1/TransactionRoutes.h"
#include "v1/CatalogRoutes.h"
#include "v1/MigrationRoutes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QPromise>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace tw::http {

class ApiServerPrivate
{
public:
    ApiServer *q = nullptr;
    ServerState state;
    Router router;
    std::unique_ptr<metrics::ApiMetrics> metrics;
    std::unique_ptr<audit::AuditLog> audit;
    std::unique_ptr<limits::RateLimiter> rate;
    std::unique_ptr<limits::ConcurrencyLimiter> concurrency;
    QPointer<monitor::HealthMonitor> health;
    std::unique_ptr<monitor::HealthMonitor> ownHealth;
    auth::OidcKeyProvider *keys = nullptr;      // child of q
    auth::Authenticator *authenticator = nullptr; // child of q
    HttpListener *listener = nullptr;           // child of frontend
    HttpFrontend *frontend = nullptr;           // child of q
    QUrl baseUrl;
    int inFlight = 0;
    // Which start() a request belongs to: answers of requests cut off by a
    // stop (or left over from before a restart) must not touch the counts,
    // metrics and promises of the server that runs now.
    quint64 generation = 0;
    QMap<int, quint64> counts;
    std::shared_ptr<QPromise<void>> stopping;

    void dispatch(HttpConnection *connection, quint64 slot, HttpRequest request);
    void authorize(QPointer<HttpConnection> connection, quint64 slot, HttpRequest request, const Route *route);
    void authorized(QPointer<HttpConnection> connection, quint64 slot, HttpRequest request, const Route *route,
                    const auth::AuthOutcome &outcome);
    void run(QPointer<HttpConnection> connection, quint64 slot, HttpRequest request, const Route *route,
             std::optional<auth::Identity> identity, limits::ConcurrencyLimiter::Permit permit);
    void finish(QPointer<HttpConnection> connection, quint64 slot, const HttpRequest &request, const QString &route,
                HttpResponse response, const auth::Identity *identity, const QString &denial = {});
    void refused(int status, const QString &reason, const QHostAddress &peer);
    void settleStop();
};

namespace {

// A request stopped by its client's leaving: not a server error in the log,
// the metrics or the audit (nginx's 499), and never written anywhere.
HttpResponse clientClosedResponse()
{
    HttpResponse response = errorResponse(499, QStringLiteral("CLIENT_CLOSED"),
                                          QStringLiteral("the client closed the connection before the answer"));
    response.auditReason = QStringLiteral("client went away");
    return response;
}

QString defaultAuditPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit.jsonl");
}

} // namespace

ApiServer::ApiServer(db::ConnectionRegistry *registry, monitor::HealthMonitor *health, QObject *parent)
    : QObject(parent), d(std::make_unique<ApiServerPrivate>())
{
    qRegisterMetaType<tw::http::RequestLogEntry>();
    d->q = this;
    d->state.registry = registry;
    d->health = health;
}

ApiServer::~ApiServer()
{
    // While the state its fallbacks use is still whole.
    delete d->state.asyncReaders;
    d->state.asyncReaders = nullptr;
    // Continuations still pending hold QPointers to connections, which die
    // with the frontend below; none touches d afterwards (context = this).
    delete d->frontend;
    d->frontend = nullptr;
}

Status ApiServer::start(const config::AppConfig &config, std::optional<config::ListenAddress> listen)
{
    if (isListening())
        return Error(ErrorCode::ValidationFailed, QStringLiteral("the API server is already listening on %1").arg(baseUrl().toString()));
    if (d->stopping)
        return Error(ErrorCode::ValidationFailed, QStringLiteral("the API server is still stopping"));
    const config::ApiSettings &api = config.api;
    const config::ListenAddress address = listen.value_or(config::ListenAddress{api.listenAddress, api.port});

    std::optional<QSslConfiguration> tls;
    if (Status loaded = loadTlsConfiguration(api, &tls); !loaded)
        return loaded;

    auto audit = std::make_unique<audit::AuditLog>();
    const QString auditPath = api.auditLog.isEmpty() ? defaultAuditPath() : api.auditLog;
    QDir().mkpath(QFileInfo(auditPath).absolutePath());
    if (Status opened = audit->open(auditPath); !opened)
        return Error(ErrorCode::ConfigInvalid, QStringLiteral("api.audit_log: %1").arg(opened.error().message()));

    // Everything a previous start() left is replaced.
    delete d->frontend;
    d->frontend = nullptr;
    delete d->authenticator;
    d->authenticator = nullptr;
    delete d->keys;
    d->keys = nullptr;
    d->router = Router();
    d->counts.clear();
    ++d->generation;
    d->inFlight = 0;

    d->audit = std::move(audit);
    d->metrics = std::make_unique<metrics::ApiMetrics>();
    d->rate = std::make_unique<limits::RateLimiter>(
        limits::RateLimiter::Settings{double(api.limits.requestsPerSecond), double(api.limits.burst), 100000});
    d->concurrency = std::make_unique<limits::ConcurrencyLimiter>(api.limits.maxConcurrent);
    if (!d->health) {
        d->ownHealth = std::make_unique<monitor::HealthMonitor>(d->state.registry);
        d->health = d->ownHealth.get();
        d->ownHealth->start(config.monitoring.intervalMs);
        d->ownHealth->probeAll();
    }
    // The GUI opens connections on demand; the API serves every configured one.
    if (d->state.registry) {
        for (const auto &profile : config.connections) {
            if (!d->state.registry->pool(profile.name))
                d->state.registry->open(profile);
        }
    }
    // PostgreSQL reads leave from this thread (AsyncReaders); closed on stop.
    d->state.asyncReaders = new AsyncReaders(d->state.registry, api.limits.statementTimeoutMs, this);
    d->metrics->watchPools(d->state.registry, d->state.asyncReaders);
    d->metrics->watchHealth(d->health);

    if (!api.oidc.issuer.isEmpty()) {
        d->keys = new auth::OidcKeyProvider(api.oidc.issuer, this);
        auth::ValidationOptions options;
        options.issuer = api.oidc.issuer;
        options.audience = api.oidc.audience;
        options.algorithms = api.oidc.algorithms;
        options.leewaySeconds = api.oidc.leewaySeconds;
        options.acceptedTypes = api.oidc.tokenTypes;
        d->authenticator = new auth::Authenticator(d->keys, options, api.oidc.rolesClaim, this);
        connect(d->keys, &auth::OidcKeyProvider::keysRefreshed, this, &ApiServer::authStateChanged);
        d->keys->start();
    }

    d->state.health = d->health;
    d->state.keys = d->keys;
    d->state.metrics = d->metrics.get();
    d->state.audit = d->audit.get();
    d->state.config = config;
    d->state.policy = Policy(api.policy);
    d->state.startedAt = QDateTime::currentDateTimeUtc();
    addSystemRoutes(d->router, d->state, this);
    addRestRoutes(d->router, d->state, this);
    addMigrationRoutes(d->router, d->state, this);
    addTransactionRoutes(d->router, d->state, this);
    addOpenApiRoutes(d->router, d->state, this);
    addSearchRoutes(d->router, d->state, this);
    addCatalogRoutes(d->router, d->state, this);

    FrameLimits limits;
    limits.maxHeaderBytes = api.limits.maxHeaderBytes;
    limits.maxUrlBytes = api.limits.maxUrlBytes;
    limits.maxBodyBytes = api.limits.maxBodyBytes;
    d->frontend = new HttpFrontend([p = d.get()](HttpConnection *c, quint64 slot, HttpRequest r) {
        p->dispatch(c, slot, std::move(r));
    }, this);
    d->listener = new HttpListener(limits, tls, d->frontend);
    connect(d->listener, &HttpListener::acceptError, this, [](QAbstractSocket::SocketError) {
        qCWarning(lcHttp) << "accepting a connection failed";
    });
    if (!d->listener->listen(QHostAddress(address.host), quint16(address.port))) {
        const QString why = d->listener->errorString();
        delete d->frontend;
        d->frontend = nullptr;
        d->listener = nullptr;
        return Error(ErrorCode::ValidationFailed, QStringLiteral("cannot listen on %1: %2").arg(address.toString(), why));
    }
    d->frontend->bind(d->listener);
    connect(d->listener, &HttpListener::refused, this, [p = d.get()](int status, const QString &reason, const QHostAddress &peer) {
        p->refused(status, reason, peer);
    });

    const config::ListenAddress bound{address.host, d->listener->serverPort()};
    // A wildcard address is not one to connect to: the base URL names loopback instead.
    config::ListenAddress reachable = bound;
    if (QHostAddress(bound.host) == QHostAddress::AnyIPv4)
        reachable.host = QStringLiteral("127.0.0.1");
    else if (QHostAddress(bound.host) == QHostAddress::AnyIPv6 || QHostAddress(bound.host) == QHostAddress::Any)
        reachable.host = QStringLiteral("::1");
    d->baseUrl = QUrl(QStringLiteral("%1://%2").arg(tls ? QStringLiteral("https") : QStringLiteral("http"), reachable.toString()));
    if (!tls && !bound.isLoopback()) {
        qCWarning(lcHttp).noquote() << "listening on" << bound.toString()
                                    << "without TLS: bearer tokens and data travel in clear text (set api.tls)";
    }
    if (api.oidc.issuer.isEmpty())
        qCWarning(lcHttp) << "no OIDC issuer configured (api.oidc): every protected route answers 401";
    qCInfo(lcHttp).noquote() << "listening on" << d->baseUrl.toString();
    emit listeningChanged(true);
    return {};
}

QFuture<void> ApiServer::stop(int graceMs)
{
    if (d->stopping)
        return d->stopping->future();
    if (!isListening())
        return QtFuture::makeReadyFuture();
    d->listener->close();
    d->stopping = std::make_shared<QPromise<void>>();
    d->stopping->start();
    QFuture<void> done = d->stopping->future();
    for (HttpConnection *connection : d->listener->connections())
        connection->closeWhenIdle();
    QTimer::singleShot(std::max(0, graceMs), this, [this, promise = std::weak_ptr(d->stopping)] {
        if (promise.lock() != d->stopping || !d->stopping)
            return;
        if (d->inFlight > 0)
            qCWarning(lcHttp) << d->inFlight << "requests still running after the grace period are cut off";
        for (HttpConnection *connection : d->listener->connections())
            connection->socket()->abort();
        // Their answers, when they come, belong to a server that is gone.
        ++d->generation;
        d->inFlight = 0;
        d->settleStop();
    });
    d->settleStop();
    return done;
}

void ApiServerPrivate::settleStop()
{
    if (!stopping || inFlight > 0)
        return;
    auto promise = std::move(stopping);
    stopping.reset();
    listener->close();
    // The last answers may still sit in the sockets' write buffers (a
    // QTcpSocket writes from the event loop): push them to the kernel now,
    // or deleting the sockets (or exiting) drops them and the client sees a
    // reset instead of its answer.
    for (HttpConnection *connection : listener->connections())
        connection->socket()->flush();
    frontend->deleteLater(); // sockets, guards and listener go with it
    frontend = nullptr;
    if (state.asyncReaders)
        state.asyncReaders->deleteLater();
    state.asyncReaders = nullptr;
    listener = nullptr;
    baseUrl.clear();
    qCInfo(lcHttp) << "stopped";
    promise->finish();
    emit q->listeningChanged(false);
}

void ApiServerPrivate::refused(int status, const QString &reason, const QHostAddress &peer)
{
    // Refused by the connection guard before any route saw it.
    ++counts[status];
    metrics->requestStarted();
    metrics->requestFinished(QStringLiteral("unmatched"), QStringLiteral("-"), status, 0);
    audit::AuditRecord record;
    record.operation = QStringLiteral("request");
    record.status = status;
    record.route = QStringLiteral("unmatched");
    record.reason = QStringLiteral("%1 (from %2)").arg(reason, peer.toString());
    audit->write(record);
    emit q->requestFinished(RequestLogEntry{QDateTime::currentDateTimeUtc(), QString(), QStringLiteral("-"), QString(),
                                            QStringLiteral("unmatched"), status, 0, QString()});
}

void ApiServerPrivate::dispatch(HttpConnection *connection, quint64 slot, HttpRequest request)
{
    request.requestId = requestIdFor(request);
    request.generation = generation;
    ++inFlight;
    metrics->requestStarted();
    const QPointer<HttpConnection> guard(connection);
    if (stopping) {
        finish(guard, slot, request, QStringLiteral("unmatched"),
               errorResponse(503, QStringLiteral("SHUTTING_DOWN"), QStringLiteral("the server is shutting down"))
                   .withHeader("Retry-After", "1"),
               nullptr);
        return;
    }
    const auto matched = router.match(request.method, QString::fromLatin1(request.path.toLatin1()));
    if (std::holds_alternative<Router::NotFound>(matched)) {
        finish(guard, slot, request, QStringLiteral("unmatched"),
               errorResponse(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no such route: %1").arg(request.path)), nullptr);
        return;
    }
    if (const auto *refused = std::get_if<Router::MethodNotAllowed>(&matched)) {
        finish(guard, slot, request, QStringLiteral("unmatched"),
               errorResponse(405, QStringLiteral("METHOD_NOT_ALLOWED"),
                             QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(request.method)))
                   .withHeader("Allow", refused->allow.join(", ")),
               nullptr);
        return;
    }
    const auto &match = std::get<Router::Match>(matched);
    request.params = match.params;
    const bool needsToken = match.route->access == Access::Authenticated
                            || (match.route->access == Access::Metrics && !state.config.api.metricsPublic);
    if (!needsToken) {
        run(guard, slot, std::move(request), match.route, std::nullopt, {});
        return;
    }
    authorize(guard, slot, std::move(request), match.route);
}

void ApiServerPrivate::authorize(QPointer<HttpConnection> connection, quint64 slot, HttpRequest request, const Route *route)
{
    if (!authenticator) {
        auth::AuthFailure failure{401, QStringLiteral("invalid_token"),
                                  QStringLiteral("no token issuer is configured on this server"), QStringLiteral("no_issuer")};
        metrics->authFailure(failure.reason);
        finish(connection, slot, request, route->pattern, authFailureResponse(failure), nullptr, failure.reason);
        return;
    }
    int authorizations = 0;
    for (const auto &[name, value] : request.headers)
        authorizations += name == "authorization" ? 1 : 0;
    if (authorizations > 1) {
        // Two credentials: which one a proxy checked and which one we read could differ.
        auth::AuthFailure failure{400, QStringLiteral("invalid_request"), QStringLiteral("more than one Authorization header"),
                                  QStringLiteral("malformed")};
        metrics->authFailure(failure.reason);
        finish(connection, slot, request, route->pattern, authFailureResponse(failure), nullptr, failure.reason);
        return;
    }
    const QByteArray header = request.header("authorization");
    QFuture<auth::AuthOutcome> outcome = authenticator->authenticate(header);
    // A token seen before is checked at once (the cache): onFinished goes on
    // before it returns, without a trip through the event queue.
    async::onFinished(outcome, q, [this, outcome, connection, slot, request = std::move(request), route]() mutable {
        if (!outcome.isCanceled()) {
            authorized(connection, slot, std::move(request), route, outcome.result());
            return;
        }
        // The authenticator went away (a restart) before the token was checked.
        finish(connection, slot, request, route->pattern,
               errorResponse(503, QStringLiteral("SHUTTING_DOWN"), QStringLiteral("the server restarted")).withHeader("Retry-After", "1"),
               nullptr);
    });
}

void ApiServerPrivate::authorized(QPointer<HttpConnection> connection, quint64 slot, HttpRequest request,
                                  const Route *route, const auth::AuthOutcome &outcome)
{
    if (const auto *failure = std::get_if<auth::AuthFailure>(&outcome)) {
        metrics->authFailure(failure->reason);
        finish(connection, slot, request, route->pattern, authFailureResponse(*failure), nullptr, failure->reason);
        return;
    }
    const auto &identity = std::get<auth::Identity>(outcome);
    const auto decision = rate->take(identity.subject, limits::RateLimiter::Clock::now());
    if (!decision.allowed) {
        metrics->rateLimited();
        finish(connection, slot, request, route->pattern,
               errorResponse(429, QStringLiteral("RATE_LIMITED"),
                             QStringLiteral("too many requests: at most %1 per second (burst %2)")
                                 .arg(state.config.api.limits.requestsPerSecond)
                                 .arg(state.config.api.limits.burst))
                   .withHeader("Retry-After", QByteArray::number(decision.retryAfterSeconds)),
               &identity, QStringLiteral("rate_limited"));
        return;
    }
    auto permit = concurrency->tryAcquire(identity.subject);
    if (!permit) {
        metrics->rateLimited();
        finish(connection, slot, request, route->pattern,
               errorResponse(429, QStringLiteral("TOO_MANY_CONCURRENT"),
                             QStringLiteral("at most %1 requests in flight per caller").arg(state.config.api.limits.maxConcurrent))
                   .withHeader("Retry-After", "1"),
               &identity, QStringLiteral("concurrency_limited"));
        return;
    }
    run(connection, slot, std::move(request), route, identity, std::move(permit));
}

void ApiServerPrivate::run(QPointer<HttpConnection> connection, quint64 slot, HttpRequest request, const Route *route,
                           std::optional<auth::Identity> identity, limits::ConcurrencyLimiter::Permit permit)
{
    auto who = std::make_shared<std::optional<auth::Identity>>(std::move(identity));
    auto held = std::make_shared<limits::ConcurrencyLimiter::Permit>(std::move(permit));
    // A client that closes its connection before the answer cancels what
    // the handler started (its pool job and running statement).
    auto cancel = std::make_shared<RequestCancel>();
    auto watch = std::make_shared<QMetaObject::Connection>();
    if (connection)
        *watch = QObject::connect(connection, &QObject::destroyed, q, [cancel] { cancel->cancel(); });
    else
        cancel->cancel();
    // Answered (or given up): the client's leaving no longer matters.
    const auto stopWatching = [cancel, watch] {
        QObject::disconnect(*watch);
        cancel->forget();
    };
    RequestContext context{request, who->has_value() ? &**who : nullptr, cancel};
    QFuture<HttpResponse> pending;
    try {
        pending = route->handler(context);
    } catch (...) {
        pending = answer(errorResponse(Error(ErrorCode::Internal, QStringLiteral("the request failed unexpectedly"))));
    }
    const QString pattern = route->pattern;
    auto done = std::make_shared<bool>(false);
    auto complete = [this, connection, slot, request, pattern, who, held, done, cancel, stopWatching](QFuture<HttpResponse> f) {
        stopWatching();
        HttpResponse response;
        try {
            response = f.result();
        } catch (...) {
            response = errorResponse(Error(ErrorCode::Internal, QStringLiteral("the request failed unexpectedly")));
        }
        *done = true;
        held->release();
        if (cancel->cancelled() && (response.status >= 500 || response.status == 408))
            response = clientClosedResponse();
        // A handler's own reason (response.auditReason) says more than "denied".
        const bool denied = (response.status == 401 || response.status == 403) && response.auditReason.isEmpty();
        finish(connection, slot, request, pattern, std::move(response), who->has_value() ? &**who : nullptr,
               denied ? QStringLiteral("denied") : QString());
    };
    // An answer known at once (a refusal, a parse error) is sent before
    // onFinished returns, without a trip through the event queue.
    async::onFinished(pending, q, [this, pending, complete, connection, slot, request, pattern, who, held, done, stopWatching, cancel] {
        if (!pending.isCanceled() || pending.resultCount() > 0) {
            complete(pending);
            return;
        }
        if (*done)
            return;
        stopWatching();
        held->release();
        finish(connection, slot, request, pattern,
               cancel->cancelled() ? clientClosedResponse()
                                   : errorResponse(Error(ErrorCode::QueryCancelled, QStringLiteral("the request was cancelled"))),
               who->has_value() ? &**who : nullptr);
    });
}

void ApiServerPrivate::finish(QPointer<HttpConnection> connection, quint64 slot, const HttpRequest &request,
                              const QString &route, HttpResponse response, const auth::Identity *identity,
                              const QString &denial)
{
    if (request.method == "HEAD") {
        response.withHeader("Content-Length", QByteArray::number(response.body.size()));
        response.body.clear();
    }
    const int status = response.status;
    const QString auditReason = response.auditReason;
    const QString auditOperation = response.auditOperation;
    const QJsonArray auditKeys = response.auditKeys;
    const std::optional<qint64> auditKeyCount = response.auditKeyCount;
    if (connection)
        connection->respond(slot, response, request.requestId);
    if (request.generation != generation)
        return; // cut off by a stop, or from before a restart
    const double ms = request.received.nsecsElapsed() / 1e6;
    ++counts[status];
    metrics->requestFinished(route, QString::fromLatin1(request.method), status, ms / 1000.0);

    RequestLogEntry entry{QDateTime::currentDateTimeUtc().addMSecs(-qint64(ms)), request.requestId,
                          QString::fromLatin1(request.method), request.path, route, status, ms,
                          identity ? identity->subject : QString()};
    // The query string is left out: it may carry filter values.
    // One string, the text QDebug's "<<" chain made (space-separated), without a QDebug stream per request.
    if (lcHttp().isInfoEnabled()) {
        const QString line = entry.method + u' ' + entry.path + u' ' + QString::number(status) + u' '
                             + QString::number(ms, 'f', 1) + QLatin1String("ms ") + (entry.subject.isEmpty() ? QStringLiteral("-") : entry.subject)
                             + u' ' + entry.requestId;
        qCInfo(lcHttp, "%ls", qUtf16Printable(line));
    }
    if (!auditOperation.isEmpty() && denial.isEmpty()) {
        // Every write, done or failed, with the keys of the rows it touched.
        audit::AuditRecord record;
        record.requestId = request.requestId;
        record.subject = identity ? identity->subject : QString();
        record.clientId = identity ? identity->clientId : QString();
        record.roles = identity ? identity->roles : QStringList();
        record.connection = request.params.value(QStringLiteral("connection"));
        record.table = request.params.value(QStringLiteral("table"));
        record.operation = auditOperation;
        record.keys = auditKeys;
        record.keyCount = auditKeyCount;
        record.status = status;
        record.method = QString::fromLatin1(request.method);
        record.route = route;
        record.reason = auditReason;
        audit->write(record);
    } else if (!denial.isEmpty() || !auditReason.isEmpty() || status == 401 || status == 403 || status == 429) {
        audit::AuditRecord record;
        record.requestId = request.requestId;
        record.subject = identity ? identity->subject : QString();
        record.clientId = identity ? identity->clientId : QString();
        record.roles = identity ? identity->roles : QStringList();
        record.connection = request.params.value(QStringLiteral("connection"));
        record.table = request.params.value(QStringLiteral("table"));
        record.operation = QStringLiteral("request");
        record.status = status;
        record.method = QString::fromLatin1(request.method);
        record.route = route;
        record.reason = !denial.isEmpty() ? denial : !auditReason.isEmpty() ? auditReason : QStringLiteral("denied");
        audit->write(record);
    }
    emit q->requestFinished(entry);
    --inFlight;
    settleStop();
}

bool ApiServer::isListening() const
{
    return d->listener && d->listener->isListening();
}

QUrl ApiServer::baseUrl() const
{
    return d->baseUrl;
}

int ApiServer::inFlight() const
{
    return d->inFlight;
}

QMap<int, quint64> ApiServer::statusCounts() const
{
    return d->counts;
}

bool ApiServer::authReady() const
{
    return d->keys && d->keys->ready();
}

QString ApiServer::authProblem() const
{
    if (!d->keys)
        return QStringLiteral("no OIDC issuer configured (api.oidc.issuer)");
    return d->keys->problem();
}

const Policy &ApiServer::policy() const
{
    return d->state.policy;
}

QStringList ApiServer::connectionNames() const
{
    QStringList names;
    for (const auto &profile : d->state.config.connections)
        names << profile.name;
    return names;
}

QByteArray ApiServer::metricsText() const
{
    return d->metrics ? d->metrics->exposition() : QByteArray();
}

} // namespace tw::http

// The API server's limits and failure modes over real HTTP: rate and
// concurrency limits (429), oversized requests refused before they are
// buffered (413/414/431/411), a saturated pool answering 503 within its
// acquire timeout, pipelined answers kept in order, and an issuer that is
// down at start and comes back.
#include "ApiTestSupport.h"

#include "http/HttpListener.h"

#include <QThread>
#include <QtTest>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

// Occupies the only connection of a pool for `ms`.
QFuture<Result<int>> holdPool(db::ConnectionRegistry &registry, const QString &connection, int ms)
{
    return registry.pool(connection)->run([ms](db::Session &) -> Result<int> {
        QThread::msleep(ms);
        return 0;
    });
}

void singleConnectionPools(config::AppConfig &config)
{
    for (auto &profile : config.connections) {
        profile.pool.size = 1;
        profile.pool.overflow = 0;
        profile.pool.acquireTimeoutMs = 300;
    }
}

} // namespace

class TstApiLimits : public QObject
{
    Q_OBJECT

    OidcProvider m_provider{kAudience};
    QByteArray m_analyst;
    QByteArray m_dba;

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        QVERIFY2(m_provider.start({}, standardClients()), qPrintable(m_provider.lastError()));
        m_analyst = m_provider.fetchToken(QStringLiteral("analyst-app"), QStringLiteral("analyst-secret-123"));
        m_dba = m_provider.fetchToken(QStringLiteral("dba-app"), QStringLiteral("dba-secret-123"));
        QVERIFY(!m_analyst.isEmpty() && !m_dba.isEmpty());
    }

    void cleanupTestCase() { m_provider.stop(); }

    void rateLimitAnswers429PerSubject()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, [](config::AppConfig &c) {
            c.api.limits.requestsPerSecond = 1;
            c.api.limits.burst = 3;
        }));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_analyst).status, 200);
        const auto limited = httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_analyst);
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("retry-after").toInt() >= 1);
        QCOMPARE(limited.json().value(QStringLiteral("code")).toString(), QStringLiteral("RATE_LIMITED"));
        // Another caller has its own bucket; health is not limited.
        QCOMPARE(httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_dba).status, 200);
        QCOMPARE(httpCall(api.url(QStringLiteral("/api/v1/health"))).status, 200);
        QVERIFY(api.server->metricsText().contains("tablewright_http_rate_limited_total 1"));
    }

    void concurrencyCapAnswers429()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, [](config::AppConfig &c) {
            singleConnectionPools(c);
            c.connections[0].pool.acquireTimeoutMs = 3000;
            c.api.limits.maxConcurrent = 1;
        }));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        auto held = holdPool(*api.registry, QStringLiteral("main"), 800);
        // The first request waits for the pool; the second of the same caller is refused at once.
        QNetworkAccessManager network;
        QNetworkRequest first(api.url(QStringLiteral("/api/v1/connections/main")));
        first.setRawHeader("Authorization", "Bearer " + m_analyst);
        QNetworkReply *waiting = network.get(first);
        QTRY_COMPARE_WITH_TIMEOUT(api.server->inFlight(), 1, 5000);
        const auto refused = httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_analyst);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.json().value(QStringLiteral("code")).toString(), QStringLiteral("TOO_MANY_CONCURRENT"));
        QCOMPARE(httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_dba).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished(), 10000);
        QCOMPARE(waiting->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete waiting;
        QVERIFY(waitFor(held));
        // The permit was given back: the caller may call again.
        QCOMPARE(httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_analyst).status, 200);
    }

    void oversizedRequestsAreRefusedBeforeBuffering()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, [](config::AppConfig &c) {
            c.api.limits.maxBodyBytes = 1000;
            c.api.limits.maxHeaderBytes = 4096;
            c.api.limits.maxUrlBytes = 512;
        }));
        bool closed = false;
        QElapsedTimer clock;
        clock.start();
        // 100 MB announced, a few bytes sent: refused from the headers alone.
        QByteArray reply = rawExchange(api.port(), "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\nabc",
                                       5000, &closed);
        QCOMPARE(rawStatus(reply), 413);
        QVERIFY(closed);
        QVERIFY(clock.elapsed() < 3000);
        QVERIFY(reply.contains("\"message\":\"the request body is larger than 1000 bytes\""));

        reply = rawExchange(api.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(5000, 'f') + "\r\n\r\n");
        QCOMPARE(rawStatus(reply), 431);
        reply = rawExchange(api.port(), "GET /api/v1/health?q=" + QByteArray(600, 'q') + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(rawStatus(reply), 414);
        reply = rawExchange(api.port(), "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        QCOMPARE(rawStatus(reply), 411);
        reply = rawExchange(api.port(), "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
        QCOMPARE(rawStatus(reply), 400);
        // Within the limits the request reaches the router (405: health takes no POST).
        reply = rawExchange(api.port(), "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 900\r\n\r\n"
                                            + QByteArray(900, 'b'));
        QCOMPARE(rawStatus(reply), 405);
        // The server is still fine.
        QCOMPARE(httpCall(api.url(QStringLiteral("/api/v1/health"))).status, 200);
    }

    void ambiguousRequestsAreRefusedNotGuessed()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        // Bare LF line ends, folded and colon-less header lines, two Content-Lengths:
        // parsers disagree about these, so none is guessed at.
        QCOMPARE(rawStatus(rawExchange(api.port(), "GET /api/v1/health HTTP/1.1\nHost: x\n\n")), 400);
        QCOMPARE(rawStatus(rawExchange(api.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n")), 400);
        QCOMPARE(rawStatus(rawExchange(api.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nNOCOLON\r\n\r\n")), 400);
        QCOMPARE(rawStatus(rawExchange(api.port(), "GET /api/v1/health HTTP/1.1\r\nHost : x\r\n\r\n")), 400);
        QCOMPARE(rawStatus(rawExchange(api.port(),
                                       "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab")),
                 400);
        QCOMPARE(rawStatus(rawExchange(api.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n")), 417);
        // Two credentials: which one counts would depend on who reads them.
        const QByteArray raw = rawExchange(api.port(), "GET /api/v1/whoami HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_analyst
                                                           + "\r\nAuthorization: Bearer " + m_dba + "\r\nConnection: close\r\n\r\n");
        QCOMPARE(rawStatus(raw), 400);
        QVERIFY(raw.contains("error=\"invalid_request\""));
        // Every refusal is counted.
        QVERIFY(api.server->statusCounts().value(400) >= 5);
    }

    void expectContinueIsAnsweredAndPipeliningIsBounded()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience));
        const QByteArray reply = rawExchange(api.port(), "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                                                         "Content-Length: 3\r\nConnection: close\r\n\r\nabc");
        QVERIFY2(reply.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 405"), reply.constData());
        QByteArray many;
        for (int i = 0; i < 40; ++i)
            many += "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray answers = rawExchange(api.port(), many, 5000);
        QVERIFY2(answers.contains("HTTP/1.1 429"), answers.left(300).constData());
        QCOMPARE(httpCall(api.url(QStringLiteral("/api/v1/health"))).status, 200);
    }

    void connectionsPerClientAreCapped()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience));
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < http::HttpListener::kMaxConnectionsPerPeer; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, api.port());
        }
        // The server runs on this thread: let it accept them all.
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(idle.begin(), idle.end(),
                                             [](const auto &s) { return s->state() == QAbstractSocket::ConnectedState; }),
                                 10000);
        QTest::qWait(200);
        QCOMPARE(api.server->statusCounts().value(503), quint64(0));
        bool closed = false;
        const QByteArray refused = rawExchange(api.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 3000, &closed);
        QVERIFY(closed);
        QCOMPARE(rawStatus(refused), 0); // closed at once, nothing read
        QCOMPARE(api.server->statusCounts().value(503), quint64(1));
        idle.clear();
        QTRY_COMPARE_WITH_TIMEOUT(httpCall(api.url(QStringLiteral("/api/v1/health"))).status, 200, 5000);
    }

    void anonymousReadinessNamesNoServerDetails()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience));
        QFile::remove(api.config.connections.at(0).database); // main goes down
        api.registry->close(QStringLiteral("main"));
        QTRY_VERIFY_WITH_TIMEOUT(httpCall(api.url(QStringLiteral("/api/v1/ready"))).json().value(QStringLiteral("connections"))
                                     .toObject().value(QStringLiteral("main")).toObject().value(QStringLiteral("up")) == QJsonValue(false),
                                 10000);
        const auto ready = httpCall(api.url(QStringLiteral("/api/v1/ready")));
        QCOMPARE(ready.status, 503);
        QVERIFY2(!ready.body.contains(api.dir().toUtf8()), ready.body.constData());
    }

    void aSaturatedPoolAnswers503WithinItsAcquireTimeout()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, singleConnectionPools));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        auto held = holdPool(*api.registry, QStringLiteral("main"), 3000);
        const auto reply = httpCall(api.url(QStringLiteral("/api/v1/connections/main")), m_analyst);
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.json().value(QStringLiteral("code")).toString(), QStringLiteral("POOL_TIMEOUT"));
        QVERIFY(!reply.header("retry-after").isEmpty());
        QVERIFY2(reply.ms < 2000, qPrintable(QString::number(reply.ms)));
        // Meanwhile routes that need no pool keep answering.
        QCOMPARE(httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_analyst).status, 200);
        QVERIFY(waitFor(held));
    }

    void pipelinedAnswersKeepTheRequestOrder()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, singleConnectionPools));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        auto held = holdPool(*api.registry, QStringLiteral("main"), 2000);
        // The first request waits ~300 ms for the pool; the second is ready at once but must come second.
        const QByteArray both = "GET /api/v1/connections/main HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_analyst
                                + "\r\n\r\nGET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        const QByteArray reply = rawExchange(api.port(), both, 5000);
        const qsizetype first = reply.indexOf("HTTP/1.1 503");
        const qsizetype second = reply.indexOf("HTTP/1.1 200");
        QVERIFY2(first >= 0 && second > first, reply.constData());
        QVERIFY(waitFor(held));
    }

    void anIssuerDownAtStartIsPickedUpWhenItComesBack()
    {
        const int port = closedPort();
        const QString issuer = QStringLiteral("http://127.0.0.1:%1").arg(port);
        ApiFixture api;
        QVERIFY(api.setUp(issuer, kAudience));
        QTRY_VERIFY_WITH_TIMEOUT(!api.server->authProblem().isEmpty(), 10000);
        const auto notReady = httpCall(api.url(QStringLiteral("/api/v1/ready")));
        QCOMPARE(notReady.status, 503);
        QCOMPARE(notReady.json().value(QStringLiteral("auth")).toObject().value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(!notReady.json().value(QStringLiteral("auth")).toObject().value(QStringLiteral("problem")).toString().isEmpty());
        const auto unavailable = httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_analyst);
        QCOMPARE(unavailable.status, 503);
        QVERIFY(!unavailable.header("retry-after").isEmpty());

        OidcProvider late(kAudience);
        QVERIFY2(late.start({}, standardClients(), port), qPrintable(late.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(httpCall(api.url(QStringLiteral("/api/v1/ready"))).status, 200, 10000);
        const QByteArray token = late.fetchToken(QStringLiteral("analyst-app"), QStringLiteral("analyst-secret-123"));
        QCOMPARE(httpCall(api.url(QStringLiteral("/api/v1/whoami")), token).status, 200);
        late.stop();
    }
};

QTEST_GUILESS_MAIN(TstApiLimits)
#include "tst_api_limits.moc"

// The API server's limits and failure modes over real HTTP: rate and
// concurrency limits (429), oversized requests refused before they are
// buffered (413/414/431/411), a saturated pool answering 503 within its
// acquire timeout, pipelined answers kept in order, and an issuer that is
// down at start and comes back.
#include "ApiTestSupport.h"

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

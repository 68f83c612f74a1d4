// The API server against hostile or unlucky clients, from an adversarial
// review: request smuggling past the body limit (pipelining, colon-less
// header lines, bodies split across segments), stop() and start() racing
// requests in flight, an empty table list in the policy, and denials the
// policy hides as 404 still reaching the audit log.
#include "ApiTestSupport.h"
#include "config/ConfigLoader.h"
#include "http/rbac/Policy.h"

#include <QScopeGuard>
#include <QThread>

#include <csignal>
#include "RawHttpClient.h"

#include <QtTest>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

QFuture<Result<int>> holdPool(db::ConnectionRegistry &registry, const QString &connection, int ms)
{
    return registry.pool(connection)->run([ms](db::Session &) -> Result<int> {
        QThread::msleep(ms);
        return 0;
    });
}

// One pool connection, and a long acquire timeout so that a request waiting
// for the pool stays in flight for as long as the pool is held.
void slowSinglePools(config::AppConfig &config)
{
    for (auto &profile : config.connections) {
        profile.pool.size = 1;
        profile.pool.overflow = 0;
        profile.pool.acquireTimeoutMs = 10000;
    }
}

// A raw client that writes in stages, letting the (same-thread) server run in
// between.
using StagedClient = tw::test::RawHttpClient;

QByteArray padded(const QByteArray &head, qsizetype total)
{
    QByteArray out = head + "X-Pad: ";
    out += QByteArray(total - out.size() - 4, 'p');
    return out + "\r\n\r\n";
}

QNetworkReply *startCall(const QUrl &url, const QByteArray &token)
{
    static QNetworkAccessManager *network = new QNetworkAccessManager;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Authorization", "Bearer " + token);
    return network->get(request);
}

} // namespace

class TstApiHardening : public QObject
{
    Q_OBJECT

    OidcProvider m_provider{kAudience};
    QByteArray m_analyst;

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        QVERIFY2(m_provider.start({}, standardClients()), qPrintable(m_provider.lastError()));
        m_analyst = m_provider.fetchToken(QStringLiteral("analyst-app"), QStringLiteral("analyst-secret-123"));
        QVERIFY(!m_analyst.isEmpty());
    }

    void cleanupTestCase() { m_provider.stop(); }

    void aConnectionHiddenByThePolicyIsAuditedAsADenial()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        const QByteArray nobody = m_provider.fetchToken(QStringLiteral("nobody-app"), QStringLiteral("nobody-secret-123"));
        QVERIFY(!nobody.isEmpty());
        const auto reply = httpCall(api.url(QStringLiteral("/api/v1/connections/main")), nobody);
        QCOMPARE(reply.status, 404);
        QFile audit(api.auditPath());
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QByteArray lines = audit.readAll();
        QVERIFY2(lines.contains("\"subject\":\"nobody-app\""), "the policy denial of nobody-app is not in the audit log");
    }

    void aRestartWaitsForARequestPendingOnAKeyRefetch()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        // Freeze the provider so the JWKS refetch hangs (until its 5 s transfer timeout).
        const pid_t provider = pid_t(m_provider.pid());
        QVERIFY(provider > 0);
        const ::test::TestKey key = ::test::TestKey::generateRsa();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray header = R"({"alg":"RS256","typ":"at+jwt","kid":"not-published"})";
        const QByteArray claims = "{\"iss\":\"" + m_provider.issuer().toUtf8() + "\",\"aud\":\"" + kAudience.toUtf8()
            + "\",\"sub\":\"x\",\"iat\":" + QByteArray::number(now) + ",\"exp\":" + QByteArray::number(now + 300) + "}";
        const QByteArray token = ::test::makeToken(header, claims, key, QStringLiteral("RS256"));
        ::kill(provider, SIGSTOP);
        const auto resume = qScopeGuard([provider] { ::kill(provider, SIGCONT); });
        QNetworkReply *reply = startCall(api.url(QStringLiteral("/api/v1/whoami")), token);
        QTRY_COMPARE(api.server->inFlight(), 1);
        const QFuture<void> stopped = api.server->stop(10000);
        QVERIFY(!api.server->start(api.config).ok()); // not while stopping
        ::kill(provider, SIGCONT);
        QVERIFY(waitFor(stopped, 15000));
        QCOMPARE(api.server->inFlight(), 0);
        QVERIFY(api.server->start(api.config).ok());
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        reply->deleteLater();
        QCOMPARE(api.server->inFlight(), 0);
    }

    void anEmptyTableListGrantsNoTable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tw.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("connections:\n  - name: main\n    driver: sqlite\n    file: " + dir.filePath(QStringLiteral("m.db")).toUtf8()
                   + "\napi:\n  policy:\n    - role: analyst\n      allow: [database:write]\n      connections: [main]\n"
                     "      tables: []\n");
        file.close();
        const auto loaded = config::loadConfigFile(path);
        if (loaded.ok()) {
            const http::Policy policy(loaded.value().api.policy);
            QVERIFY2(!policy.allows({QStringLiteral("analyst")}, http::Permission::Write, QStringLiteral("main"),
                                    QStringLiteral("main.payroll")),
                     "tables: [] grants database:write on every table");
        }
    }

    void aBodyOverTheLimitIsRefusedEvenAfterPipelining()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, [](config::AppConfig &c) { c.api.limits.maxBodyBytes = 65536; }));
        const qint64 big = 4 * 1024 * 1024; // 64 x the limit
        const QByteArray a = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
        const int m = 1000;
        const QByteArray c = "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(m) + "\r\n\r\n";
        const int l = 400;
        const QByteArray b = padded("POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(big) + "\r\n", l);
        const QByteArray phantom = padded("a b c\r\nContent-Length: " + QByteArray::number(l) + "\r\n", c.size());
        const QByteArray cBody = QByteArray(m - c.size(), 'f') + phantom;
        const QByteArray unit = "a b c\r\nX: " + QByteArray(4000, 'y') + "\r\n\r\n";

        StagedClient client;
        QVERIFY(client.connectTo(api.port()));
        client.send(a + c, 300);   // the guard frames A and C, then C's head again as "body"
        client.send(cBody, 300);   // its body window ends early: the phantom head declares l bytes
        client.send(b, 300);       // B's head (Content-Length 4 MiB) passes as the phantom's body
        QByteArray body;
        while (body.size() < big)
            body += unit;
        body.truncate(big);
        client.send(body, 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.statuses().size() >= 3 || client.closed, 15000);
        const QList<int> statuses = client.statuses();
        qInfo() << "answers:" << statuses;
        QVERIFY2(statuses.size() >= 3 && statuses.at(2) == 413,
                 "a 4 MiB body was buffered and handled although max_body_bytes is 64 KiB");
    }

    void aHeaderLineWithoutColonDoesNotHideTheNextRequest()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, [](config::AppConfig &c) { c.api.limits.maxBodyBytes = 65536; }));
        const qint64 big = 4 * 1024 * 1024;
        const int n = 300;
        const QByteArray r1 = "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nBADLINE\r\nContent-Length: " + QByteArray::number(n) + "\r\n\r\n";
        const QByteArray r2 = padded("POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(big) + "\r\n", n);
        const QByteArray unit = "a b c\r\nX: " + QByteArray(4000, 'y') + "\r\n\r\n";
        QByteArray body;
        while (body.size() < big)
            body += unit;
        body.truncate(big);
        StagedClient client;
        QVERIFY(client.connectTo(api.port()));
        client.send(r1, 300);
        client.send(r2, 300);
        client.send(body, 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.statuses().size() >= 2 || client.closed, 15000);
        qInfo() << "answers:" << client.statuses();
        QVERIFY2(client.statuses().mid(0, 2) != (QList<int>{405, 405}),
                 "a 4 MiB body was buffered and handled although max_body_bytes is 64 KiB");
    }

    void aPipelinedBodySplitAcrossSegmentsIsAnswered()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience));
        StagedClient client;
        QVERIFY(client.connectTo(api.port()));
        client.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
                    "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\n01234",
                    300);
        client.send("56789", 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(client.statuses(), (QList<int>{200, 405}));
    }

    void aSecondStopWaitsLikeTheFirst()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, slowSinglePools));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        auto held = holdPool(*api.registry, QStringLiteral("main"), 1500);
        QNetworkReply *reply = startCall(api.url(QStringLiteral("/api/v1/connections/main")), m_analyst);
        QTRY_COMPARE(api.server->inFlight(), 1);
        const QFuture<void> first = api.server->stop(10000);
        const QFuture<void> second = api.server->stop(10000);
        QVERIFY(!first.isFinished());
        QVERIFY2(!second.isFinished(), "the second stop() claims the server stopped while a request is in flight");
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QVERIFY(waitFor(held));
        reply->deleteLater();
    }

    void theInFlightCountSurvivesAGraceCutoff()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, slowSinglePools));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        auto held = holdPool(*api.registry, QStringLiteral("main"), 1000);
        QNetworkReply *cut = startCall(api.url(QStringLiteral("/api/v1/connections/main")), m_analyst);
        QTRY_COMPARE(api.server->inFlight(), 1);
        QVERIFY(waitFor(api.server->stop(100), 5000));
        QVERIFY(waitFor(held));
        QTest::qWait(500); // the cut-off request's probe finishes now
        QCOMPARE(api.server->inFlight(), 0);
        cut->deleteLater();
    }

    void aRestartedServerStillWaitsForItsRequests()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, slowSinglePools));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        auto held = holdPool(*api.registry, QStringLiteral("main"), 1000);
        QNetworkReply *cut = startCall(api.url(QStringLiteral("/api/v1/connections/main")), m_analyst);
        QTRY_COMPARE(api.server->inFlight(), 1);
        QVERIFY(waitFor(api.server->stop(100), 5000));
        QVERIFY(waitFor(held));
        QTest::qWait(500);
        cut->deleteLater();

        QVERIFY(api.server->start(api.config).ok());
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        auto heldAgain = holdPool(*api.registry, QStringLiteral("main"), 1000);
        QNetworkReply *reply = startCall(api.url(QStringLiteral("/api/v1/connections/main")), m_analyst);
        QTest::qWait(300); // dispatched, waiting for the pool
        const QFuture<void> stopped = api.server->stop(10000);
        QVERIFY2(!stopped.isFinished(), "stop() settled at once with a request in flight");
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(waitFor(heldAgain));
        reply->deleteLater();
    }

    void startWhileStoppingDoesNotCutOffOrCancel()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience, slowSinglePools));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        auto held = holdPool(*api.registry, QStringLiteral("main"), 1000);
        QNetworkReply *reply = startCall(api.url(QStringLiteral("/api/v1/connections/main")), m_analyst);
        QTRY_COMPARE(api.server->inFlight(), 1);
        const QFuture<void> stopped = api.server->stop(10000);
        const Status restarted = api.server->start(api.config);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QVERIFY(waitFor(held));
        QTest::qWait(500);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        QVERIFY(!restarted.ok());
        QVERIFY2(!stopped.isCanceled(), "the stop future was canceled by start()");
        QCOMPARE(status, 200);
        QVERIFY(!api.server->metricsText().contains("tablewright_http_requests_in_flight -1"));
    }
};

QTEST_GUILESS_MAIN(TstApiHardening)
#include "tst_api_hardening.moc"

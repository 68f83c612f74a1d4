// A client that closes its connection before the answer: what its request
// started in the database is cancelled instead of holding a pooled
// connection until the statement timeout (real HTTP, real OIDC tokens, a
// real SQLite file with a pool of one connection).
#include "ApiTestSupport.h"

#include <QTcpSocket>
#include <QtTest>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

const char *const kSetup = R"SQL(
CREATE TABLE orders (id INTEGER PRIMARY KEY, amount INTEGER);
INSERT INTO orders VALUES (1, 100), (2, 250);
CREATE VIEW slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) AS n FROM c;
)SQL";

} // namespace

class TstApiClientGone : public QObject
{
    Q_OBJECT

    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    std::unique_ptr<ApiFixture> m_api;
    QByteArray m_token;

    // Sends `request` on a raw connection, waits until the server has
    // started on it, and goes away without reading the answer.
    void sendAndLeave(const QByteArray &request)
    {
        QTcpSocket socket;
        const QUrl base = m_api->url(QStringLiteral("/"));
        socket.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(request);
        QVERIFY(socket.waitForBytesWritten(5000));
        QTest::qWait(600); // the statement is running
        QCOMPARE(socket.bytesAvailable(), 0); // and has not answered
        socket.abort();
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        m_token = startProviderForClient(m_provider, m_rsa, QStringLiteral("dba-app"));
        QVERIFY2(!m_token.isEmpty(), qPrintable(m_provider.lastError()));
        m_api = std::make_unique<ApiFixture>();
        bool created = false;
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience, [&](config::AppConfig &config) {
            // Far longer than the test: only the client's leaving can stop the statement.
            config.api.limits.statementTimeoutMs = 60000;
            config.connections.first().pool.size = 1;
            config.connections.first().pool.overflow = 0;
            created = runSqliteScript(config.connections.first().database, kSetup);
        }));
        QVERIFY(created);
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
        // The token is checked once here, so the slow request below starts at once.
        QCOMPARE(httpCall(m_api->url(QStringLiteral("/rest/main/orders?id=eq.1")), m_token).status, 200);
    }

    void cleanupTestCase() { m_api.reset(); }

    void aReadWhoseClientLeftIsCancelled()
    {
        const quint64 closedBefore = m_api->server->statusCounts().value(499);
        const quint64 failedBefore = m_api->server->statusCounts().value(500);
        sendAndLeave("GET /rest/main/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token + "\r\n\r\n");
        // The pool's only connection is free again: the next request does not
        // wait for the billion-row view (60 s) nor time out waiting for it (5 s).
        const HttpReply next = httpCall(m_api->url(QStringLiteral("/rest/main/orders?id=eq.2")), m_token);
        QCOMPARE(next.status, 200);
        QVERIFY2(next.ms < 4000, qPrintable(QString::number(next.ms)));
        QCOMPARE(next.body, QByteArray(R"([{"id":2,"amount":250}])"));
        // Counted as the client's doing (499), not as a server error.
        QTRY_COMPARE(m_api->server->statusCounts().value(499), closedBefore + 1);
        QCOMPARE(m_api->server->statusCounts().value(500), failedBefore);
    }

    // Leaving at once, before the job has even started its statement, over
    // and over: no cancel is lost between the queue and the statement.
    void clientsLeavingAtOnceAlwaysFreeThePool()
    {
        const QByteArray request = "GET /rest/main/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token + "\r\n\r\n";
        const QUrl base = m_api->url(QStringLiteral("/"));
        const quint64 timedOutBefore = m_api->server->statusCounts().value(408);
        const quint64 failedBefore = m_api->server->statusCounts().value(500);
        for (int i = 0; i < 40; ++i) {
            QTcpSocket socket;
            socket.connectToHost(base.host(), quint16(base.port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write(request);
            QVERIFY(socket.waitForBytesWritten(5000));
            QTest::qWait(i % 5); // 0–4 ms: the request is parsed, queued or just starting
            socket.abort();
            const HttpReply next = httpCall(m_api->url(QStringLiteral("/rest/main/orders?id=eq.1")), m_token);
            QVERIFY2(next.status == 200 && next.ms < 4000,
                     qPrintable(QStringLiteral("round %1: %2 after %3 ms").arg(i).arg(next.status).arg(next.ms)));
        }
        // However early each left (its job cancelled while still queued, or
        // running), none is counted as the server's timeout or failure.
        QCOMPARE(m_api->server->statusCounts().value(408), timedOutBefore);
        QCOMPARE(m_api->server->statusCounts().value(500), failedBefore);
    }

    void aPipelinedClientThatLeavesCancelsEveryRequest()
    {
        const QByteArray one = "GET /rest/main/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token + "\r\n\r\n";
        sendAndLeave(one + one + one);
        const HttpReply next = httpCall(m_api->url(QStringLiteral("/rest/main/orders?id=eq.1")), m_token);
        QCOMPARE(next.status, 200);
        QVERIFY2(next.ms < 4000, qPrintable(QString::number(next.ms)));
    }

    void aClientThatStaysGetsItsAnswer()
    {
        const HttpReply reply = httpCall(m_api->url(QStringLiteral("/rest/main/orders?select=id&order=id")), m_token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, QByteArray(R"([{"id":1},{"id":2}])"));
    }
};

QTEST_MAIN(TstApiClientGone)
#include "tst_api_client_gone.moc"

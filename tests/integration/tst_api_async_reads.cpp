// REST reads on PostgreSQL sent from the server's event loop over its own
// non-blocking connections (db::AsyncPgReader): they answer what the pool
// answers, survive their connections being killed, see a dropped column at
// once, stop on the server when their client leaves, and keep the
// statement timeout. Real HTTP, real OIDC tokens, a real PostgreSQL.
#include "ApiTestSupport.h"
#include "ScratchPostgres.h"
#include "db/DirectSession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");
const QString kConnection = QStringLiteral("pg");
constexpr char kReadsName[] = "tablewright api reads";

const char *const kSchema = R"SQL(
CREATE TABLE item (id integer PRIMARY KEY, name text, extra text);
INSERT INTO item VALUES (1, 'one', 'x'), (2, 'two', 'y'), (3, 'three', 'z');
-- pg_sleep(n) runs only for the rows the filter keeps.
CREATE SEQUENCE hits;
CREATE VIEW counter AS SELECT nextval('hits') AS n;
CREATE VIEW shortnap AS SELECT (SELECT pg_sleep(1)) IS NULL AS slept;
CREATE VIEW naps AS SELECT n, (SELECT pg_sleep(n)) IS NULL AS slept FROM (VALUES (0), (30)) AS v(n);
)SQL";

} // namespace

class TstApiAsyncReads : public QObject
{
    Q_OBJECT

    ScratchPostgres m_pg{QStringLiteral("tw_async_reads")};
    config::ConnectionProfile m_database;
    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    std::unique_ptr<ApiFixture> m_api;
    QByteArray m_token;

    HttpReply get(const QString &path) { return httpCall(m_api->url(QStringLiteral("/rest/pg/") + path), m_token); }

    // The first column of `sql`'s rows, on a connection of the test's own.
    QStringList query(const QString &sql)
    {
        auto direct = db::DirectSession::openPostgres(m_database);
        if (!direct)
            return {direct.error().toString()};
        QStringList out;
        const Status done = direct.value()->session().readRows(sql, [&out](const db::NativeRow &row) { out << row.text(0); });
        return done.ok() ? out : QStringList{done.error().toString()};
    }

    int readConnections()
    {
        return query(QStringLiteral("SELECT count(*)::text FROM pg_stat_activity WHERE application_name = '%1'"
                                    " AND datname = current_database()")
                         .arg(QLatin1String(kReadsName)))
            .value(0)
            .toInt();
    }

    QJsonObject apiReads()
    {
        const HttpReply reply = httpCall(m_api->url(QStringLiteral("/api/v1/connections/pg/stats")), m_token);
        return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("apiReads")).toObject();
    }

    // One sample of the Prometheus text, or -1 when it is not there.
    double metric(const QByteArray &series)
    {
        for (const QByteArray &line : m_api->server->metricsText().split('\n')) {
            if (line.startsWith(series + ' '))
                return line.mid(series.size() + 1).toDouble();
        }
        return -1;
    }

    // A GET written by hand on `socket`, whose answer the test reads (or not) itself.
    bool sendGet(QTcpSocket &socket, const QByteArray &path)
    {
        const QUrl base = m_api->url(QStringLiteral("/"));
        socket.connectToHost(base.host(), quint16(base.port()));
        if (!socket.waitForConnected(5000))
            return false;
        socket.write("GET /rest/pg/" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token + "\r\n\r\n");
        return socket.waitForBytesWritten(5000);
    }

    // Statements naming `view` running now on the server's read connections.
    QString runningReads(const QString &view)
    {
        return query(QStringLiteral("SELECT count(*)::text FROM pg_stat_activity WHERE state = 'active'"
                                    " AND query LIKE '%%1%' AND application_name = '%2'")
                         .arg(view, QLatin1String(kReadsName)))
            .value(0);
    }

    // Reads until the server's own read connections are open (the first
    // reads go through the pool while they connect).
    bool warmUp(const QString &path)
    {
        for (int i = 0; i < 100; ++i) {
            if (get(path).status != 200)
                return false;
            if (readConnections() > 0) {
                QTest::qWait(50);
                return get(path).status == 200;
            }
            QTest::qWait(20);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), QStringLiteral("PostgreSQL (TW_TEST_PG_PORT)"));
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        m_database = m_pg.createDatabase();
        QVERIFY(!m_database.database.isEmpty());
        const Status loaded = runScript(m_database, QString::fromUtf8(kSchema));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        m_token = startProviderForClient(m_provider, m_rsa, QStringLiteral("dba-app"));
        QVERIFY2(!m_token.isEmpty(), qPrintable(m_provider.lastError()));
        m_api = std::make_unique<ApiFixture>();
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience, [&](config::AppConfig &config) {
            config::ConnectionProfile pg = m_database;
            pg.name = kConnection;
            pg.pool.size = 3;
            config.connections = {pg};
            config.api.limits.statementTimeoutMs = 4000;
            config.api.limits.requestsPerSecond = 100000;
            config.api.limits.burst = 100000;
        }));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
        QVERIFY(warmUp(QStringLiteral("item?id=eq.1")));
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_provider.stop();
        m_pg.dropAll();
    }

    void readsRunOnTheServersOwnConnections()
    {
        const HttpReply one = get(QStringLiteral("item?id=eq.2&select=id,name"));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.body, QByteArray(R"([{"id":2,"name":"two"}])"));
        const HttpReply all = get(QStringLiteral("item?select=id&order=id.desc"));
        QCOMPARE(all.body, QByteArray("[{\"id\":3}, \n {\"id\":2}, \n {\"id\":1}]")); // as json_agg renders it
        // No more of them than the pool has connections.
        QVERIFY(readConnections() >= 1);
        QVERIFY(readConnections() <= 3);
    }

    // /stats and /metrics count these connections and their reads beside the pool's.
    void statsAndMetricsCountThem()
    {
        const QJsonObject before = apiReads();
        QCOMPARE(before.value(QStringLiteral("size")).toInt(), 3);
        QCOMPARE(before.value(QStringLiteral("open")).toInt(), readConnections());
        QCOMPARE(before.value(QStringLiteral("busy")).toInt(), 0);
        QCOMPARE(before.value(QStringLiteral("queued")).toInt(), 0);
        const QByteArray ok = R"(tablewright_api_reads_total{connection="pg",outcome="ok"})";
        const double okBefore = metric(ok);
        QVERIFY2(okBefore >= before.value(QStringLiteral("reads")).toDouble() - before.value(QStringLiteral("errors")).toDouble(),
                 m_api->server->metricsText().constData());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(get(QStringLiteral("item?id=eq.3&select=name")).status, 200);
        const HttpReply bad = get(QStringLiteral("item?id=eq.abc")); // the server's error: 22P02
        QVERIFY2(bad.status == 400 && bad.body.contains("22P02"), bad.body.constData());
        const QJsonObject after = apiReads();
        QCOMPARE(after.value(QStringLiteral("reads")).toDouble(), before.value(QStringLiteral("reads")).toDouble() + 6);
        QCOMPARE(after.value(QStringLiteral("errors")).toDouble(), before.value(QStringLiteral("errors")).toDouble() + 1);
        QCOMPARE(metric(ok), okBefore + 5);
        QCOMPARE(metric(R"(tablewright_api_read_connections{connection="pg",state="idle"})"),
                 after.value(QStringLiteral("idle")).toDouble());
        QCOMPARE(metric(R"(tablewright_api_read_connections_opened_total{connection="pg"})"),
                 after.value(QStringLiteral("opened")).toDouble());
    }

    // A writable profile's reads are not made read-only here: a view that
    // takes a sequence value reads as it does through the pool.
    void readOnlyOnlyWhenTheProfileIs()
    {
        QVERIFY(warmUp(QStringLiteral("counter")));
        const HttpReply reply = get(QStringLiteral("counter"));
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.body.startsWith("[{\"n\":"), reply.body.constData());
    }

    // The server's side of every read connection goes away: the reads in
    // flight and those after are answered (through the pool meanwhile),
    // and the connections come back.
    void killedConnectionsAreReplaced()
    {
        QCOMPARE(query(QStringLiteral("SELECT count(pg_terminate_backend(pid))::text FROM pg_stat_activity"
                                      " WHERE application_name = '%1'")
                           .arg(QLatin1String(kReadsName)))
                     .value(0)
                     .toInt()
                     > 0,
                 true);
        for (int i = 0; i < 20; ++i) {
            const HttpReply reply = get(QStringLiteral("item?id=eq.1&select=name"));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.body, QByteArray(R"([{"name":"one"}])"));
        }
        QVERIFY(warmUp(QStringLiteral("item?id=eq.1")));
    }

    // A read whose connection dies under it is answered by the pool: its
    // client gets rows, and the statistics count it as handed over, not as
    // an error (an alert on the error rate would fire on every failover).
    void aReadLostWithItsConnectionIsNoError()
    {
        QVERIFY(warmUp(QStringLiteral("shortnap")));
        const QJsonObject before = apiReads();
        QTcpSocket socket;
        QVERIFY(sendGet(socket, "shortnap"));
        QTRY_COMPARE_WITH_TIMEOUT(runningReads(QStringLiteral("shortnap")), QStringLiteral("1"), 3000);
        query(QStringLiteral("SELECT count(pg_terminate_backend(pid))::text FROM pg_stat_activity WHERE application_name = '%1'")
                  .arg(QLatin1String(kReadsName)));
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        const QJsonObject after = apiReads();
        QCOMPARE(after.value(QStringLiteral("errors")).toDouble(), before.value(QStringLiteral("errors")).toDouble());
        QCOMPARE(after.value(QStringLiteral("handedToPool")).toDouble(), before.value(QStringLiteral("handedToPool")).toDouble() + 1);
        QCOMPARE(metric(R"(tablewright_api_reads_total{connection="pg",outcome="error"})"),
                 after.value(QStringLiteral("errors")).toDouble() - after.value(QStringLiteral("cancelled")).toDouble());
        QVERIFY(warmUp(QStringLiteral("item?id=eq.1")));
    }

    // A column dropped after its table's shape was cached: the read that
    // names it is refused as unknown, and select=* no longer shows it, at
    // once (the statement's error sends it back through a fresh describe).
    void aDroppedColumnIsSeenAtOnce()
    {
        QCOMPARE(get(QStringLiteral("item?id=eq.3")).body, QByteArray(R"([{"id":3,"name":"three","extra":"z"}])"));
        QVERIFY(runScript(m_database, QStringLiteral("ALTER TABLE item DROP COLUMN extra")).ok());
        const HttpReply star = get(QStringLiteral("item?id=eq.3"));
        QCOMPARE(star.status, 200);
        QCOMPARE(star.body, QByteArray(R"([{"id":3,"name":"three"}])"));
        const HttpReply named = get(QStringLiteral("item?id=eq.3&select=extra"));
        QCOMPARE(named.status, 400);
        QVERIFY2(named.body.contains("42703"), named.body.constData());
    }

    // The statement timeout is the server's own on these connections: the
    // same answer as the pool's deadline (500, PostgreSQL's 57014).
    void theStatementTimeoutHolds()
    {
        QVERIFY(warmUp(QStringLiteral("naps?n=eq.0")));
        const HttpReply slow = get(QStringLiteral("naps?n=eq.30"));
        QCOMPARE(slow.status, 500);
        QVERIFY2(slow.body.contains("57014"), slow.body.constData());
        QVERIFY2(slow.ms < 10000, qPrintable(QString::number(slow.ms)));
    }

    // A read whose client leaves stops on the server at once, not at the
    // statement timeout.
    void aReadWhoseClientLeftStopsOnTheServer()
    {
        QVERIFY(warmUp(QStringLiteral("naps?n=eq.0")));
        const quint64 closedBefore = m_api->server->statusCounts().value(499);
        const quint64 failedBefore = m_api->server->statusCounts().value(500);
        const double cancelledBefore = apiReads().value(QStringLiteral("cancelled")).toDouble();
        QTcpSocket socket;
        QVERIFY(sendGet(socket, "naps?n=eq.30"));
        QTRY_COMPARE_WITH_TIMEOUT(runningReads(QStringLiteral("naps")), QStringLiteral("1"), 3000);
        socket.abort();
        // Well before the 4 s statement timeout.
        QTRY_COMPARE_WITH_TIMEOUT(runningReads(QStringLiteral("naps")), QStringLiteral("0"), 2000);
        QCOMPARE(get(QStringLiteral("item?id=eq.1&select=id")).body, QByteArray(R"([{"id":1}])"));
        // Counted as the client's doing (499), not as a server error.
        QTRY_COMPARE(m_api->server->statusCounts().value(499), closedBefore + 1);
        QCOMPARE(m_api->server->statusCounts().value(500), failedBefore);
        QCOMPARE(apiReads().value(QStringLiteral("cancelled")).toDouble(), cancelledBefore + 1);
    }
};

QTEST_MAIN(TstApiAsyncReads)
#include "tst_api_async_reads.moc"

// The read-only /api/v1 resources (tables, one table's schema, the whole
// schema, stats) over real HTTP with tokens from the real OpenID provider,
// on a real PostgreSQL 15 and a real SQLite file: what each caller's policy
// lets it see, and that the schema route is the catalog snapshot itself.
#include "ApiTestSupport.h"
#include "ScratchPostgres.h"
#include "catalog/CatalogService.h"
#include "catalog/SnapshotJson.h"
#include "db/Session.h"

#include <QFile>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

const char *const kSqliteSetup = R"SQL(
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT CHECK (email LIKE '%@%'), city TEXT);
CREATE INDEX customers_email ON customers (email);
CREATE INDEX customers_city ON customers (city);
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London'), (2, 'Linus', 'linus@example.com', 'Helsinki');
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id), amount INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12) INSERT INTO orders SELECT i, 1 + i % 2, i * 10 FROM n;
CREATE TABLE order_items (order_id INTEGER REFERENCES orders (id), sku TEXT);
CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT);
INSERT INTO events VALUES (1, 'a'), (2, 'b');
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 50;
ANALYZE orders;
)SQL";

const QString kPostgresSetup = QStringLiteral(R"SQL(
CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text CHECK (email LIKE '%@%'), city text);
CREATE INDEX customers_email ON customers (lower(email));
CREATE INDEX customers_city ON customers (city);
INSERT INTO customers (name, email, city) VALUES ('Ada', 'ada@example.com', 'London'), ('Linus', 'linus@example.com', 'Helsinki');
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id), amount numeric(10,2));
INSERT INTO orders SELECT g, 1 + g % 2, g * 10 FROM generate_series(1, 12) g;
ANALYZE orders;
CREATE TABLE events (id int PRIMARY KEY, kind text);
INSERT INTO events VALUES (1, 'a');
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 50;
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id;
CREATE TABLE sales (id int, sold_on date) PARTITION BY RANGE (sold_on);
CREATE TABLE sales_2024 PARTITION OF sales FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE SCHEMA vault;
CREATE TABLE vault.secrets (id int PRIMARY KEY, secret text);
CREATE TABLE counter (id int);
)SQL");

// analyst: everything of "pg" in schema public, customers.email hidden.
// writer: orders and order_* only. auditor: a permission on the connections,
// but not database:read.
QList<config::PolicyRule> postgresRules()
{
    return {
        {QStringLiteral("analyst"), {QStringLiteral("database:read")}, {QStringLiteral("pg")}, {QStringLiteral("public.*")},
         {QStringLiteral("public.customers.email")}},
        {QStringLiteral("writer"), {QStringLiteral("database:read"), QStringLiteral("database:write")}, {QStringLiteral("pg")},
         {QStringLiteral("public.orders"), QStringLiteral("public.order_*")}, {}},
        {QStringLiteral("auditor"), {QStringLiteral("database:migrate")}, {QStringLiteral("main"), QStringLiteral("pg")}, {}, {}},
    };
}

QList<OidcClient> clients()
{
    QList<OidcClient> all = standardClients();
    all.append({QStringLiteral("auditor-app"), QStringLiteral("auditor-secret-123"), {QStringLiteral("auditor")}});
    return all;
}

QStringList tableNames(const QJsonObject &tables)
{
    QStringList names;
    for (const auto &t : tables.value(QStringLiteral("tables")).toArray())
        names << t.toObject().value(QStringLiteral("schema")).toString() + u'.' + t.toObject().value(QStringLiteral("name")).toString();
    return names;
}

QStringList relationNames(const QJsonObject &snapshot)
{
    QStringList names;
    for (const auto &r : snapshot.value(QStringLiteral("relations")).toArray())
        names << r.toObject().value(QStringLiteral("schema")).toString() + u'.' + r.toObject().value(QStringLiteral("name")).toString();
    return names;
}

QJsonObject tableEntry(const QJsonObject &tables, const QString &name)
{
    for (const auto &t : tables.value(QStringLiteral("tables")).toArray()) {
        if (t.toObject().value(QStringLiteral("name")).toString() == name)
            return t.toObject();
    }
    return {};
}

QStringList namesIn(const QJsonObject &relation, const QString &list)
{
    QStringList names;
    for (const auto &item : relation.value(list).toArray())
        names << item.toObject().value(QStringLiteral("name")).toString();
    return names;
}

// What changes between two loads of the same schema.
QJsonObject withoutLoadTimes(QJsonObject snapshot)
{
    snapshot.remove(QStringLiteral("loadedAt"));
    snapshot.remove(QStringLiteral("loadMs"));
    return snapshot;
}

} // namespace

class TstApiCatalog : public QObject
{
    Q_OBJECT

    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    ScratchPostgres m_pg{QStringLiteral("tw_api_catalog")};
    std::unique_ptr<ApiFixture> m_api;
    QHash<QString, QByteArray> m_tokens;

    HttpReply get(const QString &path, const QString &client = QStringLiteral("analyst-app"))
    {
        return httpCall(m_api->url(path), m_tokens.value(client));
    }

    static bool isError(const HttpReply &reply, const QString &code)
    {
        const QJsonObject error = reply.json();
        return error.keys() == QStringList{QStringLiteral("code"), QStringLiteral("details"), QStringLiteral("hint"),
                                           QStringLiteral("message")}
            && error.value(QStringLiteral("code")).toString() == code;
    }

    QJsonObject auditRecord(const QByteArray &requestId) const
    {
        return auditRecordsOf(m_api->auditPath(), requestId).value(0);
    }

    QJsonObject coreSnapshotJson(const QString &connection)
    {
        auto loaded = catalog::loadSnapshot(*m_api->registry, connection);
        if (!waitFor(loaded) || !loaded.result().ok())
            return {};
        return catalog::snapshotToJson(loaded.result().value());
    }

    QJsonObject stats(const QString &connection)
    {
        const auto reply = get(QStringLiteral("/api/v1/connections/%1/stats").arg(connection));
        if (reply.status != 200)
            qWarning() << reply.status << reply.body;
        return reply.json();
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        QVERIFY2(m_provider.start(QJsonArray{m_rsa.privateJwk(QStringLiteral("rsa-1"))}, clients()),
                 qPrintable(m_provider.lastError()));
        for (const auto &client : clients()) {
            const QByteArray token = m_provider.fetchToken(client.clientId, client.secret);
            QVERIFY2(!token.isEmpty(), qPrintable(m_provider.lastError()));
            m_tokens.insert(client.clientId, token);
        }
        config::ConnectionProfile pg = m_pg.createDatabase();
        QVERIFY(runScript(pg, kPostgresSetup).ok());
        pg.name = QStringLiteral("pg");

        m_api = std::make_unique<ApiFixture>();
        bool created = false;
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience, [&](config::AppConfig &config) {
            created = runSqliteScript(config.connections.first().database, kSqliteSetup);
            config.connections.append(pg);
            config.api.policy.append(postgresRules());
        }));
        QVERIFY(created);
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_provider.stop();
        m_pg.dropAll();
    }

    void tablesListsReadableRelationsWithEstimates_data()
    {
        QTest::addColumn<QString>("connection");
        QTest::addColumn<QString>("schema");
        QTest::newRow("postgres") << QStringLiteral("pg") << QStringLiteral("public");
        QTest::newRow("sqlite") << QStringLiteral("main") << QStringLiteral("main");
    }
    void tablesListsReadableRelationsWithEstimates()
    {
        QFETCH(QString, connection);
        QFETCH(QString, schema);
        const auto reply = get(QStringLiteral("/api/v1/connections/%1/tables").arg(connection), QStringLiteral("dba-app"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("content-type"), QByteArray("application/json; charset=utf-8"));
        const QJsonObject body = reply.json();
        QCOMPARE(body.value(QStringLiteral("connection")).toString(), connection);
        const QJsonObject orders = tableEntry(body, QStringLiteral("orders"));
        QCOMPARE(orders.keys(), (QStringList{QStringLiteral("estimatedRows"), QStringLiteral("kind"), QStringLiteral("name"),
                                             QStringLiteral("schema")}));
        QCOMPARE(orders.value(QStringLiteral("schema")).toString(), schema);
        QCOMPARE(orders.value(QStringLiteral("kind")).toString(), QStringLiteral("table"));
        // Analysed: the estimate is the row count; never analysed: unknown.
        QCOMPARE(orders.value(QStringLiteral("estimatedRows")).toInt(), 12);
        QVERIFY(tableEntry(body, QStringLiteral("events")).value(QStringLiteral("estimatedRows")).isNull());
        QCOMPARE(tableEntry(body, QStringLiteral("big_orders")).value(QStringLiteral("kind")).toString(), QStringLiteral("view"));
        QVERIFY(tableEntry(body, QStringLiteral("big_orders")).value(QStringLiteral("estimatedRows")).isNull());
        // The same relations as the schema route, in the same order.
        const auto schemaReply = get(QStringLiteral("/api/v1/connections/%1/schema").arg(connection), QStringLiteral("dba-app"));
        QCOMPARE(schemaReply.status, 200);
        QCOMPARE(tableNames(body), relationNames(schemaReply.json()));
    }

    void postgresKindsAndOtherSchemasAreListed()
    {
        const QJsonObject body = get(QStringLiteral("/api/v1/connections/pg/tables"), QStringLiteral("dba-app")).json();
        QCOMPARE(tableEntry(body, QStringLiteral("order_totals")).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("materialized_view"));
        QCOMPARE(tableEntry(body, QStringLiteral("sales")).value(QStringLiteral("kind")).toString(), QStringLiteral("partitioned_table"));
        QCOMPARE(tableEntry(body, QStringLiteral("sales_2024")).value(QStringLiteral("kind")).toString(), QStringLiteral("table"));
        QVERIFY(tableNames(body).contains(QStringLiteral("vault.secrets")));
    }

    void tablesHiddenByThePolicyAreAbsent()
    {
        const QJsonObject analyst = get(QStringLiteral("/api/v1/connections/pg/tables")).json();
        QVERIFY(tableNames(analyst).contains(QStringLiteral("public.customers")));
        QVERIFY(!tableNames(analyst).contains(QStringLiteral("vault.secrets")));
        const QJsonObject writer = get(QStringLiteral("/api/v1/connections/main/tables"), QStringLiteral("writer-app")).json();
        QCOMPARE(tableNames(writer), (QStringList{QStringLiteral("main.order_items"), QStringLiteral("main.orders")}));

        const QJsonObject analystSchema = get(QStringLiteral("/api/v1/connections/pg/schema")).json();
        QVERIFY(relationNames(analystSchema).contains(QStringLiteral("public.orders")));
        QVERIFY(!relationNames(analystSchema).contains(QStringLiteral("vault.secrets")));
        const auto writerSchema = get(QStringLiteral("/api/v1/connections/main/schema"), QStringLiteral("writer-app"));
        QCOMPARE(relationNames(writerSchema.json()), (QStringList{QStringLiteral("main.order_items"), QStringLiteral("main.orders")}));
        // Nothing names the hidden customers table: orders' foreign key to it is left out.
        QVERIFY2(!writerSchema.body.contains("customers"), writerSchema.body.constData());
        const auto pgWriter = get(QStringLiteral("/api/v1/connections/pg/schema"), QStringLiteral("writer-app"));
        QCOMPARE(relationNames(pgWriter.json()), (QStringList{QStringLiteral("public.order_totals"), QStringLiteral("public.orders")}));
        QVERIFY2(!pgWriter.body.contains("customers"), pgWriter.body.constData());
    }

    void hiddenTableSchemaIs404LikeAnUnknownOne_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("connection");
        QTest::addColumn<QString>("hidden");
        QTest::addColumn<QString>("unknown");
        QTest::newRow("postgres") << QStringLiteral("analyst-app") << QStringLiteral("pg") << QStringLiteral("vault.secrets")
                                  << QStringLiteral("vault.secretz");
        QTest::newRow("sqlite") << QStringLiteral("writer-app") << QStringLiteral("main") << QStringLiteral("customers")
                                << QStringLiteral("customerz");
    }
    void hiddenTableSchemaIs404LikeAnUnknownOne()
    {
        QFETCH(QString, client);
        QFETCH(QString, connection);
        QFETCH(QString, hidden);
        QFETCH(QString, unknown);
        const auto refused = get(QStringLiteral("/api/v1/connections/%1/tables/%2/schema").arg(connection, hidden), client);
        const auto missing = get(QStringLiteral("/api/v1/connections/%1/tables/%2/schema").arg(connection, unknown), client);
        QCOMPARE(refused.status, 404);
        QCOMPARE(missing.status, 404);
        QVERIFY2(isError(refused, QStringLiteral("TABLE_NOT_FOUND")), refused.body.constData());
        QVERIFY2(isError(missing, QStringLiteral("TABLE_NOT_FOUND")), missing.body.constData());
        // Byte for byte the same answer once the asked name is taken out.
        QCOMPARE(QString::fromUtf8(refused.body).replace(hidden, QStringLiteral("X")),
                 QString::fromUtf8(missing.body).replace(unknown, QStringLiteral("X")));
        // The audit log knows which was a denial.
        const QByteArray id = refused.header("x-request-id");
        QTRY_VERIFY_WITH_TIMEOUT(!auditRecord(id).isEmpty(), 5000);
        QVERIFY2(auditRecord(id).value(QStringLiteral("reason")).toString().contains(QStringLiteral("database:read not granted")),
                 QJsonDocument(auditRecord(id)).toJson().constData());
        // The one allowed everything reads it.
        QCOMPARE(get(QStringLiteral("/api/v1/connections/%1/tables/%2/schema").arg(connection, hidden), QStringLiteral("dba-app")).status,
                 200);
    }

    void tableSchemaIsTheSnapshotsRelationJson_data()
    {
        QTest::addColumn<QString>("connection");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("schema");
        QTest::newRow("postgres bare") << QStringLiteral("pg") << QStringLiteral("orders") << QStringLiteral("public");
        QTest::newRow("postgres qualified") << QStringLiteral("pg") << QStringLiteral("public.orders") << QStringLiteral("public");
        QTest::newRow("sqlite bare") << QStringLiteral("main") << QStringLiteral("orders") << QStringLiteral("main");
        QTest::newRow("sqlite qualified") << QStringLiteral("main") << QStringLiteral("main.orders") << QStringLiteral("main");
    }
    void tableSchemaIsTheSnapshotsRelationJson()
    {
        QFETCH(QString, connection);
        QFETCH(QString, path);
        QFETCH(QString, schema);
        const auto reply = get(QStringLiteral("/api/v1/connections/%1/tables/%2/schema").arg(connection, path), QStringLiteral("dba-app"));
        QCOMPARE(reply.status, 200);
        auto loaded = catalog::loadSnapshot(*m_api->registry, connection);
        QVERIFY(waitFor(loaded));
        QVERIFY(loaded.result().ok());
        const catalog::Relation *orders = loaded.result().value().relation(schema, QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(reply.json(), catalog::relationToJson(*orders));
        QCOMPARE(namesIn(reply.json(), QStringLiteral("columns")),
                 (QStringList{QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("amount")}));
    }

    void deniedColumnsAreLeftOutWithWhatIsBuiltOnThem_data()
    {
        QTest::addColumn<QString>("connection");
        QTest::newRow("postgres") << QStringLiteral("pg");
        QTest::newRow("sqlite") << QStringLiteral("main");
    }
    void deniedColumnsAreLeftOutWithWhatIsBuiltOnThem()
    {
        QFETCH(QString, connection);
        const auto analyst = get(QStringLiteral("/api/v1/connections/%1/tables/customers/schema").arg(connection));
        QCOMPARE(analyst.status, 200);
        const QJsonObject table = analyst.json();
        QCOMPARE(namesIn(table, QStringLiteral("columns")), (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("city")}));
        QCOMPARE(namesIn(table, QStringLiteral("indexes")).contains(QStringLiteral("customers_email")), false);
        QVERIFY(namesIn(table, QStringLiteral("indexes")).contains(QStringLiteral("customers_city")));
        QVERIFY2(!analyst.body.contains("email"), analyst.body.constData());
        // The whole-schema route hides it the same way.
        const auto whole = get(QStringLiteral("/api/v1/connections/%1/schema").arg(connection));
        QCOMPARE(whole.status, 200);
        QVERIFY2(!whole.body.contains("email"), whole.body.constData());
        // The rule hides it from the analyst only.
        const auto dba = get(QStringLiteral("/api/v1/connections/%1/tables/customers/schema").arg(connection), QStringLiteral("dba-app"));
        QVERIFY(namesIn(dba.json(), QStringLiteral("columns")).contains(QStringLiteral("email")));
        QVERIFY(namesIn(dba.json(), QStringLiteral("indexes")).contains(QStringLiteral("customers_email")));
    }

    void schemaRouteEqualsTheCoreSnapshotForACallerAllowedEverything_data()
    {
        QTest::addColumn<QString>("connection");
        QTest::newRow("postgres") << QStringLiteral("pg");
        QTest::newRow("sqlite") << QStringLiteral("main");
    }
    void schemaRouteEqualsTheCoreSnapshotForACallerAllowedEverything()
    {
        QFETCH(QString, connection);
        const auto reply = get(QStringLiteral("/api/v1/connections/%1/schema").arg(connection), QStringLiteral("dba-app"));
        QCOMPARE(reply.status, 200);
        const QJsonObject core = coreSnapshotJson(connection);
        QVERIFY(!core.isEmpty());
        QVERIFY(core.value(QStringLiteral("relations")).toArray().size() >= 4);
        QCOMPARE(withoutLoadTimes(reply.json()), withoutLoadTimes(core));
    }

    void callersWithoutReadGetNoConnection_data()
    {
        QTest::addColumn<QString>("route");
        QTest::newRow("tables") << QStringLiteral("tables");
        QTest::newRow("table schema") << QStringLiteral("tables/orders/schema");
        QTest::newRow("schema") << QStringLiteral("schema");
        QTest::newRow("stats") << QStringLiteral("stats");
    }
    void callersWithoutReadGetNoConnection()
    {
        QFETCH(QString, route);
        for (const QString &connection : {QStringLiteral("pg"), QStringLiteral("main")}) {
            const QString path = QStringLiteral("/api/v1/connections/%1/%2").arg(connection, route);
            // No permission at all: the connection does not exist for the caller (audited).
            const auto nobody = get(path, QStringLiteral("nobody-app"));
            QCOMPARE(nobody.status, 404);
            QVERIFY2(isError(nobody, QStringLiteral("NOT_FOUND")), nobody.body.constData());
            QVERIFY(!nobody.body.contains("orders\""));
            const QByteArray id = nobody.header("x-request-id");
            QTRY_VERIFY_WITH_TIMEOUT(!auditRecord(id).isEmpty(), 5000);
            QCOMPARE(auditRecord(id).value(QStringLiteral("reason")).toString(), QStringLiteral("connection not visible to the caller"));
            // Some permission but not database:read: refused.
            const auto auditor = get(path, QStringLiteral("auditor-app"));
            QCOMPARE(auditor.status, 403);
            QVERIFY2(isError(auditor, QStringLiteral("PERMISSION_DENIED")), auditor.body.constData());
        }
        // The analyst has no rule on "archive"... but it does on "main": a connection
        // nobody configured is the same 404.
        QCOMPARE(get(QStringLiteral("/api/v1/connections/nowhere/%1").arg(route), QStringLiteral("dba-app")).status, 404);
        QCOMPARE(httpCall(m_api->url(QStringLiteral("/api/v1/connections/main/%1").arg(route))).status, 401);
    }

    void postgresStatsCountTheWorkDone()
    {
        const QJsonObject before = stats(QStringLiteral("pg"));
        const QJsonObject server = before.value(QStringLiteral("server")).toObject();
        QCOMPARE(server.value(QStringLiteral("driver")).toString(), QStringLiteral("postgres"));
        QVERIFY2(server.value(QStringLiteral("version")).toString().startsWith(QStringLiteral("15.")), qPrintable(server.value(QStringLiteral("version")).toString()));
        QVERIFY(server.value(QStringLiteral("sqlite")).isNull());
        const QJsonObject pg = server.value(QStringLiteral("postgres")).toObject();
        QVERIFY(pg.value(QStringLiteral("databaseBytes")).toDouble() > 1e6);   // an empty database is ~7 MB
        QVERIFY(pg.value(QStringLiteral("maxConnections")).toInt() > 0);
        const QJsonObject backends = pg.value(QStringLiteral("backends")).toObject();
        QVERIFY(backends.value(QStringLiteral("active")).toInt() >= 1);      // the sampling one
        QVERIFY(backends.value(QStringLiteral("total")).toInt() >= backends.value(QStringLiteral("active")).toInt()
                                                                      + backends.value(QStringLiteral("idle")).toInt());
        const double ratio = pg.value(QStringLiteral("cacheHitRatio")).toDouble(-1);
        QVERIFY2(ratio > 0 && ratio <= 1, qPrintable(QString::number(ratio)));
        const QJsonObject pool = before.value(QStringLiteral("pool")).toObject();
        QVERIFY(pool.value(QStringLiteral("size")).toInt() >= 1);
        QVERIFY(pool.value(QStringLiteral("completed")).toDouble() >= 1);

        // Seven inserts, each its own transaction; the backend publishes its
        // counters when it goes idle, at most once a second.
        auto inserted = m_api->registry->pool(QStringLiteral("pg"))->run([](db::Session &session) -> Status {
            for (int i = 0; i < 7; ++i) {
                if (auto done = session.execute(QStringLiteral("INSERT INTO counter VALUES (?)"), {i}); !done)
                    return done.error();
            }
            if (auto flushed = session.scalar(QStringLiteral("SELECT pg_stat_force_next_flush()")); !flushed)
                return flushed.error();
            return {};
        });
        QVERIFY(waitFor(inserted));
        QVERIFY(inserted.result().ok());
        const double commits = pg.value(QStringLiteral("xactCommit")).toDouble();
        const double tuples = pg.value(QStringLiteral("tupInserted")).toDouble();
        QTRY_VERIFY_WITH_TIMEOUT(stats(QStringLiteral("pg")).value(QStringLiteral("server")).toObject().value(QStringLiteral("postgres"))
                                         .toObject().value(QStringLiteral("tupInserted")).toDouble() >= tuples + 7,
                                 15000);
        const QJsonObject after = stats(QStringLiteral("pg")).value(QStringLiteral("server")).toObject().value(QStringLiteral("postgres")).toObject();
        QVERIFY(after.value(QStringLiteral("xactCommit")).toDouble() >= commits + 7);
        QVERIFY(after.value(QStringLiteral("blksHit")).toDouble() >= pg.value(QStringLiteral("blksHit")).toDouble());
    }

    void sqliteStatsDescribeTheFile()
    {
        const QJsonObject before = stats(QStringLiteral("main"));
        QCOMPARE(before.value(QStringLiteral("connection")).toString(), QStringLiteral("main"));
        const QJsonObject server = before.value(QStringLiteral("server")).toObject();
        QCOMPARE(server.value(QStringLiteral("driver")).toString(), QStringLiteral("sqlite"));
        QVERIFY(server.value(QStringLiteral("version")).toString().startsWith(QStringLiteral("3.")));
        QVERIFY(server.value(QStringLiteral("postgres")).isNull());
        const QJsonObject lite = server.value(QStringLiteral("sqlite")).toObject();
        const qint64 pages = qint64(lite.value(QStringLiteral("pageCount")).toDouble());
        const qint64 pageSize = qint64(lite.value(QStringLiteral("pageSize")).toDouble());
        QVERIFY(pages > 0);
        QVERIFY(pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) == 0);
        QVERIFY(lite.value(QStringLiteral("fileBytes")).toDouble() > 0);
        QVERIFY(lite.value(QStringLiteral("freelistCount")).toDouble() >= 0);
        QVERIFY(!lite.value(QStringLiteral("journalMode")).toString().isEmpty());
        QVERIFY(!lite.contains(QStringLiteral("file")));   // no server paths in answers

        // More rows, more pages.
        auto grown = m_api->registry->pool(QStringLiteral("main"))->run([](db::Session &session) -> Status {
            return session.executeScript(QStringLiteral(
                "CREATE TABLE filler (t TEXT);"
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                "INSERT INTO filler SELECT printf('%0500d', i) FROM n;"));
        });
        QVERIFY(waitFor(grown));
        QVERIFY2(grown.result().ok(), qPrintable(grown.result().ok() ? QString() : grown.result().error().toString()));
        const QJsonObject after = stats(QStringLiteral("main")).value(QStringLiteral("server")).toObject().value(QStringLiteral("sqlite")).toObject();
        QVERIFY(after.value(QStringLiteral("pageCount")).toDouble() > pages + 100);
    }
};

QTEST_MAIN(TstApiCatalog)
#include "tst_api_catalog.moc"

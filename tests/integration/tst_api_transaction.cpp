// POST /api/v1/connections/{c}/transaction over real HTTP with tokens from
// the real OpenID provider, on a real SQLite file and a real PostgreSQL
// database: all operations kept or none (checked in the database itself),
// RBAC checked per operation before anything runs, strict bodies, dry runs,
// and one audit record per operation.
#include "ApiTestSupport.h"
#include "ScratchPostgres.h"

#include <QtTest>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

const char *const kSchema = R"SQL(
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, amount INTEGER, status TEXT);
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT, email TEXT);
CREATE TABLE ledger (id INTEGER PRIMARY KEY, value NUMERIC);
INSERT INTO customers VALUES (1, 'Ada', 'London', 'ada@example.com'), (2, 'Linus', 'Helsinki', 'linus@example.com');
INSERT INTO orders VALUES (1, 1, 100, 'open'), (2, 2, 200, 'open');
)SQL";

QList<OidcClient> clients()
{
    return {
        {QStringLiteral("dba-app"), QStringLiteral("dba-secret-123"), {QStringLiteral("dba")}},
        // read/write/delete on orders only
        {QStringLiteral("writer-app"), QStringLiteral("writer-secret-123"), {QStringLiteral("writer")}},
        // read/write everywhere, no delete, customers.email hidden
        {QStringLiteral("appender-app"), QStringLiteral("appender-secret-123"), {QStringLiteral("appender")}},
        // write on orders without read
        {QStringLiteral("blind-app"), QStringLiteral("blind-secret-123"), {QStringLiteral("blind")}},
        {QStringLiteral("nobody-app"), QStringLiteral("nobody-secret-123"), {}},
    };
}

QList<config::PolicyRule> policy()
{
    const QStringList connections{QStringLiteral("main"), QStringLiteral("pg"), QStringLiteral("archive")};
    const QString read = QStringLiteral("database:read");
    const QString write = QStringLiteral("database:write");
    const QString del = QStringLiteral("database:delete");
    return {
        {QStringLiteral("dba"), {QStringLiteral("database:admin")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}},
        {QStringLiteral("writer"), {read, write, del}, connections,
         {QStringLiteral("main.orders"), QStringLiteral("public.orders")}, {}},
        {QStringLiteral("appender"), {read, write}, connections, {QStringLiteral("main.*"), QStringLiteral("public.*")},
         {QStringLiteral("main.customers.email"), QStringLiteral("public.customers.email")}},
        {QStringLiteral("blind"), {write}, connections, {QStringLiteral("main.orders"), QStringLiteral("public.orders")}, {}},
    };
}

// JSON written with single quotes (moc's lexer trips over raw strings holding '"').
QByteArray j(const char *text)
{
    QByteArray json(text);
    return json.replace('\'', '"');
}

QJsonObject details(const HttpReply &reply)
{
    return reply.json().value(QStringLiteral("details")).toObject();
}

} // namespace

class TstApiTransaction : public QObject
{
    Q_OBJECT

    ScratchPostgres m_pg{QStringLiteral("tw_api_tx")};
    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    std::unique_ptr<ApiFixture> m_api;
    QHash<QString, QByteArray> m_tokens;

    HttpReply post(const QString &connection, const QByteArray &body, const QString &client = QStringLiteral("dba-app"),
                   const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return httpCall(m_api->url(QStringLiteral("/api/v1/connections/%1/transaction").arg(connection)),
                        m_tokens.value(client), "POST", body, headers);
    }

    HttpReply post(const QString &connection, const QJsonObject &body, const QString &client = QStringLiteral("dba-app"))
    {
        return post(connection, QJsonDocument(body).toJson(QJsonDocument::Compact), client);
    }

    static QJsonObject tx(const QJsonArray &operations, bool rollback = false)
    {
        QJsonObject body{{QStringLiteral("operations"), operations}};
        if (rollback)
            body.insert(QStringLiteral("rollback"), true);
        return body;
    }

    // Straight from the database, not through the API.
    QVariant scalar(const QString &connection, const QString &sql)
    {
        auto pool = m_api->registry->pool(connection);
        if (!pool)
            return {};
        auto result = resultOf(pool->run([sql](db::Session &s) { return s.scalar(sql); }));
        return result ? result.value() : QVariant(QStringLiteral("<error: %1>").arg(result.error().message()));
    }

    qint64 count(const QString &connection, const QString &table, const QString &where)
    {
        return scalar(connection, QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, where)).toLongLong();
    }

    QString qualified(const QString &connection, const QString &table) const
    {
        return (connection == u"pg" ? QStringLiteral("public.") : QStringLiteral("main.")) + table;
    }

    QList<QJsonObject> auditRecords(const QByteArray &requestId) const
    {
        return auditRecordsOf(m_api->auditPath(), requestId);
    }

    static void connections() { addConnectionRows(); }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), QStringLiteral("PostgreSQL (TW_TEST_PG_PORT)"));
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        config::ConnectionProfile database = m_pg.createDatabase();
        QVERIFY(!database.database.isEmpty());
        const Status loaded = runScript(database, QString::fromUtf8(kSchema));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));

        QVERIFY2(m_provider.start(QJsonArray{m_rsa.privateJwk(QStringLiteral("rsa-1"))}, clients()),
                 qPrintable(m_provider.lastError()));
        for (const auto &client : clients()) {
            const QByteArray token = m_provider.fetchToken(client.clientId, client.secret);
            QVERIFY2(!token.isEmpty(), qPrintable(m_provider.lastError()));
            m_tokens.insert(client.clientId, token);
        }
        m_api = std::make_unique<ApiFixture>();
        Status sqliteLoaded = Error(ErrorCode::Internal, QStringLiteral("not run"));
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience, [&](config::AppConfig &config) {
            sqliteLoaded = runScript(config.connections.first(), QString::fromUtf8(kSchema));
            config::ConnectionProfile pg = database;
            pg.name = QStringLiteral("pg");
            config.connections << pg;
            config.api.policy = policy();
            config.api.limits.requestsPerSecond = 100000;
            config.api.limits.burst = 100000;
        }));
        QVERIFY2(sqliteLoaded.ok(), qPrintable(sqliteLoaded.ok() ? QString() : sqliteLoaded.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_provider.stop();
        m_pg.dropAll();
    }

    void failingThirdOperationRollsBackTheFirstTwo_data() { connections(); }
    void failingThirdOperationRollsBackTheFirstTwo()
    {
        QFETCH(QString, connection);
        const auto reply = post(connection, tx({
            QJsonObject{{"op", "insert"}, {"table", "orders"}, {"rows", QJsonObject{{"id", 100}, {"customer_id", 1}, {"amount", 9}}}},
            QJsonObject{{"op", "update"}, {"table", "customers"}, {"values", QJsonObject{{"city", "Paris"}}}, {"filter", "id=eq.1"}},
            QJsonObject{{"op", "insert"}, {"table", "customers"}, {"rows", QJsonObject{{"id", 2}, {"name", "Twin"}}}},
        }));
        QCOMPARE(reply.status, 409);
        QVERIFY2(isErrorShape(reply), reply.body.constData());
        if (connection == u"pg")
            QCOMPARE(reply.json().value(QStringLiteral("code")).toString(), QStringLiteral("23505"));
        QCOMPARE(details(reply).value(QStringLiteral("operation")).toInt(-1), 2);
        QCOMPARE(details(reply).value(QStringLiteral("op")).toString(), QStringLiteral("insert"));
        QCOMPARE(details(reply).value(QStringLiteral("table")).toString(), qualified(connection, QStringLiteral("customers")));
        // Nothing kept: the insert and the update of the first two operations are gone.
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 100")), 0);
        QCOMPARE(scalar(connection, QStringLiteral("SELECT city FROM customers WHERE id = 1")).toString(), QStringLiteral("London"));
        QCOMPARE(scalar(connection, QStringLiteral("SELECT name FROM customers WHERE id = 2")).toString(), QStringLiteral("Linus"));

        const auto records = auditRecords(reply.header("x-request-id"));
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0).value(QStringLiteral("operation")).toString(), QStringLiteral("insert"));
        QCOMPARE(records.at(1).value(QStringLiteral("operation")).toString(), QStringLiteral("update"));
        QCOMPARE(records.at(1).value(QStringLiteral("table")).toString(), qualified(connection, QStringLiteral("customers")));
        QVERIFY(records.at(0).value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("rolled back")));
        QVERIFY(records.at(2).value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("failed")));
        for (const QJsonObject &record : records)
            QCOMPARE(record.value(QStringLiteral("status")).toInt(), 409);
    }

    void allOperationsCommitWithResultsPerOperation_data() { connections(); }
    void allOperationsCommitWithResultsPerOperation()
    {
        QFETCH(QString, connection);
        const auto reply = post(connection, tx({
            QJsonObject{{"op", "insert"}, {"table", "orders"}, {"returning", "representation"}, {"select", "id,amount"},
                        {"rows", QJsonArray{QJsonObject{{"id", 200}, {"customer_id", 1}, {"amount", 5}, {"status", "open"}},
                                            QJsonObject{{"id", 201}, {"customer_id", 2}, {"amount", 6}, {"status", "open"}}}}},
            QJsonObject{{"op", "upsert"}, {"table", qualified(connection, QStringLiteral("customers"))},
                        {"on_conflict", "id"}, {"rows", QJsonObject{{"id", 2}, {"name", "Linus T"}, {"city", "Portland"}}}},
            QJsonObject{{"op", "update"}, {"table", "orders"}, {"values", QJsonObject{{"status", "paid"}}},
                        {"filter", "id=in.(200,201)&status=eq.open"}},
            QJsonObject{{"op", "delete"}, {"table", "orders"}, {"filter", "id=eq.201"}},
        }));
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        QCOMPARE(body.value(QStringLiteral("committed")), QJsonValue(true));
        const QJsonArray results = body.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 4);
        const QJsonObject inserted = results.at(0).toObject();
        QCOMPARE(inserted.value(QStringLiteral("op")).toString(), QStringLiteral("insert"));
        QCOMPARE(inserted.value(QStringLiteral("table")).toString(), qualified(connection, QStringLiteral("orders")));
        QCOMPARE(inserted.value(QStringLiteral("affected")).toInt(), 2);
        QCOMPARE(inserted.value(QStringLiteral("inserted")).toInt(), 2);
        QCOMPARE(inserted.value(QStringLiteral("rows")).toArray(),
                 (QJsonArray{QJsonObject{{"id", 200}, {"amount", 5}}, QJsonObject{{"id", 201}, {"amount", 6}}}));
        const QJsonObject upserted = results.at(1).toObject();
        QCOMPARE(upserted.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
        QCOMPARE(upserted.value(QStringLiteral("affected")).toInt(), 1);
        QCOMPARE(upserted.value(QStringLiteral("inserted")).toInt(), 0);
        QVERIFY(!upserted.contains(QStringLiteral("rows")));
        QCOMPARE(results.at(2).toObject().value(QStringLiteral("affected")).toInt(), 2);
        QVERIFY(!results.at(2).toObject().contains(QStringLiteral("inserted")));
        QCOMPARE(results.at(3).toObject().value(QStringLiteral("affected")).toInt(), 1);

        QCOMPARE(scalar(connection, QStringLiteral("SELECT status FROM orders WHERE id = 200")).toString(), QStringLiteral("paid"));
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 201")), 0);
        QCOMPARE(scalar(connection, QStringLiteral("SELECT city FROM customers WHERE id = 2")).toString(), QStringLiteral("Portland"));

        const auto records = auditRecords(reply.header("x-request-id"));
        QCOMPARE(records.size(), 4);
        QStringList operations;
        for (const QJsonObject &record : records) {
            operations << record.value(QStringLiteral("operation")).toString();
            QCOMPARE(record.value(QStringLiteral("status")).toInt(), 200);
            QCOMPARE(record.value(QStringLiteral("connection")).toString(), connection);
            QCOMPARE(record.value(QStringLiteral("subject")).toString().isEmpty(), false);
        }
        QCOMPARE(operations, (QStringList{"insert", "upsert", "update", "delete"}));
        QCOMPARE(records.at(0).value(QStringLiteral("keys")).toArray(), (QJsonArray{200, 201}));
        QCOMPARE(records.at(0).value(QStringLiteral("table")).toString(), qualified(connection, QStringLiteral("orders")));
        QCOMPARE(records.at(1).value(QStringLiteral("keys")).toArray(), (QJsonArray{2}));
        QCOMPARE(records.at(3).value(QStringLiteral("keys")).toArray(), (QJsonArray{201}));
    }

    void writeOnOneTableButNotTheOtherRunsNothing_data() { connections(); }
    void writeOnOneTableButNotTheOtherRunsNothing()
    {
        QFETCH(QString, connection);
        const auto reply = post(connection, tx({
            QJsonObject{{"op", "insert"}, {"table", "orders"}, {"rows", QJsonObject{{"id", 300}, {"amount", 1}}}},
            QJsonObject{{"op", "insert"}, {"table", "customers"}, {"rows", QJsonObject{{"id", 300}, {"name", "Eve"}}}},
        }), QStringLiteral("writer-app"));
        QCOMPARE(reply.status, 403);
        QVERIFY2(isErrorShape(reply), reply.body.constData());
        QCOMPARE(reply.json().value(QStringLiteral("code")).toString(), QStringLiteral("42501"));
        QCOMPARE(details(reply).value(QStringLiteral("operation")).toInt(-1), 1);
        QCOMPARE(details(reply).value(QStringLiteral("permission")).toString(), QStringLiteral("database:write"));
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 300")), 0);
        QCOMPARE(count(connection, QStringLiteral("customers"), QStringLiteral("id = 300")), 0);
        const auto records = auditRecords(reply.header("x-request-id"));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().value(QStringLiteral("status")).toInt(), 403);
        QVERIFY(records.first().value(QStringLiteral("reason")).toString().contains(QStringLiteral("operations[1]")));

        // The same role may run the part it holds.
        const auto allowed = post(connection, tx({QJsonObject{{"op", "insert"}, {"table", "orders"},
                                                              {"rows", QJsonObject{{"id", 300}, {"amount", 1}}}}}),
                                  QStringLiteral("writer-app"));
        QCOMPARE(allowed.status, 200);
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 300")), 1);
    }

    void deleteWithoutDeletePermissionRunsNothing_data() { connections(); }
    void deleteWithoutDeletePermissionRunsNothing()
    {
        QFETCH(QString, connection);
        const auto reply = post(connection, tx({
            QJsonObject{{"op", "insert"}, {"table", "orders"}, {"rows", QJsonObject{{"id", 310}, {"amount", 1}}}},
            QJsonObject{{"op", "delete"}, {"table", "orders"}, {"filter", "id=eq.1"}},
        }), QStringLiteral("appender-app"));
        QCOMPARE(reply.status, 403);
        QCOMPARE(details(reply).value(QStringLiteral("operation")).toInt(-1), 1);
        QCOMPARE(details(reply).value(QStringLiteral("permission")).toString(), QStringLiteral("database:delete"));
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 310")), 0);
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 1")), 1);
    }

    void rowsBackNeedReadPermission()
    {
        const auto reply = post(QStringLiteral("main"), tx({QJsonObject{{"op", "insert"}, {"table", "orders"},
                                                                        {"returning", "representation"},
                                                                        {"rows", QJsonObject{{"id", 320}}}}}),
                                QStringLiteral("blind-app"));
        QCOMPARE(reply.status, 403);
        QCOMPARE(details(reply).value(QStringLiteral("permission")).toString(), QStringLiteral("database:read"));
        QCOMPARE(count(QStringLiteral("main"), QStringLiteral("orders"), QStringLiteral("id = 320")), 0);
        const auto minimal = post(QStringLiteral("main"), tx({QJsonObject{{"op", "insert"}, {"table", "orders"},
                                                                          {"rows", QJsonObject{{"id", 320}}}}}),
                                  QStringLiteral("blind-app"));
        QCOMPARE(minimal.status, 200);
        QCOMPARE(count(QStringLiteral("main"), QStringLiteral("orders"), QStringLiteral("id = 320")), 1);
    }

    void hiddenColumnsApplyPerOperation_data() { connections(); }
    void hiddenColumnsApplyPerOperation()
    {
        QFETCH(QString, connection);
        // Writing a hidden column fails the transaction at that operation.
        const auto refused = post(connection, tx({
            QJsonObject{{"op", "insert"}, {"table", "orders"}, {"rows", QJsonObject{{"id", 330}, {"amount", 1}}}},
            QJsonObject{{"op", "insert"}, {"table", "customers"}, {"rows", QJsonObject{{"id", 330}, {"name", "Mal"}, {"email", "m@x"}}}},
        }), QStringLiteral("appender-app"));
        QCOMPARE(refused.status, 403);
        QCOMPARE(details(refused).value(QStringLiteral("operation")).toInt(-1), 1);
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 330")), 0);
        // Representation leaves it out; other tables are untouched by it.
        const auto reply = post(connection, tx({
            QJsonObject{{"op", "insert"}, {"table", "customers"}, {"returning", "representation"},
                        {"rows", QJsonObject{{"id", 331}, {"name", "Sam"}}}},
            QJsonObject{{"op", "insert"}, {"table", "orders"}, {"returning", "representation"},
                        {"rows", QJsonObject{{"id", 331}, {"customer_id", 331}}}},
        }), QStringLiteral("appender-app"));
        QCOMPARE(reply.status, 200);
        const QJsonArray results = reply.json().value(QStringLiteral("results")).toArray();
        const QJsonObject customer = results.at(0).toObject().value(QStringLiteral("rows")).toArray().at(0).toObject();
        QCOMPARE(customer.value(QStringLiteral("name")).toString(), QStringLiteral("Sam"));
        QVERIFY(!customer.contains(QStringLiteral("email")));
        QVERIFY(customer.contains(QStringLiteral("city")));
        const QJsonObject order = results.at(1).toObject().value(QStringLiteral("rows")).toArray().at(0).toObject();
        QCOMPARE(order.keys(), (QStringList{"amount", "customer_id", "id", "status"}));
    }

    void runtimeErrorsNameTheOperation_data() { connections(); }
    void runtimeErrorsNameTheOperation()
    {
        QFETCH(QString, connection);
        const QJsonObject first{{"op", "insert"}, {"table", "orders"}, {"rows", QJsonObject{{"id", 340}, {"amount", 1}}}};
        const auto column = post(connection, tx({first, QJsonObject{{"op", "insert"}, {"table", "orders"},
                                                                    {"rows", QJsonObject{{"id", 341}, {"nope", 1}}}}}));
        QCOMPARE(column.status, 400);
        QCOMPARE(column.json().value(QStringLiteral("code")).toString(), QStringLiteral("PGRST204"));
        QCOMPARE(details(column).value(QStringLiteral("operation")).toInt(-1), 1);
        const auto table = post(connection, tx({first, QJsonObject{{"op", "delete"}, {"table", "nosuch"}, {"filter", "id=eq.1"}}}));
        QCOMPARE(table.status, 404);
        QCOMPARE(table.json().value(QStringLiteral("code")).toString(), QStringLiteral("PGRST205"));
        QCOMPARE(details(table).value(QStringLiteral("operation")).toInt(-1), 1);
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 340")), 0);
    }

    void updateWithoutFilterIsRefused_data() { connections(); }
    void updateWithoutFilterIsRefused()
    {
        QFETCH(QString, connection);
        const auto reply = post(connection, tx({QJsonObject{{"op", "update"}, {"table", "orders"},
                                                            {"values", QJsonObject{{"status", "gone"}}}}}));
        QCOMPARE(reply.status, 400);
        QVERIFY2(isErrorShape(reply), reply.body.constData());
        QCOMPARE(details(reply).value(QStringLiteral("operation")).toInt(-1), 0);
        QCOMPARE(details(reply).value(QStringLiteral("field")).toString(), QStringLiteral("filter"));
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("status = 'gone'")), 0);
    }

    void malformedBodiesAreRefusedAndNothingIsWritten_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("operation");   // -1: not about one operation
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        const QByteArray ok = j("{'op':'insert','table':'orders','rows':{'id':400,'amount':1}}");
        auto two = [&](const QByteArray &second) { return j("{'operations':[") + ok + ',' + second + "]}"; };
        QTest::newRow("not json") << QByteArray("{\"operations\": [") << -1 << QString() << "PGRST102";
        QTest::newRow("array at top") << QByteArray("[" + ok + "]") << -1 << QString() << "PGRST102";
        QTest::newRow("duplicate key") << two(j("{'op':'delete','op':'insert','table':'orders','rows':{'id':401}}")) << -1
                                       << QString() << "PGRST102";
        QTest::newRow("unknown top key") << QByteArray(j("{'operations':[") + ok + j("],'dry_run':true}")) << -1
                                         << "dry_run" << "VALIDATION_FAILED";
        QTest::newRow("rollback not bool") << QByteArray(j("{'operations':[") + ok + j("],'rollback':'yes'}")) << -1
                                           << "rollback" << "VALIDATION_FAILED";
        QTest::newRow("operations missing") << QByteArray(j("{'rollback':false}")) << -1 << "operations" << "VALIDATION_FAILED";
        QTest::newRow("operations object") << QByteArray(j("{'operations':{}}")) << -1 << "operations" << "VALIDATION_FAILED";
        QTest::newRow("no operations") << QByteArray(j("{'operations':[]}")) << -1 << "operations" << "VALIDATION_FAILED";
        QTest::newRow("operation not object") << two("42") << 1 << QString() << "VALIDATION_FAILED";
        QTest::newRow("unknown op") << two(j("{'op':'merge','table':'orders','rows':{'id':401}}")) << 1 << "op"
                                    << "VALIDATION_FAILED";
        QTest::newRow("op not string") << two(j("{'op':1,'table':'orders'}")) << 1 << "op" << "VALIDATION_FAILED";
        QTest::newRow("missing table") << two(j("{'op':'insert','rows':{'id':401}}")) << 1 << "table" << "VALIDATION_FAILED";
        QTest::newRow("empty table") << two(j("{'op':'insert','table':'','rows':{'id':401}}")) << 1 << "table"
                                     << "VALIDATION_FAILED";
        QTest::newRow("unknown key") << two(j("{'op':'delete','table':'orders','where':'id=eq.1'}")) << 1 << "where"
                                     << "VALIDATION_FAILED";
        QTest::newRow("bad filter grammar") << two(j("{'op':'delete','table':'orders','filter':'id=eqq.1'}")) << 1
                                            << "filter" << "PGRST100";
        QTest::newRow("filter with order") << two(j("{'op':'delete','table':'orders','filter':'id=eq.1&order=id'}")) << 1
                                           << "filter" << "VALIDATION_FAILED";
        QTest::newRow("filter not string") << two(j("{'op':'delete','table':'orders','filter':{'id':1}}")) << 1 << "filter"
                                           << "VALIDATION_FAILED";
        QTest::newRow("delete without filter") << two(j("{'op':'delete','table':'orders'}")) << 1 << "filter"
                                               << "VALIDATION_FAILED";
        QTest::newRow("rows not object") << two(j("{'op':'insert','table':'orders','rows':5}")) << 1 << "rows"
                                         << "VALIDATION_FAILED";
        QTest::newRow("rows of numbers") << two(j("{'op':'insert','table':'orders','rows':[1,2]}")) << 1 << "rows"
                                         << "VALIDATION_FAILED";
        QTest::newRow("insert without rows") << two(j("{'op':'insert','table':'orders'}")) << 1 << "rows"
                                             << "VALIDATION_FAILED";
        QTest::newRow("values on delete") << two(j("{'op':'delete','table':'orders','filter':'id=eq.1','values':{}}")) << 1
                                          << "values" << "VALIDATION_FAILED";
        QTest::newRow("filter on insert") << two(j("{'op':'insert','table':'orders','rows':{'id':401},'filter':'id=eq.1'}"))
                                          << 1 << "filter" << "VALIDATION_FAILED";
        QTest::newRow("update values array") << two(j("{'op':'update','table':'orders','filter':'id=eq.1','values':[{}]}"))
                                             << 1 << "values" << "VALIDATION_FAILED";
        QTest::newRow("bad resolution") << two(j("{'op':'upsert','table':'orders','rows':{'id':1},'resolution':'replace'}"))
                                        << 1 << "resolution" << "VALIDATION_FAILED";
        QTest::newRow("bad returning") << two(j("{'op':'insert','table':'orders','rows':{'id':401},'returning':'all'}")) << 1
                                       << "returning" << "VALIDATION_FAILED";
        QTest::newRow("select without representation")
            << two(j("{'op':'insert','table':'orders','rows':{'id':401},'select':'id'}")) << 1 << "select" << "VALIDATION_FAILED";
        QTest::newRow("bad select") << two(j("{'op':'insert','table':'orders','rows':{'id':401},'returning':'representation','select':'id,('}"))
                                    << 1 << "select" << "PGRST100";
        QByteArrayList many;
        for (int i = 0; i < 1001; ++i)
            many << j("{'op':'insert','table':'orders','rows':{'id':") + QByteArray::number(1000 + i) + "}}";
        QTest::newRow("1001 operations") << QByteArray(j("{'operations':[") + many.join(',') + "]}") << -1 << "operations"
                                         << "VALIDATION_FAILED";
    }

    void malformedBodiesAreRefusedAndNothingIsWritten()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, operation);
        QFETCH(QString, field);
        QFETCH(QString, code);
        const auto reply = post(QStringLiteral("main"), body);
        QCOMPARE(reply.status, 400);
        QVERIFY2(isErrorShape(reply), reply.body.constData());
        QCOMPARE(reply.json().value(QStringLiteral("code")).toString(), code);
        const QJsonValue index = details(reply).value(QStringLiteral("operation"));
        QCOMPARE(index.isNull() ? -1 : index.toInt(-2), operation);
        const QJsonValue named = details(reply).value(QStringLiteral("field"));
        QCOMPARE(named.isNull() ? QString() : named.toString(), field);
        if (operation >= 0)
            QVERIFY2(reply.json().value(QStringLiteral("message")).toString().startsWith(QStringLiteral("operations[%1]").arg(operation)),
                     reply.body.constData());
        QCOMPARE(count(QStringLiteral("main"), QStringLiteral("orders"), QStringLiteral("id >= 400 AND id < 2100")), 0);
        // Refusals are audited too, as one record for the request.
        const auto records = auditRecords(reply.header("x-request-id"));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().value(QStringLiteral("operation")).toString(), QStringLiteral("transaction"));
    }

    void wrongContentTypeIsRefused()
    {
        // QNetworkAccessManager would set application/json itself: send the bytes.
        const QByteArray body = j("{'operations':[{'op':'insert','table':'orders','rows':{'id':700}}]}");
        const QByteArray request = "POST /api/v1/connections/main/transaction HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Authorization: Bearer " + m_tokens.value(QStringLiteral("dba-app"))
                                   + "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
                                   + "\r\nConnection: close\r\n\r\n" + body;
        QCOMPARE(rawStatus(rawExchange(m_api->port(), request)), 415);
        QCOMPARE(count(QStringLiteral("main"), QStringLiteral("orders"), QStringLiteral("id = 700")), 0);
    }

    void rollbackTrueAnswersButKeepsNothing_data() { connections(); }
    void rollbackTrueAnswersButKeepsNothing()
    {
        QFETCH(QString, connection);
        const auto reply = post(connection, tx({
            QJsonObject{{"op", "insert"}, {"table", "orders"}, {"returning", "representation"}, {"select", "id"},
                        {"rows", QJsonObject{{"id", 500}, {"amount", 1}}}},
            QJsonObject{{"op", "delete"}, {"table", "orders"}, {"filter", "id=eq.2"}},
        }, true));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("committed")), QJsonValue(false));
        const QJsonArray results = reply.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("rows")).toArray(), (QJsonArray{QJsonObject{{"id", 500}}}));
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("affected")).toInt(), 1);
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 500")), 0);
        QCOMPARE(count(connection, QStringLiteral("orders"), QStringLiteral("id = 2")), 1);
        const auto records = auditRecords(reply.header("x-request-id"));
        QCOMPARE(records.size(), 2);
        QVERIFY(records.at(1).value(QStringLiteral("reason")).toString().contains(QStringLiteral("rolled back")));
    }

    void readonlyConnectionRefusesTransactions()
    {
        const auto reply = post(QStringLiteral("archive"), tx({QJsonObject{{"op", "insert"}, {"table", "orders"},
                                                                           {"rows", QJsonObject{{"id", 1}}}}}));
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.json().value(QStringLiteral("code")).toString(), QStringLiteral("25006"));
    }

    void invisibleConnectionIsNotFound()
    {
        const auto reply = post(QStringLiteral("main"), tx({QJsonObject{{"op", "insert"}, {"table", "orders"},
                                                                        {"rows", QJsonObject{{"id", 600}}}}}),
                                QStringLiteral("nobody-app"));
        QCOMPARE(reply.status, 404);
        QCOMPARE(count(QStringLiteral("main"), QStringLiteral("orders"), QStringLiteral("id = 600")), 0);
        const auto unknown = post(QStringLiteral("nosuch"), tx({}));
        QCOMPARE(unknown.status, 404);
        const auto anonymous = httpCall(m_api->url(QStringLiteral("/api/v1/connections/main/transaction")), {}, "POST",
                                        QJsonDocument(tx({})).toJson(QJsonDocument::Compact));
        QCOMPARE(anonymous.status, 401);
    }

    void numbersReachPostgresWithEveryDigit()
    {
        const QByteArray body = j("{'operations':[{'op':'insert','table':'ledger','returning':'representation',"
                                  "'rows':{'id':1,'value':12345678901234567890.123456789}}]}");
        const auto reply = post(QStringLiteral("pg"), body);
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.body.contains(j("'rows':[{'id':1,'value':12345678901234567890.123456789}]")), reply.body.constData());
        QCOMPARE(scalar(QStringLiteral("pg"), QStringLiteral("SELECT value::text FROM ledger WHERE id = 1")).toString(),
                 QStringLiteral("12345678901234567890.123456789"));
        // Spaces anywhere and an escaped key ("r\u006fws" is "rows"): the bytes of the value are still found.
        const QByteArray spaced = j("{ 'rollback' : false , 'operations' : [ { 'op' : 'insert' , 'table' : 'ledger' , "
                                    "'r\\u006fws' : [ { 'id' : 2 , 'value' : 1.50 } , {'id':3,'value':-0.000000000000000000001} ] } ] }");
        const auto second = post(QStringLiteral("pg"), spaced);
        QVERIFY2(second.status == 200, second.body.constData());
        QCOMPARE(scalar(QStringLiteral("pg"), QStringLiteral("SELECT value::text FROM ledger WHERE id = 2")).toString(),
                 QStringLiteral("1.50"));
        QCOMPARE(scalar(QStringLiteral("pg"), QStringLiteral("SELECT value::text FROM ledger WHERE id = 3")).toString(),
                 QStringLiteral("-0.000000000000000000001"));
    }
};

QTEST_GUILESS_MAIN(TstApiTransaction)
#include "tst_api_transaction.moc"

// GET/HEAD /rest/{connection}/{table} over real HTTP with tokens from the
// real OpenID provider, on a real SQLite file: PostgREST 12's answers
// (status, Content-Range, Preference-Applied, error bodies) and the RBAC
// in front of them (table permission, hidden columns, invisible connections).
#include "ApiTestSupport.h"

#include <QFile>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

// 12 orders, 3 customers, 30 events (more than max_page_rows = 25).
const char *const kSetup = R"SQL(
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, amount INTEGER, status TEXT);
INSERT INTO orders VALUES (1, 1, 100, 'paid'), (2, 1, 250, 'open'), (3, 2, 75, 'paid'), (4, 2, 300, 'paid'),
  (5, 3, 20, 'open'), (6, 3, 180, 'paid'), (7, 1, 90, 'void'), (8, 2, 410, 'paid'), (9, 3, 60, 'open'),
  (10, 1, 130, 'paid'), (11, 2, 5, 'void'), (12, 3, 220, 'paid');
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT, city TEXT);
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London'), (2, 'Linus', 'linus@example.com', 'Helsinki'),
  (3, 'Grace', 'grace@example.com', 'Arlington');
CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) INSERT INTO events SELECT i, 'e' || i FROM n;
CREATE VIEW slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) AS n FROM c;
)SQL";

QList<int> ids(const QByteArray &body)
{
    QList<int> out;
    for (const auto &row : QJsonDocument::fromJson(body).array())
        out << row.toObject().value(QStringLiteral("id")).toInt();
    return out;
}

QStringList keysOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).array().first().toObject().keys();
}

} // namespace

class TstRestGet : public QObject
{
    Q_OBJECT

    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    std::unique_ptr<ApiFixture> m_api;
    QHash<QString, QByteArray> m_tokens;

    HttpReply get(const QString &pathAndQuery, const QString &client = QStringLiteral("analyst-app"),
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {}, const QByteArray &method = "GET")
    {
        return httpCall(m_api->url(pathAndQuery), m_tokens.value(client), method, {}, headers);
    }

    // PostgREST's error shape: exactly the four keys.
    static bool isPgrstError(const HttpReply &reply, const QString &code)
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

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        QVERIFY2(m_provider.start(QJsonArray{m_rsa.privateJwk(QStringLiteral("rsa-1"))}, standardClients()),
                 qPrintable(m_provider.lastError()));
        for (const auto &client : standardClients()) {
            const QByteArray token = m_provider.fetchToken(client.clientId, client.secret);
            QVERIFY2(!token.isEmpty(), qPrintable(m_provider.lastError()));
            m_tokens.insert(client.clientId, token);
        }
        m_api = std::make_unique<ApiFixture>();
        bool created = false;
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience, [&](config::AppConfig &config) {
            config.api.limits.maxPageRows = 25;
            config.api.limits.statementTimeoutMs = 1000;
            created = runSqliteScript(config.connections.first().database, kSetup);
        }));
        QVERIFY(created);
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_provider.stop();
    }

    void plainGetAnswersEveryRowAsJson()
    {
        const auto reply = get(QStringLiteral("/rest/main/orders?order=id"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("content-type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(reply.header("content-range"), QByteArray("0-11/*"));
        QVERIFY(reply.header("preference-applied").isEmpty());
        QCOMPARE(ids(reply.body), (QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
        QCOMPARE(QJsonDocument::fromJson(reply.body).array().first().toObject(),
                 (QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("customer_id"), 1},
                              {QStringLiteral("amount"), 100}, {QStringLiteral("status"), QStringLiteral("paid")}}));
    }

    void selectFilterOrderAndLimitShapeTheBody()
    {
        const auto reply = get(QStringLiteral("/rest/main/orders?select=id,total:amount&status=eq.paid&amount=gt.100"
                                              "&order=amount.desc&limit=3"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, QByteArray(R"([{"id":8,"total":410},{"id":4,"total":300},{"id":12,"total":220}])"));
        QCOMPARE(reply.header("content-range"), QByteArray("0-2/*"));
        // '+' in a value is a space: "in" with a quoted list.
        const auto spaced = get(QStringLiteral("/rest/main/customers?select=id&city=in.(%22New+York%22,London)"));
        QCOMPARE(spaced.status, 200);
        QCOMPARE(ids(spaced.body), (QList<int>{1}));
    }

    void exactCountGivesTheTotalAnd206ForAPartialPage()
    {
        const auto partial = get(QStringLiteral("/rest/main/orders?order=id&limit=3&offset=2"), QStringLiteral("analyst-app"),
                                 {{"Prefer", "count=exact"}});
        QCOMPARE(partial.status, 206);
        QCOMPARE(partial.header("content-range"), QByteArray("2-4/12"));
        QCOMPARE(partial.header("preference-applied"), QByteArray("count=exact"));
        QCOMPARE(ids(partial.body), (QList<int>{3, 4, 5}));

        const auto whole = get(QStringLiteral("/rest/main/orders?status=eq.void"), QStringLiteral("analyst-app"),
                               {{"Prefer", "handling=lenient"}, {"Prefer", "count=exact"}});
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.header("content-range"), QByteArray("0-1/2"));

        const auto none = get(QStringLiteral("/rest/main/orders?status=eq.lost"), QStringLiteral("analyst-app"),
                              {{"Prefer", "count=exact"}});
        QCOMPARE(none.status, 200);
        QCOMPARE(none.body, QByteArray("[]"));
        QCOMPARE(none.header("content-range"), QByteArray("*/0"));
    }

    void rangeHeaderSelectsRows()
    {
        const auto reply = get(QStringLiteral("/rest/main/orders?order=id"), QStringLiteral("analyst-app"), {{"Range", "5-7"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("content-range"), QByteArray("5-7/*"));
        QCOMPARE(ids(reply.body), (QList<int>{6, 7, 8}));
        const auto counted = get(QStringLiteral("/rest/main/orders?order=id"), QStringLiteral("analyst-app"),
                                 {{"Range", "10-"}, {"Range-Unit", "items"}, {"Prefer", "count=exact"}});
        QCOMPARE(counted.status, 206);
        QCOMPARE(counted.header("content-range"), QByteArray("10-11/12"));
        QCOMPARE(ids(counted.body), (QList<int>{11, 12}));
        const auto backwards = get(QStringLiteral("/rest/main/orders"), QStringLiteral("analyst-app"), {{"Range", "7-5"}});
        QCOMPARE(backwards.status, 416);
        QVERIFY(isPgrstError(backwards, QStringLiteral("PGRST103")));
    }

    void offsetPastACountedEndIs416()
    {
        const auto past = get(QStringLiteral("/rest/main/orders?offset=20"), QStringLiteral("analyst-app"),
                              {{"Prefer", "count=exact"}});
        QCOMPARE(past.status, 416);
        QVERIFY2(isPgrstError(past, QStringLiteral("PGRST103")), past.body.constData());
        QCOMPARE(past.json().value(QStringLiteral("message")).toString(), QStringLiteral("Requested range not satisfiable"));
        QCOMPARE(past.header("content-range"), QByteArray("*/12"));
        // Without a count nothing is known to be past the end.
        const auto uncounted = get(QStringLiteral("/rest/main/orders?offset=20"));
        QCOMPARE(uncounted.status, 200);
        QCOMPARE(uncounted.body, QByteArray("[]"));
        QCOMPARE(uncounted.header("content-range"), QByteArray("*/*"));
    }

    void maxPageRowsCapsTheAnswer()
    {
        const auto reply = get(QStringLiteral("/rest/main/events?order=id"), QStringLiteral("analyst-app"),
                               {{"Prefer", "count=exact"}});
        QCOMPARE(reply.status, 206);
        QCOMPARE(reply.header("content-range"), QByteArray("0-24/30"));
        QCOMPARE(ids(reply.body).size(), 25);
    }

    void unknownTableIsPgrst205()
    {
        const auto reply = get(QStringLiteral("/rest/main/nope"));
        QCOMPARE(reply.status, 404);
        QVERIFY2(isPgrstError(reply, QStringLiteral("PGRST205")), reply.body.constData());
        QCOMPARE(reply.json().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Could not find the table 'main.nope' in the schema cache"));
        QVERIFY(reply.json().value(QStringLiteral("details")).isNull());
    }

    void unknownColumnIs400WithTheServersCode()
    {
        for (const QString &query : {QStringLiteral("select=id,nope"), QStringLiteral("nope=eq.1"), QStringLiteral("order=nope")}) {
            const auto reply = get(QStringLiteral("/rest/main/orders?") + query);
            QCOMPARE(reply.status, 400);
            QVERIFY2(isPgrstError(reply, QStringLiteral("42703")), reply.body.constData());
        }
    }

    void badGrammarIsPgrst100()
    {
        for (const QString &query : {QStringLiteral("id=eq"), QStringLiteral("order=id.sideways"), QStringLiteral("limit=ten"),
                                     QStringLiteral("select=id,(")}) {
            const auto reply = get(QStringLiteral("/rest/main/orders?") + query);
            QCOMPARE(reply.status, 400);
            QVERIFY2(isPgrstError(reply, QStringLiteral("PGRST100")), reply.body.constData());
        }
        const auto strict = get(QStringLiteral("/rest/main/orders"), QStringLiteral("analyst-app"),
                                {{"Prefer", "handling=strict, bogus=1"}});
        QCOMPARE(strict.status, 400);
        QVERIFY2(isPgrstError(strict, QStringLiteral("PGRST122")), strict.body.constData());
    }

    void hiddenColumnsAreLeftOutOfStarAndRefusedByName()
    {
        const auto star = get(QStringLiteral("/rest/main/customers?order=id"));
        QCOMPARE(star.status, 200);
        QCOMPARE(keysOf(star.body), (QStringList{QStringLiteral("city"), QStringLiteral("id"), QStringLiteral("name")}));
        QVERIFY(!star.body.contains("example.com"));
        // The dba sees it: the column is hidden by the analyst's rule only.
        const auto dba = get(QStringLiteral("/rest/main/customers?order=id"), QStringLiteral("dba-app"));
        QCOMPARE(dba.status, 200);
        QVERIFY(keysOf(dba.body).contains(QStringLiteral("email")));

        // SQLite finds tables case-insensitively; the policy and its hidden columns do not:
        // another spelling of the name is not the same table.
        for (const QString &path : {QStringLiteral("/rest/main/CUSTOMERS"), QStringLiteral("/rest/main/main.Customers"),
                                    QStringLiteral("/rest/main/Customers?select=email")}) {
            const auto other = get(path);
            QVERIFY2(other.status == 404 || other.status == 403, other.body.constData());
            QVERIFY(!other.body.contains("example.com"));
        }
        for (const QString &query : {QStringLiteral("select=id,email"), QStringLiteral("email=like.*example*")}) {
            const auto named = get(QStringLiteral("/rest/main/customers?") + query);
            QCOMPARE(named.status, 403);
            QVERIFY2(isPgrstError(named, QStringLiteral("42501")), named.body.constData());
            QVERIFY(!named.body.contains("example.com"));
        }
    }

    void tableOutsideTheCallersRulesIs403AndAudited()
    {
        const auto reply = get(QStringLiteral("/rest/main/customers"), QStringLiteral("writer-app"));
        QCOMPARE(reply.status, 403);
        QVERIFY2(isPgrstError(reply, QStringLiteral("42501")), reply.body.constData());
        QCOMPARE(reply.json().value(QStringLiteral("message")).toString(), QStringLiteral("permission denied for table customers"));
        QVERIFY(reply.json().value(QStringLiteral("hint")).isNull());
        const QByteArray id = reply.header("x-request-id");
        QTRY_VERIFY_WITH_TIMEOUT(!auditRecord(id).isEmpty(), 5000);
        const QJsonObject record = auditRecord(id);
        QCOMPARE(record.value(QStringLiteral("status")).toInt(), 403);
        QVERIFY2(record.value(QStringLiteral("reason")).toString().contains(QStringLiteral("main.customers")),
                 QJsonDocument(record).toJson().constData());
        QCOMPARE(record.value(QStringLiteral("table")).toString(), QStringLiteral("customers"));
        // The same caller reads its own tables, named bare or qualified.
        QCOMPARE(get(QStringLiteral("/rest/main/orders"), QStringLiteral("writer-app")).status, 200);
        QCOMPARE(get(QStringLiteral("/rest/main/main.orders?limit=1"), QStringLiteral("writer-app")).status, 200);
    }

    void invisibleOrUnknownConnectionIs404()
    {
        const auto nobody = get(QStringLiteral("/rest/main/orders"), QStringLiteral("nobody-app"));
        QCOMPARE(nobody.status, 404);
        QVERIFY(!nobody.body.contains("amount"));
        QCOMPARE(get(QStringLiteral("/rest/nowhere/orders"), QStringLiteral("dba-app")).status, 404);
        QCOMPARE(httpCall(m_api->url(QStringLiteral("/rest/main/orders"))).status, 401);
    }

    void aStatementPastTheTimeoutIsCancelled()
    {
        // A billion-row recursive view: cancelled at the deadline, not left to hold a pooled connection.
        const auto reply = get(QStringLiteral("/rest/main/slow"), QStringLiteral("dba-app"));
        QCOMPARE(reply.status, 500);
        QVERIFY2(isPgrstError(reply, QStringLiteral("57014")), reply.body.constData());
        QVERIFY2(reply.ms < 8000, qPrintable(QString::number(reply.ms)));
        // The connection is free again.
        QCOMPARE(get(QStringLiteral("/rest/main/orders?id=eq.1")).status, 200);
    }

    void headAnswersHeadersWithoutABody()
    {
        const auto reply = get(QStringLiteral("/rest/main/orders?limit=2"), QStringLiteral("analyst-app"),
                               {{"Prefer", "count=exact"}}, "HEAD");
        QCOMPARE(reply.status, 206);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(reply.header("content-range"), QByteArray("0-1/12"));
        QCOMPARE(reply.header("preference-applied"), QByteArray("count=exact"));
    }
};

QTEST_MAIN(TstRestGet)
#include "tst_rest_get.moc"

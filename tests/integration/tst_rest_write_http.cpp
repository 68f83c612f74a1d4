// POST/PATCH/DELETE /rest/{connection}/{table} over real HTTP with tokens
// from the real OpenID provider, on a real SQLite file: PostgREST 12's
// statuses and headers (201/200/204, Location, Content-Range,
// Preference-Applied), Accept: vnd.pgrst.object+json and text/csv, ETag and
// If-Match, RBAC per permission (write, delete, read for representation,
// readonly connections), and the audit record of every write with its keys.
#include "ApiTestSupport.h"

#include <QFile>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

const char *const kSetup =
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, amount INTEGER NOT NULL DEFAULT 0,"
    "  status TEXT DEFAULT 'new', note TEXT, code TEXT UNIQUE);"
    "INSERT INTO orders (id, customer_id, amount, status, code) VALUES (1, 1, 100, 'paid', 'A'), (2, 1, 250, 'open', 'B'),"
    "  (3, 2, 75, 'paid', 'C');"
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT);"
    "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com');"
    "CREATE TABLE inbox (id INTEGER PRIMARY KEY, body TEXT, secret TEXT, \"n\u00e4me\" TEXT);"
    "INSERT INTO inbox VALUES (1, 'first', 's1', NULL);";

QList<int> ids(const QByteArray &body)
{
    QList<int> out;
    for (const auto &row : QJsonDocument::fromJson(body).array())
        out << row.toObject().value(QStringLiteral("id")).toInt();
    return out;
}

} // namespace

class TstRestWriteHttp : public QObject
{
    Q_OBJECT

    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    std::unique_ptr<ApiFixture> m_api;
    QHash<QString, QByteArray> m_tokens;

    HttpReply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                   const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                   const QString &client = QStringLiteral("writer-app"))
    {
        return httpCall(m_api->url(pathAndQuery), m_tokens.value(client), method, body, headers);
    }

    // What the database holds now, read through the same API as the dba.
    QByteArray rows(const QString &query)
    {
        return call("GET", QStringLiteral("/rest/main/orders?") + query, {}, {}, QStringLiteral("dba-app")).body;
    }

    static QString codeOf(const HttpReply &reply) { return reply.json().value(QStringLiteral("code")).toString(); }

    QList<QJsonObject> auditRecords(const QByteArray &requestId) const
    {
        return auditRecordsOf(m_api->auditPath(), requestId);
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
            // A write-only rule (a drop box): its deny_columns bind what it writes.
            config.api.policy << config::PolicyRule{QStringLiteral("writer"), {QStringLiteral("database:write")},
                                                    {QStringLiteral("main")}, {QStringLiteral("main.inbox")},
                                                    {QStringLiteral("main.inbox.secret")}};
            created = runSqliteScript(config.connections.first().database, kSetup)
                      && runSqliteScript(config.connections.at(1).database, "CREATE TABLE orders (id INTEGER PRIMARY KEY);");
        }));
        QVERIFY(created);
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_provider.stop();
    }

    void postIs201WithoutABodyByDefault()
    {
        const auto reply = call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": 10, \"amount\": 5}");
        QCOMPARE(reply.status, 201);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(reply.header("content-range"), QByteArray("*/*"));
        QCOMPARE(ids(rows(QStringLiteral("id=eq.10"))), (QList<int>{10}));
        // Defaults apply to the columns the body leaves out.
        QVERIFY(rows(QStringLiteral("id=eq.10&select=status")).contains("\"status\":\"new\""));
        // The audit log has the write with its key, never the values.
        const auto records = auditRecords(reply.header("x-request-id"));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().value(QStringLiteral("operation")).toString(), QStringLiteral("insert"));
        QCOMPARE(records.first().value(QStringLiteral("keys")).toArray(), QJsonArray{10});
        QCOMPARE(records.first().value(QStringLiteral("status")).toInt(), 201);
    }

    void representationReturnsTheRowsAsStored()
    {
        const auto reply = call("POST", QStringLiteral("/rest/main/orders?select=id,amount,status"),
                                "[{\"id\": 11, \"amount\": 7}, {\"id\": 12, \"amount\": 8}]",
                                {{"Prefer", "return=representation"}});
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.header("content-type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(reply.header("preference-applied"), QByteArray("return=representation"));
        QCOMPARE(reply.body, QByteArray("[{\"id\":11,\"amount\":7,\"status\":\"new\"},{\"id\":12,\"amount\":8,\"status\":\"new\"}]"));
    }

    void headersOnlyGivesLocation()
    {
        const auto reply = call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": 13, \"amount\": 1}",
                                {{"Prefer", "return=headers-only"}});
        QCOMPARE(reply.status, 201);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(reply.header("location"), QByteArray("/rest/main/orders?id=eq.13"));
    }

    void upsertThatOnlyUpdatesIs200AndIgnoreKeepsTheRow()
    {
        const auto merged = call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": 1, \"amount\": 111}",
                                 {{"Prefer", "resolution=merge-duplicates, return=representation"}});
        QCOMPARE(merged.status, 200);
        QCOMPARE(merged.header("preference-applied"), QByteArray("resolution=merge-duplicates, return=representation"));
        QCOMPARE(QJsonDocument::fromJson(merged.body).array().first().toObject().value(QStringLiteral("amount")).toInt(), 111);
        const auto mixed = call("POST", QStringLiteral("/rest/main/orders"), "[{\"id\": 1, \"amount\": 112}, {\"id\": 14, \"amount\": 1}]",
                                {{"Prefer", "resolution=merge-duplicates"}});
        QCOMPARE(mixed.status, 201);
        QCOMPARE(auditRecords(mixed.header("x-request-id")).first().value(QStringLiteral("operation")).toString(),
                 QStringLiteral("upsert"));
        const auto ignored = call("POST", QStringLiteral("/rest/main/orders?on_conflict=code"),
                                  "{\"id\": 99, \"amount\": 1, \"code\": \"A\"}", {{"Prefer", "resolution=ignore-duplicates"}});
        QCOMPARE(ignored.status, 201);
        QVERIFY(ids(rows(QStringLiteral("id=eq.99"))).isEmpty());
        const auto duplicate = call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": 2, \"amount\": 1}");
        QCOMPARE(duplicate.status, 409);
        QCOMPARE(codeOf(duplicate), QStringLiteral("23505"));
        QCOMPARE(duplicate.json().keys(), (QStringList{QStringLiteral("code"), QStringLiteral("details"),
                                                       QStringLiteral("hint"), QStringLiteral("message")}));
        // The failed write is audited too.
        QCOMPARE(auditRecords(duplicate.header("x-request-id")).first().value(QStringLiteral("status")).toInt(), 409);
    }

    void patchAndDeleteAre204OrRowsWithARange()
    {
        const auto patched = call("PATCH", QStringLiteral("/rest/main/orders?status=eq.paid"), "{\"note\": \"checked\"}");
        QCOMPARE(patched.status, 204);
        QCOMPARE(patched.header("content-range"), QByteArray("0-1/*"));
        const auto shown = call("PATCH", QStringLiteral("/rest/main/orders?id=eq.3&select=id,note"), "{\"note\": \"again\"}",
                                {{"Prefer", "return=representation, count=exact"}});
        QCOMPARE(shown.status, 200);
        QCOMPARE(shown.body, QByteArray("[{\"id\":3,\"note\":\"again\"}]"));
        QCOMPARE(shown.header("content-range"), QByteArray("0-0/1"));
        const auto removed = call("DELETE", QStringLiteral("/rest/main/orders?id=in.(11,12)"));
        QCOMPARE(removed.status, 204);
        QVERIFY(ids(rows(QStringLiteral("id=in.(11,12)"))).isEmpty());
        const auto keys = auditRecords(removed.header("x-request-id")).first().value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 2);
    }

    void unfilteredAndMalformedWritesChangeNothing()
    {
        const QByteArray before = rows(QStringLiteral("order=id"));
        QCOMPARE(call("PATCH", QStringLiteral("/rest/main/orders"), "{\"note\": \"all\"}").status, 400);
        QCOMPARE(call("DELETE", QStringLiteral("/rest/main/orders")).status, 400);
        const auto invalid = call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": ");
        QCOMPARE(invalid.status, 400);
        QCOMPARE(codeOf(invalid), QStringLiteral("PGRST102"));
        const auto unknown = call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": 50, \"nope\": 1}");
        QCOMPARE(unknown.status, 400);
        QCOMPARE(codeOf(unknown), QStringLiteral("PGRST204"));
        const auto notNull = call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": 51, \"amount\": null}");
        QCOMPARE(notNull.status, 400);
        QCOMPARE(codeOf(notNull), QStringLiteral("23502")); // as PostgreSQL says it
        const auto badFilter = call("DELETE", QStringLiteral("/rest/main/orders?id=zz.1"));
        QCOMPARE(codeOf(badFilter), QStringLiteral("PGRST100"));
        const auto tooMany = call("PATCH", QStringLiteral("/rest/main/orders?id=gt.0"), "{\"note\": \"x\"}",
                                  {{"Prefer", "handling=strict, max-affected=1"}});
        QCOMPARE(tooMany.status, 400);
        QCOMPARE(codeOf(tooMany), QStringLiteral("PGRST124"));
        QCOMPARE(rows(QStringLiteral("order=id")), before);
    }

    void objectAcceptNeedsOneRowAndGivesAnEtag()
    {
        const QList<std::pair<QByteArray, QByteArray>> object{{"Accept", "application/vnd.pgrst.object+json"}};
        const auto one = call("GET", QStringLiteral("/rest/main/orders?id=eq.2"), {}, object);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.header("content-type"), QByteArray("application/vnd.pgrst.object+json; charset=utf-8"));
        QCOMPARE(one.json().value(QStringLiteral("id")).toInt(), 2);
        const QByteArray tag = one.header("etag");
        QVERIFY(!tag.isEmpty());
        const auto many = call("GET", QStringLiteral("/rest/main/orders"), {}, object);
        QCOMPARE(many.status, 406);
        QCOMPARE(codeOf(many), QStringLiteral("PGRST116"));
        // If-Match: the write happens only while the row is as it was read.
        const auto stale = call("PATCH", QStringLiteral("/rest/main/orders?id=eq.2"), "{\"note\": \"x\"}", {{"If-Match", "\"nope\""}});
        QCOMPARE(stale.status, 412);
        const auto fresh = call("PATCH", QStringLiteral("/rest/main/orders?id=eq.2"), "{\"note\": \"tagged\"}", {{"If-Match", tag}});
        QCOMPARE(fresh.status, 204);
        const auto again = call("PATCH", QStringLiteral("/rest/main/orders?id=eq.2"), "{\"note\": \"lost update\"}", {{"If-Match", tag}});
        QCOMPARE(again.status, 412);
        QVERIFY(rows(QStringLiteral("id=eq.2&select=note")).contains("tagged"));
        // One object on a write: several rows roll back.
        const auto several = call("PATCH", QStringLiteral("/rest/main/orders?id=gt.0"), "{\"note\": \"one?\"}",
                                  {{"Accept", "application/vnd.pgrst.object+json"}, {"Prefer", "return=representation"}});
        QCOMPARE(several.status, 406);
        QVERIFY(!rows(QStringLiteral("note=eq.one?")).contains("one?"));
    }

    void csvIsPostgresRecordText()
    {
        QVERIFY(call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": 20, \"amount\": 3, \"note\": \"a, \\\"b\\\"\"}").status == 201);
        const auto csv = call("GET", QStringLiteral("/rest/main/orders?select=id,amount,note&id=in.(3,20)&order=id"), {},
                              {{"Accept", "text/csv"}});
        QCOMPARE(csv.status, 200);
        QCOMPARE(csv.header("content-type"), QByteArray("text/csv; charset=utf-8"));
        QCOMPARE(csv.body, QByteArray("id,amount,note\n3,75,again\n20,3,\"a, \"\"b\"\"\""));
        QCOMPARE(call("GET", QStringLiteral("/rest/main/orders"), {}, {{"Accept", "image/png"}}).status, 406);
    }

    void permissionsArePerOperation()
    {
        // The analyst reads but may not write; the writer may not touch customers.
        const auto analyst = call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": 30}", {}, QStringLiteral("analyst-app"));
        QCOMPARE(analyst.status, 403);
        QCOMPARE(codeOf(analyst), QStringLiteral("42501"));
        QCOMPARE(call("DELETE", QStringLiteral("/rest/main/customers?id=eq.1")).status, 403);
        QCOMPARE(call("PATCH", QStringLiteral("/rest/main/customers?id=eq.1"), "{\"name\": \"x\"}").status, 403);
        // Readonly connection: refused whoever asks.
        const auto readonly = call("POST", QStringLiteral("/rest/archive/orders"), "{\"id\": 1}", {}, QStringLiteral("dba-app"));
        QCOMPARE(readonly.status, 405);
        QCOMPARE(codeOf(readonly), QStringLiteral("25006"));
        // A hidden column is neither written nor returned.
        const auto hidden = call("PATCH", QStringLiteral("/rest/main/customers?id=eq.1"), "{\"email\": \"x@y\"}", {},
                                 QStringLiteral("mixed-app"));
        QCOMPARE(hidden.status, 403);
        QVERIFY(!auditRecords(analyst.header("x-request-id")).isEmpty());
        QVERIFY(call("GET", QStringLiteral("/rest/main/customers?select=email"), {}, {}, QStringLiteral("dba-app")).body.contains("ada@example.com"));
    }

    void aWriteOnlyRuleInsertsButNeitherFiltersNorReadsNorWritesItsHiddenColumns()
    {
        QCOMPARE(call("POST", QStringLiteral("/rest/main/inbox"), "{\"id\": 2, \"body\": \"dropped\"}").status, 201);
        const auto hidden = call("POST", QStringLiteral("/rest/main/inbox"), "{\"id\": 3, \"secret\": \"x\"}");
        QCOMPARE(hidden.status, 403);
        QCOMPARE(codeOf(hidden), QStringLiteral("42501"));
        // Filtering, upserting or reading back would tell what is in the table.
        for (const auto &[method, path, body, prefer] :
             QList<std::tuple<QByteArray, QString, QByteArray, QByteArray>>{
                 {"PATCH", QStringLiteral("/rest/main/inbox?id=eq.1"), "{\"body\": \"x\"}", {}},
                 {"POST", QStringLiteral("/rest/main/inbox"), "{\"id\": 1, \"body\": \"x\"}", "resolution=merge-duplicates"},
                 {"POST", QStringLiteral("/rest/main/inbox"), "{\"id\": 4, \"body\": \"x\"}", "return=representation"},
                 {"POST", QStringLiteral("/rest/main/inbox"), "{\"id\": 5, \"body\": \"x\"}", "return=headers-only"}}) {
            QList<std::pair<QByteArray, QByteArray>> headers;
            if (!prefer.isEmpty())
                headers << std::pair{QByteArray("Prefer"), prefer};
            const auto reply = call(method, path, body, headers);
            QVERIFY2(reply.status == 403, qPrintable(QStringLiteral("%1 %2 %3: %4").arg(QString::fromLatin1(method), path,
                                                                                    QString::fromLatin1(prefer)).arg(reply.status)));
        }
        const QByteArray stored = call("GET", QStringLiteral("/rest/main/inbox?order=id"), {}, {}, QStringLiteral("dba-app")).body;
        QCOMPARE(ids(stored), (QList<int>{1, 2}));
        QVERIFY(stored.contains("\"body\":\"first\""));
    }

    void sqliteFindsKeysSentEscapedAndTakesTheLastDuplicate()
    {
        // {"n\u00e4me": …} is the column "näme"; a path lookup on the raw key text would miss it.
        QCOMPARE(call("POST", QStringLiteral("/rest/main/inbox"), "{\"id\": 6, \"n\\u00e4me\": \"escaped\", \"body\": \"a\", \"body\": \"b\"}",
                      {}, QStringLiteral("dba-app")).status, 201);
        const QJsonObject row = QJsonDocument::fromJson(call("GET", QStringLiteral("/rest/main/inbox?id=eq.6"), {}, {},
                                                             QStringLiteral("dba-app")).body).array().first().toObject();
        QCOMPARE(row.value(QString::fromUtf8("n\u00e4me")).toString(), QStringLiteral("escaped"));
        QCOMPARE(row.value(QStringLiteral("body")).toString(), QStringLiteral("b"));
        QCOMPARE(call("PATCH", QStringLiteral("/rest/main/inbox?id=eq.6"), "{\"n\\u00e4me\": \"patched\"}", {},
                      QStringLiteral("dba-app")).status, 204);
        QVERIFY(call("GET", QStringLiteral("/rest/main/inbox?id=eq.6"), {}, {}, QStringLiteral("dba-app")).body.contains("patched"));
    }

    void txRollbackAnswersAndKeepsNothing()
    {
        const auto reply = call("POST", QStringLiteral("/rest/main/orders"), "{\"id\": 40, \"amount\": 1}",
                                {{"Prefer", "tx=rollback, return=representation"}});
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.header("preference-applied"), QByteArray("return=representation, tx=rollback"));
        QCOMPARE(ids(reply.body), (QList<int>{40}));
        QVERIFY(ids(rows(QStringLiteral("id=eq.40"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstRestWriteHttp)
#include "tst_rest_write_http.moc"

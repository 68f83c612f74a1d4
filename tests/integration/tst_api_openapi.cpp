// GET /api/v1/openapi.json over real HTTP with tokens from the real OpenID
// provider, on a real PostgreSQL database and real SQLite files: the document
// differs per caller (tables it may not read are absent, hidden columns are
// absent, writes only where its roles allow them and the connection is not
// readonly), column types map to JSON Schema, and every document passes a
// real validator (swagger-parser, tools/openapi-validate).
#include "ApiTestSupport.h"
#include "ScratchPostgres.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

const char *const kPostgresSetup = R"SQL(
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE items (
  id bigserial PRIMARY KEY,
  n integer NOT NULL,
  small smallint,
  label text NOT NULL,
  note varchar(40),
  data jsonb,
  raw json,
  tags text[],
  scores integer[],
  feeling mood NOT NULL,
  maybe mood,
  feelings mood[],
  at timestamptz NOT NULL DEFAULT now(),
  local_at timestamp,
  day date,
  price numeric(10,2),
  ratio double precision,
  uid uuid,
  blob bytea,
  flag boolean,
  span int4range,
  amount positive,
  secret text,
  twice integer GENERATED ALWAYS AS (n * 2) STORED
);
COMMENT ON TABLE items IS 'Things we sell';
CREATE TABLE orders (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, item_id bigint REFERENCES items (id), qty integer NOT NULL);
CREATE VIEW item_labels AS SELECT id, label FROM items;
CREATE TABLE "Odd Name" ("a b" integer, "select" text);
CREATE SCHEMA private;
CREATE TABLE private.payroll (id integer PRIMARY KEY, salary numeric NOT NULL);
)SQL";

const char *const kSqliteSetup = R"SQL(
CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INT, price REAL, flag BOOLEAN, meta JSON,
                     made DATETIME, anything, cost NUMERIC DEFAULT 0 NOT NULL);
)SQL";

// Roles of this test over three connections: pg (PostgreSQL), main (SQLite)
// and archive (SQLite, readonly).
QList<config::PolicyRule> openApiPolicy()
{
    const QString read = QStringLiteral("database:read");
    const QString write = QStringLiteral("database:write");
    const QString remove = QStringLiteral("database:delete");
    return {
        {QStringLiteral("analyst"), {read}, {QStringLiteral("pg"), QStringLiteral("main")},
         {QStringLiteral("public.*"), QStringLiteral("main.*")}, {QStringLiteral("public.items.secret")}},
        {QStringLiteral("writer"), {read, write, remove}, {QStringLiteral("pg")}, {QStringLiteral("public.orders")}, {}},
        {QStringLiteral("writer"), {read, write}, {QStringLiteral("main"), QStringLiteral("archive")}, {QStringLiteral("main.*")}, {}},
        {QStringLiteral("dba"), {QStringLiteral("database:admin")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}},
    };
}

QString validatorDir()
{
    return QDir(sourceDir()).absoluteFilePath(QStringLiteral("tools/openapi-validate"));
}

bool validatorAvailable()
{
    return !QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()
        && QFile::exists(validatorDir() + QStringLiteral("/node_modules/@apidevtools/swagger-parser/package.json"));
}

QStringList methodsOf(const QJsonObject &pathItem)
{
    QStringList methods = pathItem.keys();
    methods.sort();
    return methods;
}

} // namespace

class TstApiOpenApi : public QObject
{
    Q_OBJECT

    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    ScratchPostgres m_pg{QStringLiteral("tw_openapi")};
    std::unique_ptr<ApiFixture> m_api;
    QHash<QString, QByteArray> m_tokens;
    QHash<QString, QByteArray> m_bodies;   // the document per client, fetched once

    QJsonObject documentFor(const QString &client)
    {
        if (!m_bodies.contains(client)) {
            const auto reply = httpCall(m_api->url(QStringLiteral("/api/v1/openapi.json")), m_tokens.value(client));
            if (reply.status != 200)
                qWarning() << client << reply.status << reply.body.left(500);
            m_bodies.insert(client, reply.status == 200 ? reply.body : QByteArray());
        }
        return QJsonDocument::fromJson(m_bodies.value(client)).object();
    }

    static QJsonObject component(const QJsonObject &doc, const QString &name)
    {
        return doc[QStringLiteral("components")][QStringLiteral("schemas")][name].toObject();
    }
    static QJsonObject path(const QJsonObject &doc, const QString &name)
    {
        return doc[QStringLiteral("paths")][name].toObject();
    }
    static QStringList restPaths(const QJsonObject &doc)
    {
        QStringList out;
        for (const QString &p : doc[QStringLiteral("paths")].toObject().keys()) {
            if (p.startsWith(QLatin1String("/rest/")))
                out << p;
        }
        return out;
    }

    // Runs the real validator on the document; the validator's own words on failure.
    QString validate(const QByteArray &body)
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("openapi.json"));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(body) != body.size())
            return QStringLiteral("cannot write %1").arg(file);
        out.close();
        QProcess node;
        node.setWorkingDirectory(validatorDir());
        node.start(QStandardPaths::findExecutable(QStringLiteral("node")),
                   {validatorDir() + QStringLiteral("/validate.mjs"), file});
        if (!node.waitForFinished(120000))
            return QStringLiteral("the validator did not finish");
        if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0)
            return QString::fromUtf8(node.readAllStandardError() + node.readAllStandardOutput());
        return {};
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        TW_REQUIRE_SERVICE(m_pg.available(), QStringLiteral("PostgreSQL (TW_TEST_PG_PORT)"));
        QVERIFY2(m_provider.start(QJsonArray{m_rsa.privateJwk(QStringLiteral("rsa-1"))}, standardClients()),
                 qPrintable(m_provider.lastError()));
        for (const auto &client : standardClients()) {
            const QByteArray token = m_provider.fetchToken(client.clientId, client.secret);
            QVERIFY2(!token.isEmpty(), qPrintable(m_provider.lastError()));
            m_tokens.insert(client.clientId, token);
        }
        config::ConnectionProfile pg = m_pg.createDatabase();
        QVERIFY(runScript(pg, QString::fromUtf8(kPostgresSetup)).ok());
        pg.name = QStringLiteral("pg");

        m_api = std::make_unique<ApiFixture>();
        bool created = false;
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience, [&](config::AppConfig &config) {
            created = runSqliteScript(config.connections[0].database, kSqliteSetup)
                      && runSqliteScript(config.connections[1].database, kSqliteSetup);
            config.connections.append(pg);
            config.api.policy = openApiPolicy();
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

    void theDocumentNeedsAToken()
    {
        const auto reply = httpCall(m_api->url(QStringLiteral("/api/v1/openapi.json")));
        QCOMPARE(reply.status, 401);
    }

    void everyCallersDocumentPassesTheValidator_data()
    {
        QTest::addColumn<QString>("client");
        for (const char *client : {"analyst-app", "writer-app", "dba-app", "nobody-app", "mixed-app"})
            QTest::newRow(client) << QString::fromLatin1(client);
    }
    void everyCallersDocumentPassesTheValidator()
    {
        QFETCH(QString, client);
        const QJsonObject doc = documentFor(client);
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
        TW_REQUIRE_SERVICE(validatorAvailable(), QStringLiteral("node + tools/openapi-validate (tools/install-deps.sh)"));
        const QString problems = validate(m_bodies.value(client));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.left(4000)));
    }

    void theValidatorRefusesABrokenDocument()
    {
        // The check above can fail: a dangling $ref is caught.
        TW_REQUIRE_SERVICE(validatorAvailable(), QStringLiteral("node + tools/openapi-validate (tools/install-deps.sh)"));
        QJsonObject doc = documentFor(QStringLiteral("dba-app"));
        QJsonObject components = doc.value(QStringLiteral("components")).toObject();
        QJsonObject schemas = components.value(QStringLiteral("schemas")).toObject();
        schemas.remove(QStringLiteral("pg.public.items"));
        components.insert(QStringLiteral("schemas"), schemas);
        doc.insert(QStringLiteral("components"), components);
        QVERIFY(!validate(QJsonDocument(doc).toJson(QJsonDocument::Compact)).isEmpty());
    }

    void aReaderGetsReadsOnlyAndNothingHidden()
    {
        const QJsonObject doc = documentFor(QStringLiteral("analyst-app"));
        QCOMPARE(methodsOf(path(doc, QStringLiteral("/rest/pg/items"))), (QStringList{QStringLiteral("get"), QStringLiteral("head")}));
        QCOMPARE(methodsOf(path(doc, QStringLiteral("/rest/main/things"))), (QStringList{QStringLiteral("get"), QStringLiteral("head")}));
        QVERIFY(doc[QStringLiteral("paths")].toObject().contains(QStringLiteral("/rest/pg/item_labels")));
        QVERIFY(doc[QStringLiteral("paths")].toObject().contains(QStringLiteral("/rest/pg/Odd%20Name")));
        // private.payroll is outside public.*; archive is not the analyst's.
        for (const QString &p : restPaths(doc)) {
            QVERIFY2(!p.contains(QLatin1String("payroll")), qPrintable(p));
            QVERIFY2(!p.startsWith(QLatin1String("/rest/archive/")), qPrintable(p));
            QVERIFY2(!doc[QStringLiteral("paths")][p].toObject().contains(QStringLiteral("post")), qPrintable(p));
        }
        QVERIFY(!m_bodies.value(QStringLiteral("analyst-app")).contains("payroll"));
        QVERIFY(!m_bodies.value(QStringLiteral("analyst-app")).contains("salary"));
        // The hidden column: not in the row schema, no filter for it.
        const QJsonObject items = component(doc, QStringLiteral("pg.public.items"));
        QVERIFY(items[QStringLiteral("properties")].toObject().contains(QStringLiteral("label")));
        QVERIFY(!items[QStringLiteral("properties")].toObject().contains(QStringLiteral("secret")));
        QVERIFY(!m_bodies.value(QStringLiteral("analyst-app")).contains("\"secret\""));
        QVERIFY(!doc[QStringLiteral("components")][QStringLiteral("parameters")].toObject().contains(QStringLiteral("rowFilter.pg.public.items.secret")));
        QVERIFY(doc[QStringLiteral("components")][QStringLiteral("parameters")].toObject().contains(QStringLiteral("rowFilter.pg.public.items.label")));
        // The connections tag list shows what the analyst sees.
        QStringList tags;
        for (const QJsonValue &tag : doc[QStringLiteral("tags")].toArray())
            tags << tag[QStringLiteral("name")].toString();
        QCOMPARE(tags, (QStringList{QStringLiteral("api"), QStringLiteral("main"), QStringLiteral("pg")}));
    }

    void aWriterGetsWritesWhereItsRolesAllowThem()
    {
        const QJsonObject doc = documentFor(QStringLiteral("writer-app"));
        // pg: read, write and delete on public.orders only.
        QCOMPARE(methodsOf(path(doc, QStringLiteral("/rest/pg/orders"))),
                 (QStringList{QStringLiteral("delete"), QStringLiteral("get"), QStringLiteral("head"), QStringLiteral("patch"),
                              QStringLiteral("post")}));
        QVERIFY(path(doc, QStringLiteral("/rest/pg/items")).isEmpty());
        // main: write without delete.
        QCOMPARE(methodsOf(path(doc, QStringLiteral("/rest/main/things"))),
                 (QStringList{QStringLiteral("get"), QStringLiteral("head"), QStringLiteral("patch"), QStringLiteral("post")}));
        // archive is readonly: the same rule gives reads only.
        QCOMPARE(methodsOf(path(doc, QStringLiteral("/rest/archive/things"))), (QStringList{QStringLiteral("get"), QStringLiteral("head")}));

        // POST takes one row or many; the identity column is read-only and
        // not required, qty is.
        const QJsonObject post = path(doc, QStringLiteral("/rest/pg/orders"))[QStringLiteral("post")].toObject();
        const QJsonArray oneOf = post[QStringLiteral("requestBody")][QStringLiteral("content")][QStringLiteral("application/json")]
                                     [QStringLiteral("schema")][QStringLiteral("oneOf")].toArray();
        QCOMPARE(oneOf.size(), 2);
        QCOMPARE(oneOf[0][QStringLiteral("$ref")].toString(), QStringLiteral("#/components/schemas/pg.public.orders"));
        const QJsonObject orders = component(doc, QStringLiteral("pg.public.orders"));
        QCOMPARE(orders[QStringLiteral("required")].toArray(), (QJsonArray{QStringLiteral("qty")}));
        QVERIFY(orders[QStringLiteral("properties")][QStringLiteral("id")][QStringLiteral("readOnly")].toBool());
        // PATCH sets any writable subset: the identity column is not offered.
        const QJsonObject patchBody = path(doc, QStringLiteral("/rest/pg/orders"))[QStringLiteral("patch")][QStringLiteral("requestBody")]
                                          [QStringLiteral("content")][QStringLiteral("application/json")][QStringLiteral("schema")].toObject();
        QVERIFY(!patchBody.contains(QStringLiteral("required")));
        QCOMPARE(patchBody[QStringLiteral("properties")].toObject().keys(), (QStringList{QStringLiteral("item_id"), QStringLiteral("qty")}));
        const QJsonObject responses = path(doc, QStringLiteral("/rest/pg/orders"))[QStringLiteral("delete")][QStringLiteral("responses")].toObject();
        for (const char *status : {"200", "204", "400", "401", "403", "404", "409", "412"})
            QVERIFY2(responses.contains(QLatin1String(status)), status);
    }

    void anAdministratorSeesEveryTableAndColumn()
    {
        const QJsonObject doc = documentFor(QStringLiteral("dba-app"));
        QCOMPARE(methodsOf(path(doc, QStringLiteral("/rest/pg/private.payroll"))).size(), 5);
        QVERIFY(component(doc, QStringLiteral("pg.public.items"))[QStringLiteral("properties")].toObject().contains(QStringLiteral("secret")));
        // A view is read, never written; archive is readonly even for the dba.
        QCOMPARE(methodsOf(path(doc, QStringLiteral("/rest/pg/item_labels"))), (QStringList{QStringLiteral("get"), QStringLiteral("head")}));
        QCOMPARE(methodsOf(path(doc, QStringLiteral("/rest/archive/things"))), (QStringList{QStringLiteral("get"), QStringLiteral("head")}));
        // A column named like a keyword of the grammar gets no filter parameter.
        const QJsonObject parameters = doc[QStringLiteral("components")][QStringLiteral("parameters")].toObject();
        QVERIFY(parameters.contains(QStringLiteral("rowFilter.pg.public.Odd_Name.a_b")));
        QCOMPARE(parameters[QStringLiteral("rowFilter.pg.public.Odd_Name.a_b")][QStringLiteral("name")].toString(), QStringLiteral("a b"));
        QVERIFY(!parameters.contains(QStringLiteral("rowFilter.pg.public.Odd_Name.select")));
    }

    void aCallerWithoutRolesGetsOnlyTheFixedRoutes()
    {
        const QJsonObject doc = documentFor(QStringLiteral("nobody-app"));
        QVERIFY(restPaths(doc).isEmpty());
        for (const char *route : {"/api/v1/health", "/api/v1/ready", "/api/v1/whoami", "/api/v1/connections",
                                  "/api/v1/connections/{connection}", "/api/v1/connections/{connection}/tables",
                                  "/api/v1/connections/{connection}/tables/{table}/schema", "/api/v1/connections/{connection}/schema",
                                  "/api/v1/connections/{connection}/stats", "/api/v1/connections/{connection}/search",
                                  "/api/v1/connections/{connection}/transaction", "/api/v1/openapi.json", "/metrics"})
            QVERIFY2(doc[QStringLiteral("paths")].toObject().contains(QLatin1String(route)), route);
        // health and ready need no token.
        QCOMPARE(path(doc, QStringLiteral("/api/v1/health"))[QStringLiteral("get")][QStringLiteral("security")].toArray(), QJsonArray());
    }

    void postgresTypesMapToJsonSchema()
    {
        const QJsonObject items = component(documentFor(QStringLiteral("dba-app")), QStringLiteral("pg.public.items"));
        const QJsonObject p = items[QStringLiteral("properties")].toObject();
        const auto typeOf = [&](const char *column) {
            const QJsonObject s = p[QLatin1String(column)].toObject();
            return s[QStringLiteral("type")].toString() + u'/' + s[QStringLiteral("format")].toString();
        };
        QCOMPARE(typeOf("id"), QStringLiteral("integer/int64"));
        QCOMPARE(typeOf("n"), QStringLiteral("integer/int32"));
        QCOMPARE(typeOf("small"), QStringLiteral("integer/int16"));
        QCOMPARE(typeOf("label"), QStringLiteral("string/"));
        QCOMPARE(typeOf("price"), QStringLiteral("number/"));
        QCOMPARE(typeOf("ratio"), QStringLiteral("number/double"));
        QCOMPARE(typeOf("flag"), QStringLiteral("boolean/"));
        QCOMPARE(typeOf("at"), QStringLiteral("string/date-time"));
        QCOMPARE(typeOf("local_at"), QStringLiteral("string/date-time-local"));
        QCOMPARE(typeOf("day"), QStringLiteral("string/date"));
        QCOMPARE(typeOf("uid"), QStringLiteral("string/uuid"));
        QCOMPARE(typeOf("span"), QStringLiteral("string/"));
        QCOMPARE(typeOf("amount"), QStringLiteral("integer/int32"));   // the domain's base type
        QCOMPARE(p[QStringLiteral("note")][QStringLiteral("maxLength")].toInt(), 40);
        QVERIFY(p[QStringLiteral("note")][QStringLiteral("nullable")].toBool());
        QVERIFY(!p[QStringLiteral("label")].toObject().contains(QStringLiteral("nullable")));
        QVERIFY(p[QStringLiteral("blob")][QStringLiteral("pattern")].toString().contains(QLatin1String("\\\\x")));
        // json and jsonb: any value.
        for (const char *column : {"data", "raw"}) {
            QVERIFY2(!p[QLatin1String(column)].toObject().contains(QStringLiteral("type")), column);
            QVERIFY2(p[QLatin1String(column)].toObject().contains(QStringLiteral("description")), column);
        }
        QCOMPARE(typeOf("tags"), QStringLiteral("array/"));
        QCOMPARE(p[QStringLiteral("tags")][QStringLiteral("items")][QStringLiteral("type")].toString(), QStringLiteral("string"));
        QCOMPARE(p[QStringLiteral("scores")][QStringLiteral("items")][QStringLiteral("format")].toString(), QStringLiteral("int32"));
        QCOMPARE(p[QStringLiteral("feeling")][QStringLiteral("enum")].toArray(), (QJsonArray{QStringLiteral("happy"), QStringLiteral("sad")}));
        // A nullable enum lists null among its values (OpenAPI 3.0.3).
        QCOMPARE(p[QStringLiteral("maybe")][QStringLiteral("enum")].toArray(),
                 (QJsonArray{QStringLiteral("happy"), QStringLiteral("sad"), QJsonValue::Null}));
        QCOMPARE(p[QStringLiteral("feelings")][QStringLiteral("items")][QStringLiteral("enum")].toArray(),
                 (QJsonArray{QStringLiteral("happy"), QStringLiteral("sad")}));
        QVERIFY(p[QStringLiteral("twice")][QStringLiteral("readOnly")].toBool());
        QVERIFY(p[QStringLiteral("id")][QStringLiteral("description")].toString().contains(QLatin1String("Primary key")));
        // NOT NULL without a default: n, label, feeling (id is bigserial, at has a default, twice is generated).
        QCOMPARE(items[QStringLiteral("required")].toArray(),
                 (QJsonArray{QStringLiteral("n"), QStringLiteral("label"), QStringLiteral("feeling")}));
        QVERIFY(items[QStringLiteral("description")].toString().contains(QLatin1String("Things we sell")));
    }

    void sqliteTypesFollowTheDeclaredAffinity()
    {
        const QJsonObject things = component(documentFor(QStringLiteral("dba-app")), QStringLiteral("main.main.things"));
        const QJsonObject p = things[QStringLiteral("properties")].toObject();
        QCOMPARE(p[QStringLiteral("id")][QStringLiteral("type")].toString(), QStringLiteral("integer"));
        QCOMPARE(p[QStringLiteral("id")][QStringLiteral("format")].toString(), QStringLiteral("int64"));
        QCOMPARE(p[QStringLiteral("name")][QStringLiteral("type")].toString(), QStringLiteral("string"));
        QCOMPARE(p[QStringLiteral("price")][QStringLiteral("type")].toString(), QStringLiteral("number"));
        QCOMPARE(p[QStringLiteral("flag")][QStringLiteral("type")].toString(), QStringLiteral("integer"));   // 0/1
        QCOMPARE(p[QStringLiteral("made")][QStringLiteral("type")].toString(), QStringLiteral("string"));
        QVERIFY(!p[QStringLiteral("meta")].toObject().contains(QStringLiteral("type")));
        QVERIFY(!p[QStringLiteral("anything")].toObject().contains(QStringLiteral("type")));
        QCOMPARE(things[QStringLiteral("required")].toArray(), (QJsonArray{QStringLiteral("name")}));
        // SQLite's filter operators: no range, array or full-text ones.
        const QJsonObject filter = documentFor(QStringLiteral("dba-app"))[QStringLiteral("components")][QStringLiteral("parameters")]
                                       [QStringLiteral("rowFilter.main.main.things.qty")].toObject();
        QCOMPARE(filter[QStringLiteral("schema")][QStringLiteral("$ref")].toString(), QStringLiteral("#/components/schemas/RowFilterSqlite"));
    }

    void operationsDocumentTheGrammarAndErrors()
    {
        const QJsonObject doc = documentFor(QStringLiteral("analyst-app"));
        const QJsonObject get = path(doc, QStringLiteral("/rest/pg/items"))[QStringLiteral("get")].toObject();
        QStringList refs;
        for (const QJsonValue &parameter : get[QStringLiteral("parameters")].toArray())
            refs << parameter[QStringLiteral("$ref")].toString().section(u'/', -1);
        for (const char *name : {"select", "order", "limit", "offset", "or", "and", "range", "rangeUnit", "preferRead",
                                 "rowFilter.pg.public.items.feeling"})
            QVERIFY2(refs.contains(QLatin1String(name)), name);
        const QJsonObject responses = get[QStringLiteral("responses")].toObject();
        for (const char *status : {"200", "206", "400", "401", "403", "404", "406", "416", "429", "503"})
            QVERIFY2(responses.contains(QLatin1String(status)), status);
        // The rows answer is the table's own shared response: JSON, one object, or CSV.
        QCOMPARE(responses[QStringLiteral("200")][QStringLiteral("$ref")].toString(), QStringLiteral("#/components/responses/pg.public.items"));
        const QJsonObject rows = doc[QStringLiteral("components")][QStringLiteral("responses")][QStringLiteral("pg.public.items")].toObject();
        QCOMPARE(rows[QStringLiteral("content")].toObject().keys(),
                 (QStringList{QStringLiteral("application/json"), QStringLiteral("application/vnd.pgrst.object+json"), QStringLiteral("text/csv")}));
        QCOMPARE(rows[QStringLiteral("content")][QStringLiteral("application/json")][QStringLiteral("schema")][QStringLiteral("items")]
                     [QStringLiteral("$ref")].toString(),
                 QStringLiteral("#/components/schemas/pg.public.items"));

        const QJsonObject components = doc[QStringLiteral("components")].toObject();
        const QJsonObject error = components[QStringLiteral("schemas")][QStringLiteral("Error")].toObject();
        QCOMPARE(error[QStringLiteral("required")].toArray(),
                 (QJsonArray{QStringLiteral("code"), QStringLiteral("message"), QStringLiteral("details"), QStringLiteral("hint")}));
        const QString prefer = QJsonDocument(components[QStringLiteral("parameters")].toObject()).toJson();
        for (const char *token : {"return=(minimal|representation|headers-only)", "count=(exact|planned|estimated)",
                                  "resolution=(merge-duplicates|ignore-duplicates)", "missing=(default|null)",
                                  "handling=(strict|lenient)", "max-affected=[0-9]+", "tx=(commit|rollback)"})
            QVERIFY2(prefer.contains(QLatin1String(token)), token);
        const QString postgresFilter = components[QStringLiteral("schemas")][QStringLiteral("RowFilter")][QStringLiteral("pattern")].toString();
        for (const char *op : {"eq", "ilike", "isdistinct", "cs", "ov", "adj", "wfts"})
            QVERIFY2(postgresFilter.contains(QLatin1String(op)), op);
    }

    void securitySchemesNameTheIssuer()
    {
        const QJsonObject doc = documentFor(QStringLiteral("analyst-app"));
        const QJsonObject schemes = doc[QStringLiteral("components")][QStringLiteral("securitySchemes")].toObject();
        QCOMPARE(schemes[QStringLiteral("bearerAuth")].toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("http")}, {QStringLiteral("scheme"), QStringLiteral("bearer")},
                              {QStringLiteral("bearerFormat"), QStringLiteral("JWT")},
                              {QStringLiteral("description"), schemes[QStringLiteral("bearerAuth")][QStringLiteral("description")]}}));
        QCOMPARE(schemes[QStringLiteral("openIdConnect")][QStringLiteral("type")].toString(), QStringLiteral("openIdConnect"));
        QString issuer = m_provider.issuer();
        while (issuer.endsWith(u'/'))
            issuer.chop(1);
        QCOMPARE(schemes[QStringLiteral("openIdConnect")][QStringLiteral("openIdConnectUrl")].toString(),
                 issuer + QStringLiteral("/.well-known/openid-configuration"));
        // The discovery URL is real: the provider answers it.
        const auto discovery = httpCall(QUrl(schemes[QStringLiteral("openIdConnect")][QStringLiteral("openIdConnectUrl")].toString()));
        QCOMPARE(discovery.status, 200);
        QCOMPARE(doc[QStringLiteral("security")].toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("bearerAuth"), QJsonArray()}},
                             QJsonObject{{QStringLiteral("openIdConnect"), QJsonArray()}}}));
    }
};

QTEST_GUILESS_MAIN(TstApiOpenApi)
#include "tst_api_openapi.moc"

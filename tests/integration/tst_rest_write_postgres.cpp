// The REST writes (data::writeRestRows) on a real PostgreSQL 15: POST
// (insert, upsert merge/ignore, columns=, missing=default), PATCH and DELETE
// with filters, representation rendered by the server, and the checks that
// roll a write back (unfiltered, max-affected, one object, If-Match, tx=rollback).
#include "RestWriteSupport.h"
#include "ScratchPostgres.h"
#include "http/rest/RestAnswers.h"

using namespace tw;
using namespace tw::data;
using tw::test::codeOf;
using tw::test::idsOf;
using tw::test::Params;
using Return = RestWriteOptions::Return;

namespace {

const QString kSetup = QStringLiteral(R"SQL(
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE items (
    id int PRIMARY KEY, name text NOT NULL, price numeric(14,2) DEFAULT 9.99, tags int[], data jsonb,
    span int4range, feel mood, at timestamptz, uid uuid, bin bytea, secret text, created text DEFAULT 'dflt',
    code text UNIQUE);
INSERT INTO items (id, name, price, code) VALUES (1, 'one', 1.00, 'c1'), (2, 'two', 2.00, 'c2'), (3, 'three', 3.00, 'c3');
CREATE TABLE serial_rows (id serial PRIMARY KEY, v text);
CREATE TABLE keyless (a int, b text);
CREATE TABLE child (id int PRIMARY KEY, item_id int REFERENCES items(id));
)SQL");

const char *const kEveryType = "{\"id\": 10, \"name\": \"ten\", \"price\": 12345678901.25, \"tags\": [1, 2], \"data\": {\"k\": [1, {\"x\": null}]},\n"
    "            \"span\": \"[1,4)\", \"feel\": \"happy\", \"at\": \"2024-05-06T07:08:09+02:00\", \"uid\": \"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\",\n"
    "            \"bin\": \"\\\\xdeadbeef\"}";
const char *const kColumnInjection = "{\"id\\\"); DROP TABLE items; --\": 1}";

} // namespace

class TestRestWritePostgres : public QObject
{
    Q_OBJECT

    test::ScratchPostgres m_pg{QStringLiteral("tw_rest_write")};
    test::DataHarness m_db;

    Result<RestWriteResult> write(RestWriteKind kind, const Params &params, const QByteArray &body = {},
                                  const RestWriteOptions &options = {}, const QString &table = QStringLiteral("public.items"))
    {
        return test::restWrite(m_db, kind, table, params, body, options);
    }
    QString count(const QString &where = QStringLiteral("true"))
    {
        return m_db.scalar(QStringLiteral("SELECT count(*) FROM items WHERE ") + where);
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
        auto profile = m_pg.createDatabase();
        QVERIFY(test::runScript(profile, kSetup).ok());
        QVERIFY(m_db.open(profile).ok());
    }

    void cleanupTestCase()
    {
        m_db.registry.closeAll();
        m_pg.dropAll();
    }

    void insertOneObjectConvertsEveryTypeAsPostgresDoes()
    {
        const QByteArray body = kEveryType;
        auto result = write(RestWriteKind::Insert, {}, body, test::returning(Return::Representation));
        TW_WRITE_OK(result);
        QCOMPARE(result.value().affected, 1);
        QCOMPARE(result.value().inserted, 1);
        // The representation is the server's own rendering of the stored row.
        const QString stored = m_db.scalar(QStringLiteral("SELECT json_agg(t)::text FROM (SELECT * FROM items WHERE id = 10) t"));
        QCOMPARE(QString::fromUtf8(result.value().body), stored);
        QVERIFY(stored.contains(QStringLiteral("12345678901.25"))); // every digit kept
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT created FROM items WHERE id = 10")), QStringLiteral("dflt"));
        QCOMPARE(QString::fromUtf8(result.value().keys), QStringLiteral("[{\"id\":10}]"));
    }

    void insertManyWithMinimalReturnsNothingButCounts()
    {
        auto result = write(RestWriteKind::Insert, {}, "[{\"id\": 20, \"name\": \"a\"}, {\"id\": 21, \"name\": \"b\"}]");
        TW_WRITE_OK(result);
        QCOMPARE(result.value().affected, 2);
        QVERIFY(result.value().body.isEmpty());
        QCOMPARE(count(QStringLiteral("id IN (20, 21)")), QStringLiteral("2"));
    }

    void mismatchedKeysAreRefusedAndNothingIsWritten()
    {
        auto result = write(RestWriteKind::Insert, {}, "[{\"id\": 30, \"name\": \"a\"}, {\"id\": 31}]");
        QCOMPARE(codeOf(result), QStringLiteral("PGRST102"));
        QCOMPARE(result.error().message(), QStringLiteral("All object keys must match"));
        QCOMPARE(count(QStringLiteral("id IN (30, 31)")), QStringLiteral("0"));
        for (const QByteArray &bad : {QByteArray("{"), QByteArray("[1, 2]"), QByteArray("\"x\""), QByteArray("")}) {
            auto refused = write(RestWriteKind::Insert, {}, bad);
            QCOMPARE(codeOf(refused), QStringLiteral("PGRST102"));
        }
    }

    void columnsParameterPicksKeysAndMissingTakesNullOrDefault()
    {
        // columns= : other keys ignored, absent ones NULL (PostgREST's default).
        auto nulls = write(RestWriteKind::Insert, {{QStringLiteral("columns"), QStringLiteral("id,name,price")}},
                           "[{\"id\": 40, \"name\": \"a\", \"price\": 1, \"ignored\": 1}, {\"id\": 41, \"name\": \"b\"}]");
        TW_WRITE_OK(nulls);
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT coalesce(price::text, 'null') FROM items WHERE id = 41")), QStringLiteral("null"));
        // missing=default: absent keys take the column's default.
        RestWriteOptions options = test::returning(Return::Representation);
        options.missingDefault = true;
        auto defaults = write(RestWriteKind::Insert, {{QStringLiteral("columns"), QStringLiteral("id,name,price,created")}},
                              "[{\"id\": 42, \"name\": \"c\", \"price\": 5}, {\"id\": 43, \"name\": \"d\", \"created\": \"mine\"}]", options);
        TW_WRITE_OK(defaults);
        QCOMPARE(defaults.value().affected, 2);
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT price || '/' || created FROM items WHERE id = 42")), QStringLiteral("5.00/dflt"));
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT price || '/' || created FROM items WHERE id = 43")), QStringLiteral("9.99/mine"));
        QCOMPARE(idsOf(defaults.value().body).size(), 2);
        // An unknown column is PGRST204, named.
        auto unknown = write(RestWriteKind::Insert, {}, "{\"id\": 44, \"nope\": 1}");
        QCOMPARE(codeOf(unknown), QStringLiteral("PGRST204"));
        QVERIFY(unknown.error().message().contains(QStringLiteral("'nope'")));
        auto unknownColumns = write(RestWriteKind::Insert, {{QStringLiteral("columns"), QStringLiteral("id,nope")}}, "{\"id\": 44}");
        QCOMPARE(codeOf(unknownColumns), QStringLiteral("PGRST204"));
    }

    void duplicateKeyIs23505AndUpsertMergesOrIgnores()
    {
        auto duplicate = write(RestWriteKind::Insert, {}, "{\"id\": 1, \"name\": \"again\"}");
        QCOMPARE(codeOf(duplicate), QStringLiteral("23505"));
        RestWriteOptions merge = test::returning(Return::Representation);
        merge.resolution = RestWriteOptions::Resolution::MergeDuplicates;
        auto updatedOnly = write(RestWriteKind::Insert, {}, "{\"id\": 1, \"name\": \"merged\"}", merge);
        TW_WRITE_OK(updatedOnly);
        QCOMPARE(updatedOnly.value().affected, 1);
        QCOMPARE(updatedOnly.value().inserted, 0); // the HTTP layer answers 200
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")), QStringLiteral("merged"));
        auto mixed = write(RestWriteKind::Insert, {}, "[{\"id\": 2, \"name\": \"m2\"}, {\"id\": 50, \"name\": \"new\"}]", merge);
        TW_WRITE_OK(mixed);
        QCOMPARE(mixed.value().affected, 2);
        QCOMPARE(mixed.value().inserted, 1);
        RestWriteOptions ignore;
        ignore.resolution = RestWriteOptions::Resolution::IgnoreDuplicates;
        auto ignored = write(RestWriteKind::Insert, {}, "[{\"id\": 3, \"name\": \"no\"}, {\"id\": 51, \"name\": \"yes\"}]", ignore);
        TW_WRITE_OK(ignored);
        QCOMPARE(ignored.value().affected, 1);
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT name FROM items WHERE id = 3")), QStringLiteral("three"));
        // on_conflict names another unique column.
        auto byCode = write(RestWriteKind::Insert, {{QStringLiteral("on_conflict"), QStringLiteral("code")}},
                            "{\"id\": 3, \"name\": \"by code\", \"code\": \"c3\"}", merge);
        TW_WRITE_OK(byCode);
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT name FROM items WHERE code = 'c3'")), QStringLiteral("by code"));
        auto badTarget = write(RestWriteKind::Insert, {{QStringLiteral("on_conflict"), QStringLiteral("nope")}},
                               "{\"id\": 3, \"name\": \"x\"}", merge);
        QCOMPARE(codeOf(badTarget), QStringLiteral("42703"));
    }

    void patchUpdatesFilteredRowsAndReturnsThem()
    {
        auto result = write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("in.(20,21)")},
                                                    {QStringLiteral("select"), QStringLiteral("id,name,n:price::text")}},
                            "{\"name\": \"patched\", \"price\": 7.5}", test::returning(Return::Representation));
        TW_WRITE_OK(result);
        QCOMPARE(result.value().affected, 2);
        QCOMPARE(count(QStringLiteral("name = 'patched'")), QStringLiteral("2"));
        QVERIFY2(result.value().body.contains("\"n\":\"7.50\""), result.value().body.constData());
        auto none = write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("eq.999")}}, "{\"name\": \"x\"}");
        TW_WRITE_OK(none);
        QCOMPARE(none.value().affected, 0);
        auto array = write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("eq.20")}}, "[{\"name\": \"x\"}]");
        QCOMPARE(codeOf(array), QStringLiteral("PGRST102"));
    }

    void writesWithoutAFilterAreRefused()
    {
        const QString before = count();
        auto patch = write(RestWriteKind::Update, {}, "{\"name\": \"all\"}");
        QCOMPARE(codeOf(patch), QStringLiteral("21000"));
        auto remove = write(RestWriteKind::Delete, {});
        QCOMPARE(codeOf(remove), QStringLiteral("21000"));
        QCOMPARE(count(), before);
        QCOMPARE(count(QStringLiteral("name = 'all'")), QStringLiteral("0"));
    }

    void deleteRemovesFilteredRowsWithTheirKeys()
    {
        auto result = write(RestWriteKind::Delete, {{QStringLiteral("name"), QStringLiteral("eq.patched")}}, {},
                            test::returning(Return::Representation));
        TW_WRITE_OK(result);
        QCOMPARE(result.value().affected, 2);
        QCOMPARE(idsOf(result.value().body), (QList<int>{20, 21}));
        QCOMPARE(QString::fromUtf8(result.value().keys), QStringLiteral("[{\"id\":20}, \n {\"id\":21}]"));
        QCOMPARE(count(QStringLiteral("id IN (20, 21)")), QStringLiteral("0"));
    }

    void maxAffectedRollsBackAWriteThatTouchesTooMany()
    {
        RestWriteOptions options;
        options.maxAffected = 1;
        auto result = write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("in.(40,41)")}}, "{\"name\": \"capped\"}", options);
        QCOMPARE(codeOf(result), QStringLiteral("PGRST124"));
        QCOMPARE(count(QStringLiteral("name = 'capped'")), QStringLiteral("0"));
        options.maxAffected = 2;
        TW_WRITE_OK(write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("in.(40,41)")}}, "{\"name\": \"capped\"}", options));
        QCOMPARE(count(QStringLiteral("name = 'capped'")), QStringLiteral("2"));
    }

    void singleObjectNeedsExactlyOneRow()
    {
        RestWriteOptions options = test::returning(Return::Representation);
        options.singleObject = true;
        auto many = write(RestWriteKind::Update, {{QStringLiteral("name"), QStringLiteral("eq.capped")}}, "{\"name\": \"one?\"}", options);
        QCOMPARE(codeOf(many), QStringLiteral("PGRST116"));
        QCOMPARE(count(QStringLiteral("name = 'one?'")), QStringLiteral("0"));
        auto one = write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("eq.40")}}, "{\"name\": \"one\"}", options);
        TW_WRITE_OK(one);
        QCOMPARE(idsOf(one.value().body), (QList<int>{40}));
    }

    void txRollbackAnswersButKeepsNothing()
    {
        RestWriteOptions options = test::returning(Return::Representation);
        options.rollback = true;
        auto result = write(RestWriteKind::Insert, {}, "{\"id\": 60, \"name\": \"ghost\"}", options);
        TW_WRITE_OK(result);
        QCOMPARE(idsOf(result.value().body), (QList<int>{60}));
        QCOMPARE(count(QStringLiteral("id = 60")), QStringLiteral("0"));
    }

    void ifMatchWritesOnlyTheRowThatWasRead()
    {
        RestReadOptions readOptions;
        readOptions.entityTag = true;
        auto read = test::restRead(m_db, QStringLiteral("public.items"), {{QStringLiteral("id"), QStringLiteral("eq.2")},
                                                                          {QStringLiteral("select"), QStringLiteral("name")}},
                                   readOptions);
        TW_REST_OK(read);
        const QByteArray tag = read.value().entityTag;
        QVERIFY(tag.startsWith('"') && tag.size() == 34);
        RestWriteOptions options;
        options.ifMatch = {QByteArray("\"0000\""), tag};
        TW_WRITE_OK(write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("eq.2")}}, "{\"name\": \"tagged\"}", options));
        // The row changed: the old tag no longer matches, nothing is written.
        auto stale = write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("eq.2")}}, "{\"name\": \"stale\"}", options);
        QCOMPARE(codeOf(stale), QStringLiteral("TW412"));
        auto staleDelete = write(RestWriteKind::Delete, {{QStringLiteral("id"), QStringLiteral("eq.2")}}, {}, options);
        QCOMPARE(codeOf(staleDelete), QStringLiteral("TW412"));
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT name FROM items WHERE id = 2")), QStringLiteral("tagged"));
        // A filter matching several rows cannot be conditional.
        options.ifMatch = {QByteArray("*")};
        auto several = write(RestWriteKind::Delete, {{QStringLiteral("id"), QStringLiteral("lt.10")}}, {}, options);
        QCOMPARE(codeOf(several), QStringLiteral("TW412"));
    }

    void hiddenColumnsAreNeitherWrittenNorReturned()
    {
        RestWriteOptions options = test::returning(Return::Representation);
        options.hiddenColumns = {QStringLiteral("secret")};
        auto written = write(RestWriteKind::Insert, {}, "{\"id\": 70, \"name\": \"h\", \"secret\": \"x\"}", options);
        QCOMPARE(written.error().code(), ErrorCode::PermissionDenied);
        auto inserted = write(RestWriteKind::Insert, {}, "{\"id\": 70, \"name\": \"h\"}", options);
        TW_WRITE_OK(inserted);
        QVERIFY(!inserted.value().body.contains("secret"));
        auto selected = write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("eq.70")},
                                                      {QStringLiteral("select"), QStringLiteral("secret")}},
                              "{\"name\": \"h2\"}", options);
        QCOMPARE(selected.error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT name FROM items WHERE id = 70")), QStringLiteral("h"));
    }

    void headersOnlyGivesTheKeyForLocation()
    {
        auto result = write(RestWriteKind::Insert, {}, "{\"v\": \"serial\"}", test::returning(Return::HeadersOnly),
                            QStringLiteral("public.serial_rows"));
        TW_WRITE_OK(result);
        QVERIFY(result.value().body.isEmpty());
        QCOMPARE(result.value().locationQuery, QByteArray("id=eq.1"));
    }

    void keylessTablesAndForeignKeys()
    {
        auto keyless = write(RestWriteKind::Insert, {}, "[{\"a\": 1, \"b\": \"x\"}, {\"a\": 2, \"b\": \"y\"}]",
                             test::returning(Return::Representation), QStringLiteral("public.keyless"));
        TW_WRITE_OK(keyless);
        QCOMPARE(keyless.value().affected, 2);
        QVERIFY(keyless.value().keys.isEmpty());
        auto orphan = write(RestWriteKind::Insert, {}, "{\"id\": 1, \"item_id\": 12345}", {}, QStringLiteral("public.child"));
        QCOMPARE(codeOf(orphan), QStringLiteral("23503"));
        auto badValue = write(RestWriteKind::Insert, {}, "{\"id\": 80, \"name\": \"x\", \"feel\": \"furious\"}");
        QCOMPARE(codeOf(badValue), QStringLiteral("22P02"));
    }

    void schemaChangesAreSeenWhenTheyBreakARequest()
    {
        // Shapes are cached (RestShapeCache): a request the change breaks is
        // run once more with the table described afresh.
        TW_REST_OK(test::restRead(m_db, QStringLiteral("public.child"), {}));
        QVERIFY(m_db.script(QStringLiteral("ALTER TABLE child ADD COLUMN note text")).ok());
        TW_WRITE_OK(write(RestWriteKind::Insert, {}, "{\"id\": 5, \"note\": \"new column\"}", {}, QStringLiteral("public.child")));
        auto selected = test::restRead(m_db, QStringLiteral("public.child"), {{QStringLiteral("select"), QStringLiteral("note")},
                                                                             {QStringLiteral("id"), QStringLiteral("eq.5")}});
        TW_REST_OK(selected);
        QCOMPARE(selected.value().body, QByteArray("[{\"note\":\"new column\"}]"));
        QVERIFY(m_db.script(QStringLiteral("ALTER TABLE child DROP COLUMN item_id")).ok());
        auto star = test::restRead(m_db, QStringLiteral("public.child"), {{QStringLiteral("id"), QStringLiteral("eq.5")}});
        TW_REST_OK(star);
        QCOMPARE(star.value().body, QByteArray("[{\"id\":5,\"note\":\"new column\"}]"));
        TW_WRITE_OK(write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("eq.5")}}, "{\"note\": \"x\"}", {},
                          QStringLiteral("public.child")));
    }

    void injectionThroughEveryIdentifierIsRefusedOrBound()
    {
        const QString before = count();
        const QByteArray evil = "{\"id\": 90, \"name\": \"'); DROP TABLE items; --\"}";
        auto bound = write(RestWriteKind::Insert, {}, evil, test::returning(Return::Representation));
        TW_WRITE_OK(bound);
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT name FROM items WHERE id = 90")), QStringLiteral("'); DROP TABLE items; --"));
        auto column = write(RestWriteKind::Insert, {}, kColumnInjection);
        QCOMPARE(codeOf(column), QStringLiteral("PGRST204"));
        auto columns = write(RestWriteKind::Insert, {{QStringLiteral("columns"), QStringLiteral("id,\"name) DROP\"")}}, "{\"id\": 91}");
        QVERIFY(!columns.ok());
        auto conflict = write(RestWriteKind::Insert, {{QStringLiteral("on_conflict"), QStringLiteral("id)DO NOTHING;DROP TABLE items;--")}},
                              "{\"id\": 91, \"name\": \"x\"}");
        QVERIFY(!conflict.ok() || count(QStringLiteral("id = 91")) == QStringLiteral("1"));
        auto filter = write(RestWriteKind::Delete, {{QStringLiteral("id"), QStringLiteral("eq.1 OR 1=1")}});
        QCOMPARE(codeOf(filter), QStringLiteral("22P02"));
        QVERIFY(count().toInt() >= before.toInt());
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")), QStringLiteral("1"));
    }

    void anEmptyObjectInsertsDefaultsAndPostIgnoresFilters()
    {
        const int before = m_db.scalar(QStringLiteral("SELECT count(*) FROM serial_rows")).toInt();
        auto defaults = write(RestWriteKind::Insert, {}, "{}", test::returning(Return::Representation),
                              QStringLiteral("public.serial_rows"));
        TW_WRITE_OK(defaults);
        QCOMPARE(defaults.value().affected, 1);
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM serial_rows")).toInt(), before + 1);
        auto filtered = write(RestWriteKind::Insert, {{QStringLiteral("id"), QStringLiteral("eq.5")}},
                              "{\"id\": 95, \"name\": \"filtered\"}");
        TW_WRITE_OK(filtered);
        QCOMPARE(count(QStringLiteral("id = 95")), QStringLiteral("1"));
    }

    void rowValuesInFailuresReachOnlyWhoMayReadThem()
    {
        // PostgreSQL's "Failing row contains (…)" lists every column, the
        // hidden ones too: the pool's role may read them all.
        QVERIFY(m_db.script(QStringLiteral("UPDATE items SET secret = 'hush-row' WHERE id = 1")).ok());
        auto failed = write(RestWriteKind::Update, {{QStringLiteral("id"), QStringLiteral("eq.1")}}, "{\"name\": null}");
        QCOMPARE(codeOf(failed), QStringLiteral("23502"));
        http::ServerState state;
        config::ConnectionProfile profile;
        profile.name = QStringLiteral("pg");
        profile.driver = config::Driver::Postgres;
        state.config.connections << profile;
        const QStringList writeOnly{QStringLiteral("database:write")};
        state.policy = http::Policy({
            {QStringLiteral("hides"), {QStringLiteral("database:read"), QStringLiteral("database:write")}, {QStringLiteral("pg")},
             {QStringLiteral("public.*")}, {QStringLiteral("public.items.secret")}},
            {QStringLiteral("writes"), writeOnly, {QStringLiteral("pg")}, {QStringLiteral("public.*")}, {}},
            {QStringLiteral("admin"), {QStringLiteral("database:admin")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}},
        });
        auto answer = [&](const QString &role) {
            return http::rest::restFailure(state, {QStringLiteral("pg"), QStringLiteral("public.items"), QStringLiteral("items"), {role}},
                                           failed.error());
        };
        for (const QString &role : {QStringLiteral("hides"), QStringLiteral("writes")}) {
            const http::HttpResponse refused = answer(role);
            QCOMPARE(refused.status, 400);
            QVERIFY2(!refused.body.contains("hush-row"), refused.body.constData());
        }
        QVERIFY(answer(QStringLiteral("admin")).body.contains("hush-row"));
        // The audit log names a failure without the values PostgreSQL quotes.
        auto badValue = write(RestWriteKind::Insert, {}, "{\"id\": \"hush-value\", \"name\": \"x\"}");
        QCOMPARE(codeOf(badValue), QStringLiteral("22P02"));
        QVERIFY(badValue.error().message().contains(QStringLiteral("hush-value")));
        const QString reason = http::rest::auditFailureReason(badValue.error());
        QVERIFY2(!reason.contains(QStringLiteral("hush-value")) && reason.contains(QStringLiteral("22P02")), qPrintable(reason));
    }
};

QTEST_GUILESS_MAIN(TestRestWritePostgres)
#include "tst_rest_write_postgres.moc"

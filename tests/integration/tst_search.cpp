// "Search database" (issue 8): data::startSearch on a real PostgreSQL 15
// (full-text search through a tsvector column and through a to_tsvector
// expression index, ILIKE elsewhere) and on real SQLite files (FTS5 and
// LIKE), with its time budget, per-table timeouts and cancel; then
// GET /api/v1/connections/{c}/search over real HTTP with tokens from the
// real OpenID provider, behind RBAC.
#include "ApiTestSupport.h"
#include "ScratchPostgres.h"
#include "data/DatabaseSearch.h"

#include <QFile>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;
using namespace tw::test;
using data::SearchHit;
using data::SearchMethod;
using data::SkipReason;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

const QString kPostgresSetup = QStringLiteral(R"SQL(
CREATE TABLE articles (id int PRIMARY KEY, title text, body text,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))) STORED);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
INSERT INTO articles (id, title, body) VALUES
  (1, 'Foxes in the wild', 'The quick brown fox jumps over the lazy dog'),
  (2, 'Cats', 'Cats sleep all day long');
CREATE TABLE notes (id int PRIMARY KEY, note text);
CREATE INDEX notes_fts ON notes USING gin (to_tsvector('english', note));
INSERT INTO notes VALUES (1, 'Running foxes everywhere'), (2, 'nothing to see');
CREATE TABLE people (id int PRIMARY KEY, name text, email text, city varchar(40));
INSERT INTO people VALUES (1, 'Ada Lovelace', 'fox@example.com', 'London'),
  (2, '100% pure_ish', 'pure@example.com', 'O''Hara'), (3, 'Grace', 'grace@example.com', 'Foxborough'),
  (4, 'back\slash', 'b@example.com', 'Paris'), (5, 'Linus', 'l@example.com', 'Helsinki');
CREATE TABLE numbers (id int PRIMARY KEY, n int);
INSERT INTO numbers VALUES (1, 42);
CREATE TABLE nokey (label text);
INSERT INTO nokey VALUES ('a fox den');
-- tsvector columns filled by the application (no generated expression to read sources from)
CREATE TABLE manual (id int PRIMARY KEY, body text, doc tsvector);
CREATE INDEX manual_doc ON manual USING gin (doc);
INSERT INTO manual VALUES (1, 'plain words', to_tsvector('english', 'hidden treasure island'));
CREATE TABLE vectors (id int PRIMARY KEY, doc tsvector);
INSERT INTO vectors VALUES (1, to_tsvector('english', 'sailing ships'));
CREATE FUNCTION slow_text(i int) RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT 'sleepy ' || i FROM pg_sleep(0.2) $$;
CREATE VIEW sleepy AS SELECT g AS id, slow_text(g) AS t FROM generate_series(1, 100) g;
)SQL");

const char *const kSqliteSetup = R"SQL(
CREATE VIRTUAL TABLE docs USING fts5(title, body);
INSERT INTO docs (rowid, title, body) VALUES (1, 'Foxes', 'The quick brown fox jumps'), (2, 'Cats', 'sleep all day');
CREATE TABLE plain (id INTEGER PRIMARY KEY, name TEXT, note TEXT, secret TEXT, n INTEGER);
INSERT INTO plain VALUES (1, 'Ada', 'likes 50% off_sales', 'fox secret', 1), (2, 'Bob', 'fox hunter', NULL, 2),
  (3, 'Cy', 'nothing', 'x', 3);
CREATE TABLE big (id INTEGER PRIMARY KEY, payload TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
  INSERT INTO big SELECT i, hex(randomblob(16)) FROM n;
)SQL";

const char *const kApiSetup = R"SQL(
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT, city TEXT);
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London'), (2, 'Linus', 'linus@example.com', 'Helsinki');
CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT, note TEXT);
INSERT INTO orders VALUES (1, 'paid', 'ship to London'), (2, 'open', 'ship to Paris'), (3, 'open', 'London again');
)SQL";

data::SearchScope scope(const QString &schema, const QString &name, const QStringList &hidden = {})
{
    return {{schema, name}, hidden};
}

QStringList tablesOf(const QList<SearchHit> &hits)
{
    QStringList tables;
    for (const SearchHit &hit : hits)
        tables << hit.table;
    return tables;
}

QList<SearchHit> hitsIn(const QList<SearchHit> &hits, const QString &table)
{
    QList<SearchHit> out;
    for (const SearchHit &hit : hits) {
        if (hit.table == table)
            out << hit;
    }
    return out;
}

QList<int> ids(const QList<SearchHit> &hits, const QString &keyName = QStringLiteral("id"))
{
    QList<int> out;
    for (const SearchHit &hit : hits)
        out << hit.key.value(keyName).toInt();
    std::sort(out.begin(), out.end());
    return out;
}

QString highlighted(const SearchHit &hit)
{
    if (hit.highlights.isEmpty())
        return {};
    return hit.snippet.mid(hit.highlights.first().first, hit.highlights.first().second);
}

} // namespace

class TstSearch : public QObject
{
    Q_OBJECT

    ScratchPostgres m_pg{QStringLiteral("tw_search")};
    db::ConnectionRegistry m_registry;
    QTemporaryDir m_dir;
    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    std::unique_ptr<ApiFixture> m_api;
    QHash<QString, QByteArray> m_tokens;

    Result<data::SearchResult> search(const QString &connection, const QString &text,
                                      std::optional<QList<data::SearchScope>> tables = std::nullopt,
                                      const std::function<void(data::SearchRequest &)> &tweak = {})
    {
        data::SearchRequest request;
        request.text = text;
        request.tables = std::move(tables);
        if (tweak)
            tweak(request);
        return resultOf(data::startSearch(m_registry, connection, request).future);
    }

    data::SearchResult searchOk(const QString &connection, const QString &text,
                                std::optional<QList<data::SearchScope>> tables = std::nullopt,
                                const std::function<void(data::SearchRequest &)> &tweak = {})
    {
        auto result = search(connection, text, std::move(tables), tweak);
        if (!result) {
            qWarning().noquote() << result.error().toString();
            return {};
        }
        return result.value();
    }

    HttpReply get(const QString &pathAndQuery, const QString &client = QStringLiteral("analyst-app"))
    {
        return httpCall(m_api->url(pathAndQuery), m_tokens.value(client));
    }

    static QStringList resultTables(const HttpReply &reply)
    {
        QStringList tables;
        for (const QJsonValue &hit : reply.json().value(QStringLiteral("results")).toArray())
            tables << hit.toObject().value(QStringLiteral("table")).toString();
        return tables;
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        auto profile = m_pg.createDatabase();
        profile.name = QStringLiteral("pg");
        const Status loaded = runScript(profile, kPostgresSetup);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QVERIFY(waitFor(m_registry.open(profile)));
        QVERIFY(m_registry.pool(QStringLiteral("pg")));

        const QString file = m_dir.filePath(QStringLiteral("search.sqlite"));
        QVERIFY(runSqliteScript(file, kSqliteSetup));
        QVERIFY(waitFor(m_registry.open(sqliteProfile(file, QStringLiteral("lite")))));
        QVERIFY(m_registry.pool(QStringLiteral("lite")));

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
            created = runSqliteScript(config.connections.first().database, kApiSetup);
        }));
        QVERIFY(created);
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_provider.stop();
        m_registry.closeAll();
        m_pg.dropAll();
    }

    // ---- PostgreSQL ----

    void aTsvectorColumnIsSearchedByFullTextWithStemming()
    {
        // "jumping foxes" is in no column as written: only stemming finds it.
        const auto result = searchOk(QStringLiteral("pg"), QStringLiteral("jumping foxes"));
        const auto hits = hitsIn(result.hits, QStringLiteral("public.articles"));
        QCOMPARE(ids(hits), (QList<int>{1}));
        QCOMPARE(hits.first().method, SearchMethod::FullText);
        QCOMPARE(hits.first().column, QStringLiteral("body"));
        QVERIFY2(hits.first().snippet.contains(QStringLiteral("fox jumps")), qPrintable(hits.first().snippet));
        QCOMPARE(highlighted(hits.first()).left(3), QStringLiteral("fox"));
        QVERIFY(!hits.first().snippet.contains(QChar(u'\x02')));
        QVERIFY(result.skipped.isEmpty());
    }

    void anExpressionIndexIsSearchedByFullText()
    {
        // "runs" stems to "run", which "Running" also gives; ILIKE '%runs%' would miss it.
        const auto result = searchOk(QStringLiteral("pg"), QStringLiteral("runs"));
        const auto hits = hitsIn(result.hits, QStringLiteral("public.notes"));
        QCOMPARE(ids(hits), (QList<int>{1}));
        QCOMPARE(hits.first().method, SearchMethod::FullText);
        QCOMPARE(hits.first().column, QStringLiteral("note"));
        QCOMPARE(highlighted(hits.first()), QStringLiteral("Running"));
        QCOMPARE(hits.first().key, (QJsonObject{{QStringLiteral("id"), 1}}));
    }

    void aPlainTableIsSearchedWithIlike()
    {
        const auto result = searchOk(QStringLiteral("pg"), QStringLiteral("FOXBOR"));
        const auto hits = hitsIn(result.hits, QStringLiteral("public.people"));
        QCOMPARE(ids(hits), (QList<int>{3}));
        QCOMPARE(hits.first().method, SearchMethod::Pattern);
        QCOMPARE(hits.first().column, QStringLiteral("city"));
        QCOMPARE(hits.first().snippet, QStringLiteral("Foxborough"));
        QCOMPARE(highlighted(hits.first()), QStringLiteral("Foxbor"));
        QCOMPARE(result.hits.size(), 1);
    }

    void aTableWithoutKeyIsNamedByCtidAndOneWithoutTextIsHarmless()
    {
        const auto result = searchOk(QStringLiteral("pg"), QStringLiteral("fox den"));
        const auto hits = hitsIn(result.hits, QStringLiteral("public.nokey"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().key, (QJsonObject{{QStringLiteral("ctid"), QStringLiteral("(0,1)")}}));
        QVERIFY(hitsIn(result.hits, QStringLiteral("public.numbers")).isEmpty());
        QVERIFY(result.skipped.isEmpty());
        // Views are not searched unless named.
        QVERIFY(hitsIn(result.hits, QStringLiteral("public.sleepy")).isEmpty());
        QCOMPARE(result.tablesSearched, 7);
    }

    void aTsvectorOfUnknownSourcesIsSearchedUnlessTheTableHidesAColumn()
    {
        // No column holds the words: the hit names the tsvector and shows its lexemes.
        const auto treasure = searchOk(QStringLiteral("pg"), QStringLiteral("treasures"));
        const auto hits = hitsIn(treasure.hits, QStringLiteral("public.manual"));
        QCOMPARE(ids(hits), (QList<int>{1}));
        QCOMPARE(hits.first().method, SearchMethod::FullText);
        QCOMPARE(hits.first().column, QStringLiteral("doc"));
        QVERIFY2(hits.first().snippet.contains(QLatin1String("treasur")), qPrintable(hits.first().snippet));
        // A table whose only searchable column is the tsvector.
        const auto ships = hitsIn(searchOk(QStringLiteral("pg"), QStringLiteral("ship")).hits, QStringLiteral("public.vectors"));
        QCOMPARE(ids(ships), (QList<int>{1}));
        QCOMPARE(ships.first().column, QStringLiteral("doc"));
        // Whatever fills doc might be the hidden column: it is not used.
        QVERIFY(searchOk(QStringLiteral("pg"), QStringLiteral("treasures"),
                         QList<data::SearchScope>{scope(QStringLiteral("public"), QStringLiteral("manual"), {QStringLiteral("body")})})
                    .hits.isEmpty());
    }

    void patternCharactersInTheNeedleAreLiteral_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("percent") << QStringLiteral("0% p") << QList<int>{2};
        QTest::newRow("lone percent") << QStringLiteral("%") << QList<int>{2};
        QTest::newRow("underscore") << QStringLiteral("_") << QList<int>{2};
        QTest::newRow("quote") << QStringLiteral("o'hara") << QList<int>{2};
        QTest::newRow("backslash") << QStringLiteral("\\") << QList<int>{4};
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE people; --") << QList<int>{};
    }

    void patternCharactersInTheNeedleAreLiteral()
    {
        QFETCH(QString, needle);
        QFETCH(QList<int>, expected);
        const auto result = search(QStringLiteral("pg"), needle, QList<data::SearchScope>{scope(QStringLiteral("public"), QStringLiteral("people"))});
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(ids(result.value().hits), expected);
        QCOMPARE(searchOk(QStringLiteral("pg"), QStringLiteral("Lovelace"), QList<data::SearchScope>{scope(QStringLiteral("public"), QStringLiteral("people"))}).hits.size(), 1);
    }

    void aHiddenColumnIsNeverSearchedNorShown()
    {
        const QList<data::SearchScope> open{scope(QStringLiteral("public"), QStringLiteral("people"))};
        const QList<data::SearchScope> hidden{scope(QStringLiteral("public"), QStringLiteral("people"), {QStringLiteral("email")})};
        QCOMPARE(ids(searchOk(QStringLiteral("pg"), QStringLiteral("example.com"), open).hits), (QList<int>{1, 2, 3, 4, 5}));
        QVERIFY(searchOk(QStringLiteral("pg"), QStringLiteral("example.com"), hidden).hits.isEmpty());
        const auto fox = searchOk(QStringLiteral("pg"), QStringLiteral("fox"), hidden);
        QCOMPARE(ids(fox.hits), (QList<int>{3}));   // Foxborough, not fox@example.com
        for (const SearchHit &hit : fox.hits) {
            QVERIFY(hit.column != QLatin1String("email"));
            QVERIFY(!hit.snippet.contains(QLatin1String("example")));
        }
    }

    void aFullTextSourceBuiltOnAHiddenColumnIsNotUsed()
    {
        // The tsvector holds the body: with body hidden a match on it would reveal it.
        const QList<data::SearchScope> hidden{scope(QStringLiteral("public"), QStringLiteral("articles"), {QStringLiteral("body")})};
        QVERIFY(searchOk(QStringLiteral("pg"), QStringLiteral("lazy dog"), hidden).hits.isEmpty());
        const auto title = searchOk(QStringLiteral("pg"), QStringLiteral("wild"), hidden);
        QCOMPARE(ids(title.hits), (QList<int>{1}));
        QCOMPARE(title.hits.first().method, SearchMethod::Pattern);
        QCOMPARE(title.hits.first().column, QStringLiteral("title"));
    }

    void limitsCutTheResultsAndSayItIsTruncated()
    {
        const QList<data::SearchScope> people{scope(QStringLiteral("public"), QStringLiteral("people")),
                                              scope(QStringLiteral("public"), QStringLiteral("articles"))};
        const auto perTable = searchOk(QStringLiteral("pg"), QStringLiteral("example"), people,
                                       [](data::SearchRequest &r) { r.perTableLimit = 2; });
        QCOMPARE(perTable.hits.size(), 2);
        QVERIFY(perTable.truncated);
        QVERIFY(perTable.skipped.isEmpty());
        const auto total = searchOk(QStringLiteral("pg"), QStringLiteral("example"), people,
                                    [](data::SearchRequest &r) { r.totalLimit = 3; });
        QCOMPARE(total.hits.size(), 3);
        QVERIFY(total.truncated);
        QCOMPARE(total.skipped.size(), 1);
        QCOMPARE(total.skipped.first().table, QStringLiteral("public.articles"));
        QCOMPARE(total.skipped.first().reason, SkipReason::LimitReached);
    }

    void aSlowTableTimesOutAndTheOthersAreStillSearched()
    {
        // sleepy takes 0.2 s a row: its statement is stopped by the server.
        QElapsedTimer clock;
        clock.start();
        const auto result = searchOk(QStringLiteral("pg"), QStringLiteral("Lovelace"),
                                     QList<data::SearchScope>{scope(QStringLiteral("public"), QStringLiteral("sleepy")),
                                                              scope(QStringLiteral("public"), QStringLiteral("people"))},
                                     [](data::SearchRequest &r) { r.tableTimeoutMs = 300; });
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(result.truncated);
        QCOMPARE(result.skipped.size(), 1);
        QCOMPARE(result.skipped.first().table, QStringLiteral("public.sleepy"));
        QCOMPARE(result.skipped.first().reason, SkipReason::Timeout);
        QCOMPARE(ids(result.hits), (QList<int>{1}));
        // The connection is clean afterwards: the timeout was local to that table.
        QCOMPARE(searchOk(QStringLiteral("pg"), QStringLiteral("Lovelace"), QList<data::SearchScope>{scope(QStringLiteral("public"), QStringLiteral("people"))}).hits.size(), 1);
    }

    void anExhaustedBudgetSkipsTheRemainingTables()
    {
        QElapsedTimer clock;
        clock.start();
        const auto result = searchOk(QStringLiteral("pg"), QStringLiteral("Lovelace"),
                                     QList<data::SearchScope>{scope(QStringLiteral("public"), QStringLiteral("sleepy")),
                                                              scope(QStringLiteral("public"), QStringLiteral("people")),
                                                              scope(QStringLiteral("public"), QStringLiteral("notes"))},
                                     [](data::SearchRequest &r) {
                                         r.budgetMs = 400;
                                         r.tableTimeoutMs = 10000;   // capped by what is left of the budget
                                     });
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(result.truncated);
        QVERIFY(result.hits.isEmpty());
        QCOMPARE(result.skipped.size(), 3);
        QCOMPARE(result.skipped.at(0).reason, SkipReason::Timeout);
        QCOMPARE(result.skipped.at(1).table, QStringLiteral("public.people"));
        QCOMPARE(result.skipped.at(1).reason, SkipReason::TimeBudget);
        QCOMPARE(result.skipped.at(2).reason, SkipReason::TimeBudget);
        QVERIFY(result.elapsedMs >= 400);
    }

    void aRunningSearchIsCancelledThroughThePool()
    {
        data::SearchRequest request;
        request.text = QStringLiteral("nowhere");
        request.tables = QList<data::SearchScope>{scope(QStringLiteral("public"), QStringLiteral("sleepy"))};
        request.budgetMs = 60000;
        request.tableTimeoutMs = 60000;
        auto job = data::startSearch(m_registry, QStringLiteral("pg"), request);
        QTest::qWait(400);
        QVERIFY(!job.future.isFinished());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(m_registry.cancel(QStringLiteral("pg"), job.id));
        const auto result = resultOf(job.future);
        QVERIFY(clock.elapsed() < 3000);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::QueryCancelled);
        QCOMPARE(searchOk(QStringLiteral("pg"), QStringLiteral("Lovelace"), QList<data::SearchScope>{scope(QStringLiteral("public"), QStringLiteral("people"))}).hits.size(), 1);
    }

    void badRequestsFail()
    {
        QCOMPARE(search(QStringLiteral("pg"), QStringLiteral("   ")).error().code(), ErrorCode::ValidationFailed);
        QCOMPARE(search(QStringLiteral("pg"), QString(201, u'x')).error().code(), ErrorCode::ValidationFailed);
        QCOMPARE(search(QStringLiteral("nope"), QStringLiteral("x")).error().code(), ErrorCode::NotFound);
        // A named table that does not exist is skipped and reported, the others searched.
        const auto result = searchOk(QStringLiteral("pg"), QStringLiteral("Lovelace"),
                                     QList<data::SearchScope>{scope(QStringLiteral("public"), QStringLiteral("ghost")),
                                                              scope(QStringLiteral("public"), QStringLiteral("people"))});
        QCOMPARE(result.skipped.size(), 1);
        QCOMPARE(result.skipped.first().reason, SkipReason::Failed);
        QCOMPARE(result.hits.size(), 1);
    }

    // ---- SQLite ----

    void sqliteFts5TablesAreSearchedWithMatchAndSnippet()
    {
        const auto result = searchOk(QStringLiteral("lite"), QStringLiteral("brown fox"));
        const auto hits = hitsIn(result.hits, QStringLiteral("main.docs"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().method, SearchMethod::FullText);
        QCOMPARE(hits.first().key, (QJsonObject{{QStringLiteral("rowid"), 1}}));
        QCOMPARE(hits.first().column, QStringLiteral("body"));
        QCOMPARE(highlighted(hits.first()), QStringLiteral("brown"));
        QCOMPARE(hits.first().highlights.size(), 2);
        // The FTS shadow tables hold the same text; they are not searched.
        for (const QString &table : tablesOf(result.hits))
            QVERIFY2(!table.startsWith(QLatin1String("main.docs_")), qPrintable(table));
    }

    void sqliteFts5QuerySyntaxInTheNeedleIsHarmless_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::newRow("quote") << QStringLiteral("fox\"");
        QTest::newRow("near") << QStringLiteral("NEAR(fox");
        QTest::newRow("column filter") << QStringLiteral("title: fox*");
        QTest::newRow("punctuation only") << QStringLiteral("%_");
    }

    void sqliteFts5QuerySyntaxInTheNeedleIsHarmless()
    {
        QFETCH(QString, needle);
        const auto result = search(QStringLiteral("lite"), needle);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QVERIFY(result.value().skipped.isEmpty());
    }

    void sqlitePlainTablesAreSearchedWithLike()
    {
        const auto result = searchOk(QStringLiteral("lite"), QStringLiteral("FOX"));
        const auto plain = hitsIn(result.hits, QStringLiteral("main.plain"));
        QCOMPARE(ids(plain), (QList<int>{1, 2}));
        QCOMPARE(plain.first().method, SearchMethod::Pattern);
        const QStringList columns{plain.at(0).column, plain.at(1).column};
        QVERIFY(columns.contains(QStringLiteral("secret")) && columns.contains(QStringLiteral("note")));
        QCOMPARE(ids(searchOk(QStringLiteral("lite"), QStringLiteral("0%")).hits), (QList<int>{1}));
        QCOMPARE(ids(searchOk(QStringLiteral("lite"), QStringLiteral("_")).hits), (QList<int>{1}));
        const QList<data::SearchScope> hidden{scope(QString(), QStringLiteral("plain"), {QStringLiteral("secret")})};
        QCOMPARE(ids(searchOk(QStringLiteral("lite"), QStringLiteral("fox"), hidden).hits), (QList<int>{2}));
        QVERIFY(searchOk(QStringLiteral("lite"), QStringLiteral("secret"), hidden).hits.isEmpty());
    }

    void sqliteStatementsStopAtTheTableTimeout()
    {
        const auto result = searchOk(QStringLiteral("lite"), QStringLiteral("no such text"),
                                     QList<data::SearchScope>{scope(QString(), QStringLiteral("big")),
                                                              scope(QString(), QStringLiteral("plain"))},
                                     [](data::SearchRequest &r) { r.tableTimeoutMs = 1; });
        QVERIFY(result.truncated);
        QCOMPARE(result.skipped.size(), 1);
        QCOMPARE(result.skipped.first().table, QStringLiteral("main.big"));
        QCOMPARE(result.skipped.first().reason, SkipReason::Timeout);
        QCOMPARE(result.tablesSearched, 1);
        // The handler went with the table: a later statement runs to its end.
        QCOMPARE(searchOk(QStringLiteral("lite"), QStringLiteral("hunter")).hits.size(), 1);
    }

    // ---- HTTP ----

    void httpAnswersResultsOfReadableTablesOnly()
    {
        const auto analyst = get(QStringLiteral("/api/v1/connections/main/search?q=london"));
        QCOMPARE(analyst.status, 200);
        const QJsonObject body = analyst.json();
        QCOMPARE(body.value(QStringLiteral("query")).toString(), QStringLiteral("london"));
        QCOMPARE(resultTables(analyst), (QStringList{QStringLiteral("main.customers"), QStringLiteral("main.orders"),
                                                     QStringLiteral("main.orders")}));
        const QJsonObject first = body.value(QStringLiteral("results")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("key")).toObject(), (QJsonObject{{QStringLiteral("id"), 1}}));
        QCOMPARE(first.value(QStringLiteral("column")).toString(), QStringLiteral("city"));
        QCOMPARE(first.value(QStringLiteral("snippet")).toString(), QStringLiteral("London"));
        QCOMPARE(body.value(QStringLiteral("truncated")).toBool(true), false);
        QVERIFY(body.value(QStringLiteral("skippedTables")).toArray().isEmpty());
        QVERIFY(body.contains(QStringLiteral("elapsedMs")));

        // The writer may read orders only: customers never shows up.
        const auto writer = get(QStringLiteral("/api/v1/connections/main/search?q=london"), QStringLiteral("writer-app"));
        QCOMPARE(writer.status, 200);
        QCOMPARE(resultTables(writer), (QStringList{QStringLiteral("main.orders"), QStringLiteral("main.orders")}));
        // ... not even when named.
        const auto named = get(QStringLiteral("/api/v1/connections/main/search?q=london&tables=customers"), QStringLiteral("writer-app"));
        QCOMPARE(named.status, 404);
        QCOMPARE(named.json().value(QStringLiteral("code")).toString(), QStringLiteral("TABLE_NOT_FOUND"));
        QCOMPARE(get(QStringLiteral("/api/v1/connections/main/search?q=london&tables=ghost")).status, 404);
    }

    void httpNeverSearchesHiddenColumns()
    {
        // customers.email is hidden from the analyst.
        const auto hidden = get(QStringLiteral("/api/v1/connections/main/search?q=example.com"));
        QCOMPARE(hidden.status, 200);
        QVERIFY(hidden.json().value(QStringLiteral("results")).toArray().isEmpty());
        const auto dba = get(QStringLiteral("/api/v1/connections/main/search?q=example.com"), QStringLiteral("dba-app"));
        QCOMPARE(dba.status, 200);
        QCOMPARE(dba.json().value(QStringLiteral("results")).toArray().size(), 2);
    }

    void httpDecodesTheFormEncodedQueryAndHonoursTablesAndLimit()
    {
        const auto spaced = get(QStringLiteral("/api/v1/connections/main/search?q=ship+to&tables=main.orders"));
        QCOMPARE(spaced.status, 200);
        QCOMPARE(spaced.json().value(QStringLiteral("query")).toString(), QStringLiteral("ship to"));
        QCOMPARE(resultTables(spaced).size(), 2);
        const auto limited = get(QStringLiteral("/api/v1/connections/main/search?q=london&limit=1"));
        QCOMPARE(limited.status, 200);
        QCOMPARE(resultTables(limited).size(), 1);
        QCOMPARE(limited.json().value(QStringLiteral("truncated")).toBool(), true);
        QCOMPARE(limited.json().value(QStringLiteral("skippedTables")).toArray().first().toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("limit reached"));
    }

    void httpRefusesBadRequests_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("client");
        QTest::addColumn<int>("status");
        QTest::newRow("no q") << QStringLiteral("/api/v1/connections/main/search") << QStringLiteral("analyst-app") << 400;
        QTest::newRow("empty q") << QStringLiteral("/api/v1/connections/main/search?q=+") << QStringLiteral("analyst-app") << 400;
        QTest::newRow("long q") << QStringLiteral("/api/v1/connections/main/search?q=") + QString(201, u'a') << QStringLiteral("analyst-app") << 400;
        QTest::newRow("bad limit") << QStringLiteral("/api/v1/connections/main/search?q=a&limit=x") << QStringLiteral("analyst-app") << 400;
        QTest::newRow("zero limit") << QStringLiteral("/api/v1/connections/main/search?q=a&limit=0") << QStringLiteral("analyst-app") << 400;
        QTest::newRow("unknown connection") << QStringLiteral("/api/v1/connections/nope/search?q=a") << QStringLiteral("analyst-app") << 404;
        QTest::newRow("invisible connection") << QStringLiteral("/api/v1/connections/main/search?q=a") << QStringLiteral("nobody-app") << 404;
        QTest::newRow("no token") << QStringLiteral("/api/v1/connections/main/search?q=a") << QString() << 401;
    }

    void httpRefusesBadRequests()
    {
        QFETCH(QString, path);
        QFETCH(QString, client);
        QFETCH(int, status);
        const auto reply = get(path, client);
        QCOMPARE(reply.status, status);
        if (status < 500 && status != 401)
            QCOMPARE(reply.json().keys(), (QStringList{QStringLiteral("code"), QStringLiteral("details"),
                                                       QStringLiteral("hint"), QStringLiteral("message")}));
    }
};

QTEST_MAIN(TstSearch)
#include "tst_search.moc"

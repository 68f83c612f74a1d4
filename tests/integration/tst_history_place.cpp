// Where the migration history is and whether it exists (locateHistory, one
// query through the catalog caches): only a table by that name in the
// current schema is the history. A view, a materialized view, a sequence or
// an index so named is not, a partitioned table is, and one in a schema
// later on the search_path is not the current schema's. Real PostgreSQL and
// SQLite.
#include "MigrateTestSupport.h"
#include "migrate/MigrationHistory.h"

#include <QtTest>

using namespace tw;
using namespace tw::test;

namespace {

// locateHistory() after `setup` (run in the same job, on the same
// connection), as "schema:yes" or "schema:no".
QString place(MigrateBench &bench, const QString &setup = {})
{
    auto located = resultOf(bench.pool->run([setup](db::Session &session) -> Result<QString> {
        if (!setup.isEmpty()) {
            if (const Status done = session.executeScript(setup); !done.ok())
                return done.error();
        }
        auto found = migrate::locateHistory(session);
        if (session.dialect().driver() == config::Driver::Postgres)
            (void)session.executeScript(QStringLiteral("RESET search_path"));
        if (!found)
            return found.error();
        return found.value().schema + (found.value().exists ? QStringLiteral(":yes") : QStringLiteral(":no"));
    }));
    return located.ok() ? located.value() : located.error().toString();
}

} // namespace

class HistoryPlaceTest : public QObject
{
    Q_OBJECT

    ScratchPostgres m_scratch{QStringLiteral("tw_history_place")};

private slots:
    void cleanupTestCase() { m_scratch.dropAll(); }

    void onlyATableIsTheHistoryOnPostgres()
    {
        MigrateBench bench;
        if (!openBenchOrSkip(bench, config::Driver::Postgres, m_scratch))
            return;
        QCOMPARE(place(bench), QStringLiteral("public:no"));
        // Each relation kind in a schema of its own, made the current one.
        const QList<std::pair<QString, QString>> cases{
            {QStringLiteral("CREATE VIEW %1.tablewright_schema_history AS SELECT 1 AS installed_rank"), QStringLiteral("no")},
            {QStringLiteral("CREATE SEQUENCE %1.tablewright_schema_history"), QStringLiteral("no")},
            {QStringLiteral("CREATE TABLE %1.base (x int); CREATE INDEX tablewright_schema_history ON %1.base (x)"), QStringLiteral("no")},
            {QStringLiteral("CREATE MATERIALIZED VIEW %1.tablewright_schema_history AS SELECT 1 AS x"), QStringLiteral("no")},
            {QStringLiteral("CREATE TABLE %1.tablewright_schema_history (installed_rank int) PARTITION BY RANGE (installed_rank)"),
             QStringLiteral("yes")},
            {QStringLiteral("CREATE TABLE %1.tablewright_schema_history (installed_rank int)"), QStringLiteral("yes")},
        };
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const QString schema = QStringLiteral("kind_%1").arg(i);
            const QString setup = QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1; ").arg(schema)
                                  + cases.at(i).first.arg(schema) + QStringLiteral("; SET search_path = %1").arg(schema);
            QCOMPARE(place(bench, setup), schema + u':' + cases.at(i).second);
        }
        // Later on the search_path only: not the current schema's history.
        QCOMPARE(place(bench, QStringLiteral("CREATE SCHEMA IF NOT EXISTS empty_first; SET search_path = empty_first, kind_5")),
                 QStringLiteral("empty_first:no"));
    }

    void onlyATableIsTheHistoryOnSqlite()
    {
        MigrateBench bench;
        QVERIFY(openBenchOrSkip(bench, config::Driver::Sqlite, m_scratch));
        const auto exec = [&bench](const QString &sql) {
            return resultOf(bench.pool->run([sql](db::Session &s) { return s.executeScript(sql); })).ok();
        };
        QCOMPARE(place(bench), QStringLiteral("main:no"));
        QVERIFY(exec(QStringLiteral("CREATE VIEW tablewright_schema_history AS SELECT 1 AS installed_rank")));
        QCOMPARE(place(bench), QStringLiteral("main:no"));
        QVERIFY(exec(QStringLiteral("DROP VIEW tablewright_schema_history; CREATE TABLE tablewright_schema_history (x)")));
        QCOMPARE(place(bench), QStringLiteral("main:yes"));
    }
};

QTEST_GUILESS_MAIN(HistoryPlaceTest)
#include "tst_history_place.moc"

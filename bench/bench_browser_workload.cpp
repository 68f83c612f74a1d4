// The workload of bench_browser: tables `big` (--rows) and `small` (1,000
// rows) of one shape in a scratch PostgreSQL database and a SQLite file,
// generated fast by the servers themselves and kept for --reuse.
#include "bench_browser_support.h"

#include "db/Transaction.h"

#include <utility>

namespace tw::bench {

namespace {

// For generation: one connection, no acquire timeout worth speaking of.
config::ConnectionProfile longJobs(config::ConnectionProfile profile)
{
    profile.name += QStringLiteral("-setup");
    profile.pool.size = 1;
    profile.pool.overflow = 0;
    profile.pool.acquireTimeoutMs = 3600000;
    return profile;
}

} // namespace

qint64 tableRows(db::Pool &pool, const QString &table)
{
    return await(pool.run([table](db::Session &s) -> Result<qint64> {
        auto n = s.scalar(QStringLiteral("SELECT count(*) FROM ") + s.dialect().quoteIdentifier(table));
        return n.ok() ? n.value().toLongLong() : qint64(-1);   // missing table: generate
    }), QStringLiteral("count ") + table);
}

namespace {

// One INSERT … SELECT generate_series, the key added afterwards (one index
// build instead of 10M insertions), then VACUUM ANALYZE as autovacuum would
// leave a loaded table (statistics for the histogram, hint bits set), so
// autovacuum does not wake up in the middle of the measurements.
Status generatePostgres(db::Session &s, const QString &table, qint64 rows)
{
    const QString t = s.dialect().quoteIdentifier(table);
    const QStringList statements{
        QStringLiteral("SET client_min_messages = warning"),
        QStringLiteral("DROP TABLE IF EXISTS ") + t,
        QStringLiteral("CREATE TABLE ") + t
            + QStringLiteral(" (id bigint NOT NULL, name text, amount numeric(12,2), created timestamptz, flag boolean, note text)"),
        QStringLiteral("INSERT INTO ") + t
            + QStringLiteral(" SELECT g, 'name ' || g, (g % 100000) / 100.0, timestamptz '2020-01-01 00:00:00+00' + g * interval '1 second', "
                             "g % 2 = 0, CASE WHEN g % 7 = 0 THEN NULL ELSE 'note ' || (g * 7919 % 1000003) END "
                             "FROM generate_series(1, %1::bigint) g").arg(rows),
        QStringLiteral("SET maintenance_work_mem = '512MB'"),
        QStringLiteral("ALTER TABLE ") + t + QStringLiteral(" ADD PRIMARY KEY (id)"),
        QStringLiteral("RESET maintenance_work_mem"),
        QStringLiteral("VACUUM (ANALYZE) ") + t,
    };
    for (const QString &sql : statements) {
        if (auto r = s.execute(sql); !r.ok())
            return r.error();
    }
    return {};
}

// One transaction, one recursive-CTE INSERT, no journal while it runs.
Status generateSqlite(db::Session &s, const QString &table, qint64 rows)
{
    const QString t = s.dialect().quoteIdentifier(table);
    for (const QString &sql : {QStringLiteral("DROP TABLE IF EXISTS ") + t,
                               QStringLiteral("CREATE TABLE ") + t
                                   + QStringLiteral(" (id INTEGER PRIMARY KEY, name TEXT, amount NUMERIC(12,2), created TEXT, flag BOOLEAN, note TEXT)")}) {
        if (auto r = s.execute(sql); !r.ok())
            return r.error();
    }
    db::Transaction tx(s);
    if (!tx.begun().ok())
        return tx.begun();
    auto inserted = s.execute(
        QStringLiteral("WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < %1) "
                       "INSERT INTO ").arg(rows) + t
        + QStringLiteral(" SELECT x, 'name ' || x, (x % 100000) / 100.0, datetime(1577836800 + x, 'unixepoch') || '+00', "
                         "x % 2 = 0, CASE WHEN x % 7 = 0 THEN NULL ELSE 'note ' || (x * 7919 % 1000003) END FROM g"));
    if (!inserted.ok())
        return inserted.error();
    if (auto c = tx.commit(); !c.ok())
        return c;
    if (auto r = s.execute(QStringLiteral("ANALYZE ") + t); !r.ok())
        return r.error();
    return {};
}

void generate(db::Pool &pool, const QString &table, qint64 rows, bool postgres)
{
    QElapsedTimer timer;
    timer.start();
    await(pool.run([table, rows, postgres](db::Session &s) {
        return postgres ? generatePostgres(s, table, rows) : generateSqlite(s, table, rows);
    }), QStringLiteral("generate ") + table);
    if (tableRows(pool, table) != rows)
        fail(QStringLiteral("generated table %1 has the wrong row count").arg(table));
    out() << QStringLiteral("  generated %1: %2 rows in %3 s\n")
                 .arg(table, -5).arg(rows).arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    out().flush();
}

void prepareTables(db::Pool &pool, const Options &options, bool postgres)
{
    for (const auto &[table, rows] : {std::pair{QStringLiteral("big"), options.rows}, std::pair{QStringLiteral("small"), kSmallRows}}) {
        if (options.reuse && tableRows(pool, table) == rows) {
            out() << QStringLiteral("  reusing %1 (%2 rows)\n").arg(table, -5).arg(rows);
            continue;
        }
        generate(pool, table, rows, postgres);
    }
}

} // namespace

void preparePostgres(const Options &options)
{
    const QString name = QString::fromLatin1(kDatabase);
    db::Pool admin(longJobs(postgresProfile(env("TW_TEST_PG_DB", QStringLiteral("postgres")))));
    await(admin.open(), QStringLiteral("connect to PostgreSQL"));
    await(admin.run([name, reuse = options.reuse](db::Session &s) -> Result<qint64> {
        const QString quoted = s.dialect().quoteIdentifier(name);
        auto exists = s.scalar(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"), {name});
        if (!exists.ok())
            return exists.error();
        if (exists.value().toInt() > 0 && reuse)
            return 0;
        (void)s.execute(QStringLiteral("SET client_min_messages = warning"));
        if (auto r = s.execute(QStringLiteral("DROP DATABASE IF EXISTS ") + quoted + QStringLiteral(" WITH (FORCE)")); !r.ok())
            return r;
        return s.execute(QStringLiteral("CREATE DATABASE ") + quoted);
    }), QStringLiteral("create database"));
    db::Pool pool(longJobs(postgresProfile(name)));
    await(pool.open(), QStringLiteral("connect to ") + name);
    prepareTables(pool, options, true);
}

void prepareSqlite(const Options &options)
{
    if (!options.reuse) {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(QString::fromLatin1(kSqliteFile) + QString::fromLatin1(suffix));
    }
    // The pool opens existing files only; SQLite takes an empty file as a new database.
    if (QFile file(QString::fromLatin1(kSqliteFile)); !file.exists() && !file.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot create ") + QString::fromLatin1(kSqliteFile));
    db::Pool pool(longJobs(sqliteProfile()));
    await(pool.open(), QStringLiteral("open ") + QString::fromLatin1(kSqliteFile));
    prepareTables(pool, options, false);
}

} // namespace tw::bench

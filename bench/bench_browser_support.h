// Shared parts of bench_browser (see bench_browser.cpp for what it measures):
// options, output, timing and memory helpers, the connection profiles, the
// generated workload and the DB Browser for SQLite reference.
#pragma once

#include "db/Pool.h"
#include "error/Error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <vector>

namespace tw::bench {

constexpr int kPage = 200;           // rows per page, ours and the reference's chunks
constexpr qint64 kSmallRows = 1000;
constexpr int kRepeats = 5;
inline const char *const kDatabase = "tw_bench_browser";
inline const char *const kSqliteFile = "/tmp/tw_bench_browser.sqlite";

struct Options
{
    qint64 rows = 10'000'000;
    int positions = 1000;
    int referencePositions = 50;   // on the big table; the small one gets --positions
    int visitBudgetS = 180;        // per table: a slow build cannot make the run take hours
    bool postgres = true;
    bool sqlite = true;
    bool reuse = false;
};

inline QString env(const char *name, const QString &fallback = {})
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] inline void fail(const QString &what)
{
    out().flush();
    QTextStream(stderr) << "bench_browser: " << what << '\n';
    ::exit(1);
}

inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(std::ceil(p * double(values.size())) - 1));
    return values[p <= 0 ? 0 : at];
}
inline double median(const std::vector<double> &values) { return percentile(values, 0.5); }
inline double maxOf(const std::vector<double> &values) { return values.empty() ? 0 : *std::max_element(values.begin(), values.end()); }
inline double msSince(const QElapsedTimer &timer) { return timer.nsecsElapsed() / 1e6; }

// Resident set size in MB, as `top` shows it.
inline double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// Pool futures finish on a pool thread: blocking for them is fine.
template<typename T>
T await(QFuture<Result<T>> future, const QString &what)
{
    future.waitForFinished();
    Result<T> result = future.result();
    if (!result.ok())
        fail(what + QStringLiteral(": ") + result.error().toString());
    if constexpr (!std::is_void_v<T>)
        return std::move(result.value());
}

// Registry futures finish on this thread's event loop: spin it.
inline void awaitInLoop(QFuture<Status> future, const QString &what)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!future.result().ok())
        fail(what + QStringLiteral(": ") + future.result().error().toString());
}

inline config::ConnectionProfile postgresProfile(const QString &database)
{
    config::ConnectionProfile profile;
    profile.name = QStringLiteral("pg");
    profile.driver = config::Driver::Postgres;
    profile.host = env("TW_TEST_PG_HOST", QStringLiteral("127.0.0.1"));
    profile.port = env("TW_TEST_PG_PORT").toInt();
    profile.user = env("TW_TEST_PG_USER");
    profile.password = env("TW_TEST_PG_PASSWORD");
    profile.database = database;
    profile.sslmode = QStringLiteral("disable");
    return profile;   // the default pool settings: what a user's connection gets
}

inline config::ConnectionProfile sqliteProfile()
{
    config::ConnectionProfile profile;
    profile.name = QStringLiteral("sqlite");
    profile.driver = config::Driver::Sqlite;
    profile.database = QString::fromLatin1(kSqliteFile);
    return profile;
}

// ---- workload (bench_browser_workload.cpp) ----------------------------------

// Rows of `table`, -1 when it does not exist.
qint64 tableRows(db::Pool &pool, const QString &table);
// The scratch database / file with `big` and `small`, generated unless
// --reuse finds them with the right row counts; prints generation times.
void preparePostgres(const Options &options);
void prepareSqlite(const Options &options);

// ---- reference (bench_browser_reference.cpp) -------------------------------

// DB Browser for SQLite's way of browsing (src/RowLoader.cpp, RowCache):
// `ORDER BY id LIMIT 200 OFFSET k` chunks, every chunk ever read kept.
struct Reference
{
    double countMs = 0;
    double first = 0, last = 0, middle = 0;
    double slowest = 0;
    std::vector<double> visits;
    int positions = 0;
    double rssStart = 0, rssEnd = 0;
    qint64 keptRows = 0;
    double rssAt1000 = 0;   // extrapolated from the bytes kept per row
};

Reference runReference(db::Pool &pool, const QString &table, int positions);

} // namespace tw::bench

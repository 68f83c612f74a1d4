// Pool throughput against the raw driver, side by side in one run.
//
// Workload: N small parameterised point queries (`SELECT $1::int + 1`) from
// C concurrent clients. Reference: C threads, each with its own libpq
// connection, calling PQexecParams in a loop — the fastest a caller could go
// without Tablewright. Measured: the same queries as pool jobs (pool size C).
// Prints both rates and tablewright/raw; higher is better, 1.0 is parity.
//
// Needs TW_TEST_PG_* (tools/bench.sh starts a throw-away server).
#include "db/Pool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>

#include <libpq-fe.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace tw;

namespace {

QString env(const char *name, const QString &fallback = {})
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

double runRaw(const QByteArray &conninfo, int clients, int perClient)
{
    std::vector<PGconn *> conns;
    for (int i = 0; i < clients; ++i) {
        PGconn *c = PQconnectdb(conninfo.constData());
        if (PQstatus(c) != CONNECTION_OK)
            qFatal("raw connect failed: %s", PQerrorMessage(c));
        conns.push_back(c);
    }
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([conn = conns[i], perClient] {
            for (int q = 0; q < perClient; ++q) {
                const QByteArray value = QByteArray::number(q);
                const char *params[1] = {value.constData()};
                PGresult *r = PQexecParams(conn, "SELECT $1::int + 1", 1, nullptr, params, nullptr, nullptr, 0);
                if (PQresultStatus(r) != PGRES_TUPLES_OK)
                    qFatal("raw query failed");
                PQclear(r);
            }
        });
    }
    for (auto &t : threads)
        t.join();
    const double seconds = timer.nsecsElapsed() / 1e9;
    for (PGconn *c : conns)
        PQfinish(c);
    return clients * perClient / seconds;
}

double runPool(const config::ConnectionProfile &profile, int clients, int perClient)
{
    db::Pool pool(profile);
    pool.open().waitForFinished();
    // Warm every connection so both sides start with open connections.
    std::vector<QFuture<Result<qint64>>> warm;
    for (int i = 0; i < clients; ++i)
        warm.push_back(pool.run([](db::Session &s) { return s.execute(QStringLiteral("SELECT pg_sleep(0.05)")); }));
    for (auto &f : warm)
        f.waitForFinished();

    QElapsedTimer timer;
    timer.start();
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([&pool, perClient, &failures] {
            for (int q = 0; q < perClient; ++q) {
                auto f = pool.run([q](db::Session &s) { return s.scalar(QStringLiteral("SELECT ?::int + 1"), {q}); });
                f.waitForFinished();
                if (!f.result().ok())
                    ++failures;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (failures > 0)
        qFatal("%d pool queries failed", failures.load());
    return clients * perClient / seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("tablewright.*.debug=false"));
    if (env("TW_TEST_PG_PORT").isEmpty()) {
        QTextStream(stderr) << "bench_pool: set TW_TEST_PG_* or run tools/bench.sh\n";
        return 2;
    }
    const int clients = env("TW_BENCH_CLIENTS", QStringLiteral("4")).toInt();
    const int perClient = env("TW_BENCH_QUERIES", QStringLiteral("2000")).toInt();

    config::ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.driver = config::Driver::Postgres;
    profile.host = env("TW_TEST_PG_HOST", QStringLiteral("127.0.0.1"));
    profile.port = env("TW_TEST_PG_PORT").toInt();
    profile.user = env("TW_TEST_PG_USER");
    profile.password = env("TW_TEST_PG_PASSWORD");
    profile.database = env("TW_TEST_PG_DB", QStringLiteral("postgres"));
    profile.sslmode = QStringLiteral("disable");
    profile.pool.size = clients;
    profile.pool.overflow = 0;

    const QByteArray conninfo = QStringLiteral("host=%1 port=%2 user=%3 password=%4 dbname=%5 sslmode=disable")
                                    .arg(profile.host).arg(profile.port).arg(profile.user, profile.password, profile.database)
                                    .toUtf8();

    QTextStream out(stdout);
    out << "bench_pool: " << clients << " clients x " << perClient << " point queries\n";
    // Alternate to even out drift on a shared machine; report the best of each.
    double raw = 0, pooled = 0, pooledNoPing = 0;
    auto noPing = profile;
    noPing.pool.prePing = false;
    for (int round = 0; round < 2; ++round) {
        raw = std::max(raw, runRaw(conninfo, clients, perClient));
        pooled = std::max(pooled, runPool(profile, clients, perClient));
        pooledNoPing = std::max(pooledNoPing, runPool(noPing, clients, perClient));
    }
    out << QStringLiteral("raw libpq (PQexecParams)      %1 queries/s\n").arg(raw, 0, 'f', 0);
    out << QStringLiteral("pool, pre-ping on (default)  %1 queries/s  ratio %2\n").arg(pooled, 0, 'f', 0).arg(pooled / raw, 0, 'f', 2);
    out << QStringLiteral("pool, pre-ping off           %1 queries/s  ratio %2\n").arg(pooledNoPing, 0, 'f', 0).arg(pooledNoPing / raw, 0, 'f', 2);
    return 0;
}

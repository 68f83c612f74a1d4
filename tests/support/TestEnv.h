#pragma once

#include "config/ConnectionProfile.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QEventLoop>
#include <QTimer>
#include <QString>

namespace tw::test {

// Services are started by tools/test.sh, which exports TW_TEST_REQUIRE_SERVICES=1.
// Under it a missing service fails the test instead of skipping it, so CI can
// never go green by skipping.
bool servicesRequired();

// The throw-away PostgreSQL server from tools/pg-test-server.sh, or nullopt.
std::optional<config::ConnectionProfile> postgresProfile(const QString &name = QStringLiteral("pg"));
// Restarts that server (pg_ctl restart -m fast); used by recovery tests.
bool restartPostgres(QString *errorOut = nullptr);

QString sourceDir();
QString chinookDir();          // ../shared/fixtures/chinook, or TW_CHINOOK_DIR
QString demoSeedPath();        // resources/demo/seed.sql

config::ConnectionProfile sqliteProfile(const QString &file, const QString &name = QStringLiteral("lite"));

// promtool: $TW_PROMTOOL (set by tools/test.sh via tools/fetch-promtool.sh), else PATH; empty when none.
QString promtoolPath();

// A port on 127.0.0.1 that nothing listens on (bound, read, released).
int closedPort();

// Blocks until a pool job's future finishes (pool futures finish on worker
// threads, so no event loop is needed) and returns its result.
template<typename R>
R resultOf(QFuture<R> future)
{
    future.waitForFinished();
    return future.result();
}

// Waits for a future while running this thread's event loop, so futures that
// finish through queued signals on this thread (keychain jobs) can complete.
template<typename T>
bool waitFor(const QFuture<T> &future, int timeoutMs = 30000)
{
    if (future.isFinished())
        return true;
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    timer.start(timeoutMs);
    if (!future.isFinished())
        loop.exec();
    return future.isFinished();
}

} // namespace tw::test

// Fails the test with the service name when required, otherwise skips.
#define TW_REQUIRE_SERVICE(available, what)                                              \
    do {                                                                                 \
        if (!(available)) {                                                              \
            if (tw::test::servicesRequired())                                            \
                QFAIL(qPrintable(QStringLiteral("required test service missing: ") + what)); \
            QSKIP(qPrintable(QStringLiteral("test service not running: ") + what));      \
        }                                                                                \
    } while (false)

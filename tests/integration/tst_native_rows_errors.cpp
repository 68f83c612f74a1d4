// Session::readRows (the history read of `migrate status`, on the native
// handle) fails the way Session::exec fails: the same error codes for the
// same SQLSTATE or SQLite result, QUERY_CANCELLED when cancelled, and a
// briefly locked SQLite file retried (from the adversarial review).
#include "TestEnv.h"
#include "db/Pool.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <optional>
#include <thread>
#include <QtTest>

using namespace tw;
using namespace tw::db;

namespace {

Result<int> readCount(Pool &pool, const QString &sql, bool native)
{
    return test::resultOf(pool.run([sql, native](Session &s) -> Result<int> {
        if (!native) {
            auto rows = s.exec(sql);
            if (!rows)
                return rows.error();
            int n = 0;
            while (rows.value().next())
                ++n;
            return n;
        }
        int n = 0;
        const Status read = s.readRows(sql, [&n](const NativeRow &) { ++n; });
        if (!read.ok())
            return read.error();
        return n;
    }));
}

// PostgreSQL with a pool of one connection, when the test server runs.
std::optional<config::ConnectionProfile> onePostgresConnection()
{
    auto p = test::postgresProfile();
    if (p) {
        p->pool.size = 1;
        p->pool.overflow = 0;
    }
    return p;
}

QString codeOf(const Result<int> &r)
{
    return r.ok() ? QStringLiteral("ok") : errorCodeName(r.error().code());
}

} // namespace

class TestNativeRowsErrors : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    // Same statement, same failure: readRows reports what exec reports.
    void postgresErrorsKeepTheirCode()
    {
        const auto p = onePostgresConnection();
        TW_REQUIRE_SERVICE(p.has_value(), "PostgreSQL");
        Pool pool(*p);
        const QString missing = QStringLiteral("SELECT * FROM rv_nowhere_at_all");
        QCOMPARE(codeOf(readCount(pool, missing, true)), codeOf(readCount(pool, missing, false)));
    }

    // Rows are read as they come (single-row mode): a statement that fails
    // after some rows still fails as exec fails, and the one connection is
    // ready for the next statement (every result was read off it).
    void aPostgresReadFailingMidwayFailsWholeAndFreesTheConnection()
    {
        const auto p = onePostgresConnection();
        TW_REQUIRE_SERVICE(p.has_value(), "PostgreSQL");
        Pool pool(*p);
        const QString midway = QStringLiteral("SELECT 1 / (3 - g) FROM generate_series(1, 5) AS g"); // 22012 at the third row
        const auto native = readCount(pool, midway, true);
        QVERIFY(!native.ok());
        QCOMPARE(native.error().details().value(QStringLiteral("sqlstate")).toString(), QStringLiteral("22012"));
        QCOMPARE(codeOf(native), codeOf(readCount(pool, midway, false)));
        QCOMPARE(readCount(pool, QStringLiteral("SELECT g FROM generate_series(1, 3) AS g"), true).value(), 3);
    }

    void postgresPermissionDeniedIsPermissionDenied()
    {
        const auto p = onePostgresConnection();
        TW_REQUIRE_SERVICE(p.has_value(), "PostgreSQL");
        Pool pool(*p);
        // A role without SELECT on the history table (what `migrate status` reads).
        QVERIFY(test::resultOf(pool.run([](Session &s) -> Result<qint64> {
                    (void)s.execute(QStringLiteral("DROP TABLE IF EXISTS rv_secret"));
                    (void)s.execute(QStringLiteral("DROP ROLE IF EXISTS rv_noaccess"));
                    if (auto r = s.execute(QStringLiteral("CREATE ROLE rv_noaccess")); !r)
                        return r.error();
                    return s.execute(QStringLiteral("CREATE TABLE rv_secret (x int)"));
                })).ok());
        const auto asRole = [&pool](bool native) {
            return test::resultOf(pool.run([native](Session &s) -> Result<int> {
                if (auto r = s.execute(QStringLiteral("SET ROLE rv_noaccess")); !r)
                    return r.error();
                Result<int> out = 0;
                if (native) {
                    const Status read = s.readRows(QStringLiteral("SELECT * FROM rv_secret"), [](const NativeRow &) {});
                    if (!read.ok())
                        out = read.error();
                } else if (auto rows = s.exec(QStringLiteral("SELECT * FROM rv_secret")); !rows) {
                    out = rows.error();
                }
                (void)s.execute(QStringLiteral("RESET ROLE"));
                return out;
            }));
        };
        QCOMPARE(codeOf(asRole(false)), QStringLiteral("PERMISSION_DENIED"));
        QCOMPARE(codeOf(asRole(true)), QStringLiteral("PERMISSION_DENIED"));
    }

    void aCancelledPostgresReadIsCancelled()
    {
        const auto p = onePostgresConnection();
        TW_REQUIRE_SERVICE(p.has_value(), "PostgreSQL");
        Pool pool(*p);
        QVERIFY(readCount(pool, QStringLiteral("SELECT 1"), true).ok());
        auto job = pool.submit([](Session &s) -> Result<int> {
            const Status read = s.readRows(QStringLiteral("SELECT pg_sleep(10)"), [](const NativeRow &) {});
            if (!read.ok())
                return read.error();
            return 1;
        });
        QThread::msleep(300);
        QVERIFY(pool.cancel(job.id));
        const auto r = test::resultOf(job.future);
        QCOMPARE(codeOf(r), QStringLiteral("QUERY_CANCELLED"));
    }

    // A readonly SQLite connection (rollback journal: no WAL) while another
    // process holds the write lock for 300 ms: exec retries through it
    // (busyRetries), and so does readRows.
    void aSqliteReadWaitsThroughAShortLockLikeExec()
    {
        QVERIFY(m_dir.isValid());
        const QString file = m_dir.filePath(QStringLiteral("locked.sqlite"));
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(file.toUtf8().constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "CREATE TABLE h (x int); INSERT INTO h VALUES (1), (2)", nullptr, nullptr, nullptr), SQLITE_OK);

        auto p = test::sqliteProfile(file);
        p.readonly = true;
        p.pool.size = 1;
        p.pool.overflow = 0;
        p.pool.busyTimeoutMs = 20;
        p.pool.busyRetries = 8;
        Pool pool(p);
        QCOMPARE(codeOf(readCount(pool, QStringLiteral("SELECT x FROM h"), true)), QStringLiteral("ok"));

        const auto underLock = [&](bool native) {
            std::atomic<bool> locked{false};
            std::thread holder([&] {
                sqlite3_exec(raw, "BEGIN EXCLUSIVE; INSERT INTO h VALUES (3)", nullptr, nullptr, nullptr);
                locked = true;
                QThread::msleep(300);
                sqlite3_exec(raw, "ROLLBACK", nullptr, nullptr, nullptr);
            });
            while (!locked)
                QThread::msleep(1);
            const auto r = readCount(pool, QStringLiteral("SELECT x FROM h"), native);
            holder.join();
            return codeOf(r);
        };
        QCOMPARE(underLock(false), QStringLiteral("ok"));
        QCOMPARE(underLock(true), QStringLiteral("ok"));
        sqlite3_close(raw);
    }
};

QTEST_GUILESS_MAIN(TestNativeRowsErrors)
#include "tst_native_rows_errors.moc"

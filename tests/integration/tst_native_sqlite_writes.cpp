// Session::executeSqlite (the history row of each SQLite migration, on the
// native handle): it binds what QSQLITE binds, gives the new rowid across
// schema changes, fails with exec()'s codes and leaves the statement usable,
// waits through a short lock, and lets the connection close.
#include "TestEnv.h"
#include "db/Pool.h"

#include <QDateTime>
#include <QFile>
#include <QUuid>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <limits>
#include <thread>
#include <QtTest>

using namespace tw;
using namespace tw::db;

namespace {

QString codeOf(const Result<qint64> &r)
{
    return r.ok() ? QStringLiteral("ok") : errorCodeName(r.error().code());
}

// typeof() and quote() of every column of `table`, in rowid order.
QStringList dump(Pool &pool, const QString &table)
{
    return test::resultOf(pool.run([table](Session &s) -> Result<QStringList> {
               auto rows = s.exec(QStringLiteral("SELECT typeof(v) || ':' || quote(v) FROM %1 ORDER BY rowid").arg(table));
               if (!rows)
                   return rows.error();
               QStringList out;
               while (rows.value().next())
                   out << rows.value().value(0).toString();
               return out;
           }))
        .value();
}

} // namespace

class TestNativeSqliteWrites : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    config::ConnectionProfile profile(const QString &name)
    {
        auto p = test::sqliteProfile(m_dir.filePath(name));
        QFile file(p.database);
        file.open(QIODevice::WriteOnly);
        p.pool.size = 1;
        p.pool.overflow = 0;
        return p;
    }

private slots:
    void bindsWhatQSqliteBinds()
    {
        Pool pool(profile(QStringLiteral("binds.sqlite")));
        const QVariantList values{QVariant(QMetaType::fromType<QString>()), QString(), QStringLiteral(""),
                                  QStringLiteral("zwölf 🦆 'quoted'"), 42, qint64(1) << 40, -7.25, true,
                                  QByteArray("a\0b", 3), QByteArray(), QVariant(), QVariant(QDateTime()),
                                  QVariant(QTime()), QVariant(QDate()), QVariant(QUuid()), QVariant(1.5f),
                                  QVariant(short(3)), QVariant(std::numeric_limits<quint64>::max())};
        const auto ok = test::resultOf(pool.run([values](Session &s) -> Result<qint64> {
            for (const char *t : {"viaqt", "native"}) {
                if (auto r = s.execute(QStringLiteral("CREATE TABLE %1 (v)").arg(QLatin1String(t))); !r)
                    return r.error();
            }
            for (const QVariant &v : values) {
                if (auto r = s.execute(QStringLiteral("INSERT INTO viaqt (v) VALUES (?)"), {v}); !r)
                    return r.error();
                if (auto r = s.executeSqlite(QStringLiteral("INSERT INTO native (v) VALUES (?)"), {v}); !r)
                    return r.error();
            }
            return 0;
        }));
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().toString()));
        const QStringList expected = dump(pool, QStringLiteral("viaqt"));
        QCOMPARE(expected.size(), values.size());
        QCOMPARE(dump(pool, QStringLiteral("native")), expected);
        QCOMPARE(expected.first(), QStringLiteral("null:NULL")); // a typed null is NULL
        QCOMPARE(expected.at(1), QStringLiteral("null:NULL"));   // and so is a null QString
        QCOMPARE(expected.at(2), QStringLiteral("text:''"));    // an empty one is not
    }

    void givesTheRowidAcrossSchemaChanges()
    {
        Pool pool(profile(QStringLiteral("rowid.sqlite")));
        const auto ids = test::resultOf(pool.run([](Session &s) -> Result<QList<qint64>> {
            if (auto r = s.execute(QStringLiteral("CREATE TABLE h (rank integer PRIMARY KEY, name text NOT NULL)")); !r)
                return r.error();
            QList<qint64> out;
            for (int i = 0; i < 3; ++i) {
                // Each CREATE expires every prepared statement: the cached
                // INSERT must be prepared again by SQLite, not fail.
                if (auto r = s.execute(QStringLiteral("CREATE TABLE t_%1 (x)").arg(i)); !r)
                    return r.error();
                auto id = s.executeSqlite(QStringLiteral("INSERT INTO h (rank, name) VALUES (NULL, ?)"), {QStringLiteral("m%1").arg(i)});
                if (!id)
                    return id.error();
                out << id.value();
            }
            return out;
        }));
        QVERIFY(ids.ok());
        QCOMPARE(ids.value(), (QList<qint64>{1, 2, 3}));
    }

    void failsLikeExecAndStaysUsable()
    {
        Pool pool(profile(QStringLiteral("errors.sqlite")));
        const auto outcome = test::resultOf(pool.run([](Session &s) -> Result<QStringList> {
            if (auto r = s.execute(QStringLiteral("CREATE TABLE h (id integer PRIMARY KEY, name text NOT NULL UNIQUE)")); !r)
                return r.error();
            const QString insert = QStringLiteral("INSERT INTO h (name) VALUES (?)");
            QStringList codes;
            codes << codeOf(s.executeSqlite(insert, {QStringLiteral("a")}));
            codes << codeOf(s.executeSqlite(insert, {QStringLiteral("a")})) << codeOf(s.execute(insert, {QStringLiteral("a")}));
            codes << codeOf(s.executeSqlite(insert, {QString()})) << codeOf(s.execute(insert, {QString()}));
            codes << codeOf(s.executeSqlite(insert, {}));                              // too few values
            codes << codeOf(s.executeSqlite(QStringLiteral("INSERT INTO nowhere VALUES (?)"), {1}))
                  << codeOf(s.execute(QStringLiteral("INSERT INTO nowhere VALUES (?)"), {1}));
            codes << codeOf(s.executeSqlite(insert, {QStringLiteral("b")})); // the failures left nothing bound or locked
            auto count = s.scalar(QStringLiteral("SELECT group_concat(name) FROM h"));
            if (!count)
                return count.error();
            codes << count.value().toString();
            return codes;
        }));
        QVERIFY(outcome.ok());
        const QStringList c = outcome.value();
        QCOMPARE(c.at(0), QStringLiteral("ok"));
        QCOMPARE(c.at(1), c.at(2)); // duplicate: exec's code
        QVERIFY(c.at(1) != QLatin1String("ok"));
        QCOMPARE(c.at(3), c.at(4)); // NULL into NOT NULL: exec's code
        QVERIFY(c.at(3) != QLatin1String("ok"));
        QCOMPARE(c.at(5), QStringLiteral("INTERNAL"));
        QCOMPARE(c.at(6), c.at(7)); // a missing table: exec's code
        QVERIFY(c.at(6) != QLatin1String("ok"));
        QCOMPARE(c.at(8), QStringLiteral("ok"));
        QCOMPARE(c.at(9), QStringLiteral("a,b"));
    }

    // Another process holds the write lock for 300 ms: the write waits
    // through it (busy_timeout, then busyRetries), as exec() does.
    void waitsThroughAShortLock()
    {
        auto p = profile(QStringLiteral("locked.sqlite"));
        p.pool.busyTimeoutMs = 20;
        p.pool.busyRetries = 8;
        Pool pool(p);
        QVERIFY(test::resultOf(pool.run([](Session &s) { return s.execute(QStringLiteral("CREATE TABLE h (x)")); })).ok());
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(p.database.toUtf8().constData(), &raw), SQLITE_OK);
        std::atomic<bool> locked{false};
        std::thread holder([&] {
            sqlite3_exec(raw, "BEGIN EXCLUSIVE; INSERT INTO h VALUES (0)", nullptr, nullptr, nullptr);
            locked = true;
            QThread::msleep(300);
            sqlite3_exec(raw, "ROLLBACK", nullptr, nullptr, nullptr);
        });
        while (!locked)
            QThread::msleep(1);
        const auto r = test::resultOf(pool.run([](Session &s) { return s.executeSqlite(QStringLiteral("INSERT INTO h VALUES (?)"), {1}); }));
        holder.join();
        sqlite3_close(raw);
        QCOMPARE(codeOf(r), QStringLiteral("ok"));
    }

    // SQLite keeps a WAL file while a connection is open: an unfinalized
    // cached statement would make QtSql's sqlite3_close fail and leave it.
    void theConnectionStillCloses()
    {
        const auto p = profile(QStringLiteral("closes.sqlite"));
        {
            Pool pool(p);
            QVERIFY(test::resultOf(pool.run([](Session &s) -> Result<qint64> {
                        if (auto r = s.execute(QStringLiteral("CREATE TABLE h (x)")); !r)
                            return r.error();
                        return s.executeSqlite(QStringLiteral("INSERT INTO h VALUES (?)"), {1});
                    })).ok());
            QVERIFY(QFile::exists(p.database + QStringLiteral("-wal")));
        }
        QVERIFY(!QFile::exists(p.database + QStringLiteral("-wal")));
    }
};

QTEST_GUILESS_MAIN(TestNativeSqliteWrites)
#include "tst_native_sqlite_writes.moc"

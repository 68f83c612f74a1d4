// Loads the Chinook sample database into both engines and reads it back
// through the pool and the catalog.
#include "TestEnv.h"
#include "catalog/TableList.h"
#include "db/Pool.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;
using namespace tw::db;

namespace {

QStringList tableNames(const QList<catalog::TableRef> &tables)
{
    QStringList names;
    for (const auto &t : tables)
        names << t.name.toLower();
    return names;
}

const QStringList kChinookTables{
    QStringLiteral("album"), QStringLiteral("artist"), QStringLiteral("customer"),
    QStringLiteral("employee"), QStringLiteral("genre"), QStringLiteral("invoice"),
    QStringLiteral("invoiceline"), QStringLiteral("mediatype"), QStringLiteral("playlist"),
    QStringLiteral("playlisttrack"), QStringLiteral("track")};

} // namespace

class TestChinook : public QObject
{
    Q_OBJECT

private slots:
    void sqliteFixtureThroughPoolAndCatalog()
    {
        const QString fixture = test::chinookDir() + QStringLiteral("/Chinook_Sqlite.sqlite");
        TW_REQUIRE_SERVICE(QFile::exists(fixture), fixture);
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("chinook.sqlite"));
        QVERIFY(QFile::copy(fixture, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

        Pool pool(test::sqliteProfile(copy, QStringLiteral("chinook-lite")));
        auto tables = test::resultOf(pool.run([](Session &s) { return catalog::listTables(s); }));
        QVERIFY2(tables.ok(), qPrintable(tables.ok() ? QString() : tables.error().toString()));
        QStringList names = tableNames(tables.value());
        QCOMPARE(names, kChinookTables);

        auto tracks = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT count(*) FROM Track")); }));
        QCOMPARE(tracks.value().toInt(), 3503);
        auto bound = test::resultOf(pool.run([](Session &s) {
            return s.scalar(QStringLiteral("SELECT Name FROM Artist WHERE ArtistId = ?"), {1});
        }));
        QCOMPARE(bound.value().toString(), QStringLiteral("AC/DC"));
    }

    void postgresScriptLoadsThroughNativeScriptPath()
    {
        auto admin = test::postgresProfile(QStringLiteral("pg-admin"));
        TW_REQUIRE_SERVICE(admin.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        QFile script(test::chinookDir() + QStringLiteral("/Chinook_PostgreSql.sql"));
        QVERIFY2(script.open(QIODevice::ReadOnly), qPrintable(script.fileName()));
        QString sql = QString::fromUtf8(script.readAll());
        // The script creates its own database with psql's \c; we load the
        // part after it into a database of our own.
        const qsizetype connect = sql.indexOf(QLatin1String("\\c chinook;"));
        QVERIFY(connect > 0);
        sql = sql.mid(connect + int(qstrlen("\\c chinook;")));

        const QString dbName = QStringLiteral("tw_chinook_%1").arg(QCoreApplication::applicationPid());
        Pool adminPool(*admin);
        QVERIFY(test::resultOf(adminPool.run([dbName](Session &s) {
                    auto dropped = s.execute(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(dbName));
                    if (!dropped)
                        return dropped;
                    return s.execute(QStringLiteral("CREATE DATABASE %1").arg(dbName));
                })).ok());

        {
            auto profile = *admin;
            profile.name = QStringLiteral("chinook-pg");
            profile.database = dbName;
            Pool pool(profile);
            const Status loaded = test::resultOf(pool.run([sql](Session &s) { return s.executeScript(sql); }));
            QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));

            auto tables = test::resultOf(pool.run([](Session &s) { return catalog::listTables(s); }));
            QVERIFY(tables.ok());
            QStringList names = tableNames(tables.value());
            QStringList expected;
            for (const QString &t : kChinookTables)
                expected << (t == QLatin1String("invoiceline") ? QStringLiteral("invoice_line")
                             : t == QLatin1String("mediatype") ? QStringLiteral("media_type")
                             : t == QLatin1String("playlisttrack") ? QStringLiteral("playlist_track") : t);
            expected.sort();
            QCOMPARE(names, expected);
            QCOMPARE(tables.value().first().schema, QStringLiteral("public"));

            auto tracks = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT count(*) FROM track")); }));
            QCOMPARE(tracks.value().toInt(), 3503);
            auto total = test::resultOf(pool.run([](Session &s) {
                return s.scalar(QStringLiteral("SELECT sum(total) FROM invoice WHERE customer_id = ?"), {1});
            }));
            QCOMPARE(total.value().toString(), QStringLiteral("39.62"));
        }
        QVERIFY(test::resultOf(adminPool.run([dbName](Session &s) {
                    return s.execute(QStringLiteral("DROP DATABASE %1").arg(dbName));
                })).ok());
    }
};

QTEST_GUILESS_MAIN(TestChinook)
#include "tst_chinook.moc"

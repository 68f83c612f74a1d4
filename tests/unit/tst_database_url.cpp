#include "config/DatabaseUrl.h"

#include <QTest>

using namespace tw;
using namespace tw::config;

class TstDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void fullPostgresUrl()
    {
        const auto r = parseDatabaseUrl(
            QStringLiteral("postgres://admin:s3cret@db.example.com:6543/chinook?sslmode=verify-full&readonly=true"),
            QStringLiteral("prod"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const ConnectionProfile &p = r.value();
        QCOMPARE(p.name, QStringLiteral("prod"));
        QCOMPARE(p.driver, Driver::Postgres);
        QCOMPARE(p.user, QStringLiteral("admin"));
        QCOMPARE(p.password, QStringLiteral("s3cret"));
        QCOMPARE(p.host, QStringLiteral("db.example.com"));
        QCOMPARE(p.port, 6543);
        QCOMPARE(p.database, QStringLiteral("chinook"));
        QCOMPARE(p.sslmode, QStringLiteral("verify-full"));
        QVERIFY(p.readonly);
        QCOMPARE(p.pool, PoolSettings{});
    }

    void defaultsAndPostgresqlScheme()
    {
        const auto r = parseDatabaseUrl(QStringLiteral("postgresql://localhost/app"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().name, QStringLiteral("default"));
        QCOMPARE(r.value().port, 5432);
        QVERIFY(r.value().user.isEmpty());
        QVERIFY(r.value().password.isEmpty());
        QVERIFY(r.value().sslmode.isEmpty());
        QVERIFY(!r.value().readonly);
        QCOMPARE(r.value().database, QStringLiteral("app"));
        QVERIFY(parseDatabaseUrl(QStringLiteral("POSTGRES://localhost/app")).ok());
    }

    void percentEncodedCredentials()
    {
        // p@ss:w/rd#1 and a user with a space
        const auto r = parseDatabaseUrl(QStringLiteral("postgres://us%20er:p%40ss%3Aw%2Frd%231@h/d%C3%A9mo"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().user, QStringLiteral("us er"));
        QCOMPARE(r.value().password, QStringLiteral("p@ss:w/rd#1"));
        QCOMPARE(r.value().database, QStringLiteral("d\u00e9mo"));
    }

    void unescapedAtInPasswordUsesLastAt()
    {
        const auto r = parseDatabaseUrl(QStringLiteral("postgres://u:a@b@host/db"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().password, QStringLiteral("a@b"));
        QCOMPARE(r.value().host, QStringLiteral("host"));
    }

    void ipv6()
    {
        auto r = parseDatabaseUrl(QStringLiteral("postgres://u@[::1]:5433/db"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().host, QStringLiteral("::1"));
        QCOMPARE(r.value().port, 5433);
        r = parseDatabaseUrl(QStringLiteral("postgres://[fe80::1:2]/db"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().host, QStringLiteral("fe80::1:2"));
        QCOMPARE(r.value().port, 5432);
    }

    void poolAndOtherParams()
    {
        const auto r = parseDatabaseUrl(QStringLiteral(
            "postgres://h/db?pool_size=10&pool_overflow=0&acquire_timeout_ms=250&idle_timeout_ms=1000"
            "&max_lifetime_ms=60000&pre_ping=false&busy_timeout_ms=10&busy_retries=2&api_reads=0"
            "&migrations=%2Fsrv%2Fmig&readonly=0"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const PoolSettings &pool = r.value().pool;
        QCOMPARE(pool.size, 10);
        QCOMPARE(pool.overflow, 0);
        QCOMPARE(pool.acquireTimeoutMs, 250);
        QCOMPARE(pool.idleTimeoutMs, 1000);
        QCOMPARE(pool.maxLifetimeMs, 60000);
        QCOMPARE(pool.prePing, false);
        QCOMPARE(pool.busyTimeoutMs, 10);
        QCOMPARE(pool.busyRetries, 2);
        QCOMPARE(pool.apiReads, 0);
        QCOMPARE(PoolSettings().apiReads, -1); // unset: as many as size
        QVERIFY(!parseDatabaseUrl(QStringLiteral("postgres://h/db?api_reads=-1")).ok());
        QCOMPARE(r.value().migrationsDir, QStringLiteral("/srv/mig"));
        QVERIFY(!r.value().readonly);
    }

    void credentialsAsQueryParams()
    {
        const auto r = parseDatabaseUrl(QStringLiteral("postgres://h/db?user=bob&password=x%26y"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().user, QStringLiteral("bob"));
        QCOMPARE(r.value().password, QStringLiteral("x&y"));
    }

    void sqlite_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("file");
        QTest::newRow("absolute") << "sqlite:///var/lib/app/data.db" << "/var/lib/app/data.db";
        QTest::newRow("relative") << "sqlite://data/app.db" << "data/app.db";
        QTest::newRow("encoded") << "sqlite:///tmp/my%20db.sqlite" << "/tmp/my db.sqlite";
        QTest::newRow("memory") << "sqlite::memory:" << ":memory:";
        QTest::newRow("memory authority") << "sqlite://:memory:" << ":memory:";
    }

    void sqlite()
    {
        QFETCH(QString, url);
        QFETCH(QString, file);
        const auto r = parseDatabaseUrl(url, QStringLiteral("lite"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r.value().driver, Driver::Sqlite);
        QCOMPARE(r.value().database, file);
        QCOMPARE(r.value().name, QStringLiteral("lite"));
    }

    void sqliteParams()
    {
        const auto r = parseDatabaseUrl(QStringLiteral("sqlite:///x.db?readonly=true&busy_timeout_ms=100"));
        QVERIFY(r.ok());
        QVERIFY(r.value().readonly);
        QCOMPARE(r.value().pool.busyTimeoutMs, 100);
    }

    void displayUrlParsesBack_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("pg") << "postgres://us%20er:pw@db:6000/name?sslmode=require";
        QTest::newRow("ipv6") << "postgres://u@[::1]:5432/db";
        QTest::newRow("sqlite abs") << "sqlite:///tmp/a%20b.db";
        QTest::newRow("sqlite rel") << "sqlite://rel/a.db";
        QTest::newRow("memory") << "sqlite::memory:";
    }

    void displayUrlParsesBack()
    {
        QFETCH(QString, url);
        const auto first = parseDatabaseUrl(url);
        QVERIFY(first.ok());
        const QString shown = first.value().displayUrl();
        QVERIFY2(!shown.contains(QLatin1String("pw")), qPrintable(shown));
        const auto again = parseDatabaseUrl(shown);
        QVERIFY2(again.ok(), qPrintable(shown));
        ConnectionProfile expected = first.value();
        expected.password.clear();
        QCOMPARE(again.value(), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad scheme") << "mysql://u:hunter2@h/db" << "scheme";
        QTest::newRow("no scheme") << "u:hunter2@h/db" << "scheme";
        QTest::newRow("junk before ://") << "u:hunter2@h://x" << "scheme";
        QTest::newRow("port not a number") << "postgres://u:hunter2@h:abc/db" << "port";
        QTest::newRow("port zero") << "postgres://u:hunter2@h:0/db" << "port";
        QTest::newRow("port too big") << "postgres://u:hunter2@h:65536/db" << "port";
        QTest::newRow("empty port") << "postgres://u:hunter2@h:/db" << "port";
        QTest::newRow("empty database") << "postgres://u:hunter2@h:5432/" << "database";
        QTest::newRow("no database") << "postgres://u:hunter2@h" << "database";
        QTest::newRow("no host") << "postgres://u:hunter2@/db" << "host";
        QTest::newRow("bare ipv6") << "postgres://u:hunter2@::1/db" << "host";
        QTest::newRow("unclosed ipv6") << "postgres://u:hunter2@[::1/db" << "host";
        QTest::newRow("multi host") << "postgres://u:hunter2@a,b/db" << "host";
        QTest::newRow("empty user") << "postgres://:hunter2@h/db" << "user";
        QTest::newRow("bad sslmode") << "postgres://u:hunter2@h/db?sslmode=sometimes" << "query.sslmode";
        QTest::newRow("bad readonly") << "postgres://u:hunter2@h/db?readonly=maybe" << "query.readonly";
        QTest::newRow("bad pool size") << "postgres://u:hunter2@h/db?pool_size=0" << "query.pool_size";
        QTest::newRow("fractional timeout") << "postgres://u:hunter2@h/db?acquire_timeout_ms=1.5" << "query.acquire_timeout_ms";
        QTest::newRow("unknown param") << "postgres://u:hunter2@h/db?colour=blue" << "query.colour";
        QTest::newRow("fragment") << "postgres://u:hunter2@h/db#x" << "url";
        QTest::newRow("sqlite no file") << "sqlite://" << "file";
        QTest::newRow("sqlite sslmode") << "sqlite:///a.db?sslmode=require" << "query.sslmode";
        QTest::newRow("password in bad param") << "postgres://h/db?password=hunter2&pool_size=-1" << "query.pool_size";
    }

    void errors()
    {
        QFETCH(QString, url);
        QFETCH(QString, field);
        const auto r = parseDatabaseUrl(url);
        QVERIFY(!r.ok());
        const Error &e = r.error();
        QCOMPARE(e.code(), ErrorCode::ConfigInvalid);
        QCOMPARE(e.details().value(QStringLiteral("field")).toString(), field);
        QVERIFY2(e.message().contains(field), qPrintable(e.message()));
        // The password must not leak into anything a caller could log.
        QVERIFY2(!e.toString().contains(QLatin1String("hunter2")), qPrintable(e.toString()));
        QVERIFY(!e.hint().contains(QLatin1String("hunter2")));
        for (const QVariant &v : e.details())
            QVERIFY(!v.toString().contains(QLatin1String("hunter2")));
    }
};

QTEST_GUILESS_MAIN(TstDatabaseUrl)
#include "tst_database_url.moc"

// installed_on as the migration history gives it back: read as the server
// prints it (to_json on PostgreSQL, text on SQLite) and parsed by hand, it
// must be the server's instant in any time zone and DateStyle a session has,
// and a malformed one no date rather than a wrong one. Real PostgreSQL and
// SQLite.
#include "MigrateTestSupport.h"

#include <QtTest>

using namespace tw;
using namespace tw::test;

class HistoryDatesTest : public QObject
{
    Q_OBJECT

    ScratchPostgres m_scratch{QStringLiteral("tw_history_dates")};

    bool setUp(MigrateBench &bench, config::Driver driver) { return openBenchOrSkip(bench, driver, m_scratch); }

private slots:
    void cleanupTestCase() { m_scratch.dropAll(); }

    // installed_on comes back as PostgreSQL prints a timestamptz in the
    // session's time zone (offsets of whole hours, of minutes, negative ones),
    // read by hand: the instant must be the server's, to the millisecond.
    void installedOnIsTheServersInstantInAnyTimeZone()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Postgres))
            return;
        bench.add(QStringLiteral("V1__t.sql"), "CREATE TABLE t (id integer);\n");
        migrate::MigrationRequest up;
        up.command = migrate::MigrationCommand::Up;
        QVERIFY(bench.run(up).ok());
        // Then a date when Amsterdam ran 19 minutes 32 seconds ahead: an offset with seconds.
        for (const bool old : {false, true}) {
            if (old)
                bench.column(QStringLiteral("UPDATE tablewright_schema_history SET installed_on = '1900-01-01 12:00:00.789+00'"
                                            " RETURNING 1"));
            const qint64 serverMs = bench.column(QStringLiteral("SELECT floor(extract(epoch FROM installed_on) * 1000)::int8"
                                                                " FROM tablewright_schema_history"))
                                        .value(0)
                                        .toLongLong();
            QVERIFY(serverMs != 0);
            const QStringList zones = old ? QStringList{QStringLiteral("Europe/Amsterdam")}
                                          : QStringList{QStringLiteral("UTC"), QStringLiteral("Asia/Kolkata"),
                                                        QStringLiteral("America/St_Johns"), QStringLiteral("Pacific/Chatham"),
                                                        QStringLiteral("America/Los_Angeles")};
            for (const QString &zone : zones) {
                migrate::MigrationRequest status;
                status.command = migrate::MigrationCommand::Status;
                auto report = resultOf(bench.pool->run([status, zone](db::Session &session) -> Result<migrate::MigrationReport> {
                    if (auto set = session.execute(QStringLiteral("SET TimeZone = '%1'").arg(zone)); !set)
                        return set.error();
                    auto run = migrate::runMigrationCommand(session, status, {}, nullptr);
                    (void)session.execute(QStringLiteral("RESET TimeZone"));
                    return run;
                }));
                QVERIFY2(report.ok(), qPrintable(zone));
                QCOMPARE(report.value().status.size(), 1);
                QVERIFY(report.value().status.at(0).last.has_value());
                QCOMPARE(report.value().status.at(0).last->installedOn.toMSecsSinceEpoch(), serverMs);
            }
        }
    }

    // Found in review: `up` reads the history again on the session its
    // migrations ran on; one that changed DateStyle must not blank the dates.
    void aMigrationChangingDateStyleKeepsTheDates()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Postgres))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (x integer);\nSET datestyle = 'SQL, DMY';\nSET TimeZone = 'Asia/Kolkata';\n");
        bench.add(QStringLiteral("V2__b.sql"), "CREATE TABLE b (x integer);\n");
        migrate::MigrationRequest up;
        up.command = migrate::MigrationCommand::Up;
        const auto report = bench.run(up);
        QVERIFY(report.ok());
        QCOMPARE(report.value().status.size(), 2);
        const QStringList server = bench.column(QStringLiteral("SELECT floor(extract(epoch FROM installed_on) * 1000)::int8"
                                                               " FROM tablewright_schema_history ORDER BY installed_rank"));
        QCOMPARE(server.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(report.value().status.at(i).last.has_value());
            QCOMPARE(report.value().status.at(i).last->installedOn.toMSecsSinceEpoch(), server.at(i).toLongLong());
        }
    }

    // A history written by hand (SQLite keeps installed_on as text): a
    // malformed date is no date, never a wrong one.
    void aMalformedInstalledOnIsNoDate()
    {
        MigrateBench bench;
        if (!setUp(bench, config::Driver::Sqlite))
            return;
        bench.add(QStringLiteral("V1__a.sql"), "CREATE TABLE a (x integer);\n");
        migrate::MigrationRequest up;
        up.command = migrate::MigrationCommand::Up;
        QVERIFY(bench.run(up).ok());
        for (const char *bad : {"abcd-03-15 12:00:00Z", "2026-11-28 10:00:00+99", "2026-11-28 10:00:00+01:75",
                                "2026-1x-28T10:00:00.000Z"}) {
            bench.column(QStringLiteral("UPDATE tablewright_schema_history SET installed_on = '%1' RETURNING 1")
                             .arg(QString::fromLatin1(bad)));
            migrate::MigrationRequest status;
            status.command = migrate::MigrationCommand::Status;
            const auto report = bench.run(status);
            QVERIFY(report.ok());
            QVERIFY(report.value().status.at(0).last.has_value());
            QVERIFY2(!report.value().status.at(0).last->installedOn.isValid(),
                     qPrintable(QString::fromLatin1(bad) + QStringLiteral(" read as ") + report.value().status.at(0).last->installedOn.toString(Qt::ISODate)));
        }
    }
};

QTEST_GUILESS_MAIN(HistoryDatesTest)
#include "tst_history_dates.moc"

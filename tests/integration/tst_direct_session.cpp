// db::DirectSession, the connection a command line's single read opens on
// its own thread (migrate status, validate, dry-run): the same session as a
// pooled connection has, the same refusals, nothing of QtSql's behind it.
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "db/DirectSession.h"
#include "db/Pool.h"

#include <QScopeGuard>
#include <QtTest>

using namespace tw;
using namespace tw::db;
using tw::test::ScratchPostgres;

namespace {

// What a connection's session settings are, read on its native handle.
Result<QStringList> settingsOf(Session &session)
{
    QStringList values;
    const Status read = session.readRows(
        QStringLiteral("SELECT current_setting('DateStyle'), current_setting('client_encoding'),"
                       " current_setting('bytea_output'), current_setting('default_transaction_read_only'),"
                       " current_setting('application_name'), current_setting('TimeZone'), current_database(),"
                       " current_user"),
        [&values](const NativeRow &row) {
            for (int i = 0; i < 8; ++i)
                values << row.text(i);
        });
    if (!read.ok())
        return read.error();
    return values;
}

template<typename T>
QString whyNot(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

} // namespace

class DirectSessionTest : public QObject
{
    Q_OBJECT
    ScratchPostgres m_scratch{QStringLiteral("tw_direct")};

private slots:
    void cleanupTestCase() { m_scratch.dropAll(); }

    void settingsMatchAPooledConnection()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        config::ConnectionProfile profile = m_scratch.createDatabase(QStringLiteral("settings"));
        for (const bool readonly : {false, true}) {
            profile.readonly = readonly;
            Pool pool(profile);
            const auto pooled = test::resultOf(pool.run([](Session &s) { return settingsOf(s); }));
            QVERIFY2(pooled.ok(), qPrintable(whyNot(pooled)));
            auto direct = DirectSession::openPostgres(profile);
            QVERIFY2(direct.ok(), qPrintable(whyNot(direct)));
            const auto own = settingsOf(direct.value()->session());
            QVERIFY2(own.ok(), qPrintable(whyNot(own)));
            QCOMPARE(own.value(), pooled.value());
            QCOMPARE(own.value().at(3), readonly ? QStringLiteral("on") : QStringLiteral("off"));
            QCOMPARE(own.value().at(2), QStringLiteral("hex"));
        }
    }

    // PGOPTIONS (the user's own session settings) applies to both, as Qt's
    // driver lets libpq read it (found in review: an explicit `options`
    // start-up parameter had overridden it, and status looked in the wrong
    // schema).
    void pgOptionsFromTheEnvironmentApply()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        const config::ConnectionProfile profile = m_scratch.createDatabase(QStringLiteral("pgoptions"));
        {
            Pool setup(profile);
            const auto created = test::resultOf(setup.run([](Session &s) { return s.execute(QStringLiteral("CREATE SCHEMA elsewhere")); }));
            QVERIFY2(created.ok(), qPrintable(whyNot(created)));
        }
        qputenv("PGOPTIONS", "-c search_path=elsewhere");
        const auto restore = qScopeGuard([] { qunsetenv("PGOPTIONS"); });
        const auto schemaOf = [](Session &s) -> Result<QString> {
            QString schema;
            const Status read = s.readRows(QStringLiteral("SELECT current_schema()"), [&schema](const NativeRow &row) { schema = row.text(0); });
            if (!read.ok())
                return read.error();
            return schema;
        };
        Pool pool(profile);
        const auto pooled = test::resultOf(pool.run(schemaOf));
        QVERIFY2(pooled.ok(), qPrintable(whyNot(pooled)));
        QCOMPARE(pooled.value(), QStringLiteral("elsewhere"));
        auto direct = DirectSession::openPostgres(profile);
        QVERIFY2(direct.ok(), qPrintable(whyNot(direct)));
        const auto own = schemaOf(direct.value()->session());
        QVERIFY2(own.ok(), qPrintable(whyNot(own)));
        QCOMPARE(own.value(), QStringLiteral("elsewhere"));
    }

    void aRefusedLoginIsNamedPlainly()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        config::ConnectionProfile profile = m_scratch.createDatabase(QStringLiteral("refused"));
        profile.password = QStringLiteral("not-the-password");
        const auto direct = DirectSession::openPostgres(profile);
        QVERIFY(!direct.ok());
        QCOMPARE(direct.error().code(), ErrorCode::DbUnavailable);
        QVERIFY2(direct.error().message().contains(QLatin1String("password authentication failed")),
                 qPrintable(direct.error().message()));
        QVERIFY2(!direct.error().message().contains(QLatin1String("not-the-password")), qPrintable(direct.error().message()));
    }

    void aDatabaseNamedLikeAConnectionStringIsAName()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        config::ConnectionProfile profile = m_scratch.createDatabase(QStringLiteral("named"));
        // Expanded, this would connect to the database "postgres" instead.
        profile.database = QStringLiteral("dbname=postgres");
        const auto direct = DirectSession::openPostgres(profile);
        QVERIFY(!direct.ok());
        QVERIFY2(direct.error().message().contains(QLatin1String("\"dbname=postgres\" does not exist")),
                 qPrintable(direct.error().message()));
    }

    void qtSqlCallsFailInsteadOfCrashing()
    {
        TW_REQUIRE_SERVICE(m_scratch.available(), QStringLiteral("PostgreSQL"));
        auto direct = DirectSession::openPostgres(m_scratch.createDatabase(QStringLiteral("qtsql")));
        QVERIFY2(direct.ok(), qPrintable(whyNot(direct)));
        QVERIFY(!direct.value()->session().exec(QStringLiteral("SELECT 1")).ok());
        // The native handle still works after the refusal.
        int rows = 0;
        QVERIFY(direct.value()->session().readRows(QStringLiteral("SELECT 1"), [&rows](const NativeRow &) { ++rows; }).ok());
        QCOMPARE(rows, 1);
    }

    void onlyPostgresProfiles()
    {
        config::ConnectionProfile sqlite;
        sqlite.name = QStringLiteral("lite");
        sqlite.driver = config::Driver::Sqlite;
        sqlite.database = QStringLiteral(":memory:");
        const auto direct = DirectSession::openPostgres(sqlite);
        QVERIFY(!direct.ok());
        QCOMPARE(direct.error().code(), ErrorCode::DbUnavailable);
    }
};

QTEST_GUILESS_MAIN(DirectSessionTest)
#include "tst_direct_session.moc"

// GET /api/v1/connections/{c}/migrations and POST …/migrations/apply over
// real HTTP, with tokens from the real OpenID provider, on a real SQLite
// file and a real PostgreSQL database, each with its migrations directory:
// RBAC (401, 404, 403), status, dry runs that run nothing, applying with the
// token's subject in the history, a failing migration (409, the ones before
// it kept), a lock held by another session (423), strict bodies, readonly
// connections, the audit log, a client that hangs up mid-run, and the
// OpenAPI document listing the routes only for migrators.
#include "ApiTestSupport.h"
#include "ScratchPostgres.h"
#include "migrate/MigrationLock.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

QList<OidcClient> clients()
{
    return {
        {QStringLiteral("dba-app"), QStringLiteral("dba-secret-123"), {QStringLiteral("dba")}},
        {QStringLiteral("migrator-app"), QStringLiteral("migrator-secret-123"), {QStringLiteral("migrator")}},
        {QStringLiteral("reader-app"), QStringLiteral("reader-secret-123"), {QStringLiteral("reader")}},
        {QStringLiteral("nobody-app"), QStringLiteral("nobody-secret-123"), {}},
    };
}

QList<config::PolicyRule> policy()
{
    const QStringList connections{QStringLiteral("main"), QStringLiteral("pg"), QStringLiteral("archive")};
    const QString read = QStringLiteral("database:read");
    return {
        {QStringLiteral("dba"), {QStringLiteral("database:admin")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}},
        {QStringLiteral("migrator"), {read, QStringLiteral("database:migrate")}, connections, {QStringLiteral("*")}, {}},
        {QStringLiteral("reader"), {read}, connections, {QStringLiteral("*")}, {}},
    };
}

// Three migrations that work on both engines.
const QList<std::pair<const char *, const char *>> kGoodFiles{
    {"V1__authors.sql", "CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"},
    {"V2__books.sql", "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors (id), title TEXT);\n"
                      "CREATE INDEX books_author ON books (author_id);\n"},
    {"V3__reviews.sql", "CREATE TABLE reviews (id INTEGER PRIMARY KEY, stars INTEGER);\n"},
};

// The third fails at its second statement with a message that quotes a value
// (PostgreSQL: "Key (id)=(1) already exists"), which the audit must not copy.
const QList<std::pair<const char *, const char *>> kFailingFiles{
    {"V1__authors.sql", "CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                        "INSERT INTO authors VALUES (1, 'Ada');\n"},
    {"V2__books.sql", "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER, title TEXT);\n"},
    {"V3__reviews.sql", "CREATE TABLE reviews (id INTEGER PRIMARY KEY, stars INTEGER);\n"
                        "INSERT INTO authors VALUES (1, 'secret-value-42');\n"},
    {"V4__later.sql", "CREATE TABLE later (id INTEGER PRIMARY KEY);\n"},
};

QJsonArray statusOf(const HttpReply &reply)
{
    return reply.json().value(QStringLiteral("status")).toArray();
}

} // namespace

class TstApiMigrations : public QObject
{
    Q_OBJECT

    ScratchPostgres m_pg{QStringLiteral("tw_api_mig")};
    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    std::unique_ptr<ApiFixture> m_api;
    QHash<QString, QByteArray> m_tokens;
    QHash<QString, QString> m_subjects;          // client id → token subject
    QHash<QString, QString> m_dirs;              // connection → migrations directory
    config::ConnectionProfile m_pgProfile;
    QTemporaryDir m_migrations;

    HttpReply getStatus(const QString &connection, const QString &client = QStringLiteral("migrator-app"))
    {
        return httpCall(m_api->url(QStringLiteral("/api/v1/connections/%1/migrations").arg(connection)),
                        m_tokens.value(client));
    }

    HttpReply apply(const QString &connection, const QByteArray &body = {},
                    const QString &client = QStringLiteral("migrator-app"),
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return httpCall(m_api->url(QStringLiteral("/api/v1/connections/%1/migrations/apply").arg(connection)),
                        m_tokens.value(client), "POST", body, headers);
    }

    void writeFiles(const QString &connection, const QList<std::pair<const char *, const char *>> &files)
    {
        for (const auto &[name, sql] : files) {
            QFile file(QDir(m_dirs.value(connection)).filePath(QLatin1String(name)));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(sql);
        }
    }

    // Straight from the database, not through the API.
    QVariant scalar(const QString &connection, const QString &sql, const QVariantList &binds = {})
    {
        auto pool = m_api->registry->pool(connection);
        if (!pool)
            return {};
        auto result = resultOf(pool->run([sql, binds](db::Session &s) { return s.scalar(sql, binds); }));
        return result ? result.value() : QVariant(QStringLiteral("<error: %1>").arg(result.error().message()));
    }

    Status exec(const QString &connection, const QString &sql)
    {
        auto pool = m_api->registry->pool(connection);
        if (!pool)
            return Error(ErrorCode::NotFound, connection);
        auto result = resultOf(pool->run([sql](db::Session &s) { return s.execute(sql); }));
        if (!result)
            return result.error();
        return {};
    }

    bool tableExists(const QString &connection, const QString &table)
    {
        if (connection == u"pg")
            return scalar(connection, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = ?"),
                          {table}).toInt() == 1;
        return scalar(connection, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"),
                      {table}).toInt() == 1;
    }

    qint64 historyRows(const QString &connection, const QString &where = QStringLiteral("1 = 1"), const QVariantList &binds = {})
    {
        if (!tableExists(connection, QStringLiteral("tablewright_schema_history")))
            return 0;
        return scalar(connection, QStringLiteral("SELECT count(*) FROM tablewright_schema_history WHERE %1").arg(where), binds)
            .toLongLong();
    }

    QList<QJsonObject> auditRecords(const HttpReply &reply) const
    {
        return auditRecordsOf(m_api->auditPath(), reply.header("x-request-id"));
    }

    static void connections() { addConnectionRows(); }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), QStringLiteral("PostgreSQL (TW_TEST_PG_PORT)"));
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        QVERIFY(m_migrations.isValid());
        for (const QString &name : {QStringLiteral("main"), QStringLiteral("pg"), QStringLiteral("archive")}) {
            m_dirs.insert(name, m_migrations.filePath(name));
            QVERIFY(QDir().mkpath(m_dirs.value(name)));
        }
        m_pgProfile = m_pg.createDatabase();
        QVERIFY(!m_pgProfile.database.isEmpty());

        QVERIFY2(m_provider.start(QJsonArray{m_rsa.privateJwk(QStringLiteral("rsa-1"))}, clients()),
                 qPrintable(m_provider.lastError()));
        for (const auto &client : clients()) {
            const QByteArray token = m_provider.fetchToken(client.clientId, client.secret);
            QVERIFY2(!token.isEmpty(), qPrintable(m_provider.lastError()));
            m_tokens.insert(client.clientId, token);
        }
        m_api = std::make_unique<ApiFixture>();
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience, [&](config::AppConfig &config) {
            config::ConnectionProfile pg = m_pgProfile;
            pg.name = QStringLiteral("pg");
            config.connections << pg;
            for (config::ConnectionProfile &profile : config.connections)
                profile.migrationsDir = m_dirs.value(profile.name);
            config.api.policy = policy();
            config.api.limits.requestsPerSecond = 100000;
            config.api.limits.burst = 100000;
        }));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
        for (const auto &client : clients()) {
            const auto whoami = httpCall(m_api->url(QStringLiteral("/api/v1/whoami")), m_tokens.value(client.clientId));
            QCOMPARE(whoami.status, 200);
            m_subjects.insert(client.clientId, whoami.json().value(QStringLiteral("subject")).toString());
        }
        QVERIFY(!m_subjects.value(QStringLiteral("migrator-app")).isEmpty());
    }

    // Every test starts from empty databases and empty migrations directories.
    void init()
    {
        for (const QString &connection : {QStringLiteral("main"), QStringLiteral("pg")}) {
            for (const char *table : {"later", "slow", "reviews", "books", "authors", "tablewright_schema_history",
                                      "tablewright_schema_lock"}) {
                if (!tableExists(connection, QLatin1String(table)))
                    continue;   // IF EXISTS alone would fill the log with PostgreSQL's notices
                const QString drop = QStringLiteral("DROP TABLE IF EXISTS %1%2")
                                         .arg(QLatin1String(table), connection == u"pg" ? QStringLiteral(" CASCADE") : QString());
                const Status done = exec(connection, drop);
                QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
            }
        }
        for (const QString &dir : std::as_const(m_dirs)) {
            for (const QString &file : QDir(dir).entryList(QDir::Files))
                QVERIFY(QFile::remove(QDir(dir).filePath(file)));
        }
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_provider.stop();
        m_pg.dropAll();
    }

    void withoutATokenBothRoutesAre401()
    {
        writeFiles(QStringLiteral("main"), kGoodFiles);
        QCOMPARE(httpCall(m_api->url(QStringLiteral("/api/v1/connections/main/migrations"))).status, 401);
        QCOMPARE(httpCall(m_api->url(QStringLiteral("/api/v1/connections/main/migrations/apply")), {}, "POST", "{}").status, 401);
        QVERIFY(!tableExists(QStringLiteral("main"), QStringLiteral("authors")));
    }

    void aCallerWithoutPermissionOnTheConnectionGets404_data() { connections(); }
    void aCallerWithoutPermissionOnTheConnectionGets404()
    {
        QFETCH(QString, connection);
        writeFiles(connection, kGoodFiles);
        const auto status = getStatus(connection, QStringLiteral("nobody-app"));
        QCOMPARE(status.status, 404);
        QVERIFY2(isErrorShape(status), status.body.constData());
        // The same answer as for a connection that does not exist.
        QCOMPARE(getStatus(QStringLiteral("no_such_connection"), QStringLiteral("nobody-app")).status, 404);
        const auto applied = apply(connection, "{}", QStringLiteral("nobody-app"));
        QCOMPARE(applied.status, 404);
        QVERIFY(!tableExists(connection, QStringLiteral("authors")));
        const auto records = auditRecords(applied);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().value(QStringLiteral("reason")).toString(), QStringLiteral("connection not visible to the caller"));
    }

    void aReaderWithoutMigrateGets403_data() { connections(); }
    void aReaderWithoutMigrateGets403()
    {
        QFETCH(QString, connection);
        writeFiles(connection, kGoodFiles);
        const auto status = getStatus(connection, QStringLiteral("reader-app"));
        QCOMPARE(status.status, 403);
        QCOMPARE(status.json().value(QStringLiteral("code")).toString(), QStringLiteral("PERMISSION_DENIED"));
        const auto applied = apply(connection, "{}", QStringLiteral("reader-app"));
        QCOMPARE(applied.status, 403);
        QVERIFY2(isErrorShape(applied), applied.body.constData());
        QVERIFY(!tableExists(connection, QStringLiteral("authors")));
        QVERIFY(!tableExists(connection, QStringLiteral("tablewright_schema_history")));
        const auto records = auditRecords(applied);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().value(QStringLiteral("status")).toInt(), 403);
    }

    void statusListsThePendingFiles_data() { connections(); }
    void statusListsThePendingFiles()
    {
        QFETCH(QString, connection);
        writeFiles(connection, kGoodFiles);
        const auto reply = getStatus(connection);
        QCOMPARE(reply.status, 200);
        const QJsonObject report = reply.json();
        QCOMPARE(report.value(QStringLiteral("command")).toString(), QStringLiteral("status"));
        QCOMPARE(report.value(QStringLiteral("connection")).toString(), connection);
        QCOMPARE(report.value(QStringLiteral("pending")).toInt(), 3);
        const QJsonArray entries = statusOf(reply);
        QCOMPARE(entries.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(entries.at(i)[QStringLiteral("file")].toString(), QLatin1String(kGoodFiles.at(i).first));
            QCOMPARE(entries.at(i)[QStringLiteral("version")].toString(), QString::number(i + 1));
            QCOMPARE(entries.at(i)[QStringLiteral("state")].toString(), QStringLiteral("pending"));
        }
        // Reading the status creates nothing.
        QVERIFY(!tableExists(connection, QStringLiteral("tablewright_schema_history")));

        // After applying, the same route shows them applied, with their history.
        QCOMPARE(apply(connection, "{\"target\": \"1\"}").status, 200);
        const auto after = getStatus(connection);
        QCOMPARE(after.status, 200);
        QCOMPARE(statusOf(after).at(0)[QStringLiteral("state")].toString(), QStringLiteral("applied"));
        QCOMPARE(statusOf(after).at(0)[QStringLiteral("last")][QStringLiteral("installedBy")].toString(),
                 QStringLiteral("api:") + m_subjects.value(QStringLiteral("migrator-app")));
        QCOMPARE(statusOf(after).at(1)[QStringLiteral("state")].toString(), QStringLiteral("pending"));
        QCOMPARE(after.json().value(QStringLiteral("pending")).toInt(), 2);
    }

    void aDryRunShowsThePlanAndRunsNothing_data() { connections(); }
    void aDryRunShowsThePlanAndRunsNothing()
    {
        QFETCH(QString, connection);
        writeFiles(connection, kGoodFiles);
        const auto reply = apply(connection, "{\"dryRun\": true}");
        QCOMPARE(reply.status, 200);
        const QJsonObject report = reply.json();
        QCOMPARE(report.value(QStringLiteral("command")).toString(), QStringLiteral("dry-run"));
        const QJsonArray steps = report.value(QStringLiteral("plan"))[QStringLiteral("steps")].toArray();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(1)[QStringLiteral("file")].toString(), QStringLiteral("V2__books.sql"));
        const QJsonArray statements = steps.at(1)[QStringLiteral("statements")].toArray();
        QCOMPARE(statements.size(), 2);
        QVERIFY(statements.at(1)[QStringLiteral("sql")].toString().startsWith(QStringLiteral("CREATE INDEX books_author")));
        QVERIFY(report.value(QStringLiteral("steps")).toArray().isEmpty());
        QVERIFY(!tableExists(connection, QStringLiteral("authors")));
        QVERIFY(!tableExists(connection, QStringLiteral("tablewright_schema_history")));
        // A dry run is no write: no audit record.
        QVERIFY(auditRecords(reply).isEmpty());

        // With a target, only the steps up to it; once some are applied, only the rest.
        const auto targeted = apply(connection, "{\"dryRun\": true, \"target\": \"2\"}");
        QCOMPARE(targeted.status, 200);
        QCOMPARE(targeted.json().value(QStringLiteral("plan"))[QStringLiteral("steps")].toArray().size(), 2);
        QCOMPARE(apply(connection, "{\"target\": 1}").status, 200);
        const qint64 rows = historyRows(connection);
        const auto rest = apply(connection, "{\"dryRun\": true}");
        QCOMPARE(rest.status, 200);
        const QJsonArray left = rest.json().value(QStringLiteral("plan"))[QStringLiteral("steps")].toArray();
        QCOMPARE(left.size(), 2);
        QCOMPARE(left.at(0)[QStringLiteral("version")].toString(), QStringLiteral("2"));
        QCOMPARE(historyRows(connection), rows);
        QVERIFY(!tableExists(connection, QStringLiteral("books")));
    }

    void applyRunsThePendingMigrationsAsTheTokensSubject_data() { connections(); }
    void applyRunsThePendingMigrationsAsTheTokensSubject()
    {
        QFETCH(QString, connection);
        writeFiles(connection, kGoodFiles);
        const QString installer = QStringLiteral("api:") + m_subjects.value(QStringLiteral("migrator-app"));

        // Up to a target first, then the rest with no body at all.
        const auto first = apply(connection, "{\"target\": \"2\"}");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(first.json().value(QStringLiteral("steps")).toArray().size(), 2);
        QVERIFY(tableExists(connection, QStringLiteral("books")));
        QVERIFY(!tableExists(connection, QStringLiteral("reviews")));

        const auto second = apply(connection);
        QCOMPARE(second.status, 200);
        const QJsonObject report = second.json();
        QCOMPARE(report.value(QStringLiteral("command")).toString(), QStringLiteral("up"));
        QCOMPARE(report.value(QStringLiteral("pending")).toInt(), 0);
        const QJsonArray steps = report.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps.at(0)[QStringLiteral("version")].toString(), QStringLiteral("3"));
        QCOMPARE(steps.at(0)[QStringLiteral("ok")].toBool(), true);
        for (const char *table : {"authors", "books", "reviews"})
            QVERIFY2(tableExists(connection, QLatin1String(table)), table);
        QCOMPARE(historyRows(connection, QStringLiteral("installed_by = ? AND status = 'applied'"), {installer}), 3);
        QCOMPARE(historyRows(connection), 3);

        // Audited as "migrate" with the versions that ran, never the SQL.
        const auto records = auditRecords(first);
        QCOMPARE(records.size(), 1);
        const QJsonObject record = records.first();
        QCOMPARE(record.value(QStringLiteral("operation")).toString(), QStringLiteral("migrate"));
        QCOMPARE(record.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(record.value(QStringLiteral("connection")).toString(), connection);
        QCOMPARE(record.value(QStringLiteral("subject")).toString(), m_subjects.value(QStringLiteral("migrator-app")));
        QCOMPARE(record.value(QStringLiteral("keys")).toArray(), (QJsonArray{QStringLiteral("1"), QStringLiteral("2")}));
        QVERIFY(!QJsonDocument(record).toJson().contains("CREATE"));
        QCOMPARE(auditRecords(second).first().value(QStringLiteral("keys")).toArray(), QJsonArray{QStringLiteral("3")});

        // Nothing left: 200, no steps, nothing written.
        const auto again = apply(connection, "{}");
        QCOMPARE(again.status, 200);
        QVERIFY(again.json().value(QStringLiteral("steps")).toArray().isEmpty());
        QCOMPARE(historyRows(connection), 3);
    }

    void aFailingMigrationIs409AndKeepsTheOnesBeforeIt_data() { connections(); }
    void aFailingMigrationIs409AndKeepsTheOnesBeforeIt()
    {
        QFETCH(QString, connection);
        writeFiles(connection, kFailingFiles);
        const auto reply = apply(connection, "{}", QStringLiteral("dba-app"));
        QCOMPARE(reply.status, 409);
        const QJsonObject report = reply.json();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(true), false);
        const QJsonObject failure = report.value(QStringLiteral("failure")).toObject();
        QVERIFY2(!failure.isEmpty(), reply.body.constData());
        QCOMPARE(failure[QStringLiteral("details")][QStringLiteral("file")].toString(), QStringLiteral("V3__reviews.sql"));
        QCOMPARE(failure[QStringLiteral("details")][QStringLiteral("statement")].toInt(), 2);
        const QJsonArray steps = report.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0)[QStringLiteral("ok")].toBool(), true);
        QCOMPARE(steps.at(1)[QStringLiteral("ok")].toBool(), true);
        QCOMPARE(steps.at(2)[QStringLiteral("ok")].toBool(true), false);

        // V1 and V2 stay; V3 was rolled back as a whole; V4 never ran.
        QVERIFY(tableExists(connection, QStringLiteral("authors")));
        QVERIFY(tableExists(connection, QStringLiteral("books")));
        QVERIFY(!tableExists(connection, QStringLiteral("reviews")));
        QVERIFY(!tableExists(connection, QStringLiteral("later")));
        QCOMPARE(scalar(connection, QStringLiteral("SELECT count(*) FROM authors")).toInt(), 1);
        QCOMPARE(historyRows(connection, QStringLiteral("status = 'applied'")), 2);

        const auto records = auditRecords(reply);
        QCOMPARE(records.size(), 1);
        const QJsonObject record = records.first();
        QCOMPARE(record.value(QStringLiteral("operation")).toString(), QStringLiteral("migrate"));
        QCOMPARE(record.value(QStringLiteral("status")).toInt(), 409);
        QCOMPARE(record.value(QStringLiteral("keys")).toArray(), (QJsonArray{QStringLiteral("1"), QStringLiteral("2")}));
        const QString reason = record.value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(QStringLiteral("V3__reviews.sql")) && reason.contains(QStringLiteral("statement 2")),
                 qPrintable(reason));
        // The database's message quotes the row; the audit log does not.
        const QByteArray line = QJsonDocument(record).toJson();
        QVERIFY2(!line.contains("secret-value-42") && !line.contains("(id)=(1)") && !line.contains("INSERT"), line.constData());

        // Fixed, the next apply resumes at V3.
        QFile fixed(QDir(m_dirs.value(connection)).filePath(QStringLiteral("V3__reviews.sql")));
        QVERIFY(fixed.open(QIODevice::WriteOnly | QIODevice::Truncate));
        fixed.write("CREATE TABLE reviews (id INTEGER PRIMARY KEY, stars INTEGER);\n");
        fixed.close();
        const auto retried = apply(connection, "{}", QStringLiteral("dba-app"));
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.json().value(QStringLiteral("steps")).toArray().size(), 2);
        QVERIFY(tableExists(connection, QStringLiteral("later")));
    }

    void aLockHeldByAnotherSessionIs423NamingTheHolder()
    {
        writeFiles(QStringLiteral("pg"), kGoodFiles);
        const QString name = QStringLiteral("tw_api_mig_locker");
        {
            QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            locker.setHostName(m_pgProfile.host);
            locker.setPort(m_pgProfile.port);
            locker.setDatabaseName(m_pgProfile.database);
            locker.setUserName(m_pgProfile.user);
            locker.setPassword(m_pgProfile.password);
            locker.setConnectOptions(QStringLiteral("application_name=lock-holder-test"));
            QVERIFY2(locker.open(), qPrintable(locker.lastError().text()));
            {
                QSqlQuery hold(locker);
                QVERIFY(hold.prepare(QStringLiteral("SELECT pg_advisory_lock(?)")));
                hold.addBindValue(migrate::MigrationLock::advisoryKey());
                QVERIFY2(hold.exec(), qPrintable(hold.lastError().text()));
            }

            QElapsedTimer clock;
            clock.start();
            const auto reply = apply(QStringLiteral("pg"), "{}");
            QCOMPARE(reply.status, 423);
            QVERIFY2(isErrorShape(reply), reply.body.constData());
            QCOMPARE(reply.json().value(QStringLiteral("code")).toString(), QStringLiteral("MIGRATION_LOCKED"));
            const QJsonObject holder = reply.json().value(QStringLiteral("details")).toObject();
            QVERIFY2(holder.value(QStringLiteral("pid")).toInteger() > 0, reply.body.constData());
            QVERIFY2(holder.value(QStringLiteral("application")).toString().contains(QStringLiteral("lock-holder-test")),
                     reply.body.constData());
            QVERIFY(!reply.header("retry-after").isEmpty());
            // Gave up after the route's short lock timeout, not the CLI's 30 s.
            QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
            QVERIFY(!tableExists(QStringLiteral("pg"), QStringLiteral("authors")));
            const auto records = auditRecords(reply);
            QCOMPARE(records.size(), 1);
            QCOMPARE(records.first().value(QStringLiteral("operation")).toString(), QStringLiteral("migrate"));
            QCOMPARE(records.first().value(QStringLiteral("status")).toInt(), 423);

            {
                QSqlQuery release(locker);
                QVERIFY(release.prepare(QStringLiteral("SELECT pg_advisory_unlock(?)")));
                release.addBindValue(migrate::MigrationLock::advisoryKey());
                QVERIFY(release.exec());
            }
            locker.close();
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(apply(QStringLiteral("pg"), "{}").status, 200);
        QVERIFY(tableExists(QStringLiteral("pg"), QStringLiteral("reviews")));
    }

    void badBodiesAre400AndRunNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("unknown key") << QByteArray("{\"targett\": \"2\"}");
        QTest::newRow("dryRun not a bool") << QByteArray("{\"dryRun\": \"yes\"}");
        QTest::newRow("outOfOrder not a bool") << QByteArray("{\"outOfOrder\": 1}");
        QTest::newRow("singleTransaction null") << QByteArray("{\"singleTransaction\": null}");
        QTest::newRow("target not a version") << QByteArray("{\"target\": \"abc\"}");
        QTest::newRow("target empty") << QByteArray("{\"target\": \"\"}");
        QTest::newRow("target a fraction") << QByteArray("{\"target\": 1.5}");
        QTest::newRow("target an object") << QByteArray("{\"target\": {\"v\": 1}}");
        QTest::newRow("not JSON") << QByteArray("target=2");
        QTest::newRow("an array") << QByteArray("[{\"dryRun\": true}]");
        QTest::newRow("duplicate key") << QByteArray("{\"dryRun\": true, \"dryRun\": false}");
        QTest::newRow("trailing bytes") << QByteArray("{} {}");
    }
    void badBodiesAre400AndRunNothing()
    {
        QFETCH(QByteArray, body);
        writeFiles(QStringLiteral("main"), kGoodFiles);
        const auto reply = apply(QStringLiteral("main"), body);
        QCOMPARE(reply.status, 400);
        QVERIFY2(isErrorShape(reply), reply.body.constData());
        QCOMPARE(reply.json().value(QStringLiteral("code")).toString(), QStringLiteral("VALIDATION_FAILED"));
        QVERIFY(!tableExists(QStringLiteral("main"), QStringLiteral("authors")));
        QVERIFY(!tableExists(QStringLiteral("main"), QStringLiteral("tablewright_schema_history")));
    }

    void aBodyThatIsNotJsonByItsTypeIs415()
    {
        writeFiles(QStringLiteral("main"), kGoodFiles);
        // No body, so httpCall leaves the Content-Type as given.
        const auto reply = apply(QStringLiteral("main"), {}, QStringLiteral("migrator-app"), {{"Content-Type", "text/plain"}});
        QCOMPARE(reply.status, 415);
        QVERIFY(!tableExists(QStringLiteral("main"), QStringLiteral("authors")));
    }

    void aPlanTheRunnerRefusesIs400()
    {
        // V2 applied, then V1 appears: out of order, refused unless asked for.
        writeFiles(QStringLiteral("main"), {{"V2__books.sql", "CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT);\n"}});
        QCOMPARE(apply(QStringLiteral("main")).status, 200);
        writeFiles(QStringLiteral("main"), {kGoodFiles.at(0)});
        const auto refused = apply(QStringLiteral("main"));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(QStringLiteral("code")).toString(), QStringLiteral("VALIDATION_FAILED"));
        QVERIFY(!tableExists(QStringLiteral("main"), QStringLiteral("authors")));
        const auto asked = apply(QStringLiteral("main"), "{\"outOfOrder\": true}");
        QCOMPARE(asked.status, 200);
        QVERIFY(tableExists(QStringLiteral("main"), QStringLiteral("authors")));
    }

    void aReadonlyConnectionShowsItsStatusButRefusesToApply()
    {
        writeFiles(QStringLiteral("archive"), kGoodFiles);
        const auto status = getStatus(QStringLiteral("archive"));
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json().value(QStringLiteral("pending")).toInt(), 3);
        for (const QByteArray &body : {QByteArray("{}"), QByteArray("{\"dryRun\": true}")}) {
            const auto reply = apply(QStringLiteral("archive"), body, QStringLiteral("dba-app"));
            QCOMPARE(reply.status, 403);
            QVERIFY2(isErrorShape(reply), reply.body.constData());
            QVERIFY(reply.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("read-only")));
        }
        QVERIFY(scalar(QStringLiteral("archive"),
                       QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'authors'")).toInt() == 0);
    }

    void aClientThatHangsUpDoesNotStopTheRun()
    {
        // Long enough to hang up in the middle of it.
        writeFiles(QStringLiteral("pg"), {{"V1__slow.sql", "SELECT pg_sleep(1.5);\nCREATE TABLE slow (id INTEGER PRIMARY KEY);\n"}});
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_api->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /api/v1/connections/pg/migrations/apply HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                     + m_tokens.value(QStringLiteral("migrator-app"))
                     + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        QVERIFY(socket.waitForBytesWritten(5000));
        QTest::qWait(500);
        QVERIFY(!tableExists(QStringLiteral("pg"), QStringLiteral("slow")));   // still running
        socket.abort();
        QTRY_VERIFY_WITH_TIMEOUT(historyRows(QStringLiteral("pg"), QStringLiteral("status = 'applied'")) == 1, 15000);
        QVERIFY(tableExists(QStringLiteral("pg"), QStringLiteral("slow")));
    }

    void theOpenApiDocumentListsTheRoutesOnlyForMigrators()
    {
        const QString status = QStringLiteral("/api/v1/connections/{connection}/migrations");
        const QString apply = QStringLiteral("/api/v1/connections/{connection}/migrations/apply");
        const auto migrator = httpCall(m_api->url(QStringLiteral("/api/v1/openapi.json")), m_tokens.value(QStringLiteral("migrator-app")));
        QCOMPARE(migrator.status, 200);
        const QJsonObject paths = migrator.json().value(QStringLiteral("paths")).toObject();
        QVERIFY(paths.value(status).toObject().contains(QStringLiteral("get")));
        QVERIFY(paths.value(apply).toObject().contains(QStringLiteral("post")));
        QVERIFY(paths.value(apply)[QStringLiteral("post")][QStringLiteral("responses")].toObject().contains(QStringLiteral("423")));
        const auto reader = httpCall(m_api->url(QStringLiteral("/api/v1/openapi.json")), m_tokens.value(QStringLiteral("reader-app")));
        QCOMPARE(reader.status, 200);
        QVERIFY(!reader.json().value(QStringLiteral("paths")).toObject().contains(status));
        QVERIFY(!reader.json().value(QStringLiteral("paths")).toObject().contains(apply));
    }
};

QTEST_GUILESS_MAIN(TstApiMigrations)
#include "tst_api_migrations.moc"

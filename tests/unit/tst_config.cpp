#include "config/ConfigLoader.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;
using namespace tw::config;

namespace {

const QString kSource = QStringLiteral("test.yaml");

QString errorText(const Error &e)
{
    return e.toString();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Plain literals: moc does not cope with raw string literals here.
const QByteArray kFullExample =
    "connections:\n"
    "  - name: chinook\n"
    "    driver: postgres          # postgres | sqlite\n"
    "    host: 127.0.0.1\n"
    "    port: 5433\n"
    "    database: chinook\n"
    "    user: admin\n"
    "    sslmode: prefer\n"
    "    readonly: true\n"
    "    migrations: ./migrations\n"
    "    pool: { size: 8, overflow: 1, acquire_timeout_ms: 250, idle_timeout_ms: 1000, max_lifetime_ms: 60000, pre_ping: false, busy_timeout_ms: 10, busy_retries: 3, api_reads: 2 }\n"
    "  - name: demo\n"
    "    driver: sqlite\n"
    "    file: ./demo.sqlite\n"
    "api:\n"
    "  listen: 0.0.0.0:9090\n"
    "  tls: { certificate: tls/server.crt, key: /etc/tw/server.key }\n"
    "  oidc: { issuer: \"https://idp.example/realms/tw\", audience: tablewright, roles_claim: realm_access.roles,\n"
    "          algorithms: [ES256], leeway_seconds: 5, token_types: [at+jwt, JWT] }\n"
    "  metrics_public: true\n"
    "  audit_log: logs/audit.jsonl\n"
    "  shutdown_grace_seconds: 3\n"
    "  limits: { max_body_bytes: 2048, max_page_rows: 50, requests_per_second: 30, burst: 7, max_concurrent: 2,\n"
    "            max_header_bytes: 4096, max_url_bytes: 1024, max_filter_terms: 9,\n"
    "            statement_timeout_ms: 2500 }\n"
    "monitoring: { interval_ms: 1000, window_seconds: 120 }\n";

} // namespace

class TstConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // defaultConfigPath() then points into a throw-away test location.
        QStandardPaths::setTestModeEnabled(true);
    }

    void parsesFullExample()
    {
        const auto r = parseConfig(kFullExample, kSource, QStringLiteral("/base"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : errorText(r.error())));
        const AppConfig &c = r.value();
        QCOMPARE(c.connections.size(), 2);

        const ConnectionProfile &pg = c.connections.at(0);
        QCOMPARE(pg.name, QStringLiteral("chinook"));
        QCOMPARE(pg.driver, Driver::Postgres);
        QCOMPARE(pg.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(pg.port, 5433);
        QCOMPARE(pg.database, QStringLiteral("chinook"));
        QCOMPARE(pg.user, QStringLiteral("admin"));
        QCOMPARE(pg.sslmode, QStringLiteral("prefer"));
        QVERIFY(pg.readonly);
        QCOMPARE(pg.migrationsDir, QStringLiteral("/base/migrations"));
        QVERIFY(pg.password.isEmpty());
        QCOMPARE(pg.pool.size, 8);
        QCOMPARE(pg.pool.overflow, 1);
        QCOMPARE(pg.pool.acquireTimeoutMs, 250);
        QCOMPARE(pg.pool.idleTimeoutMs, 1000);
        QCOMPARE(pg.pool.maxLifetimeMs, 60000);
        QCOMPARE(pg.pool.prePing, false);
        QCOMPARE(pg.pool.busyTimeoutMs, 10);
        QCOMPARE(pg.pool.busyRetries, 3);
        QCOMPARE(pg.pool.apiReads, 2);

        const ConnectionProfile &lite = c.connections.at(1);
        QCOMPARE(lite.driver, Driver::Sqlite);
        QCOMPARE(lite.database, QStringLiteral("/base/demo.sqlite"));
        QCOMPARE(lite.pool, PoolSettings{});
        QVERIFY(!lite.readonly);

        QCOMPARE(c.api.listenAddress, QStringLiteral("0.0.0.0"));
        QCOMPARE(c.api.port, 9090);
        QCOMPARE(c.api.tlsCertificate, QStringLiteral("/base/tls/server.crt"));
        QCOMPARE(c.api.tlsKey, QStringLiteral("/etc/tw/server.key"));
        QCOMPARE(c.api.oidc.issuer, QStringLiteral("https://idp.example/realms/tw"));
        QCOMPARE(c.api.oidc.audience, QStringLiteral("tablewright"));
        QCOMPARE(c.api.oidc.rolesClaim, QStringLiteral("realm_access.roles"));
        QCOMPARE(c.api.oidc.algorithms, QStringList{QStringLiteral("ES256")});
        QCOMPARE(c.api.oidc.leewaySeconds, 5);
        QCOMPARE(c.api.oidc.tokenTypes, (QStringList{QStringLiteral("at+jwt"), QStringLiteral("JWT")}));
        QVERIFY(c.api.metricsPublic);
        QCOMPARE(c.api.auditLog, QStringLiteral("/base/logs/audit.jsonl"));
        QCOMPARE(c.api.shutdownGraceSeconds, 3);
        const ApiLimits limits{30, 7, 2, 2048, 4096, 1024, 50, 9, 2500};
        QCOMPARE(c.api.limits, limits);
        QCOMPARE(c.monitoring.intervalMs, 1000);
        QCOMPARE(c.monitoring.windowSeconds, 120);

        QCOMPARE(c.find(QStringLiteral("demo")), &c.connections.at(1));
        QCOMPARE(c.find(QStringLiteral("nope")), nullptr);
    }

    void emptyDocumentsGiveDefaults_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("comment only") << QByteArray("# nothing here\n");
        QTest::newRow("null sections") << QByteArray("connections:\napi:\nmonitoring:\n");
    }

    void emptyDocumentsGiveDefaults()
    {
        QFETCH(QByteArray, yaml);
        const auto r = parseConfig(yaml, kSource);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), AppConfig{});
    }

    void validationErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("phrase");

        const QByteArray pg = "  - { name: a, driver: postgres, host: h, database: d }\n";
        QTest::newRow("port range") << ("connections:\n" + pg + "  - { name: b, driver: postgres, host: h, database: d, port: 70000 }\n")
                                    << "connections[1].port" << "between 1 and 65535";
        QTest::newRow("port text") << QByteArray("connections:\n  - { name: b, driver: postgres, host: h, database: d, port: abc }\n")
                                   << "connections[0].port" << "integer";
        QTest::newRow("port fraction") << QByteArray("connections:\n  - { name: b, driver: postgres, host: h, database: d, port: 54.3 }\n")
                                       << "connections[0].port" << "integer";
        QTest::newRow("duplicate name") << ("connections:\n" + pg + pg) << "connections[1].name" << "duplicate";
        QTest::newRow("unknown driver") << QByteArray("connections:\n  - { name: a, driver: mysql, host: h }\n")
                                        << "connections[0].driver" << "unknown driver";
        QTest::newRow("missing driver") << QByteArray("connections:\n  - { name: a, host: h, database: d }\n")
                                        << "connections[0].driver" << "missing";
        QTest::newRow("missing name") << QByteArray("connections:\n  - { driver: sqlite, file: x.db }\n")
                                      << "connections[0].name" << "missing";
        QTest::newRow("bad name") << QByteArray("connections:\n  - { name: my db, driver: sqlite, file: x.db }\n")
                                  << "connections[0].name" << "letters";
        QTest::newRow("missing host") << QByteArray("connections:\n  - { name: a, driver: postgres, database: d }\n")
                                      << "connections[0].host" << "missing";
        QTest::newRow("empty host") << QByteArray("connections:\n  - { name: a, driver: postgres, host: '', database: d }\n")
                                    << "connections[0].host" << "empty";
        QTest::newRow("missing database") << QByteArray("connections:\n  - { name: a, driver: postgres, host: h }\n")
                                          << "connections[0].database" << "missing";
        QTest::newRow("missing file") << QByteArray("connections:\n  - { name: a, driver: sqlite }\n")
                                      << "connections[0].file" << "missing";
        QTest::newRow("file on postgres") << QByteArray("connections:\n  - { name: a, driver: postgres, host: h, database: d, file: x }\n")
                                          << "connections[0].file" << "postgres";
        QTest::newRow("host on sqlite") << QByteArray("connections:\n  - { name: a, driver: sqlite, file: x, host: h }\n")
                                        << "connections[0].host" << "sqlite";
        QTest::newRow("typo key") << QByteArray("connections:\n  - { name: a, driver: postgres, hots: h, host: h, database: d }\n")
                                  << "connections[0].hots" << "unknown key 'hots'";
        QTest::newRow("typo root") << QByteArray("conections: []\n") << "conections" << "unknown key";
        QTest::newRow("typo pool") << QByteArray("connections:\n  - { name: a, driver: sqlite, file: x, pool: { sise: 3 } }\n")
                                   << "connections[0].pool.sise" << "unknown key";
        QTest::newRow("pool size 0") << QByteArray("connections:\n  - { name: a, driver: sqlite, file: x, pool: { size: 0 } }\n")
                                     << "connections[0].pool.size" << "between 1 and";
        QTest::newRow("pool pre_ping") << QByteArray("connections:\n  - { name: a, driver: sqlite, file: x, pool: { pre_ping: maybe } }\n")
                                       << "connections[0].pool.pre_ping" << "true or false";
        QTest::newRow("readonly") << QByteArray("connections:\n  - { name: a, driver: sqlite, file: x, readonly: perhaps }\n")
                                  << "connections[0].readonly" << "true or false";
        QTest::newRow("sslmode") << QByteArray("connections:\n  - { name: a, driver: postgres, host: h, database: d, sslmode: always }\n")
                                 << "connections[0].sslmode" << "verify-full";
        QTest::newRow("connections map") << QByteArray("connections: { name: a }\n") << "connections" << "list";
        QTest::newRow("connection scalar") << QByteArray("connections:\n  - just-a-name\n") << "connections[0]" << "mapping";
        QTest::newRow("duplicate key") << QByteArray("connections:\n  - name: a\n    driver: postgres\n    host: h\n    host: i\n    database: d\n")
                                       << "connections[0].host" << "duplicate key";
        QTest::newRow("host list") << QByteArray("connections:\n  - { name: a, driver: postgres, host: [a, b], database: d }\n")
                                   << "connections[0].host" << "single value";
        QTest::newRow("api port") << QByteArray("api: { listen: '127.0.0.1:70000' }\n") << "api.listen" << "between 0 and 65535";
        QTest::newRow("api no port") << QByteArray("api: { listen: 127.0.0.1 }\n") << "api.listen" << "ADDRESS:PORT";
        QTest::newRow("api listen") << QByteArray("api: { listen: 'everywhere:80' }\n") << "api.listen" << "IP address";
        QTest::newRow("api v6 brackets") << QByteArray("api: { listen: '::1:80' }\n") << "api.listen" << "brackets";
        QTest::newRow("api tls half") << QByteArray("api: { tls: { certificate: a.crt } }\n") << "api.tls.key" << "together";
        QTest::newRow("api old port key") << QByteArray("api: { port: 8080 }\n") << "api.port" << "unknown key";
        QTest::newRow("api header limit") << QByteArray("api: { limits: { max_header_bytes: 100000 } }\n")
                                          << "api.limits.max_header_bytes" << "between 1024 and 65536";
        QTest::newRow("api statement timeout") << QByteArray("api: { limits: { statement_timeout_ms: 5 } }\n")
                                               << "api.limits.statement_timeout_ms" << "between 100 and 3600000";
        QTest::newRow("api limit zero") << QByteArray("api: { limits: { burst: 0 } }\n") << "api.limits.burst" << "between 1";
        QTest::newRow("api limit typo") << QByteArray("api: { limits: { rate_per_minute: 5 } }\n") << "api.limits.rate_per_minute" << "unknown key";
        QTest::newRow("oidc hs256") << QByteArray("api: { oidc: { issuer: 'https://idp', audience: a, algorithms: [RS256, HS256] } }\n")
                                    << "api.oidc.algorithms[1]" << "unsupported algorithm";
        QTest::newRow("oidc leeway") << QByteArray("api: { oidc: { issuer: 'https://idp', audience: a, leeway_seconds: 300 } }\n")
                                     << "api.oidc.leeway_seconds" << "between 0 and 60";
        QTest::newRow("api typo") << QByteArray("api: { lisen: 127.0.0.1 }\n") << "api.lisen" << "unknown key";
        QTest::newRow("oidc no issuer") << QByteArray("api: { oidc: { audience: x } }\n") << "api.oidc.issuer" << "missing";
        QTest::newRow("oidc bad issuer") << QByteArray("api: { oidc: { issuer: not a url, audience: x } }\n")
                                         << "api.oidc.issuer" << "URL";
        QTest::newRow("oidc no audience") << QByteArray("api: { oidc: { issuer: 'https://idp' } }\n")
                                          << "api.oidc.audience" << "missing";
        QTest::newRow("limits") << QByteArray("api: { limits: { max_page_rows: 0 } }\n") << "api.limits.max_page_rows" << "between 1";
        QTest::newRow("interval") << QByteArray("monitoring: { interval_ms: 10 }\n") << "monitoring.interval_ms" << "between 100";
        QTest::newRow("window") << QByteArray("monitoring: { interval_ms: 60000, window_seconds: 30 }\n")
                                << "monitoring.window_seconds" << "interval";
        QTest::newRow("root list") << QByteArray("- a\n- b\n") << "" << "mapping";
    }

    void validationErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, field);
        QFETCH(QString, phrase);
        const auto r = parseConfig(yaml, kSource);
        QVERIFY2(!r.ok(), yaml.constData());
        const Error &e = r.error();
        QCOMPARE(e.code(), ErrorCode::ConfigInvalid);
        QCOMPARE(e.details().value(QStringLiteral("field")).toString(), field);
        QCOMPARE(e.details().value(QStringLiteral("source")).toString(), kSource);
        if (!field.isEmpty())
            QVERIFY2(e.message().startsWith(field + QStringLiteral(": ")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(phrase), qPrintable(e.message()));
        QVERIFY2(e.message().contains(kSource), qPrintable(e.message()));
    }

    void errorCarriesLine()
    {
        const QByteArray yaml = "connections:\n  - name: a\n    driver: postgres\n    host: h\n    database: d\n    port: -1\n";
        const auto r = parseConfig(yaml, kSource);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().details().value(QStringLiteral("line")).toInt(), 6);
        QVERIFY2(r.error().message().contains(QLatin1String("line 6")), qPrintable(r.error().message()));
    }

    void yamlSyntaxErrorReportsPosition()
    {
        const QByteArray yaml = "connections:\n  - name: a\n    driver: [postgres\n";
        const auto r = parseConfig(yaml, kSource);
        QVERIFY(!r.ok());
        const Error &e = r.error();
        QCOMPARE(e.code(), ErrorCode::ConfigInvalid);
        QVERIFY2(e.message().contains(QLatin1String("YAML syntax error at line")), qPrintable(e.message()));
        QVERIFY(e.message().contains(QLatin1String("column")));
        QVERIFY(e.details().value(QStringLiteral("line")).toInt() >= 3);
        QVERIFY(e.details().value(QStringLiteral("column")).toInt() >= 1);
        QCOMPARE(e.details().value(QStringLiteral("source")).toString(), kSource);
    }

    void passwordIsRefused_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("field");
        QTest::newRow("connection") << QByteArray("connections:\n  - { name: a, driver: postgres, host: h, database: d, password: Tr0ub4dor }\n")
                                    << "connections[0].password";
        QTest::newRow("second connection, upper case")
            << QByteArray("connections:\n  - { name: a, driver: sqlite, file: x }\n  - { name: b, driver: postgres, host: h, database: d, Password: 'Tr0ub4dor' }\n")
            << "connections[1].Password";
        QTest::newRow("inside pool") << QByteArray("connections:\n  - { name: a, driver: sqlite, file: x, pool: { password: Tr0ub4dor } }\n")
                                     << "connections[0].pool.password";
        // Refused before any other check, so a broken entry cannot hide it.
        QTest::newRow("otherwise invalid") << QByteArray("connections:\n  - { driver: oracle, password: Tr0ub4dor }\n")
                                           << "connections[0].password";
        QTest::newRow("client secret") << QByteArray("api: { oidc: { issuer: 'https://i', audience: a, client_secret: Tr0ub4dor } }\n")
                                       << "api.oidc.client_secret";
    }

    void passwordIsRefused()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, field);
        const auto r = parseConfig(yaml, kSource);
        QVERIFY(!r.ok());
        const Error &e = r.error();
        QCOMPARE(e.code(), ErrorCode::ConfigInvalid);
        QCOMPARE(e.details().value(QStringLiteral("field")).toString(), field);
        QVERIFY2(e.message().contains(QLatin1String("keychain")), qPrintable(e.message()));
        QVERIFY2(!e.toString().contains(QLatin1String("Tr0ub4dor")), qPrintable(e.toString()));
        for (const QVariant &v : e.details())
            QVERIFY(!v.toString().contains(QLatin1String("Tr0ub4dor")));
    }

    void relativePathsResolveAgainstConfigFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("conf")));
        const QString path = dir.filePath(QStringLiteral("conf/config.yaml"));
        QVERIFY(writeFile(path, "connections:\n"
                                "  - { name: a, driver: sqlite, file: ./demo.sqlite, migrations: mig }\n"
                                "  - { name: b, driver: sqlite, file: ../data/b.db }\n"
                                "  - { name: c, driver: sqlite, file: /abs/c.db }\n"
                                "  - { name: d, driver: sqlite, file: ':memory:' }\n"
                                "  - { name: e, driver: sqlite, file: ~/e.db }\n"));
        const auto r = loadConfigFile(path);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : errorText(r.error())));
        const auto &cs = r.value().connections;
        const QString conf = QDir(dir.path()).absoluteFilePath(QStringLiteral("conf"));
        QCOMPARE(cs.at(0).database, conf + QStringLiteral("/demo.sqlite"));
        QCOMPARE(cs.at(0).migrationsDir, conf + QStringLiteral("/mig"));
        QCOMPARE(cs.at(1).database, QDir(dir.path()).absoluteFilePath(QStringLiteral("data/b.db")));
        QCOMPARE(cs.at(2).database, QStringLiteral("/abs/c.db"));
        QCOMPARE(cs.at(3).database, QStringLiteral(":memory:"));
        QCOMPARE(cs.at(4).database, QDir::homePath() + QStringLiteral("/e.db"));
    }

    void missingExplicitFileIsAnError()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("nope.yaml"));
        const auto r = loadConfigFile(missing);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ConfigInvalid);
        QVERIFY(r.error().message().contains(missing));
    }

    void environmentPrecedence()
    {
        QTemporaryDir dir;
        const QString fromEnv = dir.filePath(QStringLiteral("env.yaml"));
        const QString explicitFile = dir.filePath(QStringLiteral("explicit.yaml"));
        QVERIFY(writeFile(fromEnv, "connections:\n  - { name: env, driver: sqlite, file: env.db }\n"));
        QVERIFY(writeFile(explicitFile, "connections:\n  - { name: explicit, driver: sqlite, file: x.db }\n"));

        QProcessEnvironment env;
        env.insert(QStringLiteral("TABLEWRIGHT_CONFIG"), fromEnv);
        auto r = loadConfig(env);
        QVERIFY(r.ok());
        QCOMPARE(r.value().connections.size(), 1);
        QCOMPARE(r.value().connections.at(0).name, QStringLiteral("env"));
        QCOMPARE(r.value().connections.at(0).database, dir.filePath(QStringLiteral("env.db")));

        r = loadConfig(env, explicitFile);
        QVERIFY(r.ok());
        QCOMPARE(r.value().connections.at(0).name, QStringLiteral("explicit"));

        env.insert(QStringLiteral("TABLEWRIGHT_CONFIG"), dir.filePath(QStringLiteral("missing.yaml")));
        r = loadConfig(env);
        QVERIFY2(!r.ok(), "a missing file named by TABLEWRIGHT_CONFIG must be an error");
        QCOMPARE(r.error().code(), ErrorCode::ConfigInvalid);
    }

    void missingDefaultFileIsEmptyConfig()
    {
        QVERIFY(!defaultConfigPath().isEmpty());
        QVERIFY(defaultConfigPath().endsWith(QLatin1String("/config.yaml")));
        QFile::remove(defaultConfigPath());
        const auto r = loadConfig(QProcessEnvironment());
        QVERIFY(r.ok());
        QCOMPARE(r.value(), AppConfig{});
    }

    void defaultFileIsUsedWhenPresent()
    {
        const QString path = defaultConfigPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(writeFile(path, "monitoring: { interval_ms: 2000 }\n"));
        const auto r = loadConfig(QProcessEnvironment());
        QFile::remove(path);
        QVERIFY(r.ok());
        QCOMPARE(r.value().monitoring.intervalMs, 2000);
    }

    void databaseUrlAddsDefault()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("c.yaml"));
        QVERIFY(writeFile(file, "connections:\n  - { name: other, driver: sqlite, file: o.db }\n"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABLEWRIGHT_CONFIG"), file);
        env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgres://app:pw%21@db:5433/shop"));
        const auto r = loadConfig(env);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : errorText(r.error())));
        QCOMPARE(r.value().connections.size(), 2);
        const ConnectionProfile *d = r.value().find(QStringLiteral("default"));
        QVERIFY(d);
        QCOMPARE(d->driver, Driver::Postgres);
        QCOMPARE(d->host, QStringLiteral("db"));
        QCOMPARE(d->port, 5433);
        QCOMPARE(d->password, QStringLiteral("pw!"));
        QVERIFY(r.value().find(QStringLiteral("other")));
    }

    void databaseUrlReplacesDefault()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("c.yaml"));
        QVERIFY(writeFile(file, "connections:\n  - { name: default, driver: sqlite, file: o.db }\n"
                                "  - { name: z, driver: sqlite, file: z.db }\n"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("sqlite:///tmp/from-env.db"));
        const auto r = loadConfig(env, file);
        QVERIFY(r.ok());
        QCOMPARE(r.value().connections.size(), 2);
        QCOMPARE(r.value().connections.at(0).name, QStringLiteral("default"));
        QCOMPARE(r.value().connections.at(0).database, QStringLiteral("/tmp/from-env.db"));
    }

    void badDatabaseUrlIsAnError()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgres://u:Tr0ub4dor@h:99999/db"));
        const auto r = loadConfig(env, QString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ConfigInvalid);
        QVERIFY(r.error().message().startsWith(QLatin1String("DATABASE_URL")));
        QCOMPARE(r.error().details().value(QStringLiteral("source")).toString(), QStringLiteral("DATABASE_URL"));
        QCOMPARE(r.error().details().value(QStringLiteral("field")).toString(), QStringLiteral("port"));
        QVERIFY(!r.error().toString().contains(QLatin1String("Tr0ub4dor")));
    }

    void saveLoadRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("sub/config.yaml"));

        AppConfig config;
        ConnectionProfile pg;
        pg.name = QStringLiteral("prod.main");
        pg.driver = Driver::Postgres;
        pg.host = QStringLiteral("::1");
        pg.port = 6000;
        pg.database = QStringLiteral("yes");        // YAML 1.1 would read a plain yes as a bool
        pg.user = QStringLiteral("null");           // ... and a plain null as nothing
        pg.sslmode = QStringLiteral("verify-ca");
        pg.readonly = true;
        pg.migrationsDir = QStringLiteral("/srv/migrations");
        pg.pool.size = 9;
        pg.pool.prePing = false;
        pg.pool.maxLifetimeMs = 123;
        pg.password = QStringLiteral("Tr0ub4dor");
        ConnectionProfile lite;
        lite.name = QStringLiteral("lite");
        lite.driver = Driver::Sqlite;
        lite.database = dir.filePath(QStringLiteral("sub/data/\u00e9t\u00e9 #1.db"));
        lite.migrationsDir = dir.filePath(QStringLiteral("sub/mig"));
        lite.password = QStringLiteral("Tr0ub4dor");
        config.connections = {pg, lite};
        config.api.listenAddress = QStringLiteral("::");
        config.api.port = 0;
        config.api.tlsCertificate = dir.filePath(QStringLiteral("sub/c.pem"));
        config.api.tlsKey = QStringLiteral("/etc/k.pem");
        config.api.oidc.issuer = QStringLiteral("http://127.0.0.1:9000/realm");
        config.api.oidc.audience = QStringLiteral("tw");
        config.api.oidc.rolesClaim = QStringLiteral("groups");
        config.api.oidc.algorithms = {QStringLiteral("EdDSA"), QStringLiteral("RS256")};
        config.api.oidc.leewaySeconds = 0;
        config.api.oidc.tokenTypes = {QStringLiteral("JWT")};
        config.api.metricsPublic = true;
        config.api.limits.maxPageRows = 10;
        config.api.limits.burst = 3;
        config.api.auditLog = dir.filePath(QStringLiteral("sub/audit/a.jsonl"));
        config.api.shutdownGraceSeconds = 0;
        config.monitoring.windowSeconds = 60;

        const Status saved = saveConfigFile(config, path);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : errorText(saved.error())));

        const QByteArray text = readFile(path);
        QVERIFY(!text.contains("Tr0ub4dor"));
        QVERIFY(!text.contains("password"));
        // Files inside the config folder are written relative, so the folder can move.
        QVERIFY2(!text.contains(dir.path().toUtf8()), text.constData());
        QVERIFY(text.contains("/etc/k.pem"));

        const auto loaded = loadConfigFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : errorText(loaded.error())));
        AppConfig expected = config;
        for (auto &c : expected.connections)
            c.password.clear();
        QCOMPARE(loaded.value().connections.at(0), expected.connections.at(0));
        QCOMPARE(loaded.value().connections.at(1), expected.connections.at(1));
        QCOMPARE(loaded.value().api, expected.api);
        QCOMPARE(loaded.value().monitoring, expected.monitoring);
        QCOMPARE(loaded.value(), expected);
    }

    void defaultConfigRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.yaml"));
        QVERIFY(saveConfigFile(AppConfig{}, path).ok());
        const auto loaded = loadConfigFile(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value(), AppConfig{});
    }

    void invalidConfigIsNotSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.yaml"));
        QVERIFY(writeFile(path, "# the old file\n"));
        AppConfig config;
        ConnectionProfile a;
        a.name = QStringLiteral("same");
        a.database = QStringLiteral("/a.db");
        config.connections = {a, a};
        const Status s = saveConfigFile(config, path);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::ConfigInvalid);
        QCOMPARE(s.error().details().value(QStringLiteral("field")).toString(), QStringLiteral("connections[1].name"));
        QCOMPARE(readFile(path), QByteArray("# the old file\n"));
    }
};

QTEST_GUILESS_MAIN(TstConfig)
#include "tst_config.moc"

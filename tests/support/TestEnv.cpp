#include "TestEnv.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTcpServer>

namespace tw::test {

namespace {
QString env(const char *name)
{
    return qEnvironmentVariable(name);
}
} // namespace

bool servicesRequired()
{
    return env("TW_TEST_REQUIRE_SERVICES") == QLatin1String("1");
}

std::optional<config::ConnectionProfile> postgresProfile(const QString &name)
{
    const QString port = env("TW_TEST_PG_PORT");
    if (port.isEmpty())
        return std::nullopt;
    config::ConnectionProfile p;
    p.name = name;
    p.driver = config::Driver::Postgres;
    p.host = env("TW_TEST_PG_HOST").isEmpty() ? QStringLiteral("127.0.0.1") : env("TW_TEST_PG_HOST");
    p.port = port.toInt();
    p.user = env("TW_TEST_PG_USER");
    p.database = env("TW_TEST_PG_DB").isEmpty() ? QStringLiteral("postgres") : env("TW_TEST_PG_DB");
    p.password = env("TW_TEST_PG_PASSWORD");
    p.sslmode = QStringLiteral("disable");
    return p;
}

bool restartPostgres(QString *errorOut)
{
    const QString script = env("TW_TEST_PG_RESTART");
    if (script.isEmpty()) {
        if (errorOut)
            *errorOut = QStringLiteral("TW_TEST_PG_RESTART is not set");
        return false;
    }
    QProcess proc;
    proc.setProcessChannelMode(QProcess::MergedChannels);
    proc.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    if (!proc.waitForFinished(60000) || proc.exitCode() != 0) {
        if (errorOut)
            *errorOut = QString::fromLocal8Bit(proc.readAll());
        return false;
    }
    return true;
}

QString sourceDir()
{
    const QString dir = env("TW_SOURCE_DIR");
    return dir.isEmpty() ? QDir::currentPath() : dir;
}

QString chinookDir()
{
    const QString fromEnv = env("TW_CHINOOK_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(sourceDir()).absoluteFilePath(QStringLiteral("../shared/fixtures/chinook"));
}

QString demoSeedPath()
{
    return QDir(sourceDir()).absoluteFilePath(QStringLiteral("resources/demo/seed.sql"));
}

config::ConnectionProfile sqliteProfile(const QString &file, const QString &name)
{
    config::ConnectionProfile p;
    p.name = name;
    p.driver = config::Driver::Sqlite;
    p.database = file;
    return p;
}

QString promtoolPath()
{
    const QString given = qEnvironmentVariable("TW_PROMTOOL");
    if (!given.isEmpty() && QFileInfo(given).isExecutable())
        return given;
    return QStandardPaths::findExecutable(QStringLiteral("promtool"));
}

int closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const int port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace tw::test

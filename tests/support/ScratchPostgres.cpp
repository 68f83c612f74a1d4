#include "ScratchPostgres.h"

#include "TestEnv.h"
#include "db/Pool.h"

#include <QCoreApplication>
#include <QFile>

namespace tw::test {

namespace {

// Roles log in with it only on the throw-away test server.
const QString kRolePassword = QStringLiteral("scratch-role-pw");

QString readTextFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

ScratchPostgres::ScratchPostgres(QString prefix)
    : m_prefix(std::move(prefix))
    , m_admin(postgresProfile(QStringLiteral("pg-admin")))
{
}

ScratchPostgres::~ScratchPostgres()
{
    dropAll();
}

QString ScratchPostgres::nextName(const QString &tag)
{
    QString name = m_prefix;
    if (!tag.isEmpty())
        name += QLatin1Char('_') + tag;
    return name + QStringLiteral("_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_counter);
}

config::ConnectionProfile ScratchPostgres::createDatabase(const QString &tag, Status *created)
{
    const QString name = nextName(tag);
    // A process id is reused: a database a killed run left behind goes first.
    Status status = adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    if (status.ok())
        status = adminExec(QStringLiteral("CREATE DATABASE %1").arg(name));
    if (!status.ok())
        qWarning("could not create database %s: %s", qPrintable(name), qPrintable(status.error().toString()));
    if (created)
        *created = status;
    m_databases << name;
    auto profile = *m_admin;
    profile.name = name;
    profile.database = name;
    return profile;
}

config::ConnectionProfile ScratchPostgres::createDatabaseFrom(const QString &relativePath)
{
    const auto profile = createDatabase();
    const QString sql = readSourceFile(relativePath);
    if (sql.isEmpty())
        qWarning("%s not found under %s", qPrintable(relativePath), qPrintable(sourceDir()));
    const Status loaded = runScript(profile, sql);
    if (!loaded.ok())
        qWarning("loading %s failed: %s", qPrintable(relativePath), qPrintable(loaded.error().toString()));
    return profile;
}

config::ConnectionProfile ScratchPostgres::createRole(const config::ConnectionProfile &database)
{
    const QString role = nextName(QStringLiteral("role"));
    const Status created = adminExec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, kRolePassword));
    if (!created.ok())
        qWarning("could not create role %s: %s", qPrintable(role), qPrintable(created.error().toString()));
    m_roles << role;
    auto profile = database;
    profile.name = role;
    profile.user = role;
    profile.password = kRolePassword;
    return profile;
}

Status ScratchPostgres::adminExec(const QString &sql, const QString &database) const
{
    auto profile = *m_admin;
    profile.database = database.isEmpty() ? QStringLiteral("postgres") : database;
    // A single statement runs outside a transaction block, as psql -c does.
    return runScript(profile, sql);
}

void ScratchPostgres::dropAll()
{
    if (!m_admin)
        return;
    for (const QString &name : std::as_const(m_databases))
        (void)adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    for (const QString &role : std::as_const(m_roles))
        (void)adminExec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    m_databases.clear();
    m_roles.clear();
}

Status runScript(const config::ConnectionProfile &profile, const QString &sql)
{
    db::Pool pool(profile);
    return resultOf(pool.run([sql](db::Session &s) { return s.executeScript(sql); }));
}

QString readSourceFile(const QString &relativePath)
{
    return readTextFile(sourceDir() + QLatin1Char('/') + relativePath);
}

QString chinookPostgresPath()
{
    return chinookDir() + QStringLiteral("/Chinook_PostgreSql.sql");
}

Result<QString> chinookPostgresScript()
{
    const QString sql = readTextFile(chinookPostgresPath());
    if (sql.isEmpty())
        return Error(ErrorCode::NotFound, chinookPostgresPath());
    const QLatin1String connect("\\c chinook;");
    const qsizetype at = sql.indexOf(connect);
    if (at <= 0)
        return Error(ErrorCode::Internal, QStringLiteral("no \\c chinook; in ") + chinookPostgresPath());
    return sql.mid(at + connect.size());
}

} // namespace tw::test

#include "DirectSession.h"

#include <libpq-fe.h>

#include <QByteArray>
#include <QList>

namespace tw::db {

DirectSession::DirectSession(const config::ConnectionProfile &profile)
    : m_profile(profile)
    , m_native(config::Driver::Postgres)
    , m_session(m_none, m_native, m_statements, m_profile)
{
}

DirectSession::~DirectSession() = default;

Result<PGconn *> connectPostgres(const config::ConnectionProfile &profile, const QString &moreSetup)
{
    const auto failed = [&profile](const QString &why) {
        return Error(ErrorCode::DbUnavailable, QStringLiteral("connection '%1' could not be opened: %2").arg(profile.name, why),
                     {{QStringLiteral("connection"), profile.name}});
    };
    if (profile.driver != config::Driver::Postgres)
        return failed(QStringLiteral("not a PostgreSQL connection"));

    // Empty values are ignored by libpq (its defaults apply), as Qt's driver
    // leaves out what is not set. No `options`: PgBouncer refuses it, and it
    // would override the user's PGOPTIONS, which Qt's driver honours.
    const QList<QByteArray> values{profile.host.toUtf8(),
                                   profile.port > 0 ? QByteArray::number(profile.port) : QByteArray(),
                                   profile.database.toUtf8(),
                                   profile.user.toUtf8(),
                                   profile.password.toUtf8(),
                                   profile.sslmode.toUtf8(),
                                   QByteArrayLiteral("5"),
                                   QByteArrayLiteral("tablewright"),
                                   QByteArrayLiteral("UNICODE")}; // UTF-8, named as Qt's driver names it
    const char *const keywords[] = {"host",           "port",            "dbname",          "user", "password", "sslmode",
                                    "connect_timeout", "application_name", "client_encoding", nullptr};
    const char *valuePointers[std::size(keywords)] = {};
    for (qsizetype i = 0; i < values.size(); ++i)
        valuePointers[i] = values.at(i).constData();
    // expand_dbname 0: a database named like a connection string stays a name.
    PGconn *conn = PQconnectdbParams(keywords, valuePointers, 0);
    if (!conn)
        return failed(QStringLiteral("out of memory"));
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString why = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        return failed(why);
    }
    // What a pooled connection has after Qt's driver and ConnectionWorker
    // set it up (ISO dates, hex bytea, read-only when the profile says so),
    // in one round trip where those take five.
    QString setup = QStringLiteral("SET datestyle TO 'ISO'; SET bytea_output = hex");
    if (profile.readonly)
        setup += QStringLiteral("; SET default_transaction_read_only = on");
    if (!moreSetup.isEmpty())
        setup += QStringLiteral("; ") + moreSetup;
    NativeConnection native(config::Driver::Postgres);
    native.adopt(conn);
    const Status set = native.executeScript(setup);
    if (!set.ok())
        return failed(QStringLiteral("setup failed: ") + set.error().message()); // closed with `native`
    return native.release();
}

Result<std::unique_ptr<DirectSession>> DirectSession::openPostgres(const config::ConnectionProfile &profile)
{
    auto conn = connectPostgres(profile);
    if (!conn)
        return conn.error();
    std::unique_ptr<DirectSession> direct(new DirectSession(profile));
    direct->m_native.adopt(conn.value()); // closed with it from here on
    return direct;
}

} // namespace tw::db

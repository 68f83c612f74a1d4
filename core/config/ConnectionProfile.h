#pragma once

#include "DeclaredTable.h"

#include <QString>
#include <QStringList>
#include <QList>

namespace tw::config {

enum class Driver { Postgres, Sqlite };

QString driverName(Driver driver);

// SQLAlchemy-style sizing: `size` connections are kept, up to `overflow` more
// are opened under load and closed again as soon as they are returned.
struct PoolSettings
{
    int size = 4;
    int overflow = 2;
    int acquireTimeoutMs = 5000;
    int idleTimeoutMs = 300000;   // kept connections idle this long are closed
    int maxLifetimeMs = 0;        // 0: never recycle by age
    bool prePing = true;          // test a connection before handing it out
    int busyTimeoutMs = 5000;     // SQLite busy_timeout
    int busyRetries = 5;          // SQLite: extra tries on SQLITE_BUSY, with backoff
    int apiReads = -1;            // PostgreSQL: the API server's own read connections; -1: as many as size, 0: none

    bool operator==(const PoolSettings &) const = default;
};

struct ConnectionProfile
{
    QString name;
    Driver driver = Driver::Sqlite;
    QString host;                 // postgres only
    int port = 5432;              // postgres only
    QString database;             // postgres: database name; sqlite: file path
    QString user;
    QString sslmode;              // postgres only; empty = libpq default
    bool readonly = false;
    PoolSettings pool;
    QString migrationsDir;
    // Tables the config file declares for `migrate ensure` / `migrate generate`.
    QList<DeclaredTable> declaredTables;
    // Held in memory only: resolved from the SecretStore or a DATABASE_URL.
    // Never serialised to the config file and never logged.
    QString password;

    // Key under which the password lives in the SecretStore.
    QString secretKey() const { return QStringLiteral("connection/") + name; }
    // "postgres://user@host:port/db" or "sqlite:///path": for display, no password.
    QString displayUrl() const;

    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace tw::config

#pragma once

#include "error/Error.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

namespace tw::db {
class Session;
}

// One runner at a time per database (issue 9). PostgreSQL: a session-level
// advisory lock, taken by polling pg_try_advisory_lock outside any
// transaction — so it never waits inside a transaction that CREATE INDEX
// CONCURRENTLY would wait for (Flyway #1654) and it dies with its session:
// a killed runner leaves nothing behind. SQLite: a row in
// tablewright_schema_lock written under BEGIN IMMEDIATE, naming the holder;
// a row whose process is gone (same host) or that has not been refreshed
// for ten minutes is taken over (Liquibase #1311's stale lock row).
namespace tw::migrate {

struct LockHolder
{
    qint64 pid = 0;
    QString host;            // client host (PostgreSQL: address or "local socket")
    QString application;     // application_name, or the SQLite holder's program
    QDateTime since;         // when it took the lock (SQLite) / its session began (PostgreSQL)
    QString describe() const; // "pid 4711 on build-02 (tablewright), since 10:31:05Z"
};

struct LockOptions
{
    int timeoutMs = 30000;
    int pollMs = 200;
    // Called on the worker thread while waiting, about once a second.
    std::function<void(const LockHolder &)> waiting;
    // Stop waiting early (the runner was cancelled).
    std::function<bool()> cancelled;
};

class MigrationLock
{
public:
    // Takes the lock or fails with MIGRATION_LOCKED naming the holder
    // (details: pid, host, application, since) once timeoutMs has passed.
    static Result<std::unique_ptr<MigrationLock>> acquire(db::Session &session, const LockOptions &options);
    // Releases; never throws. The SQLite row is deleted, the PostgreSQL lock unlocked.
    ~MigrationLock();
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;

    // SQLite: refreshes the row inside the caller's transaction (at most once
    // a minute; a row goes stale only after ten), failing when another runner
    // took it over. PostgreSQL: checks the session still holds the lock.
    Status refresh();
    Status release();

    // The PostgreSQL advisory lock key (one per database).
    static qint64 advisoryKey();

private:
    MigrationLock(db::Session &session, QString owner);
    db::Session &m_session;
    QString m_owner;       // SQLite row owner token
    bool m_held = true;
    qint64 m_refreshedMs = 0; // SQLite: when the row was last refreshed (ms since the epoch)
};

} // namespace tw::migrate

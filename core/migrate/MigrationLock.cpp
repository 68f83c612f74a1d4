#include "MigrationLock.h"

#include "db/Session.h"
#include "db/NativeConnection.h"
#include "log/Categories.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QThread>
#include <QUuid>

#include <sqlite3.h>

#include <cerrno>
#include <csignal>

namespace tw::migrate {

namespace {

// "twmigrat" in ASCII: one key per database, shared by every Tablewright.
constexpr qint64 kAdvisoryKey = 0x74776d6967726174LL;

const QString kLockTable = QStringLiteral("tablewright_schema_lock");
// A SQLite holder on another host cannot be asked whether it lives: its row
// is trusted this long after its last refresh (one per migration).
constexpr qint64 kForeignStaleSeconds = 600;

Error lockedError(const LockHolder &holder, int timeoutMs)
{
    return Error(ErrorCode::MigrationLocked,
                 QStringLiteral("another migration runner holds the lock: %1; gave up after %2 s")
                     .arg(holder.describe())
                     .arg(timeoutMs / 1000.0),
                 {{QStringLiteral("pid"), holder.pid},
                  {QStringLiteral("host"), holder.host},
                  {QStringLiteral("application"), holder.application},
                  {QStringLiteral("since"), holder.since.toString(Qt::ISODate)}},
                 QStringLiteral("wait for it to finish; a killed runner's lock is released with its session"));
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

Result<LockHolder> postgresHolder(db::Session &session)
{
    const quint32 high = quint32(quint64(kAdvisoryKey) >> 32);
    const quint32 low = quint32(quint64(kAdvisoryKey) & 0xffffffffu);
    auto rows = session.exec(QStringLiteral(
        "SELECT a.pid, coalesce(a.client_hostname, host(a.client_addr), 'local socket'), a.application_name,"
        " to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
        " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
        " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_catalog.pg_database"
        " WHERE datname = current_database()) AND l.classid = CAST(? AS oid) AND l.objid = CAST(? AS oid)"
        " AND l.objsubid = 1"),
        {QString::number(high), QString::number(low)});
    if (!rows)
        return rows.error();
    LockHolder holder;
    if (rows.value().next()) {
        holder.pid = rows.value().value(0).toLongLong();
        holder.host = rows.value().value(1).toString();
        holder.application = rows.value().value(2).toString();
        holder.since = QDateTime::fromString(rows.value().value(3).toString(), Qt::ISODate);
    }
    return holder;
}

Status ensureLockTable(db::Session &session)
{
    auto created = session.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (id integer PRIMARY KEY CHECK (id = 1),"
                                                  " owner text NOT NULL, pid integer NOT NULL, host text NOT NULL,"
                                                  " application text NOT NULL, since text NOT NULL, heartbeat text NOT NULL)")
                                       .arg(session.dialect().quoteIdentifier(kLockTable)));
    if (!created)
        return created.error();
    return {};
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

struct SqliteRow
{
    LockHolder holder;
    bool stale = false;
};

// The lock row as last committed; a plain read, which WAL never blocks.
Result<std::optional<SqliteRow>> readSqliteRow(db::Session &session)
{
    auto exists = session.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"),
                                 {kLockTable});
    if (!exists)
        return exists.error();
    if (exists.value().toLongLong() == 0)
        return std::optional<SqliteRow>();
    auto rows = session.exec(QStringLiteral("SELECT pid, host, application, since, heartbeat FROM %1 WHERE id = 1")
                                 .arg(session.dialect().quoteIdentifier(kLockTable)));
    if (!rows)
        return rows.error();
    if (!rows.value().next())
        return std::optional<SqliteRow>();
    SqliteRow row;
    row.holder = LockHolder{rows.value().value(0).toLongLong(), rows.value().value(1).toString(),
                            rows.value().value(2).toString(),
                            QDateTime::fromString(rows.value().value(3).toString(), Qt::ISODate)};
    const QDateTime heartbeat = QDateTime::fromString(rows.value().value(4).toString(), Qt::ISODate);
    const bool sameHost = row.holder.host == QSysInfo::machineHostName();
    row.stale = sameHost ? !processAlive(row.holder.pid)
                         : heartbeat.secsTo(QDateTime::currentDateTimeUtc()) > kForeignStaleSeconds;
    return std::optional<SqliteRow>(row);
}

// One attempt: a live holder is reported without asking for the write lock;
// a free or stale row is taken under BEGIN IMMEDIATE, waiting at most
// `waitMs` for another writer (not the pool's busy retries: the caller's
// lock timeout must hold).
Result<std::optional<LockHolder>> trySqliteLock(db::Session &session, const QString &owner, int waitMs)
{
    auto seen = readSqliteRow(session);
    if (!seen)
        return seen.error();
    if (seen.value() && !seen.value()->stale)
        return std::optional<LockHolder>(seen.value()->holder);
    sqlite3 *handle = session.native().sqlite();
    sqlite3_busy_timeout(handle, std::max(10, waitMs));
    Status begun = session.native().executeScript(QStringLiteral("BEGIN IMMEDIATE"));
    sqlite3_busy_timeout(handle, session.profile().pool.busyTimeoutMs);
    if (!begun.ok()) {
        if (begun.error().details().value(QStringLiteral("sqliteCode")).toInt() == SQLITE_BUSY)
            return std::optional<LockHolder>(LockHolder{0, {}, QStringLiteral("another SQLite writer"), {}});
        return begun.error();
    }
    auto taken = [&]() -> Result<std::optional<LockHolder>> {
        if (Status created = ensureLockTable(session); !created.ok())
            return created.error();
        // Read again inside the write lock: another runner may have come first.
        auto again = readSqliteRow(session);
        if (!again)
            return again.error();
        if (again.value() && !again.value()->stale)
            return std::optional<LockHolder>(again.value()->holder);
        if (again.value())
            qCWarning(lcDb) << "taking over the stale migration lock of" << again.value()->holder.describe();
        const QString now = nowText();
        auto written = session.execute(
            QStringLiteral("INSERT OR REPLACE INTO %1 (id, owner, pid, host, application, since, heartbeat)"
                           " VALUES (1, ?, ?, ?, ?, ?, ?)").arg(session.dialect().quoteIdentifier(kLockTable)),
            {owner, QCoreApplication::applicationPid(), QSysInfo::machineHostName(),
             QCoreApplication::applicationName().isEmpty() ? QStringLiteral("tablewright") : QCoreApplication::applicationName(),
             now, now});
        if (!written)
            return written.error();
        return std::optional<LockHolder>();
    }();
    const Status ended = session.native().executeScript(taken && !taken.value() ? QStringLiteral("COMMIT")
                                                                                 : QStringLiteral("ROLLBACK"));
    if (!taken)
        return taken.error();
    if (!ended.ok())
        return ended.error();
    return taken;
}

} // namespace

QString LockHolder::describe() const
{
    QString text = QStringLiteral("pid %1 on %2").arg(pid).arg(host.isEmpty() ? QStringLiteral("?") : host);
    if (!application.isEmpty())
        text += QStringLiteral(" (%1)").arg(application);
    if (since.isValid())
        text += QStringLiteral(", since %1").arg(since.toUTC().toString(Qt::ISODate));
    return text;
}

qint64 MigrationLock::advisoryKey()
{
    return kAdvisoryKey;
}

MigrationLock::MigrationLock(db::Session &session, QString owner)
    : m_session(session)
    , m_owner(std::move(owner))
{
}

Result<std::unique_ptr<MigrationLock>> MigrationLock::acquire(db::Session &session, const LockOptions &options)
{
    if (session.inTransaction())
        return Error(ErrorCode::Internal, QStringLiteral("the migration lock is taken outside any transaction"));
    const bool pg = session.dialect().driver() == config::Driver::Postgres;
    const QString owner = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QElapsedTimer waited;
    waited.start();
    qint64 lastReport = -1000;
    LockHolder holder;
    for (;;) {
        if (pg) {
            auto got = session.scalar(QStringLiteral("SELECT pg_try_advisory_lock(CAST(? AS bigint))"),
                                      {QString::number(kAdvisoryKey)});
            if (!got)
                return got.error();
            if (got.value().toBool())
                return std::unique_ptr<MigrationLock>(new MigrationLock(session, owner));
            auto who = postgresHolder(session);
            if (!who)
                return who.error();
            holder = who.value();
        } else {
            const int left = int(std::max<qint64>(0, options.timeoutMs - waited.elapsed()));
            auto attempt = trySqliteLock(session, owner, std::min(left, session.profile().pool.busyTimeoutMs));
            if (!attempt) {
                return attempt.error();
            } else if (!attempt.value()) {
                return std::unique_ptr<MigrationLock>(new MigrationLock(session, owner));
            } else {
                holder = *attempt.value();
            }
        }
        if (waited.elapsed() >= options.timeoutMs)
            return lockedError(holder, options.timeoutMs);
        if (options.cancelled && options.cancelled())
            return Error(ErrorCode::QueryCancelled, QStringLiteral("cancelled while waiting for the migration lock"));
        if (options.waiting && waited.elapsed() - lastReport >= 1000) {
            lastReport = waited.elapsed();
            options.waiting(holder);
        }
        QThread::msleep(quint64(std::max(10, options.pollMs)));
    }
}

Status MigrationLock::refresh()
{
    if (!m_held)
        return Error(ErrorCode::MigrationLocked, QStringLiteral("the migration lock was released"));
    if (m_session.dialect().driver() == config::Driver::Postgres) {
        // A statement can drop it (pg_advisory_unlock_all() inside a
        // function): carrying on would let a second runner in.
        auto held = m_session.scalar(QStringLiteral(
            "SELECT count(*) FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted"
            " AND pid = pg_backend_pid() AND classid = CAST(? AS oid) AND objid = CAST(? AS oid) AND objsubid = 1"),
            {QString::number(quint32(quint64(kAdvisoryKey) >> 32)), QString::number(quint32(quint64(kAdvisoryKey) & 0xffffffffu))});
        if (!held)
            return held.error();
        if (held.value().toLongLong() == 0) {
            m_held = false;
            return Error(ErrorCode::MigrationLocked,
                         QStringLiteral("the migration lock was lost while this runner ran (a statement released it)"));
        }
        return {};
    }
    // Another process on this host never takes a live holder's row, and one
    // elsewhere only after kForeignStaleSeconds: a refresh a minute is enough.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_refreshedMs > 0 && now - m_refreshedMs < 60'000)
        return {};
    m_refreshedMs = now;
    auto updated = m_session.execute(QStringLiteral("UPDATE %1 SET heartbeat = ? WHERE id = 1 AND owner = ?")
                                         .arg(m_session.dialect().quoteIdentifier(kLockTable)),
                                     {nowText(), m_owner});
    if (!updated)
        return updated.error();
    if (updated.value() != 1)
        return Error(ErrorCode::MigrationLocked,
                     QStringLiteral("another runner took over the migration lock while this one ran"));
    return {};
}

Status MigrationLock::release()
{
    if (!m_held)
        return {};
    m_held = false;
    // Through the native handle: a cancelled job's session refuses
    // statements, and a lock left on a pooled connection (or a row naming a
    // live process) would block every later runner.
    db::NativeConnection &native = m_session.native();
    if (native.endAbandonedTransaction() == db::NativeConnection::TransactionCleanup::Failed) {
        m_session.retireConnectionAfterJob();
        return Error(ErrorCode::Internal, QStringLiteral("the connection is in an unknown state; it is closed instead"));
    }
    Status released = m_session.dialect().driver() == config::Driver::Postgres
                          ? native.executeScript(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kAdvisoryKey))
                          // The owner is a UUID this object made: no quote can be in it.
                          : native.executeScript(QStringLiteral("DELETE FROM %1 WHERE id = 1 AND owner = '%2'")
                                                     .arg(m_session.dialect().quoteIdentifier(kLockTable), m_owner));
    if (!released.ok())
        m_session.retireConnectionAfterJob(); // PostgreSQL: the lock dies with the session
    return released;
}

MigrationLock::~MigrationLock()
{
    if (Status released = release(); !released.ok())
        qCWarning(lcDb) << "releasing the migration lock failed:" << released.error().toString();
}

} // namespace tw::migrate

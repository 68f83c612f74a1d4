#include "NativeConnection.h"

#include "log/Categories.h"

#include <QScopeGuard>
#include <QSqlDriver>
#include <QDateTime>
#include <QUuid>
#include <QVariant>

#include <libpq-fe.h>
#include <sqlite3.h>

namespace tw::db {

NativeConnection::NativeConnection(config::Driver driver)
    : m_driver(driver)
{}

NativeConnection::~NativeConnection()
{
    detach();
}

void NativeConnection::attach(const QSqlDatabase &db)
{
    detach();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid())
        return;
    QMutexLocker lock(&m_cancelMutex);
    // QtSql stores the raw pointer; the type name tells which one it is.
    // Qt 6 names PGconn* after its struct tag ("pg_conn*"); Qt 5 used the typedef.
    const bool isPg = qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0;
    if (m_driver == config::Driver::Postgres && isPg) {
        m_pg = *static_cast<PGconn *const *>(handle.data());
        if (m_pg)
            m_pgCancel = std::shared_ptr<PGcancel>(PQgetCancel(m_pg), PQfreeCancel);
    } else if (m_driver == config::Driver::Sqlite && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        m_sqlite = *static_cast<sqlite3 *const *>(handle.data());
    } else {
        qCWarning(lcDb) << "unexpected native handle type" << handle.typeName();
    }
}

void NativeConnection::adopt(PGconn *conn)
{
    detach();
    QMutexLocker lock(&m_cancelMutex);
    m_pg = conn;
    m_ownsPg = true;
    m_pgCancel = std::shared_ptr<PGcancel>(PQgetCancel(m_pg), PQfreeCancel);
}

PGconn *NativeConnection::release()
{
    if (!m_ownsPg)
        return nullptr;
    PGconn *conn = m_pg;
    m_ownsPg = false; // detach() leaves it open
    detach();
    return conn;
}

void NativeConnection::detach()
{
    QMutexLocker lock(&m_cancelMutex);
    m_pgCancel.reset();
    if (m_ownsPg && m_pg)
        PQfinish(m_pg);
    m_ownsPg = false;
    m_pg = nullptr;
    for (sqlite3_stmt *statement : std::as_const(m_sqliteStatements))
        sqlite3_finalize(statement);
    m_sqliteStatements.clear();
    m_sqlite = nullptr;
    m_prepared.clear();
}

std::function<bool(QString *)> NativeConnection::cancel()
{
    QMutexLocker lock(&m_cancelMutex);
    if (m_pgCancel) {
        return [request = m_pgCancel](QString *errorOut) {
            char errbuf[256] = {};
            if (PQcancel(request.get(), errbuf, sizeof errbuf) == 1)
                return true;
            if (errorOut)
                *errorOut = QString::fromLocal8Bit(errbuf);
            return false;
        };
    }
    if (m_sqlite)
        sqlite3_interrupt(m_sqlite); // cheap and thread-safe while the handle is open
    return {};
}

bool NativeConnection::looksAlive() const
{
    if (m_driver == config::Driver::Postgres)
        return m_pg && PQstatus(m_pg) == CONNECTION_OK;
    return m_sqlite != nullptr;
}

NativeConnection::TransactionCleanup NativeConnection::endAbandonedTransaction()
{
    if (m_pg) {
        switch (PQtransactionStatus(m_pg)) {
        case PQTRANS_IDLE:
            return TransactionCleanup::Clean;
        case PQTRANS_INTRANS:
        case PQTRANS_INERROR: {
            PGresult *result = PQexec(m_pg, "ROLLBACK");
            const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK && PQtransactionStatus(m_pg) == PQTRANS_IDLE;
            PQclear(result);
            return ok ? TransactionCleanup::RolledBack : TransactionCleanup::Failed;
        }
        default: // a statement still running, or a dead socket
            return TransactionCleanup::Failed;
        }
    }
    if (m_sqlite) {
        if (sqlite3_get_autocommit(m_sqlite))
            return TransactionCleanup::Clean;
        const int rc = sqlite3_exec(m_sqlite, "ROLLBACK", nullptr, nullptr, nullptr);
        return rc == SQLITE_OK && sqlite3_get_autocommit(m_sqlite) ? TransactionCleanup::RolledBack
                                                                   : TransactionCleanup::Failed;
    }
    return TransactionCleanup::Clean;
}

Status NativeConnection::executeScript(const QString &sql) const
{
    const QByteArray utf8 = sql.toUtf8();
    if (m_pg) {
        PGresult *result = PQexec(m_pg, utf8.constData());
        const ExecStatusType status = PQresultStatus(result);
        Status outcome;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
            const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
            outcome = Error(ErrorCode::QueryFailed,
                            QString::fromUtf8(PQerrorMessage(m_pg)).trimmed(),
                            {{QStringLiteral("sqlstate"), QString::fromLatin1(state ? state : "")}});
        }
        PQclear(result);
        return outcome;
    }
    if (m_sqlite) {
        char *message = nullptr;
        const int rc = sqlite3_exec(m_sqlite, utf8.constData(), nullptr, nullptr, &message);
        if (rc == SQLITE_OK)
            return {};
        Error error(rc == SQLITE_INTERRUPT ? ErrorCode::QueryCancelled : ErrorCode::QueryFailed,
                    QString::fromUtf8(message ? message : sqlite3_errstr(rc)),
                    {{QStringLiteral("sqliteCode"), rc}});
        sqlite3_free(message);
        return error;
    }
    return Error(ErrorCode::DbUnavailable, QStringLiteral("connection is not open"));
}

namespace {

// QSqlResultPrivate::isVariantNull's rule, which QSQLITE binds by.
bool bindsAsNull(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString: return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray: return static_cast<const QByteArray *>(value.constData())->isNull();
    case QMetaType::QDate: return !value.toDate().isValid();
    case QMetaType::QTime: return !value.toTime().isValid();
    case QMetaType::QDateTime: return !value.toDateTime().isValid();
    case QMetaType::QUuid: return value.toUuid().isNull();
    default: return false;
    }
}

int bindValue(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (bindsAsNull(value))
        return sqlite3_bind_null(statement, index);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::ULongLong: { // as text, as QSQLITE: it may not fit a signed 64-bit integer
        const QByteArray digits = QByteArray::number(value.toULongLong());
        return sqlite3_bind_text64(statement, index, digits.constData(), sqlite3_uint64(digits.size()), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
    }
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob64(statement, index, bytes.constData(), sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
    }
    default: {
        const QByteArray utf8 = value.toString().toUtf8();
        return sqlite3_bind_text64(statement, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
    }
    }
}

} // namespace

Result<qint64> NativeConnection::executeSqlite(const QString &sql, const QVariantList &binds)
{
    if (!m_sqlite)
        return Error(ErrorCode::DbUnavailable, QStringLiteral("connection is not open"));
    const auto failed = [this](int rc) {
        return Error(rc == SQLITE_INTERRUPT ? ErrorCode::QueryCancelled : ErrorCode::QueryFailed,
                     QString::fromUtf8(sqlite3_errmsg(m_sqlite)), {{QStringLiteral("sqliteCode"), rc}});
    };
    sqlite3_stmt *statement = m_sqliteStatements.value(sql);
    if (!statement) {
        const QByteArray utf8 = sql.toUtf8();
        const int rc = sqlite3_prepare_v3(m_sqlite, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                          &statement, nullptr);
        if (rc != SQLITE_OK)
            return failed(rc);
        if (!statement) // only a comment or white space
            return qint64(0);
        if (m_sqliteStatements.size() >= 32) { // a handful of fixed texts in use; never grows unbounded
            for (sqlite3_stmt *old : std::as_const(m_sqliteStatements))
                sqlite3_finalize(old);
            m_sqliteStatements.clear();
        }
        m_sqliteStatements.insert(sql, statement);
    }
    // Reset before returning whatever happens, so the statement holds no lock
    // and keeps no values between calls.
    const auto done = qScopeGuard([statement] {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
    });
    if (binds.size() != sqlite3_bind_parameter_count(statement))
        return Error(ErrorCode::Internal, QStringLiteral("%1 values for %2 parameters")
                                              .arg(binds.size())
                                              .arg(sqlite3_bind_parameter_count(statement)));
    for (int i = 0; i < binds.size(); ++i) {
        if (const int rc = bindValue(statement, i + 1, binds.at(i)); rc != SQLITE_OK)
            return failed(rc);
    }
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE)
        return failed(rc);
    return qint64(sqlite3_last_insert_rowid(m_sqlite));
}

} // namespace tw::db

#include "ConnectionWorker.h"
#include "SqliteFile.h"

#include "SqliteFunctions.h"

#include "Session.h"
#include "SqlErrors.h"
#include "log/Categories.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace tw::db {

namespace {

constexpr auto kPrePingBypass = std::chrono::milliseconds(500);

// QSqlDatabase names are process-wide; a pool being replaced may still be
// closing its workers while the new pool opens, so names never repeat.
QString uniqueConnectionName(const QString &profile)
{
    static std::atomic<quint64> next{1};
    return QStringLiteral("tw/%1/%2").arg(profile).arg(next.fetch_add(1));
}

QString postgresOptions(const config::ConnectionProfile &profile)
{
    // QPSQL turns ';' into spaces and hands the result to libpq.
    QStringList options{QStringLiteral("connect_timeout=5"), QStringLiteral("application_name=tablewright")};
    if (!profile.sslmode.isEmpty())
        options << QStringLiteral("sslmode=") + profile.sslmode;
    return options.join(QLatin1Char(';'));
}

QString sqliteOptions(const config::ConnectionProfile &profile)
{
    QStringList options{QStringLiteral("QSQLITE_BUSY_TIMEOUT=") + QString::number(profile.pool.busyTimeoutMs)};
    if (profile.readonly)
        options << QStringLiteral("QSQLITE_OPEN_READONLY");
    return options.join(QLatin1Char(';'));
}

} // namespace

ConnectionWorker::ConnectionWorker(const config::ConnectionProfile &profile, quint64 serial, WorkerHost *host)
    : m_profile(profile)
    , m_serial(serial)
    , m_host(host)
    , m_connectionName(uniqueConnectionName(profile.name))
    , m_native(profile.driver)
{
    setObjectName(QStringLiteral("db:%1#%2").arg(profile.name).arg(serial));
}

ConnectionWorker::~ConnectionWorker()
{
    requestStop();
    wait();
}

void ConnectionWorker::post(Task task)
{
    QMutexLocker lock(&m_queueMutex);
    m_queue.push_back(std::move(task));
    m_queueCondition.wakeOne();
}

bool ConnectionWorker::cancel(quint64 taskId, std::function<bool(QString *)> *send)
{
    QMutexLocker lock(&m_taskMutex);
    if (m_currentTask == taskId) {
        // While connecting or between statements there is nothing to
        // interrupt; the flag stops the job at its next statement.
        m_cancelRequested = true;
        auto request = m_native.cancel();
        if (request && send) {
            auto delivered = std::make_shared<std::promise<void>>();
            m_cancelDelivered = delivered->get_future().share();
            *send = [request = std::move(request), delivered](QString *error) {
                const bool sent = request(error);
                delivered->set_value();
                return sent;
            };
        }
        return true;
    }
    QMutexLocker queueLock(&m_queueMutex);
    if (m_takenTask == taskId) {
        m_cancelBeforeStart = taskId; // runTask() reads it under m_taskMutex, held here too
        return true;
    }
    for (const Task &task : m_queue) {
        if (task.id == taskId) {
            m_cancelBeforeStart = taskId;
            return true;
        }
    }
    return false;
}

void ConnectionWorker::requestStop()
{
    QMutexLocker lock(&m_queueMutex);
    m_stop = true;
    m_queueCondition.wakeAll();
}

void ConnectionWorker::run()
{
    for (;;) {
        Task task;
        {
            QMutexLocker lock(&m_queueMutex);
            while (m_queue.empty() && !m_stop)
                m_queueCondition.wait(&m_queueMutex);
            if (m_queue.empty())
                break;
            task = std::move(m_queue.front());
            m_queue.pop_front();
            m_takenTask = task.id;
        }
        runTask(task);
        QMutexLocker lock(&m_queueMutex);
        m_takenTask = 0;
    }
    close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void ConnectionWorker::runTask(Task &task)
{
    {
        QMutexLocker lock(&m_taskMutex);
        m_currentTask = task.id;
        m_cancelRequested = m_cancelBeforeStart == task.id;
        m_cancelBeforeStart = 0;
    }
    // Order matters: book-keeping, then the result (continuations may run
    // here), then the connection goes back to the pool.
    auto finish = [this](WorkerHost::Outcome outcome, const std::function<void()> &publish) {
        std::shared_future<void> delivered;
        {
            QMutexLocker lock(&m_taskMutex);
            m_currentTask = 0;
            m_cancelRequested = false;
            delivered = std::exchange(m_cancelDelivered, {});
        }
        if (delivered.valid())
            delivered.wait_for(std::chrono::seconds(2)); // bounded: never hang on a lost request
        m_host->taskFinished(this, outcome);
        publish();
        m_host->taskReleased(this);
    };
    const Error cancelled(ErrorCode::QueryCancelled, QStringLiteral("cancelled before it started"),
                          {{QStringLiteral("connection"), m_profile.name}});

    if (m_cancelRequested) {
        finish(WorkerHost::Outcome::Usable, [&] { task.fail(cancelled); });
        return;
    }
    const Status ready = prepareConnection();
    if (!ready.ok()) {
        close();
        finish(WorkerHost::Outcome::Broken, [&] { task.fail(ready.error()); });
        return;
    }
    if (m_cancelRequested) {
        finish(WorkerHost::Outcome::Usable, [&] { task.fail(cancelled); });
        return;
    }

    const double acquireMs =
        std::chrono::duration<double, std::milli>(Clock::now() - task.submitted).count();
    m_host->taskStarting(this, acquireMs);

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    std::function<void()> publish;
    bool retire = false;
    {
        Session session(db, m_native, m_statements, m_profile, &m_cancelRequested);
        publish = task.run(session);
        retire = session.retireRequested();
    }

    m_lastUsed = Clock::now();
    bool alive = m_native.looksAlive() && !retire;
    if (alive) {
        // The next job must start outside any transaction, whatever this
        // one did: a cancelled job's Transaction cannot send its ROLLBACK
        // (statements are refused once cancelled), and a job may simply
        // forget to commit.
        switch (m_native.endAbandonedTransaction()) {
        case NativeConnection::TransactionCleanup::Clean:
            break;
        case NativeConnection::TransactionCleanup::RolledBack:
            qCInfo(lcPool) << "connection" << objectName() << "rolled back a transaction its job left open";
            break;
        case NativeConnection::TransactionCleanup::Failed:
            qCWarning(lcPool) << "connection" << objectName() << "could not end a transaction its job left open; closing it";
            alive = false;
            break;
        }
    }
    if (!alive)
        close();
    finish(alive ? WorkerHost::Outcome::Usable : WorkerHost::Outcome::Broken, publish);
}

Status ConnectionWorker::prepareConnection()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (db.isValid() && db.isOpen()) {
        // Like HikariCP's alive-bypass window: a connection that finished a
        // job moments ago is not pinged again. A death inside the window
        // fails that one job with DB_UNAVAILABLE and the connection is
        // replaced (see runTask).
        const bool recentlyUsed = Clock::now() - m_lastUsed < kPrePingBypass;
        if (!m_profile.pool.prePing || recentlyUsed || ping())
            return {};
        qCInfo(lcPool) << "connection" << objectName() << "failed its pre-ping; reopening";
        close();
        const Status reopened = open();
        if (reopened.ok())
            m_host->connectionOpened(this, true);
        return reopened;
    }
    const bool replacing = m_everOpened;
    const Status opened = open();
    if (opened.ok())
        m_host->connectionOpened(this, replacing);
    return opened;
}

Status ConnectionWorker::open()
{
    const Dialect &dialect = dialectFor(m_profile.driver);
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? QSqlDatabase::database(m_connectionName, false)
                          : QSqlDatabase::addDatabase(dialect.qtDriverName(), m_connectionName);
    if (!db.isValid())
        return Error(ErrorCode::DbUnavailable,
                     QStringLiteral("connection '%1': Qt SQL driver %2 is not installed")
                         .arg(m_profile.name, dialect.qtDriverName()),
                     {{QStringLiteral("connection"), m_profile.name}});

    if (m_profile.driver == config::Driver::Postgres) {
        db.setHostName(m_profile.host);
        db.setPort(m_profile.port);
        db.setDatabaseName(m_profile.database);
        db.setUserName(m_profile.user);
        db.setPassword(m_profile.password);
        db.setConnectOptions(postgresOptions(m_profile));
    } else {
        // Opening a missing file would silently create an empty database.
        const bool memory = m_profile.database == QLatin1String(":memory:");
        if (!memory && !QFileInfo::exists(m_profile.database))
            return Error(ErrorCode::DbUnavailable,
                         QStringLiteral("connection '%1': SQLite file %2 does not exist")
                             .arg(m_profile.name, m_profile.database),
                         {{QStringLiteral("connection"), m_profile.name}});
        configureSqliteLibrary();
        db.setDatabaseName(m_profile.database);
        db.setConnectOptions(sqliteOptions(m_profile));
    }

    if (!db.open()) {
        Error error = mapSqlError(m_profile.driver, db.lastError(), false);
        return Error(ErrorCode::DbUnavailable,
                     QStringLiteral("connection '%1' could not be opened: %2").arg(m_profile.name, error.message()),
                     {{QStringLiteral("connection"), m_profile.name}});
    }
    m_native.attach(db);
    m_everOpened = true;
    if (m_profile.driver == config::Driver::Sqlite && !registerSqliteFunctions(m_native.sqlite()))
        qCWarning(lcDb) << "could not register Tablewright's SQL functions on" << m_profile.name;

    QStringList setup;
    if (m_profile.driver == config::Driver::Sqlite) {
        setup << QStringLiteral("PRAGMA foreign_keys = ON");
        if (!m_profile.readonly && m_profile.database != QLatin1String(":memory:"))
            setup << QStringLiteral("PRAGMA journal_mode = WAL") << QStringLiteral("PRAGMA synchronous = NORMAL");
    } else {
        // Qt's driver switches bytea to the old escape format on connect; the
        // server's default (hex) is what PostgreSQL clients and PostgREST show,
        // and libpq's unescaping (used by the driver) reads both.
        setup << QStringLiteral("SET bytea_output = hex");
        if (m_profile.readonly)
            setup << QStringLiteral("SET default_transaction_read_only = on");
    }
    for (const QString &statement : setup) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            const Error error = mapSqlError(m_profile.driver, query.lastError());
            close();
            return Error(ErrorCode::DbUnavailable,
                         QStringLiteral("connection '%1': setup failed (%2): %3")
                             .arg(m_profile.name, statement, error.message()),
                         {{QStringLiteral("connection"), m_profile.name}});
        }
    }
    return {};
}

void ConnectionWorker::close()
{
    QMutexLocker lock(&m_taskMutex); // cancel() must not touch a closing handle
    m_statements.clear();                // prepared statements die with the session
    m_native.detach();
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
}

bool ConnectionWorker::ping()
{
    if (!m_native.looksAlive())
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    return query.exec(dialectFor(m_profile.driver).pingStatement()) && m_native.looksAlive();
}

} // namespace tw::db

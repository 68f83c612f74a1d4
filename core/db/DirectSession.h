#pragma once

#include "NativeConnection.h"
#include "Session.h"
#include "StatementCache.h"
#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QSqlDatabase>

#include <memory>

namespace tw::db {

// A libpq connection opened on the calling thread (it blocks) with the
// settings a pooled connection gets, made in one round trip, followed by
// `moreSetup` (more SET statements, or empty). The caller owns it (PQfinish).
Result<PGconn *> connectPostgres(const config::ConnectionProfile &profile, const QString &moreSetup = {});

// One PostgreSQL connection that libpq opens on the calling thread, outside
// the pool and Qt's driver, for a command line's single read (`migrate
// status`, `validate`, `dry-run`): the pool's threads, the hops between them
// and the five statements Qt's driver sends after connecting were a fifth of
// such a command's time. It blocks: never on a GUI thread, never in serve.
//
// Its session offers readRows() and executeScript() (the native handle);
// exec() and the other QtSql calls fail, as on a closed connection. The
// settings a pooled connection makes with five statements after connecting
// (Qt's driver, ConnectionWorker::open) are made with one.
class DirectSession
{
public:
    static Result<std::unique_ptr<DirectSession>> openPostgres(const config::ConnectionProfile &profile);
    ~DirectSession();
    DirectSession(const DirectSession &) = delete;
    DirectSession &operator=(const DirectSession &) = delete;

    Session &session() { return m_session; }

private:
    explicit DirectSession(const config::ConnectionProfile &profile);

    config::ConnectionProfile m_profile;
    NativeConnection m_native;
    QSqlDatabase m_none;
    StatementCache m_statements;
    Session m_session;
};

} // namespace tw::db

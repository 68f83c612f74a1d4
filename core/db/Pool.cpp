#include "Pool.h"

namespace tw::db {

Pool::Pool(config::ConnectionProfile profile)
    : m_core(std::make_shared<PoolCore>(std::move(profile)))
{
    m_core->start();
}

Pool::~Pool()
{
    m_core->close(CloseMode::Graceful);
}

QFuture<Status> Pool::open()
{
    // The worker opens the connection (or pre-pings a kept one) before it
    // runs any job, and fails the job when it cannot: a job that only
    // arrives says the connection works, without a SELECT 1 round trip.
    return run([](Session &) -> Status { return {}; });
}

Error Pool::wrapException(const QString &connection)
{
    QString what = QStringLiteral("unknown exception");
    try {
        throw;
    } catch (const std::exception &e) {
        what = QString::fromUtf8(e.what());
    } catch (...) {
    }
    return Error(ErrorCode::Internal, QStringLiteral("job threw: ") + what,
                 {{QStringLiteral("connection"), connection}});
}

} // namespace tw::db

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
    return run([](Session &session) -> Status {
        auto pinged = session.execute(session.dialect().pingStatement());
        if (!pinged)
            return pinged.error();
        return {};
    });
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

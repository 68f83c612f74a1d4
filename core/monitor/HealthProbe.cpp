#include "HealthProbe.h"

#include "async/Then.h"
#include "db/Pool.h"

#include <QElapsedTimer>

namespace tw::monitor {

QFuture<HealthStatus> probeHealth(const std::shared_ptr<db::Pool> &pool, QObject *guard)
{
    const QString name = pool->name();
    // The continuation must not own the pool.
    const auto ping = pool->run([](db::Session &session) -> Result<double> {
        QElapsedTimer timer;
        timer.start();
        auto pinged = session.scalar(session.dialect().pingStatement());
        if (!pinged)
            return pinged.error();
        return timer.nsecsElapsed() / 1e6;
    });
    return async::then(ping, guard, [name](const Result<double> &latency) {
        HealthStatus status;
        status.connection = name;
        status.checkedAt = QDateTime::currentDateTimeUtc();
        status.up = latency.ok();
        if (latency.ok())
            status.latencyMs = latency.value();
        else
            status.lastError = latency.error();
        return status;
    });
}

} // namespace tw::monitor

#include "HealthProbe.h"

#include "db/Pool.h"

#include <QElapsedTimer>

namespace tw::monitor {

QFuture<HealthStatus> probeHealth(const std::shared_ptr<db::Pool> &pool)
{
    const QString name = pool->name();
    // The continuation runs on a pool thread (worker or housekeeper) and
    // must not own the pool.
    return pool
        ->run([](db::Session &session) -> Result<double> {
            QElapsedTimer timer;
            timer.start();
            auto pinged = session.scalar(session.dialect().pingStatement());
            if (!pinged)
                return pinged.error();
            return timer.nsecsElapsed() / 1e6;
        })
        .then([name](const Result<double> &latency) {
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

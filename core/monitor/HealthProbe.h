#pragma once

#include "error/Error.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>

namespace tw::db {
class Pool;
}

namespace tw::monitor {

struct HealthStatus
{
    QString connection;
    bool up = false;
    double latencyMs = 0;       // round trip of SELECT 1 on the connection
    QDateTime checkedAt;        // UTC
    std::optional<Error> lastError;
};

// Runs SELECT 1 through the pool, so the probe sees what users see: a
// saturated pool or a dead server both show as down, with the reason. The
// status is made on guard's thread (see async/Then.h).
QFuture<HealthStatus> probeHealth(const std::shared_ptr<db::Pool> &pool, QObject *guard);

} // namespace tw::monitor

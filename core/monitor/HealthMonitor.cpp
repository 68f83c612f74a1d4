#include "HealthMonitor.h"

#include "async/Then.h"
#include "db/ConnectionRegistry.h"
#include "log/Categories.h"

namespace tw::monitor {

HealthMonitor::HealthMonitor(db::ConnectionRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
{
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::probeAll);
}

void HealthMonitor::start(int intervalMs)
{
    m_timer.start(intervalMs);
    probeAll();
}

void HealthMonitor::stop()
{
    m_timer.stop();
}

void HealthMonitor::probeAll()
{
    // A slow round must not pile up probes behind it.
    if (m_pending > 0)
        return;
    const QStringList names = m_registry->names();
    // One extra count held by this loop, so probes that answer at once (a
    // closed pool) cannot end the round before every probe is started.
    m_pending = 1;
    for (const QString &name : names) {
        auto pool = m_registry->pool(name);
        if (!pool)
            continue;
        ++m_pending;
        async::then(probeHealth(pool, this), this, [this](const HealthStatus &status) {
            record(status);
            probeDone();
        });
    }
    probeDone();
}

void HealthMonitor::probeDone()
{
    if (--m_pending == 0)
        emit finished();
}

void HealthMonitor::record(HealthStatus status)
{
    const auto previous = m_statuses.constFind(status.connection);
    if (status.up && previous != m_statuses.cend())
        status.lastError = previous->lastError;
    if (!status.up)
        qCWarning(lcMonitor) << "connection" << status.connection << "is down:" << status.lastError->toString();
    m_statuses.insert(status.connection, status);
    emit updated(status);
}

std::optional<HealthStatus> HealthMonitor::status(const QString &connection) const
{
    const auto it = m_statuses.constFind(connection);
    if (it == m_statuses.cend())
        return std::nullopt;
    return *it;
}

QList<HealthStatus> HealthMonitor::statuses() const
{
    return m_statuses.values();
}

} // namespace tw::monitor

#pragma once

#include "HealthProbe.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::monitor {

// Probes every open connection on a timer and remembers the latest status
// per connection. A failure's error stays as lastError after the connection
// comes back, so an admin can see why it was down. Lives on the thread of
// the registry (GUI or server); probing itself runs on pool workers.
class HealthMonitor final : public QObject
{
    Q_OBJECT
public:
    explicit HealthMonitor(db::ConnectionRegistry *registry, QObject *parent = nullptr);

    void start(int intervalMs);
    void stop();
    // Probes all connections now; finished() follows when all answered.
    void probeAll();

    std::optional<HealthStatus> status(const QString &connection) const;
    QList<HealthStatus> statuses() const;

signals:
    void updated(const tw::monitor::HealthStatus &status);
    void finished();

private:
    void record(HealthStatus status);
    void probeDone();

    db::ConnectionRegistry *m_registry;
    QTimer m_timer;
    QHash<QString, HealthStatus> m_statuses;
    int m_pending = 0;
};

} // namespace tw::monitor

Q_DECLARE_METATYPE(tw::monitor::HealthStatus)

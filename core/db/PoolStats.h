#pragma once

#include <QList>
#include <QString>

#include <array>

namespace tw::db {

// Cumulative histogram of acquire latency (submit → job starts on a
// connection), in Prometheus' shape: counts per upper bound plus sum/count.
class LatencyHistogram
{
public:
    static constexpr std::array<double, 10> kBoundsMs{1, 2, 5, 10, 25, 50, 100, 250, 1000, 5000};

    void record(double ms);
    quint64 count() const { return m_count; }
    double sumMs() const { return m_sumMs; }
    // Observations <= kBoundsMs[i] (cumulative); the last entry is +Inf.
    std::array<quint64, kBoundsMs.size() + 1> cumulative() const;

private:
    std::array<quint64, kBoundsMs.size() + 1> m_buckets{};
    quint64 m_count = 0;
    double m_sumMs = 0;
};

struct PoolStats
{
    QString connection;
    int size = 0;        // open (or opening) connections
    int busy = 0;        // running a job
    int idle = 0;        // open and free
    int waiting = 0;     // jobs queued for a connection
    int overflow = 0;    // connections above the configured size
    int maxSize = 0;     // size + overflow
    quint64 timeouts = 0;       // jobs that gave up waiting (POOL_TIMEOUT)
    quint64 opened = 0;         // connections opened over the pool's life
    quint64 closed = 0;         // connections closed (idle, overflow, age, broken)
    quint64 replaced = 0;       // connections found dead and reopened
    quint64 completed = 0;      // jobs run to the end, ok or not
    quint64 cancelled = 0;
    LatencyHistogram acquireLatency;
};

} // namespace tw::db

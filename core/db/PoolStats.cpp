#include "PoolStats.h"

namespace tw::db {

void LatencyHistogram::record(double ms)
{
    std::size_t bucket = 0;
    while (bucket < kBoundsMs.size() && ms > kBoundsMs[bucket])
        ++bucket;
    ++m_buckets[bucket];
    ++m_count;
    m_sumMs += ms;
}

std::array<quint64, LatencyHistogram::kBoundsMs.size() + 1> LatencyHistogram::cumulative() const
{
    std::array<quint64, kBoundsMs.size() + 1> out{};
    quint64 running = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        running += m_buckets[i];
        out[i] = running;
    }
    return out;
}

} // namespace tw::db

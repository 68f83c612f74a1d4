#include "RateLimiter.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace tw::http::limits {

RateLimiter::RateLimiter(Settings settings)
    : m_settings(settings)
{
    m_settings.burst = std::max(1.0, m_settings.burst);
    m_settings.maxSubjects = std::max(1, m_settings.maxSubjects);
}

double RateLimiter::refilled(const Bucket &bucket, Clock::time_point now) const
{
    // A clock that steps back (only a fake one can) refills nothing.
    const double elapsed = std::max(0.0, std::chrono::duration<double>(now - bucket.updated).count());
    return std::min(m_settings.burst, bucket.tokens + elapsed * m_settings.ratePerSecond);
}

void RateLimiter::forgetFullBuckets(Clock::time_point now)
{
    // From the least recently used end: amortized O(1) per take(). A full
    // bucket behind a not yet full older one waits at most burst/rate seconds.
    while (!m_lru.empty() && refilled(m_lru.back(), now) >= m_settings.burst) {
        m_index.remove(m_lru.back().subject);
        m_lru.pop_back();
    }
}

RateDecision RateLimiter::take(const QString &subject, Clock::time_point now)
{
    if (m_settings.ratePerSecond <= 0)
        return {};

    QMutexLocker lock(&m_mutex);
    forgetFullBuckets(now);

    auto found = m_index.find(subject);
    if (found == m_index.end()) {
        if (qsizetype(m_lru.size()) >= m_settings.maxSubjects) {
            m_index.remove(m_lru.back().subject);
            m_lru.pop_back();
        }
        m_lru.push_front({subject, m_settings.burst, now});
        found = m_index.insert(subject, m_lru.begin());
    } else {
        m_lru.splice(m_lru.begin(), m_lru, found.value());
    }

    // A refused take leaves the bucket as it was: it costs nothing, and the
    // refill keeps being computed from one point (no rounding piles up).
    // The epsilon absorbs that rounding where a whole token is due.
    Bucket &bucket = *found.value();
    const double tokens = refilled(bucket, now);
    if (tokens >= 1 - 1e-9) {
        bucket.tokens = std::max(0.0, tokens - 1);
        bucket.updated = std::max(bucket.updated, now);
        return {};
    }
    // Capped at a day so a tiny configured rate cannot overflow the header.
    const double wait = std::min(86400.0, (1 - tokens) / m_settings.ratePerSecond);
    return {false, std::max(1, int(std::ceil(wait)))};
}

int RateLimiter::trackedSubjects() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_lru.size());
}

} // namespace tw::http::limits

#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>
#include <list>

namespace tw::http::limits {

struct RateDecision
{
    bool allowed = true;
    int retryAfterSeconds = 0; // when refused: whole seconds until a token is back, >= 1
};

// A token bucket per subject (the token's `sub`, or the client address for
// anonymous routes): `burst` requests at once, refilled at `ratePerSecond`.
//
// Memory stays bounded under many subjects: a bucket that has refilled to
// full is the same as no bucket, so the least recently used buckets are
// forgotten as soon as they are full; and at most `maxSubjects` are tracked,
// evicting the least recently used one (which then starts full again: the
// cap errs on the side of letting an old subject through).
//
// Time comes from the caller (steady clock in the server, a fake one in
// tests). Used on the server thread; the mutex makes other uses safe.
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    struct Settings
    {
        double ratePerSecond = 50;  // <= 0: no limit, every take() is allowed
        double burst = 100;         // below 1 counts as 1
        int maxSubjects = 100000;
    };

    explicit RateLimiter(Settings settings);

    RateDecision take(const QString &subject, Clock::time_point now);
    RateDecision take(const QString &subject) { return take(subject, Clock::now()); }

    const Settings &settings() const { return m_settings; }
    int trackedSubjects() const;

private:
    struct Bucket
    {
        QString subject;
        double tokens = 0;
        Clock::time_point updated;
    };
    using Lru = std::list<Bucket>; // most recently used first

    double refilled(const Bucket &bucket, Clock::time_point now) const;
    void forgetFullBuckets(Clock::time_point now);

    Settings m_settings;
    mutable QMutex m_mutex;
    Lru m_lru;
    QHash<QString, Lru::iterator> m_index;
};

} // namespace tw::http::limits

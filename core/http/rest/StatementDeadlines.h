#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <vector>

namespace tw::http::rest {

// Cancels the /rest pool jobs still running after the statement timeout,
// all of them through one timer. A QTimer::singleShot per request kept
// every request's timer registered for the whole timeout (30,000 timers at
// 1,000 requests/s with the 30 s default), and Qt 6.4 searches a thread's
// timer list linearly on every start and stop (each connection guard's too):
// bench/rest measured 50-60 % of the event loop's time in that search.
// Lives on the thread of the object it is a child of (the API server).
class StatementDeadlines : public QObject
{
public:
    using Clock = std::chrono::steady_clock;

    // The one child of `owner`, made on first use.
    static StatementDeadlines *of(QObject *owner);

    // When finished() is still false `timeout` from now, cancel() is called
    // (within a quarter of the timeout, at most a second, after the deadline).
    void watch(std::chrono::milliseconds timeout, std::function<bool()> finished, std::function<void()> cancel);

    qsizetype watched() const { return qsizetype(m_entries.size()); }

private:
    explicit StatementDeadlines(QObject *owner);
    void sweep();

    struct Entry
    {
        Clock::time_point deadline;
        std::function<bool()> finished;
        std::function<void()> cancel;
    };
    // Swept whole on every tick: finished jobs leave within one tick, so the
    // futures (and the answers they hold) are not kept for the timeout.
    std::vector<Entry> m_entries;
    QTimer m_timer;
};

} // namespace tw::http::rest

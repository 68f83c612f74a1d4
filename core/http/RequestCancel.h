#pragma once

#include <functional>
#include <utility>
#include <vector>

namespace tw::http {

// What a handler started on behalf of one request, stopped when no one waits
// for the answer any more: the client closed its connection. A search runs
// for up to its time budget and a /rest statement up to the statement
// timeout; without this, a client that gives up (or fires requests and
// disconnects) kept a pool connection busy for all of it. Event-loop thread
// only.
class RequestCancel
{
public:
    // fn runs once on cancel(), or at once when that has happened already.
    void onCancel(std::function<void()> fn)
    {
        if (m_cancelled)
            fn();
        else
            m_cancellers.push_back(std::move(fn));
    }

    void cancel()
    {
        if (m_cancelled)
            return;
        m_cancelled = true;
        auto cancellers = std::exchange(m_cancellers, {});
        for (auto &fn : cancellers)
            fn();
    }

    // The answer is written: nothing is left to stop.
    void forget() { m_cancellers.clear(); }

    bool cancelled() const { return m_cancelled; }

private:
    bool m_cancelled = false;
    std::vector<std::function<void()>> m_cancellers;
};

} // namespace tw::http

#include "StatementDeadlines.h"

#include <algorithm>

namespace tw::http::rest {

namespace {

// Found by name: the class has no meta-object of its own to cast to.
const QString kName = QStringLiteral("tw-statement-deadlines");

} // namespace

StatementDeadlines *StatementDeadlines::of(QObject *owner)
{
    if (auto *existing = owner->findChild<QObject *>(kName, Qt::FindDirectChildrenOnly))
        return static_cast<StatementDeadlines *>(existing);
    return new StatementDeadlines(owner);
}

StatementDeadlines::StatementDeadlines(QObject *owner) : QObject(owner)
{
    setObjectName(kName);
    m_timer.setInterval(std::chrono::milliseconds(1000));
    connect(&m_timer, &QTimer::timeout, this, [this] { sweep(); });
}

void StatementDeadlines::watch(std::chrono::milliseconds timeout, std::function<bool()> finished,
                               std::function<void()> cancel)
{
    m_entries.push_back({Clock::now() + timeout, std::move(finished), std::move(cancel)});
    // A tick of a quarter of the shortest timeout (25 ms .. 1 s) keeps a
    // cancellation close to its deadline.
    const auto tick = std::clamp(timeout / 4, std::chrono::milliseconds(25), std::chrono::milliseconds(1000));
    if (tick < m_timer.intervalAsDuration())
        m_timer.setInterval(tick);
    if (!m_timer.isActive())
        m_timer.start();
}

void StatementDeadlines::sweep()
{
    const auto now = Clock::now();
    std::vector<std::function<void()>> due;
    const auto end = std::remove_if(m_entries.begin(), m_entries.end(), [&](Entry &entry) {
        if (entry.finished())
            return true;
        if (entry.deadline > now)
            return false;
        due.push_back(std::move(entry.cancel));
        return true;
    });
    m_entries.erase(end, m_entries.end());
    if (m_entries.empty())
        m_timer.stop();
    for (const auto &cancel : due)
        cancel();
}

} // namespace tw::http::rest

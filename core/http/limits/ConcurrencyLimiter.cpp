#include "ConcurrencyLimiter.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <utility>

namespace tw::http::limits {

struct ConcurrencyLimiter::State
{
    int maxPerSubject = 0;
    mutable QMutex mutex;
    QHash<QString, int> inFlight; // only subjects with at least one
};

ConcurrencyLimiter::Permit::Permit(std::shared_ptr<State> state, QString subject)
    : m_state(std::move(state))
    , m_subject(std::move(subject))
{
}

ConcurrencyLimiter::Permit::Permit(Permit &&other) noexcept
    : m_state(std::exchange(other.m_state, nullptr))
    , m_subject(std::move(other.m_subject))
{
}

ConcurrencyLimiter::Permit &ConcurrencyLimiter::Permit::operator=(Permit &&other) noexcept
{
    if (this != &other) {
        release();
        m_state = std::exchange(other.m_state, nullptr);
        m_subject = std::move(other.m_subject);
    }
    return *this;
}

void ConcurrencyLimiter::Permit::release()
{
    const std::shared_ptr<State> state = std::exchange(m_state, nullptr);
    if (!state)
        return;
    QMutexLocker lock(&state->mutex);
    auto it = state->inFlight.find(m_subject);
    if (it != state->inFlight.end() && --it.value() <= 0)
        state->inFlight.erase(it);
}

ConcurrencyLimiter::ConcurrencyLimiter(int maxPerSubject)
    : m_state(std::make_shared<State>())
{
    m_state->maxPerSubject = maxPerSubject;
}

ConcurrencyLimiter::Permit ConcurrencyLimiter::tryAcquire(const QString &subject)
{
    QMutexLocker lock(&m_state->mutex);
    int &count = m_state->inFlight[subject];
    if (m_state->maxPerSubject > 0 && count >= m_state->maxPerSubject)
        return {};
    ++count;
    return Permit(m_state, subject);
}

int ConcurrencyLimiter::maxPerSubject() const
{
    return m_state->maxPerSubject;
}

int ConcurrencyLimiter::inFlight(const QString &subject) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->inFlight.value(subject);
}

int ConcurrencyLimiter::trackedSubjects() const
{
    QMutexLocker lock(&m_state->mutex);
    return int(m_state->inFlight.size());
}

} // namespace tw::http::limits

#pragma once

#include <QString>

#include <memory>

namespace tw::http::limits {

// At most `maxPerSubject` requests of one subject in flight at once, so one
// caller cannot occupy every pool connection. A request holds a Permit for
// its whole life; dropping the permit (reply sent, or request abandoned)
// frees the slot. Permits share the counts with the limiter, so a permit
// may safely outlive the limiter (a reply finishing during shutdown).
// Only subjects with requests in flight are tracked.
class ConcurrencyLimiter
{
    struct State;

public:
    class Permit
    {
    public:
        Permit() = default;
        Permit(Permit &&other) noexcept;
        Permit &operator=(Permit &&other) noexcept;
        Permit(const Permit &) = delete;
        Permit &operator=(const Permit &) = delete;
        ~Permit() { release(); }

        // False when the limit refused the request.
        bool isValid() const { return m_state != nullptr; }
        explicit operator bool() const { return isValid(); }
        // Frees the slot now; later calls do nothing.
        void release();

    private:
        friend class ConcurrencyLimiter;
        Permit(std::shared_ptr<State> state, QString subject);

        std::shared_ptr<State> m_state;
        QString m_subject;
    };

    // maxPerSubject <= 0: no limit (requests are still counted).
    explicit ConcurrencyLimiter(int maxPerSubject);

    // An invalid permit when the subject already has maxPerSubject in flight.
    Permit tryAcquire(const QString &subject);

    int maxPerSubject() const;
    int inFlight(const QString &subject) const;
    int trackedSubjects() const;

private:
    std::shared_ptr<State> m_state;
};

} // namespace tw::http::limits

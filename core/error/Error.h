#pragma once

#include <QString>
#include <QVariantMap>
#include <QMetaType>

#include <optional>
#include <utility>
#include <variant>

namespace tw {

// Every failure in core carries one of these codes. The HTTP status and the
// GUI wording for a code live in one table (ErrorCatalog) so the two front
// doors never disagree.
enum class ErrorCode {
    Internal,
    NotFound,
    TableNotFound,
    ValidationFailed,
    ConfigInvalid,
    Conflict,
    PermissionDenied,
    Unauthenticated,
    PoolTimeout,
    PoolClosed,
    DbUnavailable,
    QueryFailed,
    QueryCancelled,
    ConstraintViolation,
    Busy,
    SecretUnavailable,
    MigrationChecksumMismatch,
    MigrationLocked,
};

class Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString message, QVariantMap details = {}, QString hint = {});

    ErrorCode code() const { return m_code; }
    QString codeName() const;
    const QString &message() const { return m_message; }
    const QVariantMap &details() const { return m_details; }
    const QString &hint() const { return m_hint; }

    Error &withDetail(const QString &key, const QVariant &value);
    Error &withHint(QString hint);

    int httpStatus() const;
    // One line for logs and status bars: "POOL_TIMEOUT: no connection ...".
    QString toString() const;

    bool operator==(const Error &other) const = default;

private:
    ErrorCode m_code = ErrorCode::Internal;
    QString m_message;
    QVariantMap m_details;
    QString m_hint;
};

// Whether trying the same thing again can help: Later (a busy pool, a
// restarting server: HTTP adds Retry-After), AfterFix (the request or the
// configuration must change first), Never (retrying repeats the failure or
// is unsafe).
enum class Retry { Never, Later, AfterFix };

QString errorCodeName(ErrorCode code);
Retry retryFor(ErrorCode code);
// The sentence a person reads for this error, translated (context "tw::Error").
// The GUI shows it with error.message() under "Details"; never the bare code.
QString userText(ErrorCode code);
inline QString userText(const Error &error) { return userText(error.code()); }
std::optional<ErrorCode> errorCodeFromName(const QString &name);
int httpStatusFor(ErrorCode code);

// Either a value or an Error. std::expected is C++23; this is the subset we use.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const Error &error() const { return std::get<1>(m_data); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace tw

Q_DECLARE_METATYPE(tw::Error)

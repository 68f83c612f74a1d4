#include "Error.h"

#include <array>

namespace tw {

namespace {

struct CodeInfo
{
    ErrorCode code;
    const char *name;
    int httpStatus;
};

// The single mapping of codes to wire names and HTTP statuses.
constexpr std::array kCodes{
    CodeInfo{ErrorCode::Internal, "INTERNAL", 500},
    CodeInfo{ErrorCode::NotFound, "NOT_FOUND", 404},
    CodeInfo{ErrorCode::TableNotFound, "TABLE_NOT_FOUND", 404},
    CodeInfo{ErrorCode::ValidationFailed, "VALIDATION_FAILED", 400},
    CodeInfo{ErrorCode::ConfigInvalid, "CONFIG_INVALID", 500},
    CodeInfo{ErrorCode::Conflict, "CONFLICT", 409},
    CodeInfo{ErrorCode::PermissionDenied, "PERMISSION_DENIED", 403},
    CodeInfo{ErrorCode::Unauthenticated, "UNAUTHENTICATED", 401},
    CodeInfo{ErrorCode::PoolTimeout, "POOL_TIMEOUT", 503},
    CodeInfo{ErrorCode::PoolClosed, "POOL_CLOSED", 503},
    CodeInfo{ErrorCode::DbUnavailable, "DB_UNAVAILABLE", 503},
    CodeInfo{ErrorCode::QueryFailed, "QUERY_FAILED", 400},
    CodeInfo{ErrorCode::QueryCancelled, "QUERY_CANCELLED", 408},
    CodeInfo{ErrorCode::ConstraintViolation, "CONSTRAINT_VIOLATION", 409},
    CodeInfo{ErrorCode::Busy, "BUSY", 503},
    CodeInfo{ErrorCode::SecretUnavailable, "SECRET_UNAVAILABLE", 500},
    CodeInfo{ErrorCode::MigrationChecksumMismatch, "MIGRATION_CHECKSUM_MISMATCH", 409},
    CodeInfo{ErrorCode::MigrationLocked, "MIGRATION_LOCKED", 423},
};

const CodeInfo &infoFor(ErrorCode code)
{
    for (const auto &info : kCodes) {
        if (info.code == code)
            return info;
    }
    return kCodes.front();
}

} // namespace

Error::Error(ErrorCode code, QString message, QVariantMap details, QString hint)
    : m_code(code)
    , m_message(std::move(message))
    , m_details(std::move(details))
    , m_hint(std::move(hint))
{}

QString Error::codeName() const
{
    return errorCodeName(m_code);
}

Error &Error::withDetail(const QString &key, const QVariant &value)
{
    m_details.insert(key, value);
    return *this;
}

Error &Error::withHint(QString hint)
{
    m_hint = std::move(hint);
    return *this;
}

int Error::httpStatus() const
{
    return httpStatusFor(m_code);
}

QString Error::toString() const
{
    return codeName() + QStringLiteral(": ") + m_message;
}

QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(infoFor(code).name);
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const auto &info : kCodes) {
        if (name == QLatin1String(info.name))
            return info.code;
    }
    return std::nullopt;
}

int httpStatusFor(ErrorCode code)
{
    return infoFor(code).httpStatus;
}

} // namespace tw

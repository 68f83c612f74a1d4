#include "Error.h"

#include <QCoreApplication>

#include <array>

namespace tw {

namespace {

struct CodeInfo
{
    ErrorCode code;
    const char *name;
    int httpStatus;
    Retry retry;
    const char *userText; // translated at run time, context "tw::Error"
};

// The single mapping of codes to wire names and HTTP statuses.
constexpr std::array kCodes{
    CodeInfo{ErrorCode::Internal, "INTERNAL", 500, Retry::Never,
             QT_TRANSLATE_NOOP("tw::Error", "Something went wrong inside Tablewright. The details below say what.")},
    CodeInfo{ErrorCode::NotFound, "NOT_FOUND", 404, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "The object you asked for does not exist.")},
    CodeInfo{ErrorCode::TableNotFound, "TABLE_NOT_FOUND", 404, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "The table does not exist, or you cannot see it.")},
    CodeInfo{ErrorCode::ValidationFailed, "VALIDATION_FAILED", 400, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "The input is not valid. Correct it and try again.")},
    CodeInfo{ErrorCode::ConfigInvalid, "CONFIG_INVALID", 500, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "The configuration file has an error. Fix the field named below.")},
    CodeInfo{ErrorCode::Conflict, "CONFLICT", 409, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "Someone else changed this data. Reload it, then apply your change again.")},
    CodeInfo{ErrorCode::PermissionDenied, "PERMISSION_DENIED", 403, Retry::Never,
             QT_TRANSLATE_NOOP("tw::Error", "You do not have permission to do this.")},
    CodeInfo{ErrorCode::Unauthenticated, "UNAUTHENTICATED", 401, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "Sign in again: your credentials were missing or not accepted.")},
    CodeInfo{ErrorCode::PoolTimeout, "POOL_TIMEOUT", 503, Retry::Later,
             QT_TRANSLATE_NOOP("tw::Error", "The database is busy. Try again in a moment.")},
    CodeInfo{ErrorCode::PoolClosed, "POOL_CLOSED", 503, Retry::Later,
             QT_TRANSLATE_NOOP("tw::Error", "The connection is closing. Open it again.")},
    CodeInfo{ErrorCode::DbUnavailable, "DB_UNAVAILABLE", 503, Retry::Later,
             QT_TRANSLATE_NOOP("tw::Error", "The database cannot be reached. Check that the server is running and the connection settings are right.")},
    CodeInfo{ErrorCode::QueryFailed, "QUERY_FAILED", 400, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "The database refused the statement.")},
    CodeInfo{ErrorCode::QueryCancelled, "QUERY_CANCELLED", 408, Retry::Later,
             QT_TRANSLATE_NOOP("tw::Error", "The query was cancelled.")},
    CodeInfo{ErrorCode::ConstraintViolation, "CONSTRAINT_VIOLATION", 409, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "The change breaks a rule of the database (a key, a reference or a check).")},
    CodeInfo{ErrorCode::Busy, "BUSY", 503, Retry::Later,
             QT_TRANSLATE_NOOP("tw::Error", "The database is locked by another writer. Try again in a moment.")},
    CodeInfo{ErrorCode::SecretUnavailable, "SECRET_UNAVAILABLE", 500, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "The password could not be read from the system keychain.")},
    CodeInfo{ErrorCode::MigrationChecksumMismatch, "MIGRATION_CHECKSUM_MISMATCH", 409, Retry::AfterFix,
             QT_TRANSLATE_NOOP("tw::Error", "An applied migration file was changed after it ran.")},
    CodeInfo{ErrorCode::MigrationLocked, "MIGRATION_LOCKED", 423, Retry::Later,
             QT_TRANSLATE_NOOP("tw::Error", "Another migration is running on this database.")},
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

Retry retryFor(ErrorCode code)
{
    return infoFor(code).retry;
}

QString userText(ErrorCode code)
{
    return QCoreApplication::translate("tw::Error", infoFor(code).userText);
}

int httpStatusFor(ErrorCode code)
{
    return infoFor(code).httpStatus;
}

} // namespace tw

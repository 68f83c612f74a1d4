#include "RestError.h"

namespace tw::http::rest {

namespace {
const QString kCodeKey = QStringLiteral("pgrst");
const QString kDetailsKey = QStringLiteral("details");
} // namespace

Error restError(const char *pgrstCode, QString message, QString details, QString hint)
{
    QVariantMap extra{{kCodeKey, QString::fromLatin1(pgrstCode)}};
    if (!details.isEmpty())
        extra.insert(kDetailsKey, details);
    return Error(ErrorCode::ValidationFailed, std::move(message), std::move(extra), std::move(hint));
}

QString pgrstCode(const Error &error)
{
    return error.details().value(kCodeKey).toString();
}

QString pgrstDetails(const Error &error)
{
    return error.details().value(kDetailsKey).toString();
}

} // namespace tw::http::rest

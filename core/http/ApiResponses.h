#pragma once

#include "HttpMessage.h"
#include "error/Error.h"

#include <QFuture>
#include <QJsonValue>

namespace tw::http::auth {
struct AuthFailure;
}

namespace tw::http {

// The JSON answers every route shares. Errors have PostgREST's four keys,
// {"code","message","details","hint"}, null when empty, so one client-side
// error handler fits /api/v1 and /rest alike.
HttpResponse jsonResponse(int status, const QJsonValue &body);
HttpResponse errorResponse(int status, const QString &code, const QString &message,
                           const QJsonValue &details = QJsonValue::Null, const QString &hint = {});
// Status from the error table; Retry-After when retrying later can help.
HttpResponse errorResponse(const Error &error);
// 401 with WWW-Authenticate: Bearer (RFC 6750 §3), or 503 when the issuer's keys are missing.
HttpResponse authFailureResponse(const auth::AuthFailure &failure);
// 403 with WWW-Authenticate: Bearer error="insufficient_scope".
HttpResponse forbiddenResponse(const QString &message);

inline QFuture<HttpResponse> answer(HttpResponse response)
{
    return QtFuture::makeReadyFuture(std::move(response));
}

} // namespace tw::http

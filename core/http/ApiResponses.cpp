#include "ApiResponses.h"

#include "auth/Authenticator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tw::http {

namespace {

// A quoted-string for an auth-param (RFC 9110 §5.6.4): no quotes or
// backslashes survive, and nothing outside printable ASCII.
QByteArray quoted(const QString &text)
{
    QByteArray out;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7f && u != '"' && u != '\\')
            out += char(u);
    }
    return '"' + out + '"';
}

} // namespace

HttpResponse jsonResponse(int status, const QJsonValue &body)
{
    const QByteArray bytes = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    return HttpResponse{status, {{"Content-Type", "application/json; charset=utf-8"}}, bytes, {}};
}

HttpResponse errorResponse(int status, const QString &code, const QString &message, const QJsonValue &details,
                           const QString &hint)
{
    return jsonResponse(status, QJsonObject{{QStringLiteral("code"), code},
                                            {QStringLiteral("message"), message},
                                            {QStringLiteral("details"), details},
                                            {QStringLiteral("hint"), hint.isEmpty() ? QJsonValue() : QJsonValue(hint)}});
}

HttpResponse errorResponse(const Error &error)
{
    const QJsonValue details = error.details().isEmpty() ? QJsonValue() : QJsonValue(QJsonObject::fromVariantMap(error.details()));
    HttpResponse response = errorResponse(error.httpStatus(), error.codeName(), error.message(), details, error.hint());
    if (retryFor(error.code()) == Retry::Later && response.status == 503)
        response.withHeader("Retry-After", "1");
    return response;
}

HttpResponse authFailureResponse(const auth::AuthFailure &failure)
{
    if (failure.status == 503) {
        return errorResponse(503, QStringLiteral("AUTH_UNAVAILABLE"), failure.description)
            .withHeader("Retry-After", "5");
    }
    QByteArray challenge = "Bearer";
    if (!failure.error.isEmpty()) {
        challenge += " error=" + quoted(failure.error);
        if (!failure.description.isEmpty())
            challenge += ", error_description=" + quoted(failure.description);
    }
    const int status = failure.status == 400 ? 400 : 401;
    return errorResponse(status, status == 400 ? QStringLiteral("INVALID_REQUEST") : QStringLiteral("UNAUTHENTICATED"),
                         failure.description.isEmpty() ? QStringLiteral("a bearer token is required") : failure.description)
        .withHeader("WWW-Authenticate", challenge);
}

HttpResponse forbiddenResponse(const QString &message)
{
    return errorResponse(403, QStringLiteral("PERMISSION_DENIED"), message)
        .withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", error_description=" + quoted(message));
}

} // namespace tw::http

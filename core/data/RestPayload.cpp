#include "RestPayload.h"

#include "http/rest/RestError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace tw::data {

namespace {

constexpr auto kInvalidBody = "PGRST102";

Error invalidBody(const QString &message, const QString &details = {})
{
    return http::rest::restError(kInvalidBody, message, details);
}

} // namespace

Result<RestPayload> parseRestPayload(const QByteArray &body, bool allowArray, const std::optional<QStringList> &columns)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || document.isNull())
        return invalidBody(QStringLiteral("Empty or invalid json"));
    RestPayload payload;
    QJsonArray objects;
    if (document.isObject()) {
        objects.append(document.object());
        payload.single = true;
        payload.array = '[' + body.trimmed() + ']';
    } else {
        if (!allowArray)
            return invalidBody(QStringLiteral("Empty or invalid json"), QStringLiteral("Expected one JSON object"));
        objects = document.array();
        payload.array = body.trimmed();
    }
    QStringList firstKeys;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        if (!objects.at(i).isObject())
            return invalidBody(QStringLiteral("Empty or invalid json"),
                               QStringLiteral("Element %1 of the array is not a JSON object").arg(i));
        const QStringList keys = objects.at(i).toObject().keys();
        if (i == 0)
            firstKeys = keys;
        else if (!columns && keys != firstKeys) // QJsonObject::keys() is sorted: the same set compares equal
            return invalidBody(QStringLiteral("All object keys must match"));
        payload.keysPerRow << keys;
    }
    payload.rows = objects.size();
    if (columns) {
        payload.columns = *columns;
    } else {
        // The order the caller wrote them in, for a predictable column list.
        const QJsonObject first = objects.isEmpty() ? QJsonObject() : objects.at(0).toObject();
        payload.columns = first.keys();
    }
    payload.columns.removeDuplicates();
    return payload;
}

} // namespace tw::data

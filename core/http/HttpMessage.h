#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>

namespace tw::http {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// A request as the routes see it: copied out of QHttpServerRequest once, so
// handlers may keep it across asynchronous work.
struct HttpRequest
{
    QByteArray method;            // "GET", "POST", …
    QString path;                 // as sent (percent-encoded), without the query
    QByteArray rawQuery;          // as sent, form-encoded (decode with care: '+' is a space)
    HeaderList headers;           // names lower-cased
    QByteArray body;
    QHostAddress peer;
    QString requestId;
    QHash<QString, QString> params; // route parameters ({connection} → "chinook")
    QElapsedTimer received;
    quint64 generation = 0;       // which start() of the server took it (internal)

    QByteArray header(const QByteArray &lowerName) const;
    // The first value of a query parameter, form-decoded ('+' is a space,
    // which QUrlQuery does not do); nullopt when absent.
    std::optional<QString> queryValue(const QString &name) const;
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;           // Content-Length and X-Request-Id are added when written
    QByteArray body;
    QString auditReason;          // not sent: a handler's reason to audit this answer as a denial
    // Not sent: a write to audit ("insert", "update", …), with the keys of
    // the rows it touched (or only their number).
    QString auditOperation;
    QJsonArray auditKeys;
    std::optional<qint64> auditKeyCount;

    HttpResponse &withHeader(QByteArray name, QByteArray value)
    {
        headers.append({std::move(name), std::move(value)});
        return *this;
    }
    QByteArray header(const QByteArray &name) const;
};

// One finished request, for the GUI's request log and the JSON access log.
struct RequestLogEntry
{
    QDateTime time;               // UTC, when it arrived
    QString requestId;
    QString method;
    QString path;                 // without the query (it may hold filter values)
    QString route;                // the template, e.g. /api/v1/connections/{connection}
    int status = 0;
    double durationMs = 0;
    QString subject;              // empty when not authenticated
};

} // namespace tw::http

Q_DECLARE_METATYPE(tw::http::RequestLogEntry)

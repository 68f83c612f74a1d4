#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw::http::audit {

// One audited request: every write and every denied request. There is no
// field for a token, a secret or a row's values, on purpose: only the keys
// of the rows a write touched.
struct AuditRecord
{
    QDateTime time;           // written in UTC with ms; invalid = when written
    QString requestId;        // the X-Request-Id of the response
    QString subject;          // token `sub`; empty when unauthenticated
    QString clientId;         // `client_id` / `azp`
    QStringList roles;
    QString connection;
    QString table;            // "schema.table" or "table"
    QString operation;        // "insert", "update", "delete", "upsert", "read", "migrate", …
    // Primary keys of the affected rows: a scalar per row, or an object
    // {"column": value} for composite keys. When only the number is known
    // (a filtered bulk write), set keyCount and leave keys empty.
    QJsonArray keys;
    std::optional<qint64> keyCount;
    int status = 0;           // HTTP status of the response
    QString method;
    QString route;            // route template
    QString reason;           // why it was denied or failed; empty = none
};

} // namespace tw::http::audit

#pragma once

#include "data/RestWrite.h"
#include "http/HttpMessage.h"
#include "http/rest/RestQuery.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

// The body of POST /api/v1/connections/{c}/transaction, read strictly: a
// client that misspells a key or sends a filter where none belongs learns so
// (400) instead of having part of its request ignored inside an atomic write.
namespace tw::http::v1 {

struct TransactionOperation
{
    QString op;           // "insert", "upsert", "update", "delete", as sent
    QString table;        // as sent: "orders" or "schema.orders" (the route qualifies it)
    data::RestWrite write; // everything but the table name and the hidden columns
};

struct TransactionRequest
{
    QList<TransactionOperation> operations;
    bool rollback = false;
};

// Shape:
//   {"operations":[{"op", "table", "rows" (insert/upsert: object or array of
//    objects), "values" (update: object), "filter" (update/delete, required:
//    a PostgREST query string of filters, e.g. "id=eq.1&or=(a.eq.1,b.eq.2)"),
//    "on_conflict" (upsert: "col,col"), "resolution" (upsert: "merge" |
//    "ignore", default merge), "returning" ("minimal" | "representation",
//    default minimal), "select" (representation only)}], "rollback": bool}
// rows and values reach the database as the bytes sent (numbers keep every
// digit). Duplicate keys anywhere are refused (QJsonDocument would keep the
// last one silently).
// Refusals are 400s in the four-key shape whose details name the operation
// (0-based index) and the field: {"operation": 2, "field": "filter"}; the
// filter and select grammars keep PostgREST's codes (PGRST100).
std::variant<TransactionRequest, HttpResponse> parseTransactionRequest(const QByteArray &body,
                                                                       const rest::RestLimits &limits);

} // namespace tw::http::v1

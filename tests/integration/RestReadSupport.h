#pragma once

// Shared by tst_rest_read_postgres and tst_rest_read_sqlite: requests as
// PostgREST query parameters, parsed by the real parser and read through
// the data::readRestRows front door on a real registry.
#include "DataPagingSupport.h"
#include "data/RestRead.h"
#include "http/rest/RestError.h"
#include "http/rest/RestQueryParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tw::test {

using Params = QList<std::pair<QString, QString>>;

inline Result<data::RestRows> restRead(DataHarness &db, const QString &table, const Params &params,
                                       const data::RestReadOptions &options = {})
{
    QList<http::rest::QueryParam> list;
    for (const auto &[key, value] : params)
        list << http::rest::QueryParam{key, value};
    auto query = http::rest::parseRestQuery(list);
    if (!query)
        return query.error();
    return resultOf(data::readRestRows(db.registry, db.connection, table, query.value(), options));
}

inline data::RestReadOptions counting(data::RestCount count)
{
    data::RestReadOptions options;
    options.count = count;
    return options;
}

// The "id" of every element of a body, in order; {-1} when it is not a JSON array.
inline QList<int> idsOf(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isArray())
        return {-1};
    QList<int> ids;
    for (const QJsonValue &row : doc.array())
        ids << row.toObject().value(QStringLiteral("id")).toInt(-1);
    return ids;
}

inline QString describe(const Result<data::RestRows> &result)
{
    return result.ok() ? QString::fromUtf8(result.value().body) : result.error().toString();
}

} // namespace tw::test

// A read that must succeed, with its error printed when it does not.
#define TW_REST_OK(result) QVERIFY2((result).ok(), qPrintable(tw::test::describe(result)))

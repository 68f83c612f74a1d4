#pragma once

// Shared by tst_rest_write_postgres and tst_rest_write_sqlite: writes as
// PostgREST requests (query parameters parsed by the real parser, a JSON
// body) through the data::writeRestRows front door on a real registry.
#include "RestReadSupport.h"
#include "data/RestWrite.h"

namespace tw::test {

inline Result<data::RestWriteResult> restWrite(DataHarness &db, data::RestWriteKind kind, const QString &table,
                                               const Params &params, const QByteArray &body,
                                               const data::RestWriteOptions &options = {})
{
    QList<http::rest::QueryParam> list;
    for (const auto &[key, value] : params)
        list << http::rest::QueryParam{key, value};
    auto query = http::rest::parseRestQuery(list);
    if (!query)
        return query.error();
    data::RestWrite write{kind, table, query.value(), body, options};
    return resultOf(data::writeRestRows(db.registry, db.connection, write));
}

inline data::RestWriteOptions returning(data::RestWriteOptions::Return value)
{
    data::RestWriteOptions options;
    options.returning = value;
    return options;
}

inline QString describeWrite(const Result<data::RestWriteResult> &result)
{
    return result.ok() ? QString::fromUtf8(result.value().body) : result.error().toString();
}

// The PostgREST code (or SQLSTATE) a failed write carries.
inline QString codeOf(const Result<data::RestWriteResult> &result)
{
    if (result.ok())
        return QStringLiteral("(ok)");
    const QString code = http::rest::pgrstCode(result.error());
    return !code.isEmpty() ? code : result.error().details().value(QStringLiteral("sqlstate")).toString();
}

} // namespace tw::test

#define TW_WRITE_OK(result) QVERIFY2((result).ok(), qPrintable(tw::test::describeWrite(result)))

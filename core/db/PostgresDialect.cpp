#include "PostgresDialect.h"

#include <QHash>

namespace tw::db {

QString PostgresDialect::nativePlaceholder(int oneBasedIndex) const
{
    return QLatin1Char('$') + QString::number(oneBasedIndex);
}

LogicalType PostgresDialect::logicalType(const QString &nativeTypeName) const
{
    // Strip modifiers and array marks: "character varying(40)" → "character varying".
    QString name = nativeTypeName.trimmed().toLower();
    const qsizetype paren = name.indexOf(QLatin1Char('('));
    if (paren >= 0)
        name = name.left(paren).trimmed();
    if (name.endsWith(QLatin1String("[]")) || name.startsWith(QLatin1Char('_')))
        return LogicalType::Other;

    static const QHash<QString, LogicalType> kTypes{
        {QStringLiteral("boolean"), LogicalType::Boolean},
        {QStringLiteral("bool"), LogicalType::Boolean},
        {QStringLiteral("smallint"), LogicalType::Integer},
        {QStringLiteral("int2"), LogicalType::Integer},
        {QStringLiteral("integer"), LogicalType::Integer},
        {QStringLiteral("int"), LogicalType::Integer},
        {QStringLiteral("int4"), LogicalType::Integer},
        {QStringLiteral("serial"), LogicalType::Integer},
        {QStringLiteral("bigint"), LogicalType::BigInt},
        {QStringLiteral("int8"), LogicalType::BigInt},
        {QStringLiteral("bigserial"), LogicalType::BigInt},
        {QStringLiteral("real"), LogicalType::Real},
        {QStringLiteral("float4"), LogicalType::Real},
        {QStringLiteral("double precision"), LogicalType::Real},
        {QStringLiteral("float8"), LogicalType::Real},
        {QStringLiteral("numeric"), LogicalType::Numeric},
        {QStringLiteral("decimal"), LogicalType::Numeric},
        {QStringLiteral("money"), LogicalType::Numeric},
        {QStringLiteral("text"), LogicalType::Text},
        {QStringLiteral("character varying"), LogicalType::Text},
        {QStringLiteral("varchar"), LogicalType::Text},
        {QStringLiteral("character"), LogicalType::Text},
        {QStringLiteral("char"), LogicalType::Text},
        {QStringLiteral("bpchar"), LogicalType::Text},
        {QStringLiteral("name"), LogicalType::Text},
        {QStringLiteral("citext"), LogicalType::Text},
        {QStringLiteral("date"), LogicalType::Date},
        {QStringLiteral("time"), LogicalType::Time},
        {QStringLiteral("time without time zone"), LogicalType::Time},
        {QStringLiteral("timestamp"), LogicalType::Timestamp},
        {QStringLiteral("timestamp without time zone"), LogicalType::Timestamp},
        {QStringLiteral("timestamptz"), LogicalType::TimestampTz},
        {QStringLiteral("timestamp with time zone"), LogicalType::TimestampTz},
        {QStringLiteral("bytea"), LogicalType::Bytes},
        {QStringLiteral("json"), LogicalType::Json},
        {QStringLiteral("jsonb"), LogicalType::Json},
        {QStringLiteral("uuid"), LogicalType::Uuid},
    };
    return kTypes.value(name, LogicalType::Other);
}

QString PostgresDialect::nativeTypeName(LogicalType type) const
{
    switch (type) {
    case LogicalType::Boolean: return QStringLiteral("boolean");
    case LogicalType::Integer: return QStringLiteral("integer");
    case LogicalType::BigInt: return QStringLiteral("bigint");
    case LogicalType::Real: return QStringLiteral("double precision");
    case LogicalType::Numeric: return QStringLiteral("numeric");
    case LogicalType::Date: return QStringLiteral("date");
    case LogicalType::Time: return QStringLiteral("time");
    case LogicalType::Timestamp: return QStringLiteral("timestamp");
    case LogicalType::TimestampTz: return QStringLiteral("timestamptz");
    case LogicalType::Bytes: return QStringLiteral("bytea");
    case LogicalType::Json: return QStringLiteral("jsonb");
    case LogicalType::Uuid: return QStringLiteral("uuid");
    case LogicalType::Text:
    case LogicalType::Other: break;
    }
    return QStringLiteral("text");
}

} // namespace tw::db

#include "Dialect.h"

#include "PostgresDialect.h"
#include "SqliteDialect.h"

namespace tw::db {

QString logicalTypeName(LogicalType type)
{
    switch (type) {
    case LogicalType::Boolean: return QStringLiteral("boolean");
    case LogicalType::Integer: return QStringLiteral("integer");
    case LogicalType::BigInt: return QStringLiteral("bigint");
    case LogicalType::Real: return QStringLiteral("real");
    case LogicalType::Numeric: return QStringLiteral("numeric");
    case LogicalType::Text: return QStringLiteral("text");
    case LogicalType::Date: return QStringLiteral("date");
    case LogicalType::Time: return QStringLiteral("time");
    case LogicalType::Timestamp: return QStringLiteral("timestamp");
    case LogicalType::TimestampTz: return QStringLiteral("timestamptz");
    case LogicalType::Bytes: return QStringLiteral("bytes");
    case LogicalType::Json: return QStringLiteral("json");
    case LogicalType::Uuid: return QStringLiteral("uuid");
    case LogicalType::Other: break;
    }
    return QStringLiteral("other");
}

QString Dialect::quoteIdentifier(const QString &name) const
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString Dialect::qualifiedName(const QString &schema, const QString &table) const
{
    if (schema.isEmpty())
        return quoteIdentifier(table);
    return quoteIdentifier(schema) + QLatin1Char('.') + quoteIdentifier(table);
}

QString Dialect::paginationClause(qint64 limit, qint64 offset) const
{
    QString sql;
    // Both engines accept LIMIT/OFFSET; SQLite needs a LIMIT before OFFSET.
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT ") + QString::number(limit);
    else if (offset > 0 && driver() == config::Driver::Sqlite)
        sql += QStringLiteral(" LIMIT -1");
    if (offset > 0)
        sql += QStringLiteral(" OFFSET ") + QString::number(offset);
    return sql;
}

QString Dialect::upsertStatement(const QString &qualifiedTable, const QStringList &columns,
                                 const QStringList &conflictKeys) const
{
    QStringList quotedColumns;
    QStringList placeholders;
    QStringList updates;
    for (const QString &column : columns) {
        const QString quoted = quoteIdentifier(column);
        quotedColumns << quoted;
        placeholders << QStringLiteral("?");
        if (!conflictKeys.contains(column))
            updates << quoted + QStringLiteral(" = excluded.") + quoted;
    }
    QStringList quotedKeys;
    for (const QString &key : conflictKeys)
        quotedKeys << quoteIdentifier(key);

    QString sql = QStringLiteral("INSERT INTO ") + qualifiedTable + QStringLiteral(" (")
                  + quotedColumns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (")
                  + placeholders.join(QStringLiteral(", ")) + QStringLiteral(") ON CONFLICT (")
                  + quotedKeys.join(QStringLiteral(", ")) + QStringLiteral(")");
    if (updates.isEmpty())
        sql += QStringLiteral(" DO NOTHING");
    else
        sql += QStringLiteral(" DO UPDATE SET ") + updates.join(QStringLiteral(", "));
    return sql;
}

QMetaType::Type Dialect::metaType(LogicalType type) const
{
    switch (type) {
    case LogicalType::Boolean: return QMetaType::Bool;
    case LogicalType::Integer: return QMetaType::Int;
    case LogicalType::BigInt: return QMetaType::LongLong;
    case LogicalType::Real: return QMetaType::Double;
    case LogicalType::Numeric: return QMetaType::QString; // keeps exact decimals
    case LogicalType::Date: return QMetaType::QDate;
    case LogicalType::Time: return QMetaType::QTime;
    case LogicalType::Timestamp:
    case LogicalType::TimestampTz: return QMetaType::QDateTime;
    case LogicalType::Bytes: return QMetaType::QByteArray;
    case LogicalType::Text:
    case LogicalType::Json:
    case LogicalType::Uuid:
    case LogicalType::Other: break;
    }
    return QMetaType::QString;
}

std::unique_ptr<Dialect> makeDialect(config::Driver driver)
{
    if (driver == config::Driver::Postgres)
        return std::make_unique<PostgresDialect>();
    return std::make_unique<SqliteDialect>();
}

const Dialect &dialectFor(config::Driver driver)
{
    static const PostgresDialect postgres;
    static const SqliteDialect sqlite;
    if (driver == config::Driver::Postgres)
        return postgres;
    return sqlite;
}

} // namespace tw::db

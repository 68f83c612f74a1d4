#include "SqliteDialect.h"

namespace tw::db {

QString SqliteDialect::nativePlaceholder(int oneBasedIndex) const
{
    return QLatin1Char('?') + QString::number(oneBasedIndex);
}

LogicalType SqliteDialect::logicalType(const QString &nativeTypeName) const
{
    const QString name = nativeTypeName.trimmed().toUpper();
    // Names SQLite users write that affinity alone would lump together.
    if (name.startsWith(QLatin1String("BOOL")))
        return LogicalType::Boolean;
    if (name == QLatin1String("DATE"))
        return LogicalType::Date;
    if (name.startsWith(QLatin1String("DATETIME")) || name.startsWith(QLatin1String("TIMESTAMP")))
        return LogicalType::Timestamp;
    if (name == QLatin1String("TIME"))
        return LogicalType::Time;
    if (name.startsWith(QLatin1String("JSON")))
        return LogicalType::Json;
    if (name == QLatin1String("UUID"))
        return LogicalType::Uuid;
    if (name.startsWith(QLatin1String("BIGINT")) || name.contains(QLatin1String("BIG INT")))
        return LogicalType::BigInt;

    // Affinity rules, in SQLite's order.
    if (name.contains(QLatin1String("INT")))
        return LogicalType::Integer;
    if (name.contains(QLatin1String("CHAR")) || name.contains(QLatin1String("CLOB"))
        || name.contains(QLatin1String("TEXT")))
        return LogicalType::Text;
    if (name.isEmpty() || name.contains(QLatin1String("BLOB")))
        return name.isEmpty() ? LogicalType::Other : LogicalType::Bytes;
    if (name.contains(QLatin1String("REAL")) || name.contains(QLatin1String("FLOA"))
        || name.contains(QLatin1String("DOUB")))
        return LogicalType::Real;
    return LogicalType::Numeric;
}

QString SqliteDialect::nativeTypeName(LogicalType type) const
{
    switch (type) {
    case LogicalType::Boolean: return QStringLiteral("BOOLEAN");
    case LogicalType::Integer:
    case LogicalType::BigInt: return QStringLiteral("INTEGER");
    case LogicalType::Real: return QStringLiteral("REAL");
    case LogicalType::Numeric: return QStringLiteral("NUMERIC");
    case LogicalType::Date: return QStringLiteral("DATE");
    case LogicalType::Time: return QStringLiteral("TIME");
    case LogicalType::Timestamp:
    case LogicalType::TimestampTz: return QStringLiteral("DATETIME");
    case LogicalType::Bytes: return QStringLiteral("BLOB");
    case LogicalType::Json: return QStringLiteral("JSON");
    case LogicalType::Uuid:
    case LogicalType::Text:
    case LogicalType::Other: break;
    }
    return QStringLiteral("TEXT");
}

} // namespace tw::db

#pragma once

#include "Dialect.h"

namespace tw::db {

class SqliteDialect final : public Dialect
{
public:
    config::Driver driver() const override { return config::Driver::Sqlite; }
    QString qtDriverName() const override { return QStringLiteral("QSQLITE"); }
    QString nativePlaceholder(int oneBasedIndex) const override;
    // Follows SQLite's type-affinity rules (section 3.1 of its datatype doc),
    // so declared names like "VARCHAR(40)" or "UNSIGNED BIG INT" map sensibly.
    LogicalType logicalType(const QString &nativeTypeName) const override;
    QString nativeTypeName(LogicalType type) const override;
    QString beginWriteStatement() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
};

} // namespace tw::db

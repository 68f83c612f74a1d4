#pragma once

#include "Dialect.h"

namespace tw::db {

class PostgresDialect final : public Dialect
{
public:
    config::Driver driver() const override { return config::Driver::Postgres; }
    QString qtDriverName() const override { return QStringLiteral("QPSQL"); }
    QString nativePlaceholder(int oneBasedIndex) const override;
    LogicalType logicalType(const QString &nativeTypeName) const override;
    QString nativeTypeName(LogicalType type) const override;
    QString beginWriteStatement() const override { return QStringLiteral("BEGIN"); }
};

} // namespace tw::db

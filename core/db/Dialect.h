#pragma once

#include "config/ConnectionProfile.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>

namespace tw::db {

// Database-neutral column types; what the UI and the API reason about.
enum class LogicalType { Boolean, Integer, BigInt, Real, Numeric, Text, Date, Time, Timestamp, TimestampTz, Bytes, Json, Uuid, Other };

QString logicalTypeName(LogicalType type);

// Everything that differs in SQL text between the engines lives here, so no
// other code builds engine-specific SQL by hand. Values are never spliced in:
// statements use `?` placeholders and QtSql binds them (QPSQL turns them into
// $n itself).
class Dialect
{
public:
    virtual ~Dialect() = default;

    virtual config::Driver driver() const = 0;
    virtual QString qtDriverName() const = 0;

    // Quotes one identifier; embedded quotes are doubled so any name is safe.
    QString quoteIdentifier(const QString &name) const;
    // schema.table where a schema is given.
    QString qualifiedName(const QString &schema, const QString &table) const;

    // Native placeholder for raw driver use (libpq: $1, sqlite: ?NNN). QtSql
    // statements use '?' for both.
    virtual QString nativePlaceholder(int oneBasedIndex) const = 0;

    // " LIMIT ? OFFSET ?" style tail; limit < 0 means none.
    QString paginationClause(qint64 limit, qint64 offset) const;

    // INSERT ... ON CONFLICT (keys) DO UPDATE SET ... with '?' placeholders in
    // the order of `columns`. With no non-key columns it becomes DO NOTHING.
    QString upsertStatement(const QString &qualifiedTable, const QStringList &columns,
                            const QStringList &conflictKeys) const;

    virtual LogicalType logicalType(const QString &nativeTypeName) const = 0;
    virtual QString nativeTypeName(LogicalType type) const = 0;
    QMetaType::Type metaType(LogicalType type) const;

    // Statement to begin a write transaction. SQLite takes the write lock
    // up front (BEGIN IMMEDIATE) so busy waits happen here, not mid-transaction.
    virtual QString beginWriteStatement() const = 0;
    virtual QString pingStatement() const { return QStringLiteral("SELECT 1"); }
};

std::unique_ptr<Dialect> makeDialect(config::Driver driver);
const Dialect &dialectFor(config::Driver driver);

} // namespace tw::db

#pragma once

// SQL text for declared tables (issue 9): shared by `ensure` (which runs it)
// and `generate` (which writes it into a migration file), so both say the
// same thing. Identifiers go through db::Dialect::quoteIdentifier(); types
// and defaults are SQL the admin wrote in the config and are copied as they
// are, like the text of a migration file. Internal to core/migrate.

#include "catalog/Snapshot.h"
#include "config/DeclaredTable.h"
#include "db/Dialect.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tw::migrate::declared {

// "public" / "main": where an unqualified declared table lives.
QString defaultSchema(config::Driver driver);
// The table's place with the default schema filled in.
catalog::QualifiedName tableKey(const config::DeclaredTable &table, config::Driver driver);
// The table a foreign key names ("schema.table" or "table"), default filled in.
catalog::QualifiedName referencedKey(const config::DeclaredForeignKey &fk, config::Driver driver);

// "schema"."table", or "table" when the config gives no schema.
QString tableSql(const config::DeclaredTable &table, const db::Dialect &dialect);
// "a", "b"
QString columnsSql(const QStringList &columns, const db::Dialect &dialect);
// "name" type [NOT NULL] [DEFAULT expr]
QString columnSql(const config::DeclaredColumn &column, const db::Dialect &dialect);
// FOREIGN KEY (…) REFERENCES t (…) [ON DELETE …] [ON UPDATE …], without a CONSTRAINT name.
QString foreignKeySql(const config::DeclaredForeignKey &fk, const db::Dialect &dialect);

// PostgreSQL's own naming scheme (<table>_<columns>_<suffix>), so a
// generated name reads like one the server would have picked.
QString generatedName(const config::DeclaredTable &table, const QStringList &columns, const QString &suffix);
QString indexName(const config::DeclaredTable &table, const config::DeclaredIndex &index);
QString foreignKeyName(const config::DeclaredTable &table, const config::DeclaredForeignKey &fk);

QString createTableSql(const config::DeclaredTable &table, const db::Dialect &dialect);
QString createIndexSql(const config::DeclaredTable &table, const config::DeclaredIndex &index,
                       const db::Dialect &dialect);
QString dropIndexSql(const config::DeclaredTable &table, const config::DeclaredIndex &index,
                     const db::Dialect &dialect);

// Indexes of `tables` in creation order: a table after the declared tables
// its foreign keys name. A cycle keeps the declared order for the tables in it.
QList<qsizetype> creationOrder(const QList<config::DeclaredTable> &tables, config::Driver driver);

// The canonical spelling of a type for comparing the config with the live
// catalog: PostgreSQL's aliases (int4, varchar(n), timestamptz, serial, …)
// become format_type()'s names; SQLite only folds case and spaces.
QString normalizedType(const QString &type, config::Driver driver);

} // namespace tw::migrate::declared

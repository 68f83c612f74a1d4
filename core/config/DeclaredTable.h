#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Tables declared in the config file under a connection (issue 9):
// `migrate ensure` creates the missing ones, `migrate generate` writes the
// difference to the live schema as a migration. Types are the engine's own
// spelling ("bigint", "text", "timestamptz"): the file is written for one
// engine, and translating types between engines would guess.
namespace tw::config {

struct DeclaredColumn
{
    QString name;
    QString type;
    bool nullable = true;
    std::optional<QString> defaultSql;   // an SQL expression, as written: "now()", "0", "'new'"

    bool operator==(const DeclaredColumn &) const = default;
};

struct DeclaredIndex
{
    QString name;                        // empty: "<table>_<cols>_idx" chosen when created
    QStringList columns;
    bool unique = false;

    bool operator==(const DeclaredIndex &) const = default;
};

struct DeclaredForeignKey
{
    QString name;                        // empty: the engine's own name
    QStringList columns;
    QString referencedTable;             // "schema.table" or "table"
    QStringList referencedColumns;
    QString onDelete;                    // empty, "cascade", "restrict", "set null", "set default", "no action"
    QString onUpdate;

    bool operator==(const DeclaredForeignKey &) const = default;
};

struct DeclaredTable
{
    QString schema;                      // empty: the connection's default (public / main)
    QString name;
    QList<DeclaredColumn> columns;
    QStringList primaryKey;
    QList<QStringList> unique;           // each a UNIQUE constraint's columns
    QList<DeclaredIndex> indexes;
    QList<DeclaredForeignKey> foreignKeys;

    bool operator==(const DeclaredTable &) const = default;
};

} // namespace tw::config

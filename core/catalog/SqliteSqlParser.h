#pragma once

#include "SqliteTokenizer.h"

#include <QStringList>

namespace tw::catalog::sqlite {

// SQLite keeps no catalog of generation expressions, collations, CHECK
// constraints, constraint names, FK deferrability, index expressions or
// trigger events: only the CREATE text in sqlite_schema has them. These
// functions read that text with a small tokenizer (strings, quoted
// identifiers, comments, nested parentheses) and never execute anything.
// Text they cannot follow gives empty results, never an error: the pragmas
// remain the source of truth for everything they cover.

struct ParsedColumn
{
    QString name;
    QString collation;
    QString generated;           // expression inside AS ( … )
};

struct ParsedCheck
{
    QString name;
    QString expression;          // inside CHECK ( … ), as written
    QString column;              // set for column constraints
};

struct ParsedForeignKey
{
    QString name;
    QStringList columns;
    QString refTable;
    QString match;               // MATCH name as written; empty: none (the pragma always says NONE)
    bool deferrable = false;
    bool initiallyDeferred = false;
};

struct ParsedUnique
{
    QString name;
    QStringList columns;
};

struct ParsedTable
{
    bool ok = false;             // false: not a CREATE TABLE ( … ) we could follow
    QList<ParsedColumn> columns;
    QString primaryKeyName;
    QList<ParsedCheck> checks;
    QList<ParsedForeignKey> foreignKeys; // in declaration order
    QList<ParsedUnique> uniques;

    const ParsedColumn *column(const QString &name) const; // case-insensitive, as SQLite
};

ParsedTable parseCreateTable(const QString &sql);

struct ParsedIndex
{
    QStringList items;           // each indexed column or expression, without ASC/DESC
    QString predicate;           // after WHERE; empty: not partial
};

ParsedIndex parseCreateIndex(const QString &sql);

struct ParsedTrigger
{
    QString timing;              // "BEFORE" (also when omitted), "AFTER", "INSTEAD OF"
    QString event;               // "INSERT", "DELETE", "UPDATE", "UPDATE OF a, b"
};

ParsedTrigger parseCreateTrigger(const QString &sql);

// The SELECT of a CREATE VIEW, as written.
QString viewSelect(const QString &sql);

// Names read after FROM / JOIN (and comma-joined lists) anywhere in a
// SELECT, subqueries included; callers keep those naming real relations.
QStringList referencedNames(const QString &selectSql);

// Names of `candidates` that appear as identifiers in an expression (the
// columns a CHECK reads), in the order of `candidates`.
QStringList identifiersIn(const QString &expression, const QStringList &candidates);

} // namespace tw::catalog::sqlite

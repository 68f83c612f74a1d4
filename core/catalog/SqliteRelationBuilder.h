#pragma once

#include "Snapshot.h"

#include <QHash>

namespace tw::catalog::sqlite {

// Rows of the pragma table-valued functions, as SqliteCatalog reads them for
// all relations at once, before they become Snapshot values.
struct RawColumn
{
    int cid = 0;
    QString name;
    QString type;
    bool notNull = false;
    QString defaultValue;
    int pk = 0;                  // 1-based position in the primary key; 0: not in it
    int hidden = 0;              // 1 hidden (virtual table), 2 virtual generated, 3 stored generated
};

struct RawForeignKey
{
    int id = 0;
    int seq = 0;
    QString table;
    QString from;
    QString to;                  // empty: the parent's primary key
    QString onUpdate;
    QString onDelete;
    QString match;
};

struct RawIndexColumn
{
    int cid = 0;                 // -1 rowid, -2 expression
    QString name;
    bool key = false;
};

struct RawIndex
{
    QString name;
    bool unique = false;
    QString origin;              // "c" CREATE INDEX, "u" UNIQUE constraint, "pk" PRIMARY KEY
    bool partial = false;
    QList<RawIndexColumn> columns; // in seqno order
};

struct RawRelation
{
    Relation relation;           // kind, schema, name, sql, withoutRowid, strict, sizes, rows
    bool isVirtual = false;
    QList<RawColumn> columns;
    QList<RawForeignKey> foreignKeys;
    QList<RawIndex> indexes;
};

// What one relation's parts need to know about the rest of the database.
struct DatabaseContext
{
    QHash<QString, QStringList> primaryKeys;  // lower-cased table name → key columns
    QHash<QString, QString> relationNames;     // lower-cased name → name as stored
    QHash<QString, QString> objectSql;         // index / trigger name → stored CREATE text
    QHash<QString, qint64> btreeBytes;         // dbstat: table or index name → bytes
};

QStringList primaryKeyColumns(const QList<RawColumn> &columns);

// Turns the pragma rows plus what the stored CREATE text adds into the
// relation's columns, constraints, indexes and view definition.
Relation buildRelation(const RawRelation &raw, const DatabaseContext &context);

Trigger buildTrigger(const QString &name, const QString &sql);

} // namespace tw::catalog::sqlite

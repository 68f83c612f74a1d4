#pragma once

#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QDateTime>
#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw::catalog {

// Everything a database holds, the way `pg_dump -s` would list it, as plain
// values: loaded once per connection in a pool job (CatalogLoader), then read
// by the schema tree, the CLI, the HTTP API and DDL generation on any thread.
// SQLite fills what exists there and leaves the rest empty; its one schema
// is called "main".

enum class ObjectKind {
    Schema,
    Table,
    PartitionedTable,
    View,
    MaterializedView,
    ForeignTable,
    Column,
    Constraint,
    Index,
    Trigger,
    Sequence,
    Function,
    Procedure,
    EnumType,
    Domain,
    CompositeType,
    Extension,
};

// Stable wire names ("table", "partitioned_table", "materialized_view", …).
QString objectKindName(ObjectKind kind);
std::optional<ObjectKind> objectKindFromName(const QString &name);

// A reference to a schema-level object, kept as two parts: names may hold
// dots, so "a.b" + "c" and "a" + "b.c" are different objects that one
// "schema.name" string could not tell apart. Compare these, never a joined
// text; displayName() is for people only.
struct QualifiedName
{
    QString schema;              // empty: unqualified (SQLite's one schema, or unknown)
    QString name;

    bool isEmpty() const { return name.isEmpty(); }
    QString displayName() const { return schema.isEmpty() ? name : schema + QLatin1Char('.') + name; }
    bool operator==(const QualifiedName &) const = default;
    bool operator<(const QualifiedName &other) const
    {
        return schema != other.schema ? schema < other.schema : name < other.name;
    }
};

inline size_t qHash(const QualifiedName &key, size_t seed = 0)
{
    return qHashMulti(seed, key.schema, key.name);
}

struct Column
{
    QString name;
    int position = 0;            // 1-based, as declared
    QString type;                // with modifiers: "character varying(40)", "numeric(10,2)", "integer[]"
    bool notNull = false;
    QString defaultValue;        // expression text; empty: none
    QString identity;            // "" | "always" | "by default"
    QString generated;           // generation expression; empty: not generated
    QString generatedStorage;    // "stored" | "virtual" (SQLite); empty when not generated
    bool hidden = false;         // SQLite hidden columns of virtual tables
    QString collation;           // only when not the type's default
    QString comment;
    // PostgreSQL: the schema of `collation` ("pg_catalog" for "C"), so DDL
    // names it exactly; empty for SQLite.
    QString collationSchema;
    // PostgreSQL attislocal: the table declares the column itself. False for
    // a column an INHERITS child (or partition) only takes from its parents;
    // true for one both declared and inherited, which DDL must declare again
    // (its own default settles parents whose defaults disagree).
    bool local = true;

    bool operator==(const Column &) const = default;
};

struct Constraint
{
    enum class Type { PrimaryKey, ForeignKey, Unique, Check, Exclusion };
    QString name;                // SQLite: may be empty (unnamed)
    Type type = Type::Check;
    QStringList columns;         // key / constrained columns, in key order
    QString definition;          // "PRIMARY KEY (id)", "CHECK ((price > 0))", "EXCLUDE USING gist (…)"
    // Foreign keys
    QString refSchema;
    QString refTable;
    QStringList refColumns;
    QString onUpdate;            // "NO ACTION" | "RESTRICT" | "CASCADE" | "SET NULL" | "SET DEFAULT"
    QString onDelete;
    QString match;               // "SIMPLE" | "FULL" | "PARTIAL"
    bool deferrable = false;
    bool initiallyDeferred = false;
    bool validated = true;
    QString comment;
    // PostgreSQL conislocal: the table defines the constraint itself, not
    // only through a parent (a CHECK both local and inherited stays local).
    bool local = true;

    bool operator==(const Constraint &) const = default;
};

QString constraintTypeName(Constraint::Type type); // "primary_key", "foreign_key", "unique", "check", "exclusion"

struct Index
{
    QString name;
    QString method;              // "btree", "gin", "gist", … (SQLite: "btree")
    bool unique = false;
    bool primary = false;        // backs the primary key
    QString constraintName;      // the constraint it backs, if any
    QStringList keys;            // column names or expression texts, in order
    QStringList include;         // INCLUDE columns
    QString predicate;           // partial index WHERE; empty: none
    QString definition;          // full CREATE INDEX statement (PostgreSQL: pg_get_indexdef; SQLite: stored sql)
    qint64 sizeBytes = -1;       // -1: unknown
    QString comment;
    // Partitions: the partitioned index this one is attached to (pg_inherits
    // of the index); empty otherwise. DDL re-attaches it with ALTER INDEX …
    // ATTACH PARTITION, as pg_dump does, so names survive.
    QualifiedName parentIndex;

    bool operator==(const Index &) const = default;
};

struct Trigger
{
    QString name;
    QString timing;              // "BEFORE" | "AFTER" | "INSTEAD OF"
    QStringList events;          // "INSERT", "UPDATE", "UPDATE OF a, b", "DELETE", "TRUNCATE"
    QString level;               // "ROW" | "STATEMENT"
    QualifiedName function;      // the trigger function (PostgreSQL)
    QString definition;          // full CREATE TRIGGER statement
    bool enabled = true;         // false exactly when enabledMode is "disabled"
    QString comment;
    // PostgreSQL's pg_trigger.tgenabled: "origin" (the default: fires unless
    // session_replication_role is replica), "always", "replica" or
    // "disabled". Empty (hand-built or SQLite): read `enabled`.
    QString enabledMode;

    bool operator==(const Trigger &) const = default;
};

// A row-level security policy (pg_policy), in pg_dump's terms.
struct Policy
{
    QString name;
    QString command;             // "ALL" | "SELECT" | "INSERT" | "UPDATE" | "DELETE"
    bool permissive = true;      // false: AS RESTRICTIVE
    // Real role names as they are (unquoted), sorted; empty: TO PUBLIC. The
    // PUBLIC pseudo-role (oid 0) is never written as a name, so a real role
    // called "PUBLIC" cannot turn into every role; PostgreSQL stores PUBLIC
    // only alone (CREATE POLICY … TO PUBLIC, alice keeps just PUBLIC).
    QStringList roles;
    QString usingExpression;     // USING (…) text without the parentheses; empty: none
    QString withCheck;           // WITH CHECK (…) text; empty: none
    QString comment;

    bool operator==(const Policy &) const = default;
};

// Tables, partitioned tables, views, materialized views and foreign tables.
struct Relation
{
    ObjectKind kind = ObjectKind::Table;
    QString schema;
    QString name;
    QString comment;
    QString owner;
    bool readable = true;        // the connected role may SELECT from it
    QList<Column> columns;
    QList<Constraint> constraints;
    QList<Index> indexes;
    QList<Trigger> triggers;

    QString viewDefinition;      // views and materialized views: the SELECT
    QList<QualifiedName> dependsOn; // views: the relations they read, sorted (DDL order)

    QString partitionKey;        // partitioned tables: "RANGE (sold_on)"
    QString parentSchema;        // partitions: their parent partitioned table
    QString parentTable;
    QString partitionBound;      // "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", "DEFAULT"

    QString foreignServer;       // foreign tables
    QStringList foreignOptions;  // "key=value"

    bool unlogged = false;
    bool withoutRowid = false;   // SQLite
    bool strict = false;         // SQLite
    QString sql;                 // SQLite: the stored CREATE statement

    qint64 estimatedRows = -1;   // catalog estimate; -1: unknown / never analysed
    qint64 tableBytes = -1;      // heap (and TOAST) size
    qint64 indexBytes = -1;      // all indexes

    // Foreign tables: the foreign-data wrapper of foreignServer, so DDL can
    // create the server (servers are not objects of their own here).
    QString foreignDataWrapper;

    // Inheritance that is not partitioning: the INHERITS parents in
    // declaration order (pg_inherits.inhseqno). Partitions keep using
    // parentSchema/parentTable and leave this empty.
    QList<QualifiedName> inherits;
    // Typed tables (CREATE TABLE … OF type): the composite type; empty otherwise.
    QualifiedName ofType;
    // Row-level security: relrowsecurity, relforcerowsecurity and the
    // table's policies sorted by name.
    bool rowSecurity = false;
    bool forceRowSecurity = false;
    QList<Policy> policies;

    QualifiedName key() const { return {schema, name}; }
    // "schema.name" for people (messages, labels); ambiguous when names hold
    // dots, so never compare it: compare key().
    QString qualifiedName() const { return schema.isEmpty() ? name : schema + QLatin1Char('.') + name; }
    const Column *column(const QString &columnName) const;
    bool isPartition() const { return !parentTable.isEmpty(); }
    bool operator==(const Relation &) const = default;
};

struct Sequence
{
    QString schema;
    QString name;
    QString dataType;            // "bigint", "integer", "smallint"
    qint64 start = 1;
    qint64 increment = 1;
    qint64 minValue = 1;
    qint64 maxValue = 0;
    qint64 cache = 1;
    bool cycle = false;
    QualifiedName ownedByTable;  // the table owning it (serial / identity); empty: free-standing
    QString ownedByColumn;
    bool identity = false;       // backs an identity column (DDL comes with the column)
    QString comment;

    bool operator==(const Sequence &) const = default;
};

struct Routine
{
    ObjectKind kind = ObjectKind::Function; // Function or Procedure
    QString schema;
    QString name;
    QString arguments;           // pg_get_function_arguments: "a integer, b text DEFAULT 'x'::text"
    QString identityArguments;   // pg_get_function_identity_arguments: "a integer, b text"
    QString returns;             // "integer", "SETOF record", "trigger"; empty for procedures
    QString language;
    QString volatility;          // "IMMUTABLE" | "STABLE" | "VOLATILE"
    QString definition;          // pg_get_functiondef: full CREATE OR REPLACE statement
    QString comment;

    QString signature() const { return name + QLatin1Char('(') + identityArguments + QLatin1Char(')'); }
    bool operator==(const Routine &) const = default;
};

struct EnumType
{
    QString schema;
    QString name;
    QStringList labels;          // in sort order
    QString comment;
    bool operator==(const EnumType &) const = default;
};

struct DomainCheck
{
    QString name;
    QString definition;          // "CHECK ((VALUE > 0))"
    bool operator==(const DomainCheck &) const = default;
};

struct Domain
{
    QString schema;
    QString name;
    QString baseType;            // with modifiers
    bool notNull = false;
    QString defaultValue;
    QString collation;
    QList<DomainCheck> checks;
    QString comment;
    QString collationSchema;     // the schema of `collation`; see Column
    bool operator==(const Domain &) const = default;
};

struct CompositeAttribute
{
    QString name;
    QString type;
    QString collation;
    QString collationSchema;     // the schema of `collation`; see Column
    bool operator==(const CompositeAttribute &) const = default;
};

struct CompositeType
{
    QString schema;
    QString name;
    QList<CompositeAttribute> attributes;
    QString comment;
    bool operator==(const CompositeType &) const = default;
};

struct Extension
{
    QString name;
    QString schema;
    QString version;
    QString comment;
    bool operator==(const Extension &) const = default;
};

struct Schema
{
    QString name;
    QString owner;
    QString comment;
    bool operator==(const Schema &) const = default;
};

// One part of the catalog that could not be read (a query refused by a
// server setting or a permission). The rest of the snapshot still loads.
struct LoadProblem
{
    QString part;                // "triggers", "routines", … or an object name
    Error error;
    bool operator==(const LoadProblem &) const = default;
};

struct Snapshot
{
    QString connection;
    config::Driver driver = config::Driver::Sqlite;
    QString serverVersion;       // "15.18", "3.40.1"
    QString database;            // PostgreSQL database name; SQLite file path
    QDateTime loadedAt;
    qint64 loadMs = 0;

    // Every list is sorted by (schema, name) so output is stable.
    QList<Schema> schemas;
    QList<Relation> relations;
    QList<Sequence> sequences;
    QList<Routine> routines;
    QList<EnumType> enums;
    QList<Domain> domains;
    QList<CompositeType> composites;
    QList<Extension> extensions;
    QList<LoadProblem> problems;

    const Relation *relation(const QString &schema, const QString &name) const;
    // Names of every schema-level object, for "did you mean" suggestions.
    QStringList objectNames() const;
    int objectCount() const;
};

// Identifies one object of a snapshot: the tree's selection, `schema --object`,
// the API's path. `parent` names the relation for columns, constraints,
// indexes and triggers; routines are named by signature ("f(integer)").
struct ObjectRef
{
    ObjectKind kind = ObjectKind::Table;
    QString schema;
    QString name;
    QString parent;

    bool operator==(const ObjectRef &) const = default;
    QString displayName() const;
};

} // namespace tw::catalog

Q_DECLARE_METATYPE(tw::catalog::Snapshot)

// `migrate generate`: the declared tables held against a live snapshot.
// Additive only, like Alembic's autogenerate without its drops: what would
// need a drop, a type change or a table rebuild is listed for a person to
// write by hand, never generated.

#include "DeclaredTables.h"

#include "DeclaredTableSql.h"

#include <QSet>

#include <algorithm>

namespace tw::migrate {

using namespace declared;
using config::DeclaredColumn;
using config::DeclaredForeignKey;
using config::DeclaredIndex;
using config::DeclaredTable;
using config::Driver;

namespace {

// One generated change and the statement that takes it back (empty when
// an earlier undo already does, e.g. the indexes of a dropped table).
struct Step
{
    QString up;
    QString down;
};

QSet<QString> asSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

class TableDiff
{
public:
    TableDiff(const DeclaredTable &table, const catalog::Relation &live, Driver driver, QStringList &handWritten)
        : m_table(table)
        , m_live(live)
        , m_driver(driver)
        , m_dialect(db::dialectFor(driver))
        , m_handWritten(handWritten)
        , m_where(tableKey(table, driver).displayName())
    {}

    void run(QList<Step> &columns, QList<Step> &indexes, QList<Step> &constraints)
    {
        diffColumns(columns);
        diffPrimaryKey(constraints);
        for (const QStringList &unique : m_table.unique)
            diffUnique(unique, constraints);
        for (const DeclaredIndex &index : m_table.indexes)
            diffIndex(index, indexes);
        for (const DeclaredForeignKey &fk : m_table.foreignKeys)
            diffForeignKey(fk, constraints);
    }

private:
    void note(const QString &what) { m_handWritten << m_where + what; }

    void diffColumns(QList<Step> &steps)
    {
        const QString table = tableSql(m_table, m_dialect);
        for (const DeclaredColumn &c : m_table.columns) {
            const catalog::Column *live = m_live.column(c.name);
            if (!live) {
                if (!c.nullable && !c.defaultSql) {
                    m_unavailable.insert(c.name);
                    note(QStringLiteral(".%1: NOT NULL without a default cannot be added to a table that may hold rows; "
                                        "add it nullable, fill it, then set NOT NULL").arg(c.name));
                    continue;
                }
                steps << Step{QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(table, columnSql(c, m_dialect)),
                              QStringLiteral("ALTER TABLE %1 DROP COLUMN %2").arg(table, m_dialect.quoteIdentifier(c.name))};
                continue;
            }
            if (normalizedType(c.type, m_driver) != normalizedType(live->type, m_driver)) {
                note(QStringLiteral(".%1: type %2 in the config, %3 in the database").arg(c.name, c.type, live->type));
            }
            // A primary key column is NOT NULL on PostgreSQL whatever the
            // config says, and need not be on SQLite: nothing to compare.
            if (!m_table.primaryKey.contains(c.name) && c.nullable == live->notNull) {
                note(QStringLiteral(".%1: %2 in the config, %3 in the database")
                         .arg(c.name, c.nullable ? QStringLiteral("nullable") : QStringLiteral("NOT NULL"),
                              live->notNull ? QStringLiteral("NOT NULL") : QStringLiteral("nullable")));
            }
        }
        for (const catalog::Column &live : m_live.columns) {
            const bool declared = std::any_of(m_table.columns.cbegin(), m_table.columns.cend(),
                                              [&](const DeclaredColumn &c) { return c.name == live.name; });
            if (!declared && !live.hidden)
                note(QStringLiteral(".%1: column in the database but not declared (never dropped)").arg(live.name));
        }
    }

    // A key over a column that will not exist after `up` cannot be generated either.
    bool available(const QStringList &columns, const QString &what)
    {
        for (const QString &c : columns) {
            if (m_unavailable.contains(c)) {
                note(QStringLiteral(": %1 needs column %2, which is not generated").arg(what, c));
                return false;
            }
        }
        return true;
    }

    const catalog::Constraint *constraint(catalog::Constraint::Type type) const
    {
        for (const catalog::Constraint &c : m_live.constraints) {
            if (c.type == type)
                return &c;
        }
        return nullptr;
    }

    bool sqliteCannotAlter(const QString &what)
    {
        if (m_driver != Driver::Sqlite)
            return false;
        note(QStringLiteral(": %1 is missing; SQLite cannot add a constraint to an existing table "
                            "(rebuild the table by hand)").arg(what));
        return true;
    }

    void diffPrimaryKey(QList<Step> &steps)
    {
        const catalog::Constraint *live = constraint(catalog::Constraint::Type::PrimaryKey);
        if (m_table.primaryKey.isEmpty()) {
            if (live)
                note(QStringLiteral(": primary key (%1) in the database but not declared").arg(live->columns.join(QStringLiteral(", "))));
            return;
        }
        const QString what = QStringLiteral("primary key (%1)").arg(m_table.primaryKey.join(QStringLiteral(", ")));
        if (live) {
            if (live->columns != m_table.primaryKey)
                note(QStringLiteral(": %1 in the config, primary key (%2) in the database")
                         .arg(what, live->columns.join(QStringLiteral(", "))));
            return;
        }
        if (!available(m_table.primaryKey, what) || sqliteCannotAlter(what))
            return;
        addConstraint(generatedName(m_table, {}, QStringLiteral("pkey")),
                      QStringLiteral("PRIMARY KEY (%1)").arg(columnsSql(m_table.primaryKey, m_dialect)), steps);
    }

    void diffUnique(const QStringList &columns, QList<Step> &steps)
    {
        const QSet<QString> wanted = asSet(columns);
        for (const catalog::Constraint &c : m_live.constraints) {
            if (c.type == catalog::Constraint::Type::Unique && asSet(c.columns) == wanted)
                return;
        }
        // A unique index gives the same guarantee as the constraint.
        for (const catalog::Index &i : m_live.indexes) {
            if (i.unique && i.predicate.isEmpty() && asSet(i.keys) == wanted)
                return;
        }
        const QString what = QStringLiteral("unique (%1)").arg(columns.join(QStringLiteral(", ")));
        if (!available(columns, what) || sqliteCannotAlter(what))
            return;
        addConstraint(generatedName(m_table, columns, QStringLiteral("key")),
                      QStringLiteral("UNIQUE (%1)").arg(columnsSql(columns, m_dialect)), steps);
    }

    void diffIndex(const DeclaredIndex &index, QList<Step> &steps)
    {
        const QString name = indexName(m_table, index);
        for (const catalog::Index &live : m_live.indexes) {
            if (live.name == name) {
                if (live.keys != index.columns || live.unique != index.unique)
                    note(QStringLiteral(": index %1 differs from the config (%2%3 in the database)")
                             .arg(name, live.unique ? QStringLiteral("unique ") : QString(),
                                  live.keys.join(QStringLiteral(", "))));
                return;
            }
        }
        // The same index under another name serves the same queries: a
        // second copy would only slow writes down.
        for (const catalog::Index &live : m_live.indexes) {
            if (live.keys == index.columns && live.unique == index.unique && live.predicate.isEmpty())
                return;
        }
        if (!available(index.columns, QStringLiteral("index ") + name))
            return;
        steps << Step{createIndexSql(m_table, index, m_dialect), dropIndexSql(m_table, index, m_dialect)};
    }

    void diffForeignKey(const DeclaredForeignKey &fk, QList<Step> &steps)
    {
        const catalog::QualifiedName target = referencedKey(fk, m_driver);
        for (const catalog::Constraint &c : m_live.constraints) {
            if (c.type != catalog::Constraint::Type::ForeignKey || c.columns != fk.columns || c.refTable != target.name)
                continue;
            const QString refSchema = c.refSchema.isEmpty() ? defaultSchema(m_driver) : c.refSchema;
            // SQLite may store REFERENCES t without columns: the target's primary key.
            if (refSchema == target.schema && (c.refColumns == fk.referencedColumns || c.refColumns.isEmpty()))
                return;
        }
        const QString what = QStringLiteral("foreign key (%1) to %2").arg(fk.columns.join(QStringLiteral(", ")), target.displayName());
        if (!available(fk.columns, what) || sqliteCannotAlter(what))
            return;
        addConstraint(foreignKeyName(m_table, fk), foreignKeySql(fk, m_dialect), steps);
    }

    void addConstraint(const QString &name, const QString &definition, QList<Step> &steps)
    {
        const QString table = tableSql(m_table, m_dialect);
        const QString quoted = m_dialect.quoteIdentifier(name);
        steps << Step{QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3").arg(table, quoted, definition),
                      QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(table, quoted)};
    }

    const DeclaredTable &m_table;
    const catalog::Relation &m_live;
    Driver m_driver;
    const db::Dialect &m_dialect;
    QStringList &m_handWritten;
    QString m_where;
    QSet<QString> m_unavailable; // declared columns `up` will not add
};

bool isTable(const catalog::Relation &r)
{
    return r.kind == catalog::ObjectKind::Table || r.kind == catalog::ObjectKind::PartitionedTable;
}

} // namespace

SchemaDiff diffDeclaredTables(const catalog::Snapshot &live, const QList<DeclaredTable> &tables, Driver driver)
{
    const db::Dialect &dialect = db::dialectFor(driver);
    SchemaDiff diff;
    QList<Step> created, columns, indexes, constraints;
    QSet<QString> schemas;
    QSet<catalog::QualifiedName> declared;
    for (const qsizetype i : creationOrder(tables, driver)) {
        const DeclaredTable &table = tables.at(i);
        const catalog::QualifiedName key = tableKey(table, driver);
        schemas.insert(key.schema);
        declared.insert(key);
        const catalog::Relation *relation = live.relation(key.schema, key.name);
        if (!relation) {
            const QStringList statements = createStatements(table, driver);
            created << Step{statements.first(), QStringLiteral("DROP TABLE ") + tableSql(table, dialect)};
            for (qsizetype s = 1; s < statements.size(); ++s)
                created << Step{statements.at(s), {}}; // its indexes go with the table
            continue;
        }
        if (!isTable(*relation)) {
            diff.needsHandWritten << QStringLiteral("%1: declared as a table, a %2 in the database")
                                         .arg(key.displayName(), catalog::objectKindName(relation->kind));
            continue;
        }
        TableDiff(table, *relation, driver, diff.needsHandWritten).run(columns, indexes, constraints);
    }
    for (const catalog::Relation &relation : live.relations) {
        // Our own bookkeeping tables (history, lock) are not the config's business.
        if (!isTable(relation) || relation.isPartition() || !schemas.contains(relation.schema)
            || declared.contains(relation.key()) || relation.name.startsWith(QLatin1String("tablewright_")))
            continue;
        diff.needsHandWritten << QStringLiteral("%1: table in the database but not declared (never dropped)")
                                     .arg(relation.qualifiedName());
    }
    const QList<Step> steps = created + columns + indexes + constraints;
    for (const Step &step : steps)
        diff.up << step.up;
    for (auto it = steps.crbegin(); it != steps.crend(); ++it) {
        if (!it->down.isEmpty())
            diff.down << it->down;
    }
    return diff;
}

} // namespace tw::migrate

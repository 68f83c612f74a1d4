#include "PostgresRelations.h"

#include "PostgresRowValues.h"

#include <algorithm>

namespace tw::catalog {

using namespace pgvalues;

namespace {

std::optional<ObjectKind> relationKind(QChar relkind)
{
    switch (relkind.unicode()) {
    case 'r': return ObjectKind::Table;
    case 'p': return ObjectKind::PartitionedTable;
    case 'v': return ObjectKind::View;
    case 'm': return ObjectKind::MaterializedView;
    case 'f': return ObjectKind::ForeignTable;
    default: return std::nullopt;
    }
}

std::optional<Constraint::Type> constraintType(QChar contype)
{
    switch (contype.unicode()) {
    case 'p': return Constraint::Type::PrimaryKey;
    case 'f': return Constraint::Type::ForeignKey;
    case 'u': return Constraint::Type::Unique;
    case 'c': return Constraint::Type::Check;
    case 'x': return Constraint::Type::Exclusion;
    default: return std::nullopt;
    }
}

// pg_constraint.confupdtype / confdeltype
QString foreignKeyAction(QChar code)
{
    switch (code.unicode()) {
    case 'a': return QStringLiteral("NO ACTION");
    case 'r': return QStringLiteral("RESTRICT");
    case 'c': return QStringLiteral("CASCADE");
    case 'n': return QStringLiteral("SET NULL");
    case 'd': return QStringLiteral("SET DEFAULT");
    default: return {};
    }
}

QString foreignKeyMatch(QChar code)
{
    switch (code.unicode()) {
    case 's': return QStringLiteral("SIMPLE");
    case 'f': return QStringLiteral("FULL");
    case 'p': return QStringLiteral("PARTIAL");
    default: return {};
    }
}

// Bits of pg_trigger.tgtype (src/include/catalog/pg_trigger.h).
enum TriggerBits {
    TriggerRow = 1 << 0,
    TriggerBefore = 1 << 1,
    TriggerInsert = 1 << 2,
    TriggerDelete = 1 << 3,
    TriggerUpdate = 1 << 4,
    TriggerTruncate = 1 << 5,
    TriggerInstead = 1 << 6,
};

template<typename T>
void sortByName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

} // namespace

Relation *PostgresRelations::find(const QVariant &oid)
{
    const auto it = m_byOid.constFind(oid.toLongLong());
    return it == m_byOid.constEnd() ? nullptr : &m_relations[*it];
}

void PostgresRelations::readRelations(db::Rows &rows)
{
    while (rows.next()) {
        const auto kind = relationKind(letter(rows.value(3)));
        if (!kind)
            continue;
        Relation r;
        r.kind = *kind;
        r.schema = rows.value(1).toString();
        r.name = rows.value(2).toString();
        r.unlogged = rows.value(4).toBool();
        r.owner = rows.value(5).toString();
        r.readable = rows.value(6).toBool();
        r.comment = rows.value(7).toString();
        // reltuples is -1 until the first VACUUM/ANALYZE (PostgreSQL 14+).
        const QVariant tuples = rows.value(8);
        r.estimatedRows = tuples.isNull() ? -1 : std::max<qint64>(-1, tuples.toLongLong());
        const QVariant bytes = rows.value(9);
        r.tableBytes = bytes.isNull() ? -1 : bytes.toLongLong();
        r.partitionKey = rows.value(10).toString();
        r.parentSchema = rows.value(11).toString();
        r.parentTable = rows.value(12).toString();
        r.partitionBound = rows.value(13).toString();
        r.viewDefinition = rows.value(14).toString();
        r.foreignServer = rows.value(15).toString();
        r.foreignDataWrapper = rows.value(16).toString();
        r.foreignOptions = jsonStrings(rows.value(17));
        m_byOid.insert(rows.value(0).toLongLong(), m_relations.size());
        m_relations << std::move(r);
    }
}

void PostgresRelations::readColumns(db::Rows &rows)
{
    while (rows.next()) {
        Relation *relation = find(rows.value(0));
        if (!relation)
            continue;
        Column c;
        c.position = rows.value(1).toInt();
        c.name = rows.value(2).toString();
        c.type = rows.value(3).toString();
        c.notNull = rows.value(4).toBool();
        c.defaultValue = rows.value(5).toString();
        const QChar identity = letter(rows.value(6));
        c.identity = identity == QLatin1Char('a')   ? QStringLiteral("always")
                     : identity == QLatin1Char('d') ? QStringLiteral("by default")
                                                    : QString();
        c.generated = rows.value(7).toString();
        if (letter(rows.value(8)) == QLatin1Char('s'))
            c.generatedStorage = QStringLiteral("stored");
        c.collation = rows.value(9).toString();
        c.comment = rows.value(10).toString();
        relation->columns << std::move(c);
    }
}

void PostgresRelations::readConstraints(db::Rows &rows)
{
    while (rows.next()) {
        Relation *relation = find(rows.value(0));
        const auto type = constraintType(letter(rows.value(2)));
        if (!relation || !type)
            continue;
        Constraint c;
        c.name = rows.value(1).toString();
        c.type = *type;
        c.columns = jsonStrings(rows.value(3));
        c.definition = rows.value(4).toString();
        if (c.type == Constraint::Type::ForeignKey) {
            c.refSchema = rows.value(5).toString();
            c.refTable = rows.value(6).toString();
            c.refColumns = jsonStrings(rows.value(7));
            c.onUpdate = foreignKeyAction(letter(rows.value(8)));
            c.onDelete = foreignKeyAction(letter(rows.value(9)));
            c.match = foreignKeyMatch(letter(rows.value(10)));
        }
        c.deferrable = rows.value(11).toBool();
        c.initiallyDeferred = rows.value(12).toBool();
        c.validated = rows.value(13).toBool();
        c.comment = rows.value(14).toString();
        relation->constraints << std::move(c);
    }
}

void PostgresRelations::readIndexes(db::Rows &rows)
{
    while (rows.next()) {
        const auto relationAt = m_byOid.constFind(rows.value(0).toLongLong());
        if (relationAt == m_byOid.constEnd())
            continue;
        Relation &relation = m_relations[*relationAt];
        Index index;
        index.name = rows.value(2).toString();
        index.method = rows.value(3).toString();
        index.unique = rows.value(4).toBool();
        index.primary = rows.value(5).toBool();
        index.constraintName = rows.value(6).toString();
        const int keyCount = rows.value(7).toInt();
        const QStringList columns = jsonStrings(rows.value(8));
        index.keys = columns.mid(0, keyCount);
        index.include = columns.mid(keyCount);
        index.predicate = rows.value(9).toString();
        index.definition = rows.value(10).toString();
        index.comment = rows.value(11).toString();
        index.parentIndex = qualified(rows.value(12).toString(), rows.value(13).toString());
        index.sizeBytes = rows.value(14).toLongLong();
        relation.indexes << std::move(index);
    }
    // Only relations with storage of their own have an index total; a table
    // without indexes has 0 bytes of them, a view none at all.
    for (Relation &r : m_relations) {
        if (r.kind != ObjectKind::Table && r.kind != ObjectKind::MaterializedView)
            continue;
        r.indexBytes = 0;
        for (const Index &index : std::as_const(r.indexes))
            r.indexBytes += index.sizeBytes;
    }
}

void PostgresRelations::readTriggers(db::Rows &rows)
{
    while (rows.next()) {
        Relation *relation = find(rows.value(0));
        if (!relation)
            continue;
        Trigger t;
        t.name = rows.value(1).toString();
        const int type = rows.value(2).toInt();
        t.timing = (type & TriggerInstead) ? QStringLiteral("INSTEAD OF")
                   : (type & TriggerBefore) ? QStringLiteral("BEFORE")
                                            : QStringLiteral("AFTER");
        t.level = (type & TriggerRow) ? QStringLiteral("ROW") : QStringLiteral("STATEMENT");
        if (type & TriggerInsert)
            t.events << QStringLiteral("INSERT");
        if (type & TriggerUpdate) {
            const QStringList of = jsonStrings(rows.value(7));
            t.events << (of.isEmpty() ? QStringLiteral("UPDATE")
                                      : QStringLiteral("UPDATE OF ") + of.join(QStringLiteral(", ")));
        }
        if (type & TriggerDelete)
            t.events << QStringLiteral("DELETE");
        if (type & TriggerTruncate)
            t.events << QStringLiteral("TRUNCATE");
        t.enabled = rows.value(3).toBool();
        t.definition = rows.value(4).toString();
        t.function = qualified(rows.value(5).toString(), rows.value(6).toString());
        t.comment = rows.value(8).toString();
        relation->triggers << std::move(t);
    }
}

void PostgresRelations::readViewDependencies(db::Rows &rows)
{
    while (rows.next()) {
        if (Relation *view = find(rows.value(0)))
            view->dependsOn << qualified(rows.value(1).toString(), rows.value(2).toString());
    }
}

QList<Relation> PostgresRelations::takeSorted()
{
    for (Relation &r : m_relations) {
        std::sort(r.columns.begin(), r.columns.end(),
                  [](const Column &a, const Column &b) { return a.position < b.position; });
        sortByName(r.constraints);
        sortByName(r.indexes);
        sortByName(r.triggers);
        r.dependsOn.sort();
    }
    std::sort(m_relations.begin(), m_relations.end(), [](const Relation &a, const Relation &b) {
        return a.schema != b.schema ? a.schema < b.schema : a.name < b.name;
    });
    m_byOid.clear();
    return std::exchange(m_relations, {});
}

} // namespace tw::catalog

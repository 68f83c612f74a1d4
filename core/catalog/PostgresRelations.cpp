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

QString identList(const PgServerQuoting &q, const QStringList &names)
{
    QString out;
    for (const QString &name : names) {
        if (!out.isEmpty())
            out += QStringLiteral(", ");
        out += q.ident(name);
    }
    return out;
}

// pg_get_indexdef(oid) of an index the indexes part found plain (its
// `definition` is NULL): no expression, predicate, options, sort options,
// non-default opclass or collation. Quoting is the server's quote_identifier;
// the table is always schema-qualified, as pg_get_indexdef prints it with
// any search_path; a partitioned index is created ON ONLY its table.
QString spellIndex(const PgServerQuoting &q, const Relation &table, const Index &index, bool partitioned)
{
    QString sql = QStringLiteral("CREATE ") + (index.unique ? QStringLiteral("UNIQUE ") : QString())
                  + QStringLiteral("INDEX ") + q.ident(index.name) + QStringLiteral(" ON ")
                  + (partitioned ? QStringLiteral("ONLY ") : QString()) + q.ident(table.schema) + QLatin1Char('.')
                  + q.ident(table.name) + QStringLiteral(" USING ") + q.ident(index.method) + QStringLiteral(" (")
                  + identList(q, index.keys);
    if (!index.include.isEmpty())
        sql += QStringLiteral(") INCLUDE (") + identList(q, index.include);
    return sql + QLatin1Char(')');
}

// pg_get_constraintdef(oid) of a primary key, unique constraint or foreign
// key the constraints part left to the reader (no INCLUDE, NULLS NOT
// DISTINCT or ON DELETE SET NULL (cols)). The referenced table is always
// schema-qualified: with the load's empty search_path no user table is
// visible. Empty when a name is missing (the columns part failed).
QString spellConstraint(const PgServerQuoting &q, const Constraint &c, int keyCount, int refKeyCount)
{
    if (c.columns.size() != keyCount)
        return {};
    if (c.type == Constraint::Type::ForeignKey
        && (c.refColumns.size() != refKeyCount || c.match.isEmpty() || c.onUpdate.isEmpty() || c.onDelete.isEmpty()))
        return {};
    QString sql;
    switch (c.type) {
    case Constraint::Type::PrimaryKey:
        sql = QStringLiteral("PRIMARY KEY (") + identList(q, c.columns) + QLatin1Char(')');
        break;
    case Constraint::Type::Unique:
        sql = QStringLiteral("UNIQUE (") + identList(q, c.columns) + QLatin1Char(')');
        break;
    case Constraint::Type::ForeignKey:
        sql = QStringLiteral("FOREIGN KEY (") + identList(q, c.columns) + QStringLiteral(") REFERENCES ")
              + q.ident(c.refSchema) + QLatin1Char('.') + q.ident(c.refTable) + QLatin1Char('(')
              + identList(q, c.refColumns) + QLatin1Char(')');
        if (c.match != QLatin1String("SIMPLE"))
            sql += QStringLiteral(" MATCH ") + c.match;
        if (c.onUpdate != QLatin1String("NO ACTION"))
            sql += QStringLiteral(" ON UPDATE ") + c.onUpdate;
        if (c.onDelete != QLatin1String("NO ACTION"))
            sql += QStringLiteral(" ON DELETE ") + c.onDelete;
        break;
    default:
        return {};
    }
    if (c.deferrable)
        sql += QStringLiteral(" DEFERRABLE");
    if (c.initiallyDeferred)
        sql += QStringLiteral(" INITIALLY DEFERRED");
    if (!c.validated)
        sql += QStringLiteral(" NOT VALID");
    return sql;
}

template<typename T>
void sortByName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

// pg_trigger.tgenabled.
QString triggerMode(QChar code)
{
    switch (code.unicode()) {
    case 'A': return QStringLiteral("always");
    case 'R': return QStringLiteral("replica");
    case 'D': return QStringLiteral("disabled");
    default: return QStringLiteral("origin");
    }
}

// pg_policy.polcmd.
QString policyCommand(QChar code)
{
    switch (code.unicode()) {
    case 'r': return QStringLiteral("SELECT");
    case 'a': return QStringLiteral("INSERT");
    case 'w': return QStringLiteral("UPDATE");
    case 'd': return QStringLiteral("DELETE");
    default: return QStringLiteral("ALL");
    }
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
        for (const auto &parent : jsonArray(rows.value(18))) {
            const QJsonArray pair = parent.toArray();
            r.inherits << QualifiedName{pair.at(0).toString(), pair.at(1).toString()};
        }
        r.ofType = qualified(rows.value(19).toString(), rows.value(20).toString());
        r.rowSecurity = rows.value(21).toBool();
        r.forceRowSecurity = rows.value(22).toBool();
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
        c.position = rows.value(1).toInt();   // attnum: gaps where columns were dropped
        c.name = rows.value(2).toString();
        m_keyColumns.add(rows.value(0).toLongLong(), c.position, c.name);
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
        c.collationSchema = rows.value(11).toString();
        c.local = rows.value(12).toBool();
        relation->columns << std::move(c);
    }
}

void PostgresRelations::readConstraints(db::Rows &rows)
{
    while (rows.next()) {
        const qint64 relationOid = rows.value(0).toLongLong();
        Relation *relation = find(rows.value(0));
        const auto type = constraintType(letter(rows.value(3)));
        if (!relation || !type)
            continue;
        Constraint c;
        c.name = rows.value(2).toString();
        c.type = *type;
        c.columns = m_keyColumns.names(relationOid, rows.value(4), true).value_or(QStringList());
        const QVariant definition = rows.value(5);
        if (c.type == Constraint::Type::ForeignKey) {
            c.refSchema = rows.value(6).toString();
            c.refTable = rows.value(7).toString();
            // Names come with the row only for tables this load does not keep.
            const QVariant refNames = rows.value(9);
            c.refColumns = refNames.isNull()
                               ? m_keyColumns.names(rows.value(1).toLongLong(), rows.value(8)).value_or(QStringList())
                               : jsonStrings(refNames);
            c.onUpdate = foreignKeyAction(letter(rows.value(10)));
            c.onDelete = foreignKeyAction(letter(rows.value(11)));
            c.match = foreignKeyMatch(letter(rows.value(12)));
        }
        c.deferrable = rows.value(13).toBool();
        c.initiallyDeferred = rows.value(14).toBool();
        c.validated = rows.value(15).toBool();
        c.comment = rows.value(16).toString();
        c.local = rows.value(17).toBool();
        if (!definition.isNull()) {
            c.definition = definition.toString();
        } else {
            const auto count = [](const QVariant &attnums) {
                return int(PostgresKeyColumns::parseAttnums(attnums.toString()).size());
            };
            c.definition = spellConstraint(m_quoting, c, count(rows.value(4)), count(rows.value(8)));
        }
        relation->constraints << std::move(c);
    }
}

void PostgresRelations::readIndexes(db::Rows &rows)
{
    while (rows.next()) {
        const qint64 relationOid = rows.value(0).toLongLong();
        const auto relationAt = m_byOid.constFind(relationOid);
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
        // Expression keys come as texts; plain keys as attnums.
        const QVariant expressionColumns = rows.value(9);
        const std::optional<QStringList> columns = expressionColumns.isNull()
                                                       ? m_keyColumns.names(relationOid, rows.value(8))
                                                       : std::optional<QStringList>(jsonStrings(expressionColumns));
        if (columns) {
            index.keys = columns->mid(0, keyCount);
            index.include = columns->mid(keyCount);
        }
        index.predicate = rows.value(10).toString();
        const QVariant definition = rows.value(11);
        if (!definition.isNull())
            index.definition = definition.toString();
        else if (columns)   // without the key names, no text rather than a wrong one
            index.definition = spellIndex(m_quoting, relation, index, letter(rows.value(16)) == QLatin1Char('I'));
        index.comment = rows.value(12).toString();
        index.parentIndex = qualified(rows.value(13).toString(), rows.value(14).toString());
        index.sizeBytes = rows.value(15).toLongLong();
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
        t.enabledMode = triggerMode(letter(rows.value(9)));
        t.definition = rows.value(4).toString();
        t.function = qualified(rows.value(5).toString(), rows.value(6).toString());
        t.comment = rows.value(8).toString();
        relation->triggers << std::move(t);
    }
}

void PostgresRelations::readPolicies(db::Rows &rows)
{
    while (rows.next()) {
        Relation *relation = find(rows.value(0));
        if (!relation)
            continue;
        Policy p;
        p.name = rows.value(1).toString();
        p.command = policyCommand(letter(rows.value(2)));
        p.permissive = rows.value(3).toBool();
        p.roles = jsonStrings(rows.value(4));
        p.usingExpression = rows.value(5).toString();
        p.withCheck = rows.value(6).toString();
        p.comment = rows.value(7).toString();
        relation->policies << std::move(p);
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
        std::sort(r.dependsOn.begin(), r.dependsOn.end());
        sortByName(r.policies);
    }
    std::sort(m_relations.begin(), m_relations.end(), [](const Relation &a, const Relation &b) {
        return a.schema != b.schema ? a.schema < b.schema : a.name < b.name;
    });
    m_byOid.clear();
    m_keyColumns = {};
    return std::exchange(m_relations, {});
}

} // namespace tw::catalog

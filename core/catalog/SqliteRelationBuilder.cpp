#include "SqliteRelationBuilder.h"

#include "SqliteSqlParser.h"

#include <algorithm>
#include <map>

namespace tw::catalog::sqlite {

namespace {

QString identifierList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &n : names)
        quoted << sqlIdentifier(n);
    return quoted.join(QStringLiteral(", "));
}

QString lowerKey(const QStringList &columns, const QString &table = {})
{
    return (columns.join(QLatin1Char('\x1f')) + QLatin1Char('\x1e') + table).toLower();
}

QList<Column> buildColumns(const RawRelation &raw, const ParsedTable &parsed)
{
    QList<Column> columns;
    for (const RawColumn &rc : raw.columns) {
        Column c;
        c.name = rc.name;
        c.position = rc.cid + 1;
        c.type = rc.type;
        c.notNull = rc.notNull;
        c.defaultValue = rc.defaultValue;
        c.hidden = rc.hidden == 1;
        if (const ParsedColumn *pc = parsed.column(rc.name)) {
            c.collation = pc->collation;
            if (rc.hidden == 2 || rc.hidden == 3)
                c.generated = pc->generated;
        }
        if (rc.hidden == 2)
            c.generatedStorage = QStringLiteral("virtual");
        else if (rc.hidden == 3)
            c.generatedStorage = QStringLiteral("stored");
        columns.append(c);
    }
    return columns;
}

QList<Constraint> buildForeignKeys(const RawRelation &raw, const ParsedTable &parsed, const DatabaseContext &context)
{
    // The pragma numbers foreign keys newest first; walk the declarations
    // backwards so that twins (same columns, same parent) pair up in order.
    QList<ParsedForeignKey> declared(parsed.foreignKeys.crbegin(), parsed.foreignKeys.crend());
    std::map<int, QList<RawForeignKey>> byId;
    for (const RawForeignKey &fk : raw.foreignKeys)
        byId[fk.id].append(fk);

    QList<Constraint> constraints;
    for (auto &[id, rows] : byId) {
        Q_UNUSED(id);
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.seq < b.seq; });
        Constraint c;
        c.type = Constraint::Type::ForeignKey;
        c.refSchema = QStringLiteral("main");
        const QString parent = context.relationNames.value(rows.first().table.toLower(), rows.first().table);
        c.refTable = parent;
        bool toPrimaryKey = false;
        for (const RawForeignKey &row : rows) {
            c.columns << row.from;
            toPrimaryKey = toPrimaryKey || row.to.isEmpty();
            c.refColumns << row.to;
        }
        if (toPrimaryKey)
            c.refColumns = context.primaryKeys.value(parent.toLower());
        c.onUpdate = rows.first().onUpdate.toUpper();
        c.onDelete = rows.first().onDelete.toUpper();
        const QString match = rows.first().match.toUpper();
        c.match = match == QLatin1String("NONE") || match.isEmpty() ? QStringLiteral("SIMPLE") : match;

        const QString key = lowerKey(c.columns, rows.first().table);
        for (qsizetype i = 0; i < declared.size(); ++i) {
            if (lowerKey(declared[i].columns, declared[i].refTable) == key) {
                c.name = declared[i].name;
                c.deferrable = declared[i].deferrable;
                c.initiallyDeferred = declared[i].initiallyDeferred;
                if (!declared[i].match.isEmpty())
                    c.match = declared[i].match;
                declared.removeAt(i);
                break;
            }
        }

        c.definition = QStringLiteral("FOREIGN KEY (%1) REFERENCES %2").arg(identifierList(c.columns), sqlIdentifier(parent));
        if (!c.refColumns.isEmpty())
            c.definition += QStringLiteral(" (%1)").arg(identifierList(c.refColumns));
        if (c.onUpdate != QLatin1String("NO ACTION"))
            c.definition += QStringLiteral(" ON UPDATE ") + c.onUpdate;
        if (c.onDelete != QLatin1String("NO ACTION"))
            c.definition += QStringLiteral(" ON DELETE ") + c.onDelete;
        if (c.match != QLatin1String("SIMPLE"))
            c.definition += QStringLiteral(" MATCH ") + c.match;
        if (c.deferrable)
            c.definition += c.initiallyDeferred ? QStringLiteral(" DEFERRABLE INITIALLY DEFERRED")
                                                : QStringLiteral(" DEFERRABLE INITIALLY IMMEDIATE");
        constraints.append(c);
    }
    return constraints;
}

QStringList keyColumns(const RawIndex &index)
{
    QStringList keys;
    for (const RawIndexColumn &col : index.columns) {
        if (col.key)
            keys << col.name;
    }
    return keys;
}

// The UNIQUE constraint names, matched to their automatic indexes by columns.
QString uniqueName(const ParsedTable &parsed, const QStringList &columns)
{
    const QString key = lowerKey(columns);
    for (const ParsedUnique &u : parsed.uniques) {
        if (lowerKey(u.columns) == key)
            return u.name;
    }
    return {};
}

Index buildIndex(const RawIndex &raw, const QString &primaryKeyName, const ParsedTable &parsed,
                 const DatabaseContext &context)
{
    Index index;
    index.name = raw.name;
    index.method = QStringLiteral("btree");
    index.unique = raw.unique;
    index.primary = raw.origin == QLatin1String("pk");
    index.definition = context.objectSql.value(raw.name);
    index.sizeBytes = context.btreeBytes.value(raw.name, -1);
    const ParsedIndex parsedIndex = index.definition.isEmpty() ? ParsedIndex{} : parseCreateIndex(index.definition);
    int position = 0;
    for (const RawIndexColumn &col : raw.columns) {
        if (!col.key)
            continue;
        // Expression keys have no name in the pragma: the CREATE INDEX text
        // lists keys in the same order.
        if (col.cid == -2)
            index.keys << parsedIndex.items.value(position);
        else
            index.keys << col.name;
        ++position;
    }
    if (raw.partial)
        index.predicate = parsedIndex.predicate;
    if (index.primary)
        index.constraintName = primaryKeyName;
    else if (raw.origin == QLatin1String("u"))
        index.constraintName = uniqueName(parsed, index.keys);
    return index;
}

} // namespace

QStringList primaryKeyColumns(const QList<RawColumn> &columns)
{
    std::map<int, QString> byOrder;
    for (const RawColumn &c : columns) {
        if (c.pk > 0)
            byOrder[c.pk] = c.name;
    }
    QStringList keys;
    for (const auto &[order, name] : byOrder) {
        Q_UNUSED(order);
        keys << name;
    }
    return keys;
}

Relation buildRelation(const RawRelation &raw, const DatabaseContext &context)
{
    Relation r = raw.relation;
    const bool table = r.kind == ObjectKind::Table;
    const ParsedTable parsed = table && !raw.isVirtual ? parseCreateTable(r.sql) : ParsedTable{};
    r.columns = buildColumns(raw, parsed);

    if (r.kind == ObjectKind::View) {
        r.viewDefinition = viewSelect(r.sql);
        for (const QString &name : referencedNames(r.viewDefinition)) {
            const QString stored = context.relationNames.value(name.toLower());
            const QualifiedName qualified{QStringLiteral("main"), stored};
            if (!stored.isEmpty() && stored != r.name && !r.dependsOn.contains(qualified))
                r.dependsOn << qualified;
        }
        std::sort(r.dependsOn.begin(), r.dependsOn.end());
        return r;
    }

    QStringList columnNames;
    for (const Column &c : r.columns)
        columnNames << c.name;

    const QStringList pk = primaryKeyColumns(raw.columns);
    if (!pk.isEmpty()) {
        Constraint c;
        c.type = Constraint::Type::PrimaryKey;
        c.name = parsed.primaryKeyName;
        c.columns = pk;
        c.definition = QStringLiteral("PRIMARY KEY (%1)").arg(identifierList(pk));
        r.constraints.append(c);
    }
    r.constraints.append(buildForeignKeys(raw, parsed, context));

    for (const RawIndex &ri : raw.indexes) {
        r.indexes.append(buildIndex(ri, parsed.primaryKeyName, parsed, context));
        if (ri.origin != QLatin1String("u"))
            continue;
        Constraint c;
        c.type = Constraint::Type::Unique;
        c.columns = keyColumns(ri);
        c.name = uniqueName(parsed, c.columns);
        c.definition = QStringLiteral("UNIQUE (%1)").arg(identifierList(c.columns));
        r.constraints.append(c);
    }
    std::sort(r.indexes.begin(), r.indexes.end(), [](const Index &a, const Index &b) { return a.name < b.name; });

    for (const ParsedCheck &check : parsed.checks) {
        Constraint c;
        c.type = Constraint::Type::Check;
        c.name = check.name;
        c.columns = identifiersIn(check.expression, columnNames);
        if (!check.column.isEmpty() && c.columns.isEmpty())
            c.columns << check.column;
        c.definition = QStringLiteral("CHECK (%1)").arg(check.expression);
        r.constraints.append(c);
    }

    if (context.btreeBytes.contains(r.name)) {
        r.tableBytes = context.btreeBytes.value(r.name);
        r.indexBytes = 0;
        for (const Index &index : std::as_const(r.indexes)) {
            // A WITHOUT ROWID table's primary key index is the table itself.
            if (index.sizeBytes > 0 && index.name != r.name)
                r.indexBytes += index.sizeBytes;
        }
    }
    return r;
}

Trigger buildTrigger(const QString &name, const QString &sql)
{
    const ParsedTrigger parsed = parseCreateTrigger(sql);
    Trigger t;
    t.name = name;
    t.timing = parsed.timing;
    if (!parsed.event.isEmpty())
        t.events << parsed.event;
    t.level = QStringLiteral("ROW");
    t.definition = sql;
    return t;
}

} // namespace tw::catalog::sqlite

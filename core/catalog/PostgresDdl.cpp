#include "PostgresDdl.h"

#include "DdlOrder.h"
#include "PostgresDdlText.h"
#include "PostgresIdentifiers.h"

#include <limits>
#include <optional>

namespace tw::catalog::pgddl {

using detail::kEnd;
using detail::kIndent;
using detail::statementText;

namespace {

// The catalog hands back names, never SQL text: a collation named `C.utf8`
// or `"C"); DROP TABLE x; --` is quoted like any other name (pg_dump writes
// COLLATE pg_catalog."C").
QString collateClause(const QString &schema, const QString &collation)
{
    if (collation.isEmpty())
        return {};
    return QStringLiteral(" COLLATE ") + pgQualified(schema, collation);
}

QString relationKeyword(const Relation &relation)
{
    switch (relation.kind) {
    case ObjectKind::View: return QStringLiteral("VIEW");
    case ObjectKind::MaterializedView: return QStringLiteral("MATERIALIZED VIEW");
    case ObjectKind::ForeignTable: return QStringLiteral("FOREIGN TABLE");
    default: return QStringLiteral("TABLE");
    }
}

struct SequenceDefaults
{
    qint64 minValue;
    qint64 maxValue;
};

// What CREATE SEQUENCE picks when an option is left out, so DDL names only
// the options somebody chose.
SequenceDefaults defaultsFor(const QString &dataType, qint64 increment)
{
    qint64 typeMin = std::numeric_limits<qint64>::min();
    qint64 typeMax = std::numeric_limits<qint64>::max();
    if (dataType == QLatin1String("integer")) {
        typeMin = std::numeric_limits<qint32>::min();
        typeMax = std::numeric_limits<qint32>::max();
    } else if (dataType == QLatin1String("smallint")) {
        typeMin = std::numeric_limits<qint16>::min();
        typeMax = std::numeric_limits<qint16>::max();
    }
    if (increment < 0)
        return {typeMin, -1};
    return {1, typeMax};
}

QStringList sequenceOptions(const Sequence &s)
{
    const SequenceDefaults d = defaultsFor(s.dataType.isEmpty() ? QStringLiteral("bigint") : s.dataType, s.increment);
    QStringList options;
    if (s.increment != 1)
        options << QStringLiteral("INCREMENT BY %1").arg(s.increment);
    if (s.minValue != d.minValue)
        options << QStringLiteral("MINVALUE %1").arg(s.minValue);
    if (s.maxValue != d.maxValue)
        options << QStringLiteral("MAXVALUE %1").arg(s.maxValue);
    // The default start is the minimum (ascending) or maximum (descending)
    // actually in force, not the type's.
    const qint64 defaultStart = s.increment < 0 ? s.maxValue : s.minValue;
    if (s.start != defaultStart)
        options << QStringLiteral("START WITH %1").arg(s.start);
    if (s.cache != 1)
        options << QStringLiteral("CACHE %1").arg(s.cache);
    if (s.cycle)
        options << QStringLiteral("CYCLE");
    return options;
}

const Sequence *identitySequence(const Snapshot &snapshot, const Relation &relation, const Column &column)
{
    for (const Sequence &s : snapshot.sequences) {
        if (s.identity && s.ownedByTable == relation.key() && s.ownedByColumn == column.name)
            return &s;
    }
    return nullptr;
}

QString foreignOptions(const QStringList &options)
{
    QStringList parts;
    for (const QString &option : options) {
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        parts << pgIdent(option.left(eq)) + QLatin1Char(' ') + pgLiteral(option.mid(eq + 1));
    }
    return parts.join(QStringLiteral(", "));
}

// What a column gets from where the table takes it (partition parent,
// INHERITS parent or type), before the table's own changes.
struct Inherited
{
    QString defaultValue;
    bool notNull = false;
    bool generated = false;           // a child may not repeat the expression
    bool conflictingDefaults = false; // CREATE fails unless the child names its own
};

std::optional<Inherited> inheritedColumn(const Snapshot &snapshot, const Relation &relation, const QString &name)
{
    if (relation.isPartition()) {
        const Relation *parent = snapshot.relation(relation.parentSchema, relation.parentTable);
        const Column *c = parent ? parent->column(name) : nullptr;
        return c ? std::optional<Inherited>(Inherited{c->defaultValue, c->notNull, !c->generated.isEmpty()})
                 : std::nullopt;
    }
    if (!relation.ofType.isEmpty())
        return Inherited{};      // every column of a typed table is the type's
    // PostgreSQL's MergeAttributes: the first parent default wins, two
    // different ones conflict; NOT NULL if any parent has it.
    std::optional<Inherited> found;
    for (const QualifiedName &p : relation.inherits) {
        const Relation *parent = snapshot.relation(p.schema, p.name);
        const Column *c = parent ? parent->column(name) : nullptr;
        if (!c)
            continue;
        if (!found)
            found = Inherited{};
        found->notNull = found->notNull || c->notNull;
        found->generated = found->generated || !c->generated.isEmpty();
        if (c->defaultValue.isEmpty() || !c->generated.isEmpty())
            continue;
        if (found->defaultValue.isEmpty())
            found->defaultValue = c->defaultValue;
        else if (found->defaultValue != c->defaultValue)
            found->conflictingDefaults = true;
    }
    return found;
}

// An INHERITS child declares a column its parents also have when it has
// one of its own (attislocal), as pg_dump does, and when the parents'
// defaults conflict: without the child's own default CREATE TABLE fails.
bool declaredWithParents(const Relation &relation, const Column &column, const Inherited &inherited)
{
    return !relation.isPartition() && relation.ofType.isEmpty() && (column.local || inherited.conflictingDefaults);
}

// What CREATE TABLE leaves a column with, before the fixes below.
std::optional<Inherited> createdColumn(const Snapshot &snapshot, const Relation &relation, const Column &column)
{
    std::optional<Inherited> created = inheritedColumn(snapshot, relation, column.name);
    if (!created || !declaredWithParents(relation, column, *created))
        return created;
    // DEFAULT NULL settles conflicting parents and stores no default.
    if (!column.defaultValue.isEmpty() || created->conflictingDefaults)
        created->defaultValue = column.defaultValue;
    created->notNull = created->notNull || column.notNull || !column.identity.isEmpty();
    return created;
}

// ALTER TABLE ONLY … ALTER COLUMN for the columns a table takes from its
// parent or type but changed (DEFAULT, NOT NULL), as pg_dump does.
QString inheritedColumnFixes(const Snapshot &snapshot, const Relation &relation)
{
    QString sql;
    const QString table = QStringLiteral("ALTER TABLE ONLY ") + pgQualified(relation.schema, relation.name);
    for (const Column &c : relation.columns) {
        const std::optional<Inherited> inherited = createdColumn(snapshot, relation, c);
        if (!inherited)
            continue;
        const QString column = QStringLiteral(" ALTER COLUMN ") + pgIdent(c.name);
        if (c.defaultValue != inherited->defaultValue && c.generated.isEmpty() && c.identity.isEmpty()) {
            sql += table + column
                   + (c.defaultValue.isEmpty() ? QStringLiteral(" DROP DEFAULT") : QStringLiteral(" SET DEFAULT ") + c.defaultValue)
                   + kEnd;
        }
        if (c.notNull && !inherited->notNull && c.identity.isEmpty())
            sql += table + column + QStringLiteral(" SET NOT NULL") + kEnd;
        // PostgreSQL 15 lets an INHERITS child drop a NOT NULL its parent
        // has (not a partition); CREATE TABLE … INHERITS brings it back.
        if (!c.notNull && inherited->notNull && !relation.isPartition() && relation.ofType.isEmpty())
            sql += table + column + QStringLiteral(" DROP NOT NULL") + kEnd;
    }
    return sql;
}

} // namespace

QString createSchema(const Schema &schema)
{
    // public exists in every new database.
    if (schema.name == QLatin1String("public"))
        return QStringLiteral("CREATE SCHEMA IF NOT EXISTS public") + kEnd;
    return QStringLiteral("CREATE SCHEMA ") + pgIdent(schema.name) + kEnd;
}

QString createExtension(const Extension &extension)
{
    QString sql = QStringLiteral("CREATE EXTENSION IF NOT EXISTS ") + pgIdent(extension.name);
    if (!extension.schema.isEmpty())
        sql += QStringLiteral(" WITH SCHEMA ") + pgIdent(extension.schema);
    if (!extension.version.isEmpty())
        sql += QStringLiteral(" VERSION ") + pgLiteral(extension.version);
    return sql + kEnd;
}

QString createEnum(const EnumType &type)
{
    QStringList labels;
    for (const QString &label : type.labels)
        labels << pgLiteral(label);
    return QStringLiteral("CREATE TYPE ") + pgQualified(type.schema, type.name) + QStringLiteral(" AS ENUM (")
           + labels.join(QStringLiteral(", ")) + QLatin1Char(')') + kEnd;
}

QString createDomain(const Domain &domain)
{
    const QString name = pgQualified(domain.schema, domain.name);
    QString sql = QStringLiteral("CREATE DOMAIN ") + name + QStringLiteral(" AS ") + domain.baseType
                  + collateClause(domain.collationSchema, domain.collation);
    if (!domain.defaultValue.isEmpty())
        sql += QStringLiteral("\n") + kIndent + QStringLiteral("DEFAULT ") + domain.defaultValue;
    if (domain.notNull)
        sql += QStringLiteral("\n") + kIndent + QStringLiteral("NOT NULL");
    QString later;
    for (const DomainCheck &check : domain.checks) {
        const QString constraint = QStringLiteral("CONSTRAINT ") + pgIdent(check.name) + QLatin1Char(' ') + check.definition;
        // CREATE DOMAIN takes no NOT VALID; ALTER DOMAIN does.
        if (check.definition.endsWith(QLatin1String(" NOT VALID")))
            later += QStringLiteral("ALTER DOMAIN ") + name + QStringLiteral(" ADD ") + constraint + kEnd;
        else
            sql += QStringLiteral("\n") + kIndent + constraint;
    }
    return sql + kEnd + later;
}

QString createComposite(const CompositeType &type)
{
    QStringList attributes;
    for (const CompositeAttribute &a : type.attributes)
        attributes << kIndent + pgIdent(a.name) + QLatin1Char(' ') + a.type + collateClause(a.collationSchema, a.collation);
    return QStringLiteral("CREATE TYPE ") + pgQualified(type.schema, type.name) + QStringLiteral(" AS (\n")
           + attributes.join(QStringLiteral(",\n")) + (attributes.isEmpty() ? QString() : QStringLiteral("\n"))
           + QLatin1Char(')') + kEnd;
}

QString createSequence(const Sequence &sequence)
{
    QString sql = QStringLiteral("CREATE SEQUENCE ") + pgQualified(sequence.schema, sequence.name);
    if (!sequence.dataType.isEmpty() && sequence.dataType != QLatin1String("bigint"))
        sql += QStringLiteral(" AS ") + sequence.dataType;
    const QStringList options = sequenceOptions(sequence);
    if (!options.isEmpty())
        sql += QStringLiteral("\n") + kIndent + options.join(QLatin1Char(' '));
    return sql + kEnd;
}

QString sequenceOwnedBy(const Snapshot &, const Sequence &sequence)
{
    if (sequence.ownedByTable.isEmpty() || sequence.ownedByColumn.isEmpty())
        return {};
    return QStringLiteral("ALTER SEQUENCE ") + pgQualified(sequence.schema, sequence.name) + QStringLiteral(" OWNED BY ")
           + pgQualified(sequence.ownedByTable.schema, sequence.ownedByTable.name) + QLatin1Char('.')
           + pgIdent(sequence.ownedByColumn)
           + kEnd;
}

QString createRoutine(const Routine &routine)
{
    return statementText(routine.definition) + kEnd;
}

QString createForeignServer(const Snapshot &snapshot, const Relation &relation)
{
    if (relation.foreignServer.isEmpty())
        return {};
    QString wrapper = relation.foreignDataWrapper;
    if (wrapper.isEmpty()) {
        // Contrib wrappers are named after their extension; take the only one.
        QStringList wrappers;
        for (const Extension &e : snapshot.extensions) {
            if (e.name.endsWith(QLatin1String("_fdw")))
                wrappers << e.name;
        }
        if (wrappers.size() != 1)
            return QStringLiteral("-- server %1: foreign-data wrapper unknown\n").arg(relation.foreignServer);
        wrapper = wrappers.first();
    }
    return QStringLiteral("CREATE SERVER IF NOT EXISTS ") + pgIdent(relation.foreignServer)
           + QStringLiteral(" FOREIGN DATA WRAPPER ") + pgIdent(wrapper) + kEnd;
}

QString identityClause(const Snapshot &snapshot, const Relation &relation, const Column &column)
{
    QString sql = QStringLiteral("GENERATED ") + column.identity.toUpper() + QStringLiteral(" AS IDENTITY");
    if (const Sequence *s = identitySequence(snapshot, relation, column)) {
        // The sequence's name is spelled out: PostgreSQL's choice depends
        // on which names are taken.
        QStringList options{QStringLiteral("SEQUENCE NAME ") + pgQualified(s->schema, s->name)};
        options << sequenceOptions(*s);
        sql += QStringLiteral(" (") + options.join(QLatin1Char(' ')) + QLatin1Char(')');
    }
    return sql;
}

QString columnDefinition(const Snapshot &snapshot, const Relation &relation, const Column &column)
{
    QString sql = pgIdent(column.name) + QLatin1Char(' ') + column.type + collateClause(column.collationSchema, column.collation);
    if (!column.generated.isEmpty())
        sql += QStringLiteral(" GENERATED ALWAYS AS (") + column.generated + QStringLiteral(") STORED");
    if (!column.identity.isEmpty())
        sql += QLatin1Char(' ') + identityClause(snapshot, relation, column);
    if (!column.defaultValue.isEmpty() && column.generated.isEmpty() && column.identity.isEmpty())
        sql += QStringLiteral(" DEFAULT ") + column.defaultValue;
    if (column.notNull)
        sql += QStringLiteral(" NOT NULL");
    return sql;
}

namespace {

// A column declared next to the same column of its INHERITS parents: the
// generation expression only comes from the parent (PostgreSQL refuses it
// on the child), and a child without a default of its own settles
// conflicting parents with DEFAULT NULL.
QString mergedColumnDefinition(const Snapshot &snapshot, const Relation &relation, const Column &column,
                               const Inherited &inherited)
{
    Column declared = column;
    if (inherited.generated) {
        declared.generated.clear();
        declared.defaultValue.clear();
    } else if (declared.defaultValue.isEmpty() && declared.identity.isEmpty() && inherited.conflictingDefaults) {
        declared.defaultValue = QStringLiteral("NULL");
    }
    return columnDefinition(snapshot, relation, declared);
}

} // namespace

bool isInlineConstraint(const Relation &relation, const Constraint &constraint)
{
    return constraint.type == Constraint::Type::Check && constraint.validated && !relation.isPartition()
           && !constraint.definition.endsWith(QLatin1String(" NOT VALID"));
}

QString createRelation(const Snapshot &snapshot, const Relation &relation)
{
    const QString name = pgQualified(relation.schema, relation.name);
    if (relation.kind == ObjectKind::View)
        return QStringLiteral("CREATE VIEW ") + name + QStringLiteral(" AS\n") + statementText(relation.viewDefinition) + kEnd;
    if (relation.kind == ObjectKind::MaterializedView) {
        // Schema only, as pg_dump -s: REFRESH MATERIALIZED VIEW fills it.
        return QStringLiteral("CREATE MATERIALIZED VIEW ") + name + QStringLiteral(" AS\n")
               + statementText(relation.viewDefinition) + QStringLiteral("\n  WITH NO DATA") + kEnd;
    }
    if (relation.isPartition()) {
        QString sql = QStringLiteral("CREATE TABLE ") + name + QStringLiteral(" PARTITION OF ")
                      + pgQualified(relation.parentSchema, relation.parentTable) + QStringLiteral("\n") + kIndent
                      + relation.partitionBound;
        if (!relation.partitionKey.isEmpty())
            sql += QStringLiteral("\nPARTITION BY ") + relation.partitionKey;
        return sql + kEnd + inheritedColumnFixes(snapshot, relation);
    }

    // Columns a parent or the type provides are not declared again unless
    // the table has them of its own too (attislocal): declaring them would
    // make them local, unlike the original.
    QStringList lines;
    for (const Column &c : relation.columns) {
        const std::optional<Inherited> inherited = inheritedColumn(snapshot, relation, c.name);
        if (!inherited)
            lines << kIndent + columnDefinition(snapshot, relation, c);
        else if (declaredWithParents(relation, c, *inherited))
            lines << kIndent + mergedColumnDefinition(snapshot, relation, c, *inherited);
    }
    // Likewise a CHECK both inherited and the table's own (conislocal):
    // declared with the same name, PostgreSQL merges the two.
    for (const Constraint &c : relation.constraints) {
        if (isInlineConstraint(relation, c) && (c.local || !inheritedFromParent(snapshot, relation, c)))
            lines << kIndent + QStringLiteral("CONSTRAINT ") + pgIdent(c.name) + QLatin1Char(' ') + c.definition;
    }
    QString sql = QStringLiteral("CREATE ") + (relation.unlogged ? QStringLiteral("UNLOGGED ") : QString())
                  + relationKeyword(relation) + QLatin1Char(' ') + name;
    if (!relation.ofType.isEmpty()) {
        sql += QStringLiteral(" OF ") + pgQualified(relation.ofType.schema, relation.ofType.name);
        if (!lines.isEmpty())
            sql += QStringLiteral(" (\n") + lines.join(QStringLiteral(",\n")) + QStringLiteral("\n)");
    } else {
        sql += QStringLiteral(" (\n") + lines.join(QStringLiteral(",\n")) + (lines.isEmpty() ? QString() : QStringLiteral("\n"))
               + QLatin1Char(')');
    }
    if (!relation.inherits.isEmpty()) {
        QStringList parents;
        for (const QualifiedName &p : relation.inherits)
            parents << pgQualified(p.schema, p.name);
        sql += QStringLiteral("\nINHERITS (") + parents.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (relation.kind == ObjectKind::ForeignTable) {
        sql += QStringLiteral("\nSERVER ") + pgIdent(relation.foreignServer);
        const QString options = foreignOptions(relation.foreignOptions);
        if (!options.isEmpty())
            sql += QStringLiteral("\nOPTIONS (") + options + QLatin1Char(')');
    }
    if (!relation.partitionKey.isEmpty())
        sql += QStringLiteral("\nPARTITION BY ") + relation.partitionKey;
    return sql + kEnd + inheritedColumnFixes(snapshot, relation);
}

QString addConstraint(const Relation &relation, const Constraint &constraint)
{
    const bool only = constraint.type == Constraint::Type::PrimaryKey || constraint.type == Constraint::Type::Unique
                      || constraint.type == Constraint::Type::Exclusion;
    return QStringLiteral("ALTER TABLE ") + (only ? QStringLiteral("ONLY ") : QString())
           + pgQualified(relation.schema, relation.name) + QStringLiteral("\n") + kIndent
           + QStringLiteral("ADD CONSTRAINT ") + pgIdent(constraint.name) + QLatin1Char(' ') + constraint.definition
           + kEnd;
}

QString createIndex(const Index &index)
{
    return statementText(index.definition) + kEnd;
}

QString attachIndex(const Relation &parentTable, const Index &parentIndex, const Relation &child,
                    const Index &childIndex)
{
    return QStringLiteral("ALTER INDEX ") + pgQualified(parentTable.schema, parentIndex.name)
           + QStringLiteral(" ATTACH PARTITION ") + pgQualified(child.schema, childIndex.name) + kEnd;
}

// createTrigger: PostgresTriggerDdl.cpp; rowSecurity, createPolicy: PostgresSecurityDdl.cpp.

QString commentOn(const QString &what, const QString &comment)
{
    return QStringLiteral("COMMENT ON ") + what + QStringLiteral(" IS ") + pgLiteral(comment) + kEnd;
}

QString routineTarget(const Routine &routine)
{
    return (routine.kind == ObjectKind::Procedure ? QStringLiteral("PROCEDURE ") : QStringLiteral("FUNCTION "))
           + pgQualified(routine.schema, routine.name) + QLatin1Char('(') + routine.identityArguments + QLatin1Char(')');
}

QStringList relationComments(const Relation &relation)
{
    QStringList sql;
    const QString name = pgQualified(relation.schema, relation.name);
    if (!relation.comment.isEmpty())
        sql << commentOn(relationKeyword(relation) + QLatin1Char(' ') + name, relation.comment);
    for (const Column &c : relation.columns) {
        if (!c.comment.isEmpty())
            sql << commentOn(QStringLiteral("COLUMN ") + name + QLatin1Char('.') + pgIdent(c.name), c.comment);
    }
    for (const Constraint &c : relation.constraints) {
        if (!c.comment.isEmpty())
            sql << commentOn(QStringLiteral("CONSTRAINT ") + pgIdent(c.name) + QStringLiteral(" ON ") + name, c.comment);
    }
    for (const Index &i : relation.indexes) {
        if (!i.comment.isEmpty())
            sql << commentOn(QStringLiteral("INDEX ") + pgQualified(relation.schema, i.name), i.comment);
    }
    for (const Trigger &t : relation.triggers) {
        if (!t.comment.isEmpty())
            sql << commentOn(QStringLiteral("TRIGGER ") + pgIdent(t.name) + QStringLiteral(" ON ") + name, t.comment);
    }
    for (const Policy &p : relation.policies) {
        if (!p.comment.isEmpty())
            sql << commentOn(QStringLiteral("POLICY ") + pgIdent(p.name) + QStringLiteral(" ON ") + name, p.comment);
    }
    return sql;
}

} // namespace tw::catalog::pgddl

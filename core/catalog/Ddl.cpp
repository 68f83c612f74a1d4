#include "Ddl.h"

#include "CatalogService.h"
#include "PostgresDdl.h"
#include "PostgresIdentifiers.h"
#include "PostgresScript.h"
#include "SqliteDdl.h"

namespace tw::catalog {

namespace {

using namespace pgddl;

bool isRelationKind(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Table:
    case ObjectKind::PartitionedTable:
    case ObjectKind::View:
    case ObjectKind::MaterializedView:
    case ObjectKind::ForeignTable:
        return true;
    default:
        return false;
    }
}

QString kindText(ObjectKind kind)
{
    return objectKindName(kind).replace(QLatin1Char('_'), QLatin1Char(' '));
}

// `name` is shown; `query` (default: name) is matched against the candidates.
Error notFound(ObjectKind kind, const QString &name, const QStringList &candidates, const QString &query = {})
{
    return notFoundError(QStringLiteral("%1 '%2' not found").arg(kindText(kind), name),
                         {{QStringLiteral("kind"), objectKindName(kind)}, {QStringLiteral("object"), name}},
                         query.isEmpty() ? name : query, candidates);
}

// An empty schema matches any: `schema --object orders` needs no "public.".
bool schemaMatches(const QString &wanted, const QString &actual)
{
    return wanted.isEmpty() || wanted == actual;
}

template<typename T>
const T *findNamed(const QList<T> &list, const QString &schema, const QString &name)
{
    for (const T &object : list) {
        if (object.name == name && schemaMatches(schema, object.schema))
            return &object;
    }
    return nullptr;
}

template<typename T>
const T *findByName(const QList<T> &list, const QString &name)
{
    for (const T &object : list) {
        if (object.name == name)
            return &object;
    }
    return nullptr;
}

template<typename T>
QStringList qualifiedNames(const QList<T> &list)
{
    QStringList names;
    for (const T &object : list)
        names << QualifiedName{object.schema, object.name}.displayName();
    return names;
}

template<typename T>
QStringList partNames(const QList<T> &parts)
{
    QStringList names;
    for (const T &p : parts)
        names << p.name;
    return names;
}

const Relation *findOwner(const Snapshot &snapshot, const QualifiedName &table)
{
    return table.isEmpty() ? nullptr : snapshot.relation(table.schema, table.name);
}

QString withComment(QString sql, const QString &target, const QString &comment)
{
    if (!comment.isEmpty())
        sql += QLatin1Char('\n') + commentOn(target, comment);
    return sql;
}

Result<QString> postgresPartDdl(const Snapshot &snapshot, const Relation &relation, const ObjectRef &ref)
{
    const QString table = pgQualified(relation.schema, relation.name);
    const QString where = relation.qualifiedName() + QLatin1Char('.') + ref.name;
    switch (ref.kind) {
    case ObjectKind::Column:
        for (const Column &c : relation.columns) {
            if (c.name == ref.name) {
                return withComment(QStringLiteral("ALTER TABLE ") + table + QStringLiteral(" ADD COLUMN ")
                                       + columnDefinition(snapshot, relation, c) + QStringLiteral(";\n"),
                                   QStringLiteral("COLUMN ") + table + QLatin1Char('.') + pgIdent(c.name), c.comment);
            }
        }
        return notFound(ref.kind, where, partNames(relation.columns), ref.name);
    case ObjectKind::Constraint:
        for (const Constraint &c : relation.constraints) {
            if (c.name == ref.name) {
                return withComment(addConstraint(relation, c),
                                   QStringLiteral("CONSTRAINT ") + pgIdent(c.name) + QStringLiteral(" ON ") + table, c.comment);
            }
        }
        return notFound(ref.kind, where, partNames(relation.constraints), ref.name);
    case ObjectKind::Index:
        for (const Index &i : relation.indexes) {
            if (i.name != ref.name)
                continue;
            QString sql = createIndex(i);
            // A constraint's index is made by the constraint.
            for (const Constraint &c : relation.constraints) {
                if (!i.constraintName.isEmpty() && c.name == i.constraintName)
                    sql = addConstraint(relation, c);
            }
            return withComment(sql, QStringLiteral("INDEX ") + pgQualified(relation.schema, i.name), i.comment);
        }
        return notFound(ref.kind, where, partNames(relation.indexes), ref.name);
    case ObjectKind::Trigger:
        for (const Trigger &t : relation.triggers) {
            if (t.name == ref.name) {
                return withComment(createTrigger(relation, t),
                                   QStringLiteral("TRIGGER ") + pgIdent(t.name) + QStringLiteral(" ON ") + table, t.comment);
            }
        }
        return notFound(ref.kind, where, partNames(relation.triggers), ref.name);
    default:
        break;
    }
    return notFound(ref.kind, where, {});
}

Result<QString> postgresRoutineDdl(const Snapshot &snapshot, const ObjectRef &ref)
{
    QStringList statements;
    const QString compact = QString(ref.name).remove(QLatin1Char(' '));
    for (const Routine &r : snapshot.routines) {
        if (!schemaMatches(ref.schema, r.schema))
            continue;
        // "f(a integer)" is one routine; "f" is every overload.
        if (QString(r.signature()).remove(QLatin1Char(' ')) == compact || r.name == ref.name)
            statements << withComment(createRoutine(r), routineTarget(r), r.comment);
    }
    if (!statements.isEmpty())
        return statements.join(QLatin1Char('\n'));
    QStringList candidates;
    for (const Routine &r : snapshot.routines)
        candidates << r.schema + QLatin1Char('.') + r.signature();
    return notFound(ref.kind, QualifiedName{ref.schema, ref.name}.displayName(), candidates);
}

Result<QString> postgresObjectDdl(const Snapshot &snapshot, const ObjectRef &ref)
{
    const QString name = QualifiedName{ref.schema, ref.name}.displayName();
    switch (ref.kind) {
    case ObjectKind::Schema: {
        const QString schema = ref.name.isEmpty() ? ref.schema : ref.name;
        if (const Schema *s = findByName(snapshot.schemas, schema))
            return withComment(createSchema(*s), QStringLiteral("SCHEMA ") + pgIdent(s->name), s->comment);
        return notFound(ref.kind, schema, partNames(snapshot.schemas));
    }
    case ObjectKind::Extension:
        if (const Extension *e = findByName(snapshot.extensions, ref.name))
            return withComment(createExtension(*e), QStringLiteral("EXTENSION ") + pgIdent(e->name), e->comment);
        return notFound(ref.kind, ref.name, partNames(snapshot.extensions));
    case ObjectKind::EnumType:
        if (const EnumType *t = findNamed(snapshot.enums, ref.schema, ref.name))
            return withComment(createEnum(*t), QStringLiteral("TYPE ") + pgQualified(t->schema, t->name), t->comment);
        return notFound(ref.kind, name, qualifiedNames(snapshot.enums));
    case ObjectKind::Domain:
        if (const Domain *d = findNamed(snapshot.domains, ref.schema, ref.name))
            return withComment(createDomain(*d), QStringLiteral("DOMAIN ") + pgQualified(d->schema, d->name), d->comment);
        return notFound(ref.kind, name, qualifiedNames(snapshot.domains));
    case ObjectKind::CompositeType:
        if (const CompositeType *t = findNamed(snapshot.composites, ref.schema, ref.name))
            return withComment(createComposite(*t), QStringLiteral("TYPE ") + pgQualified(t->schema, t->name), t->comment);
        return notFound(ref.kind, name, qualifiedNames(snapshot.composites));
    case ObjectKind::Sequence:
        if (const Sequence *s = findNamed(snapshot.sequences, ref.schema, ref.name)) {
            QString sql = createSequence(*s) + sequenceOwnedBy(snapshot, *s);
            // An identity column's sequence is made by the column.
            const Relation *owner = s->identity ? findOwner(snapshot, s->ownedByTable) : nullptr;
            if (const Column *c = owner ? owner->column(s->ownedByColumn) : nullptr) {
                sql = QStringLiteral("ALTER TABLE ") + pgQualified(owner->schema, owner->name) + QStringLiteral(" ALTER COLUMN ")
                      + pgIdent(c->name) + QStringLiteral(" ADD ") + identityClause(snapshot, *owner, *c) + QStringLiteral(";\n");
            }
            return withComment(sql, QStringLiteral("SEQUENCE ") + pgQualified(s->schema, s->name), s->comment);
        }
        return notFound(ref.kind, name, qualifiedNames(snapshot.sequences));
    case ObjectKind::Function:
    case ObjectKind::Procedure:
        return postgresRoutineDdl(snapshot, ref);
    default:
        break;
    }
    if (isRelationKind(ref.kind)) {
        if (const Relation *r = findNamed(snapshot.relations, ref.schema, ref.name))
            return relationScript(snapshot, *r);
        return notFound(ref.kind, name, qualifiedNames(snapshot.relations));
    }
    // Columns, constraints, indexes and triggers are named within their relation.
    const Relation *relation = findNamed(snapshot.relations, ref.schema, ref.parent);
    if (!relation)
        return notFound(ObjectKind::Table, QualifiedName{ref.schema, ref.parent}.displayName(), qualifiedNames(snapshot.relations));
    return postgresPartDdl(snapshot, *relation, ref);
}

Result<QString> sqliteObjectDdl(const Snapshot &snapshot, const ObjectRef &ref)
{
    const bool isPart = !isRelationKind(ref.kind);
    const QString relationName = isPart ? ref.parent : ref.name;
    const Relation *relation = findNamed(snapshot.relations, ref.schema, relationName);
    if (!relation) {
        return notFound(isPart ? ObjectKind::Table : ref.kind, QualifiedName{ref.schema, relationName}.displayName(),
                        qualifiedNames(snapshot.relations));
    }
    switch (ref.kind) {
    case ObjectKind::Index:
        for (const Index &i : relation->indexes) {
            // Automatic indexes have no statement: the table's makes them.
            if (i.name == ref.name)
                return i.definition.isEmpty() ? sqliteddl::statement(relation->sql) : sqliteddl::statement(i.definition);
        }
        return notFound(ref.kind, relation->qualifiedName() + QLatin1Char('.') + ref.name, partNames(relation->indexes), ref.name);
    case ObjectKind::Trigger:
        for (const Trigger &t : relation->triggers) {
            if (t.name == ref.name)
                return sqliteddl::statement(t.definition);
        }
        return notFound(ref.kind, relation->qualifiedName() + QLatin1Char('.') + ref.name, partNames(relation->triggers), ref.name);
    case ObjectKind::Column:
        if (!relation->column(ref.name))
            return notFound(ref.kind, relation->qualifiedName() + QLatin1Char('.') + ref.name, partNames(relation->columns), ref.name);
        // A column or constraint is a part of the table's one statement.
        return sqliteddl::statement(relation->sql);
    case ObjectKind::Constraint:
        return sqliteddl::statement(relation->sql);
    default:
        return sqliteddl::relationScript(*relation);
    }
}

} // namespace

Result<QString> objectDdl(const Snapshot &snapshot, const ObjectRef &ref)
{
    if (snapshot.driver == config::Driver::Postgres)
        return postgresObjectDdl(snapshot, ref);
    return sqliteObjectDdl(snapshot, ref);
}

Result<QString> schemaDdl(const Snapshot &snapshot, const QString &schema)
{
    QStringList known = partNames(snapshot.schemas);
    for (const Relation &r : snapshot.relations) {
        if (!known.contains(r.schema))
            known << r.schema;
    }
    if (!known.contains(schema))
        return notFound(ObjectKind::Schema, schema, known);
    if (snapshot.driver == config::Driver::Postgres)
        return scopeScript(snapshot, [&schema](const QString &s) { return s == schema; });
    return sqliteddl::scopeScript(snapshot, schema);
}

QString databaseDdl(const Snapshot &snapshot)
{
    if (snapshot.driver == config::Driver::Postgres)
        return scopeScript(snapshot, [](const QString &) { return true; });
    return sqliteddl::scopeScript(snapshot);
}

} // namespace tw::catalog

#include "PostgresScript.h"

#include "DdlOrder.h"
#include "PostgresDdl.h"
#include "PostgresIdentifiers.h"

#include <QSet>

namespace tw::catalog::pgddl {

namespace {

bool isTableKind(ObjectKind kind)
{
    return kind == ObjectKind::Table || kind == ObjectKind::PartitionedTable || kind == ObjectKind::ForeignTable;
}

// Statements grouped by the phase they run in; a phase's statements are
// independent of each other's order (except tables and views, ordered on
// the way in).
struct Script
{
    QStringList schemas, extensions, types, sequences, routines, servers, tables, lateRoutines, views,
        indexes, constraints, attachments, foreignKeys, triggers, security, ownership, comments;

    QString text(bool withHeader) const
    {
        QStringList out;
        if (withHeader) {
            // As pg_dump: a SQL function may name a table created further down.
            out << QStringLiteral("SET check_function_bodies = false;\n");
        }
        for (const QStringList *phase : {&schemas, &extensions, &types, &sequences, &routines, &servers, &tables,
                                         &lateRoutines, &views, &indexes, &constraints, &attachments, &foreignKeys,
                                         &triggers, &security, &ownership, &comments}) {
            for (const QString &statement : *phase) {
                if (!statement.isEmpty())
                    out << statement;
            }
        }
        return out.join(QLatin1Char('\n'));
    }
};

void addComment(Script &script, const QString &target, const QString &comment)
{
    if (!comment.isEmpty())
        script.comments << commentOn(target, comment);
}

// Enums, domains and composites: CREATE and COMMENT ON TYPE|DOMAIN.
template<typename T>
void addTypes(Script &script, const QList<T> &types, const std::function<bool(const QString &)> &inScope,
              QString (*create)(const T &), const QString &keyword)
{
    for (const T &t : types) {
        if (!inScope(t.schema))
            continue;
        script.types << create(t);
        addComment(script, keyword + pgQualified(t.schema, t.name), t.comment);
    }
}

// An identity sequence is created by its column; its comment is still ours.
void addSequence(Script &script, const Snapshot &snapshot, const Sequence &s)
{
    if (!s.identity) {
        script.sequences << createSequence(s);
        script.ownership << sequenceOwnedBy(snapshot, s);
    }
    addComment(script, QStringLiteral("SEQUENCE ") + pgQualified(s.schema, s.name), s.comment);
}

enum class Mode {
    Everything,   // the parents' and partitions' parts are all in the same script
    Standalone,   // one relation into a database that has its parent already
};

void addRelationParts(Script &script, const Snapshot &snapshot, const Relation &relation, Mode mode)
{
    // In a standalone partition PARTITION OF creates the attached indexes
    // and the constraints behind them; in a whole script they are created
    // by name and attached, so their names survive.
    QSet<QString> automatic;
    const QList<IndexAttachment> attachments = indexAttachments(snapshot, relation);
    for (const IndexAttachment &a : attachments) {
        if (mode == Mode::Standalone) {
            automatic.insert(a.childIndex->name);
            if (!a.childIndex->constraintName.isEmpty())
                automatic.insert(a.childIndex->constraintName);
        } else {
            // Deepest level first (inserted in front: partitions come after
            // their parents), so a sub-partitioned level is complete before
            // it is attached to the level above.
            script.attachments.prepend(attachIndex(*a.parentTable, *a.parentIndex, relation, *a.childIndex));
        }
    }
    for (const Index &index : relation.indexes) {
        if (index.constraintName.isEmpty() && !automatic.contains(index.name))
            script.indexes << createIndex(index);
    }
    QSet<QString> seen;
    for (const Constraint &c : relation.constraints) {
        if (isInlineConstraint(relation, c) || automatic.contains(c.name) || inheritedFromParent(snapshot, relation, c))
            continue;
        // The same name twice is one constraint listed per referenced partition.
        if (seen.contains(c.name))
            continue;
        seen.insert(c.name);
        (c.type == Constraint::Type::ForeignKey ? script.foreignKeys : script.constraints) << addConstraint(relation, c);
    }
    for (const Trigger &t : relation.triggers) {
        if (!inheritedFromParent(snapshot, relation, t))
            script.triggers << createTrigger(relation, t);
    }
    // Policies may read other tables and call routines: after everything.
    script.security << rowSecurity(relation);
    for (const Policy &p : relation.policies)
        script.security << createPolicy(relation, p);
    script.comments << relationComments(relation);
}

} // namespace

QString scopeScript(const Snapshot &snapshot, const std::function<bool(const QString &)> &inScope)
{
    Script script;
    for (const Schema &s : snapshot.schemas) {
        if (!inScope(s.name))
            continue;
        script.schemas << createSchema(s);
        addComment(script, QStringLiteral("SCHEMA ") + pgIdent(s.name), s.comment);
    }
    for (const Extension &e : snapshot.extensions) {
        if (!inScope(e.schema))
            continue;
        script.extensions << createExtension(e);
        addComment(script, QStringLiteral("EXTENSION ") + pgIdent(e.name), e.comment);
    }
    // Enums and domains before composites: an attribute may be of either.
    addTypes(script, snapshot.enums, inScope, &createEnum, QStringLiteral("TYPE "));
    addTypes(script, snapshot.domains, inScope, &createDomain, QStringLiteral("DOMAIN "));
    addTypes(script, snapshot.composites, inScope, &createComposite, QStringLiteral("TYPE "));
    // Serial sequences too: the column's DEFAULT nextval(…) needs them
    // before the table, which must exist before OWNED BY.
    for (const Sequence &s : snapshot.sequences) {
        if (inScope(s.schema))
            addSequence(script, snapshot, s);
    }
    for (const Routine &r : snapshot.routines) {
        if (!inScope(r.schema))
            continue;
        (routineNeedsTables(snapshot, r) ? script.lateRoutines : script.routines) << createRoutine(r);
        addComment(script, routineTarget(r), r.comment);
    }

    QList<const Relation *> tables;
    QList<const Relation *> views;
    for (const Relation &r : snapshot.relations) {
        if (inScope(r.schema))
            (isTableKind(r.kind) ? tables : views) << &r;
    }
    tables = tablesInCreationOrder(tables);
    views = viewsInCreationOrder(views);
    QSet<QString> servers;
    for (const Relation *r : std::as_const(tables)) {
        if (r->kind == ObjectKind::ForeignTable && !servers.contains(r->foreignServer)) {
            servers.insert(r->foreignServer);
            script.servers << createForeignServer(snapshot, *r);
        }
        script.tables << createRelation(snapshot, *r);
    }
    for (const Relation *r : std::as_const(views))
        script.views << createRelation(snapshot, *r);
    for (const Relation *r : tables + views)
        addRelationParts(script, snapshot, *r, Mode::Everything);
    return script.text(true);
}

QString relationScript(const Snapshot &snapshot, const Relation &relation)
{
    Script script;
    for (const Sequence &s : snapshot.sequences) {
        if (s.ownedByTable == relation.key())
            addSequence(script, snapshot, s);
    }
    if (relation.kind == ObjectKind::ForeignTable)
        script.servers << createForeignServer(snapshot, relation);
    script.tables << createRelation(snapshot, relation);
    addRelationParts(script, snapshot, relation, Mode::Standalone);
    return script.text(false);
}

} // namespace tw::catalog::pgddl

#include "DdlOrder.h"

#include "PostgresIdentifiers.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace tw::catalog {

namespace {

// The partition's ancestors, nearest first; stops at a missing parent and
// at a (corrupt) loop.
QList<const Relation *> ancestors(const Snapshot &snapshot, const Relation &relation)
{
    QList<const Relation *> chain;
    const Relation *current = partitionParent(snapshot, relation);
    while (current && !chain.contains(current) && current != &relation) {
        chain << current;
        current = partitionParent(snapshot, *current);
    }
    return chain;
}

// The INHERITS ancestors (not partitioning), breadth first; stops at
// missing parents and at a (corrupt) loop.
QList<const Relation *> inheritanceAncestors(const Snapshot &snapshot, const Relation &relation)
{
    QList<const Relation *> chain;
    QList<const Relation *> queue{&relation};
    for (qsizetype i = 0; i < queue.size(); ++i) {
        for (const QualifiedName &p : queue.at(i)->inherits) {
            const Relation *parent = snapshot.relation(p.schema, p.name);
            if (parent && parent != &relation && !chain.contains(parent)) {
                chain << parent;
                queue << parent;
            }
        }
    }
    return chain;
}

bool sameShape(const Index &a, const Index &b)
{
    return a.method == b.method && a.unique == b.unique && a.primary == b.primary && a.keys == b.keys
           && a.include == b.include && a.predicate == b.predicate
           && a.constraintName.isEmpty() == b.constraintName.isEmpty();
}

} // namespace

QList<const Relation *> tablesInCreationOrder(const QList<const Relation *> &tables)
{
    QHash<QualifiedName, const Relation *> byKey;
    for (const Relation *r : tables)
        byKey.insert(r->key(), r);
    QList<const Relation *> ordered;
    QSet<const Relation *> placed;
    std::function<void(const Relation *, int)> place = [&](const Relation *r, int depth) {
        if (placed.contains(r) || depth > tables.size())
            return;
        if (r->isPartition()) {
            if (const Relation *parent = byKey.value(QualifiedName{r->parentSchema, r->parentTable}))
                place(parent, depth + 1);
        }
        for (const QualifiedName &p : r->inherits) {
            if (const Relation *parent = byKey.value(p))
                place(parent, depth + 1);
        }
        if (!placed.contains(r)) {
            placed.insert(r);
            ordered << r;
        }
    };
    for (const Relation *r : tables)
        place(r, 0);
    return ordered;
}

QList<const Relation *> viewsInCreationOrder(const QList<const Relation *> &views)
{
    QHash<QualifiedName, const Relation *> byKey;
    for (const Relation *r : views)
        byKey.insert(r->key(), r);
    QList<const Relation *> ordered;
    QSet<const Relation *> placed;
    QSet<const Relation *> visiting;
    // Depth-first: a view goes in once everything it reads is in. The
    // catalog cannot hold a cycle; `visiting` only keeps a corrupt snapshot
    // from recursing forever.
    std::function<void(const Relation *)> place = [&](const Relation *r) {
        if (placed.contains(r) || visiting.contains(r))
            return;
        visiting.insert(r);
        for (const QualifiedName &dependency : r->dependsOn) {
            if (const Relation *d = byKey.value(dependency))
                place(d);
        }
        visiting.remove(r);
        placed.insert(r);
        ordered << r;
    };
    for (const Relation *r : views)
        place(r);
    return ordered;
}

const Relation *partitionParent(const Snapshot &snapshot, const Relation &relation)
{
    if (!relation.isPartition())
        return nullptr;
    return snapshot.relation(relation.parentSchema, relation.parentTable);
}

bool inheritedFromParent(const Snapshot &snapshot, const Relation &relation, const Constraint &constraint)
{
    if (constraint.type != Constraint::Type::Check && constraint.type != Constraint::Type::ForeignKey)
        return false;
    if (constraint.type == Constraint::Type::ForeignKey) {
        // A foreign key to a partitioned table comes with one hidden copy
        // per referenced partition on the same table.
        const Relation *referenced = snapshot.relation(constraint.refSchema, constraint.refTable);
        const QList<const Relation *> referencedAncestors =
            referenced ? ancestors(snapshot, *referenced) : QList<const Relation *>();
        for (const Constraint &c : relation.constraints) {
            if (&c == &constraint || c.type != Constraint::Type::ForeignKey || c.columns != constraint.columns)
                continue;
            for (const Relation *a : referencedAncestors) {
                if (a->schema == c.refSchema && a->name == c.refTable)
                    return true;
            }
        }
    }
    // INHERITS passes CHECKs down (except NO INHERIT ones), not foreign keys.
    QList<const Relation *> from = ancestors(snapshot, relation);
    if (constraint.type == Constraint::Type::Check) {
        for (const Relation *a : inheritanceAncestors(snapshot, relation)) {
            if (!from.contains(a))
                from << a;
        }
    }
    for (const Relation *ancestor : std::as_const(from)) {
        for (const Constraint &c : ancestor->constraints) {
            if (c.type != constraint.type)
                continue;
            if (c.definition.endsWith(QLatin1String(" NO INHERIT")))
                continue;
            if (c.name == constraint.name)
                return true;
            // A cloned foreign key is renamed when its name is taken.
            if (c.type == Constraint::Type::ForeignKey && c.definition == constraint.definition)
                return true;
        }
    }
    return false;
}

bool inheritedFromParent(const Snapshot &snapshot, const Relation &relation, const Trigger &trigger)
{
    for (const Relation *ancestor : ancestors(snapshot, relation)) {
        for (const Trigger &t : ancestor->triggers) {
            if (t.name == trigger.name)
                return true;
        }
    }
    return false;
}

QList<IndexAttachment> indexAttachments(const Snapshot &snapshot, const Relation &partition)
{
    QList<IndexAttachment> attachments;
    const Relation *parent = partitionParent(snapshot, partition);
    if (!parent)
        return attachments;
    QSet<const Index *> usedParents;
    QSet<const Index *> usedChildren;
    // First what the loader knows exactly, then the same-shape rule for
    // the rest, so one parent index is never attached twice.
    for (const Index &child : partition.indexes) {
        if (child.parentIndex.isEmpty())
            continue;
        for (const Index &p : parent->indexes) {
            if (QualifiedName{parent->schema, p.name} == child.parentIndex && !usedParents.contains(&p)) {
                attachments.append({parent, &p, &child});
                usedParents.insert(&p);
                usedChildren.insert(&child);
                break;
            }
        }
    }
    for (const Index &child : partition.indexes) {
        if (usedChildren.contains(&child) || !child.parentIndex.isEmpty())
            continue;
        for (const Index &p : parent->indexes) {
            if (!usedParents.contains(&p) && sameShape(p, child)) {
                attachments.append({parent, &p, &child});
                usedParents.insert(&p);
                usedChildren.insert(&child);
                break;
            }
        }
    }
    return attachments;
}

bool routineNeedsTables(const Snapshot &snapshot, const Routine &routine)
{
    if (routine.language == QLatin1String("sql") && !routine.definition.isEmpty()
        && !routine.definition.contains(QLatin1String("\nAS ")))
        return true;
    const QString types = routine.arguments + QLatin1Char(',') + routine.returns;
    for (const Relation &r : snapshot.relations) {
        QStringList spellings{pgQualified(r.schema, r.name)};
        // format_type() leaves out schemas on the search path; only public
        // is on it by default.
        if (r.schema == QLatin1String("public"))
            spellings << pgIdent(r.name);
        for (const QString &spelling : spellings) {
            const QRegularExpression word(QStringLiteral("(^|[\\s(,])") + QRegularExpression::escape(spelling)
                                          + QStringLiteral("($|[\\s),\\[])"));
            if (types.contains(word))
                return true;
        }
    }
    return false;
}

} // namespace tw::catalog

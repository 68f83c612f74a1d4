#pragma once

#include "Snapshot.h"

#include <QStringList>

namespace tw::catalog::pgddl {

// One PostgreSQL statement (or a few that belong together) per function,
// each ending with ";\n". Ddl.cpp decides what to emit and in which order.

QString createSchema(const Schema &schema);
QString createExtension(const Extension &extension);
QString createEnum(const EnumType &type);
QString createDomain(const Domain &domain);
QString createComposite(const CompositeType &type);
QString createSequence(const Sequence &sequence);
// ALTER SEQUENCE … OWNED BY; empty for a free-standing sequence.
QString sequenceOwnedBy(const Snapshot &snapshot, const Sequence &sequence);
QString createRoutine(const Routine &routine);
// CREATE SERVER IF NOT EXISTS for a foreign table's server.
QString createForeignServer(const Snapshot &snapshot, const Relation &relation);

// CREATE TABLE / VIEW / MATERIALIZED VIEW / FOREIGN TABLE. Tables carry
// their validated CHECKs inline; a partition is created PARTITION OF its
// parent, an inheritance child INHERITS (…) its parents and a typed table
// OF its type, without the columns and CHECKs those give it, followed by
// the column defaults and NOT NULLs it has of its own.
QString createRelation(const Snapshot &snapshot, const Relation &relation);
// "GENERATED ALWAYS|BY DEFAULT AS IDENTITY (SEQUENCE NAME … options)".
QString identityClause(const Snapshot &snapshot, const Relation &relation, const Column &column);
// "name type …" as in CREATE TABLE and ALTER TABLE … ADD COLUMN.
QString columnDefinition(const Snapshot &snapshot, const Relation &relation, const Column &column);

// Whether createRelation() already wrote this constraint inline.
bool isInlineConstraint(const Relation &relation, const Constraint &constraint);
// ALTER TABLE [ONLY] … ADD CONSTRAINT. Primary keys, unique and exclusion
// constraints use ONLY so each partition gets its own, named one (attached
// with attachIndex), as pg_dump does; checks and foreign keys recurse.
QString addConstraint(const Relation &relation, const Constraint &constraint);
QString createIndex(const Index &index);
QString attachIndex(const Relation &parentTable, const Index &parentIndex, const Relation &child,
                    const Index &childIndex);
// CREATE TRIGGER, and ALTER TABLE … DISABLE TRIGGER / ENABLE ALWAYS|REPLICA
// TRIGGER when it does not fire the default way.
QString createTrigger(const Relation &relation, const Trigger &trigger);
// ALTER TABLE … ENABLE / FORCE ROW LEVEL SECURITY; empty when off.
QString rowSecurity(const Relation &relation);
QString createPolicy(const Relation &relation, const Policy &policy);

// COMMENT ON statements of a relation, its columns, constraints, indexes and triggers.
QStringList relationComments(const Relation &relation);
QString commentOn(const QString &what, const QString &comment);   // what: "TABLE public.t"
QString routineTarget(const Routine &routine);                    // "FUNCTION public.f(integer)"

} // namespace tw::catalog::pgddl

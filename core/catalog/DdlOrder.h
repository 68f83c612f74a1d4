#pragma once

#include "Snapshot.h"

#include <QList>

namespace tw::catalog {

// Creation order and partition inheritance for generated DDL: which objects
// must exist before others, and which parts of a partition PostgreSQL
// creates by itself (so DDL must not create them twice).

// Tables, partitioned tables and foreign tables, each partition after its
// parent; otherwise in snapshot order.
QList<const Relation *> tablesInCreationOrder(const QList<const Relation *> &tables);
// Views and materialized views, each after the views it reads
// (Relation::dependsOn); otherwise in snapshot order.
QList<const Relation *> viewsInCreationOrder(const QList<const Relation *> &views);

// The partitioned table a partition belongs to; nullptr for others or when
// the parent is not in the snapshot.
const Relation *partitionParent(const Snapshot &snapshot, const Relation &relation);
// A CHECK or FOREIGN KEY that PostgreSQL creates by itself: a partition's
// copy of an ancestor's (same name, or for foreign keys the same
// definition, on an ancestor), or the hidden copy of a foreign key to a
// partitioned table for each of its partitions.
bool inheritedFromParent(const Snapshot &snapshot, const Relation &relation, const Constraint &constraint);
// A trigger cloned from an ancestor's row trigger (same name on an ancestor).
bool inheritedFromParent(const Snapshot &snapshot, const Relation &relation, const Trigger &trigger);

struct IndexAttachment
{
    const Relation *parentTable = nullptr;
    const Index *parentIndex = nullptr;
    const Index *childIndex = nullptr;
};
// The indexes of a partition attached to its parent's partitioned indexes:
// Index::parentIndex where the loader filled it, otherwise the parent index
// of the same shape (PostgreSQL itself attaches an index of the same shape).
QList<IndexAttachment> indexAttachments(const Snapshot &snapshot, const Relation &partition);

// A routine whose argument or result types name a table's row type
// ("RETURNS SETOF inventory.item"), or whose body is SQL-standard (BEGIN
// ATOMIC / RETURN, checked at creation even with check_function_bodies off):
// it must come after the tables.
bool routineNeedsTables(const Snapshot &snapshot, const Routine &routine);

} // namespace tw::catalog

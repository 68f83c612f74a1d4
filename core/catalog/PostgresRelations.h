#pragma once

#include "Snapshot.h"
#include "db/Rows.h"

#include <QHash>

namespace tw::catalog {

// Builds the relations of a PostgreSQL snapshot from the rows of the
// relation-level parts (core/catalog/sql/postgres/relations.sql, columns.sql,
// …). Parts are matched by OID, so each may fail alone: a relation whose
// triggers could not be read simply has none. Rows of relations the
// relations part did not keep (extension members) are dropped.
class PostgresRelations
{
public:
    void readRelations(db::Rows &rows);
    void readColumns(db::Rows &rows);
    void readConstraints(db::Rows &rows);
    void readIndexes(db::Rows &rows);
    void readTriggers(db::Rows &rows);
    void readViewDependencies(db::Rows &rows);

    // Sorted by (schema, name); columns by position; the rest by name.
    QList<Relation> takeSorted();

private:
    Relation *find(const QVariant &oid);

    QList<Relation> m_relations;
    QHash<qint64, qsizetype> m_byOid;
};

} // namespace tw::catalog

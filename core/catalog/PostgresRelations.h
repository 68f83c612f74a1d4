#pragma once

#include "PostgresIdentifiers.h"
#include "PostgresKeyColumns.h"
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
    // The server's quoting rules, for the index definitions spelled here
    // (readIndexes); from the session part.
    void setQuoting(const PgServerQuoting &quoting) { m_quoting = quoting; }

    void readRelations(db::Rows &rows);
    void readColumns(db::Rows &rows);
    void readConstraints(db::Rows &rows);
    void readIndexes(db::Rows &rows);
    void readTriggers(db::Rows &rows);
    void readViewDependencies(db::Rows &rows);
    void readPolicies(db::Rows &rows);

    // Sorted by (schema, name); columns by position; the rest by name.
    QList<Relation> takeSorted();

private:
    Relation *find(const QVariant &oid);

    QList<Relation> m_relations;
    QHash<qint64, qsizetype> m_byOid;
    PostgresKeyColumns m_keyColumns;
    PgServerQuoting m_quoting;
};

} // namespace tw::catalog

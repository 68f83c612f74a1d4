#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace tw::catalog {

// Column names by (relation OID, attnum), filled from the columns part, so
// the indexes and constraints parts can send key columns as attnum lists
// (pg_index.indkey, pg_constraint.conkey) instead of a name subquery per row.
class PostgresKeyColumns
{
public:
    void add(qint64 relation, int attnum, const QString &name);

    // The names of `attnums` ("1 2" for an int2vector, "{2,1}" for an array),
    // in that order. Negative attnums are system columns (a CHECK may use
    // tableoid). nullopt when one is unknown: the relation was not loaded,
    // or the columns part failed.
    // skipExpressions: leave out attnum 0 (an expression, in an exclusion
    // constraint's conkey), as a join with pg_attribute does.
    std::optional<QStringList> names(qint64 relation, const QVariant &attnums, bool skipExpressions = false) const;

    // "1 2", "{2,-6}" → {1, 2}, {2, -6}.
    static QList<int> parseAttnums(const QString &text);

private:
    // Per relation, indexed by attnum (at most 1,600); dropped columns empty.
    QHash<qint64, QStringList> m_names;
};

} // namespace tw::catalog

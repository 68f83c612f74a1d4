#pragma once

#include "PageSql.h"
#include "db/Session.h"
#include "error/Error.h"

namespace tw::data {

// Where a Fraction anchor (a scrollbar position) leads, found without a deep
// OFFSET wherever the engine allows:
//  - PostgreSQL, ordered by one key column, no filters: the column's
//    histogram (pg_stats.histogram_bounds), else min/max interpolation for
//    numeric keys; ctid: block = fraction × the relation's blocks;
//  - PostgreSQL otherwise: the order key at the fraction of a
//    TABLESAMPLE SYSTEM sample (about 100 blocks) with the filters applied;
//  - SQLite, ordered by the rowid or one integer key: min/max interpolation;
//    otherwise the order key at the fraction of ~1000 random rowids;
//  - WITHOUT ROWID tables ordered by more than one integer key, samples
//    that match nothing, and views: OFFSET = fraction × count(*).
// The landing is approximate (histograms and samples are estimates): the
// grid shows what is there, and `landed` says where that is.
struct FractionTarget
{
    enum class Kind { First, Last, Key, Offset };
    Kind kind = Kind::First;
    QVariantList key;    // Key: an order key to read at or after
    qint64 offset = 0;   // Offset: rows to skip in browse order
    double landed = 0.0; // the fraction the page is believed to start at
};

Result<FractionTarget> locateFraction(db::Session &session, const PageSql &sql, double fraction);

} // namespace tw::data

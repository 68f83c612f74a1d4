#pragma once

#include <QBitArray>
#include <QList>
#include <QVariantList>

namespace tw::data {

// One row as read. Values, one per TableShape column, in the engine's own
// rendering so they round-trip exactly:
//   - NULL is a null QVariant, distinct from an empty string;
//   - PostgreSQL: boolean columns as bool, bytea as QByteArray, everything
//     else as the server's text output (numeric, timestamptz, interval,
//     arrays, json exactly as PostgreSQL prints them);
//   - SQLite: the stored value (qlonglong, double, QString, QByteArray).
struct Row
{
    QVariantList values;
    QVariantList key;        // the row identity (TableShape::keyColumns), for edits
    QVariantList orderKey;   // sort column values + identity: anchor of the next page
    // Changes whenever the row is written by anyone (PostgreSQL: xmin;
    // SQLite: a hash of the stored values): the optimistic-concurrency check.
    QVariant version;
    QBitArray truncated;     // per column: the value was cut short (loadCell() gets it whole)
};

struct Page
{
    QList<Row> rows;         // in browse order, also for Last/Before anchors
    bool atStart = false;    // nothing comes before the first row
    bool atEnd = false;      // nothing comes after the last row
    // For Fraction anchors: where the page was found to start, 0..1 (the
    // position the estimate led to; -1 for other anchors).
    double startFraction = -1.0;
};

} // namespace tw::data

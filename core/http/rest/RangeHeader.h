#pragma once

#include "error/Error.h"

#include <QByteArray>

#include <optional>

namespace tw::http::rest {

// Rows asked for: from `offset`, at most `limit` (none: to the end).
struct RowRange
{
    qint64 offset = 0;
    std::optional<qint64> limit;
    bool operator==(const RowRange &) const = default;
};

// `Range: 0-24` (items 0 to 24: offset 0, limit 25) or `Range: 10-` (from 10).
// nullopt when the header is absent, not of that form (PostgREST ignores it
// then), or Range-Unit names a unit other than items. First > last is
// PGRST103 (416, "Requested range not satisfiable").
Result<std::optional<RowRange>> parseRangeHeader(const QByteArray &range, const QByteArray &rangeUnit = {});

// What is read when limit/offset and a Range header are both given: their
// intersection, as PostgREST computes it. A zero limit stays zero.
RowRange effectiveRange(const std::optional<RowRange> &header, std::optional<qint64> limit, std::optional<qint64> offset);

} // namespace tw::http::rest

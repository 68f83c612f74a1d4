#include "RangeHeader.h"

#include "RestError.h"

#include <QtNumeric>

#include <algorithm>
#include <limits>

namespace tw::http::rest {

namespace {

std::optional<qint64> digits(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return text.toLongLong();
}

} // namespace

Result<std::optional<RowRange>> parseRangeHeader(const QByteArray &range, const QByteArray &rangeUnit)
{
    const QByteArray unit = rangeUnit.trimmed();
    if (!unit.isEmpty() && unit.compare("items", Qt::CaseInsensitive) != 0)
        return std::optional<RowRange>();
    const QByteArray text = range.trimmed();
    const qsizetype dash = text.indexOf('-');
    if (text.isEmpty() || dash < 0)
        return std::optional<RowRange>();
    const auto first = digits(text.left(dash));
    const QByteArray lastText = text.mid(dash + 1);
    const auto last = digits(lastText);
    if (!first || (!lastText.isEmpty() && !last))
        return std::optional<RowRange>();
    if (last && *last < *first)
        return restError(kUnsatisfiableRange, QStringLiteral("Requested range not satisfiable"),
                         QStringLiteral("The range's first item (%1) is after its last (%2)").arg(*first).arg(*last));
    RowRange rows{*first, {}};
    if (last)
        rows.limit = *last - *first + 1;
    return std::optional<RowRange>(rows);
}

RowRange effectiveRange(const std::optional<RowRange> &header, std::optional<qint64> limit, std::optional<qint64> offset)
{
    RowRange query{offset.value_or(0), limit};
    if (!header)
        return query;
    // Intersect [lo, hi] of both; an open end is +infinity.
    const qint64 lo = std::max(query.offset, header->offset);
    std::optional<qint64> hi;
    const auto endOf = [](const RowRange &r) -> std::optional<qint64> {
        qint64 end = 0;
        if (!r.limit)
            return std::nullopt;
        // Saturating: offset and limit near 2^63 must not overflow (undefined behaviour).
        return qAddOverflow(r.offset, *r.limit, &end) ? std::numeric_limits<qint64>::max() : end; // exclusive
    };
    const auto a = endOf(query);
    const auto b = endOf(*header);
    if (a && b)
        hi = std::min(*a, *b);
    else
        hi = a ? a : b;
    RowRange result{lo, {}};
    if (hi)
        result.limit = std::max<qint64>(0, *hi - lo);
    return result;
}

} // namespace tw::http::rest

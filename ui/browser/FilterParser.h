#pragma once

#include "data/PageRequest.h"
#include "data/TableShape.h"

#include <QString>

#include <optional>

namespace tw::ui {

// The little language of the browser's filter row, one box per column:
//   (empty)        no condition
//   NULL / !NULL   is null / is not null
//   =x  !=x  <>x  <x  <=x  >x  >=x
//   a..b           between a and b (inclusive)
//   in a,b,c       one of the values
//   ~x             contains x, ignoring case (ILIKE %x%)
//   like p / ilike p   a LIKE pattern with % and _
//   x              text columns: contains x, ignoring case; other columns: equals x
//   \x             x taken literally (an escape for text starting with an operator)
// Values stay text: the engine converts them to the column's type, so a bad
// value is the server's error, reported in the status.
struct ParsedFilter
{
    std::optional<data::Filter> filter;  // empty text: none
    QString error;                       // set when the text cannot be read
};

ParsedFilter parseFilter(const data::ColumnInfo &column, const QString &text);

// The text that parses back to `filter` (used to show the filter row of a
// tab opened by "go to referenced row").
QString filterText(const data::Filter &filter);

} // namespace tw::ui

#include "PageRequest.h"

#include <array>
#include <utility>

namespace tw::data {

namespace {

// The REST grammar's operator names (PostgREST), so one table serves both doors.
constexpr std::array<std::pair<FilterOp, const char *>, 12> kOps{{
    {FilterOp::Equal, "eq"},
    {FilterOp::NotEqual, "neq"},
    {FilterOp::Less, "lt"},
    {FilterOp::LessOrEqual, "lte"},
    {FilterOp::Greater, "gt"},
    {FilterOp::GreaterOrEqual, "gte"},
    {FilterOp::Like, "like"},
    {FilterOp::ILike, "ilike"},
    {FilterOp::IsNull, "is_null"},
    {FilterOp::IsNotNull, "not_null"},
    {FilterOp::In, "in"},
    {FilterOp::Between, "between"},
}};

} // namespace

QString filterOpName(FilterOp op)
{
    for (const auto &[value, name] : kOps) {
        if (value == op)
            return QLatin1String(name);
    }
    return {};
}

std::optional<FilterOp> filterOpFromName(const QString &name)
{
    for (const auto &[value, text] : kOps) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

} // namespace tw::data

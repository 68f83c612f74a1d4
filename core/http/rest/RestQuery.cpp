#include "RestQuery.h"

#include <array>

namespace tw::http::rest {

namespace {

struct OpEntry
{
    FilterOp op;
    const char16_t *name;
};

constexpr std::array kOps{
    OpEntry{FilterOp::Eq, u"eq"}, OpEntry{FilterOp::Neq, u"neq"}, OpEntry{FilterOp::Gt, u"gt"},
    OpEntry{FilterOp::Gte, u"gte"}, OpEntry{FilterOp::Lt, u"lt"}, OpEntry{FilterOp::Lte, u"lte"},
    OpEntry{FilterOp::Like, u"like"}, OpEntry{FilterOp::ILike, u"ilike"}, OpEntry{FilterOp::Match, u"match"},
    OpEntry{FilterOp::IMatch, u"imatch"}, OpEntry{FilterOp::In, u"in"}, OpEntry{FilterOp::Is, u"is"},
    OpEntry{FilterOp::IsDistinct, u"isdistinct"}, OpEntry{FilterOp::Cs, u"cs"}, OpEntry{FilterOp::Cd, u"cd"},
    OpEntry{FilterOp::Ov, u"ov"}, OpEntry{FilterOp::Sl, u"sl"}, OpEntry{FilterOp::Sr, u"sr"},
    OpEntry{FilterOp::Nxl, u"nxl"}, OpEntry{FilterOp::Nxr, u"nxr"}, OpEntry{FilterOp::Adj, u"adj"},
    OpEntry{FilterOp::Fts, u"fts"}, OpEntry{FilterOp::PlFts, u"plfts"}, OpEntry{FilterOp::PhFts, u"phfts"},
    OpEntry{FilterOp::WFts, u"wfts"},
};

} // namespace

QString opName(FilterOp op)
{
    for (const OpEntry &entry : kOps) {
        if (entry.op == op)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

std::optional<FilterOp> opFromName(QStringView name)
{
    for (const OpEntry &entry : kOps) {
        if (name == QStringView(entry.name))
            return entry.op;
    }
    return std::nullopt;
}

bool isFtsOp(FilterOp op)
{
    return op == FilterOp::Fts || op == FilterOp::PlFts || op == FilterOp::PhFts || op == FilterOp::WFts;
}

bool takesQuantifier(FilterOp op)
{
    switch (op) {
    case FilterOp::Eq: case FilterOp::Gt: case FilterOp::Gte: case FilterOp::Lt: case FilterOp::Lte:
    case FilterOp::Like: case FilterOp::ILike: case FilterOp::Match: case FilterOp::IMatch:
        return true;
    default:
        return false;
    }
}

bool RestQuery::hasAggregates() const
{
    for (const SelectItem &item : select) {
        if (item.kind == SelectItem::Kind::Aggregate)
            return true;
    }
    return false;
}

} // namespace tw::http::rest

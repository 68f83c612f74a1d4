#pragma once

#include "RestQuery.h"
#include "error/Error.h"

#include <QString>

#include <optional>

namespace tw::http::rest {

class GrammarCursor;

// Parses filters of one request and keeps its complexity count, so the
// limits hold across all its parameters (filters, or=/and= trees, and the
// aggregates that the caller adds with countTerms()).
class FilterParser
{
public:
    explicit FilterParser(RestLimits limits) : m_limits(limits) {}

    // A top-level filter: key `age` (or `data->>a`), value `not.gt.18`.
    Result<FilterNode> parseFilter(const QString &key, const QString &value);
    // A logic parameter: key `or`, `and`, `not.or` or `not.and`, value `(a.eq.1,and(b.lt.2,c.gt.3))`.
    Result<FilterNode> parseLogic(const QString &key, const QString &value);
    // Adds `terms` to the complexity (aggregates); fails past the limit.
    Status countTerms(int terms);

    int complexity() const { return m_complexity; }

private:
    bool countTerm(GrammarCursor &cursor);
    bool operation(GrammarCursor &cursor, Condition &condition, bool inLogic);
    bool listValue(GrammarCursor &cursor, QStringList &values);
    bool arrayValue(GrammarCursor &cursor, QStringList &values);
    bool logicValue(GrammarCursor &cursor, QString &value);
    bool group(GrammarCursor &cursor, FilterNode &node, int depth);
    bool term(GrammarCursor &cursor, FilterNode &node, int depth);
    bool limitReached(GrammarCursor &cursor, Error error);

    RestLimits m_limits;
    int m_complexity = 0;
    std::optional<Error> m_limitError;
};

} // namespace tw::http::rest

#include "FilterParser.h"

#include "GrammarCursor.h"
#include "RestError.h"

namespace tw::http::rest {

namespace {

const QString kOperators = QStringLiteral(
    "operator (eq, neq, gt, gte, lt, lte, like, ilike, match, imatch, in, is, isdistinct, "
    "cs, cd, ov, sl, sr, nxl, nxr, adj, fts, plfts, phfts, wfts)");

QString takeWord(GrammarCursor &cursor)
{
    QString word;
    while (!cursor.atEnd()) {
        const QChar c = cursor.peek();
        if (!((c.isLetter() && c.unicode() < 128) || c == u'_'))
            break;
        word.append(c);
        cursor.setPos(cursor.pos() + 1);
    }
    return word;
}

std::optional<IsValue> isValueFromName(const QString &word)
{
    const QString lower = word.toLower();
    if (lower == u"null")
        return IsValue::Null;
    if (lower == u"not_null")
        return IsValue::NotNull;
    if (lower == u"true")
        return IsValue::True;
    if (lower == u"false")
        return IsValue::False;
    if (lower == u"unknown")
        return IsValue::Unknown;
    return std::nullopt;
}

// After a value inside or=(…): the term ends here.
bool atTermEnd(const GrammarCursor &cursor)
{
    return cursor.atEnd() || cursor.peek() == u',' || cursor.peek() == u')';
}

} // namespace

bool FilterParser::limitReached(GrammarCursor &cursor, Error error)
{
    if (!m_limitError)
        m_limitError = std::move(error);
    return cursor.failWith(QStringLiteral("limit reached"));
}

Status FilterParser::countTerms(int terms)
{
    m_complexity += terms;
    if (m_complexity > m_limits.maxFilterTerms)
        return restError(kBadQuery,
                         QStringLiteral("The request has more than %1 filter terms and aggregates (limit maxFilterTerms)")
                             .arg(m_limits.maxFilterTerms),
                         QStringLiteral("maxFilterTerms = %1").arg(m_limits.maxFilterTerms),
                         QStringLiteral("Simplify the filter or split the request."));
    return {};
}

bool FilterParser::countTerm(GrammarCursor &cursor)
{
    auto counted = countTerms(1);
    return counted ? true : limitReached(cursor, counted.error());
}

bool FilterParser::listValue(GrammarCursor &cursor, QStringList &values)
{
    cursor.skipSpaces();
    if (!cursor.accept(u'('))
        return cursor.fail(QStringLiteral("\"(\""));
    cursor.skipSpaces();
    if (cursor.accept(u')'))
        return true; // in.() : an empty list
    do {
        // A double-quoted item protects commas and parentheses; a quote not
        // followed by ',' or ')' is part of a plain item, as in PostgREST.
        const qsizetype start = cursor.pos();
        if (cursor.peek() == u'"') {
            auto item = cursor.quoted();
            if (item && (cursor.peek() == u',' || cursor.peek() == u')')) {
                values.append(*item);
                continue;
            }
            if (!item)
                return false;
            cursor.setPos(start);
        }
        values.append(cursor.takeUntil(u",)"));
        if (values.size() > m_limits.maxListItems)
            break;
    } while (cursor.accept(u','));
    if (values.size() > m_limits.maxListItems)
        return limitReached(cursor, restError(kBadQuery,
            QStringLiteral("A list has more than %1 items (limit maxListItems)").arg(m_limits.maxListItems),
            QStringLiteral("maxListItems = %1").arg(m_limits.maxListItems),
            QStringLiteral("Split the request or filter on a range instead.")));
    if (!cursor.accept(u')'))
        return cursor.fail(QStringLiteral("\",\" or \")\""));
    cursor.skipSpaces();
    return true;
}

bool FilterParser::arrayValue(GrammarCursor &cursor, QStringList &values)
{
    // like(any).{O*,P*}: PostgreSQL array literal syntax, items unquoted here.
    if (!cursor.accept(u'{'))
        return cursor.fail(QStringLiteral("\"{\" (a list such as {a,b} after (any) or (all))"));
    cursor.skipSpaces();
    if (cursor.accept(u'}'))
        return true;
    do {
        cursor.skipSpaces();
        if (cursor.peek() == u'"') {
            auto item = cursor.quoted();
            if (!item)
                return false;
            values.append(*item);
            cursor.skipSpaces();
        } else {
            values.append(cursor.takeUntil(u",}").trimmed());
        }
        if (values.size() > m_limits.maxListItems)
            return limitReached(cursor, restError(kBadQuery,
                QStringLiteral("A list has more than %1 items (limit maxListItems)").arg(m_limits.maxListItems),
                QStringLiteral("maxListItems = %1").arg(m_limits.maxListItems)));
    } while (cursor.accept(u','));
    return cursor.accept(u'}') || cursor.fail(QStringLiteral("\",\" or \"}\""));
}

bool FilterParser::logicValue(GrammarCursor &cursor, QString &value)
{
    const qsizetype start = cursor.pos();
    if (cursor.peek() == u'"') {
        auto quoted = cursor.quoted();
        if (quoted && atTermEnd(cursor)) {
            value = *quoted;
            return true;
        }
        if (!quoted)
            return false;
        cursor.setPos(start);
    }
    if (cursor.peek() == u'{') {
        // {1,2} for cs/cd/ov: its commas do not end the term.
        QString array = cursor.takeUntil(u"}");
        if (cursor.accept(u'}') && atTermEnd(cursor)) {
            value = array + u'}';
            return true;
        }
        cursor.setPos(start);
    }
    value = cursor.takeUntil(u",)");
    return true;
}

bool FilterParser::operation(GrammarCursor &cursor, Condition &condition, bool inLogic)
{
    condition.negated = cursor.accept(u"not.");
    const qsizetype opStart = cursor.pos();
    const QString word = takeWord(cursor);
    const auto op = opFromName(word);
    if (!op) {
        cursor.setPos(opStart);
        return word.isEmpty() ? cursor.fail(kOperators)
                              : cursor.failWith(QStringLiteral("unknown operator \"%1\", expecting %2").arg(word, kOperators));
    }
    condition.op = *op;
    if (cursor.peek() == u'(') {
        if (isFtsOp(*op)) {
            cursor.accept(u'(');
            auto language = cursor.typeName();
            if (!language)
                return false;
            condition.language = *language;
            if (!cursor.accept(u')'))
                return cursor.fail(QStringLiteral("\")\""));
        } else if (cursor.lookingAt(u"(any)") || cursor.lookingAt(u"(all)")) {
            if (!takesQuantifier(*op))
                return cursor.failWith(QStringLiteral("%1 takes no (any)/(all) modifier").arg(word));
            condition.quantifier = cursor.accept(u"(any)") ? Quantifier::Any : Quantifier::All;
            if (condition.quantifier == Quantifier::All)
                cursor.accept(u"(all)");
        } else {
            return cursor.fail(QStringLiteral("\"(any)\", \"(all)\" or \".\""));
        }
    }
    if (!cursor.accept(u'.'))
        return cursor.fail(QStringLiteral("\".\" and a value after the operator"));

    const auto endOfValue = [&] {
        return (inLogic ? atTermEnd(cursor) : cursor.atEnd())
               || cursor.fail(inLogic ? QStringLiteral("\",\" or \")\"") : QStringLiteral("end of input"));
    };
    if (*op == FilterOp::In)
        return listValue(cursor, condition.values) && endOfValue();
    if (*op == FilterOp::Is) {
        const qsizetype start = cursor.pos();
        const auto value = isValueFromName(takeWord(cursor));
        if (!value) {
            cursor.setPos(start);
            return cursor.fail(QStringLiteral("null, not_null, true, false or unknown"));
        }
        condition.isValue = *value;
        return endOfValue();
    }
    if (condition.quantifier != Quantifier::None)
        return arrayValue(cursor, condition.values) && endOfValue();
    if (inLogic)
        return logicValue(cursor, condition.value);
    condition.value = cursor.rest().toString();
    cursor.setPos(cursor.pos() + condition.value.size());
    return true;
}

Result<FilterNode> FilterParser::parseFilter(const QString &key, const QString &value)
{
    const QString context = describeParam(QStringLiteral("filter"), key + u'=' + value);
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    GrammarCursor keyCursor(key);
    auto field = keyCursor.field();
    if (field && !keyCursor.atEnd()) {
        if (keyCursor.peek() == u'.')
            keyCursor.unsupported(QStringLiteral("Filtering an embedded resource (relation.column)"));
        else
            keyCursor.fail(QStringLiteral("end of the column name"));
    }
    if (keyCursor.failed())
        return cursorError(keyCursor, context);
    node.condition.field = *field;
    GrammarCursor cursor(value);
    if (!countTerm(cursor) || !operation(cursor, node.condition, false))
        return m_limitError ? *m_limitError : cursorError(cursor, context);
    return node;
}

bool FilterParser::group(GrammarCursor &cursor, FilterNode &node, int depth)
{
    if (depth > m_limits.maxNestingDepth)
        return limitReached(cursor, restError(kBadQuery,
            QStringLiteral("The filter nests and/or groups deeper than %1 (limit maxNestingDepth)").arg(m_limits.maxNestingDepth),
            QStringLiteral("maxNestingDepth = %1").arg(m_limits.maxNestingDepth),
            QStringLiteral("Flatten the filter.")));
    if (!countTerm(cursor))
        return false;
    cursor.skipSpaces();
    if (!cursor.accept(u'('))
        return cursor.fail(QStringLiteral("\"(\""));
    do {
        FilterNode child;
        if (!term(cursor, child, depth))
            return false;
        node.children.append(std::move(child));
        cursor.skipSpaces();
    } while (cursor.accept(u','));
    if (!cursor.accept(u')'))
        return cursor.fail(QStringLiteral("\",\" or \")\""));
    cursor.skipSpaces();
    return true;
}

bool FilterParser::term(GrammarCursor &cursor, FilterNode &node, int depth)
{
    cursor.skipSpaces();
    const qsizetype start = cursor.pos();
    const bool negated = cursor.accept(u"not.");
    if (cursor.lookingAt(u"and(") || cursor.lookingAt(u"or(")) {
        node.kind = cursor.accept(u"and") ? FilterNode::Kind::And : FilterNode::Kind::Or;
        if (node.kind == FilterNode::Kind::Or)
            cursor.accept(u"or");
        node.negated = negated;
        return group(cursor, node, depth + 1);
    }
    // A column may be called "not", "and" or "or": only a '(' makes a group.
    cursor.setPos(start);
    node.kind = FilterNode::Kind::Condition;
    auto field = cursor.field();
    if (!field)
        return false;
    if (!cursor.accept(u'.'))
        return cursor.fail(QStringLiteral("\".\" and an operator after the column"));
    node.condition.field = *field;
    return countTerm(cursor) && operation(cursor, node.condition, true);
}

Result<FilterNode> FilterParser::parseLogic(const QString &key, const QString &value)
{
    FilterNode node;
    node.negated = key.startsWith(u"not.");
    node.kind = key.endsWith(u"or") ? FilterNode::Kind::Or : FilterNode::Kind::And;
    GrammarCursor cursor(value);
    if (!group(cursor, node, 1) || (!cursor.atEnd() && !cursor.fail(QStringLiteral("end of input"))))
        return m_limitError ? *m_limitError : cursorError(cursor, describeParam(QStringLiteral("logic tree"), key + u'=' + value));
    return node;
}

} // namespace tw::http::rest

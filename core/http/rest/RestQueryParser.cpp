#include "RestQueryParser.h"

#include "FilterParser.h"
#include "GrammarCursor.h"
#include "RestError.h"
#include "SelectParser.h"

#include <QSet>

namespace tw::http::rest {

namespace {

Result<qint64> nonNegative(const QString &param, const QString &text)
{
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    bool digitsOnly = !text.isEmpty();
    for (const QChar c : text)
        digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
    if (!ok || !digitsOnly || number < 0)
        return restError(kBadQuery, QStringLiteral("failed to parse %1").arg(describeParam(param + QStringLiteral(" parameter"), text)),
                         QStringLiteral("expecting a non-negative integer"));
    return number;
}

bool isLogicKey(const QString &key)
{
    return key == u"or" || key == u"and" || key == u"not.or" || key == u"not.and";
}

// rel.order, rel.limit, rel.or, a.b.select… : parameters for an embedded resource.
bool isEmbeddedReserved(const QString &key)
{
    if (key.startsWith(u'"') || !key.contains(u'.') || isLogicKey(key))
        return false;
    const QString last = key.section(u'.', -1);
    return last == u"order" || last == u"limit" || last == u"offset" || last == u"or" || last == u"and"
           || last == u"select";
}

} // namespace

Result<RestQuery> parseRestQuery(const QList<QueryParam> &params, const RestLimits &limits)
{
    RestQuery query;
    FilterParser filters(limits);
    QSet<QString> seen;
    for (const QueryParam &param : params) {
        const QString &key = param.key;
        static const QSet<QString> once{QStringLiteral("select"), QStringLiteral("order"), QStringLiteral("limit"),
                                        QStringLiteral("offset"), QStringLiteral("columns"), QStringLiteral("on_conflict")};
        if (once.contains(key)) {
            if (seen.contains(key))
                return restError(kBadQuery, QStringLiteral("the %1 parameter is given more than once").arg(key), {},
                                 QStringLiteral("Give it once; combine its items with commas."));
            seen.insert(key);
        }
        if (key == u"select") {
            auto select = parseSelect(param.value);
            if (!select)
                return select.error();
            query.select = std::move(select).value();
            query.selectGiven = true;
        } else if (key == u"order") {
            auto order = parseOrder(param.value);
            if (!order)
                return order.error();
            query.order = std::move(order).value();
        } else if (key == u"limit" || key == u"offset") {
            // PostgREST 12 answers a negative limit as an unsatisfiable range.
            if (key == u"limit" && param.value.trimmed().startsWith(u'-') && param.value.trimmed().mid(1).toLongLong() > 0)
                return restError(kUnsatisfiableRange, QStringLiteral("Limit should be greater than or equal to zero."));
            auto number = nonNegative(key, param.value);
            if (!number)
                return number.error();
            (key == u"limit" ? query.limit : query.offset) = number.value();
        } else if (key == u"columns" || key == u"on_conflict") {
            auto names = parseColumnList(key, param.value);
            if (!names)
                return names.error();
            (key == u"columns" ? query.columns : query.onConflict) = std::move(names).value();
        } else if (isLogicKey(key)) {
            auto node = filters.parseLogic(key, param.value);
            if (!node)
                return node.error();
            query.where.children.append(std::move(node).value());
        } else if (isEmbeddedReserved(key)) {
            return restError(kNotSupported,
                             QStringLiteral("Parameters for an embedded resource (%1) are not supported").arg(key), {},
                             QStringLiteral("Resource embedding is not supported: address this table's columns only."));
        } else {
            auto node = filters.parseFilter(key, param.value);
            if (!node)
                return node.error();
            query.where.children.append(std::move(node).value());
        }
    }
    if (!query.selectGiven)
        query.select = {SelectItem{SelectItem::Kind::Star, {}, {}, {}, Aggregate::None, {}}};
    int aggregates = 0;
    for (const SelectItem &item : query.select)
        aggregates += item.kind == SelectItem::Kind::Aggregate ? 1 : 0;
    if (aggregates > 0) {
        auto counted = filters.countTerms(aggregates);
        if (!counted)
            return counted.error();
    }
    query.complexity = filters.complexity();
    return query;
}

Result<RestQuery> parseRestQuery(const QByteArray &rawQuery, const RestLimits &limits)
{
    auto params = parseQueryString(rawQuery);
    if (!params)
        return params.error();
    return parseRestQuery(params.value(), limits);
}

} // namespace tw::http::rest

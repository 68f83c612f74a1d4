#include "FilterParser.h"

#include <QCoreApplication>

namespace tw::ui {

namespace {

bool isTextual(db::LogicalType type)
{
    return type == db::LogicalType::Text || type == db::LogicalType::Json || type == db::LogicalType::Other;
}

// lupdate files plain tr() calls in a namespace under the namespace, so
// each message spells out its context.
ParsedFilter single(const data::ColumnInfo &column, data::FilterOp op, const QString &value)
{
    if (value.isEmpty())
        return {std::nullopt, QCoreApplication::translate("tw::ui::FilterParser", "a value is missing after the operator")};
    return {data::Filter{column.name, op, {value}}, {}};
}

} // namespace

ParsedFilter parseFilter(const data::ColumnInfo &column, const QString &rawText)
{
    const QString text = rawText.trimmed();
    if (text.isEmpty())
        return {};
    if (text.startsWith(QLatin1Char('\\'))) {
        const QString literal = text.mid(1);
        if (isTextual(column.logical))
            return single(column, data::FilterOp::ILike, QLatin1Char('%') + literal + QLatin1Char('%'));
        return single(column, data::FilterOp::Equal, literal);
    }
    if (text.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
        return {data::Filter{column.name, data::FilterOp::IsNull, {}}, {}};
    if (text.compare(QLatin1String("!NULL"), Qt::CaseInsensitive) == 0
        || text.compare(QLatin1String("NOT NULL"), Qt::CaseInsensitive) == 0)
        return {data::Filter{column.name, data::FilterOp::IsNotNull, {}}, {}};

    // Longest operators first, so "<=" is not read as "<" followed by "=5".
    static const std::pair<const char *, data::FilterOp> prefixes[] = {
        {"<=", data::FilterOp::LessOrEqual}, {">=", data::FilterOp::GreaterOrEqual},
        {"!=", data::FilterOp::NotEqual},    {"<>", data::FilterOp::NotEqual},
        {"=", data::FilterOp::Equal},        {"<", data::FilterOp::Less},
        {">", data::FilterOp::Greater},
    };
    for (const auto &[prefix, op] : prefixes) {
        if (text.startsWith(QLatin1String(prefix)))
            return single(column, op, text.mid(qsizetype(qstrlen(prefix))).trimmed());
    }
    if (text.startsWith(QLatin1Char('~')))
        return single(column, data::FilterOp::ILike, QLatin1Char('%') + text.mid(1).trimmed() + QLatin1Char('%'));

    const QString lower = text.toLower();
    // An operator word with nothing after it (trimmed away above); in a text
    // column it is just the text to look for.
    if (!isTextual(column.logical) && (lower == QLatin1String("like") || lower == QLatin1String("ilike") || lower == QLatin1String("in")))
        return {std::nullopt, QCoreApplication::translate("tw::ui::FilterParser", "a value is missing after the operator")};
    if (lower.startsWith(QLatin1String("like ")))
        return single(column, data::FilterOp::Like, text.mid(5).trimmed());
    if (lower.startsWith(QLatin1String("ilike ")))
        return single(column, data::FilterOp::ILike, text.mid(6).trimmed());
    if (lower.startsWith(QLatin1String("in "))) {
        QVariantList values;
        for (const QString &part : text.mid(3).split(QLatin1Char(','))) {
            const QString value = part.trimmed();
            if (value.isEmpty())
                return {std::nullopt, QCoreApplication::translate("tw::ui::FilterParser", "an empty value in the list")};
            values << value;
        }
        return {data::Filter{column.name, data::FilterOp::In, values}, {}};
    }
    if (const qsizetype dots = text.indexOf(QLatin1String("..")); dots > 0 && !isTextual(column.logical)) {
        const QString low = text.left(dots).trimmed();
        const QString high = text.mid(dots + 2).trimmed();
        if (low.isEmpty() || high.isEmpty())
            return {std::nullopt, QCoreApplication::translate("tw::ui::FilterParser", "a range needs both ends: low..high")};
        return {data::Filter{column.name, data::FilterOp::Between, {low, high}}, {}};
    }
    if (isTextual(column.logical))
        return single(column, data::FilterOp::ILike, QLatin1Char('%') + text + QLatin1Char('%'));
    return single(column, data::FilterOp::Equal, text);
}

QString filterText(const data::Filter &filter)
{
    const auto value = [&filter](int i) { return filter.values.value(i).toString(); };
    switch (filter.op) {
    case data::FilterOp::Equal: return QLatin1Char('=') + value(0);
    case data::FilterOp::NotEqual: return QLatin1String("!=") + value(0);
    case data::FilterOp::Less: return QLatin1Char('<') + value(0);
    case data::FilterOp::LessOrEqual: return QLatin1String("<=") + value(0);
    case data::FilterOp::Greater: return QLatin1Char('>') + value(0);
    case data::FilterOp::GreaterOrEqual: return QLatin1String(">=") + value(0);
    case data::FilterOp::Like: return QLatin1String("like ") + value(0);
    case data::FilterOp::ILike: return QLatin1String("ilike ") + value(0);
    case data::FilterOp::IsNull: return QStringLiteral("NULL");
    case data::FilterOp::IsNotNull: return QStringLiteral("!NULL");
    case data::FilterOp::Between: return value(0) + QLatin1String("..") + value(1);
    case data::FilterOp::In: {
        QStringList parts;
        for (const QVariant &v : filter.values)
            parts << v.toString();
        return QLatin1String("in ") + parts.join(QLatin1Char(','));
    }
    }
    return {};
}

} // namespace tw::ui

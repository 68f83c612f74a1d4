// The browser's request said in PostgREST's grammar: as a URL and as a
// postgrest-js call. Both are rendered from one plan, so they always agree
// and carry the same notes.
#include "RestUrl.h"

#include "config/AppConfig.h"
#include "config/ListenAddress.h"

#include <QRegularExpression>

namespace tw::data {

namespace {

constexpr auto kPlaceholderBase = "http://127.0.0.1:8080";

// One condition of the REST request. Operators are PostgREST's names.
struct Term
{
    QString column;
    QString op;                   // eq neq gt gte lt lte like ilike in is
    bool negated = false;         // not.is.null
    QString value;                // like/ilike: the pattern with SQL's '%' and '_'
    QStringList items;            // in
};

struct OrderItem
{
    QString column;
    bool descending = false;
    bool nullsLast = false;       // the browser's sort keys; the key tiebreak says nothing
};

struct Plan
{
    QString relation;             // schema.table, as the route's {table} reads it
    QList<Term> terms;
    QList<OrderItem> order;
    QStringList notes;
};

// Flattened so a note stays one comment line whatever the WHERE box held.
QString oneLine(QString text)
{
    static const QRegularExpression breaks(QStringLiteral("[\\r\\n\\t]+"));
    return text.replace(breaks, QStringLiteral(" ")).trimmed();
}

// The text a value is sent as; nullopt when there is none (NULL, bytes).
std::optional<QString> valueText(const QVariant &value)
{
    if (value.isNull() || value.typeId() == QMetaType::QByteArray)
        return std::nullopt;
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

// The browser's LIKE takes '*' literally; PostgREST reads every '*' as '%'
// and has no escape for it. '_' (any one character) is the closest match
// that still finds the rows: a superset, reported as such.
QString likePattern(const QString &pattern, bool *approximate)
{
    QString out;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\' && i + 1 < pattern.size()) {
            if (pattern.at(i + 1) == u'*') {
                out += u'_';
                *approximate = true;
            } else {
                out += c;
                out += pattern.at(i + 1);
            }
            ++i;
        } else if (c == u'*') {
            out += u'_';
            *approximate = true;
        } else {
            out += c;
        }
    }
    return out;
}

QString comparisonOp(FilterOp op)
{
    switch (op) {
    case FilterOp::Equal: return QStringLiteral("eq");
    case FilterOp::NotEqual: return QStringLiteral("neq");
    case FilterOp::Less: return QStringLiteral("lt");
    case FilterOp::LessOrEqual: return QStringLiteral("lte");
    case FilterOp::Greater: return QStringLiteral("gt");
    case FilterOp::GreaterOrEqual: return QStringLiteral("gte");
    case FilterOp::Like: return QStringLiteral("like");
    case FilterOp::ILike: return QStringLiteral("ilike");
    default: return {};
    }
}

void addFilter(const Filter &filter, Plan &plan)
{
    const QString shown = filter.column + QLatin1Char(' ') + filterOpName(filter.op);
    const auto skip = [&](const QString &why) {
        plan.notes << QStringLiteral("not translated: the filter on %1 (%2): %3").arg(filter.column, filterOpName(filter.op), why);
    };
    QStringList texts;
    for (const QVariant &value : filter.values) {
        const auto text = valueText(value);
        if (!text)
            return skip(QStringLiteral("a NULL or binary value has no text form in a URL"));
        texts << *text;
    }
    switch (filter.op) {
    case FilterOp::IsNull:
    case FilterOp::IsNotNull:
        plan.terms << Term{filter.column, QStringLiteral("is"), filter.op == FilterOp::IsNotNull, {}, {}};
        return;
    case FilterOp::In:
        if (texts.isEmpty())
            return skip(QStringLiteral("an empty list"));
        plan.terms << Term{filter.column, QStringLiteral("in"), false, {}, texts};
        return;
    case FilterOp::Between:
        // PostgREST ANDs repeated keys: col=gte.a&col=lte.b is BETWEEN a AND b.
        if (texts.size() != 2)
            return skip(QStringLiteral("a range needs two values"));
        plan.terms << Term{filter.column, QStringLiteral("gte"), false, texts.at(0), {}}
                   << Term{filter.column, QStringLiteral("lte"), false, texts.at(1), {}};
        return;
    case FilterOp::Like:
    case FilterOp::ILike: {
        if (texts.size() != 1)
            return skip(QStringLiteral("a pattern needs one value"));
        bool approximate = false;
        const QString pattern = likePattern(texts.constFirst(), &approximate);
        if (approximate)
            plan.notes << QStringLiteral("approximate: the pattern on %1 contains '*', which PostgREST reads as a wildcard; "
                                         "it is sent as '_' (any one character), so a few more rows may match")
                              .arg(filter.column);
        plan.terms << Term{filter.column, comparisonOp(filter.op), false, pattern, {}};
        return;
    }
    default:
        if (texts.size() != 1 || comparisonOp(filter.op).isEmpty())
            return skip(QStringLiteral("no PostgREST operator says %1").arg(shown));
        plan.terms << Term{filter.column, comparisonOp(filter.op), false, texts.constFirst(), {}};
        return;
    }
}

Plan makePlan(const RestBrowse &browse)
{
    Plan plan;
    // SQLite tables come without a schema; the route reads a bare name as
    // main.name but splits at the first dot, so the schema is always given.
    const QString schema = browse.table.schema.isEmpty() ? QStringLiteral("main") : browse.table.schema;
    plan.relation = schema + u'.' + browse.table.name;
    if (schema.contains(u'.'))
        plan.notes << QStringLiteral("the schema name %1 contains a dot: the REST route splits {table} at the first dot "
                                     "and cannot address this table")
                          .arg(schema);
    for (const Filter &filter : browse.browse.filters)
        addFilter(filter, plan);
    if (!browse.browse.where.trimmed().isEmpty())
        plan.notes << QStringLiteral("not translated: the WHERE box (%1) has no PostgREST equivalent; only the filter row "
                                     "and the sort are in this request")
                          .arg(oneLine(browse.browse.where));
    QStringList sorted;
    // The browser puts NULLs last in both directions (its keyset pages need
    // one place for them); PostgreSQL's DESC would put them first.
    for (const SortKey &key : browse.browse.order) {
        plan.order << OrderItem{key.column, key.descending, true};
        sorted << key.column;
    }
    for (const QString &key : browse.keyColumns) {
        if (!sorted.contains(key))
            plan.order << OrderItem{key, false, false};
    }
    return plan;
}

// PostgREST reads a bare name as letters, digits, '_', '$' (and spaces and
// single dashes, which we quote anyway); anything else, and names the query
// string reserves, goes in double quotes with '\' escapes.
QString restName(const QString &name)
{
    static const QStringList reserved{QStringLiteral("select"), QStringLiteral("order"), QStringLiteral("limit"),
                                      QStringLiteral("offset"), QStringLiteral("columns"), QStringLiteral("on_conflict"),
                                      QStringLiteral("or"), QStringLiteral("and"), QStringLiteral("not")};
    bool plain = !name.isEmpty() && !reserved.contains(name);
    for (qsizetype i = 0; plain && i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            plain = QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, name.at(i + 1)));
            ++i;
        } else {
            plain = c.isLetterOrNumber() || c == u'_' || c == u'$';
        }
    }
    if (plain)
        return name;
    QString quoted = name;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + quoted + u'"';
}

// An item of in.(…): PostgREST splits at ',' and ')' and reads a leading
// '"' as a quoted item, so items with those (or spaces, kept readable) are quoted.
QString listItem(const QString &item)
{
    static const QRegularExpression special(QStringLiteral("[,()\"\\\\\\s]"));
    if (!item.isEmpty() && !item.contains(special))
        return item;
    QString quoted = item;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + quoted + u'"';
}

QString listText(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted << listItem(item);
    return u'(' + quoted.join(u',') + u')';
}

// Form encoding as the server decodes it: everything but unreserved
// characters and the grammar's own punctuation is %XX (so '+' is %2B and a
// space %20, which no decoder mistakes).
QByteArray encode(const QString &text)
{
    return QUrl::toPercentEncoding(text, QByteArrayLiteral(",()*:"));
}

QString orderText(const OrderItem &item)
{
    QString text = restName(item.column) + (item.descending ? QStringLiteral(".desc") : QStringLiteral(".asc"));
    if (item.nullsLast)
        text += QStringLiteral(".nullslast");
    return text;
}

QByteArray queryOf(const RestBrowse &browse, const Plan &plan)
{
    QList<QByteArray> params;
    if (!browse.columns.isEmpty()) {
        QStringList names;
        for (const QString &column : browse.columns)
            names << restName(column);
        params << "select=" + encode(names.join(u','));
    }
    for (const Term &term : plan.terms) {
        QString value;
        if (term.op == u"is")
            value = QStringLiteral("is.null");
        else if (term.op == u"in")
            value = QStringLiteral("in.") + listText(term.items);
        else if (term.op == u"like" || term.op == u"ilike")
            value = term.op + u'.' + QString(term.value).replace(u'%', u'*'); // PostgREST's readable wildcard
        else
            value = term.op + u'.' + term.value;
        if (term.negated)
            value.prepend(QStringLiteral("not."));
        params << encode(restName(term.column)) + '=' + encode(value);
    }
    if (!plan.order.isEmpty()) {
        QStringList items;
        for (const OrderItem &item : plan.order)
            items << orderText(item);
        params << "order=" + encode(items.join(u','));
    }
    return params.join('&');
}

// A JavaScript string literal in single quotes.
QString jsString(const QString &text)
{
    QString out = QStringLiteral("'");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\'': out += QStringLiteral("\\'"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case 0x2028: out += QStringLiteral("\\u2028"); break;
        case 0x2029: out += QStringLiteral("\\u2029"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + u'\'';
}

// Numbers that JavaScript prints back exactly as written go unquoted.
QString jsValue(const QString &text)
{
    static const QRegularExpression integer(QStringLiteral("^-?(0|[1-9][0-9]{0,14})$"));
    return integer.match(text).hasMatch() && text != u"-0" ? text : jsString(text);
}

// postgrest-js's in() quotes items holding ',', '(' or ')' but escapes
// nothing inside them, and never quotes an item that starts with '"'.
bool jsInIsSafe(const QStringList &items)
{
    for (const QString &item : items) {
        const bool reserved = item.contains(u',') || item.contains(u'(') || item.contains(u')');
        if (item.startsWith(u'"') || (reserved && (item.contains(u'"') || item.contains(u'\\'))))
            return false;
    }
    return true;
}

QString jsTerm(const Term &term)
{
    const QString column = jsString(restName(term.column));
    if (term.op == u"is")
        return term.negated ? QStringLiteral(".not(%1, 'is', null)").arg(column) : QStringLiteral(".is(%1, null)").arg(column);
    if (term.op == u"in") {
        if (!jsInIsSafe(term.items))
            return QStringLiteral(".filter(%1, 'in', %2)").arg(column, jsString(listText(term.items)));
        QStringList values;
        for (const QString &item : term.items)
            values << jsValue(item);
        return QStringLiteral(".in(%1, [%2])").arg(column, values.join(QStringLiteral(", ")));
    }
    if (term.op == u"like" || term.op == u"ilike")
        return QStringLiteral(".%1(%2, %3)").arg(term.op, column, jsString(term.value));
    return QStringLiteral(".%1(%2, %3)").arg(term.op, column, jsValue(term.value));
}

// from() is pasted into the URL's path by postgrest-js unencoded: the
// characters that would end or escape a path segment are encoded here.
QString jsRelation(const QString &relation)
{
    QString out;
    for (const QChar c : relation) {
        if (c == u'%' || c == u'#' || c == u'?' || c == u'/' || c == u'\\')
            out += QString::fromLatin1(QUrl::toPercentEncoding(QString(c)));
        else
            out += c;
    }
    return out;
}

QString restRoot(const RestBrowse &browse)
{
    QString base = browse.baseUrl.isEmpty() ? QString::fromLatin1(kPlaceholderBase) : browse.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + QStringLiteral("/rest/") + QString::fromLatin1(QUrl::toPercentEncoding(browse.connection));
}

} // namespace

QByteArray restQueryString(const RestBrowse &browse, QStringList *notes)
{
    const Plan plan = makePlan(browse);
    if (notes)
        *notes = plan.notes;
    return queryOf(browse, plan);
}

RestText restUrl(const RestBrowse &browse)
{
    const Plan plan = makePlan(browse);
    const QByteArray query = queryOf(browse, plan);
    QString text = restRoot(browse) + u'/' + QString::fromLatin1(encode(plan.relation));
    if (!query.isEmpty())
        text += u'?' + QString::fromLatin1(query);
    for (const QString &note : plan.notes)
        text += QStringLiteral("\n# ") + note;
    return {text, plan.notes};
}

RestText postgrestJs(const RestBrowse &browse)
{
    const Plan plan = makePlan(browse);
    QStringList lines;
    lines << QStringLiteral("// import { PostgrestClient } from '@supabase/postgrest-js'")
          << QStringLiteral("// const supabase = new PostgrestClient(%1, { headers: { Authorization: `Bearer ${token}` } })")
                 .arg(jsString(restRoot(browse)));
    for (const QString &note : plan.notes)
        lines << QStringLiteral("// ") + note;
    QStringList names;
    for (const QString &column : browse.columns)
        names << restName(column);
    QString call = QStringLiteral("const { data, error } = await supabase.from(%1).select(%2)")
                       .arg(jsString(jsRelation(plan.relation)),
                            jsString(names.isEmpty() ? QStringLiteral("*") : names.join(u',')));
    for (const Term &term : plan.terms)
        call += jsTerm(term);
    for (const OrderItem &item : plan.order) {
        const QString ascending = item.descending ? QStringLiteral("false") : QStringLiteral("true");
        call += item.nullsLast
                    ? QStringLiteral(".order(%1, { ascending: %2, nullsFirst: false })").arg(jsString(restName(item.column)), ascending)
                    : QStringLiteral(".order(%1, { ascending: %2 })").arg(jsString(restName(item.column)), ascending);
    }
    lines << call;
    return {lines.join(u'\n'), plan.notes};
}

QString restBaseUrl(const QUrl &running, const config::ApiSettings *configured)
{
    if (running.isValid() && !running.host().isEmpty())
        return running.toString(QUrl::StripTrailingSlash);
    if (configured && configured->port > 0 && !configured->listenAddress.isEmpty()) {
        config::ListenAddress address{configured->listenAddress, configured->port};
        // A wildcard is where the server listens, not an address to call.
        if (address.isWildcard())
            address.host = address.host.contains(u':') ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
        const bool tls = !configured->tlsCertificate.isEmpty();
        return (tls ? QStringLiteral("https://") : QStringLiteral("http://")) + address.toString();
    }
    return QString::fromLatin1(kPlaceholderBase);
}

} // namespace tw::data

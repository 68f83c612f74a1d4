#include "TransactionRequest.h"

#include "data/RestTransaction.h"
#include "http/ApiResponses.h"
#include "http/auth/StrictJson.h"
#include "http/rest/QueryString.h"
#include "http/rest/RestError.h"
#include "http/rest/RestQueryParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace tw::http::v1 {

namespace {

// Rows may carry json/jsonb values; deeper than this is refused.
constexpr int kMaxJsonDepth = 64;

// Byte ranges inside a JSON text that has already been validated (by the
// strict scanner and QJsonDocument): rows and values are handed to the
// database as sent, as POST /rest does, rather than re-serialised from
// QJsonValue (which keeps only a double's digits of a numeric).
class RawJson
{
public:
    explicit RawJson(const QByteArray &text) : m_text(text) {}

    qsizetype skipSpace(qsizetype p) const
    {
        while (p < m_text.size() && (m_text[p] == ' ' || m_text[p] == '\t' || m_text[p] == '\n' || m_text[p] == '\r'))
            ++p;
        return p;
    }

    qsizetype stringEnd(qsizetype p) const // p at the opening quote
    {
        for (++p; p < m_text.size() && m_text[p] != '"'; ++p) {
            if (m_text[p] == '\\')
                ++p;
        }
        return p + 1;
    }

    qsizetype valueEnd(qsizetype p) const
    {
        if (p >= m_text.size())
            return p;
        if (m_text[p] == '"')
            return stringEnd(p);
        if (m_text[p] == '{' || m_text[p] == '[') {
            int depth = 0;
            while (p < m_text.size()) {
                const char c = m_text[p];
                if (c == '"') {
                    p = stringEnd(p);
                    continue;
                }
                if (c == '{' || c == '[')
                    ++depth;
                else if ((c == '}' || c == ']') && --depth == 0)
                    return p + 1;
                ++p;
            }
            return p;
        }
        while (p < m_text.size() && !QByteArrayView(",]} \t\r\n").contains(m_text[p]))
            ++p;
        return p;
    }

    struct Span
    {
        qsizetype start = -1;
        qsizetype end = -1;
    };

    // The members of the object starting at p: decoded key → where its value is.
    QHash<QString, Span> members(qsizetype p) const
    {
        QHash<QString, Span> out;
        if (p < 0)
            return out;
        p = skipSpace(p);
        if (p >= m_text.size() || m_text[p] != '{')
            return out;
        p = skipSpace(p + 1);
        while (p < m_text.size() && m_text[p] == '"') {
            const qsizetype keyEnd = stringEnd(p);
            const QString key = decodeKey(m_text.mid(p, keyEnd - p));
            p = skipSpace(keyEnd);
            p = skipSpace(p + 1); // ':'
            const qsizetype end = valueEnd(p);
            out.insert(key, Span{p, end});
            p = skipSpace(end);
            if (p < m_text.size() && m_text[p] == ',')
                p = skipSpace(p + 1);
        }
        return out;
    }

    // The start offset of each element of the array starting at p.
    QList<qsizetype> elements(qsizetype p) const
    {
        QList<qsizetype> out;
        if (p < 0)
            return out;
        p = skipSpace(p);
        if (p >= m_text.size() || m_text[p] != '[')
            return out;
        p = skipSpace(p + 1);
        while (p < m_text.size() && m_text[p] != ']') {
            out << p;
            p = skipSpace(valueEnd(p));
            if (p < m_text.size() && m_text[p] == ',')
                p = skipSpace(p + 1);
        }
        return out;
    }

    QByteArray slice(const Span &span) const
    {
        return span.start < 0 ? QByteArray() : m_text.mid(span.start, span.end - span.start);
    }

private:
    static QString decodeKey(const QByteArray &quoted)
    {
        if (!quoted.contains('\\'))
            return QString::fromUtf8(quoted.mid(1, quoted.size() - 2));
        return QJsonDocument::fromJson('[' + quoted + ']').array().at(0).toString();
    }

    const QByteArray &m_text;
};

HttpResponse refusal(int index, const QString &field, const QString &message, const QString &code = {},
                     const QString &detail = {}, const QString &hint = {})
{
    QString where;
    if (index >= 0)
        where = QStringLiteral("operations[%1]").arg(index) + (field.isEmpty() ? QString() : u'.' + field);
    else
        where = field;
    QJsonObject details{{QStringLiteral("operation"), index >= 0 ? QJsonValue(index) : QJsonValue()},
                        {QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field)}};
    if (!detail.isEmpty())
        details.insert(QStringLiteral("detail"), detail);
    return errorResponse(400, code.isEmpty() ? QStringLiteral("VALIDATION_FAILED") : code,
                         where.isEmpty() ? message : where + QStringLiteral(": ") + message, details, hint);
}

// A grammar error (PGRST100 …) for one field of one operation.
HttpResponse grammarRefusal(int index, const QString &field, const Error &error)
{
    const QString code = rest::pgrstCode(error);
    return refusal(index, field, error.message(), code.isEmpty() ? QStringLiteral("PGRST100") : code,
                   rest::pgrstDetails(error), error.hint());
}

bool allowedField(const QString &op, const QString &field)
{
    static const QHash<QString, QSet<QString>> fields{
        {QStringLiteral("insert"), {QStringLiteral("rows")}},
        {QStringLiteral("upsert"), {QStringLiteral("rows"), QStringLiteral("on_conflict"), QStringLiteral("resolution")}},
        {QStringLiteral("update"), {QStringLiteral("values"), QStringLiteral("filter")}},
        {QStringLiteral("delete"), {QStringLiteral("filter")}},
    };
    static const QSet<QString> common{QStringLiteral("op"), QStringLiteral("table"), QStringLiteral("returning"),
                                      QStringLiteral("select")};
    return common.contains(field) || fields.value(op).contains(field);
}

const QSet<QString> &knownFields()
{
    static const QSet<QString> known{QStringLiteral("op"),         QStringLiteral("table"),      QStringLiteral("rows"),
                                     QStringLiteral("values"),     QStringLiteral("filter"),     QStringLiteral("on_conflict"),
                                     QStringLiteral("resolution"), QStringLiteral("returning"),  QStringLiteral("select")};
    return known;
}

// The filter alone: a query string of conditions (and or=/and= groups),
// nothing that shapes a read.
std::variant<rest::RestQuery, HttpResponse> parseFilter(int index, const QString &filter, const rest::RestLimits &limits)
{
    auto params = rest::parseQueryString(filter.toUtf8());
    if (!params)
        return grammarRefusal(index, QStringLiteral("filter"), params.error());
    static const QSet<QString> reserved{QStringLiteral("select"), QStringLiteral("order"), QStringLiteral("limit"),
                                        QStringLiteral("offset"), QStringLiteral("columns"), QStringLiteral("on_conflict")};
    for (const rest::QueryParam &param : params.value()) {
        if (reserved.contains(param.key))
            return refusal(index, QStringLiteral("filter"), QStringLiteral("'%1' is not a filter").arg(param.key), {}, {},
                           QStringLiteral("Give only conditions such as id=eq.1; select and on_conflict are fields of "
                                          "their own"));
    }
    auto query = rest::parseRestQuery(params.value(), limits);
    if (!query)
        return grammarRefusal(index, QStringLiteral("filter"), query.error());
    if (!query.value().hasFilter())
        return refusal(index, QStringLiteral("filter"), QStringLiteral("the filter has no condition"), {}, {},
                       QStringLiteral("Add a condition such as id=eq.1"));
    return std::move(query).value();
}

std::variant<TransactionOperation, HttpResponse> parseOperation(int index, const QJsonValue &value, const RawJson &text,
                                                                qsizetype start, const rest::RestLimits &limits)
{
    if (!value.isObject())
        return refusal(index, {}, QStringLiteral("an operation must be a JSON object"));
    const QJsonObject object = value.toObject();
    const auto raw = text.members(start);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!knownFields().contains(it.key()))
            return refusal(index, it.key(), QStringLiteral("unknown key"), {}, {},
                           QStringLiteral("Known keys: op, table, rows, values, filter, on_conflict, resolution, "
                                          "returning, select"));
    }
    TransactionOperation out;
    const QJsonValue op = object.value(QStringLiteral("op"));
    if (!op.isString())
        return refusal(index, QStringLiteral("op"), op.isUndefined() ? QStringLiteral("is required")
                                                                     : QStringLiteral("must be a string"));
    out.op = op.toString();
    static const QStringList ops{QStringLiteral("insert"), QStringLiteral("upsert"), QStringLiteral("update"),
                                 QStringLiteral("delete")};
    if (!ops.contains(out.op))
        return refusal(index, QStringLiteral("op"), QStringLiteral("unknown operation '%1'").arg(out.op), {}, {},
                       QStringLiteral("Use insert, upsert, update or delete"));
    const QJsonValue table = object.value(QStringLiteral("table"));
    if (!table.isString() || table.toString().trimmed().isEmpty())
        return refusal(index, QStringLiteral("table"), table.isUndefined() ? QStringLiteral("is required")
                                                                           : QStringLiteral("must be a non-empty string"));
    out.table = table.toString();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowedField(out.op, it.key()))
            return refusal(index, it.key(), QStringLiteral("does not apply to %1").arg(out.op));
    }

    data::RestWrite &write = out.write;
    data::RestWriteOptions &options = write.options;
    write.kind = out.op == u"update"   ? data::RestWriteKind::Update
                 : out.op == u"delete" ? data::RestWriteKind::Delete
                                       : data::RestWriteKind::Insert;

    const QJsonValue returning = object.value(QStringLiteral("returning"));
    if (!returning.isUndefined()) {
        if (returning != QJsonValue(QStringLiteral("minimal")) && returning != QJsonValue(QStringLiteral("representation")))
            return refusal(index, QStringLiteral("returning"), QStringLiteral("must be \"minimal\" or \"representation\""));
        if (returning.toString() == u"representation")
            options.returning = data::RestWriteOptions::Return::Representation;
    }

    if (write.kind == data::RestWriteKind::Insert) {
        const QJsonValue rows = object.value(QStringLiteral("rows"));
        if (rows.isUndefined())
            return refusal(index, QStringLiteral("rows"), QStringLiteral("is required for %1").arg(out.op));
        if (!rows.isObject() && !rows.isArray())
            return refusal(index, QStringLiteral("rows"), QStringLiteral("must be an object or an array of objects"));
        if (rows.isArray()) {
            const QJsonArray array = rows.toArray();
            if (array.isEmpty())
                return refusal(index, QStringLiteral("rows"), QStringLiteral("must hold at least one row"));
            for (qsizetype r = 0; r < array.size(); ++r) {
                if (!array.at(r).isObject())
                    return refusal(index, QStringLiteral("rows"),
                                   QStringLiteral("element %1 is not a JSON object").arg(r));
            }
        }
        write.body = text.slice(raw.value(QStringLiteral("rows")));
    } else if (write.kind == data::RestWriteKind::Update) {
        const QJsonValue values = object.value(QStringLiteral("values"));
        if (!values.isObject())
            return refusal(index, QStringLiteral("values"), values.isUndefined() ? QStringLiteral("is required for update")
                                                                                 : QStringLiteral("must be a JSON object"));
        write.body = text.slice(raw.value(QStringLiteral("values")));
    }

    if (write.kind != data::RestWriteKind::Insert) {
        const QJsonValue filter = object.value(QStringLiteral("filter"));
        if (filter.isUndefined())
            return refusal(index, QStringLiteral("filter"), QStringLiteral("is required for %1").arg(out.op), {}, {},
                           QStringLiteral("Give the rows to change as PostgREST filters, e.g. \"id=eq.1\""));
        if (!filter.isString())
            return refusal(index, QStringLiteral("filter"), QStringLiteral("must be a string"));
        auto parsed = parseFilter(index, filter.toString(), limits);
        if (auto *refused = std::get_if<HttpResponse>(&parsed))
            return std::move(*refused);
        write.query = std::get<rest::RestQuery>(std::move(parsed));
    }

    if (out.op == u"upsert") {
        options.resolution = data::RestWriteOptions::Resolution::MergeDuplicates;
        const QJsonValue resolution = object.value(QStringLiteral("resolution"));
        if (!resolution.isUndefined()) {
            if (resolution != QJsonValue(QStringLiteral("merge")) && resolution != QJsonValue(QStringLiteral("ignore")))
                return refusal(index, QStringLiteral("resolution"), QStringLiteral("must be \"merge\" or \"ignore\""));
            if (resolution.toString() == u"ignore")
                options.resolution = data::RestWriteOptions::Resolution::IgnoreDuplicates;
        }
        const QJsonValue onConflict = object.value(QStringLiteral("on_conflict"));
        if (!onConflict.isUndefined()) {
            if (!onConflict.isString())
                return refusal(index, QStringLiteral("on_conflict"), QStringLiteral("must be a string"));
            auto parsed = rest::parseRestQuery(QList<rest::QueryParam>{{QStringLiteral("on_conflict"), onConflict.toString()}}, limits);
            if (!parsed)
                return grammarRefusal(index, QStringLiteral("on_conflict"), parsed.error());
            write.query.onConflict = parsed.value().onConflict;
        }
    }

    const QJsonValue select = object.value(QStringLiteral("select"));
    if (!select.isUndefined()) {
        if (!select.isString())
            return refusal(index, QStringLiteral("select"), QStringLiteral("must be a string"));
        if (options.returning != data::RestWriteOptions::Return::Representation)
            return refusal(index, QStringLiteral("select"), QStringLiteral("applies only with \"returning\": \"representation\""));
        auto parsed = rest::parseRestQuery(QList<rest::QueryParam>{{QStringLiteral("select"), select.toString()}}, limits);
        if (!parsed)
            return grammarRefusal(index, QStringLiteral("select"), parsed.error());
        write.query.select = parsed.value().select;
        write.query.selectGiven = parsed.value().selectGiven;
        write.query.complexity += parsed.value().complexity;
    }
    return out;
}

} // namespace

std::variant<TransactionRequest, HttpResponse> parseTransactionRequest(const QByteArray &body,
                                                                       const rest::RestLimits &limits)
{
    auto parsed = auth::parseStrictJsonObject(body, kMaxJsonDepth);
    if (!parsed)
        return refusal(-1, {}, QStringLiteral("the body is not valid JSON: %1").arg(parsed.error().message()),
                       QStringLiteral("PGRST102"), {},
                       QStringLiteral("Send {\"operations\": [...], \"rollback\": false} as application/json"));
    const QJsonObject top = parsed.value();
    for (auto it = top.begin(); it != top.end(); ++it) {
        if (it.key() != u"operations" && it.key() != u"rollback")
            return refusal(-1, it.key(), QStringLiteral("unknown key"), {}, {},
                           QStringLiteral("Known keys: operations, rollback"));
    }
    TransactionRequest out;
    const QJsonValue rollback = top.value(QStringLiteral("rollback"));
    if (!rollback.isUndefined() && !rollback.isBool())
        return refusal(-1, QStringLiteral("rollback"), QStringLiteral("must be true or false"));
    out.rollback = rollback.toBool(false);
    const QJsonValue operations = top.value(QStringLiteral("operations"));
    if (!operations.isArray())
        return refusal(-1, QStringLiteral("operations"), operations.isUndefined() ? QStringLiteral("is required")
                                                                                  : QStringLiteral("must be an array"));
    const QJsonArray list = operations.toArray();
    if (list.isEmpty())
        return refusal(-1, QStringLiteral("operations"), QStringLiteral("needs at least one operation"));
    if (list.size() > data::kMaxTransactionOperations)
        return refusal(-1, QStringLiteral("operations"),
                       QStringLiteral("at most %1 operations per transaction; this one has %2")
                           .arg(data::kMaxTransactionOperations)
                           .arg(list.size()),
                       {}, {}, QStringLiteral("Split the work into several transactions"));

    const RawJson raw(body);
    const QList<qsizetype> starts = raw.elements(raw.members(0).value(QStringLiteral("operations")).start);
    if (starts.size() != list.size()) // cannot happen on text both parsers accepted
        return refusal(-1, QStringLiteral("operations"), QStringLiteral("could not be read"));
    out.operations.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto operation = parseOperation(int(i), list.at(i), raw, starts.at(i), limits);
        if (auto *refused = std::get_if<HttpResponse>(&operation))
            return std::move(*refused);
        out.operations << std::get<TransactionOperation>(std::move(operation));
    }
    return out;
}

} // namespace tw::http::v1

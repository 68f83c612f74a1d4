#include "OpenApiTable.h"

#include "OpenApiParts.h"
#include "VisibleSnapshot.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

namespace tw::http::openapi {

namespace {

// Query parameters the grammar reserves: a column named like one cannot be
// filtered by name (PostgREST reads the parameter as the keyword).
bool reservedParameter(const QString &name)
{
    static const QSet<QString> reserved{QStringLiteral("select"), QStringLiteral("order"), QStringLiteral("limit"),
                                        QStringLiteral("offset"), QStringLiteral("or"), QStringLiteral("and"),
                                        QStringLiteral("not.or"), QStringLiteral("not.and"), QStringLiteral("columns"),
                                        QStringLiteral("on_conflict")};
    return reserved.contains(name);
}

QString segment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString kindWord(catalog::ObjectKind kind)
{
    switch (kind) {
    case catalog::ObjectKind::View: return QStringLiteral("View");
    case catalog::ObjectKind::MaterializedView: return QStringLiteral("Materialized view");
    case catalog::ObjectKind::ForeignTable: return QStringLiteral("Foreign table");
    case catalog::ObjectKind::PartitionedTable: return QStringLiteral("Partitioned table");
    default: return QStringLiteral("Table");
    }
}

QJsonObject headerRefs(const QStringList &names)
{
    QJsonObject refs;
    for (const QString &name : names) {
        QString key = name;
        key.remove(u'-');
        refs.insert(name, headerRef(key));
    }
    return refs;
}

// The table's rows as an answer, shared by its operations through
// components/responses (thousands of tables: said once, referred to often).
QJsonObject rowsResponse(const QString &shown, const QJsonObject &rowSchema)
{
    const QJsonObject rows{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), rowSchema}};
    return QJsonObject{
        {QStringLiteral("description"),
         QStringLiteral("Rows of %1: the columns `select` names (every visible one by default).").arg(shown)},
        {QStringLiteral("headers"), headerRefs({QStringLiteral("Content-Range"), QStringLiteral("Preference-Applied"), QStringLiteral("Location")})},
        {QStringLiteral("content"), QJsonObject{
            {QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), rows}}},
            // Exactly one row, or 406 PGRST116.
            {QStringLiteral("application/vnd.pgrst.object+json"), QJsonObject{{QStringLiteral("schema"), rowSchema}}},
            {QStringLiteral("text/csv"), QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}},
        }},
    };
}

QJsonArray concat(std::initializer_list<QJsonArray> parts)
{
    QJsonArray all;
    for (const QJsonArray &part : parts) {
        for (const QJsonValue &v : part)
            all.append(v);
    }
    return all;
}

QJsonArray refs(std::initializer_list<const char *> names)
{
    QJsonArray out;
    for (const char *name : names)
        out.append(parameterRef(QString::fromLatin1(name)));
    return out;
}

QJsonObject withErrors(QJsonObject responses, std::initializer_list<int> extra)
{
    const QJsonObject errors = errorResponses(extra);
    for (auto it = errors.begin(); it != errors.end(); ++it)
        responses.insert(it.key(), it.value());
    return responses;
}

} // namespace

TableEntry tableEntry(const QString &connection, bool postgres, const catalog::Relation &relation,
                      const OpenApiTableAccess &access, const QString &schemaKey, const TypeMapper &types)
{
    TableEntry entry;
    entry.path = QStringLiteral("/rest/%1/%2").arg(segment(connection), segment(access.restName));
    const QString shown = relation.qualifiedName();
    const QJsonArray tags{connection};

    QStringList keyColumns;
    for (const catalog::Constraint &c : relation.constraints) {
        if (c.type == catalog::Constraint::Type::PrimaryKey)
            keyColumns = c.columns;
    }

    QJsonObject properties;
    QJsonObject writable;         // PATCH body: columns a write may set
    QJsonArray required;
    QJsonArray filters;
    QSet<QString> parameterKeys;
    const QString filterSchema = QLatin1String(postgres ? kPostgresFilter : kSqliteFilter);
    for (const catalog::Column &column : relation.columns) {
        if (column.hidden || access.hiddenColumns.contains(column.name))
            continue;
        const QStringList notes = keyColumns.contains(column.name) ? QStringList{QStringLiteral("Primary key.")} : QStringList{};
        const QJsonObject property =
            types.columnSchema(v1::visibleColumn(column, QSet<QString>(access.hiddenColumns.cbegin(), access.hiddenColumns.cend())), notes);
        properties.insert(column.name, property);
        if (!property.value(QStringLiteral("readOnly")).toBool())
            writable.insert(column.name, property);
        if (TypeMapper::requiredOnInsert(column))
            required.append(column.name);
        if (reservedParameter(column.name))
            continue;

        QString key = QStringLiteral("rowFilter.%1.%2").arg(schemaKey, componentKey(column.name));
        for (int n = 2; parameterKeys.contains(key); ++n)
            key = QStringLiteral("rowFilter.%1.%2-%3").arg(schemaKey, componentKey(column.name)).arg(n);
        parameterKeys.insert(key);
        entry.parameters.append({key, QJsonObject{
            {QStringLiteral("name"), column.name},
            {QStringLiteral("in"), QStringLiteral("query")},
            {QStringLiteral("description"), QStringLiteral("Filter on %1 (%2).").arg(column.name, column.type.isEmpty() ? QStringLiteral("no declared type") : column.type)},
            {QStringLiteral("schema"), schemaRef(filterSchema)},
        }});
        filters.append(parameterRef(key));
    }

    QString description = QStringLiteral("%1 %2 of connection %3.").arg(kindWord(relation.kind), shown, connection);
    if (!relation.comment.isEmpty())
        description += QStringLiteral("\n\n") + relation.comment;
    entry.schema = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                               {QStringLiteral("description"), description},
                               {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        entry.schema.insert(QStringLiteral("required"), required);

    const QJsonObject row = schemaRef(schemaKey);
    entry.response = rowsResponse(shown, row);
    const QJsonObject rows = responseRef(schemaKey);
    const QJsonObject counted = responseRef(QStringLiteral("RowCount"));
    const QJsonArray readParameters = concat({refs({"select"}), filters, refs({"or", "and", "order", "limit", "offset", "range", "rangeUnit", "preferRead"})});
    entry.pathItem.insert(QStringLiteral("get"), QJsonObject{
        {QStringLiteral("tags"), tags},
        {QStringLiteral("summary"), QStringLiteral("Read rows of %1").arg(shown)},
        {QStringLiteral("description"), QStringLiteral("Filters are ANDed; `or`/`and` group them. 206 when a count shows more rows. Needs database:read.")},
        {QStringLiteral("parameters"), readParameters},
        {QStringLiteral("responses"), withErrors(QJsonObject{{QStringLiteral("200"), rows}, {QStringLiteral("206"), rows}}, {406, 416})},
    });
    entry.pathItem.insert(QStringLiteral("head"), QJsonObject{
        {QStringLiteral("tags"), tags},
        {QStringLiteral("summary"), QStringLiteral("Count rows of %1 (headers only)").arg(shown)},
        {QStringLiteral("parameters"), readParameters},
        {QStringLiteral("responses"), withErrors(QJsonObject{{QStringLiteral("200"), counted}, {QStringLiteral("206"), counted}}, {416})},
    });

    if (access.insert) {
        const QJsonObject body{{QStringLiteral("oneOf"), QJsonArray{row, QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                                                      {QStringLiteral("items"), row}}}}};
        entry.pathItem.insert(QStringLiteral("post"), QJsonObject{
            {QStringLiteral("tags"), tags},
            {QStringLiteral("summary"), QStringLiteral("Insert rows into %1 (upsert with on_conflict)").arg(shown)},
            {QStringLiteral("description"), QStringLiteral("One object or an array. 201 inserted (rows with return=representation, "
                                                           "Location with return=headers-only); 200 an upsert that only updated. Needs database:write.")},
            {QStringLiteral("parameters"), refs({"select", "columns", "on_conflict", "preferInsert"})},
            {QStringLiteral("requestBody"), QJsonObject{{QStringLiteral("required"), true},
                                                        {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"),
                                                                                                 QJsonObject{{QStringLiteral("schema"), body}}}}}}},
            {QStringLiteral("responses"), withErrors(QJsonObject{{QStringLiteral("201"), rows}, {QStringLiteral("200"), rows}}, {406, 409})},
        });
    }
    const QJsonArray changeParameters = concat({refs({"select"}), filters, refs({"or", "and", "order", "limit", "preferChange", "ifMatch"})});
    const QJsonObject changed = withErrors(QJsonObject{{QStringLiteral("200"), rows}, {QStringLiteral("204"), responseRef(QStringLiteral("NoContent"))}},
                                           {406, 409, 412});
    if (access.update) {
        // Any subset of the writable columns; their types without the descriptions the row schema already gives.
        QJsonObject settable;
        for (auto it = writable.begin(); it != writable.end(); ++it) {
            QJsonObject property = it.value().toObject();
            property.remove(QStringLiteral("description"));
            settable.insert(it.key(), property);
        }
        entry.pathItem.insert(QStringLiteral("patch"), QJsonObject{
            {QStringLiteral("tags"), tags},
            {QStringLiteral("summary"), QStringLiteral("Update rows of %1").arg(shown)},
            {QStringLiteral("description"), QStringLiteral("Every row the filters match; a PATCH without a filter is refused. "
                                                           "200 with return=representation, else 204. Needs database:write.")},
            {QStringLiteral("parameters"), changeParameters},
            {QStringLiteral("requestBody"), QJsonObject{
                {QStringLiteral("required"), true},
                {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("object")},
                    {QStringLiteral("minProperties"), 1},
                    {QStringLiteral("properties"), settable}}}}}}}}},
            {QStringLiteral("responses"), changed},
        });
    }
    if (access.remove) {
        entry.pathItem.insert(QStringLiteral("delete"), QJsonObject{
            {QStringLiteral("tags"), tags},
            {QStringLiteral("summary"), QStringLiteral("Delete rows of %1").arg(shown)},
            {QStringLiteral("description"), QStringLiteral("Every row the filters match; a DELETE without a filter is refused. "
                                                           "200 with return=representation, else 204. Needs database:delete.")},
            {QStringLiteral("parameters"), changeParameters},
            {QStringLiteral("responses"), changed},
        });
    }
    return entry;
}

} // namespace tw::http::openapi

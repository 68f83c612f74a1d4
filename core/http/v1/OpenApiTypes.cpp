#include "OpenApiTypes.h"

#include "catalog/PostgresIdentifiers.h"
#include "db/Dialect.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tw::http::openapi {

namespace {

// Composite types may nest (and a domain may name another): bounded, so a
// type that refers to itself through an array cannot recurse forever.
constexpr int kMaxDepth = 6;

QJsonObject typed(const char *type, const char *format = nullptr)
{
    QJsonObject schema{{QStringLiteral("type"), QLatin1String(type)}};
    if (format)
        schema.insert(QStringLiteral("format"), QLatin1String(format));
    return schema;
}

QString unquoted(QString name)
{
    return name.remove(u'"');
}

// "character varying(40)" → 40; "timestamp(3) with time zone" → -1.
int lengthModifier(const QString &type)
{
    static const QRegularExpression length(QStringLiteral("^(character varying|character|varchar|bpchar)\\((\\d+)\\)$"));
    const auto match = length.match(type);
    return match.hasMatch() ? match.captured(2).toInt() : -1;
}

} // namespace

TypeMapper::TypeMapper(const catalog::Snapshot &snapshot)
    : m_snapshot(snapshot), m_postgres(snapshot.driver == config::Driver::Postgres)
{
    const auto index = [](QHash<QString, qsizetype> &map, const QString &schema, const QString &name, qsizetype i) {
        const QString spelled = catalog::pgQualified(schema, name);
        map.insert(spelled, i);
        map.insert(unquoted(spelled), i);
    };
    for (qsizetype i = 0; i < snapshot.enums.size(); ++i)
        index(m_enums, snapshot.enums[i].schema, snapshot.enums[i].name, i);
    for (qsizetype i = 0; i < snapshot.domains.size(); ++i)
        index(m_domains, snapshot.domains[i].schema, snapshot.domains[i].name, i);
    for (qsizetype i = 0; i < snapshot.composites.size(); ++i)
        index(m_composites, snapshot.composites[i].schema, snapshot.composites[i].name, i);
}

QJsonObject TypeMapper::schemaFor(const QString &nativeType) const
{
    return m_postgres ? postgres(nativeType.trimmed(), 0) : sqlite(nativeType);
}

QJsonObject TypeMapper::postgres(const QString &type, int depth) const
{
    if (depth > kMaxDepth)
        return typed("string");
    // format_type() writes one "[]" whatever the dimensions; the JSON of a
    // multi-dimensional array nests, which `items` of the element type
    // cannot say: documented as the one-dimensional case, as PostgREST does.
    if (type.endsWith(QLatin1String("[]"))) {
        QJsonObject array = typed("array");
        array.insert(QStringLiteral("items"), postgres(type.chopped(2).trimmed(), depth + 1));
        return array;
    }
    // The snapshot is read with an empty search_path, so user types (enums,
    // domains, composites, extension types) come schema-qualified; built-in
    // ones never do.
    if (type.contains(u'.') || type.startsWith(u'"'))
        return postgresNamed(type, depth);
    return postgresBuiltin(type);
}

QJsonObject TypeMapper::postgresBuiltin(const QString &type) const
{
    // Modifiers may sit inside the name: "timestamp(3) with time zone".
    static const QRegularExpression modifiers(QStringLiteral("\\s*\\([^)]*\\)"));
    QString base = type.toLower();
    base.remove(modifiers);
    base = base.simplified();

    if (base == u"boolean")
        return typed("boolean");
    if (base == u"smallint")
        return typed("integer", "int16");
    if (base == u"integer")
        return typed("integer", "int32");
    if (base == u"bigint" || base == u"oid")
        return typed("integer", "int64");
    if (base == u"real")
        return typed("number", "float");
    if (base == u"double precision")
        return typed("number", "double");
    if (base == u"numeric")
        return typed("number");
    if (base == u"json" || base == u"jsonb")
        return {};   // any JSON value, null included
    if (base == u"uuid")
        return typed("string", "uuid");
    if (base == u"date")
        return typed("string", "date");
    if (base == u"timestamp with time zone")
        return typed("string", "date-time");
    // No offset in the text ("2024-05-01T10:00:00"): not an RFC 3339
    // date-time, which a client's parser would refuse.
    if (base == u"timestamp without time zone")
        return typed("string", "date-time-local");
    if (base == u"time without time zone")
        return typed("string", "time-local");
    if (base == u"time with time zone")
        return typed("string", "time");
    if (base == u"bytea") {
        QJsonObject bytes = typed("string");
        bytes.insert(QStringLiteral("pattern"), QStringLiteral("^\\\\x([0-9a-f]{2})*$"));
        return bytes;
    }
    QJsonObject text = typed("string");
    if (const int length = lengthModifier(type.toLower()); length > 0)
        text.insert(QStringLiteral("maxLength"), length);
    // text, varchar, char, name, money, interval, inet, ranges, tsvector, …:
    // PostgreSQL's JSON of all of them is their text.
    return text;
}

QJsonObject TypeMapper::postgresNamed(const QString &type, int depth) const
{
    if (const auto it = m_enums.constFind(type); it != m_enums.cend()) {
        const catalog::EnumType &e = m_snapshot.enums[it.value()];
        QJsonObject schema = typed("string");
        if (!e.labels.isEmpty())   // OpenAPI wants at least one item in enum
            schema.insert(QStringLiteral("enum"), QJsonArray::fromStringList(e.labels));
        return schema;
    }
    if (const auto it = m_domains.constFind(type); it != m_domains.cend())
        return postgres(m_snapshot.domains[it.value()].baseType.trimmed(), depth + 1);
    if (const auto it = m_composites.constFind(type); it != m_composites.cend()) {
        QJsonObject properties;
        for (const catalog::CompositeAttribute &a : m_snapshot.composites[it.value()].attributes)
            properties.insert(a.name, postgres(a.type.trimmed(), depth + 1));
        QJsonObject schema = typed("object");
        schema.insert(QStringLiteral("properties"), properties);
        return schema;
    }
    // Extension types (citext, hstore, ltree, …) and user ranges: their text.
    return typed("string");
}

QJsonObject TypeMapper::sqlite(const QString &type) const
{
    // SQLite keeps any value in any column of a table that is not STRICT:
    // these describe what the declared type's affinity makes of ordinary
    // values, and claim no string formats.
    switch (db::dialectFor(config::Driver::Sqlite).logicalType(type)) {
    case db::LogicalType::Boolean: {
        QJsonObject flag = typed("integer");
        flag.insert(QStringLiteral("description"), QStringLiteral("0 or 1"));
        return flag;
    }
    case db::LogicalType::Integer:
    case db::LogicalType::BigInt: return typed("integer", "int64");   // SQLite integers are 64-bit
    case db::LogicalType::Real: return typed("number", "double");
    case db::LogicalType::Numeric: return typed("number");
    case db::LogicalType::Json:
    case db::LogicalType::Other: return {};
    case db::LogicalType::Uuid:
    case db::LogicalType::Text:
    case db::LogicalType::Date:
    case db::LogicalType::Time:
    case db::LogicalType::Timestamp:
    case db::LogicalType::TimestampTz:
    case db::LogicalType::Bytes: return typed("string");
    }
    return {};
}

QJsonObject TypeMapper::columnSchema(const catalog::Column &column, const QStringList &notes) const
{
    QJsonObject schema = schemaFor(column.type);
    QStringList description{column.type.isEmpty() ? QStringLiteral("(no declared type)") : column.type};
    if (const QString own = schema.take(QStringLiteral("description")).toString(); !own.isEmpty())
        description.last() += QStringLiteral(": ") + own;
    if (!column.comment.isEmpty())
        description << column.comment;
    description << notes;
    if (!column.generated.isEmpty())
        description << QStringLiteral("Generated: %1.").arg(column.generated);
    else if (!column.identity.isEmpty())
        description << QStringLiteral("Identity (%1).").arg(column.identity);
    else if (!column.defaultValue.isEmpty())
        description << QStringLiteral("Default: %1.").arg(column.defaultValue);
    schema.insert(QStringLiteral("description"), description.join(QStringLiteral("\n\n")));

    // nullable means something only next to a type; an untyped schema
    // already takes null.
    if (!column.notNull && schema.contains(QStringLiteral("type"))) {
        schema.insert(QStringLiteral("nullable"), true);
        if (schema.contains(QStringLiteral("enum"))) {
            // OpenAPI 3.0.3: an enum lists every allowed value, null too.
            QJsonArray values = schema.value(QStringLiteral("enum")).toArray();
            values.append(QJsonValue::Null);
            schema.insert(QStringLiteral("enum"), values);
        }
    }
    if (!column.generated.isEmpty() || column.identity == u"always")
        schema.insert(QStringLiteral("readOnly"), true);
    return schema;
}

bool TypeMapper::requiredOnInsert(const catalog::Column &column)
{
    return column.notNull && column.defaultValue.isEmpty() && column.identity.isEmpty() && column.generated.isEmpty();
}

} // namespace tw::http::openapi

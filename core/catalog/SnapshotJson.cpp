#include "SnapshotJson.h"

#include <QJsonArray>

namespace tw::catalog {

namespace {

// One rule for the whole shape: every key is always present; text without a
// value is null, so clients never need to guess between "" and missing.
QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonArray strings(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

QJsonValue number(qint64 value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(value));
}

template<typename T, typename Fn>
QJsonArray arrayOf(const QList<T> &items, Fn toJson)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

// {schema, name}, or null for an empty reference: never one "schema.name"
// text, which names with dots would make ambiguous.
QJsonValue qualified(const QualifiedName &n)
{
    if (n.isEmpty())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("schema"), text(n.schema)}, {QStringLiteral("name"), n.name}};
}

QJsonArray qualifiedList(const QList<QualifiedName> &names)
{
    QJsonArray array;
    for (const QualifiedName &n : names)
        array.append(qualified(n));
    return array;
}

QJsonObject policyJson(const Policy &p)
{
    return {
        {QStringLiteral("name"), p.name},
        {QStringLiteral("command"), p.command},
        {QStringLiteral("permissive"), p.permissive},
        {QStringLiteral("roles"), strings(p.roles)},
        {QStringLiteral("using"), text(p.usingExpression)},
        {QStringLiteral("withCheck"), text(p.withCheck)},
        {QStringLiteral("comment"), text(p.comment)},
    };
}

QJsonObject columnJson(const Column &c)
{
    return {
        {QStringLiteral("name"), c.name},
        {QStringLiteral("position"), c.position},
        {QStringLiteral("type"), c.type},
        {QStringLiteral("notNull"), c.notNull},
        {QStringLiteral("default"), text(c.defaultValue)},
        {QStringLiteral("identity"), text(c.identity)},
        {QStringLiteral("generated"), text(c.generated)},
        {QStringLiteral("generatedStorage"), text(c.generatedStorage)},
        {QStringLiteral("hidden"), c.hidden},
        {QStringLiteral("collation"), text(c.collation)},
        {QStringLiteral("collationSchema"), text(c.collationSchema)},
        {QStringLiteral("comment"), text(c.comment)},
        {QStringLiteral("local"), c.local},
    };
}

QJsonObject constraintJson(const Constraint &c)
{
    QJsonObject o{
        {QStringLiteral("name"), text(c.name)},
        {QStringLiteral("type"), constraintTypeName(c.type)},
        {QStringLiteral("columns"), strings(c.columns)},
        {QStringLiteral("definition"), c.definition},
        {QStringLiteral("deferrable"), c.deferrable},
        {QStringLiteral("initiallyDeferred"), c.initiallyDeferred},
        {QStringLiteral("validated"), c.validated},
        {QStringLiteral("comment"), text(c.comment)},
        {QStringLiteral("local"), c.local},
    };
    QJsonValue references = QJsonValue::Null;
    if (c.type == Constraint::Type::ForeignKey) {
        references = QJsonObject{
            {QStringLiteral("schema"), text(c.refSchema)},
            {QStringLiteral("table"), c.refTable},
            {QStringLiteral("columns"), strings(c.refColumns)},
            {QStringLiteral("onUpdate"), text(c.onUpdate)},
            {QStringLiteral("onDelete"), text(c.onDelete)},
            {QStringLiteral("match"), text(c.match)},
        };
    }
    o.insert(QStringLiteral("references"), references);
    return o;
}

QJsonObject indexJson(const Index &i, JsonStats stats)
{
    QJsonObject o{
        {QStringLiteral("name"), i.name},
        {QStringLiteral("method"), text(i.method)},
        {QStringLiteral("unique"), i.unique},
        {QStringLiteral("primary"), i.primary},
        {QStringLiteral("constraint"), text(i.constraintName)},
        {QStringLiteral("keys"), strings(i.keys)},
        {QStringLiteral("include"), strings(i.include)},
        {QStringLiteral("predicate"), text(i.predicate)},
        {QStringLiteral("definition"), text(i.definition)},
        {QStringLiteral("partitionOf"), qualified(i.parentIndex)},
        {QStringLiteral("comment"), text(i.comment)},
    };
    if (stats == JsonStats::Include)
        o.insert(QStringLiteral("sizeBytes"), number(i.sizeBytes));
    return o;
}

QJsonObject triggerJson(const Trigger &t)
{
    return {
        {QStringLiteral("name"), t.name},
        {QStringLiteral("timing"), t.timing},
        {QStringLiteral("events"), strings(t.events)},
        {QStringLiteral("level"), t.level},
        {QStringLiteral("function"), qualified(t.function)},
        {QStringLiteral("definition"), t.definition},
        {QStringLiteral("enabled"), t.enabled},
        {QStringLiteral("enabledMode"), text(t.enabledMode)},
        {QStringLiteral("comment"), text(t.comment)},
    };
}

QJsonObject sequenceJson(const Sequence &s)
{
    QJsonValue ownedBy = QJsonValue::Null;
    if (!s.ownedByTable.isEmpty()) {
        ownedBy = QJsonObject{{QStringLiteral("schema"), text(s.ownedByTable.schema)},
                              {QStringLiteral("table"), s.ownedByTable.name},
                              {QStringLiteral("column"), s.ownedByColumn}};
    }
    // 64-bit bounds do not fit a JSON number exactly (doubles): strings.
    return {
        {QStringLiteral("schema"), s.schema},
        {QStringLiteral("name"), s.name},
        {QStringLiteral("dataType"), s.dataType},
        {QStringLiteral("start"), QString::number(s.start)},
        {QStringLiteral("increment"), QString::number(s.increment)},
        {QStringLiteral("minValue"), QString::number(s.minValue)},
        {QStringLiteral("maxValue"), QString::number(s.maxValue)},
        {QStringLiteral("cache"), QString::number(s.cache)},
        {QStringLiteral("cycle"), s.cycle},
        {QStringLiteral("ownedBy"), ownedBy},
        {QStringLiteral("identity"), s.identity},
        {QStringLiteral("comment"), text(s.comment)},
    };
}

QJsonObject routineJson(const Routine &r)
{
    return {
        {QStringLiteral("kind"), objectKindName(r.kind)},
        {QStringLiteral("schema"), r.schema},
        {QStringLiteral("name"), r.name},
        {QStringLiteral("signature"), r.signature()},
        {QStringLiteral("arguments"), r.arguments},
        {QStringLiteral("returns"), text(r.returns)},
        {QStringLiteral("language"), r.language},
        {QStringLiteral("volatility"), text(r.volatility)},
        {QStringLiteral("definition"), text(r.definition)},
        {QStringLiteral("comment"), text(r.comment)},
    };
}

} // namespace

QJsonObject relationToJson(const Relation &r, JsonStats stats)
{
    QJsonValue parent = QJsonValue::Null;
    if (r.isPartition())
        parent = QJsonObject{{QStringLiteral("schema"), r.parentSchema}, {QStringLiteral("name"), r.parentTable}};
    QJsonObject o{
        {QStringLiteral("kind"), objectKindName(r.kind)},
        {QStringLiteral("schema"), r.schema},
        {QStringLiteral("name"), r.name},
        {QStringLiteral("comment"), text(r.comment)},
        {QStringLiteral("owner"), text(r.owner)},
        {QStringLiteral("readable"), r.readable},
        {QStringLiteral("columns"), arrayOf(r.columns, columnJson)},
        {QStringLiteral("constraints"), arrayOf(r.constraints, constraintJson)},
        {QStringLiteral("indexes"), arrayOf(r.indexes, [stats](const Index &i) { return indexJson(i, stats); })},
        {QStringLiteral("triggers"), arrayOf(r.triggers, triggerJson)},
        {QStringLiteral("viewDefinition"), text(r.viewDefinition)},
        {QStringLiteral("dependsOn"), qualifiedList(r.dependsOn)},
        {QStringLiteral("partitionKey"), text(r.partitionKey)},
        {QStringLiteral("partitionOf"), parent},
        {QStringLiteral("partitionBound"), text(r.partitionBound)},
        {QStringLiteral("foreignServer"), text(r.foreignServer)},
        {QStringLiteral("foreignDataWrapper"), text(r.foreignDataWrapper)},
        {QStringLiteral("foreignOptions"), strings(r.foreignOptions)},
        {QStringLiteral("unlogged"), r.unlogged},
        {QStringLiteral("withoutRowid"), r.withoutRowid},
        {QStringLiteral("strict"), r.strict},
        {QStringLiteral("sql"), text(r.sql)},
        {QStringLiteral("inherits"), qualifiedList(r.inherits)},
        {QStringLiteral("ofType"), qualified(r.ofType)},
        {QStringLiteral("rowSecurity"), r.rowSecurity},
        {QStringLiteral("forceRowSecurity"), r.forceRowSecurity},
        {QStringLiteral("policies"), arrayOf(r.policies, policyJson)},
    };
    if (stats == JsonStats::Include) {
        o.insert(QStringLiteral("estimatedRows"), number(r.estimatedRows));
        o.insert(QStringLiteral("tableBytes"), number(r.tableBytes));
        o.insert(QStringLiteral("indexBytes"), number(r.indexBytes));
    }
    return o;
}

QJsonObject snapshotToJson(const Snapshot &s, JsonStats stats)
{
    QJsonObject o{
        // Raised when a key changes meaning; adding keys keeps it.
        {QStringLiteral("formatVersion"), 1},
        {QStringLiteral("driver"), config::driverName(s.driver)},
        {QStringLiteral("schemas"), arrayOf(s.schemas, [](const Schema &x) {
             return QJsonObject{{QStringLiteral("name"), x.name}, {QStringLiteral("owner"), text(x.owner)},
                                {QStringLiteral("comment"), text(x.comment)}};
         })},
        {QStringLiteral("relations"), arrayOf(s.relations, [stats](const Relation &r) { return relationToJson(r, stats); })},
        {QStringLiteral("sequences"), arrayOf(s.sequences, sequenceJson)},
        {QStringLiteral("routines"), arrayOf(s.routines, routineJson)},
        {QStringLiteral("enums"), arrayOf(s.enums, [](const EnumType &e) {
             return QJsonObject{{QStringLiteral("schema"), e.schema}, {QStringLiteral("name"), e.name},
                                {QStringLiteral("labels"), strings(e.labels)}, {QStringLiteral("comment"), text(e.comment)}};
         })},
        {QStringLiteral("domains"), arrayOf(s.domains, [](const Domain &d) {
             return QJsonObject{
                 {QStringLiteral("schema"), d.schema}, {QStringLiteral("name"), d.name},
                 {QStringLiteral("baseType"), d.baseType}, {QStringLiteral("notNull"), d.notNull},
                 {QStringLiteral("default"), text(d.defaultValue)}, {QStringLiteral("collation"), text(d.collation)},
                 {QStringLiteral("collationSchema"), text(d.collationSchema)},
                 {QStringLiteral("checks"), arrayOf(d.checks, [](const DomainCheck &c) {
                      return QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("definition"), c.definition}};
                  })},
                 {QStringLiteral("comment"), text(d.comment)}};
         })},
        {QStringLiteral("compositeTypes"), arrayOf(s.composites, [](const CompositeType &c) {
             return QJsonObject{
                 {QStringLiteral("schema"), c.schema}, {QStringLiteral("name"), c.name},
                 {QStringLiteral("attributes"), arrayOf(c.attributes, [](const CompositeAttribute &a) {
                      return QJsonObject{{QStringLiteral("name"), a.name}, {QStringLiteral("type"), a.type},
                                         {QStringLiteral("collation"), text(a.collation)},
                                         {QStringLiteral("collationSchema"), text(a.collationSchema)}};
                  })},
                 {QStringLiteral("comment"), text(c.comment)}};
         })},
        {QStringLiteral("extensions"), arrayOf(s.extensions, [](const Extension &e) {
             return QJsonObject{{QStringLiteral("name"), e.name}, {QStringLiteral("schema"), text(e.schema)},
                                {QStringLiteral("version"), text(e.version)}, {QStringLiteral("comment"), text(e.comment)}};
         })},
        {QStringLiteral("problems"), arrayOf(s.problems, [](const LoadProblem &p) {
             return QJsonObject{{QStringLiteral("part"), p.part}, {QStringLiteral("code"), p.error.codeName()},
                                {QStringLiteral("message"), p.error.message()}};
         })},
    };
    // Identity and timing differ between two loads of the same schema.
    if (stats == JsonStats::Include) {
        o.insert(QStringLiteral("connection"), s.connection);
        o.insert(QStringLiteral("database"), text(s.database));
        o.insert(QStringLiteral("serverVersion"), text(s.serverVersion));
        o.insert(QStringLiteral("loadedAt"), s.loadedAt.toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("loadMs"), double(s.loadMs));
    }
    return o;
}

} // namespace tw::catalog

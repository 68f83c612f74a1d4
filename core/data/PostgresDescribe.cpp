// describeTable() for PostgreSQL: three catalog statements (relation,
// columns, constraints) whatever the number of columns.
#include "DescribeParts.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tw::data::detail {

namespace {

struct Relation
{
    qint64 oid = 0;
    QString schema;
    QString name;
    QString kind;
    double reltuples = -1;
};

// An unqualified name means "public" when it is there, else the only
// schema that has it; ambiguous or absent is not found.
Result<Relation> findRelation(db::Session &session, const catalog::QualifiedName &table)
{
    auto rows = session.exec(QStringLiteral(
                                 "SELECT c.oid::bigint, n.nspname, c.relname, c.relkind::text, c.reltuples::float8 "
                                 "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE c.relname = ? AND c.relkind IN ('r','p','v','m','f') "
                                 "AND (n.nspname = ? OR ? = '') ORDER BY n.nspname"),
                             // QtSql sends a null QString as NULL.
                             {table.name, table.schema.isNull() ? QStringLiteral("") : table.schema,
                              table.schema.isNull() ? QStringLiteral("") : table.schema});
    if (!rows)
        return rows.error();
    QList<Relation> found;
    while (rows.value().next()) {
        found << Relation{rows.value().value(0).toLongLong(), rows.value().value(1).toString(),
                          rows.value().value(2).toString(), rows.value().value(3).toString(),
                          rows.value().value(4).toDouble()};
    }
    if (found.size() == 1)
        return found.first();
    for (const Relation &relation : found) {
        if (relation.schema == QLatin1String("public"))
            return relation;
    }
    return tableNotFound(session, table);
}

QStringList jsonStrings(const QVariant &value)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        out << item.toString();
    return out;
}

catalog::TableRef::Kind kindOf(const QString &relkind)
{
    if (relkind == QLatin1String("v"))
        return catalog::TableRef::Kind::View;
    if (relkind == QLatin1String("m"))
        return catalog::TableRef::Kind::MaterializedView;
    if (relkind == QLatin1String("f"))
        return catalog::TableRef::Kind::ForeignTable;
    return catalog::TableRef::Kind::Table;
}

// Base type b (domains unwrapped), and s, the type whose ordering decides
// `sortable`: the element type for arrays (arrays compare element-wise),
// else b. A type sorts when it has a default btree operator class, directly
// or through a binary-coercible cast (varchar uses text's); enums always do.
const QString kColumnsSql = QStringLiteral(
    "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
    "coalesce(pg_get_expr(d.adbin, d.adrelid), ''), a.attidentity::text, a.attgenerated::text, "
    "format_type(b.oid, NULL), b.typcategory = 'A', b.typname, a.atttypmod, "
    "s.typtype = 'e' OR EXISTS (SELECT 1 FROM pg_catalog.pg_opclass oc "
    "  JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod AND am.amname = 'btree' "
    "  WHERE oc.opcdefault AND (oc.opcintype = s.oid OR EXISTS (SELECT 1 FROM pg_catalog.pg_cast k "
    "    WHERE k.castsource = s.oid AND k.casttarget = oc.opcintype AND k.castmethod = 'b' AND k.castcontext = 'i'))), "
    "CASE WHEN b.typtype = 'e' THEN (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)::text "
    "  FROM pg_catalog.pg_enum e WHERE e.enumtypid = b.oid) END "
    "FROM pg_catalog.pg_attribute a "
    "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
    "JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END "
    "LEFT JOIN pg_catalog.pg_type el ON el.oid = b.typelem AND b.typcategory = 'A' "
    "JOIN pg_catalog.pg_type s ON s.oid = coalesce(CASE WHEN el.typtype = 'd' THEN el.typbasetype ELSE el.oid END, b.oid) "
    "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
    "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped "
    "ORDER BY a.attnum");

const QString kConstraintsSql = QStringLiteral(
    "SELECT con.contype::text, con.conname, "
    "(SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(n, i) "
    "  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n)::text, "
    "fn.nspname, fc.relname, "
    "(SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(n, i) "
    "  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n)::text "
    "FROM pg_catalog.pg_constraint con "
    "LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid "
    "LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace "
    "WHERE con.conrelid = ? AND con.contype IN ('p', 'f') "
    "ORDER BY con.contype, con.conname");

bool mayBeLarge(const QString &baseTypeName, bool isArray, int typmod)
{
    if (isArray)
        return true;
    static const QStringList unbounded = {QStringLiteral("text"), QStringLiteral("bytea"), QStringLiteral("json"),
                                          QStringLiteral("jsonb"), QStringLiteral("xml"), QStringLiteral("citext")};
    if (unbounded.contains(baseTypeName))
        return true;
    // varchar without a length is text under another name.
    return baseTypeName == QLatin1String("varchar") && typmod < 0;
}

} // namespace

Result<TableShape> describePostgres(db::Session &session, const catalog::QualifiedName &table)
{
    auto relation = findRelation(session, table);
    if (!relation)
        return relation.error();
    const Relation &rel = relation.value();

    TableShape shape;
    shape.table = {rel.schema, rel.name};
    shape.kind = kindOf(rel.kind);
    shape.estimatedRows = shape.kind == catalog::TableRef::Kind::View || rel.reltuples < 0 ? -1 : qint64(rel.reltuples);

    auto columns = session.exec(kColumnsSql, {rel.oid});
    if (!columns)
        return columns.error();
    db::Rows &c = columns.value();
    while (c.next()) {
        ColumnInfo column;
        column.name = c.value(0).toString();
        column.nativeType = c.value(1).toString();
        column.notNull = c.value(2).toBool();
        const QString identity = c.value(4).toString();
        column.generated = !c.value(5).toString().isEmpty();
        column.identity = !identity.isEmpty();
        column.identityAlways = identity == QLatin1String("a");
        // A generated column's "default" is its generation expression: not a default.
        column.defaultExpression = column.generated ? QString() : c.value(3).toString();
        column.isArray = c.value(7).toBool();
        column.logical = column.isArray ? db::LogicalType::Other : session.dialect().logicalType(c.value(6).toString());
        column.mayBeLarge = mayBeLarge(c.value(8).toString(), column.isArray, c.value(9).toInt());
        column.sortable = c.value(10).toBool();
        column.enumLabels = jsonStrings(c.value(11));
        shape.columns << column;
    }

    auto constraints = session.exec(kConstraintsSql, {rel.oid});
    if (!constraints)
        return constraints.error();
    db::Rows &k = constraints.value();
    QStringList primaryKey;
    while (k.next()) {
        if (k.value(0).toString() == QLatin1String("p")) {
            primaryKey = jsonStrings(k.value(2));
            continue;
        }
        ForeignKeyRef fk;
        fk.name = k.value(1).toString();
        fk.columns = jsonStrings(k.value(2));
        fk.referenced = {k.value(3).toString(), k.value(4).toString()};
        fk.referencedColumns = jsonStrings(k.value(5));
        shape.foreignKeys << fk;
    }

    using Kind = catalog::TableRef::Kind;
    if (!primaryKey.isEmpty()) {
        shape.identity = RowIdentity::PrimaryKey;
        shape.keyColumns = primaryKey;
        shape.editable = true;
    } else if (shape.kind == Kind::Table && rel.kind == QLatin1String("r")) {
        // ctid is the row's physical place: it pages well (TID range scans)
        // but changes on every UPDATE, so edits could hit another row.
        shape.identity = RowIdentity::Ctid;
        shape.keyColumns = {QStringLiteral("ctid")};
        shape.readOnlyReason = QStringLiteral("no primary key: rows cannot be identified safely for editing");
    } else {
        shape.identity = RowIdentity::None;
        switch (shape.kind) {
        case Kind::View: shape.readOnlyReason = QStringLiteral("this is a view: its rows are read-only here"); break;
        case Kind::MaterializedView:
            shape.readOnlyReason = QStringLiteral("this is a materialized view: its rows are read-only here");
            break;
        case Kind::ForeignTable:
            shape.readOnlyReason = QStringLiteral("foreign table without a primary key: rows cannot be identified");
            break;
        case Kind::Table:
            // ctid is only unique within one partition.
            shape.readOnlyReason = QStringLiteral("no primary key: rows cannot be identified safely for editing");
            break;
        }
    }
    return shape;
}

} // namespace tw::data::detail

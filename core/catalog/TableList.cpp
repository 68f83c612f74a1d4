#include "TableList.h"

#include <QSqlQuery>

namespace tw::catalog {

QString kindName(TableRef::Kind kind)
{
    switch (kind) {
    case TableRef::Kind::Table: return QStringLiteral("table");
    case TableRef::Kind::View: return QStringLiteral("view");
    case TableRef::Kind::MaterializedView: return QStringLiteral("materialized view");
    case TableRef::Kind::ForeignTable: return QStringLiteral("foreign table");
    }
    return QStringLiteral("table");
}

namespace {

TableRef::Kind kindFromCode(const QString &code)
{
    if (code == QLatin1String("v") || code == QLatin1String("view"))
        return TableRef::Kind::View;
    if (code == QLatin1String("m"))
        return TableRef::Kind::MaterializedView;
    if (code == QLatin1String("f"))
        return TableRef::Kind::ForeignTable;
    return TableRef::Kind::Table;
}

} // namespace

Result<QList<TableRef>> listTables(db::Session &session)
{
    const bool postgres = session.profile().driver == config::Driver::Postgres;
    const QString sql = postgres
        ? QStringLiteral(
              "SELECT n.nspname, c.relname, c.relkind::text FROM pg_catalog.pg_class c "
              "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
              "WHERE c.relkind IN ('r','p','v','m','f') "
              "AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
              "AND NOT c.relispartition "
              "ORDER BY n.nspname, c.relname")
        : QStringLiteral(
              "SELECT '', name, type FROM sqlite_schema "
              "WHERE type IN ('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
              "ORDER BY name");
    auto query = session.exec(sql);
    if (!query)
        return query.error();
    QList<TableRef> tables;
    while (query.value().next()) {
        TableRef ref;
        ref.schema = query.value().value(0).toString();
        ref.name = query.value().value(1).toString();
        ref.kind = kindFromCode(query.value().value(2).toString());
        tables.append(ref);
    }
    return tables;
}

} // namespace tw::catalog

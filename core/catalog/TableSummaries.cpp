#include "TableSummaries.h"

#include "CatalogService.h"
#include "db/ConnectionRegistry.h"

#include <algorithm>

namespace tw::catalog {

namespace {

// The filter of sql/postgres/relations.sql, so the list names what the
// snapshot holds; reltuples as that file reads it.
const QString kPostgresSql = QStringLiteral(
    "SELECT n.nspname, c.relname, c.relkind::text, "
    "CASE WHEN c.relkind IN ('r', 'p', 'm') THEN c.reltuples::bigint END "
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') "
    "AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' "
    "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e "
    "WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')");

// pragma_table_list (SQLite >= 3.37) marks the shadow tables of virtual
// tables, which the snapshot leaves out; older engines list them.
const QString kSqliteSql = QStringLiteral(
    "SELECT m.type, m.name, t.type FROM sqlite_schema m "
    "LEFT JOIN (SELECT name, type FROM pragma_table_list WHERE schema = 'main') t ON t.name = m.name "
    "WHERE m.type IN ('table', 'view')");
const QString kSqliteFallbackSql = QStringLiteral(
    "SELECT type, name, NULL FROM sqlite_schema WHERE type IN ('table', 'view')");
const QString kSqliteStatSql = QStringLiteral("SELECT tbl, stat FROM sqlite_stat1");

ObjectKind postgresKind(const QString &relkind)
{
    if (relkind == QLatin1String("p"))
        return ObjectKind::PartitionedTable;
    if (relkind == QLatin1String("v"))
        return ObjectKind::View;
    if (relkind == QLatin1String("m"))
        return ObjectKind::MaterializedView;
    if (relkind == QLatin1String("f"))
        return ObjectKind::ForeignTable;
    return ObjectKind::Table;
}

Result<QList<TableSummary>> postgresSummaries(db::Session &session)
{
    auto rows = session.exec(kPostgresSql);
    if (!rows)
        return rows.error();
    QList<TableSummary> list;
    while (rows.value().next()) {
        TableSummary t;
        t.name = {rows.value().value(0).toString(), rows.value().value(1).toString()};
        t.kind = postgresKind(rows.value().value(2).toString());
        const QVariant tuples = rows.value().value(3);
        t.estimatedRows = tuples.isNull() ? -1 : std::max<qint64>(-1, tuples.toLongLong());
        list.append(t);
    }
    return list;
}

Result<QList<TableSummary>> sqliteSummaries(db::Session &session)
{
    auto rows = session.exec(kSqliteSql);
    if (!rows)
        rows = session.exec(kSqliteFallbackSql);
    if (!rows)
        return rows.error();
    QList<TableSummary> list;
    bool hasStat1 = false;
    while (rows.value().next()) {
        const QString type = rows.value().value(0).toString();
        const QString name = rows.value().value(1).toString();
        if (name.compare(QLatin1String("sqlite_stat1"), Qt::CaseInsensitive) == 0)
            hasStat1 = true;
        if (name.startsWith(QLatin1String("sqlite_"), Qt::CaseInsensitive)
            || rows.value().value(2).toString() == QLatin1String("shadow"))
            continue;
        TableSummary t;
        t.name = {QStringLiteral("main"), name};
        t.kind = type == QLatin1String("view") ? ObjectKind::View : ObjectKind::Table;
        list.append(t);
    }
    if (!hasStat1)
        return list;
    auto stats = session.exec(kSqliteStatSql);
    if (!stats)
        return stats.error();
    QHash<QString, qsizetype> byName;
    for (qsizetype i = 0; i < list.size(); ++i)
        byName.insert(list.at(i).name.name, i);
    while (stats.value().next()) {
        const auto it = byName.constFind(stats.value().value(0).toString());
        if (it == byName.cend())
            continue;
        // One row per analysed b-tree; a partial index counts fewer rows,
        // so the largest first number is the table's (as SqliteCatalog reads it).
        bool ok = false;
        const qint64 count = stats.value().value(1).toString().section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
        if (ok)
            list[*it].estimatedRows = std::max(list.at(*it).estimatedRows, count);
    }
    return list;
}

} // namespace

Result<QList<TableSummary>> listTableSummaries(db::Session &session)
{
    auto list = session.profile().driver == config::Driver::Postgres ? postgresSummaries(session) : sqliteSummaries(session);
    if (list)
        std::sort(list.value().begin(), list.value().end(),
                  [](const TableSummary &a, const TableSummary &b) { return a.name < b.name; });
    return list;
}

QFuture<Result<QList<TableSummary>>> listTableSummaries(db::ConnectionRegistry &registry, const QString &connection)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return QtFuture::makeReadyFuture(Result<QList<TableSummary>>(unknownConnection(connection, registry.names())));
    return pool->run([](db::Session &session) { return listTableSummaries(session); });
}

} // namespace tw::catalog

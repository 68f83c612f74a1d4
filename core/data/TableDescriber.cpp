#include "TableDescriber.h"

#include "DescribeParts.h"
#include "catalog/CatalogService.h"
#include "catalog/TableList.h"

namespace tw::data {

namespace detail {

Error tableNotFound(db::Session &session, const catalog::QualifiedName &table)
{
    QStringList candidates;
    if (auto tables = catalog::listTables(session); tables.ok()) {
        for (const catalog::TableRef &ref : tables.value())
            candidates << (ref.schema.isEmpty() ? ref.name : ref.schema + QLatin1Char('.') + ref.name);
    }
    const QString shown = table.displayName();
    // PostgreSQL candidates are schema-qualified: an unqualified name is
    // looked for in "public" first, so it is matched as public.<name>.
    const bool unqualifiedPostgres = table.schema.isEmpty() && session.profile().driver == config::Driver::Postgres;
    const QString wanted = unqualifiedPostgres ? QStringLiteral("public.") + table.name : shown;
    const Error found = catalog::notFoundError(QStringLiteral("table '%1' not found").arg(shown),
                                               {{QStringLiteral("table"), shown}}, wanted, candidates,
                                               candidates.isEmpty() ? QString()
                                                                    : QStringLiteral("the connection has %1 tables and views")
                                                                          .arg(candidates.size()));
    return Error(ErrorCode::TableNotFound, found.message(), found.details(), found.hint());
}

} // namespace detail

Result<TableShape> describeTable(db::Session &session, const catalog::QualifiedName &table)
{
    if (table.name.trimmed().isEmpty())
        return detail::tableNotFound(session, table);
    if (session.profile().driver == config::Driver::Postgres)
        return detail::describePostgres(session, table);
    return detail::describeSqlite(session, table);
}

} // namespace tw::data

// `migrate ensure`: create the declared tables that are missing. The diff
// for `migrate generate` is in DeclaredTablesDiff.cpp.

#include "DeclaredTables.h"

#include "DeclaredTableSql.h"
#include "catalog/TableList.h"
#include "db/Session.h"
#include "db/Transaction.h"

#include <QSet>

namespace tw::migrate {

using namespace declared;

QStringList createStatements(const config::DeclaredTable &table, config::Driver driver)
{
    const db::Dialect &dialect = db::dialectFor(driver);
    QStringList statements{createTableSql(table, dialect)};
    for (const config::DeclaredIndex &index : table.indexes)
        statements << createIndexSql(table, index, dialect);
    return statements;
}

namespace {

// Where unqualified names go on this connection: the first schema of the
// search_path that exists, as the server resolves CREATE TABLE.
Result<QString> postgresDefaultSchema(db::Session &session)
{
    auto current = session.scalar(QStringLiteral("SELECT current_schema()"));
    if (!current)
        return current.error();
    const QString schema = current.value().toString();
    return schema.isEmpty() ? defaultSchema(config::Driver::Postgres) : schema;
}

// One catalog query: existence is all `ensure` needs, not a full snapshot.
Result<QSet<catalog::QualifiedName>> existingRelations(db::Session &session)
{
    auto tables = catalog::listTables(session);
    if (!tables)
        return tables.error();
    const QString sqliteSchema = defaultSchema(config::Driver::Sqlite);
    QSet<catalog::QualifiedName> existing;
    for (const catalog::TableRef &ref : tables.value())
        existing.insert({ref.schema.isEmpty() ? sqliteSchema : ref.schema, ref.name});
    return existing;
}

EnsureOutcome createOne(db::Session &session, const config::DeclaredTable &table, EnsureOutcome outcome)
{
    outcome.statements = createStatements(table, session.profile().driver);
    auto fail = [&outcome](const Error &error) {
        outcome.action = EnsureOutcome::Action::Failed;
        outcome.error = error.message();
        return outcome;
    };
    db::Transaction tx(session);
    if (!tx.begun().ok())
        return fail(tx.begun().error());
    for (const QString &statement : outcome.statements) {
        if (auto done = session.execute(statement); !done)
            return fail(done.error()); // tx rolls back: no half-made table
    }
    if (Status committed = tx.commit(); !committed.ok())
        return fail(committed.error());
    outcome.action = EnsureOutcome::Action::Created;
    return outcome;
}

} // namespace

Result<QList<EnsureOutcome>> ensureDeclaredTables(db::Session &session, const QList<config::DeclaredTable> &tables)
{
    const config::Driver driver = session.profile().driver;
    QString fallbackSchema = defaultSchema(driver);
    if (driver == config::Driver::Postgres) {
        auto schema = postgresDefaultSchema(session);
        if (!schema)
            return schema.error();
        fallbackSchema = schema.value();
    }
    auto existing = existingRelations(session);
    if (!existing)
        return existing.error();

    QList<EnsureOutcome> outcomes;
    for (const qsizetype i : creationOrder(tables, driver)) {
        const config::DeclaredTable &table = tables.at(i);
        const catalog::QualifiedName key{table.schema.isEmpty() ? fallbackSchema : table.schema, table.name};
        EnsureOutcome outcome;
        outcome.table = key.displayName();
        if (session.isCancelled())
            return session.cancelledError();
        if (existing.value().contains(key)) {
            // Never touched, whatever its shape: `generate` is the tool for differences.
            outcome.action = EnsureOutcome::Action::Skipped;
            outcomes << outcome;
            continue;
        }
        outcomes << createOne(session, table, std::move(outcome));
    }
    return outcomes;
}

} // namespace tw::migrate

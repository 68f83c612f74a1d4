#include "PostgresCatalog.h"

#include "PostgresCatalogRunner.h"
#include "PostgresObjects.h"
#include "PostgresRelations.h"

namespace tw::catalog {

namespace {

// Ends the read-only transaction on every path; ROLLBACK also ends one that
// an error has aborted. A cancelled job's Session refuses statements, yet the
// connection goes back to the pool: the ROLLBACK then takes the native path,
// or the next job would run inside this transaction.
class ReadTransaction
{
public:
    ReadTransaction(db::Session &session, PostgresCatalogRunner &runner)
        : m_session(session)
        , m_runner(runner)
    {
        m_begun = m_runner.execute(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    }
    ~ReadTransaction()
    {
        if (!m_begun.ok())
            return;
        // A cancel may land between the check and the statement, and a
        // cancelled session refuses statements: then the native handle ends
        // the transaction (the pool checks again after the job).
        const QString rollback = QStringLiteral("ROLLBACK");
        if (m_session.isCancelled() || !m_runner.execute(rollback).ok())
            (void)m_session.native().executeScript(rollback);
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

    const Status &begun() const { return m_begun; }

private:
    db::Session &m_session;
    PostgresCatalogRunner &m_runner;
    Status m_begun;
};

Error partError(const QString &part, Error error)
{
    error.withDetail(QStringLiteral("part"), part);
    return error;
}

} // namespace

Result<Snapshot> readPostgresSnapshot(db::Session &session)
{
    return readPostgresSnapshot(session, nullptr);
}

Result<Snapshot> readPostgresSnapshot(db::Session &session, PostgresLoadStats *stats)
{
    if (session.inTransaction())
        return Error(ErrorCode::Internal,
                     QStringLiteral("the catalog is read in a transaction of its own; one is already open"));

    PostgresCatalogRunner runner(session);
    Snapshot snapshot;
    Result<Snapshot> result = [&]() -> Result<Snapshot> {
        ReadTransaction transaction(session, runner);
        if (!transaction.begun().ok())
            return transaction.begun().error();

        PostgresRelations relations;
        Status settings = runner.query(QStringLiteral("session"), [&](db::Rows &rows) {
            if (!rows.next())
                return;
            // "15.18 (Debian 15.18-0+deb12u1)": the number is the first word.
            snapshot.serverVersion = rows.value(QStringLiteral("server_version")).toString().section(QLatin1Char(' '), 0, 0);
            snapshot.database = rows.value(QStringLiteral("database")).toString();
            PgServerQuoting quoting;
            quoting.setKeywords(rows.value(QStringLiteral("quoted_keywords")).toString().split(QLatin1Char(' ')),
                                rows.value(QStringLiteral("quote_all_identifiers")).toBool());
            relations.setQuoting(quoting);
            runner.setServerVersion(rows.value(QStringLiteral("server_version_num")).toInt());
        });
        if (!settings.ok())
            return partError(QStringLiteral("session"), settings.error());

        Status loaded = runner.part(QStringLiteral("relations"),
                                    [&](db::Rows &rows) { relations.readRelations(rows); });
        if (!loaded.ok())
            return partError(QStringLiteral("relations"), loaded.error());

        using Reader = std::function<void(db::Rows &)>;
        const std::pair<const char *, Reader> parts[] = {
            {"columns", [&](db::Rows &r) { relations.readColumns(r); }},
            {"constraints", [&](db::Rows &r) { relations.readConstraints(r); }},
            {"indexes", [&](db::Rows &r) { relations.readIndexes(r); }},
            {"triggers", [&](db::Rows &r) { relations.readTriggers(r); }},
            {"view_dependencies", [&](db::Rows &r) { relations.readViewDependencies(r); }},
            {"policies", [&](db::Rows &r) { relations.readPolicies(r); }},
            {"schemas", [&](db::Rows &r) { readPostgresSchemas(r, snapshot.schemas); }},
            {"sequences", [&](db::Rows &r) { readPostgresSequences(r, snapshot.sequences); }},
            {"routines", [&](db::Rows &r) { readPostgresRoutines(r, snapshot.routines); }},
            {"enums", [&](db::Rows &r) { readPostgresEnums(r, snapshot.enums); }},
            {"domains", [&](db::Rows &r) { readPostgresDomains(r, snapshot.domains); }},
            {"composites", [&](db::Rows &r) { readPostgresComposites(r, snapshot.composites); }},
            {"extensions", [&](db::Rows &r) { readPostgresExtensions(r, snapshot.extensions); }},
        };
        for (const auto &[name, read] : parts) {
            const QString part = QString::fromLatin1(name);
            Status status = runner.part(part, read);
            if (status.ok())
                continue;
            if (runner.broken())
                return partError(part, status.error());
            snapshot.problems << LoadProblem{part, status.error()};
        }

        snapshot.relations = relations.takeSorted();
        addReferencedSchemas(snapshot);
        sortPostgresObjects(snapshot);
        return std::move(snapshot);
    }();
    if (stats)
        stats->statements = runner.statements();
    return result;
}

} // namespace tw::catalog

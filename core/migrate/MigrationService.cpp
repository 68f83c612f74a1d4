#include "MigrationService.h"

#include "ChecksumCache.h"
#include "catalog/CatalogLoader.h"
#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"
#include "db/DirectSession.h"

#include <algorithm>
#include <cerrno>
#include <future>

#include <sys/resource.h>

namespace tw::migrate {

MigrationRun startMigration(db::ConnectionRegistry &registry, const QString &connection, MigrationRequest request,
                            MigrationEvents events)
{
    MigrationRun run;
    run.control = std::make_shared<MigrationControl>();
    const auto pool = registry.pool(connection);
    if (!pool) {
        run.job.future = QtFuture::makeReadyFuture(
            Result<MigrationReport>(catalog::unknownConnection(connection, registry.names())));
        return run;
    }
    run.job = pool->submit([request = std::move(request), events = std::move(events),
                            control = run.control](db::Session &session) {
        return runMigrationCommand(session, request, events, control.get());
    });
    return run;
}

Result<MigrationReport> runReadOnlyMigrationCommand(const config::ConnectionProfile &profile, const MigrationRequest &request)
{
    const bool readsOnly = request.command == MigrationCommand::Status || request.command == MigrationCommand::Validate
                           || request.command == MigrationCommand::DryRun;
    if (!readsOnly || profile.driver != config::Driver::Postgres)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("only status, validate and dry-run on PostgreSQL run on a connection of their own"));
    auto direct = db::DirectSession::openPostgres(profile);
    if (!direct)
        return direct.error();
    return runMigrationCommand(direct.value()->session(), request, {}, nullptr);
}

std::shared_future<Result<MigrationDirectory>> prefetchMigrationFiles(const QString &directory, MigrationCommand command)
{
    const QString cache = command == MigrationCommand::Status ? ChecksumCache::fileFor(directory) : QString();
    return std::async(std::launch::async, [directory, cache] {
               // Behind the connection being opened meanwhile (the thread
               // that waits for these files waits for the server first): on
               // two cores, the files at normal priority slowed the login.
               // Linux gives each thread its own nice value; raised from the
               // process's own (a command started at nice 19 stays there).
               errno = 0;
               const int current = ::getpriority(PRIO_PROCESS, 0);
               if (errno == 0)
                   ::setpriority(PRIO_PROCESS, 0, std::min(19, current + 10));
               return readMigrationDirectory(directory, cache);
           })
        .share();
}

QFuture<Result<QList<EnsureOutcome>>> ensureTables(db::ConnectionRegistry &registry, const QString &connection)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return QtFuture::makeReadyFuture(
            Result<QList<EnsureOutcome>>(catalog::unknownConnection(connection, registry.names())));
    return pool->run([](db::Session &session) { return ensureDeclaredTables(session, session.profile().declaredTables); });
}

QFuture<Result<GeneratedMigration>> generateMigration(db::ConnectionRegistry &registry, const QString &connection,
                                                      const QString &name, const QString &directory)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return QtFuture::makeReadyFuture(
            Result<GeneratedMigration>(catalog::unknownConnection(connection, registry.names())));
    return pool->run([name, directory](db::Session &session) -> Result<GeneratedMigration> {
        const QString dir = directory.isEmpty() ? session.profile().migrationsDir : directory;
        if (dir.isEmpty())
            return Error(ErrorCode::ValidationFailed,
                         QStringLiteral("connection '%1' has no migrations directory").arg(session.profile().name), {},
                         QStringLiteral("set `migrations:` for it in the config file, or pass --dir"));
        auto live = catalog::readSnapshot(session);
        if (!live)
            return live.error();
        GeneratedMigration out;
        out.diff = diffDeclaredTables(live.value(), session.profile().declaredTables, session.profile().driver);
        if (out.diff.isEmpty())
            return out;
        auto files = createMigrationFiles(dir, name, out.diff.up.join(QStringLiteral(";\n\n")) + QStringLiteral(";\n"),
                                          out.diff.down.join(QStringLiteral(";\n\n")) + QStringLiteral(";\n"));
        if (!files)
            return files.error();
        out.files = files.value();
        return out;
    });
}

} // namespace tw::migrate

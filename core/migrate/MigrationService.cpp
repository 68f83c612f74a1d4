#include "MigrationService.h"

#include "ChecksumCache.h"
#include "catalog/CatalogLoader.h"
#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"

#include <future>

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

std::shared_future<Result<MigrationDirectory>> prefetchMigrationFiles(const QString &directory, MigrationCommand command)
{
    const QString cache = command == MigrationCommand::Status ? ChecksumCache::fileFor(directory) : QString();
    return std::async(std::launch::async, [directory, cache] { return readMigrationDirectory(directory, cache); }).share();
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

#include "DataService.h"

#include "EditCommit.h"
#include "PageReader.h"
#include "TableDescriber.h"
#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"

namespace tw::data {

namespace {

template<typename T>
QFuture<Result<T>> failed(Error error)
{
    return QtFuture::makeReadyFuture(Result<T>(std::move(error)));
}

template<typename T>
db::Job<Result<T>> failedJob(Error error)
{
    return {0, failed<T>(std::move(error))};
}

} // namespace

QFuture<Result<TableShape>> describeTable(db::ConnectionRegistry &registry, const QString &connection,
                                          const catalog::QualifiedName &table)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return failed<TableShape>(catalog::unknownConnection(connection, registry.names()));
    return pool->run([table](db::Session &session) { return describeTable(session, table); });
}

db::Job<Result<Page>> startPageLoad(db::ConnectionRegistry &registry, const QString &connection,
                                    const TableShape &shape, PageRequest request)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return failedJob<Page>(catalog::unknownConnection(connection, registry.names()));
    return pool->submit([shape, request = std::move(request)](db::Session &session) {
        return readPage(session, shape, request);
    });
}

db::Job<Result<qint64>> startCount(db::ConnectionRegistry &registry, const QString &connection,
                                   const TableShape &shape, PageRequest request)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return failedJob<qint64>(catalog::unknownConnection(connection, registry.names()));
    return pool->submit([shape, request = std::move(request)](db::Session &session) {
        return countRows(session, shape, request);
    });
}

QFuture<Result<qint64>> estimateCount(db::ConnectionRegistry &registry, const QString &connection,
                                      const TableShape &shape, PageRequest request)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return failed<qint64>(catalog::unknownConnection(connection, registry.names()));
    return pool->run([shape, request = std::move(request)](db::Session &session) {
        return estimateRows(session, shape, request);
    });
}

QFuture<Result<QVariant>> loadCell(db::ConnectionRegistry &registry, const QString &connection,
                                   const TableShape &shape, const QVariantList &key, const QString &column)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return failed<QVariant>(catalog::unknownConnection(connection, registry.names()));
    return pool->run([shape, key, column](db::Session &session) { return readCell(session, shape, key, column); });
}

QFuture<Result<CommitOutcome>> commitChanges(db::ConnectionRegistry &registry, const QString &connection,
                                             const TableShape &shape, ChangeSet changes)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return failed<CommitOutcome>(catalog::unknownConnection(connection, registry.names()));
    if (!shape.editable)
        return failed<CommitOutcome>(Error(ErrorCode::ValidationFailed,
                                           QStringLiteral("%1 is read-only: %2")
                                               .arg(shape.table.displayName(), shape.readOnlyReason),
                                           {{QStringLiteral("table"), shape.table.displayName()}}));
    if (pool->profile().readonly)
        return failed<CommitOutcome>(Error(ErrorCode::PermissionDenied,
                                           QStringLiteral("connection '%1' is read-only").arg(connection),
                                           {{QStringLiteral("connection"), connection}}));
    return pool->run([shape, changes = std::move(changes)](db::Session &session) {
        return applyChanges(session, shape, changes);
    });
}

} // namespace tw::data

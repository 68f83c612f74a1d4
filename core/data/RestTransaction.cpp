#include "RestTransaction.h"

#include "RestShapeCache.h"

#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"
#include "db/Session.h"
#include "db/Transaction.h"

namespace tw::data {

namespace {

const QString kOperationDetail = QStringLiteral("operation");

Status checkBounds(const QList<RestWrite> &operations)
{
    if (operations.isEmpty())
        return Error(ErrorCode::ValidationFailed, QStringLiteral("a transaction needs at least one operation"));
    if (operations.size() > kMaxTransactionOperations)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("a transaction may hold at most %1 operations; this one has %2")
                         .arg(kMaxTransactionOperations)
                         .arg(operations.size()));
    return {};
}

Result<RestTransactionResult> runOnce(db::Session &session, const QList<RestWrite> &operations, bool rollback)
{
    db::Transaction tx(session);
    if (!tx.begun().ok())
        return tx.begun().error();
    RestTransactionResult out;
    out.results.reserve(operations.size());
    for (qsizetype i = 0; i < operations.size(); ++i) {
        RestWrite write = operations.at(i);
        // The transaction is the request's: one operation alone never ends it.
        write.options.rollback = false;
        auto written = runRestWrite(session, write);
        if (!written) {
            Error failed = written.error();
            failed.withDetail(kOperationDetail, int(i));
            return failed; // tx's destructor rolls back every earlier operation
        }
        out.results << std::move(written).value();
    }
    const Status ended = rollback ? tx.rollback() : tx.commit();
    if (!ended.ok()) {
        // A failed COMMIT (a deferred constraint) comes back as the driver's
        // whole text, DETAIL and its row values included, about tables the
        // caller may not read: only the SQLSTATE goes out.
        const Error &raw = ended.error();
        const QString state = raw.details().value(QStringLiteral("sqlstate")).toString();
        QVariantMap details;
        if (!state.isEmpty())
            details.insert(QStringLiteral("sqlstate"), state);
        return Error(raw.code(),
                     state.isEmpty() ? QStringLiteral("the transaction could not be committed")
                                     : QStringLiteral("the transaction could not be committed (SQLSTATE %1): a deferred "
                                                      "constraint or a concurrent change refused it")
                                           .arg(state),
                     details);
    }
    out.committed = !rollback;
    return out;
}

} // namespace

Result<RestTransactionResult> runRestTransaction(db::Session &session, const QList<RestWrite> &operations,
                                                 bool rollback)
{
    if (Status bounded = checkBounds(operations); !bounded.ok())
        return bounded.error();
    auto result = runOnce(session, operations, rollback);
    // A table changed since its shape was cached (runRestWrite has dropped
    // that shape): everything rolled back, so the whole transaction once more.
    if (!result && failedOperation(result.error()) && isStaleShapeError(result.error()))
        result = runOnce(session, operations, rollback);
    return result;
}

QFuture<Result<RestTransactionResult>> runRestTransaction(db::ConnectionRegistry &registry, const QString &connection,
                                                          QList<RestWrite> operations, bool rollback)
{
    // Refused before a pooled connection is taken.
    if (Status bounded = checkBounds(operations); !bounded.ok())
        return QtFuture::makeReadyFuture(Result<RestTransactionResult>(bounded.error()));
    const auto pool = registry.pool(connection);
    if (!pool)
        return QtFuture::makeReadyFuture(
            Result<RestTransactionResult>(catalog::unknownConnection(connection, registry.names())));
    return pool
        ->submit([operations = std::move(operations), rollback](db::Session &session) {
            return runRestTransaction(session, operations, rollback);
        })
        .future;
}

std::optional<int> failedOperation(const Error &error)
{
    const QVariant index = error.details().value(kOperationDetail);
    if (!index.isValid())
        return std::nullopt;
    return index.toInt();
}

} // namespace tw::data

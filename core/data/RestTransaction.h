#pragma once

#include "RestWrite.h"
#include "error/Error.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <optional>

namespace tw::db {
class ConnectionRegistry;
class Session;
}

// The transaction endpoint's core (issue 8, POST /api/v1/connections/{c}/
// transaction): several REST writes, on any tables of one connection, in one
// database transaction on one pooled connection — all kept or none. Each
// write runs exactly as its single-request twin (runRestWrite), so the
// grammar, the hidden columns and the error codes are the same.
namespace tw::data {

// A request may carry at most this many operations: each one describes its
// table and runs its own statement while the transaction holds its locks.
inline constexpr int kMaxTransactionOperations = 1000;

struct RestTransactionResult
{
    bool committed = false;          // false: asked to roll back (a dry run)
    QList<RestWriteResult> results;  // one per operation, in order
};

// Errors:
//  - VALIDATION_FAILED for an empty list or more than kMaxTransactionOperations
//    (nothing runs);
//  - the first failing operation's error as runRestWrite gives it, with the
//    detail "operation" (its 0-based index; see failedOperation()); every
//    operation before it is rolled back and none after it runs;
//  - a failed BEGIN or COMMIT as the session reports it (no "operation").
Result<RestTransactionResult> runRestTransaction(db::Session &session, const QList<RestWrite> &operations,
                                                 bool rollback);
// One pool job on the connection's pool (unknown connection: NOT_FOUND).
QFuture<Result<RestTransactionResult>> runRestTransaction(db::ConnectionRegistry &registry, const QString &connection,
                                                          QList<RestWrite> operations, bool rollback);

// The index of the operation an error of runRestTransaction() came from.
std::optional<int> failedOperation(const Error &error);

} // namespace tw::data

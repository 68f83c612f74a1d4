#include "TransactionRoutes.h"

#include "TransactionRequest.h"
#include "async/Then.h"
#include "data/RestRead.h"
#include "data/RestTransaction.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiResponses.h"
#include "http/audit/AuditLog.h"
#include "http/auth/Authenticator.h"
#include "http/rest/RestAnswers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tw::http {

namespace {

const QString kPattern = QStringLiteral("/api/v1/connections/{connection}/transaction");

// Who asked, copied out of the request: the continuation outlives the handler.
struct Caller
{
    QString connection;
    QString requestId;
    QString subject;
    QString clientId;
    QStringList roles;
};

// What the answer and the audit need of each operation once it ran.
struct OperationInfo
{
    QString op;          // insert, upsert, update, delete
    QString table;       // "schema.table"
    bool inserting = false;
    bool representation = false;
};


// {"id": 5} → 5; composite keys stay objects (AuditRecord's convention).
QJsonArray auditKeys(const QByteArray &keys)
{
    QJsonArray out;
    for (const QJsonValue &row : QJsonDocument::fromJson(keys).array()) {
        const QJsonObject object = row.toObject();
        out.append(object.size() == 1 ? object.begin().value() : QJsonValue(object));
    }
    return out;
}

// A refusal before anything ran is audited as one record for the request;
// the reason never quotes the body (it may hold values).
HttpResponse refuse(HttpResponse response, const QString &reason = {})
{
    response.auditOperation = QStringLiteral("transaction");
    if (!reason.isEmpty())
        response.auditReason = reason;
    else if (response.auditReason.isEmpty())
        response.auditReason = QStringLiteral("refused before running");
    return response;
}

// One record per operation (the server's own record covers one table only).
// `results` holds what ran when the transaction ended without an error.
void auditOperations(const ServerState &state, const Caller &caller, const QList<OperationInfo> &operations,
                     int status, const QList<data::RestWriteResult> &results, const std::function<QString(int)> &reason)
{
    if (!state.audit)
        return;
    for (int i = 0; i < operations.size(); ++i) {
        audit::AuditRecord record;
        record.requestId = caller.requestId;
        record.subject = caller.subject;
        record.clientId = caller.clientId;
        record.roles = caller.roles;
        record.connection = caller.connection;
        record.table = operations.at(i).table;
        record.operation = operations.at(i).op;
        if (i < results.size()) {
            record.keys = auditKeys(results.at(i).keys);
            if (results.at(i).affected > record.keys.size())
                record.keyCount = results.at(i).affected;
        }
        record.status = status;
        record.method = QStringLiteral("POST");
        record.route = kPattern;
        record.reason = reason(i);
        state.audit->write(record);
    }
}

QByteArray resultsBody(bool committed, const QList<OperationInfo> &operations, const QList<data::RestWriteResult> &results)
{
    QByteArrayList items;
    items.reserve(results.size());
    for (int i = 0; i < results.size() && i < operations.size(); ++i) {
        const OperationInfo &info = operations.at(i);
        const data::RestWriteResult &result = results.at(i);
        QJsonObject object{{QStringLiteral("op"), info.op}, {QStringLiteral("table"), info.table},
                           {QStringLiteral("affected"), result.affected}};
        if (info.inserting)
            object.insert(QStringLiteral("inserted"), result.inserted);
        QByteArray item = QJsonDocument(object).toJson(QJsonDocument::Compact);
        if (info.representation) {
            // The rows as the database rendered them, not re-serialised.
            item.chop(1);
            item += ",\"rows\":" + (result.body.isEmpty() ? QByteArray("[]") : result.body) + '}';
        }
        items << item;
    }
    return "{\"committed\":" + QByteArray(committed ? "true" : "false") + ",\"results\":[" + items.join(',') + "]}";
}

// A failure as /rest would answer it, its details saying which operation.
HttpResponse failureResponse(const ServerState &state, const Caller &caller, const QList<OperationInfo> &operations,
                             const Error &error)
{
    const std::optional<int> index = data::failedOperation(error);
    rest::RestTarget target{caller.connection, {}, {}, caller.roles};
    if (index && *index >= 0 && *index < operations.size()) {
        target.qualified = operations.at(*index).table;
        target.bare = data::restTableName(target.qualified).name;
    }
    HttpResponse failed = rest::restFailure(state, target, error);
    failed.auditReason.clear(); // audited per operation instead
    QJsonObject body = QJsonDocument::fromJson(failed.body).object();
    if (index && !body.isEmpty()) {
        QJsonObject details{{QStringLiteral("operation"), *index},
                            {QStringLiteral("op"), operations.value(*index).op},
                            {QStringLiteral("table"), operations.value(*index).table},
                            {QStringLiteral("detail"), body.value(QStringLiteral("details"))}};
        body.insert(QStringLiteral("details"), details);
        failed.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return failed;
}

QFuture<HttpResponse> runTransaction(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    const HttpRequest &request = context.request;
    const auth::Identity &who = *context.identity;
    const Caller caller{request.params.value(QStringLiteral("connection")), request.requestId, who.subject,
                        who.clientId, who.roles};

    if (!state.registry)
        return answer(errorResponse(Error(ErrorCode::DbUnavailable, QStringLiteral("no connections are open"))));
    const config::ConnectionProfile *profile = state.config.find(caller.connection);
    if (!profile || state.policy.permissions(caller.roles, caller.connection).isEmpty()) {
        HttpResponse missing = errorResponse(404, QStringLiteral("NOT_FOUND"),
                                             QStringLiteral("no connection named '%1'").arg(caller.connection));
        if (profile)
            missing.auditReason = QStringLiteral("connection not visible to the caller");
        return answer(std::move(missing));
    }
    if (!state.registry->pool(caller.connection))
        return answer(errorResponse(
            Error(ErrorCode::DbUnavailable, QStringLiteral("connection '%1' is not open").arg(caller.connection))));
    if (profile->readonly) {
        // What PostgreSQL answers to a write in a read-only transaction (25006 → 405).
        return answer(refuse(rest::pgrstResponse(405, QStringLiteral("25006"),
                                                 QStringLiteral("cannot execute a transaction of writes in a read-only "
                                                                "transaction"),
                                                 QStringLiteral("connection '%1' is read-only").arg(caller.connection)),
                             QStringLiteral("transaction refused: connection %1 is read-only").arg(caller.connection)));
    }
    if (!rest::isJsonBody(request))
        return answer(refuse(errorResponse(415, QStringLiteral("PGRST102"),
                                           QStringLiteral("Content-Type %1 is not supported")
                                               .arg(QString::fromLatin1(request.header("content-type"))),
                                           {}, QStringLiteral("Send the operations as application/json"))));

    rest::RestLimits limits;
    limits.maxFilterTerms = state.config.api.limits.maxFilterTerms;
    auto parsed = v1::parseTransactionRequest(request.body, limits);
    if (auto *refused = std::get_if<HttpResponse>(&parsed))
        return answer(refuse(std::move(*refused)));
    v1::TransactionRequest transaction = std::get<v1::TransactionRequest>(std::move(parsed));

    // RBAC for every operation before any runs.
    QList<OperationInfo> operations;
    QList<data::RestWrite> writes;
    operations.reserve(transaction.operations.size());
    writes.reserve(transaction.operations.size());
    for (int i = 0; i < transaction.operations.size(); ++i) {
        v1::TransactionOperation &operation = transaction.operations[i];
        const QString table = rest::qualifiedTable(*profile, operation.table);
        const bool representation = operation.write.options.returning == data::RestWriteOptions::Return::Representation;
        const QList<Permission> needed = rest::writePermissions(
            operation.write.kind, representation,
            operation.write.options.resolution != data::RestWriteOptions::Resolution::None);
        for (const Permission permission : std::as_const(needed)) {
            if (state.policy.allows(caller.roles, permission, caller.connection, table))
                continue;
            HttpResponse denied = errorResponse(
                403, QStringLiteral("42501"),
                QStringLiteral("permission denied for table %1").arg(data::restTableName(table).name),
                QJsonObject{{QStringLiteral("operation"), i},
                            {QStringLiteral("op"), operation.op},
                            {QStringLiteral("table"), table},
                            {QStringLiteral("permission"), permissionName(permission)}},
                QStringLiteral("operations[%1] needs %2 on %3; nothing was run").arg(i).arg(permissionName(permission), table));
            return answer(refuse(std::move(denied), QStringLiteral("operations[%1] (%2): %3 not granted on %4 of connection %5")
                                                        .arg(i)
                                                        .arg(operation.op, permissionName(permission), table,
                                                             caller.connection)));
        }
        operation.write.table = table;
        operation.write.options.hiddenColumns = rest::writeHiddenColumns(state, caller.roles, caller.connection, table, needed);
        operations << OperationInfo{operation.op, table, operation.write.kind == data::RestWriteKind::Insert,
                                    representation};
        writes << std::move(operation.write);
    }

    const ServerState *s = &state;
    const bool rollback = transaction.rollback;
    const auto job = data::runRestTransaction(*state.registry, caller.connection, std::move(writes), rollback);
    return async::then(job, receiver, [s, caller, operations, rollback](const Result<data::RestTransactionResult> &done) {
        if (!done) {
            HttpResponse failed = failureResponse(*s, caller, operations, done.error());
            const std::optional<int> index = data::failedOperation(done.error());
            const QString why = rest::auditFailureReason(done.error()); // never the values
            auditOperations(*s, caller, operations, failed.status, {}, [&](int i) {
                if (!index)
                    return QStringLiteral("rolled back: the transaction failed: %1").arg(why);
                if (i < *index)
                    return QStringLiteral("rolled back: operations[%1] failed").arg(*index);
                if (i == *index)
                    return QStringLiteral("failed: %1").arg(why);
                return QStringLiteral("not run: operations[%1] failed").arg(*index);
            });
            return failed;
        }
        const data::RestTransactionResult &result = done.value();
        HttpResponse response;
        response.status = 200;
        response.body = resultsBody(result.committed, operations, result.results);
        response.withHeader("Content-Type", "application/json; charset=utf-8");
        auditOperations(*s, caller, operations, response.status, result.results, [&](int) {
            return rollback ? QStringLiteral("rolled back as asked (rollback: true)") : QString();
        });
        return response;
    });
}

} // namespace

void addTransactionRoutes(Router &router, const ServerState &state, QObject *context)
{
    const ServerState *s = &state;
    router.add({"POST", kPattern, Access::Authenticated,
                [s, context](const RequestContext &c) { return runTransaction(*s, c, context); }});
}

} // namespace tw::http

#include "MigrationRoutes.h"

#include "async/Then.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiResponses.h"
#include "http/auth/Authenticator.h"
#include "http/auth/StrictJson.h"
#include "http/rest/RestAnswers.h"
#include "migrate/MigrationJson.h"
#include "migrate/MigrationService.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <variant>

namespace tw::http {

namespace {

const QString kStatusPattern = QStringLiteral("/api/v1/connections/{connection}/migrations");
const QString kApplyPattern = QStringLiteral("/api/v1/connections/{connection}/migrations/apply");

// Long enough to wait out a runner that is finishing, short enough that a
// request never hangs on one that is applying a long migration: the caller
// gets 423 naming the holder and may retry.
constexpr int kLockTimeoutMs = 5000;

struct Caller
{
    QString connection;
    QString subject;
    QStringList roles;
};

Caller callerOf(const RequestContext &context)
{
    return {context.request.params.value(QStringLiteral("connection")), context.identity->subject,
            context.identity->roles};
}

// The checks both routes start with: the connection must exist and be
// visible (else 404, audited when it exists), the caller must hold
// database:migrate on it (403) and its pool must be open (503).
std::optional<HttpResponse> refusal(const ServerState &state, const Caller &caller)
{
    // Migrating is about the database as a whole, not one table: any rule
    // granting database:migrate (or admin) on the connection counts.
    return rest::connectionRefusal(state, caller.connection, caller.roles, Permission::Migrate);
}

HttpResponse badBody(const QString &message, const QString &hint = {})
{
    HttpResponse response = errorResponse(400, QStringLiteral("VALIDATION_FAILED"), message, QJsonValue::Null, hint);
    response.auditReason = QStringLiteral("migrations/apply refused: %1").arg(message);
    return response;
}

// What the body of POST …/apply asks for. An empty body is `migrate up`.
struct ApplyRequest
{
    bool dryRun = false;
    migrate::PlanOptions plan;
};

std::variant<ApplyRequest, HttpResponse> parseApplyBody(const QByteArray &body)
{
    ApplyRequest out;
    if (body.trimmed().isEmpty())
        return out;
    // Strict: a duplicated key would let two readers of one body disagree.
    auto parsed = auth::parseStrictJsonObject(body, 4);
    if (!parsed)
        return badBody(QStringLiteral("the body is not a JSON object: %1").arg(parsed.error().message()));
    const QJsonObject object = parsed.value();
    const QString hint = QStringLiteral("send {\"target\": \"5\", \"dryRun\": false, \"outOfOrder\": false, "
                                        "\"singleTransaction\": false}, every key optional");
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        if (key == u"dryRun" || key == u"outOfOrder" || key == u"singleTransaction") {
            if (!value.isBool())
                return badBody(QStringLiteral("\"%1\" must be true or false").arg(key), hint);
            bool &flag = key == u"dryRun" ? out.dryRun : key == u"outOfOrder" ? out.plan.outOfOrder : out.plan.singleTransaction;
            flag = value.toBool();
        } else if (key == u"target") {
            QString text;
            if (value.isString()) {
                text = value.toString();
            } else if (value.isDouble() && value.toDouble() >= 0 && std::trunc(value.toDouble()) == value.toDouble()
                       && value.toDouble() < 9007199254740992.0) {
                // A whole number is unambiguous; 1.10 as a JSON number would
                // arrive as 1.1, so dotted versions must be strings.
                text = QString::number(qint64(value.toDouble()));
            } else {
                return badBody(QStringLiteral("\"target\" must be a version string such as \"5\" or \"1.2\""), hint);
            }
            const auto version = migrate::MigrationVersion::parse(text);
            if (!version)
                return badBody(QStringLiteral("\"target\" is not a migration version: \"%1\"").arg(text.left(64)),
                               QStringLiteral("versions are numbers separated by dots or underscores, e.g. \"5\" or \"1.2\""));
            out.plan.target = *version;
        } else {
            return badBody(QStringLiteral("unknown key \"%1\"").arg(key.left(64)), hint);
        }
    }
    return out;
}

// The runner's errors (not a failing migration, which is a report): the
// error table's status, and a hint to retry when another runner holds the lock.
HttpResponse runnerError(const Error &error)
{
    HttpResponse response = errorResponse(error);
    if (error.code() == ErrorCode::MigrationLocked)
        response.withHeader("Retry-After", QByteArray::number(kLockTimeoutMs / 1000));
    return response;
}

QString stepName(const migrate::StepOutcome &step)
{
    return step.version.isEmpty() ? step.script : step.version;
}

// The audit record of an apply: which versions ran (repeatables by file) and
// how it ended, never the statements or the database's message (either may
// quote values).
void describeForAudit(HttpResponse &response, const migrate::MigrationReport &report)
{
    response.auditOperation = QStringLiteral("migrate");
    QStringList applied;
    for (const migrate::StepOutcome &step : report.steps) {
        if (step.ok) {
            response.auditKeys.append(stepName(step));
            applied << stepName(step);
        }
    }
    QString reason = applied.isEmpty() ? QStringLiteral("nothing applied")
                                       : QStringLiteral("applied %1").arg(applied.join(QStringLiteral(", ")));
    if (report.failure) {
        const QVariantMap &details = report.failure->details();
        QString where = details.value(QStringLiteral("file")).toString();
        if (details.contains(QStringLiteral("statement")))
            where += QStringLiteral(" at statement %1 (line %2)")
                         .arg(details.value(QStringLiteral("statement")).toInt())
                         .arg(details.value(QStringLiteral("line")).toInt());
        QString code = report.failure->codeName();
        if (details.contains(QStringLiteral("sqlstate")))
            code += QStringLiteral(", SQLSTATE ") + details.value(QStringLiteral("sqlstate")).toString();
        else if (details.contains(QStringLiteral("sqliteCode")))
            code += QStringLiteral(", SQLite code ") + details.value(QStringLiteral("sqliteCode")).toString();
        reason += QStringLiteral("; %1 failed: %2").arg(where, code);
    }
    response.auditReason = reason;
}

QFuture<HttpResponse> status(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    const Caller caller = callerOf(context);
    // Status only reads, so a readonly connection answers it too.
    if (auto refused = refusal(state, caller))
        return answer(std::move(*refused));
    migrate::MigrationRequest request;
    request.command = migrate::MigrationCommand::Status;
    request.appliedText = false; // the answer does not carry it
    migrate::MigrationRun run = migrate::startMigration(*state.registry, caller.connection, request);
    return async::then(run.job.future, receiver, [](const Result<migrate::MigrationReport> &report) {
        if (!report)
            return runnerError(report.error());
        return jsonResponse(200, migrate::reportToJson(report.value()));
    });
}

QFuture<HttpResponse> apply(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    const Caller caller = callerOf(context);
    if (auto refused = refusal(state, caller))
        return answer(std::move(*refused));
    if (state.config.find(caller.connection)->readonly) {
        // database:migrate is not among the caller's effective permissions
        // here (ServerState::effectivePermissions), hence 403 rather than
        // /rest's 405: no role can migrate a readonly connection.
        HttpResponse refused = forbiddenResponse(
            QStringLiteral("connection '%1' is read-only: migrations cannot be applied to it").arg(caller.connection));
        refused.auditReason = QStringLiteral("migrate refused: connection %1 is read-only").arg(caller.connection);
        return answer(std::move(refused));
    }
    if (!rest::isJsonBody(context.request)) {
        HttpResponse refused = errorResponse(415, QStringLiteral("VALIDATION_FAILED"),
                                             QStringLiteral("Content-Type %1 is not supported")
                                                 .arg(QString::fromLatin1(context.request.header("content-type")).left(100)),
                                             QJsonValue::Null, QStringLiteral("send the options as application/json"));
        refused.auditReason = QStringLiteral("migrations/apply refused: not JSON");
        return answer(std::move(refused));
    }
    auto parsed = parseApplyBody(context.request.body);
    if (auto *refused = std::get_if<HttpResponse>(&parsed))
        return answer(std::move(*refused));
    const ApplyRequest body = std::get<ApplyRequest>(std::move(parsed));

    migrate::MigrationRequest request;
    request.command = body.dryRun ? migrate::MigrationCommand::DryRun : migrate::MigrationCommand::Up;
    request.plan = body.plan;
    request.lockTimeoutMs = kLockTimeoutMs;
    request.installedBy = QStringLiteral("api:") + caller.subject;
    const bool dryRun = body.dryRun;

    // The run is not tied to the client's socket on purpose: if the client
    // disconnects mid-run, the continuation below still runs (its answer is
    // dropped, its audit record written) and nothing cancels the job.
    // Stopping a migration half-way because a socket closed would turn one
    // failed request into a rolled-back or partial migration; the history
    // table says afterwards what ran. `run.control` is deliberately unused.
    migrate::MigrationRun run = migrate::startMigration(*state.registry, caller.connection, request);
    return async::then(run.job.future, receiver, [dryRun](const Result<migrate::MigrationReport> &done) {
        if (!done) {
            HttpResponse failed = runnerError(done.error());
            if (!dryRun) {
                failed.auditOperation = QStringLiteral("migrate");
                failed.auditReason = QStringLiteral("nothing applied: %1").arg(done.error().codeName());
            }
            return failed;
        }
        const migrate::MigrationReport &report = done.value();
        // A failing migration is the report's, not an HTTP error: the body
        // is the same report, with ok:false and the failure, and the steps
        // before it that stay applied.
        HttpResponse response = jsonResponse(report.failure ? 409 : 200, migrate::reportToJson(report));
        if (!dryRun)   // a dry run changes nothing: no audit record
            describeForAudit(response, report);
        return response;
    });
}

} // namespace

void addMigrationRoutes(Router &router, const ServerState &state, QObject *context)
{
    const ServerState *s = &state;
    router.add({"GET", kStatusPattern, Access::Authenticated,
                [s, context](const RequestContext &c) { return status(*s, c, context); }});
    router.add({"POST", kApplyPattern, Access::Authenticated,
                [s, context](const RequestContext &c) { return apply(*s, c, context); }});
}

} // namespace tw::http

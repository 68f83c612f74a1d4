#include "RestRoutes.h"

#include "PreferHeader.h"
#include "RestAnswers.h"
#include "RestError.h"
#include "RestQueryParser.h"
#include "data/RestWrite.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiResponses.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

// POST, PATCH and DELETE /rest/{connection}/{table}, answered as PostgREST 12
// answers them: 201 for a POST (200 for an upsert that only updated), 204
// for PATCH/DELETE with return=minimal, 200 with the rows otherwise;
// Location with return=headers-only; Preference-Applied for what was
// honoured. Every write is audited with the keys of the rows it touched.
namespace tw::http {

namespace {

QString operationName(data::RestWriteKind kind, const data::RestWriteOptions &options)
{
    switch (kind) {
    case data::RestWriteKind::Insert:
        return options.resolution == data::RestWriteOptions::Resolution::None ? QStringLiteral("insert")
                                                                               : QStringLiteral("upsert");
    case data::RestWriteKind::Update: return QStringLiteral("update");
    case data::RestWriteKind::Delete: return QStringLiteral("delete");
    }
    return {};
}

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

QList<QByteArray> entityTags(const HttpRequest &request)
{
    QList<QByteArray> tags;
    for (const QByteArray &value : rest::headerValues(request, "if-match")) {
        for (const QByteArray &tag : value.split(',')) {
            if (!tag.trimmed().isEmpty())
                tags << tag.trimmed();
        }
    }
    return tags;
}

QFuture<HttpResponse> writeRows(const ServerState &state, const RequestContext &context, QObject *receiver,
                                data::RestWriteKind kind)
{
    const HttpRequest &request = context.request;
    auto resolved = rest::restTarget(state, context,
                                     kind == data::RestWriteKind::Delete ? Permission::Delete : Permission::Write);
    if (auto *refused = std::get_if<HttpResponse>(&resolved))
        return answer(std::move(*refused));
    const rest::RestTarget target = std::get<rest::RestTarget>(std::move(resolved));
    const QString operation = kind == data::RestWriteKind::Insert   ? QStringLiteral("insert")
                              : kind == data::RestWriteKind::Update ? QStringLiteral("update")
                                                                    : QStringLiteral("delete");
    auto refuse = [&](HttpResponse response) {
        response.auditOperation = operation;
        response.auditReason = response.auditReason.isEmpty() ? QStringLiteral("refused before running") : response.auditReason;
        return answer(std::move(response));
    };
    auto media = rest::acceptedMediaType(request);
    if (auto *refused = std::get_if<HttpResponse>(&media))
        return refuse(std::move(*refused));
    const rest::MediaType type = std::get<rest::MediaType>(media);
    if (type == rest::MediaType::Csv)
        return refuse(rest::pgrstResponse(406, QStringLiteral("PGRST107"),
                                          QStringLiteral("None of these media types are available: text/csv"), {},
                                          QStringLiteral("Writes answer JSON")));
    if (kind != data::RestWriteKind::Delete && !rest::isJsonBody(request))
        return refuse(errorResponse(415, QStringLiteral("PGRST102"),
                                    QStringLiteral("Content-Type %1 is not supported")
                                        .arg(QString::fromLatin1(request.header("content-type"))),
                                    {}, QStringLiteral("Send the rows as application/json")));

    rest::RestLimits limits;
    limits.maxFilterTerms = state.config.api.limits.maxFilterTerms;
    auto parsed = rest::parseRestQuery(request.rawQuery, limits);
    if (!parsed)
        return refuse(rest::restFailure(state, target, parsed.error()));
    auto prefs = rest::parsePrefer(rest::headerValues(request, "prefer"));
    if (!prefs)
        return refuse(rest::restFailure(state, target, prefs.error()));
    const rest::Preferences &p = prefs.value();

    data::RestWrite write;
    write.kind = kind;
    write.table = target.qualified;
    write.query = parsed.value();
    write.body = request.body;
    data::RestWriteOptions &options = write.options;
    options.singleObject = type == rest::MediaType::Object;
    options.ifMatch = kind == data::RestWriteKind::Insert ? QList<QByteArray>() : entityTags(request);
    options.rollback = p.tx == rest::Preferences::Tx::Rollback;

    // Only what this request honours is echoed back.
    rest::Preferences applied;
    if (p.returning) {
        applied.returning = p.returning;
        options.returning = *p.returning == rest::Preferences::Return::Representation
                                ? data::RestWriteOptions::Return::Representation
                            : *p.returning == rest::Preferences::Return::HeadersOnly
                                ? data::RestWriteOptions::Return::HeadersOnly
                                : data::RestWriteOptions::Return::Minimal;
    }
    if (kind == data::RestWriteKind::Insert) {
        if (p.resolution) {
            applied.resolution = p.resolution;
            options.resolution = *p.resolution == rest::Preferences::Resolution::MergeDuplicates
                                     ? data::RestWriteOptions::Resolution::MergeDuplicates
                                     : data::RestWriteOptions::Resolution::IgnoreDuplicates;
        }
        if (p.missing == rest::Preferences::Missing::Default) {
            applied.missing = p.missing;
            options.missingDefault = true;
        }
    } else if (p.maxAffected && p.strict()) {
        // PostgREST 13: max-affected binds only with handling=strict.
        options.maxAffected = p.maxAffected;
        applied.maxAffected = p.maxAffected;
    }
    applied.handling = p.handling;
    applied.tx = p.tx;
    applied.count = p.count;
    const std::optional<rest::Preferences::Count> count = p.count;
    const QByteArray preferenceApplied = rest::preferenceApplied(applied);
    const bool returnsRows = options.returning != data::RestWriteOptions::Return::Minimal || options.singleObject;
    const QList<Permission> needed =
        rest::writePermissions(kind, returnsRows, options.resolution != data::RestWriteOptions::Resolution::None);
    if (needed.contains(Permission::Read)
        && !state.policy.allows(target.roles, Permission::Read, target.connection, target.qualified)) {
        HttpResponse denied = rest::pgrstResponse(403, QStringLiteral("42501"),
                                                  QStringLiteral("permission denied for table %1").arg(target.bare), {},
                                                  QStringLiteral("Filtering, upserting or returning rows also needs "
                                                                 "database:read on the table"));
        denied.auditReason = QStringLiteral("%1 needs database:read on %2 as well")
                                 .arg(returnsRows ? QStringLiteral("returning rows") : operationName(kind, options),
                                      target.qualified);
        return refuse(std::move(denied));
    }
    options.hiddenColumns = rest::writeHiddenColumns(state, target.roles, target.connection, target.qualified, needed);

    const ServerState *s = &state;
    const QString auditedOperation = operationName(kind, options);
    const data::RestWriteOptions::Return returning = options.returning;
    const bool upsert = options.resolution != data::RestWriteOptions::Resolution::None;
    const QString path = request.path;
    // Answered on the thread that finishes the write (see RestRoutes.cpp readRows).
    const auto answer = [s, target, type, kind, returning, upsert, count, preferenceApplied, auditedOperation,
                         path](const Result<data::RestWriteResult> &written) {
        if (!written) {
            HttpResponse failed = rest::restFailure(*s, target, written.error());
            failed.auditOperation = auditedOperation;
            failed.auditReason = rest::auditFailureReason(written.error());
            return failed;
        }
        const data::RestWriteResult &result = written.value();
        HttpResponse response;
        const bool withBody = returning == data::RestWriteOptions::Return::Representation;
        if (kind == data::RestWriteKind::Insert)
            response.status = upsert && result.inserted == 0 && result.affected > 0 ? 200 : 201;
        else
            response.status = withBody ? 200 : 204;
        if (withBody) {
            response.body = type == rest::MediaType::Object ? result.body.mid(1, result.body.size() - 2) : result.body;
            response.withHeader("Content-Type", rest::contentType(type));
        }
        const QByteArray total = count ? QByteArray::number(result.affected) : QByteArray("*");
        // PostgREST 12 gives a range for PATCH only.
        const QByteArray range = kind != data::RestWriteKind::Update || result.affected == 0
                                     ? QByteArray("*")
                                     : "0-" + QByteArray::number(result.affected - 1);
        response.withHeader("Content-Range", range + '/' + total);
        if (returning == data::RestWriteOptions::Return::HeadersOnly && !result.locationQuery.isEmpty())
            response.withHeader("Location", QUrl::toPercentEncoding(path, "/") + '?' + result.locationQuery);
        if (!preferenceApplied.isEmpty())
            response.withHeader("Preference-Applied", preferenceApplied);
        response.auditOperation = auditedOperation;
        response.auditKeys = auditKeys(result.keys);
        if (result.affected > response.auditKeys.size())
            response.auditKeyCount = result.affected;
        return response;
    };
    return rest::withDeadline(state, target.connection,
                              data::startRestWrite(*state.registry, target.connection, write, answer), receiver, context);
}

} // namespace

void addRestWriteRoutes(Router &router, const ServerState &state, QObject *context)
{
    const ServerState *s = &state;
    const QString pattern = QStringLiteral("/rest/{connection}/{table}");
    router.add({"POST", pattern, Access::Authenticated,
                [s, context](const RequestContext &c) { return writeRows(*s, c, context, data::RestWriteKind::Insert); }});
    router.add({"PATCH", pattern, Access::Authenticated,
                [s, context](const RequestContext &c) { return writeRows(*s, c, context, data::RestWriteKind::Update); }});
    router.add({"DELETE", pattern, Access::Authenticated,
                [s, context](const RequestContext &c) { return writeRows(*s, c, context, data::RestWriteKind::Delete); }});
}

} // namespace tw::http

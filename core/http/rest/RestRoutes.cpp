#include "RestRoutes.h"

#include "PreferHeader.h"
#include "RestAnswers.h"
#include "RangeHeader.h"
#include "RestError.h"
#include "RestQueryParser.h"
#include "data/RestRead.h"
#include "async/Then.h"
#include "db/AsyncPgReader.h"
#include "db/ConnectionRegistry.h"
#include "http/AsyncReaders.h"
#include "http/ApiResponses.h"
#include "http/auth/Authenticator.h"

#include <QJsonObject>
#include <QPointer>
#include <QPromise>

namespace tw::http {

namespace {

// Content-Range and status as PostgREST 12 computes them (Response.hs:
// rangeStatusHeader, contentRangeH).
HttpResponse rowsResponse(const data::RestRows &rows, rest::MediaType type)
{
    const qint64 lower = rows.rangeStart;
    const qint64 upper = rows.rangeStart + rows.rows - 1;
    const QByteArray total = rows.total ? QByteArray::number(*rows.total) : QByteArray("*");
    const bool showRange = rows.total != 0 && lower <= upper;
    const QByteArray range = showRange ? QByteArray::number(lower) + '-' + QByteArray::number(upper) : QByteArray("*");
    if (rows.total && lower > *rows.total) {
        return rest::pgrstResponse(416, QString::fromLatin1(rest::kUnsatisfiableRange),
                             QStringLiteral("Requested range not satisfiable"),
                             QStringLiteral("An offset of %1 was requested, but there are only %2 rows.")
                                 .arg(lower)
                                 .arg(*rows.total))
            .withHeader("Content-Range", "*/" + total);
    }
    const int status = rows.total && rows.rows < *rows.total ? 206 : 200;
    QByteArray body = rows.body;
    if (type == rest::MediaType::Object)
        body = body.mid(1, body.size() - 2); // the one element of "[…]"
    HttpResponse response{status, {{"Content-Type", rest::contentType(type)}, {"Content-Range", range + '/' + total}},
                          body, {}};
    if (!rows.entityTag.isEmpty())
        response.withHeader("ETag", rows.entityTag);
    return response;
}

data::RestCount restCount(const std::optional<rest::Preferences::Count> &count)
{
    if (!count)
        return data::RestCount::None;
    switch (*count) {
    case rest::Preferences::Count::Exact: return data::RestCount::Exact;
    case rest::Preferences::Count::Planned: return data::RestCount::Planned;
    case rest::Preferences::Count::Estimated: return data::RestCount::Estimated;
    }
    return data::RestCount::None;
}

QFuture<HttpResponse> readRows(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    const HttpRequest &request = context.request;
    auto resolved = rest::restTarget(state, context, Permission::Read);
    if (auto *refused = std::get_if<HttpResponse>(&resolved))
        return answer(std::move(*refused));
    const rest::RestTarget target = std::get<rest::RestTarget>(std::move(resolved));
    auto media = rest::acceptedMediaType(request);
    if (auto *refused = std::get_if<HttpResponse>(&media))
        return answer(std::move(*refused));
    const rest::MediaType type = std::get<rest::MediaType>(media);

    rest::RestLimits limits;
    limits.maxFilterTerms = state.config.api.limits.maxFilterTerms;
    auto parsed = rest::parseRestQuery(request.rawQuery, limits);
    if (!parsed)
        return answer(rest::restFailure(state, target, parsed.error()));
    auto prefs = rest::parsePrefer(rest::headerValues(request, "prefer"));
    if (!prefs)
        return answer(rest::restFailure(state, target, prefs.error()));
    auto rangeHeader = rest::parseRangeHeader(request.header("range"), request.header("range-unit"));
    if (!rangeHeader)
        return answer(rest::restFailure(state, target, rangeHeader.error()));

    rest::RestQuery query = parsed.value();
    const rest::RowRange range = rest::effectiveRange(rangeHeader.value(), query.limit, query.offset);
    query.offset = range.offset;
    query.limit = range.limit;

    data::RestReadOptions options;
    options.count = restCount(prefs.value().count);
    options.maxRows = state.config.api.limits.maxPageRows;
    options.hiddenColumns = state.policy.deniedColumns(target.roles, target.connection, target.qualified);
    options.csv = type == rest::MediaType::Csv;
    options.entityTag = type == rest::MediaType::Object;

    // Only what a read honours is echoed back.
    rest::Preferences applied;
    applied.count = prefs.value().count;
    applied.handling = prefs.value().handling;
    applied.tx = prefs.value().tx;
    const QByteArray preferenceApplied = rest::preferenceApplied(applied);

    const ServerState *s = &state;
    // Answered on the thread that finishes the read (a pool worker): no
    // continuation, no second trip through the event queue; ApiServer
    // takes the answer from there.
    const auto answer = [s, target, preferenceApplied, type](const Result<data::RestRows> &rows) {
        if (!rows)
            return rest::restFailure(*s, target, rows.error());
        if (type == rest::MediaType::Object && rows.value().rows != 1) {
            return rest::pgrstResponse(406, QString::fromLatin1(rest::kNotOneRow),
                                       QStringLiteral("JSON object requested, multiple (or no) rows returned"),
                                       QStringLiteral("The result contains %1 rows").arg(rows.value().rows));
        }
        HttpResponse response = rowsResponse(rows.value(), type);
        // PostgREST echoes the preferences on a 416 too.
        if ((response.status < 400 || response.status == 416) && !preferenceApplied.isEmpty())
            response.withHeader("Preference-Applied", preferenceApplied);
        return response;
    };
    const auto throughPool = [s, target, query, options, answer, receiver](const RequestContext &context) {
        return rest::withDeadline(*s, target.connection,
                                  data::startRestRead(*s->registry, target.connection, target.qualified, query, options, answer),
                                  receiver, context);
    };
    // On PostgreSQL, from this thread over the server's own connections when
    // the read is one known statement (data::startAsyncRestRead); the pool
    // answers the rest, and those the async connections could not.
    if (db::AsyncPgReader *reader = state.asyncReaders ? state.asyncReaders->reader(target.connection) : nullptr) {
        auto promise = std::make_shared<QPromise<HttpResponse>>();
        promise->start();
        const auto finish = [promise](HttpResponse response) {
            promise->addResult(std::move(response));
            promise->finish();
        };
        const quint64 started = data::startAsyncRestRead(
            *reader, target.qualified, query, options,
            [finish, answer](Result<data::RestRows> rows) { finish(answer(rows)); },
            [finish, throughPool, receiver, cancel = context.cancel] {
                RequestContext again;
                again.cancel = cancel;
                async::then(throughPool(again), receiver, [finish](const HttpResponse &response) { finish(response); });
            });
        if (started) {
            if (context.cancel)
                context.cancel->onCancel([reader = QPointer<db::AsyncPgReader>(reader), started] {
                    if (reader)
                        reader->cancel(started);
                });
            return promise->future();
        }
    }
    return throughPool(context);
}

} // namespace

void addRestRoutes(Router &router, const ServerState &state, QObject *context)
{
    const ServerState *s = &state;
    router.add({"GET", QStringLiteral("/rest/{connection}/{table}"), Access::Authenticated,
                [s, context](const RequestContext &c) { return readRows(*s, c, context); }});
    addRestWriteRoutes(router, state, context);
}

} // namespace tw::http

#include "SearchRoutes.h"

#include "async/Then.h"
#include "data/DatabaseSearch.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiResponses.h"
#include "http/auth/Authenticator.h"
#include "http/rest/QueryString.h"
#include "http/rest/RestAnswers.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tw::http {

namespace {

// "schema.table" as the policy names it (SQLite: "main.table").
QString policyName(const catalog::QualifiedName &table)
{
    return data::searchTableName(table);
}

// The search of one request may take this long before tables are skipped
// (truncated: true); each table's statement gets a quarter of it.
constexpr int kSearchBudgetMs = 5000;
constexpr int kDefaultLimit = 50;
constexpr int kMaxPerTable = 20;
constexpr int kMaxTablesParam = 200;

struct SearchCall
{
    const ServerState *state = nullptr;
    QString connection;
    QStringList roles;
    config::Driver driver = config::Driver::Sqlite;
    QString text;
    QStringList tables;       // as the caller wrote them; empty: every readable table
    int limit = kDefaultLimit;
    std::shared_ptr<RequestCancel> cancel; // the client went away: the search stops
};

HttpResponse badRequest(const QString &message)
{
    return errorResponse(Error(ErrorCode::ValidationFailed, message));
}

// The checks of every /api/v1 connection route (CatalogRoutes' order):
// visible connection (else 404, audited when it exists), database:read on
// it (403), an open pool (503).
std::optional<HttpResponse> refusal(SearchCall &call)
{
    if (auto refused = rest::connectionRefusal(*call.state, call.connection, call.roles, Permission::Read))
        return refused;
    call.driver = call.state->config.find(call.connection)->driver;
    return std::nullopt;
}

std::optional<HttpResponse> parseParameters(SearchCall &call, const QByteArray &rawQuery, int maxRows)
{
    auto params = rest::parseQueryString(rawQuery);
    if (!params)
        return badRequest(params.error().message());
    std::optional<QString> text;
    std::optional<QString> tables;
    std::optional<QString> limit;
    for (const rest::QueryParam &param : params.value()) {
        if (param.key == QLatin1String("q") && !text)
            text = param.value;
        else if (param.key == QLatin1String("tables") && !tables)
            tables = param.value;
        else if (param.key == QLatin1String("limit") && !limit)
            limit = param.value;
    }
    if (!text)
        return badRequest(QStringLiteral("the query parameter q (the text to search for) is required"));
    if (Status valid = data::validateSearchText(*text); !valid.ok())
        return errorResponse(valid.error());
    call.text = text->trimmed();
    if (tables) {
        for (const QString &name : tables->split(u',')) {
            if (!name.trimmed().isEmpty())
                call.tables << name.trimmed();
        }
        if (call.tables.size() > kMaxTablesParam)
            return badRequest(QStringLiteral("tables names more than %1 tables").arg(kMaxTablesParam));
    }
    if (limit) {
        bool ok = false;
        const int value = limit->toInt(&ok);
        if (!ok || value < 1)
            return badRequest(QStringLiteral("limit must be a positive integer"));
        call.limit = value;
    }
    call.limit = std::min(call.limit, std::max(1, maxRows));
    return std::nullopt;
}

// `name` among the searchable tables: "schema.name" (compared whole, so
// names holding dots work) or "name" in the default schema.
const catalog::TableRef *resolve(const QList<catalog::TableRef> &tables, config::Driver driver, const QString &name)
{
    const auto find = [&](const QString &qualified) -> const catalog::TableRef * {
        for (const catalog::TableRef &table : tables) {
            if (policyName({table.schema, table.name}) == qualified)
                return &table;
        }
        return nullptr;
    };
    if (const catalog::TableRef *table = name.contains(u'.') ? find(name) : nullptr)
        return table;
    return find(rest::defaultSchema(driver) + u'.' + name);
}

QJsonObject resultJson(const QString &text, const data::SearchResult &result)
{
    QJsonArray hits;
    for (const data::SearchHit &hit : result.hits) {
        QJsonArray highlights;
        for (const auto &[start, length] : hit.highlights)
            highlights.append(QJsonArray{start, length});
        hits.append(QJsonObject{{QStringLiteral("table"), hit.table},
                                {QStringLiteral("key"), hit.key},
                                {QStringLiteral("column"), hit.column},
                                {QStringLiteral("snippet"), hit.snippet},
                                {QStringLiteral("highlights"), highlights}});
    }
    QJsonArray skipped;
    for (const data::SkippedTable &table : result.skipped)
        skipped.append(QJsonObject{{QStringLiteral("table"), table.table},
                                   {QStringLiteral("reason"), data::skipReasonName(table.reason)}});
    return QJsonObject{{QStringLiteral("query"), text},
                       {QStringLiteral("results"), hits},
                       {QStringLiteral("truncated"), result.truncated},
                       {QStringLiteral("skippedTables"), skipped},
                       {QStringLiteral("elapsedMs"), double(result.elapsedMs)}};
}

// On the server's thread, with the searchable tables in hand: the scopes the
// caller may search, or the 404 for a named table it may not.
QFuture<HttpResponse> runSearch(const SearchCall &call, const QList<catalog::TableRef> &tables, QObject *receiver)
{
    const ServerState &state = *call.state;
    const auto readable = [&](const catalog::TableRef &table) {
        return state.policy.allows(call.roles, Permission::Read, call.connection, policyName({table.schema, table.name}));
    };
    QList<data::SearchScope> scopes;
    const auto scopeOf = [&](const catalog::TableRef &table) {
        return data::SearchScope{{table.schema, table.name},
                                 state.policy.deniedColumns(call.roles, call.connection, policyName({table.schema, table.name}))};
    };
    if (call.tables.isEmpty()) {
        for (const catalog::TableRef &table : tables) {
            if (table.kind == catalog::TableRef::Kind::Table && readable(table))
                scopes << scopeOf(table);
        }
    } else {
        for (const QString &name : call.tables) {
            const catalog::TableRef *table = resolve(tables, call.driver, name);
            if (!table || !readable(*table)) {
                // Unknown and unreadable read alike (as /tables/{t}/schema answers).
                HttpResponse missing = errorResponse(
                    404, QStringLiteral("TABLE_NOT_FOUND"),
                    QStringLiteral("no table or view named '%1' in connection '%2'").arg(name, call.connection),
                    QJsonObject{{QStringLiteral("table"), name}});
                if (table)
                    missing.auditReason = QStringLiteral("database:read not granted on %1 of connection %2")
                                              .arg(policyName({table->schema, table->name}), call.connection);
                return answer(missing);
            }
            if (!std::any_of(scopes.cbegin(), scopes.cend(), [&](const data::SearchScope &s) {
                    return s.table == catalog::QualifiedName{table->schema, table->name};
                }))
                scopes << scopeOf(*table);
        }
    }
    if (scopes.isEmpty())
        return answer(jsonResponse(200, resultJson(call.text, data::SearchResult{})));

    data::SearchRequest request;
    request.text = call.text;
    request.tables = scopes;
    request.totalLimit = call.limit;
    request.perTableLimit = std::min(call.limit, kMaxPerTable);
    request.budgetMs = kSearchBudgetMs;
    const QString text = call.text;
    if (call.cancel && call.cancel->cancelled())
        return answer(errorResponse(Error(ErrorCode::QueryCancelled, QStringLiteral("the client went away"))));
    const auto job = data::startSearch(*state.registry, call.connection, request);
    if (call.cancel && job.id != 0) {
        call.cancel->onCancel([registry = state.registry, connection = call.connection, id = job.id, future = job.future,
                               receiver] {
            rest::cancelUntilFinished(registry, connection, id, [future] { return future.isFinished(); }, receiver);
        });
    }
    return async::then(job.future, receiver, [text](const Result<data::SearchResult> &result) {
        if (!result)
            return errorResponse(result.error());
        return jsonResponse(200, resultJson(text, result.value()));
    });
}

QFuture<HttpResponse> search(const ServerState &state, const RequestContext &context, QObject *receiver)
{
    SearchCall call;
    call.state = &state;
    call.connection = context.request.params.value(QStringLiteral("connection"));
    call.roles = context.identity->roles;
    call.cancel = context.cancel;
    if (auto refused = refusal(call))
        return answer(*refused);
    if (auto invalid = parseParameters(call, context.request.rawQuery, state.config.api.limits.maxPageRows))
        return answer(*invalid);
    const auto tables = data::listSearchableTables(*state.registry, call.connection);
    const auto search = async::then(tables, receiver, [call, receiver](const Result<QList<catalog::TableRef>> &listed) {
        if (!listed)
            return answer(errorResponse(listed.error()));
        return runSearch(call, listed.value(), receiver);
    });
    return async::unwrap(search, receiver);
}

} // namespace

void addSearchRoutes(Router &router, const ServerState &state, QObject *context)
{
    const ServerState *s = &state;
    router.add({"GET", QStringLiteral("/api/v1/connections/{connection}/search"), Access::Authenticated,
                [s, context](const RequestContext &c) { return search(*s, c, context); }});
}

} // namespace tw::http

#include "DatabaseSearch.h"

#include "SearchParts.h"
#include "TableDescriber.h"
#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"
#include "db/Session.h"

#include <QDateTime>
#include <QSet>

namespace tw::data {

using namespace detail;

QString skipReasonName(SkipReason reason)
{
    switch (reason) {
    case SkipReason::TimeBudget: return QStringLiteral("time budget");
    case SkipReason::Timeout: return QStringLiteral("timeout");
    case SkipReason::LimitReached: return QStringLiteral("limit reached");
    case SkipReason::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

Status validateSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error(ErrorCode::ValidationFailed, QStringLiteral("the search text is empty"));
    // Characters as people count them: an emoji is one, not two UTF-16 units.
    if (trimmed.toUcs4().size() > kMaxSearchTextChars)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("the search text is longer than %1 characters").arg(kMaxSearchTextChars));
    if (trimmed.contains(QChar(0)))
        return Error(ErrorCode::ValidationFailed, QStringLiteral("the search text holds a NUL character"));
    return {};
}

QString searchTableName(const catalog::QualifiedName &table)
{
    return (table.schema.isEmpty() ? QStringLiteral("main") : table.schema) + u'.' + table.name;
}

Result<QList<catalog::TableRef>> listSearchableTables(db::Session &session)
{
    auto tables = catalog::listTables(session);
    if (!tables || session.profile().driver != config::Driver::Sqlite)
        return tables;
    // FTS shadow tables repeat their FTS table's text in its own encoding.
    auto shadows = session.exec(QStringLiteral("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'"));
    if (!shadows)
        return shadows.error();
    QSet<QString> shadowNames;
    while (shadows.value().next())
        shadowNames.insert(shadows.value().value(0).toString());
    QList<catalog::TableRef> kept;
    for (const catalog::TableRef &table : tables.value()) {
        if (!shadowNames.contains(table.name))
            kept << table;
    }
    return kept;
}

QFuture<Result<QList<catalog::TableRef>>> listSearchableTables(db::ConnectionRegistry &registry, const QString &connection)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return QtFuture::makeReadyFuture(
            Result<QList<catalog::TableRef>>(catalog::unknownConnection(connection, registry.names())));
    return pool->run([](db::Session &session) { return listSearchableTables(session); });
}

namespace {

// Failures that end the whole search rather than one table.
bool endsTheSearch(const db::Session &session, const Error &error)
{
    return session.isCancelled() || error.code() == ErrorCode::DbUnavailable || error.code() == ErrorCode::PoolClosed;
}

void skipRest(SearchResult &result, const QList<SearchScope> &scopes, qsizetype from, SkipReason reason)
{
    for (qsizetype i = from; i < scopes.size(); ++i)
        result.skipped << SkippedTable{searchTableName(scopes.at(i).table), reason, {}};
    if (from < scopes.size())
        result.truncated = true;
}

} // namespace

Result<SearchResult> searchDatabase(db::Session &session, const SearchRequest &request, qint64 submittedAtMs)
{
    if (Status valid = validateSearchText(request.text); !valid.ok())
        return valid.error();
    const QString needle = request.text.trimmed();
    const int perTable = std::max(1, request.perTableLimit);
    const int total = std::max(1, request.totalLimit);
    const qint64 budget = std::max(1, request.budgetMs);
    const int tableTimeout = request.tableTimeoutMs > 0 ? request.tableTimeoutMs : std::max(100, request.budgetMs / 4);
    const auto elapsed = [submittedAtMs] { return QDateTime::currentMSecsSinceEpoch() - submittedAtMs; };
    const bool postgres = session.profile().driver == config::Driver::Postgres;

    QList<SearchScope> scopes;
    if (request.tables) {
        scopes = *request.tables;
    } else {
        auto tables = listSearchableTables(session);
        if (!tables)
            return tables.error();
        for (const catalog::TableRef &table : tables.value()) {
            if (table.kind == catalog::TableRef::Kind::Table)
                scopes << SearchScope{{table.schema, table.name}, {}};
        }
    }

    // One catalog pass for the whole search, not one per table.
    QHash<QString, QList<FullTextSource>> fullText;
    QString defaultConfig;
    QStringList fts5Tables;
    if (postgres) {
        auto found = findPostgresFullText(session);
        if (!found)
            return found.error();
        fullText = found.value();
        auto config = session.scalar(QStringLiteral("SELECT current_setting('default_text_search_config')"));
        if (!config)
            return config.error();
        defaultConfig = config.value().toString();
    } else {
        auto found = findSqliteFts5Tables(session);
        if (!found)
            return found.error();
        fts5Tables = found.value();
    }

    SearchResult result;
    for (qsizetype i = 0; i < scopes.size(); ++i) {
        if (session.isCancelled())
            return session.cancelledError();
        if (result.hits.size() >= total) {
            skipRest(result, scopes, i, SkipReason::LimitReached);
            break;
        }
        const qint64 remaining = budget - elapsed();
        if (remaining <= 0) {
            skipRest(result, scopes, i, SkipReason::TimeBudget);
            break;
        }
        const SearchScope &scope = scopes.at(i);
        const QString name = searchTableName(scope.table);
        auto shape = describeTable(session, scope.table);
        if (!shape) {
            if (endsTheSearch(session, shape.error()))
                return session.isCancelled() ? session.cancelledError() : shape.error();
            result.skipped << SkippedTable{name, SkipReason::Failed, shape.error().message()};
            result.truncated = true;
            continue;
        }
        TableSearch search;
        search.shape = &shape.value();
        search.table = name;
        search.hidden = scope.hiddenColumns;
        search.text = needle;
        search.limit = std::min<int>(perTable, total - int(result.hits.size()));
        search.snippetChars = std::max(16, request.snippetChars);
        search.timeoutMs = int(std::min<qint64>(tableTimeout, std::max<qint64>(1, budget - elapsed())));
        auto outcome = postgres
            ? searchPostgresTable(session, search, fullText.value(shape.value().table.schema + u'.' + shape.value().table.name),
                                  defaultConfig)
            : searchSqliteTable(session, search, fts5Tables.contains(shape.value().table.name));
        if (!outcome) {
            if (endsTheSearch(session, outcome.error()))
                return session.isCancelled() ? session.cancelledError() : outcome.error();
            result.skipped << SkippedTable{name, SkipReason::Failed, outcome.error().message()};
            result.truncated = true;
            continue;
        }
        if (outcome.value().timedOut) {
            result.skipped << SkippedTable{name, SkipReason::Timeout,
                                           QStringLiteral("stopped after %1 ms").arg(search.timeoutMs)};
            result.truncated = true;
            continue;
        }
        ++result.tablesSearched;
        result.hits += outcome.value().hits;
        if (outcome.value().more)
            result.truncated = true;
    }
    result.elapsedMs = elapsed();
    return result;
}

db::Job<Result<SearchResult>> startSearch(db::ConnectionRegistry &registry, const QString &connection,
                                          SearchRequest request)
{
    const auto pool = registry.pool(connection);
    if (!pool)
        return {0, QtFuture::makeReadyFuture(Result<SearchResult>(catalog::unknownConnection(connection, registry.names())))};
    if (Status valid = validateSearchText(request.text); !valid.ok())
        return {0, QtFuture::makeReadyFuture(Result<SearchResult>(valid.error()))};
    const qint64 submittedAt = QDateTime::currentMSecsSinceEpoch();
    return pool->submit([request = std::move(request), submittedAt](db::Session &session) {
        return searchDatabase(session, request, submittedAt);
    });
}

} // namespace tw::data

#pragma once

// The pieces of searchDatabase() (DatabaseSearch.cpp): one table searched
// per engine (PostgresSearch.cpp, SqliteSearch.cpp) and the text helpers
// they share (SearchText.cpp). Internal to core/data.

#include "DatabaseSearch.h"
#include "TableShape.h"
#include "db/Session.h"

#include <QHash>
#include <QVariantList>

namespace tw::data::detail {

// One table's search, as the loop hands it to an engine.
struct TableSearch
{
    const TableShape *shape = nullptr;
    QString table;             // "schema.table" for the hits
    QStringList hidden;
    QString text;              // the needle, trimmed
    int limit = 20;            // hits wanted; one more row is read to tell "more"
    int snippetChars = 160;
    int timeoutMs = 1000;
};

struct TableOutcome
{
    QList<SearchHit> hits;
    bool more = false;         // the table had more matches than `limit`
    bool timedOut = false;     // the statement ran past timeoutMs (hits empty)
};

// SQL text with its '?' values in text order, so parts built apart can be
// joined without losing the order of their values.
struct SqlText
{
    QString sql;
    QVariantList binds;

    SqlText &add(const QString &text, const QVariantList &values = {})
    {
        sql += text;
        binds += values;
        return *this;
    }
    SqlText &add(const SqlText &other) { return add(other.sql, other.binds); }
};

// How a row is named in the hits: the expressions selected as k0, k1, …
// and the key names they fill.
struct KeyPlan
{
    QStringList names;
    QStringList expressions;
};

// ---- PostgreSQL (PostgresSearch.cpp) ----

// A full-text source of one table: a tsvector column or the expression of
// an index built on to_tsvector(…).
struct FullTextSource
{
    QString document;          // SQL: the quoted column, or the index's own expression text
    QString config;            // regconfig name; empty: the server's default_text_search_config
    QStringList columns;       // the columns it is built from; empty: unknown (trigger-maintained)
    QString tsvectorColumn;    // set for a tsvector column
};

// Every table's full-text sources, in one catalog query per kind (not per
// table), keyed by "schema.table".
Result<QHash<QString, QList<FullTextSource>>> findPostgresFullText(db::Session &session);

Result<TableOutcome> searchPostgresTable(db::Session &session, const TableSearch &search,
                                         const QList<FullTextSource> &sources, const QString &defaultConfig);

// ---- SQLite (SqliteSearch.cpp) ----

// Names of the FTS5 virtual tables of the main schema.
Result<QStringList> findSqliteFts5Tables(db::Session &session);

Result<TableOutcome> searchSqliteTable(db::Session &session, const TableSearch &search, bool fts5);

// ---- Shared text helpers (SearchText.cpp) ----

// % _ and \ escaped with '\', wrapped in % for "contains".
QString likeContainsPattern(const QString &needle);
// The needle as an FTS5 query: each word a quoted string (implicit AND), so
// FTS5's own syntax (quotes, *, NEAR, column filters) never reaches it.
// Empty when no word holds a letter or digit (nothing FTS could match).
QString fts5Query(const QString &needle);

// The private markers the engines wrap matches in (ts_headline StartSel,
// FTS5 snippet()): turned into SearchHit::highlights.
constexpr char16_t kMarkOpen = u'\x02';
constexpr char16_t kMarkClose = u'\x03';

// A marked snippet as a hit's snippet + highlights: markers removed, line
// breaks and tabs folded to spaces, cut to about `maxChars` around the
// first match.
void setMarkedSnippet(SearchHit &hit, const QString &marked, int maxChars);
// A plain snippet: the needle's occurrences (case-insensitive) highlighted.
void setPlainSnippet(SearchHit &hit, const QString &plain, const QString &needle, int maxChars);

// Columns a pattern search scans: text-like ones (text, varchar, json;
// SQLite also untyped), never a hidden one.
QList<const ColumnInfo *> patternColumns(const TableShape &shape, const QStringList &hidden, bool sqlite);
bool isHidden(const QStringList &hidden, const QString &column);

// Fills a hit's key from the selected k0…kn values.
QJsonObject keyObject(const KeyPlan &plan, const QVariantList &values);

} // namespace tw::data::detail

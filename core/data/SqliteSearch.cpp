// One table of a database search on SQLite: FTS5's MATCH and snippet() on
// FTS5 tables, else LIKE over the text columns. A progress handler stops a
// statement that runs past the table's time, as statement_timeout does on
// PostgreSQL.
#include "SearchParts.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include <sqlite3.h>

namespace tw::data::detail {

namespace {

// Interrupts the connection's statements once the deadline passes; gone
// with the guard, so the next job of the worker runs without it.
class StatementDeadline
{
public:
    StatementDeadline(sqlite3 *db, int ms)
        : m_db(db)
        , m_deadline(ms)
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 1000, &StatementDeadline::check, this);
    }
    ~StatementDeadline()
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    }
    StatementDeadline(const StatementDeadline &) = delete;
    StatementDeadline &operator=(const StatementDeadline &) = delete;

    bool expired() const { return m_expired; }

private:
    static int check(void *self)
    {
        auto *guard = static_cast<StatementDeadline *>(self);
        if (guard->m_deadline.hasExpired()) {
            guard->m_expired = true;
            return 1;   // SQLITE_INTERRUPT
        }
        return 0;
    }

    sqlite3 *m_db;
    QDeadlineTimer m_deadline;
    bool m_expired = false;
};

KeyPlan keyPlan(const db::Dialect &dialect, const TableShape &shape, const QStringList &hidden)
{
    KeyPlan plan;
    const bool keyHidden = std::any_of(shape.keyColumns.cbegin(), shape.keyColumns.cend(),
                                       [&](const QString &c) { return isHidden(hidden, c); });
    if (shape.identity == RowIdentity::PrimaryKey && !keyHidden) {
        plan.names = shape.keyColumns;
        for (const QString &name : shape.keyColumns)
            plan.expressions << dialect.quoteIdentifier(name);
    } else if (shape.identity == RowIdentity::Rowid && !shape.keyColumns.isEmpty()) {
        // The alias describeTable chose (rowid, _rowid_ or oid), named "rowid" for the caller.
        plan.names << QStringLiteral("rowid");
        plan.expressions << dialect.quoteIdentifier(shape.keyColumns.first());
    }
    // A hidden primary key (an INTEGER PRIMARY KEY is the rowid itself) or a
    // view: no key rather than a revealing one.
    return plan;
}

SqlText keySelect(const KeyPlan &plan)
{
    SqlText sql;
    for (qsizetype i = 0; i < plan.expressions.size(); ++i)
        sql.add(plan.expressions.at(i) + QStringLiteral(" AS k%1, ").arg(i));
    return sql;
}

SqlText fts5Statement(const db::Dialect &dialect, const TableSearch &search, const QString &query, const KeyPlan &keys)
{
    const TableShape &shape = *search.shape;
    const QString table = dialect.quoteIdentifier(shape.table.name);
    const int tokens = std::clamp(search.snippetChars / 7, 6, 64);
    SqlText sql;
    sql.add(QStringLiteral("SELECT ")).add(keySelect(keys));
    for (qsizetype i = 0; i < shape.columns.size(); ++i) {
        sql.add(QStringLiteral("snippet(%1, %2, char(%3), char(%4), '…', %5)%6")
                    .arg(table)
                    .arg(i)
                    .arg(int(kMarkOpen))
                    .arg(int(kMarkClose))
                    .arg(tokens)
                    .arg(i + 1 < shape.columns.size() ? QStringLiteral(", ") : QString()));
    }
    sql.add(QStringLiteral(" FROM %1 WHERE %1 MATCH ? LIMIT ?").arg(table), {query, search.limit + 1});
    return sql;
}

SqlText likeStatement(const db::Dialect &dialect, const TableSearch &search, const QList<const ColumnInfo *> &columns,
                      const KeyPlan &keys)
{
    const QString pattern = likeContainsPattern(search.text);
    const auto matches = [&](const ColumnInfo *column) {
        return dialect.quoteIdentifier(column->name) + QStringLiteral(" LIKE ? ESCAPE '\\'");
    };
    SqlText inner;
    inner.add(QStringLiteral("SELECT ")).add(keySelect(keys));
    for (qsizetype i = 0; i < columns.size(); ++i)
        inner.add(QStringLiteral("CAST(%1 AS TEXT) AS t%2, ").arg(dialect.quoteIdentifier(columns.at(i)->name)).arg(i));
    inner.add(QStringLiteral("CASE"));
    for (qsizetype i = 0; i < columns.size(); ++i)
        inner.add(QStringLiteral(" WHEN ") + matches(columns.at(i)) + QStringLiteral(" THEN %1").arg(i), {pattern});
    inner.add(QStringLiteral(" ELSE -1 END AS i FROM %1 WHERE ").arg(dialect.quoteIdentifier(search.shape->table.name)));
    for (qsizetype i = 0; i < columns.size(); ++i)
        inner.add((i ? QStringLiteral(" OR ") : QString()) + matches(columns.at(i)), {pattern});
    inner.add(QStringLiteral(" LIMIT ?"), {search.limit + 1});

    // Only the text around the first match is copied out.
    const int before = search.snippetChars / 3;
    SqlText outer;
    outer.add(QStringLiteral("SELECT "));
    for (qsizetype i = 0; i < keys.expressions.size(); ++i)
        outer.add(QStringLiteral("m.k%1, ").arg(i));
    outer.add(QStringLiteral("m.i, CASE m.i"));
    for (qsizetype i = 0; i < columns.size(); ++i) {
        outer.add(QStringLiteral(" WHEN %1 THEN substr(m.t%1, max(1, instr(lower(m.t%1), lower(?)) - ?), ?)").arg(i),
                  {search.text, before, search.snippetChars});
    }
    outer.add(QStringLiteral(" END FROM (")).add(inner).add(QStringLiteral(") AS m"));
    return outer;
}

} // namespace

Result<QStringList> findSqliteFts5Tables(db::Session &session)
{
    auto rows = session.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'table' "
                                            "AND sql LIKE 'CREATE VIRTUAL TABLE%'"));
    if (!rows)
        return rows.error();
    static const QRegularExpression usingFts5(QStringLiteral("\\bUSING\\s+fts5\\b"),
                                              QRegularExpression::CaseInsensitiveOption);
    QStringList names;
    while (rows.value().next()) {
        if (usingFts5.match(rows.value().value(1).toString()).hasMatch())
            names << rows.value().value(0).toString();
    }
    return names;
}

Result<TableOutcome> searchSqliteTable(db::Session &session, const TableSearch &search, bool fts5)
{
    const db::Dialect &dialect = session.dialect();
    const TableShape &shape = *search.shape;
    const KeyPlan keys = keyPlan(dialect, shape, search.hidden);

    // FTS5 only when every column may be shown: MATCH covers them all.
    const bool anyHidden = std::any_of(shape.columns.cbegin(), shape.columns.cend(),
                                       [&](const ColumnInfo &c) { return isHidden(search.hidden, c.name); });
    const QString query = fts5 && !anyHidden ? fts5Query(search.text) : QString();
    const SearchMethod method = query.isEmpty() ? SearchMethod::Pattern : SearchMethod::FullText;
    QList<const ColumnInfo *> columns;
    SqlText statement;
    if (method == SearchMethod::FullText) {
        for (const ColumnInfo &column : shape.columns)
            columns << &column;
        statement = fts5Statement(dialect, search, query, keys);
    } else {
        columns = patternColumns(shape, search.hidden, true);
        if (columns.isEmpty())
            return TableOutcome{};
        statement = likeStatement(dialect, search, columns, keys);
    }

    TableOutcome outcome;
    StatementDeadline deadline(session.native().sqlite(), std::max(1, search.timeoutMs));
    auto rows = session.exec(statement.sql, statement.binds);
    if (!rows) {
        if (deadline.expired() && !session.isCancelled()) {
            outcome.timedOut = true;
            return outcome;
        }
        return rows.error();
    }
    const int width = int(keys.expressions.size());
    while (rows.value().next()) {
        if (outcome.hits.size() >= search.limit) {
            outcome.more = true;
            break;
        }
        QVariantList keyValues;
        for (int i = 0; i < width; ++i)
            keyValues << rows.value().value(i);
        SearchHit hit;
        hit.table = search.table;
        hit.ref = shape.table;
        hit.method = method;
        hit.key = keyObject(keys, keyValues);
        if (method == SearchMethod::FullText) {
            // The first column whose snippet holds a match; FTS5 says which
            // row matched, not which column.
            int chosen = 0;
            for (int i = 0; i < columns.size(); ++i) {
                if (rows.value().value(width + i).toString().contains(QChar(kMarkOpen))) {
                    chosen = i;
                    break;
                }
            }
            hit.column = columns.value(chosen)->name;
            setMarkedSnippet(hit, rows.value().value(width + chosen).toString(), search.snippetChars);
        } else {
            const int index = rows.value().value(width).toInt();
            hit.column = index >= 0 && index < columns.size() ? columns.at(index)->name : QString();
            setPlainSnippet(hit, rows.value().value(width + 1).toString(), search.text, search.snippetChars);
        }
        outcome.hits << hit;
    }
    if (deadline.expired() && !session.isCancelled()) {
        // Interrupted while stepping: what was read is kept, the rest is unknown.
        outcome.more = true;
    }
    return outcome;
}

} // namespace tw::data::detail

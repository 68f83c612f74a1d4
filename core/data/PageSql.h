#pragma once

#include "PageRequest.h"
#include "TableShape.h"
#include "db/Dialect.h"
#include "error/Error.h"

#include <QString>
#include <QVariantList>

namespace tw::data {

// SQL text and the values bound to its placeholders, in order.
struct SqlStatement
{
    QString sql;
    QVariantList binds;
};

// One column of the keyset order: the sort columns, then the row identity.
struct OrderColumn
{
    QString name;
    QString sql;          // quoted identifier, or the engine's pseudo column (ctid, rowid)
    bool descending = false;
    bool notNull = false; // NULL can never occur: no NULLS clause, row values allowed
};

// Where each part of a Row sits in the page query's select list.
struct PageLayout
{
    QList<int> values;        // per shape column
    QList<bool> truncatable;  // per shape column: selected cut to truncateAt + 1
    QList<int> key;           // per TableShape::keyColumns entry
    int version = -1;         // -1: none (views)
    QList<int> order;         // per OrderColumn; empty for RowIdentity::None
    // SQLite: QSQLITE reads a zero-length BLOB as a null QByteArray, which
    // QVariant cannot tell from NULL; per shape column, the select-list
    // index of a bit mask of "IS NULL" flags and the column's bit (-1: none).
    QList<int> nullMask;
    QList<int> nullBit;
    int width = 0;
};

// Turns (dialect, shape, request) into SQL (STYLE.md pattern 2: one place).
// Values are always bound, identifiers always quoted by the dialect. One
// WHERE builder serves the page, the count, the estimate and the samples.
//
// Keyset order: the sort columns, then the identity columns not already
// sorted on, in the direction of the last sort column (so that
// `ORDER BY a DESC, id DESC` can walk one index backwards). NULL always
// sorts as the largest value: ASC NULLS LAST, DESC NULLS FIRST, on both
// engines (SQLite >= 3.30 has NULLS FIRST/LAST; PostgreSQL's default).
//
// Filters: SQLite has no ILIKE; ILike is `lower(c) LIKE lower(?)`, and
// SQLite's own LIKE is already case-insensitive for ASCII letters (and
// case-sensitive beyond ASCII), so there Like and ILike differ only in
// that lower() spelling. PostgreSQL compares LIKE/ILIKE on non-text
// columns as `c::text`.
//
// RowIdentity::None (views): no keyset; pages are read by OFFSET in the
// sort order (or the engine's natural order when unsorted, which is only
// stable as long as nothing writes), and Row::orderKey is {row position}.
class PageSql
{
public:
    enum class Placeholders { QtSql, Native }; // '?' for Session::exec, '$n' for libpq

    // VALIDATION_FAILED naming the column and operator for a filter on an
    // unknown column or with the wrong number of values, an unknown or
    // unsortable sort column, or a limit below 1.
    static Result<PageSql> make(const db::Dialect &dialect, const TableShape &shape, const PageRequest &request);

    const PageLayout &layout() const { return m_layout; }
    const QList<OrderColumn> &orderColumns() const { return m_order; }
    bool keyset() const { return m_shape.identity != RowIdentity::None; }
    bool hasConditions() const { return !m_request.filters.isEmpty() || !m_request.where.trimmed().isEmpty(); }
    bool postgres() const;
    // The user's WHERE as it goes into every statement, and alone in a
    // SELECT: what ReadGuard checks is one condition before running it.
    QString whereCondition() const;
    QString whereProbe() const;
    const TableShape &shape() const { return m_shape; }
    const PageRequest &request() const { return m_request; }

    enum class Bound { None, After, AtOrAfter };
    // A page in keyset order: rows after (or at/after) `key` in the browse
    // direction, read backwards (all directions flipped) when `backwards`.
    // LIMIT limit (+ OFFSET offset when > 0). The key condition is one row
    // value comparison when rowValueKeyset(key), else the NULL-aware
    // OR-chain (s1 > v1) OR (s1 = v1 AND s2 > v2) …: correct, but no index
    // serves it, so PageReader reads such keys through segments() instead.
    SqlStatement page(Bound bound, const QVariantList &key, bool backwards, qint64 limit, qint64 offset = 0) const;
    // The same rows as page(bound, key, …) for a key that needs the
    // NULL-aware OR-chain, as a list of index-friendly ranges in browse
    // order; each statement ends in "LIMIT ?" whose value the caller binds
    // (the rows still wanted). Empty list: nothing comes after the key.
    QList<SqlStatement> segments(Bound bound, const QVariantList &key, bool backwards) const;
    // True when page() can compare the key as one row value (every order
    // column NOT NULL, one direction): a single index range already.
    bool rowValueKeyset(const QVariantList &key) const;
    SqlStatement count() const;
    // SELECT 1 FROM t WHERE …: the statement whose plan estimates the rows.
    SqlStatement probe(Placeholders placeholders) const;
    // The whole value of one column of the row with identity `key`.
    Result<SqlStatement> cell(const QString &column, const QVariantList &key) const;

    // Samples for Fraction anchors (PagePosition). PostgreSQL: the order key
    // of the row at `fraction` of a TABLESAMPLE SYSTEM (percent) sample,
    // picked by the server. SQLite: the order keys of the rows whose rowid
    // (`rowidSql`) is among `count` random values in [min, max], in order.
    SqlStatement postgresSample(double percent, double fraction) const;
    SqlStatement sqliteRowidSample(const QString &rowidSql, qint64 min, qint64 max, int count) const;
    // SELECT min(c), max(c) of one column, as stored (SQLite) / as text (PostgreSQL).
    QString minMax(const QString &columnSql) const;

    QString table() const { return m_table; }
    // The identifier as SQL: the pseudo columns unquoted, anything else quoted.
    QString columnSql(const QString &name) const;
    // SELECT-list expression of the value of `column` as Page.h describes it;
    // `truncated`: cut to truncateAt + 1 characters/bytes.
    QString valueExpression(const ColumnInfo &column, bool truncated) const;

private:
    PageSql(const db::Dialect &dialect, TableShape shape, PageRequest request);
    Status validate() const;
    void buildOrder();
    void buildLayout();

    // Appends the condition list (filters, free WHERE) to `out` and binds.
    void conditions(QStringList &out, QVariantList &binds, Placeholders placeholders) const;
    QString keysetCondition(const QVariantList &key, bool backwards, bool inclusive, QVariantList &binds) const;
    // ORDER BY the order columns from `first` on; `firstNotNull`: that
    // column cannot be NULL in the rows read (no NULLS clause needed).
    QString orderBy(bool backwards, qsizetype first = 0, bool firstNotNull = false) const;
    QString selectList() const;
    QString textOf(const QString &sql) const;
    QString bind(Placeholders mode, QVariantList &binds, const QVariant &value) const; // PostgreSQL: sql::text; SQLite: sql
    static QString whereOf(const QStringList &conditions);

    const db::Dialect *m_dialect;
    TableShape m_shape;
    PageRequest m_request;
    QString m_table;
    QList<OrderColumn> m_order;
    QStringList m_select;
    PageLayout m_layout;
};

} // namespace tw::data

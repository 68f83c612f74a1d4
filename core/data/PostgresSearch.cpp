// One table of a database search on PostgreSQL: full-text search through a
// tsvector column or a to_tsvector expression index where the table has
// one, else a bounded ILIKE over its text columns. Each table runs in its
// own read-only transaction with SET LOCAL statement_timeout, so a huge
// table ends on the server's clock, not the client's.
#include "SearchParts.h"

#include "db/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace tw::data::detail {

namespace {

QStringList jsonNames(const QVariant &value)
{
    QStringList names;
    for (const QJsonValue &name : QJsonDocument::fromJson(value.toString().toUtf8()).array())
        names << name.toString();
    return names;
}

// 'english'::regconfig as the first argument of to_tsvector(…) in the
// server's own rendering of an index or generated-column expression.
QString configOf(const QString &expression)
{
    static const QRegularExpression first(QStringLiteral("^to_tsvector\\('((?:[^']|'')*)'::regconfig\\s*,"));
    const auto match = first.match(expression);
    return match.hasMatch() ? match.captured(1).replace(QStringLiteral("''"), QStringLiteral("'")) : QString();
}

bool anyHidden(const QStringList &hidden, const QStringList &columns)
{
    return std::any_of(columns.cbegin(), columns.cend(), [&](const QString &c) { return isHidden(hidden, c); });
}

// A source whose text could come from a hidden column is not used: a match
// would tell the caller what the hidden column holds.
const FullTextSource *usableSource(const QList<FullTextSource> &sources, const TableShape &shape, const QStringList &hidden)
{
    const bool tableHasHidden = std::any_of(shape.columns.cbegin(), shape.columns.cend(),
                                            [&](const ColumnInfo &c) { return isHidden(hidden, c.name); });
    for (const FullTextSource &source : sources) {
        if (!source.tsvectorColumn.isEmpty() && isHidden(hidden, source.tsvectorColumn))
            continue;
        if (source.columns.isEmpty() ? tableHasHidden : anyHidden(hidden, source.columns))
            continue;
        return &source;
    }
    return nullptr;
}

bool numericOrBoolean(db::LogicalType type)
{
    using db::LogicalType;
    return type == LogicalType::Integer || type == LogicalType::BigInt || type == LogicalType::Real
           || type == LogicalType::Boolean;
}

KeyPlan keyPlan(const db::Dialect &dialect, const TableShape &shape, const QStringList &hidden)
{
    KeyPlan plan;
    if (shape.identity == RowIdentity::PrimaryKey && !anyHidden(hidden, shape.keyColumns)) {
        for (const QString &name : shape.keyColumns) {
            const ColumnInfo *column = shape.column(name);
            plan.names << name;
            // Numbers stay JSON numbers; everything else as PostgreSQL renders it.
            plan.expressions << dialect.quoteIdentifier(name)
                                    + (column && numericOrBoolean(column->logical) ? QString() : QStringLiteral("::text"));
        }
    } else if (shape.kind == catalog::TableRef::Kind::Table || shape.kind == catalog::TableRef::Kind::MaterializedView) {
        plan.names << QStringLiteral("ctid");
        plan.expressions << QStringLiteral("ctid::text");
    }
    return plan;
}

SqlText keySelect(const KeyPlan &plan)
{
    SqlText sql;
    for (qsizetype i = 0; i < plan.expressions.size(); ++i)
        sql.add(plan.expressions.at(i) + QStringLiteral(" AS k%1, ").arg(i));
    return sql;
}

QString outerKeys(const KeyPlan &plan)
{
    QString sql;
    for (qsizetype i = 0; i < plan.expressions.size(); ++i)
        sql += QStringLiteral("m.k%1, ").arg(i);
    return sql;
}

QString tsquery() { return QStringLiteral("websearch_to_tsquery(?::regconfig, ?)"); }

// ts_headline's options: our markers, one short fragment.
QString headlineOptions(int snippetChars)
{
    const int words = std::clamp(snippetChars / 8, 6, 40);
    return QStringLiteral("StartSel=%1, StopSel=%2, MaxWords=%3, MinWords=%4, ShortWord=2, MaxFragments=1")
        .arg(QChar(kMarkOpen))
        .arg(QChar(kMarkClose))
        .arg(words)
        .arg(std::max(3, words / 2));
}

SqlText fullTextStatement(const db::Dialect &dialect, const TableSearch &search, const FullTextSource &source,
                          const QString &config, const KeyPlan &keys, QStringList *columnsOut)
{
    const TableShape &shape = *search.shape;
    // The columns a hit is attributed to: the source's own, else (a
    // trigger-maintained tsvector) every visible text column.
    QStringList columns;
    if (source.columns.isEmpty()) {
        for (const ColumnInfo *column : patternColumns(shape, search.hidden, false))
            columns << column->name;
    } else {
        for (const QString &name : source.columns) {
            if (name != source.tsvectorColumn && shape.column(name))
                columns << name;
        }
    }
    *columnsOut = columns;

    SqlText inner;
    inner.add(QStringLiteral("SELECT ")).add(keySelect(keys));
    for (qsizetype i = 0; i < columns.size(); ++i)
        inner.add(dialect.quoteIdentifier(columns.at(i)) + QStringLiteral("::text AS t%1, ").arg(i));
    if (columns.isEmpty()) {
        inner.add(QStringLiteral("-1 AS i, "));
    } else {
        inner.add(QStringLiteral("CASE"));
        for (qsizetype i = 0; i < columns.size(); ++i) {
            inner.add(QStringLiteral(" WHEN to_tsvector(?::regconfig, coalesce(%1::text, '')) @@ ")
                          .arg(dialect.quoteIdentifier(columns.at(i))),
                      {config});
            inner.add(tsquery() + QStringLiteral(" THEN %1").arg(i), {config, search.text});
        }
        inner.add(QStringLiteral(" ELSE -1 END AS i, "));
    }
    // Without an attributable column the snippet shows the document itself.
    inner.add(QStringLiteral("left((%1)::text, 400) AS fb FROM %2 WHERE (%1) @@ ")
                  .arg(source.document, dialect.qualifiedName(shape.table.schema, shape.table.name)));
    inner.add(tsquery() + QStringLiteral(" LIMIT ?"), {config, search.text, search.limit + 1});

    SqlText outer;
    outer.add(QStringLiteral("SELECT ") + outerKeys(keys) + QStringLiteral("m.i, "));
    if (columns.isEmpty()) {
        outer.add(QStringLiteral("m.fb"));   // CASE needs a WHEN
    } else {
        outer.add(QStringLiteral("CASE m.i"));
        const QString options = headlineOptions(search.snippetChars);
        for (qsizetype i = 0; i < columns.size(); ++i) {
            outer.add(QStringLiteral(" WHEN %1 THEN ts_headline(?::regconfig, m.t%1, ").arg(i), {config});
            outer.add(tsquery() + QStringLiteral(", ?)"), {config, search.text, options});
        }
        outer.add(QStringLiteral(" ELSE m.fb END"));
    }
    outer.add(QStringLiteral(" FROM (")).add(inner).add(QStringLiteral(") AS m"));
    return outer;
}

SqlText patternStatement(const db::Dialect &dialect, const TableSearch &search, const QList<const ColumnInfo *> &columns,
                         const KeyPlan &keys)
{
    const QString pattern = likeContainsPattern(search.text);
    // E'\\' is one backslash whatever standard_conforming_strings says.
    const auto matches = [&](const ColumnInfo *column) {
        const QString name = dialect.quoteIdentifier(column->name);
        return (column->logical == db::LogicalType::Text ? name : name + QStringLiteral("::text"))
               + QStringLiteral(" ILIKE ? ESCAPE E'\\\\'");
    };
    SqlText inner;
    inner.add(QStringLiteral("SELECT ")).add(keySelect(keys));
    for (qsizetype i = 0; i < columns.size(); ++i)
        inner.add(dialect.quoteIdentifier(columns.at(i)->name) + QStringLiteral("::text AS t%1, ").arg(i));
    inner.add(QStringLiteral("CASE"));
    for (qsizetype i = 0; i < columns.size(); ++i)
        inner.add(QStringLiteral(" WHEN ") + matches(columns.at(i)) + QStringLiteral(" THEN %1").arg(i), {pattern});
    inner.add(QStringLiteral(" ELSE -1 END AS i FROM %1 WHERE ")
                  .arg(dialect.qualifiedName(search.shape->table.schema, search.shape->table.name)));
    for (qsizetype i = 0; i < columns.size(); ++i)
        inner.add((i ? QStringLiteral(" OR ") : QString()) + matches(columns.at(i)), {pattern});
    inner.add(QStringLiteral(" LIMIT ?"), {search.limit + 1});

    // Only the text around the first match leaves the server.
    const int before = search.snippetChars / 3;
    SqlText outer;
    outer.add(QStringLiteral("SELECT ") + outerKeys(keys) + QStringLiteral("m.i, CASE m.i"));
    for (qsizetype i = 0; i < columns.size(); ++i) {
        outer.add(QStringLiteral(" WHEN %1 THEN substr(m.t%1, greatest(1, strpos(lower(m.t%1), lower(?)) - ?), ?)").arg(i),
                  {search.text, before, search.snippetChars});
    }
    outer.add(QStringLiteral(" END FROM (")).add(inner).add(QStringLiteral(") AS m"));
    return outer;
}

} // namespace

Result<QHash<QString, QList<FullTextSource>>> findPostgresFullText(db::Session &session)
{
    QHash<QString, QList<FullTextSource>> found;
    const db::Dialect &dialect = session.dialect();
    // Expression indexes first: they are certainly indexed. Partial indexes
    // are left out (their predicate would have to be repeated to be used).
    auto indexes = session.exec(QStringLiteral(
        "SELECT n.nspname, c.relname, pg_get_indexdef(i.indexrelid, k.n, true), "
        "(SELECT json_agg(s.attname ORDER BY s.attnum) FROM pg_catalog.pg_depend p "
        " JOIN pg_catalog.pg_attribute s ON s.attrelid = p.refobjid AND s.attnum = p.refobjsubid "
        " WHERE p.classid = 'pg_catalog.pg_class'::regclass AND p.objid = i.indexrelid "
        " AND p.refobjid = i.indrelid AND p.refobjsubid > 0)::text "
        "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(n) "
        "WHERE i.indexprs IS NOT NULL AND i.indpred IS NULL AND i.indisvalid AND i.indkey[k.n - 1] = 0 "
        "AND left(pg_get_indexdef(i.indexrelid, k.n, true), 12) = 'to_tsvector(' "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "ORDER BY 1, 2, i.indexrelid, k.n"));
    if (!indexes)
        return indexes.error();
    while (indexes.value().next()) {
        FullTextSource source;
        source.document = indexes.value().value(2).toString();
        source.config = configOf(source.document);
        source.columns = jsonNames(indexes.value().value(3));
        found[indexes.value().value(0).toString() + u'.' + indexes.value().value(1).toString()] << source;
    }
    auto columns = session.exec(QStringLiteral(
        "SELECT n.nspname, c.relname, a.attname, "
        "CASE WHEN a.attgenerated = 's' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END, "
        "CASE WHEN a.attgenerated = 's' THEN (SELECT json_agg(s.attname ORDER BY s.attnum) FROM pg_catalog.pg_depend p "
        " JOIN pg_catalog.pg_attribute s ON s.attrelid = p.refobjid AND s.attnum = p.refobjsubid "
        " WHERE p.classid = 'pg_catalog.pg_attrdef'::regclass AND p.objid = d.oid "
        " AND p.refobjsubid > 0 AND p.refobjsubid <> a.attnum)::text END "
        "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "WHERE a.atttypid = 'pg_catalog.tsvector'::regtype AND a.attnum > 0 AND NOT a.attisdropped "
        "AND c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "ORDER BY 1, 2, a.attnum"));
    if (!columns)
        return columns.error();
    while (columns.value().next()) {
        FullTextSource source;
        source.tsvectorColumn = columns.value().value(2).toString();
        source.document = dialect.quoteIdentifier(source.tsvectorColumn);
        source.config = configOf(columns.value().value(3).toString());
        source.columns = jsonNames(columns.value().value(4));
        found[columns.value().value(0).toString() + u'.' + columns.value().value(1).toString()] << source;
    }
    return found;
}

Result<TableOutcome> searchPostgresTable(db::Session &session, const TableSearch &search,
                                         const QList<FullTextSource> &sources, const QString &defaultConfig)
{
    const db::Dialect &dialect = session.dialect();
    const TableShape &shape = *search.shape;
    const KeyPlan keys = keyPlan(dialect, shape, search.hidden);

    SqlText statement;
    QStringList columns;
    QString fallbackColumn;   // a full-text hit no single column explains
    SearchMethod method = SearchMethod::Pattern;
    if (const FullTextSource *source = usableSource(sources, shape, search.hidden)) {
        const QString config = source->config.isEmpty() ? defaultConfig : source->config;
        // Only stop words or punctuation ("the", "%_"): full-text search
        // would find nothing, a pattern still can.
        auto lexemes = session.scalar(QStringLiteral("SELECT numnode(websearch_to_tsquery(?::regconfig, ?))"),
                                      {config, search.text});
        if (!lexemes)
            return lexemes.error();
        if (lexemes.value().toInt() > 0) {
            statement = fullTextStatement(dialect, search, *source, config, keys, &columns);
            method = SearchMethod::FullText;
            fallbackColumn = source->tsvectorColumn.isEmpty() ? columns.value(0) : source->tsvectorColumn;
        }
    }
    if (method == SearchMethod::Pattern) {
        const QList<const ColumnInfo *> textColumns = patternColumns(shape, search.hidden, false);
        if (textColumns.isEmpty())
            return TableOutcome{};
        for (const ColumnInfo *column : textColumns)
            columns << column->name;
        statement = patternStatement(dialect, search, textColumns, keys);
    }

    db::Transaction tx(session);
    if (!tx.begun().ok())
        return tx.begun().error();
    // Read only: the statement holds index expressions taken from the catalog.
    if (auto readOnly = session.execute(QStringLiteral("SET TRANSACTION READ ONLY")); !readOnly)
        return readOnly.error();
    // SET LOCAL through set_config(…, true): the value is bound, and it ends with the transaction.
    if (auto timeout = session.exec(QStringLiteral("SELECT set_config('statement_timeout', ?, true)"),
                                    {QString::number(std::max(1, search.timeoutMs))});
        !timeout)
        return timeout.error();

    TableOutcome outcome;
    {
        auto rows = session.exec(statement.sql, statement.binds);
        if (!rows) {
            // 57014 is both our cancel and the statement_timeout: the job's flag tells them apart.
            if (rows.error().code() == ErrorCode::QueryCancelled && !session.isCancelled()) {
                outcome.timedOut = true;
                return outcome;
            }
            return rows.error();
        }
        const int width = int(keys.expressions.size());
        while (rows.value().next()) {
            if (outcome.hits.size() >= search.limit) {
                outcome.more = true;
                continue;   // read to the end: a cut-short result would disturb the next statement
            }
            QVariantList keyValues;
            for (int i = 0; i < width; ++i)
                keyValues << rows.value().value(i);
            SearchHit hit;
            hit.table = search.table;
            hit.ref = shape.table;
            hit.method = method;
            hit.key = keyObject(keys, keyValues);
            const int index = rows.value().value(width).toInt();
            hit.column = index >= 0 && index < columns.size() ? columns.at(index) : fallbackColumn;
            const QString text = rows.value().value(width + 1).toString();
            if (method == SearchMethod::FullText)
                setMarkedSnippet(hit, text, search.snippetChars);
            else
                setPlainSnippet(hit, text, search.text, search.snippetChars);
            outcome.hits << hit;
        }
    }
    if (Status committed = tx.commit(); !committed.ok())
        return committed.error();
    return outcome;
}

} // namespace tw::data::detail

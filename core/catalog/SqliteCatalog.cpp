#include "SqliteCatalog.h"

#include "SqliteRelationBuilder.h"
#include "SqliteSqlParser.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <functional>

namespace tw::catalog {

namespace {

using namespace sqlite;

const QString kVersionSql = QStringLiteral(
    "SELECT sqlite_version(), (SELECT page_count FROM pragma_page_count), (SELECT page_size FROM pragma_page_size)");

// pragma_table_list (SQLite >= 3.37) tells shadow tables, WITHOUT ROWID and
// STRICT apart; older engines get the plain listing. It is read once in a
// subquery that SQLite joins through an automatic index: joined directly (or
// called with each name), SQLite lists every table once per schema row, and
// 6,000 tables took 47 s.
const QString kObjectsSql = QStringLiteral(
    "SELECT m.type, m.name, m.tbl_name, m.sql, t.type, t.wr, t.\"strict\" FROM sqlite_schema m "
    "LEFT JOIN (SELECT name, type, wr, \"strict\" FROM pragma_table_list WHERE schema = 'main') t "
    "ON t.name = m.name");
const QString kObjectsFallbackSql = QStringLiteral(
    "SELECT type, name, tbl_name, sql, NULL, NULL, NULL FROM sqlite_schema");

const QString kStatSql = QStringLiteral("SELECT tbl, stat FROM sqlite_stat1");
// dbstat reads every page of the file; aggregate mode gives one row per b-tree.
const QString kDbstatSql = QStringLiteral("SELECT name, pgsize FROM dbstat('main', 1)");
// Past this size reading every page would make opening the schema slow.
constexpr qint64 kDbstatMaxBytes = 256 * 1024 * 1024;

// Per-relation pragma queries, each run once over all relations; %1 is the
// relation source: all of sqlite_schema, or one bound name when the joined
// query failed (a view over a dropped table, a virtual table whose module is
// missing) and each relation must be read on its own.
const QString kAllRelations = QStringLiteral(
    "(SELECT name FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\') m");
const QString kAllTables = QStringLiteral(
    "(SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\') m");
const QString kOneRelation = QStringLiteral("(SELECT ? AS name) m");

const QString kColumnsSql = QStringLiteral(
    "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
    "FROM %1 JOIN pragma_table_xinfo(m.name, 'main') p ORDER BY m.name, p.cid");
const QString kForeignKeysSql = QStringLiteral(
    "SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete, f.\"match\" "
    "FROM %1 JOIN pragma_foreign_key_list(m.name, 'main') f ORDER BY m.name, f.id, f.seq");
const QString kIndexesSql = QStringLiteral(
    "SELECT m.name, il.name, il.\"unique\", il.origin, il.partial, ix.seqno, ix.cid, ix.name, ix.\"key\" "
    "FROM %1 JOIN pragma_index_list(m.name, 'main') il JOIN pragma_index_xinfo(il.name, 'main') ix "
    "ORDER BY m.name, il.name, ix.seqno");

using RowList = QList<QVariantList>;

class Loader
{
public:
    explicit Loader(db::Session &session) : m_session(session) {}

    Result<Snapshot> load();

private:
    Result<RowList> fetchAll(const QString &sql, const QVariantList &binds = {});
    Status readObjects();
    void readStatistics();
    void readSizes(qint64 fileBytes);
    // Runs `sqlTemplate` over all relations in one statement, falling back
    // to one statement per relation when that fails. Rows start with the
    // relation name.
    void readPerRelation(const QString &part, const QString &sqlTemplate, const QString &allSource, bool viewsToo,
                         const std::function<void(RawRelation &, const QVariantList &)> &onRow);
    RawRelation *raw(const QString &name);
    void problem(const QString &part, const Error &error) { m_snapshot.problems.append({part, error}); }

    db::Session &m_session;
    Snapshot m_snapshot;
    QList<RawRelation> m_relations;
    QHash<QString, qsizetype> m_byName;
    QList<QPair<QString, QString>> m_triggers;   // (relation, trigger name)
    DatabaseContext m_context;
    bool m_hasStat1 = false;
};

// Session::exec hands back a cursor that cannot tell "no more rows" from
// "failed while stepping", and SQLite reports a broken view or a missing
// virtual-table module only while stepping, after earlier rows came back.
// Catalog results are small, so read them whole on our own QSqlQuery and
// check its error at the end.
Result<RowList> Loader::fetchAll(const QString &sql, const QVariantList &binds)
{
    if (m_session.isCancelled())
        return m_session.cancelledError();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    bool ok = false;
    if (binds.isEmpty()) {
        ok = query.exec(sql);
    } else if (query.prepare(sql)) {
        for (int i = 0; i < binds.size(); ++i)
            query.bindValue(i, binds.at(i));
        ok = query.exec();
    }
    if (!ok)
        return m_session.errorFrom(query.lastError());
    RowList rows;
    const int width = query.record().count();
    while (query.next()) {
        QVariantList values;
        values.reserve(width);
        for (int c = 0; c < width; ++c)
            values << query.value(c);
        rows << values;
    }
    if (query.lastError().isValid())
        return m_session.errorFrom(query.lastError());
    return rows;
}

RawRelation *Loader::raw(const QString &name)
{
    const auto it = m_byName.constFind(name);
    return it == m_byName.constEnd() ? nullptr : &m_relations[*it];
}

Status Loader::readObjects()
{
    auto rows = fetchAll(kObjectsSql);
    if (!rows) {
        problem(QStringLiteral("relations"), rows.error());
        rows = fetchAll(kObjectsFallbackSql);
        if (!rows)
            return rows.error();
    }
    for (const QVariantList &row : std::as_const(rows.value())) {
        const QString type = row.at(0).toString();
        const QString name = row.at(1).toString();
        const QString owner = row.at(2).toString();
        const QString sql = row.at(3).toString();
        const QString listType = row.at(4).toString();
        if (type == QLatin1String("index")) {
            m_context.objectSql.insert(name, sql);
            continue;
        }
        if (type == QLatin1String("trigger")) {
            m_context.objectSql.insert(name, sql);
            m_triggers.append({owner, name});
            continue;
        }
        if (name.compare(QLatin1String("sqlite_stat1"), Qt::CaseInsensitive) == 0)
            m_hasStat1 = true;
        // sqlite_sequence, sqlite_stat*: the engine's own; shadow tables
        // belong to their virtual table.
        if ((type != QLatin1String("table") && type != QLatin1String("view"))
            || name.startsWith(QLatin1String("sqlite_"), Qt::CaseInsensitive) || listType == QLatin1String("shadow"))
            continue;
        RawRelation r;
        r.relation.kind = type == QLatin1String("view") ? ObjectKind::View : ObjectKind::Table;
        r.relation.schema = QStringLiteral("main");
        r.relation.name = name;
        r.relation.sql = sql;
        r.relation.withoutRowid = row.at(5).toInt() != 0;
        r.relation.strict = row.at(6).toInt() != 0;
        r.isVirtual = listType == QLatin1String("virtual")
                      || sql.startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive);
        m_context.relationNames.insert(name.toLower(), name);
        m_relations.append(r);
    }
    std::sort(m_relations.begin(), m_relations.end(),
              [](const RawRelation &a, const RawRelation &b) { return a.relation.name < b.relation.name; });
    for (qsizetype i = 0; i < m_relations.size(); ++i)
        m_byName.insert(m_relations[i].relation.name, i);
    return {};
}

void Loader::readStatistics()
{
    if (!m_hasStat1)
        return;
    auto rows = fetchAll(kStatSql);
    if (!rows) {
        problem(QStringLiteral("statistics"), rows.error());
        return;
    }
    for (const QVariantList &row : std::as_const(rows.value())) {
        RawRelation *r = raw(row.at(0).toString());
        if (!r)
            continue;
        // The first number is the row count of the b-tree analysed; a
        // partial index counts fewer, so the largest one is the table's.
        const QString stat = row.at(1).toString();
        bool ok = false;
        const qint64 count = stat.section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
        if (ok)
            r->relation.estimatedRows = std::max(r->relation.estimatedRows, count);
    }
}

void Loader::readSizes(qint64 fileBytes)
{
    if (fileBytes > kDbstatMaxBytes)
        return;
    // Many SQLite builds leave dbstat out: no sizes then, and no problem either.
    auto rows = fetchAll(kDbstatSql);
    if (!rows)
        return;
    for (const QVariantList &row : std::as_const(rows.value()))
        m_context.btreeBytes[row.at(0).toString()] += row.at(1).toLongLong();
}

void Loader::readPerRelation(const QString &part, const QString &sqlTemplate, const QString &allSource, bool viewsToo,
                             const std::function<void(RawRelation &, const QVariantList &)> &onRow)
{
    auto consume = [&](const RowList &rows) {
        for (const QVariantList &row : rows) {
            if (RawRelation *r = raw(row.at(0).toString()))
                onRow(*r, row);
        }
    };
    auto all = fetchAll(sqlTemplate.arg(allSource));
    if (all) {
        consume(all.value());
        return;
    }
    if (all.error().code() == ErrorCode::QueryCancelled) {
        problem(part, all.error());
        return;
    }
    const QString one = sqlTemplate.arg(kOneRelation);
    for (RawRelation &r : m_relations) {
        if (!viewsToo && r.relation.kind == ObjectKind::View)
            continue;
        auto rows = fetchAll(one, {r.relation.name});
        if (rows)
            consume(rows.value());
        else
            problem(r.relation.name, rows.error());
    }
}

Result<Snapshot> Loader::load()
{
    auto version = fetchAll(kVersionSql);
    if (!version)
        return version.error();
    if (!version.value().isEmpty()) {
        const QVariantList &row = version.value().first();
        m_snapshot.serverVersion = row.at(0).toString();
        const qint64 fileBytes = row.at(1).toLongLong() * row.at(2).toLongLong();
        if (Status objects = readObjects(); !objects)
            return objects.error();
        readStatistics();
        readSizes(fileBytes);
    }
    m_snapshot.database = m_session.profile().database;
    m_snapshot.schemas.append(Schema{QStringLiteral("main"), {}, {}});

    readPerRelation(QStringLiteral("columns"), kColumnsSql, kAllRelations, true,
                    [](RawRelation &r, const QVariantList &row) {
                        RawColumn c;
                        c.cid = row.at(1).toInt();
                        c.name = row.at(2).toString();
                        c.type = row.at(3).toString();
                        c.notNull = row.at(4).toInt() != 0;
                        c.defaultValue = row.at(5).toString();
                        c.pk = r.relation.kind == ObjectKind::View ? 0 : row.at(6).toInt();
                        c.hidden = row.at(7).toInt();
                        r.columns.append(c);
                    });
    readPerRelation(QStringLiteral("foreign keys"), kForeignKeysSql, kAllTables, false,
                    [](RawRelation &r, const QVariantList &row) {
                        RawForeignKey fk;
                        fk.id = row.at(1).toInt();
                        fk.seq = row.at(2).toInt();
                        fk.table = row.at(3).toString();
                        fk.from = row.at(4).toString();
                        fk.to = row.at(5).toString();
                        fk.onUpdate = row.at(6).toString();
                        fk.onDelete = row.at(7).toString();
                        fk.match = row.at(8).toString();
                        r.foreignKeys.append(fk);
                    });
    readPerRelation(QStringLiteral("indexes"), kIndexesSql, kAllTables, false,
                    [](RawRelation &r, const QVariantList &row) {
                        const QString name = row.at(1).toString();
                        if (r.indexes.isEmpty() || r.indexes.last().name != name) {
                            RawIndex index;
                            index.name = name;
                            index.unique = row.at(2).toInt() != 0;
                            index.origin = row.at(3).toString();
                            index.partial = row.at(4).toInt() != 0;
                            r.indexes.append(index);
                        }
                        r.indexes.last().columns.append({row.at(6).toInt(), row.at(7).toString(), row.at(8).toInt() != 0});
                    });

    for (const RawRelation &r : std::as_const(m_relations)) {
        if (r.relation.kind == ObjectKind::Table)
            m_context.primaryKeys.insert(r.relation.name.toLower(), primaryKeyColumns(r.columns));
    }
    for (const RawRelation &r : std::as_const(m_relations))
        m_snapshot.relations.append(buildRelation(r, m_context));

    for (const auto &[owner, name] : std::as_const(m_triggers)) {
        const QString stored = m_context.relationNames.value(owner.toLower());
        auto it = std::find_if(m_snapshot.relations.begin(), m_snapshot.relations.end(),
                               [&](const Relation &rel) { return rel.name == stored; });
        if (it != m_snapshot.relations.end())
            it->triggers.append(buildTrigger(name, m_context.objectSql.value(name)));
    }
    for (Relation &rel : m_snapshot.relations)
        std::sort(rel.triggers.begin(), rel.triggers.end(),
                  [](const Trigger &a, const Trigger &b) { return a.name < b.name; });
    return std::move(m_snapshot);
}

} // namespace

Result<Snapshot> readSqliteSnapshot(db::Session &session)
{
    return Loader(session).load();
}

} // namespace tw::catalog

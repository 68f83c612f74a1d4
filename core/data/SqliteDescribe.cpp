// describeTable() for SQLite: the table list, table_xinfo and
// foreign_key_list pragmas, and a cheap estimate.
#include "DescribeParts.h"

namespace tw::data::detail {

namespace {

struct Entry
{
    QString name;
    QString type;       // table | view | virtual | shadow
    bool withoutRowid = false;
};

// SQLite resolves names case-insensitively: an exact match wins, else the
// one case-insensitive match.
Result<Entry> findEntry(db::Session &session, const catalog::QualifiedName &table)
{
    if (!table.schema.isEmpty() && table.schema != QLatin1String("main"))
        return tableNotFound(session, table);
    auto rows = session.exec(QStringLiteral("SELECT name, type, wr FROM pragma_table_list "
                                            "WHERE schema = 'main' AND name = ? COLLATE NOCASE "
                                            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"),
                             {table.name});
    if (!rows)
        return rows.error();
    QList<Entry> found;
    while (rows.value().next())
        found << Entry{rows.value().value(0).toString(), rows.value().value(1).toString(), rows.value().value(2).toBool()};
    for (const Entry &entry : found) {
        if (entry.name == table.name)
            return entry;
    }
    if (found.size() == 1)
        return found.first();
    return tableNotFound(session, table);
}

// Text, BLOB and untyped columns can hold values of any length.
bool mayBeLarge(const QString &declared)
{
    const QString type = declared.toUpper();
    if (type.contains(QLatin1String("INT")))
        return false;
    if (type.isEmpty() || type.contains(QLatin1String("CHAR")) || type.contains(QLatin1String("CLOB"))
        || type.contains(QLatin1String("TEXT")) || type.contains(QLatin1String("BLOB")) || type.startsWith(QLatin1String("JSON")))
        return true;
    return false;
}

} // namespace

QString sqliteRowidAlias(const TableShape &shape)
{
    for (const char *alias : {"rowid", "_rowid_", "oid"}) {
        const QString name = QLatin1String(alias);
        const bool taken = std::any_of(shape.columns.cbegin(), shape.columns.cend(), [&](const ColumnInfo &c) {
            return c.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (!taken)
            return name;
    }
    return {};
}

qint64 sqliteEstimate(db::Session &session, const TableShape &shape)
{
    if (shape.kind != catalog::TableRef::Kind::Table)
        return -1;
    // sqlite_stat1 exists only after ANALYZE; its first number is the row count.
    auto hasStats = session.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'"));
    if (hasStats.ok() && hasStats.value().toInt() > 0) {
        auto stat = session.exec(QStringLiteral("SELECT stat FROM sqlite_stat1 WHERE tbl = ? ORDER BY idx IS NOT NULL LIMIT 1"),
                                 {shape.table.name});
        if (stat.ok() && stat.value().next())
            return stat.value().value(0).toString().section(QLatin1Char(' '), 0, 0).toLongLong();
    }
    // min and max of the rowid are two b-tree edge lookups, as long as each
    // has its own SELECT (SQLite scans the table for "max(r) - min(r)"). A
    // WITHOUT ROWID table has none (the statement fails): unknown.
    const QString rowid = shape.identity == RowIdentity::Rowid ? shape.keyColumns.value(0) : sqliteRowidAlias(shape);
    if (rowid.isEmpty())
        return -1;
    auto range = session.exec(QStringLiteral("SELECT (SELECT max(%1) FROM %2) - (SELECT min(%1) FROM %2) + 1")
                                  .arg(rowid, session.dialect().quoteIdentifier(shape.table.name)));
    if (!range.ok() || !range.value().next())
        return -1;
    const QVariant value = range.value().value(0);
    return value.isNull() ? 0 : value.toLongLong();
}

// SQLite lets the primary key of an ordinary rowid table hold NULLs (a
// legacy bug it keeps for compatibility), any number of them: such rows
// cannot be told apart or found again by the key, so those tables are read
// and edited by rowid instead. INTEGER PRIMARY KEY is the rowid itself and
// WITHOUT ROWID keys are NOT NULL.
static bool nullablePrimaryKey(const TableShape &shape, const QStringList &keyColumns, bool withoutRowid)
{
    if (withoutRowid)
        return false;
    for (const QString &name : keyColumns) {
        const ColumnInfo *column = shape.column(name);
        if (!column)
            return true;
        const bool rowidAlias = keyColumns.size() == 1
                                && column->nativeType.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0;
        if (!column->notNull && !rowidAlias)
            return true;
    }
    return false;
}

Result<TableShape> describeSqlite(db::Session &session, const catalog::QualifiedName &table)
{
    auto entry = findEntry(session, table);
    if (!entry)
        return entry.error();
    const Entry &e = entry.value();

    TableShape shape;
    shape.table = {QString(), e.name};
    shape.kind = e.type == QLatin1String("view") ? catalog::TableRef::Kind::View : catalog::TableRef::Kind::Table;

    auto columns = session.exec(QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk, hidden "
                                               "FROM pragma_table_xinfo(?) ORDER BY cid"),
                                {e.name});
    if (!columns)
        return columns.error();
    QMap<int, QString> primaryKey;
    db::Rows &c = columns.value();
    while (c.next()) {
        const int hidden = c.value(5).toInt();
        if (hidden == 1) // hidden columns of virtual tables
            continue;
        ColumnInfo column;
        column.name = c.value(0).toString();
        column.nativeType = c.value(1).toString();
        column.logical = session.dialect().logicalType(column.nativeType);
        column.notNull = c.value(2).toBool();
        column.defaultExpression = c.value(3).isNull() ? QString() : c.value(3).toString();
        column.generated = hidden == 2 || hidden == 3;
        column.mayBeLarge = mayBeLarge(column.nativeType);
        const int pk = c.value(4).toInt();
        if (pk > 0)
            primaryKey.insert(pk, column.name);
        shape.columns << column;
    }
    if (shape.columns.isEmpty())
        return tableNotFound(session, table);

    if (shape.kind == catalog::TableRef::Kind::Table) {
        auto fks = session.exec(QStringLiteral("SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) "
                                               "ORDER BY id, seq"),
                                {e.name});
        if (!fks)
            return fks.error();
        int current = -1;
        while (fks.value().next()) {
            const int id = fks.value().value(0).toInt();
            if (id != current) {
                current = id;
                ForeignKeyRef fk;
                fk.name = QStringLiteral("fk_%1").arg(id);
                fk.referenced = {QString(), fks.value().value(1).toString()};
                shape.foreignKeys << fk;
            }
            shape.foreignKeys.last().columns << fks.value().value(2).toString();
            // "to" is NULL when the reference names only the table: its primary key.
            shape.foreignKeys.last().referencedColumns << fks.value().value(3).toString();
        }
        for (ForeignKeyRef &fk : shape.foreignKeys) {
            if (std::all_of(fk.referencedColumns.cbegin(), fk.referencedColumns.cend(), [](const QString &s) { return s.isEmpty(); })) {
                auto pk = session.exec(QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk"),
                                       {fk.referenced.name});
                if (pk.ok()) {
                    fk.referencedColumns.clear();
                    while (pk.value().next())
                        fk.referencedColumns << pk.value().value(0).toString();
                }
            }
        }
    }

    if (shape.kind == catalog::TableRef::Kind::View) {
        shape.identity = RowIdentity::None;
        shape.readOnlyReason = QStringLiteral("this is a view: its rows are read-only here");
    } else if (!primaryKey.isEmpty() && !nullablePrimaryKey(shape, primaryKey.values(), e.withoutRowid)) {
        shape.identity = RowIdentity::PrimaryKey;
        shape.keyColumns = primaryKey.values();
        shape.editable = true;
        for (ColumnInfo &column : shape.columns) {
            if (!primaryKey.values().contains(column.name))
                continue;
            // WITHOUT ROWID keys are NOT NULL; INTEGER PRIMARY KEY is the
            // rowid, assigned on insert when not given.
            const bool rowidAlias = !e.withoutRowid && primaryKey.size() == 1
                                    && column.nativeType.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0;
            if (e.withoutRowid || rowidAlias)
                column.notNull = true;
            if (rowidAlias)
                column.identity = true;
        }
    } else {
        const QString alias = sqliteRowidAlias(shape);
        if (alias.isEmpty()) {
            shape.identity = RowIdentity::None;
            shape.readOnlyReason = QStringLiteral("no primary key, and columns named rowid, _rowid_ and oid hide the rowid");
        } else {
            shape.identity = RowIdentity::Rowid;
            shape.keyColumns = {alias};
            shape.editable = true;
        }
    }
    shape.estimatedRows = sqliteEstimate(session, shape);
    return shape;
}

} // namespace tw::data::detail

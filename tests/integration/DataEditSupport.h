#pragma once

// Helpers the commit tests of both engines share (tst_data_edits_postgres,
// tst_data_edits_sqlite): building change sets, reading rows back through an
// independent pool, and checking error details.
#include "TestEnv.h"
#include "data/DataService.h"
#include "db/ConnectionRegistry.h"
#include "db/Pool.h"

#include <QtTest>

namespace tw::test {

using Table = QList<QVariantList>;

// Every row of a query, run as its own pool job.
inline Result<Table> queryRows(db::Pool &pool, const QString &sql, const QVariantList &binds = {})
{
    return resultOf(pool.run([sql, binds](db::Session &session) -> Result<Table> {
        auto rows = session.exec(sql, binds);
        if (!rows)
            return rows.error();
        Table table;
        while (rows.value().next()) {
            QVariantList row;
            // NULL as a plain null QVariant, whatever type the driver tagged it with.
            for (int i = 0; i < rows.value().record().count(); ++i) {
                const QVariant value = rows.value().value(i);
                row << (value.isNull() ? QVariant() : value);
            }
            table << row;
        }
        return table;
    }));
}

inline Table rowsOf(db::Pool &pool, const QString &sql, const QVariantList &binds = {})
{
    auto result = queryRows(pool, sql, binds);
    if (!result.ok()) {
        qWarning() << "query failed:" << sql << result.error().toString();
        return {};
    }
    return result.value();
}

inline Status execOn(db::Pool &pool, const QString &sql, const QVariantList &binds = {})
{
    auto result = resultOf(pool.run([sql, binds](db::Session &session) { return session.execute(sql, binds); }));
    if (!result.ok())
        return result.error();
    return {};
}

inline QString describe(const Status &status)
{
    return status.ok() ? QString() : status.error().toString();
}

template<typename T>
QString describe(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

inline data::ColumnInfo column(const QString &name)
{
    data::ColumnInfo info;
    info.name = name;
    return info;
}

// A table shape as the describer would give it for a table with a key.
inline data::TableShape shapeOf(const catalog::QualifiedName &table, const QStringList &columns,
                                const QStringList &keyColumns,
                                data::RowIdentity identity = data::RowIdentity::PrimaryKey)
{
    data::TableShape shape;
    shape.table = table;
    for (const QString &name : columns)
        shape.columns << column(name);
    shape.identity = identity;
    shape.keyColumns = keyColumns;
    shape.editable = true;
    return shape;
}

inline data::CellValue cell(const QString &column, const QVariant &value)
{
    return {column, value};
}

inline data::RowChange update(int tag, const QVariantList &key, const QVariant &version, QList<data::CellValue> cells)
{
    data::RowChange change;
    change.kind = data::RowChange::Kind::Update;
    change.tag = tag;
    change.key = key;
    change.version = version;
    change.cells = std::move(cells);
    return change;
}

inline data::RowChange insert(int tag, QList<data::CellValue> cells)
{
    data::RowChange change;
    change.kind = data::RowChange::Kind::Insert;
    change.tag = tag;
    change.cells = std::move(cells);
    return change;
}

inline data::RowChange remove(int tag, const QVariantList &key, const QVariant &version)
{
    data::RowChange change;
    change.kind = data::RowChange::Kind::Delete;
    change.tag = tag;
    change.key = key;
    change.version = version;
    return change;
}

inline data::ChangeSet changeSet(QList<data::RowChange> changes)
{
    return data::ChangeSet{std::move(changes)};
}

inline Result<data::CommitOutcome> commit(db::ConnectionRegistry &registry, const QString &connection,
                                          const data::TableShape &shape, const data::ChangeSet &changes)
{
    return resultOf(data::commitChanges(registry, connection, shape, changes));
}

// The table as the real describer sees it, and its first page as the real
// reader loads it: the end-to-end path the browser takes.
inline Result<data::TableShape> describedShape(db::ConnectionRegistry &registry, const QString &connection,
                                         const catalog::QualifiedName &table)
{
    return resultOf(data::describeTable(registry, connection, table));
}

inline Result<data::Page> firstPage(db::ConnectionRegistry &registry, const QString &connection, const data::TableShape &shape)
{
    data::PageRequest request;
    request.truncateAt = 0;
    return resultOf(data::startPageLoad(registry, connection, shape, request).future);
}

// Every writable column of each loaded row set to the value it was loaded
// with: committing it must leave the table exactly as it was.
inline data::ChangeSet rewriteAsLoaded(const data::TableShape &shape, const data::Page &page)
{
    data::ChangeSet changes;
    int tag = 0;
    for (const data::Row &row : page.rows) {
        QList<data::CellValue> cells;
        for (qsizetype i = 0; i < shape.columns.size(); ++i) {
            if (shape.columns.at(i).writable())
                cells << data::CellValue{shape.columns.at(i).name, row.values.at(i)};
        }
        data::RowChange change;
        change.kind = data::RowChange::Kind::Update;
        change.tag = ++tag;
        change.key = row.key;
        change.version = row.version;
        change.cells = cells;
        changes.changes << change;
    }
    return changes;
}

// The conflicts of a CONFLICT error as "tag:reason" strings, sorted.
inline QStringList conflictsOf(const Error &error)
{
    QStringList out;
    for (const QVariant &entry : error.details().value(QStringLiteral("conflicts")).toList()) {
        const QVariantMap map = entry.toMap();
        out << QStringLiteral("%1:%2").arg(map.value(QStringLiteral("tag")).toInt()).arg(map.value(QStringLiteral("reason")).toString());
    }
    out.sort();
    return out;
}

} // namespace tw::test

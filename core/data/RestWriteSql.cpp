#include "RestWriteSql.h"

#include "RestSqlErrors.h"

#include <QMap>

namespace tw::data {

using http::rest::restError;

namespace {

const QString kComma = QStringLiteral(", ");
constexpr int kAuditedKeys = 1000; // beyond, the audit log has the count only

struct RowGroup
{
    QStringList columns;
    QList<qint64> rows;   // zero-based indexes into the payload array
};

// missing=default: rows grouped by the columns they carry, so each INSERT
// names only those and the others take their defaults. Otherwise one group.
QList<RowGroup> groupRows(const RestWrite &write, const RestPayload &payload)
{
    if (!write.options.missingDefault || payload.rows == 0)
        return {RowGroup{payload.columns, {}}};
    QList<RowGroup> groups;
    QMap<QStringList, qsizetype> index;
    for (qint64 row = 0; row < payload.rows; ++row) {
        QStringList present;
        for (const QString &column : payload.columns) {
            if (payload.keysPerRow.at(row).contains(column))
                present << column;
        }
        auto it = index.find(present);
        if (it == index.end()) {
            it = index.insert(present, groups.size());
            groups << RowGroup{present, {}};
        }
        groups[it.value()].rows << row;
    }
    if (groups.size() == 1)
        groups.first().rows.clear(); // every row: no row filter needed
    return groups;
}

QString conflictClause(const db::Dialect &dialect, const QStringList &target, const QStringList &columns,
                       RestWriteOptions::Resolution resolution, bool postgres)
{
    QStringList quotedTarget;
    for (const QString &column : target)
        quotedTarget << dialect.quoteIdentifier(column);
    const QString on = quotedTarget.isEmpty() ? QStringLiteral(" ON CONFLICT")
                                              : QStringLiteral(" ON CONFLICT (%1)").arg(quotedTarget.join(kComma));
    if (resolution == RestWriteOptions::Resolution::IgnoreDuplicates || columns.isEmpty())
        return on + QStringLiteral(" DO NOTHING");
    QStringList sets;
    for (const QString &column : columns) {
        const QString c = dialect.quoteIdentifier(column);
        sets << c + QStringLiteral(" = ") + (postgres ? QStringLiteral("EXCLUDED.") : QStringLiteral("excluded.")) + c;
    }
    return on + QStringLiteral(" DO UPDATE SET ") + sets.join(kComma);
}

// SQLite: the value of one key of a JSON object, found by the decoded key
// (json_each) rather than by a path, which matches the key's raw text: a
// key sent escaped ("\u00fc") or holding quotes or backslashes is still
// found. The last of duplicate keys wins, as on PostgreSQL.
QString sqliteValue(const QString &object, const QString &keyPlaceholder)
{
    return QStringLiteral("(SELECT j.value FROM json_each(%1) j WHERE j.key = %2 ORDER BY j.id DESC LIMIT 1)")
        .arg(object, keyPlaceholder);
}

} // namespace

QStringList RestWriteSql::conflictTarget(const TableShape &shape, const RestWrite &write)
{
    if (write.query.onConflict)
        return *write.query.onConflict;
    return shape.identity == RowIdentity::PrimaryKey ? shape.keyColumns : QStringList();
}

Result<QList<RestStatement>> RestWriteSql::make(const db::Dialect &dialect, const TableShape &shape,
                                                const RestWrite &write, const RestPayload *payload, RestSql rep)
{
    const bool postgres = dialect.driver() == config::Driver::Postgres;
    const bool wantRows = write.options.returning != RestWriteOptions::Return::Minimal || write.options.singleObject;
    const QString table = rep.tableSql();
    const auto q = [&](const QString &name) { return dialect.quoteIdentifier(name); };
    // The keys of the rows written, for the audit log.
    QStringList keyList;
    if (shape.identity == RowIdentity::PrimaryKey) {
        for (const QString &key : shape.keyColumns)
            keyList << q(key);
    }
    const bool upsert = write.kind == RestWriteKind::Insert
                        && write.options.resolution != RestWriteOptions::Resolution::None;
    const QStringList target = upsert ? conflictTarget(shape, write) : QStringList();
    for (const QString &column : target) {
        if (!shape.column(column))
            return unknownColumnError(shape.table, column);
        // Which hidden columns carry a unique index is theirs to hide too.
        if (write.options.hiddenColumns.contains(column))
            return hiddenColumnError(shape.table, column);
    }
    if (upsert && target.isEmpty() && write.options.resolution == RestWriteOptions::Resolution::MergeDuplicates)
        return restError(http::rest::kBadQuery,
                         QStringLiteral("resolution=merge-duplicates needs on_conflict= on a table without a primary key"));
    if (postgres) {
        // Only a table's rows have xmax; a view's RETURNING has none.
        const bool countInserted = upsert && shape.kind == catalog::TableRef::Kind::Table;
        const QString returning = QStringLiteral(" RETURNING %1.*%2")
                                      .arg(table, countInserted ? QStringLiteral(", (%1.xmax = 0) AS \"tw inserted\"").arg(table)
                                                                : QString());
        QStringList ctes;
        if (write.kind == RestWriteKind::Insert) {
            // Typed: "{}" inserts DEFAULT VALUES, which leaves it unused (an untyped one is 42P18).
            const QString body = rep.addBind(QString::fromUtf8(payload->array), RestBind::Type::Text);
            const QList<RowGroup> groups = groupRows(write, *payload);
            QStringList parts;
            for (qsizetype g = 0; g < groups.size(); ++g) {
                const RowGroup &group = groups.at(g);
                QString insert;
                if (group.columns.isEmpty()) {
                    if (payload->rows > 1)
                        return restError(http::rest::kInvalidBody,
                                         QStringLiteral("an array of objects without any column cannot be inserted"));
                    insert = QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(table);
                } else {
                    QStringList names;
                    QStringList values;
                    for (const QString &column : group.columns) {
                        names << q(column);
                        values << QStringLiteral("r.") + q(column);
                    }
                    QString rows;
                    if (!group.rows.isEmpty()) {
                        QStringList numbers;
                        for (qint64 row : group.rows)
                            numbers << QString::number(row + 1);
                        rows = QStringLiteral(" WHERE e.n IN (%1)").arg(numbers.join(u','));
                    }
                    insert = QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM json_array_elements(%4::json) WITH "
                                            "ORDINALITY e(v, n) CROSS JOIN LATERAL json_populate_record(NULL::%1, e.v) r%5")
                                 .arg(table, names.join(kComma), values.join(kComma), body, rows);
                }
                if (upsert)
                    insert += conflictClause(dialect, target, group.columns, write.options.resolution, true);
                const QString name = QStringLiteral("pgrst_insert_%1").arg(g + 1);
                ctes << name + QStringLiteral(" AS (") + insert + returning + u')';
                parts << QStringLiteral("SELECT * FROM ") + name;
            }
            ctes << QStringLiteral("pgrst_source AS (%1)").arg(parts.join(QStringLiteral(" UNION ALL ")));
        } else if (write.kind == RestWriteKind::Update) {
            QStringList names;
            QStringList values;
            for (const QString &column : payload->columns) {
                names << q(column);
                values << QStringLiteral("r.") + q(column);
            }
            const QString body = rep.addBind(QString::fromUtf8(payload->array));
            ctes << QStringLiteral("pgrst_source AS (UPDATE %1 SET (%2) = (SELECT %3 FROM json_populate_record(NULL::%1, "
                                   "(%4::json)->0) r) WHERE %5%6)")
                        .arg(table, names.join(kComma), values.join(kComma), body, rep.whereSql(), returning);
        } else {
            ctes << QStringLiteral("pgrst_source AS (DELETE FROM %1 WHERE %2%3)").arg(table, rep.whereSql(), returning);
        }
        const QString inserted = countInserted ? QStringLiteral("(SELECT count(*) FROM pgrst_source WHERE \"tw inserted\")")
                                 : write.kind == RestWriteKind::Insert ? QStringLiteral("j.n")
                                                                       : QStringLiteral("0");
        const QString rows = wantRows ? rep.jsonOver(QStringLiteral("pgrst_source"))
                                      : QStringLiteral("SELECT NULL::text, count(*) FROM pgrst_source");
        QString keys = QStringLiteral("NULL::text");
        if (!keyList.isEmpty())
            keys = QStringLiteral("(SELECT coalesce(json_agg(_postgrest_k), '[]')::text FROM (SELECT %1 FROM pgrst_source LIMIT %2) _postgrest_k)")
                       .arg(keyList.join(kComma))
                       .arg(kAuditedKeys);
        const QString sql = QStringLiteral("WITH %1 SELECT j.body, j.n, %2, %3 FROM (%4) j(body, n)")
                                .arg(ctes.join(kComma), inserted, keys, rows);
        return QList<RestStatement>{RestStatement{sql, rep.binds()}};
    }

    // SQLite: no data-modifying CTEs; RETURNING renders each row.
    QList<RestStatement> statements;
    auto finish = [&](RestSql &sql, QString text) {
        QStringList returning;
        if (wantRows)
            returning << sql.sqliteJsonObject();
        if (!keyList.isEmpty()) {
            QStringList pairs;
            for (qsizetype i = 0; i < keyList.size(); ++i)
                pairs << sql.addBind(shape.keyColumns.at(i), RestBind::Type::Text) + kComma + keyList.at(i);
            returning << QStringLiteral("json_object(%1)").arg(pairs.join(kComma));
        }
        if (!returning.isEmpty())
            text += QStringLiteral(" RETURNING ") + returning.join(kComma);
        statements << RestStatement{text, sql.binds()};
    };
    if (write.kind == RestWriteKind::Insert) {
        const QList<RowGroup> groups = groupRows(write, *payload);
        for (const RowGroup &group : groups) {
            RestSql sql = rep; // each statement numbers its own binds
            QString text;
            if (group.columns.isEmpty()) {
                if (payload->rows > 1)
                    return restError(http::rest::kInvalidBody,
                                     QStringLiteral("an array of objects without any column cannot be inserted"));
                text = QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(table);
            } else {
                const QString body = sql.addBind(QString::fromUtf8(payload->array), RestBind::Type::Text);
                QStringList names;
                QStringList values;
                for (const QString &column : group.columns) {
                    names << q(column);
                    values << sqliteValue(QStringLiteral("e.value"), sql.addBind(column, RestBind::Type::Text));
                }
                QStringList numbers;
                for (qint64 row : group.rows)
                    numbers << QString::number(row);
                // "WHERE" also settles SQLite's INSERT … SELECT … ON CONFLICT parsing ambiguity.
                text = QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM json_each(%4) e WHERE %5")
                           .arg(table, names.join(kComma), values.join(kComma), body,
                                numbers.isEmpty() ? QStringLiteral("1") : QStringLiteral("e.key IN (%1)").arg(numbers.join(u',')));
                if (upsert)
                    text += conflictClause(dialect, target, group.columns, write.options.resolution, false);
            }
            finish(sql, text);
        }
    } else if (write.kind == RestWriteKind::Update) {
        const QString body = rep.addBind(QString::fromUtf8(payload->array), RestBind::Type::Text);
        QStringList sets;
        for (const QString &column : payload->columns)
            sets << q(column) + QStringLiteral(" = ")
                        + sqliteValue(QStringLiteral("json_extract(%1, '$[0]')").arg(body), rep.addBind(column, RestBind::Type::Text));
        finish(rep, QStringLiteral("UPDATE %1 SET %2 WHERE %3").arg(table, sets.join(kComma), rep.whereSql()));
    } else {
        finish(rep, QStringLiteral("DELETE FROM %1 WHERE %2").arg(table, rep.whereSql()));
    }
    return statements;
}

std::optional<RestStatement> RestWriteSql::sqliteExistingRows(const db::Dialect &dialect, const TableShape &shape,
                                                              const RestWrite &write, const RestPayload &payload)
{
    const QStringList target = conflictTarget(shape, write);
    if (target.isEmpty() || payload.rows == 0)
        return std::nullopt;
    RestStatement statement;
    statement.binds << RestBind{QString::fromUtf8(payload.array), RestBind::Type::Text};
    QStringList match;
    const QString table = dialect.qualifiedName(shape.table.schema, shape.table.name);
    for (const QString &column : target) {
        statement.binds << RestBind{column, RestBind::Type::Text};
        match << table + u'.' + dialect.quoteIdentifier(column) + QStringLiteral(" IS ")
                     + sqliteValue(QStringLiteral("e.value"), u'?' + QString::number(statement.binds.size()));
    }
    statement.sql = QStringLiteral("SELECT count(*) FROM json_each(?1) e WHERE EXISTS (SELECT 1 FROM %1 WHERE %2)")
                        .arg(table, match.join(QStringLiteral(" AND ")));
    return statement;
}

} // namespace tw::data

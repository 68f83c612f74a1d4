#include "EditCommit.h"

#include "EditErrors.h"
#include "EditSql.h"
#include "db/Transaction.h"

#include <QSet>

namespace tw::data {

namespace {

bool needsRow(const RowChange &change)
{
    return change.kind == RowChange::Kind::Update || change.kind == RowChange::Kind::Delete;
}

Status validateChange(const TableShape &shape, const RowChange &change)
{
    if (needsRow(change)) {
        if (shape.keyColumns.isEmpty())
            return invalidChange(shape, change, QStringLiteral("the table has no row identity to find the row by"));
        if (change.key.size() != shape.keyColumns.size())
            return invalidChange(shape, change,
                                 QStringLiteral("the key has %1 value(s), the table's key (%2) has %3")
                                     .arg(change.key.size())
                                     .arg(shape.keyColumns.join(QStringLiteral(", ")))
                                     .arg(shape.keyColumns.size()));
        if (!change.version.isValid() || change.version.isNull())
            return invalidChange(shape, change,
                                 QStringLiteral("the row's version is missing, so a change by someone else "
                                                "could not be detected"));
    }
    if (change.kind == RowChange::Kind::Delete)
        return {};
    QSet<QString> seen;
    for (const CellValue &cell : change.cells) {
        const ColumnInfo *column = shape.column(cell.column);
        if (!column)
            return invalidChange(shape, change, QStringLiteral("no column \"%1\"").arg(cell.column), cell.column);
        if (!column->writable())
            return invalidChange(shape, change,
                                 QStringLiteral("column \"%1\" is %2 and cannot be written")
                                     .arg(cell.column, column->generated ? QStringLiteral("generated")
                                                                          : QStringLiteral("GENERATED ALWAYS AS IDENTITY")),
                                 cell.column);
        if (seen.contains(cell.column))
            return invalidChange(shape, change, QStringLiteral("column \"%1\" is given twice").arg(cell.column),
                                 cell.column);
        seen.insert(cell.column);
    }
    return {};
}

QVariantList bindKey(config::Driver driver, const RowChange &change)
{
    QVariantList binds;
    binds.reserve(change.key.size());
    for (const QVariant &value : change.key)
        binds << EditSql::bindable(driver, value);
    return binds;
}

QVariantMap conflictEntry(const RowChange &change, const QString &reason)
{
    return {{QStringLiteral("tag"), change.tag},
            {QStringLiteral("key"), change.key},
            {QStringLiteral("reason"), reason}};
}

Error conflictError(const TableShape &shape, const QList<const RowChange *> &rows, const QStringList &reasons)
{
    QVariantList conflicts;
    QStringList labels;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        conflicts << conflictEntry(*rows.at(i), reasons.at(i));
        if (labels.size() < 10)
            labels << rowLabel(shape, *rows.at(i)) + QStringLiteral(" (") + reasons.at(i) + QLatin1Char(')');
    }
    if (rows.size() > labels.size())
        labels << QStringLiteral("and %1 more").arg(rows.size() - labels.size());
    return Error(ErrorCode::Conflict,
                 QStringLiteral("%1 row(s) of %2 were changed or deleted by someone else since they were read: %3. "
                                "Nothing was written.")
                     .arg(rows.size())
                     .arg(shape.table.displayName(), labels.join(QStringLiteral(", "))),
                 {{QStringLiteral("table"), shape.table.displayName()}, {QStringLiteral("conflicts"), conflicts}},
                 QStringLiteral("Reload the rows and apply the edits again."));
}

// Every updated or deleted row against the version it was read with, all
// before the first write: a conflict anywhere leaves the table untouched,
// and the caller learns about every such row at once rather than one per try.
Status checkVersions(db::Session &session, const EditSql &sql, const TableShape &shape, const ChangeSet &changes)
{
    const config::Driver driver = session.dialect().driver();
    const QString query = sql.versionQuery();
    QList<const RowChange *> conflicted;
    QStringList reasons;
    for (const RowChange &change : changes.changes) {
        if (!needsRow(change))
            continue;
        auto rows = session.exec(query, bindKey(driver, change));
        if (!rows)
            return rowError(rows.error(), driver, shape, change);
        if (!rows.value().next()) {
            conflicted << &change;
            reasons << QStringLiteral("deleted");
            continue;
        }
        // Both sides as text: PostgreSQL's xmin::text is text already, and
        // SQLite's 64-bit hash may come back as qlonglong or as its text.
        if (rows.value().value(0).toString() != change.version.toString()) {
            conflicted << &change;
            reasons << QStringLiteral("changed");
        }
    }
    if (!conflicted.isEmpty())
        return conflictError(shape, conflicted, reasons);
    return {};
}

Status writeChange(db::Session &session, const EditSql &sql, const TableShape &shape, const RowChange &change,
                   CommitOutcome &outcome)
{
    const config::Driver driver = session.dialect().driver();
    QStringList columns;
    QVariantList binds;
    if (change.kind != RowChange::Kind::Delete) {
        for (const CellValue &cell : change.cells) {
            columns << cell.column;
            binds << EditSql::bindable(driver, cell.value);
        }
    }

    QString statement;
    switch (change.kind) {
    case RowChange::Kind::Update:
        if (columns.isEmpty())
            return {}; // nothing staged for the row: its version was checked, that is all
        statement = sql.updateStatement(columns);
        binds << bindKey(driver, change);
        break;
    case RowChange::Kind::Delete:
        statement = sql.deleteStatement();
        binds = bindKey(driver, change);
        break;
    case RowChange::Kind::Insert:
        statement = sql.insertStatement(columns);
        break;
    }

    auto affected = session.execute(statement, binds);
    if (!affected)
        return rowError(affected.error(), driver, shape, change);
    switch (change.kind) {
    case RowChange::Kind::Insert: ++outcome.inserted; return {};
    case RowChange::Kind::Update: ++outcome.updated; break;
    case RowChange::Kind::Delete: ++outcome.deleted; break;
    }
    // The row was locked and checked, so only an earlier change of this set
    // (one that rewrote the key, or deleted the row) can make it miss.
    if (affected.value() != 1)
        return conflictError(shape, {&change}, {affected.value() == 0 ? QStringLiteral("deleted")
                                                                       : QStringLiteral("changed")});
    return {};
}

} // namespace

Result<CommitOutcome> applyChanges(db::Session &session, const TableShape &shape, const ChangeSet &changes)
{
    if (!shape.editable)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("%1 is read-only: %2").arg(shape.table.displayName(), shape.readOnlyReason),
                     {{QStringLiteral("table"), shape.table.displayName()}});
    for (const RowChange &change : changes.changes) {
        if (Status valid = validateChange(shape, change); !valid.ok())
            return valid.error();
    }
    if (changes.changes.isEmpty())
        return CommitOutcome{};

    const EditSql sql(session.dialect(), shape);
    return db::inTransaction(session, [&](db::Session &tx) -> Result<CommitOutcome> {
        // The version check locks each row (FOR UPDATE): behind another
        // session's open transaction it would wait for ever, holding a pooled
        // connection and the user's Commit. Give up after a while instead
        // (55P03 → BUSY, retry later; nothing written).
        if (tx.dialect().driver() == config::Driver::Postgres) {
            if (auto set = tx.execute(QStringLiteral("SET LOCAL lock_timeout = '5s'")); !set)
                return set.error();
        }
        if (Status checked = checkVersions(tx, sql, shape, changes); !checked.ok())
            return checked.error();
        CommitOutcome outcome;
        for (const RowChange &change : changes.changes) {
            if (Status written = writeChange(tx, sql, shape, change, outcome); !written.ok())
                return written.error();
        }
        return outcome;
    });
}

} // namespace tw::data

#include "MigrationHistory.h"

#include "crypto/Sha256.h"
#include "db/Session.h"


namespace tw::migrate {

namespace {

QString table(db::Session &session, const QString &schema)
{
    return session.dialect().quoteIdentifier(schema) + u'.' + session.dialect().quoteIdentifier(QString::fromLatin1(kHistoryTable));
}

const QList<std::pair<HistoryRow::Type, QString>> &typeNames()
{
    static const QList<std::pair<HistoryRow::Type, QString>> names{
        {HistoryRow::Type::Versioned, QStringLiteral("versioned")},
        {HistoryRow::Type::Undo, QStringLiteral("undo")},
        {HistoryRow::Type::Repeatable, QStringLiteral("repeatable")},
        {HistoryRow::Type::Baseline, QStringLiteral("baseline")},
        {HistoryRow::Type::Repair, QStringLiteral("repair")},
    };
    return names;
}

const QList<std::pair<HistoryRow::Status, QString>> &statusNames()
{
    static const QList<std::pair<HistoryRow::Status, QString>> names{
        {HistoryRow::Status::Applied, QStringLiteral("applied")},
        {HistoryRow::Status::FailedRolledBack, QStringLiteral("failed-rolled-back")},
        {HistoryRow::Status::Partial, QStringLiteral("partial")},
    };
    return names;
}

template<typename E>
std::optional<E> fromName(const QList<std::pair<E, QString>> &names, const QString &text)
{
    for (const auto &[value, name] : names) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

// QString::join of nothing is a null string, which binds as NULL.
QString hashesText(const QStringList &hashes)
{
    return hashes.isEmpty() ? QStringLiteral("") : hashes.join(u',');
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

QString historyTypeName(HistoryRow::Type type)
{
    for (const auto &[value, name] : typeNames())
        if (value == type)
            return name;
    return {};
}

QString historyStatusName(HistoryRow::Status status)
{
    for (const auto &[value, name] : statusNames())
        if (value == status)
            return name;
    return {};
}

QString statementHash(const QString &statement)
{
    return QString::fromLatin1(
        crypto::sha256(statement.trimmed().toUtf8()).toHex().left(16));
}

Result<QString> historySchema(db::Session &session)
{
    if (session.dialect().driver() != config::Driver::Postgres)
        return QStringLiteral("main");
    auto current = session.scalar(QStringLiteral("SELECT current_schema()"));
    if (!current)
        return current.error();
    if (current.value().isNull() || current.value().toString().isEmpty())
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("no schema on the search_path of connection '%1' to keep %2 in")
                         .arg(session.profile().name, QString::fromLatin1(kHistoryTable)),
                     {}, QStringLiteral("set the role's search_path (ALTER ROLE … SET search_path = public)"));
    return current.value().toString();
}

Status ensureHistoryTable(db::Session &session, const QString &schema)
{
    // Checked first: IF NOT EXISTS alone makes PostgreSQL send a NOTICE that
    // libpq prints on stderr on every run.
    auto exists = historyTableExists(session, schema);
    if (!exists)
        return exists.error();
    if (exists.value())
        return {};
    const bool pg = session.dialect().driver() == config::Driver::Postgres;
    // installed_on as ISO text on SQLite (it has no timestamp type); the
    // statement hashes as one comma-separated text, read back whole.
    const QString sql = QStringLiteral(
                            "CREATE TABLE IF NOT EXISTS %1 ("
                            " installed_rank %2 PRIMARY KEY,"
                            " version text,"
                            " description text NOT NULL,"
                            " type text NOT NULL,"
                            " script text NOT NULL,"
                            " checksum text,"
                            " statements_applied integer NOT NULL,"
                            " statements_total integer NOT NULL,"
                            " statement_hashes text NOT NULL,"
                            " installed_by text NOT NULL,"
                            " installed_on %3 NOT NULL,"
                            " execution_ms bigint NOT NULL,"
                            " status text NOT NULL,"
                            " error text,"
                            " sql text)")
                            .arg(table(session, schema), pg ? QStringLiteral("bigint") : QStringLiteral("integer"),
                                 pg ? QStringLiteral("timestamptz") : QStringLiteral("text"));
    auto created = session.execute(sql);
    if (!created)
        return created.error();
    return {};
}

Result<bool> historyTableExists(db::Session &session, const QString &schema)
{
    const bool pg = session.dialect().driver() == config::Driver::Postgres;
    auto found = pg ? session.scalar(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename = ?"),
                                     {schema, QString::fromLatin1(kHistoryTable)})
                    : session.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"),
                                     {QString::fromLatin1(kHistoryTable)});
    if (!found)
        return found.error();
    return found.value().toLongLong() > 0;
}

Result<QList<HistoryRow>> readHistory(db::Session &session, const QString &schema, HistoryText text)
{
    auto exists = historyTableExists(session, schema);
    if (!exists)
        return exists.error();
    if (!exists.value())
        return QList<HistoryRow>{};
    const bool pg = session.dialect().driver() == config::Driver::Postgres;
    const bool withText = text == HistoryText::Included;
    auto rows = session.exec(QStringLiteral("SELECT installed_rank, version, description, type, script, checksum,"
                                            " statements_applied, statements_total, %3, installed_by, %1,"
                                            " execution_ms, status, error, %4 FROM %2 ORDER BY installed_rank")
                                 .arg(pg ? QStringLiteral("to_char(installed_on AT TIME ZONE 'UTC',"
                                                          " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
                                         : QStringLiteral("installed_on"),
                                      table(session, schema),
                                      withText ? QStringLiteral("statement_hashes") : QStringLiteral("''"),
                                      withText ? QStringLiteral("sql") : QStringLiteral("NULL")));
    if (!rows)
        return rows.error();
    QList<HistoryRow> out;
    while (rows.value().next()) {
        const auto value = [&](int i) { return rows.value().value(i); };
        HistoryRow row;
        row.rank = value(0).toLongLong();
        if (!value(1).isNull())
            row.version = MigrationVersion::parse(value(1).toString());
        row.description = value(2).toString();
        const auto type = fromName(typeNames(), value(3).toString());
        const auto status = fromName(statusNames(), value(12).toString());
        if (!type || !status || (!value(1).isNull() && !row.version))
            return Error(ErrorCode::ValidationFailed,
                         QStringLiteral("%1 row %2 is not one Tablewright wrote (type '%3', status '%4', version '%5')")
                             .arg(QString::fromLatin1(kHistoryTable))
                             .arg(row.rank)
                             .arg(value(3).toString(), value(12).toString(), value(1).toString()));
        row.type = *type;
        row.status = *status;
        row.script = value(4).toString();
        row.checksum = value(5).toString();
        row.statementsApplied = value(6).toInt();
        row.statementsTotal = value(7).toInt();
        const QString hashes = value(8).toString();
        if (!hashes.isEmpty())
            row.statementHashes = hashes.split(u',');
        row.installedBy = value(9).toString();
        row.installedOn = QDateTime::fromString(value(10).toString(), Qt::ISODateWithMs);
        row.executionMs = value(11).toLongLong();
        row.error = value(13).toString();
        row.sql = value(14).toString();
        out << row;
    }
    return out;
}

Result<qint64> insertHistoryRow(db::Session &session, const QString &schema, const HistoryRow &row)
{
    // The rank is taken in the same statement (one round trip per
    // migration); the caller holds the migration lock, so no one races it.
    const bool pg = session.dialect().driver() == config::Driver::Postgres;
    const QDateTime on = row.installedOn.isValid() ? row.installedOn : QDateTime::currentDateTimeUtc();
    auto inserted = session.scalar(
        QStringLiteral("INSERT INTO %1 (installed_rank, version, description, type, script, checksum,"
                       " statements_applied, statements_total, statement_hashes, installed_by, installed_on,"
                       " execution_ms, status, error, sql)"
                       " SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, %2, ?, ?, ?, ? FROM %1"
                       " RETURNING installed_rank")
            .arg(table(session, schema), pg ? QStringLiteral("CAST(? AS timestamptz)") : QStringLiteral("?")),
        {row.version ? QVariant(row.version->text()) : QVariant(QMetaType::fromType<QString>()), row.description,
         historyTypeName(row.type), row.script, nullable(row.checksum), row.statementsApplied, row.statementsTotal,
         hashesText(row.statementHashes), row.installedBy, on.toUTC().toString(Qt::ISODateWithMs), row.executionMs,
         historyStatusName(row.status), nullable(row.error), nullable(row.sql)});
    if (!inserted)
        return inserted.error();
    return inserted.value().toLongLong();
}

Status updateHistoryRow(db::Session &session, const QString &schema, const HistoryRow &row)
{
    auto updated = session.execute(
        QStringLiteral("UPDATE %1 SET checksum = ?, statements_applied = ?, statements_total = ?, statement_hashes = ?,"
                       " execution_ms = ?, status = ?, error = ?, sql = ? WHERE installed_rank = ?")
            .arg(table(session, schema)),
        {nullable(row.checksum), row.statementsApplied, row.statementsTotal, hashesText(row.statementHashes),
         row.executionMs, historyStatusName(row.status), nullable(row.error), nullable(row.sql), row.rank});
    if (!updated)
        return updated.error();
    if (updated.value() != 1)
        return Error(ErrorCode::Conflict, QStringLiteral("%1 row %2 is gone").arg(QString::fromLatin1(kHistoryTable)).arg(row.rank));
    return {};
}

Result<qint64> deleteFailedRows(db::Session &session, const QString &schema)
{
    return session.execute(QStringLiteral("DELETE FROM %1 WHERE status = ?").arg(table(session, schema)),
                           {historyStatusName(HistoryRow::Status::FailedRolledBack)});
}

} // namespace tw::migrate

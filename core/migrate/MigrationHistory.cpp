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

// On the row's bytes: a thousand-row `status` made two strings per row only to compare them.
template<typename E>
std::optional<E> fromName(const QList<std::pair<E, QString>> &names, QByteArrayView text)
{
    for (const auto &[value, name] : names) {
        if (name == QLatin1StringView(text))
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

// installed_on as this file writes it ("2026-11-27T21:54:14.123Z", UTC) read
// by hand, per row of a history that may hold thousands; anything else goes
// to Qt's ISO parser.
// installed_on as read back: SQLite keeps the ISO text it was given
// ("2026-11-28T04:25:49.814Z"); PostgreSQL sends it through to_json, ISO 8601
// whatever the session's DateStyle (a migration may have changed it before
// `up` reads the history again), with the offset of the session's TimeZone
// ("2026-11-28T10:25:49.814512+05:30", "-03:00:15" where it has seconds).
// Read by hand: to_char on the server cost a thousand-row `status` 0.3 ms
// (to_json 0.2 less), and QDateTime's parser more.
QDateTime parseInstalledOn(QByteArrayView text)
{
    if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"')) // to_json's quotes
        text = text.sliced(1, text.size() - 2);
    const auto digits = [&text](qsizetype at, qsizetype count) {
        if (at + count > text.size())
            return -1;
        int value = 0;
        for (qsizetype i = at; i < at + count; ++i) {
            const char c = text.at(i);
            if (c < '0' || c > '9')
                return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    };
    const auto at = [&text](qsizetype i) { return i < text.size() ? text.at(i) : '\0'; };
    if (text.size() >= 19 && at(4) == '-' && at(7) == '-' && (at(10) == 'T' || at(10) == ' ') && at(13) == ':'
        && at(16) == ':') {
        const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
        const int hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
            return {};
        const QDate date(year, month, day);
        qsizetype i = 19;
        int ms = 0;
        if (at(i) == '.') {
            int scale = 100;
            for (++i; at(i) >= '0' && at(i) <= '9'; ++i) {
                ms += (at(i) - '0') * scale; // past the third digit, scale is 0: truncated, as to_char's MS was
                scale /= 10;
            }
        }
        int offsetSeconds = 0;
        bool known = false;
        if (at(i) == 'Z' && i + 1 == text.size()) {
            known = true;
        } else if ((at(i) == '+' || at(i) == '-') && digits(i + 1, 2) >= 0 && digits(i + 1, 2) <= 15) {
            const int sign = at(i) == '-' ? -1 : 1;
            int seconds = digits(i + 1, 2) * 3600;
            qsizetype end = i + 3;
            for (int unit : {60, 1}) {
                if (at(end) != ':' || digits(end + 1, 2) < 0 || digits(end + 1, 2) > 59)
                    break;
                seconds += digits(end + 1, 2) * unit;
                end += 3;
            }
            known = end == text.size();
            offsetSeconds = sign * seconds;
        }
        const QTime time(hour, minute, second, ms);
        if (known && date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
    }
    return QDateTime::fromString(QString::fromUtf8(text), Qt::ISODateWithMs);
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
    auto place = locateHistory(session);
    if (!place)
        return place.error();
    return place.value().schema;
}

Result<HistoryPlace> locateHistory(db::Session &session)
{
    const bool pg = session.dialect().driver() == config::Driver::Postgres;
    // The table's name is ours, a constant: nothing to bind, so the native
    // handle reads it in one round trip.
    const QString table = QString::fromLatin1(kHistoryTable);
    // Through the catalog caches only (to_regclass, and pg_identify_object,
    // whose type is "table" for relkind r and p, untranslated): the first
    // query of a new connection that planned a join of pg_class and
    // pg_namespace cost 0.4 ms more, and one reading pg_class's relkind
    // still 0.35 ms more.
    const QString sql = pg ? QStringLiteral("SELECT current_schema(), coalesce((pg_catalog.pg_identify_object("
                                            "'pg_catalog.pg_class'::pg_catalog.regclass, pg_catalog.to_regclass("
                                            "pg_catalog.quote_ident(current_schema()) || '.%1'), 0)).type = 'table', false)::int")
                                 .arg(table)
                           : QStringLiteral("SELECT 'main', EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '%1')")
                                 .arg(table);
    std::optional<HistoryPlace> place;
    const Status read = session.readRows(sql, [&](const db::NativeRow &row) {
        place = HistoryPlace{row.text(0), row.int64(1) != 0};
    });
    if (!read.ok())
        return read.error();
    if (!place || place->schema.isEmpty())
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("no schema on the search_path of connection '%1' to keep %2 in")
                         .arg(session.profile().name, table),
                     {}, QStringLiteral("set the role's search_path (ALTER ROLE … SET search_path = public)"));
    return *place;
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
    // pg_class itself, not the pg_tables view (which also joins tablespaces and
    // checks privileges per row): a third of a millisecond against a whole one
    // on a fresh connection, on every command.
    auto found = pg ? session.scalar(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class c"
                                                    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                                    " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')"),
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
    return readHistory(session, HistoryPlace{schema, exists.value()}, text);
}

Result<QList<HistoryRow>> readHistory(db::Session &session, const HistoryPlace &place, HistoryText text)
{
    if (!place.exists)
        return QList<HistoryRow>{};
    const QString &schema = place.schema;
    const bool pg = session.dialect().driver() == config::Driver::Postgres;
    const bool withText = text == HistoryText::Included;
    // On the native handle: a status of a thousand migrations spent most of
    // its reading time turning values into QVariants and back.
    const QString sql = QStringLiteral("SELECT installed_rank, version, description, type, script, checksum,"
                                       " statements_applied, statements_total, %3, installed_by, %1,"
                                       " execution_ms, status, error, %4 FROM %2 ORDER BY installed_rank")
                            .arg(pg ? QStringLiteral("to_json(installed_on)") : QStringLiteral("installed_on"),
                                 table(session, schema),
                                 withText ? QStringLiteral("statement_hashes") : QStringLiteral("''"),
                                 withText ? QStringLiteral("sql") : QStringLiteral("NULL"));
    QList<HistoryRow> out;
    std::optional<Error> foreign;
    const Status read = session.readRows(sql, [&](const db::NativeRow &cursor) {
        if (foreign)
            return;
        HistoryRow &row = out.emplaceBack();
        row.rank = cursor.int64(0);
        const QString version = cursor.text(1);
        if (!version.isNull())
            row.version = MigrationVersion::parse(version);
        row.description = cursor.text(2);
        const auto type = fromName(typeNames(), cursor.utf8(3));
        const auto status = fromName(statusNames(), cursor.utf8(12));
        if (!type || !status || (!version.isNull() && !row.version)) {
            foreign = Error(ErrorCode::ValidationFailed,
                            QStringLiteral("%1 row %2 is not one Tablewright wrote (type '%3', status '%4', version '%5')")
                                .arg(QString::fromLatin1(kHistoryTable))
                                .arg(row.rank)
                                .arg(cursor.text(3), cursor.text(12), version));
            return;
        }
        row.type = *type;
        row.status = *status;
        row.script = cursor.text(4);
        row.checksum = cursor.text(5);
        row.statementsApplied = int(cursor.int64(6));
        row.statementsTotal = int(cursor.int64(7));
        if (withText) {
            const QString hashes = cursor.text(8);
            if (!hashes.isEmpty())
                row.statementHashes = hashes.split(u',');
        }
        row.installedBy = cursor.text(9);
        row.installedOn = parseInstalledOn(cursor.utf8(10));
        row.executionMs = cursor.int64(11);
        row.error = cursor.text(13);
        if (withText)
            row.sql = cursor.text(14);
    });
    if (!read.ok())
        return read.error();
    if (foreign)
        return *foreign;
    return out;
}

Result<qint64> insertHistoryRow(db::Session &session, const QString &schema, const HistoryRow &row)
{
    // The rank is taken in the same statement (one round trip per
    // migration); the caller holds the migration lock, so no one races it.
    // On SQLite installed_rank is the rowid, which a NULL makes max + 1 by
    // itself, read back without RETURNING, on the native handle: each
    // migration's schema change makes SQLite parse this statement again, and
    // the plain INSERT bound natively took a fifth of a thousand-migration
    // `up` where the subquery, RETURNING and QtSql's binding took a third.
    const bool pg = session.dialect().driver() == config::Driver::Postgres;
    const QDateTime on = row.installedOn.isValid() ? row.installedOn : QDateTime::currentDateTimeUtc();
    const QString columns = QStringLiteral("(installed_rank, version, description, type, script, checksum,"
                                           " statements_applied, statements_total, statement_hashes, installed_by,"
                                           " installed_on, execution_ms, status, error, sql)");
    const QVariantList values{
        row.version ? QVariant(row.version->text()) : QVariant(QMetaType::fromType<QString>()), row.description,
        historyTypeName(row.type), row.script, nullable(row.checksum), row.statementsApplied, row.statementsTotal,
        hashesText(row.statementHashes), row.installedBy, on.toUTC().toString(Qt::ISODateWithMs), row.executionMs,
        historyStatusName(row.status), nullable(row.error), nullable(row.sql)};
    if (pg) {
        auto inserted = session.scalar(QStringLiteral("INSERT INTO %1 %2 SELECT coalesce(max(installed_rank), 0) + 1,"
                                                      " ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz), ?, ?, ?, ?"
                                                      " FROM %1 RETURNING installed_rank")
                                           .arg(table(session, schema), columns),
                                       values);
        if (!inserted)
            return inserted.error();
        return inserted.value().toLongLong();
    }
    return session.executeSqlite(
        QStringLiteral("INSERT INTO %1 %2 VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(table(session, schema), columns),
        values);
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

#include "EditErrors.h"

#include <QRegularExpression>

namespace tw::data {

namespace {

QString shortValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("NULL");
    QString text;
    if (value.typeId() == QMetaType::QByteArray)
        text = QStringLiteral("\\x") + QString::fromLatin1(value.toByteArray().toHex());
    else
        text = value.toString();
    constexpr qsizetype limit = 40;
    if (text.size() > limit)
        text = text.left(limit) + QChar(0x2026);
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    const bool bare = value.typeId() == QMetaType::QByteArray || value.typeId() == QMetaType::Bool
                      || number.match(text).hasMatch();
    return bare ? text : QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString sqlitePrefixStripped(const QString &target, const TableShape &shape)
{
    const QString prefix = shape.table.name + QLatin1Char('.');
    return target.startsWith(prefix) ? target.mid(prefix.size()) : QString();
}

ConstraintMention parsePostgres(const QString &message, const TableShape &shape)
{
    ConstraintMention mention;
    // Names are printed raw between double quotes (an embedded quote is not
    // doubled), so the name ends at the last quote of the phrase: a foreign
    // key message goes on with ' on table "child"', the others end the line.
    static const QRegularExpression constraint(QStringLiteral("constraint \"(.*?)\"(?: on table \".*\")?$"),
                                               QRegularExpression::MultilineOption);
    if (const auto match = constraint.match(message); match.hasMatch())
        mention.constraint = match.captured(1);
    static const QRegularExpression nullColumn(QStringLiteral("null value in column \"(.*?)\" of relation \""));
    static const QRegularExpression keyColumns(QStringLiteral("Key \\((.*?)\\)=\\("));
    QString column;
    if (const auto match = nullColumn.match(message); match.hasMatch())
        column = match.captured(1);
    else if (const auto key = keyColumns.match(message); key.hasMatch())
        column = key.captured(1);
    if (shape.columnIndex(column) >= 0)
        mention.column = column;
    return mention;
}

ConstraintMention parseSqlite(const QString &message, const TableShape &shape)
{
    ConstraintMention mention;
    // "UNIQUE constraint failed: t.a, t.b", "NOT NULL constraint failed: t.c",
    // "CHECK constraint failed: name_or_expression", "FOREIGN KEY constraint failed".
    static const QRegularExpression failed(
        QStringLiteral("(UNIQUE|NOT NULL|CHECK|FOREIGN KEY|PRIMARY KEY) constraint failed(?:: (.*))?$"),
        QRegularExpression::MultilineOption);
    const auto match = failed.match(message);
    if (!match.hasMatch())
        return mention;
    mention.kind = match.captured(1);
    const QString target = match.captured(2).trimmed();
    mention.constraint = target;
    if (mention.kind == QLatin1String("UNIQUE") || mention.kind == QLatin1String("NOT NULL")
        || mention.kind == QLatin1String("PRIMARY KEY")) {
        const QString column = sqlitePrefixStripped(target, shape);
        if (shape.columnIndex(column) >= 0)
            mention.column = column;
    }
    return mention;
}

// The server's words without the driver's wrapping: QPSQL gives "QPSQL:
// Unable to create query: ERROR:  <message>\nDETAIL:  <detail>\n(23505)",
// QSQLITE "Unable to fetch row: <message>". People read the middle.
QString serverText(config::Driver driver, const QString &message)
{
    QString text = message;
    if (driver == config::Driver::Postgres) {
        const qsizetype error = text.indexOf(QLatin1String("ERROR:  "));
        if (error >= 0)
            text = text.mid(error + 8);
        static const QRegularExpression sqlstate(QStringLiteral("\n\\([0-9A-Z]{5}\\)\\s*$"));
        text.remove(sqlstate);
        text.replace(QLatin1String("\nDETAIL:  "), QLatin1String(" - ")).replace(QLatin1String("\nHINT:  "), QLatin1String(" - "));
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    } else {
        static const QRegularExpression wrapper(QStringLiteral("^Unable to [^:]*: "));
        text.remove(wrapper);
    }
    return text.trimmed();
}

QString postgresConstraintKind(const QString &sqlstate)
{
    if (sqlstate == QLatin1String("23505"))
        return QStringLiteral("UNIQUE");
    if (sqlstate == QLatin1String("23503"))
        return QStringLiteral("FOREIGN KEY");
    if (sqlstate == QLatin1String("23514"))
        return QStringLiteral("CHECK");
    if (sqlstate == QLatin1String("23502"))
        return QStringLiteral("NOT NULL");
    if (sqlstate == QLatin1String("23P01"))
        return QStringLiteral("EXCLUSION");
    return {};
}

} // namespace

QString changeKindName(RowChange::Kind kind)
{
    switch (kind) {
    case RowChange::Kind::Update: return QStringLiteral("update");
    case RowChange::Kind::Insert: return QStringLiteral("insert");
    case RowChange::Kind::Delete: return QStringLiteral("delete");
    }
    return {};
}

QString rowLabel(const TableShape &shape, const RowChange &change)
{
    if (change.kind == RowChange::Kind::Insert)
        return QStringLiteral("new row (change %1)").arg(change.tag);
    QStringList parts;
    for (qsizetype i = 0; i < change.key.size(); ++i) {
        const QString name = i < shape.keyColumns.size() ? shape.keyColumns.at(i) : QStringLiteral("key%1").arg(i + 1);
        parts << name + QLatin1Char('=') + shortValue(change.key.at(i));
    }
    if (parts.isEmpty())
        return QStringLiteral("row (change %1)").arg(change.tag);
    return QStringLiteral("row ") + parts.join(QStringLiteral(", "));
}

Error invalidChange(const TableShape &shape, const RowChange &change, const QString &problem, const QString &column)
{
    QVariantMap details{{QStringLiteral("tag"), change.tag},
                        {QStringLiteral("kind"), changeKindName(change.kind)},
                        {QStringLiteral("table"), shape.table.displayName()}};
    if (!change.key.isEmpty())
        details.insert(QStringLiteral("key"), change.key);
    if (!column.isEmpty())
        details.insert(QStringLiteral("column"), column);
    return Error(ErrorCode::ValidationFailed,
                 QStringLiteral("%1 of %2 in %3: %4")
                     .arg(changeKindName(change.kind), rowLabel(shape, change), shape.table.displayName(), problem),
                 details);
}

ConstraintMention parseConstraintMention(config::Driver driver, const QString &message, const TableShape &shape)
{
    return driver == config::Driver::Postgres ? parsePostgres(message, shape) : parseSqlite(message, shape);
}

Error rowError(const Error &server, config::Driver driver, const TableShape &shape, const RowChange &change)
{
    // Cancellation and a lost connection are about the job, not the row.
    if (server.code() == ErrorCode::QueryCancelled || server.code() == ErrorCode::DbUnavailable
        || server.code() == ErrorCode::PoolClosed)
        return server;
    Error error(server.code(), rowLabel(shape, change) + QStringLiteral(": ") + serverText(driver, server.message()),
                server.details(), server.hint());
    error.withDetail(QStringLiteral("serverMessage"), server.message());
    error.withDetail(QStringLiteral("tag"), change.tag);
    error.withDetail(QStringLiteral("kind"), changeKindName(change.kind));
    error.withDetail(QStringLiteral("table"), shape.table.displayName());
    if (!change.key.isEmpty())
        error.withDetail(QStringLiteral("key"), change.key);

    ConstraintMention mention = parseConstraintMention(driver, server.message(), shape);
    if (driver == config::Driver::Postgres)
        mention.kind = postgresConstraintKind(server.details().value(QStringLiteral("sqlstate")).toString());
    if (!mention.constraint.isEmpty())
        error.withDetail(QStringLiteral("constraint"), mention.constraint);
    if (!mention.kind.isEmpty())
        error.withDetail(QStringLiteral("constraintKind"), mention.kind);
    // A bad value ('abc' for an integer, broken JSON) names no column; when
    // the change wrote a single cell it can only be that one.
    QString column = mention.column;
    if (column.isEmpty() && change.cells.size() == 1 && change.kind != RowChange::Kind::Delete)
        column = change.cells.constFirst().column;
    if (!column.isEmpty())
        error.withDetail(QStringLiteral("column"), column);
    return error;
}

} // namespace tw::data

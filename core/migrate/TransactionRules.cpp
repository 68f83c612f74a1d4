#include "TransactionRules.h"

#include <QRegularExpression>

namespace tw::migrate {

namespace {

// Comments out, white space folded, for matching keywords at the start.
QString keywords(const QString &statement)
{
    static const QRegularExpression comments(QStringLiteral(R"(--[^\n]*|/\*.*?\*/)"),
                                             QRegularExpression::DotMatchesEverythingOption);
    return QString(statement).replace(comments, QStringLiteral(" ")).simplified().toLower();
}

} // namespace

QString transactionRefusal(const QString &statement)
{
    static const QList<std::pair<QRegularExpression, QString>> rules{
        {QRegularExpression(QStringLiteral(R"(^(create (unique )?index concurrently|drop index concurrently)\b)")),
         QStringLiteral("CREATE/DROP INDEX CONCURRENTLY")},
        {QRegularExpression(QStringLiteral(R"(^reindex\b.*\bconcurrently\b)")), QStringLiteral("REINDEX CONCURRENTLY")},
        {QRegularExpression(QStringLiteral(R"(^reindex (\([^)]*concurrently[^)]*\) )?(system|database)\b)")),
         QStringLiteral("REINDEX SYSTEM/DATABASE")},
        {QRegularExpression(QStringLiteral(R"(^vacuum\b)")), QStringLiteral("VACUUM")},
        {QRegularExpression(QStringLiteral(R"(^alter system\b)")), QStringLiteral("ALTER SYSTEM")},
        {QRegularExpression(QStringLiteral(R"(^(create|drop) database\b)")), QStringLiteral("CREATE/DROP DATABASE")},
        {QRegularExpression(QStringLiteral(R"(^(create|drop) tablespace\b)")), QStringLiteral("CREATE/DROP TABLESPACE")},
        {QRegularExpression(QStringLiteral(R"(^create subscription\b)")), QStringLiteral("CREATE SUBSCRIPTION")},
        {QRegularExpression(QStringLiteral(R"(^drop subscription\b)")), QStringLiteral("DROP SUBSCRIPTION")},
        {QRegularExpression(QStringLiteral(R"(^alter subscription \S+ (refresh publication|(set|add|drop) publication)\b)")),
         QStringLiteral("ALTER SUBSCRIPTION … PUBLICATION")},
        {QRegularExpression(QStringLiteral(R"(^cluster\s*(verbose\s*)?$)")), QStringLiteral("CLUSTER of every table")},
        {QRegularExpression(QStringLiteral(R"(^alter table .* detach partition .* concurrently$)")),
         QStringLiteral("ALTER TABLE … DETACH PARTITION … CONCURRENTLY")},
    };
    const QString text = keywords(statement);
    for (const auto &[pattern, reason] : rules) {
        if (pattern.match(text).hasMatch())
            return reason;
    }
    return {};
}

QString forbiddenStatementReason(const QString &statement, config::Driver driver)
{
    // The runner owns the transaction, the session's lock and its prepared
    // statements: a migration that ends the transaction, or drops the lock
    // or the statements, would leave the history saying something else than
    // the database holds. (A function body may call pg_advisory_unlock_all;
    // MigrationLock::refresh() catches a lock lost that way.)
    static const QRegularExpression transactionControl(QStringLiteral(
        R"(^(begin|start transaction|commit|end|abort|rollback(?! to\b)|prepare transaction|commit prepared|rollback prepared)\b)"));
    static const QRegularExpression sessionReset(QStringLiteral(
        R"(^(discard|deallocate)\b|^select\b.*\bpg_advisory_unlock_all\s*\()"));
    const QString text = keywords(statement);
    if (const auto m = transactionControl.match(text); m.hasMatch())
        return QStringLiteral("%1 controls the transaction, which the runner owns (each migration runs in its own "
                              "transaction, or none with -- tablewright:no-transaction)")
            .arg(m.captured(1).toUpper());
    if (driver == config::Driver::Postgres) {
        if (const auto m = sessionReset.match(text); m.hasMatch())
            return QStringLiteral("%1 would drop the runner's migration lock or prepared statements").arg(m.captured(0).trimmed().toUpper());
    }
    return {};
}

QString noTransactionReason(const QList<ScriptStatement> &statements, bool marked)
{
    if (marked)
        return QStringLiteral("marked -- tablewright:no-transaction");
    static const QRegularExpression addValue(
        QStringLiteral(R"(^alter type \S+ add value (if not exists )?'((?:[^']|'')*)')"));
    QStringList added;
    for (const ScriptStatement &statement : statements) {
        if (const QString refusal = transactionRefusal(statement.text); !refusal.isEmpty())
            return QStringLiteral("statement %1 (line %2) is %3, which cannot run in a transaction")
                .arg(statement.number)
                .arg(statement.line)
                .arg(refusal);
        for (const QString &label : std::as_const(added)) {
            if (statement.text.contains(u'\'' + QString(label).replace(u'\'', QStringLiteral("''")) + u'\''))
                return QStringLiteral("statement %1 (line %2) uses the enum label '%3' added earlier in the same "
                                      "migration, which one transaction does not allow")
                    .arg(statement.number)
                    .arg(statement.line)
                    .arg(label);
        }
        if (const auto m = addValue.match(keywords(statement.text)); m.hasMatch()) {
            // The label as written (keywords() lower-cased the text).
            const QString &t = statement.text;
            QString label;
            for (qsizetype i = t.indexOf(u'\'') + 1; i > 0 && i < t.size(); ++i) {
                if (t.at(i) == u'\'' && i + 1 < t.size() && t.at(i + 1) == u'\'') {
                    label += u'\'';
                    ++i;
                } else if (t.at(i) == u'\'') {
                    added << label;
                    break;
                } else {
                    label += t.at(i);
                }
            }
        }
    }
    return {};
}

} // namespace tw::migrate

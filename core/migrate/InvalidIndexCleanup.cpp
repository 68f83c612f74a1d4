#include "TransactionRules.h"

#include "db/Session.h"

#include <QRegularExpression>

namespace tw::migrate {

namespace {

// An identifier as written: "quoted ""name""" or a bare word (folded to lower case).
QString identifierName(const QString &written)
{
    if (written.startsWith(u'"'))
        return written.mid(1, written.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return written.toLower();
}

} // namespace

QString dropInvalidIndexLeftBy(db::Session &session, const QString &failedStatement)
{
    if (session.dialect().driver() != config::Driver::Postgres)
        return {};
    static const QRegularExpression create(
        QStringLiteral(R"(^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?)"
                       R"(("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s+ON\s+(?:ONLY\s+)?)"
                       R"(((?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)(?:\.(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*))?))"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = create.match(failedStatement);
    if (!match.hasMatch())
        return {};
    const QString index = identifierName(match.captured(1));
    const QString table = match.captured(2);
    // The invalid index lives in its table's schema, under the name written.
    auto found = session.exec(QStringLiteral("SELECT n.nspname FROM pg_catalog.pg_class c"
                                             " JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid"
                                             " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                             " WHERE c.relname = ? AND NOT i.indisvalid AND i.indrelid = to_regclass(?)"),
                              {index, table});
    if (!found || !found.value().next())
        return {};
    const QString schema = found.value().value(0).toString();
    const QString qualified = session.dialect().quoteIdentifier(schema) + u'.' + session.dialect().quoteIdentifier(index);
    Status dropped = session.executeScript(QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS %1").arg(qualified));
    if (!dropped.ok())
        return QStringLiteral("it left the invalid index %1, which could not be dropped (%2): drop it before running up")
            .arg(qualified, dropped.error().message());
    return QStringLiteral("the invalid index %1 it left was dropped, so up can run it again").arg(qualified);
}

} // namespace tw::migrate

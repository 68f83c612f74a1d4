#pragma once

#include <QSet>
#include <QString>

namespace tw::catalog {

// Identifier and literal text for generated PostgreSQL DDL. DDL is read by
// people, so names are quoted only when PostgreSQL needs it (as quote_ident()
// does); the escaping itself is db::Dialect::quoteIdentifier()'s.

// `orders`, `"Order Items"`, `"select"`, `"ÜmlautTäble"`, `"a""b"`.
QString pgIdent(const QString &name);
// schema.name, each part through pgIdent; no schema: the name alone.
QString pgQualified(const QString &schema, const QString &name);
// 'text' with embedded quotes doubled (standard_conforming_strings is on
// since 9.1, so backslashes need nothing).
QString pgLiteral(const QString &text);
// Keywords that are not "unreserved" in PostgreSQL 15 (pg_get_keywords()
// catcode <> 'U'): a name spelled like one must be quoted.
bool pgNeedsQuotingAsKeyword(const QString &word);

// quote_identifier() exactly as one server spells it, for texts that must be
// byte for byte the server's own (the reader spells index definitions as
// pg_get_indexdef would). pgIdent's list is fixed and deliberately a little
// longer (DDL may meet a newer server); this one is the server's list, read
// with the snapshot. Until set, it uses pgIdent's list.
class PgServerQuoting
{
public:
    // `keywords`: pg_get_keywords() words with catcode <> 'U'.
    // `quoteAll`: the quote_all_identifiers setting.
    void setKeywords(const QStringList &keywords, bool quoteAll);
    QString ident(const QString &name) const;

private:
    QSet<QString> m_keywords;
    bool m_fromServer = false;
    bool m_quoteAll = false;
};

} // namespace tw::catalog

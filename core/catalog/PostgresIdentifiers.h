#pragma once

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

} // namespace tw::catalog

#pragma once

// Text helpers the PostgreSQL DDL files share (PostgresDdl.cpp,
// PostgresTriggerDdl.cpp, PostgresSecurityDdl.cpp); not part of pgddl's API.
#include <QLatin1String>
#include <QString>

namespace tw::catalog::pgddl::detail {

inline constexpr QLatin1String kEnd(";\n");
inline constexpr QLatin1String kIndent("    ");

// pg_get_viewdef and pg_get_functiondef texts end in ";" or a newline; a
// statement gets exactly one ";". Leading spaces stay: pg_get_viewdef
// indents its first line like the ones after it.
inline QString statementText(QString text)
{
    while (!text.isEmpty() && (text.back().isSpace() || text.back() == u';'))
        text.chop(1);
    while (text.startsWith(QLatin1Char('\n')) || text.startsWith(QLatin1Char('\r')))
        text.remove(0, 1);
    return text;
}

} // namespace tw::catalog::pgddl::detail

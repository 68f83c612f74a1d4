// Row-level security of pgddl (PostgresDdl.h): ENABLE / FORCE ROW LEVEL
// SECURITY and CREATE POLICY.
#include "PostgresDdl.h"

#include "PostgresDdlText.h"
#include "PostgresIdentifiers.h"

namespace tw::catalog::pgddl {

using detail::kEnd;

QString rowSecurity(const Relation &relation)
{
    const QString table = QStringLiteral("ALTER TABLE ") + pgQualified(relation.schema, relation.name);
    QString sql;
    if (relation.rowSecurity)
        sql += table + QStringLiteral(" ENABLE ROW LEVEL SECURITY") + kEnd;
    if (relation.forceRowSecurity)
        sql += table + QStringLiteral(" FORCE ROW LEVEL SECURITY") + kEnd;
    return sql;
}

QString createPolicy(const Relation &relation, const Policy &policy)
{
    // pg_dump's spelling: defaults (PERMISSIVE, FOR ALL, TO PUBLIC) left out.
    QString sql = QStringLiteral("CREATE POLICY ") + pgIdent(policy.name) + QStringLiteral(" ON ")
                  + pgQualified(relation.schema, relation.name);
    if (!policy.permissive)
        sql += QStringLiteral(" AS RESTRICTIVE");
    static const QStringList kCommands{QStringLiteral("SELECT"), QStringLiteral("INSERT"), QStringLiteral("UPDATE"),
                                       QStringLiteral("DELETE")};
    // Only a known keyword goes into the text; anything else means ALL.
    if (kCommands.contains(policy.command))
        sql += QStringLiteral(" FOR ") + policy.command;
    // Only real roles are listed, each quoted like any name: a role may be
    // called "PUBLIC", and unquoted that would mean every role. An empty
    // list is the PUBLIC pseudo-role.
    if (!policy.roles.isEmpty()) {
        QStringList roles;
        for (const QString &role : policy.roles)
            roles << pgIdent(role);
        sql += QStringLiteral(" TO ") + roles.join(QStringLiteral(", "));
    }
    if (!policy.usingExpression.isEmpty())
        sql += QStringLiteral(" USING (") + policy.usingExpression + QLatin1Char(')');
    if (!policy.withCheck.isEmpty())
        sql += QStringLiteral(" WITH CHECK (") + policy.withCheck + QLatin1Char(')');
    return sql + kEnd;
}

} // namespace tw::catalog::pgddl

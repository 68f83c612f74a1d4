#include "ConfigPolicy.h"

#include "ConfigYaml.h"

namespace tw::config::yamlcheck {

const QStringList &policyPermissions()
{
    static const QStringList permissions{QStringLiteral("database:read"), QStringLiteral("database:write"),
                                         QStringLiteral("database:delete"), QStringLiteral("database:migrate"),
                                         QStringLiteral("database:admin")};
    return permissions;
}

QList<PolicyRule> policyRules(const YAML::Node &node, const QString &at)
{
    QList<PolicyRule> rules;
    if (node.IsNull())
        return rules;
    if (!node.IsSequence())
        fail(at, QStringLiteral("must be a list of rules (role, allow, connections, tables, deny_columns)"), node);
    for (std::size_t i = 0; i < node.size(); ++i) {
        const QString rat = QStringLiteral("%1[%2]").arg(at).arg(i);
        const auto keys = entries(node[i], rat, {"role", "allow", "connections", "tables", "deny_columns"});
        auto has = [&](const char *key) { return keys.contains(QLatin1String(key)); };
        auto get = [&](const char *key) { return keys.value(QLatin1String(key)); };
        PolicyRule rule;
        if (!has("role"))
            fail(child(rat, "role"), QStringLiteral("missing role"), node[i]);
        rule.role = text(get("role"), child(rat, "role"));
        if (!has("allow"))
            fail(child(rat, "allow"), QStringLiteral("missing allow (a list of permissions)"), node[i]);
        rule.allow = textList(get("allow"), child(rat, "allow"));
        for (qsizetype p = 0; p < rule.allow.size(); ++p) {
            if (!policyPermissions().contains(rule.allow.at(p)))
                fail(QStringLiteral("%1[%2]").arg(child(rat, "allow")).arg(p),
                     QStringLiteral("unknown permission '%1' (one of: %2)")
                         .arg(rule.allow.at(p), policyPermissions().join(QStringLiteral(", "))),
                     get("allow")[std::size_t(p)]);
        }
        // No default for connections: a rule that silently covered every
        // connection would be the opposite of deny by default.
        if (!has("connections"))
            fail(child(rat, "connections"), QStringLiteral("missing connections (names or patterns; \"*\" for all)"),
                 node[i]);
        rule.connections = textList(get("connections"), child(rat, "connections"));
        if (rule.connections.isEmpty())
            fail(child(rat, "connections"), QStringLiteral("must name at least one connection"), get("connections"));
        rule.tables = has("tables") ? textList(get("tables"), child(rat, "tables")) : QStringList{QStringLiteral("*")};
        if (rule.tables.isEmpty())
            fail(child(rat, "tables"), QStringLiteral("must name at least one table pattern (leave it out for all)"), get("tables"));
        if (has("deny_columns")) {
            rule.denyColumns = textList(get("deny_columns"), child(rat, "deny_columns"));
            for (qsizetype c = 0; c < rule.denyColumns.size(); ++c) {
                if (rule.denyColumns.at(c).count(QLatin1Char('.')) < 2)
                    fail(QStringLiteral("%1[%2]").arg(child(rat, "deny_columns")).arg(c),
                         QStringLiteral("must be schema.table.column (SQLite: main.table.column)"),
                         get("deny_columns")[std::size_t(c)]);
            }
        }
        rules << rule;
    }
    return rules;
}

} // namespace tw::config::yamlcheck

#include "Policy.h"

#include <array>
#include <utility>

namespace tw::http {

namespace {

constexpr std::array<std::pair<Permission, const char *>, 5> kNames{{
    {Permission::Read, "database:read"},
    {Permission::Write, "database:write"},
    {Permission::Delete, "database:delete"},
    {Permission::Migrate, "database:migrate"},
    {Permission::Admin, "database:admin"},
}};

// Only '*' (any run of characters) and '?' (one character) are special;
// everything else, brackets and slashes included, is itself. Qt 6.4's
// wildcardToRegularExpression() treats '/' as a path separator and '[' as a
// class, which names of tables may contain. Whole-name and case-sensitive:
// PostgreSQL names are case-sensitive once quoted, so "Public.*" must not
// open "public".
QRegularExpression glob(const QString &pattern)
{
    QString re = QStringLiteral("\\A");
    for (const QChar c : pattern) {
        if (c == QLatin1Char('*'))
            re += QLatin1String(".*");
        else if (c == QLatin1Char('?'))
            re += QLatin1Char('.');
        else
            re += QRegularExpression::escape(QString(c));
    }
    re += QLatin1String("\\z");
    return QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption);
}

} // namespace

QString permissionName(Permission permission)
{
    for (const auto &[value, name] : kNames) {
        if (value == permission)
            return QLatin1String(name);
    }
    return {};
}

std::optional<Permission> permissionFromName(const QString &name)
{
    for (const auto &[value, text] : kNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

Policy::Policy(const QList<config::PolicyRule> &rules)
{
    for (const config::PolicyRule &source : rules) {
        Rule rule;
        rule.role = source.role;
        for (const QString &name : source.allow) {
            if (const auto permission = permissionFromName(name))
                rule.allow << *permission;
        }
        for (const QString &pattern : source.connections)
            rule.connections << glob(pattern);
        // No default here: an empty list matches no table (the config parser
        // fills in "*" only when the key is absent).
        for (const QString &pattern : source.tables)
            rule.tables << glob(pattern);
        rule.denyColumns = source.denyColumns;
        m_rules << rule;
    }
}

bool Policy::matchesAny(const QList<QRegularExpression> &patterns, const QString &name)
{
    for (const QRegularExpression &pattern : patterns) {
        if (pattern.isValid() && pattern.match(name).hasMatch())
            return true;
    }
    return false;
}

bool Policy::grants(const Rule &rule, Permission permission)
{
    return rule.allow.contains(permission) || rule.allow.contains(Permission::Admin);
}

bool Policy::allows(const QStringList &roles, Permission permission, const QString &connection,
                    const QString &table) const
{
    for (const Rule &rule : m_rules) {
        if (!roles.contains(rule.role) || !grants(rule, permission) || !matchesAny(rule.connections, connection))
            continue;
        if (table.isEmpty() || matchesAny(rule.tables, table))
            return true;
    }
    return false;
}

QList<Permission> Policy::permissions(const QStringList &roles, const QString &connection) const
{
    QList<Permission> held;
    for (const auto &[permission, name] : kNames) {
        Q_UNUSED(name);
        if (allows(roles, permission, connection))
            held << permission;
    }
    return held;
}

QStringList Policy::deniedColumns(const QStringList &roles, const QString &connection, const QString &table,
                                  Permission permission) const
{
    const QString prefix = table + QLatin1Char('.');
    std::optional<QStringList> denied;
    for (const Rule &rule : m_rules) {
        if (!roles.contains(rule.role) || !grants(rule, permission) || !matchesAny(rule.connections, connection)
            || !matchesAny(rule.tables, table))
            continue;
        QStringList mine;
        for (const QString &entry : rule.denyColumns) {
            if (entry.startsWith(prefix))
                mine << entry.mid(prefix.size());
        }
        if (!denied) {
            denied = mine;
        } else {
            // Another rule grants it on the table: only what both hide stays hidden.
            QStringList both;
            for (const QString &column : std::as_const(*denied)) {
                if (mine.contains(column))
                    both << column;
            }
            denied = both;
        }
    }
    return denied.value_or(QStringList{});
}

} // namespace tw::http

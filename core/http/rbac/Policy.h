#pragma once

#include "config/AppConfig.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace tw::http {

enum class Permission { Read, Write, Delete, Migrate, Admin };

QString permissionName(Permission permission);               // "database:read", …
std::optional<Permission> permissionFromName(const QString &name);

// The API's role-based access policy (config api.policy), evaluated: deny by
// default; a caller holds a permission on a connection's table when one of
// its roles has a rule granting it whose connection and table patterns
// match. database:admin implies every other permission. Readonly
// connections are the caller's to enforce (they refuse writes whoever asks).
class Policy
{
public:
    Policy() = default;
    explicit Policy(const QList<config::PolicyRule> &rules);

    // `table` is "schema.table" (SQLite: "main.table"); empty asks about the
    // connection as a whole (some table of it, e.g. for listing).
    bool allows(const QStringList &roles, Permission permission, const QString &connection,
                const QString &table = {}) const;
    // Every permission the roles hold on the connection (for whoami and the GUI).
    QList<Permission> permissions(const QStringList &roles, const QString &connection) const;
    // Columns of `table` hidden from these roles: those every rule that lets
    // them read the table denies (a role that may see a column shows it).
    // With another permission: those every rule granting that one denies
    // (a write-only rule's deny_columns bind the columns it writes).
    QStringList deniedColumns(const QStringList &roles, const QString &connection, const QString &table,
                              Permission permission = Permission::Read) const;

private:
    struct Rule
    {
        QString role;
        QList<Permission> allow;
        QList<QRegularExpression> connections;
        QList<QRegularExpression> tables;
        QStringList denyColumns;   // "schema.table.column"
    };
    static bool matchesAny(const QList<QRegularExpression> &patterns, const QString &name);
    static bool grants(const Rule &rule, Permission permission);

    QList<Rule> m_rules;
};

} // namespace tw::http

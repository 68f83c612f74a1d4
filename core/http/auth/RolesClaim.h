#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw::http::auth {

// The caller's roles from a claim path: "roles", "groups",
// "realm_access.roles", "resource_access.<client>.roles" (dotted; a client
// id containing dots is matched as the longest existing key), or "scope"
// (a space-separated string). An array must hold only strings; a string is
// split on spaces. A missing claim is an empty set; a claim of another type
// is nullopt (the token is refused, never read as "no roles").
std::optional<QStringList> rolesFromClaims(const QJsonObject &claims, const QString &path);

} // namespace tw::http::auth

#include "RolesClaim.h"

#include <QJsonArray>
#include <QJsonValue>

namespace tw::http::auth {

namespace {

std::optional<QStringList> rolesOf(const QJsonValue &value)
{
    QStringList roles;
    if (value.isString()) {
        roles = value.toString().split(u' ', Qt::SkipEmptyParts);
    } else if (value.isArray()) {
        for (const QJsonValue &entry : value.toArray()) {
            // One non-string entry makes the whole claim suspect: refuse it
            // rather than grant the roles that happen to be strings.
            if (!entry.isString())
                return std::nullopt;
            roles.append(entry.toString());
        }
    } else {
        return std::nullopt;
    }
    roles.removeDuplicates();
    roles.removeAll(QString());
    return roles;
}

} // namespace

std::optional<QStringList> rolesFromClaims(const QJsonObject &claims, const QString &path)
{
    const QStringList parts = path.split(u'.');
    if (path.isEmpty() || parts.contains(QString()))
        return std::nullopt;

    QJsonObject current = claims;
    qsizetype at = 0;
    while (at < parts.size()) {
        // Client ids such as "api.example.com" contain dots: at each level
        // the longest run of parts that is an existing key wins.
        qsizetype end = parts.size();
        for (; end > at; --end) {
            if (current.contains(parts.mid(at, end - at).join(u'.')))
                break;
        }
        if (end == at)
            return QStringList(); // the claim is absent: no roles
        const QJsonValue value = current.value(parts.mid(at, end - at).join(u'.'));
        if (end == parts.size())
            return rolesOf(value);
        if (!value.isObject())
            return std::nullopt;
        current = value.toObject();
        at = end;
    }
    return QStringList();
}

} // namespace tw::http::auth

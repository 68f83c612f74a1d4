#pragma once

#include "HttpMessage.h"
#include "RequestCancel.h"

#include <QByteArrayList>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <variant>

namespace tw::http::auth {
struct Identity;
}

namespace tw::http {

// Who may call a route before its handler runs (finer checks are the
// handler's: RBAC needs the connection and table it names).
enum class Access {
    Public,          // health, ready: no token
    Metrics,         // public or authenticated, by config
    Authenticated,   // a valid bearer token
};

struct RequestContext
{
    HttpRequest request;
    const auth::Identity *identity = nullptr;   // set for authenticated calls
    // Cancelled when the client goes away before its answer (null for calls
    // made outside a connection, e.g. in tests).
    std::shared_ptr<RequestCancel> cancel;
};

using Handler = std::function<QFuture<HttpResponse>(const RequestContext &)>;

struct Route
{
    QByteArray method;
    QString pattern;              // "/api/v1/connections/{connection}"
    Access access = Access::Authenticated;
    Handler handler;
};

// Matches method and path to a route. Path segments in braces capture one
// percent-decoded segment; everything else matches literally. A GET route
// also answers HEAD (the body is dropped when written).
class Router
{
public:
    void add(Route route);

    struct Match
    {
        const Route *route;
        QHash<QString, QString> params;
    };
    struct NotFound {};
    struct MethodNotAllowed
    {
        QByteArrayList allow;
    };
    std::variant<Match, NotFound, MethodNotAllowed> match(const QByteArray &method, const QString &path) const;

private:
    static std::optional<QHash<QString, QString>> matchPattern(const QStringList &pattern, const QStringList &segments);

    struct Entry
    {
        Route route;
        QStringList segments;
    };
    QList<Entry> m_routes;
};

} // namespace tw::http

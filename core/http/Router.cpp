#include "Router.h"

#include <QUrl>

namespace tw::http {

namespace {

QStringList splitPath(const QString &path)
{
    QStringList segments = path.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    return segments;
}

} // namespace

void Router::add(Route route)
{
    const QStringList segments = splitPath(route.pattern);
    m_routes.append({std::move(route), segments});
}

std::optional<QHash<QString, QString>> Router::matchPattern(const QStringList &pattern, const QStringList &segments)
{
    if (pattern.size() != segments.size())
        return std::nullopt;
    QHash<QString, QString> params;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern.at(i);
        if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}'))) {
            if (segments.at(i).isEmpty())
                return std::nullopt;
            params.insert(p.mid(1, p.size() - 2), segments.at(i));
        } else if (p != segments.at(i)) {
            return std::nullopt;
        }
    }
    return params;
}

std::variant<Router::Match, Router::NotFound, Router::MethodNotAllowed> Router::match(const QByteArray &method,
                                                                                       const QString &path) const
{
    // Segments are split before decoding, so an encoded "/" (%2F) stays inside its segment.
    QStringList segments = splitPath(path);
    for (QString &segment : segments)
        segment = QUrl::fromPercentEncoding(segment.toUtf8());
    QByteArrayList allow;
    for (const Entry &entry : m_routes) {
        auto params = matchPattern(entry.segments, segments);
        if (!params)
            continue;
        const bool fits = entry.route.method == method || (method == "HEAD" && entry.route.method == "GET");
        if (fits)
            return Match{&entry.route, std::move(*params)};
        if (!allow.contains(entry.route.method))
            allow << entry.route.method;
        if (entry.route.method == "GET" && !allow.contains("HEAD"))
            allow << "HEAD";
    }
    if (allow.isEmpty())
        return NotFound{};
    return MethodNotAllowed{allow};
}

} // namespace tw::http

#include "RestShapeCache.h"

#include "RestRead.h"
#include "db/Session.h"
#include "http/rest/RestError.h"

namespace tw::data {

RestShapeCache &RestShapeCache::instance()
{
    static RestShapeCache cache;
    return cache;
}

QString RestShapeCache::keyFor(const config::ConnectionProfile &profile, const QString &table)
{
    // The name alone could survive a profile edit pointing at another database.
    return profile.name + u'\x1f' + profile.host + u'\x1f' + QString::number(profile.port) + u'\x1f' + profile.database
           + u'\x1f' + profile.user + u'\x1f' + table;
}

std::optional<TableShape> RestShapeCache::find(const QString &key, Clock::time_point now)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return std::nullopt;
    if (now >= it->expires) {
        m_entries.erase(it);
        return std::nullopt;
    }
    return it->shape;
}

void RestShapeCache::insert(const QString &key, const TableShape &shape, Clock::time_point now)
{
    QMutexLocker lock(&m_mutex);
    if (m_ttl.count() <= 0)
        return;
    // Bounded: a caller naming many tables only makes the cache start over.
    if (m_entries.size() >= kCapacity && !m_entries.contains(key))
        m_entries.clear();
    m_entries.insert(key, Entry{shape, now + m_ttl});
}

void RestShapeCache::drop(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(key);
}

void RestShapeCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

std::chrono::milliseconds RestShapeCache::ttl() const
{
    QMutexLocker lock(&m_mutex);
    return m_ttl;
}

void RestShapeCache::setTtl(std::chrono::milliseconds ttl)
{
    QMutexLocker lock(&m_mutex);
    m_ttl = ttl;
    if (ttl.count() <= 0)
        m_entries.clear();
}

bool isStaleShapeError(const Error &error)
{
    if (error.code() == ErrorCode::TableNotFound)
        return true;
    // The checks made from the shape: an unknown column (42703), PGRST204.
    const QString code = http::rest::pgrstCode(error);
    if (code == QLatin1String("42703") || code == QLatin1String(http::rest::kUnknownColumn))
        return true;
    // The server's own: undefined column / table, a cached plan whose result changed.
    const QString state = error.details().value(QStringLiteral("sqlstate")).toString();
    return state == QLatin1String("42703") || state == QLatin1String("42P01") || state == QLatin1String("0A000");
}

Result<TableShape> cachedRestTable(db::Session &session, const QString &table, bool *cached)
{
    RestShapeCache &cache = RestShapeCache::instance();
    const QString key = RestShapeCache::keyFor(session.profile(), table);
    if (auto shape = cache.find(key)) {
        *cached = true;
        return *std::move(shape);
    }
    *cached = false;
    auto shape = describeRestTable(session, table);
    if (shape)
        cache.insert(key, shape.value());
    return shape;
}

void forgetRestTable(db::Session &session, const QString &table)
{
    RestShapeCache::instance().drop(RestShapeCache::keyFor(session.profile(), table));
}

} // namespace tw::data

#include "StatementCache.h"

namespace tw::db {

QSqlQuery makeQuery(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    // QPSQL streams forward-only results row by row (single-row mode), and a
    // second statement on the connection then cuts the first one short. So
    // PostgreSQL results are fetched whole; large reads page (keyset) or
    // COPY instead. QSQLITE steps its statements independently.
    query.setForwardOnly(db.driverName() != QLatin1String("QPSQL"));
    return query;
}

StatementCache::StatementCache(int capacity)
    : m_capacity(capacity)
{}

std::shared_ptr<void> StatementCache::makeToken(const QSqlQuery &query)
{
    // When the last Rows from this lease dies, release the result set but
    // keep the prepared statement for the next use.
    return std::shared_ptr<void>(nullptr, [held = QSqlQuery(query)](void *) mutable { held.finish(); });
}

std::optional<QSqlError> StatementCache::acquire(const QSqlDatabase &db, const QString &sql, Lease &out)
{
    auto it = m_slots.find(sql);
    if (it != m_slots.end() && it->token.expired()) {
        auto token = makeToken(it->query);
        it->token = token;
        it->lastUse = ++m_tick;
        out = Lease{it->query, std::move(token), true};
        return std::nullopt;
    }

    QSqlQuery query = makeQuery(db);
    if (!query.prepare(sql))
        return query.lastError();
    auto token = makeToken(query);
    const bool cache = it == m_slots.end() && m_capacity > 0;
    if (cache) {
        if (m_slots.size() >= m_capacity)
            evictOne();
        m_slots.insert(sql, Slot{query, token, ++m_tick});
    }
    out = Lease{query, std::move(token), cache};
    return std::nullopt;
}

void StatementCache::drop(const QString &sql)
{
    m_slots.remove(sql);
}

void StatementCache::clear()
{
    m_slots.clear();
}

void StatementCache::evictOne()
{
    auto victim = m_slots.end();
    for (auto it = m_slots.begin(); it != m_slots.end(); ++it) {
        if (it->token.expired() && (victim == m_slots.end() || it->lastUse < victim->lastUse))
            victim = it;
    }
    // All reserved: drop the oldest anyway; its holder keeps its own copy.
    if (victim == m_slots.end()) {
        for (auto it = m_slots.begin(); it != m_slots.end(); ++it) {
            if (victim == m_slots.end() || it->lastUse < victim->lastUse)
                victim = it;
        }
    }
    if (victim != m_slots.end())
        m_slots.erase(victim);
}

} // namespace tw::db

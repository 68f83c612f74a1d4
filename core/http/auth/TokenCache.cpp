#include "TokenCache.h"

#include "crypto/Sha256.h"

#include <QMutexLocker>

namespace tw::http::auth {

TokenCache::TokenCache(int capacity)
    : m_capacity(std::max(1, capacity))
{
}

QByteArray TokenCache::digestOf(QByteArrayView token)
{
    // Runs on every request: crypto::sha256 is OpenSSL's, fetched once.
    return crypto::sha256(token);
}

std::optional<VerifiedToken> TokenCache::find(QByteArrayView token, const QDateTime &now)
{
    const QByteArray digest = digestOf(token);
    QMutexLocker lock(&m_mutex);
    const auto it = m_index.constFind(digest);
    if (it == m_index.cend())
        return std::nullopt;
    const auto entry = it.value();
    // Cached tokens stop at exp itself, without leeway: a little stricter
    // than the validator, never looser.
    if (!(now < entry->token.expiresAt)) {
        m_lru.erase(entry);
        m_index.erase(it);
        return std::nullopt;
    }
    m_lru.splice(m_lru.begin(), m_lru, entry);
    return entry->token;
}

void TokenCache::insert(QByteArrayView token, const VerifiedToken &verified)
{
    if (!verified.expiresAt.isValid())
        return;
    const QByteArray digest = digestOf(token);
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_index.constFind(digest); it != m_index.cend()) {
        it.value()->token = verified;
        m_lru.splice(m_lru.begin(), m_lru, it.value());
        return;
    }
    m_lru.push_front(Entry{digest, verified});
    m_index.insert(digest, m_lru.begin());
    while (int(m_lru.size()) > m_capacity) {
        m_index.remove(m_lru.back().digest);
        m_lru.pop_back();
    }
}

void TokenCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_lru.clear();
    m_index.clear();
}

int TokenCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_lru.size());
}

} // namespace tw::http::auth

#pragma once

#include "JwtValidator.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <list>
#include <optional>

namespace tw::http::auth {

// Recently verified tokens, so a client sending the same token on every
// request pays for one signature check. Keyed by SHA-256 of the token (the
// token itself is never kept); an entry is used only before its exp and is
// dropped when the key set changes (clear()). Bounded, least recently used
// out first. Thread-safe.
class TokenCache
{
public:
    explicit TokenCache(int capacity = 4096);

    std::optional<VerifiedToken> find(QByteArrayView token, const QDateTime &now);
    void insert(QByteArrayView token, const VerifiedToken &verified);
    void clear();
    int size() const;

private:
    struct Entry
    {
        QByteArray digest;
        VerifiedToken token;
    };
    static QByteArray digestOf(QByteArrayView token);

    int m_capacity;
    mutable QMutex m_mutex;
    std::list<Entry> m_lru;       // front = most recent
    QHash<QByteArray, std::list<Entry>::iterator> m_index;
};

} // namespace tw::http::auth

#include "PageCache.h"

#include <algorithm>
#include <limits>

namespace tw::ui {

PageCache::PageCache(int pageSize, int capacity)
    : m_pageSize(std::max(1, pageSize))
    , m_capacity(std::max(1, capacity))
{
}

void PageCache::setPageSize(int rows)
{
    rows = std::max(1, rows);
    if (rows == m_pageSize)
        return;
    m_pageSize = rows;
    clear();
}

void PageCache::setCapacity(int pages)
{
    m_capacity = std::max(1, pages);
    evictBeyondCapacity(nullptr);
}

QList<qint64> PageCache::insert(qint64 page, QList<data::Row> rows)
{
    Entry &entry = m_pages[page];
    entry.rows = std::move(rows);
    entry.lastUse = ++m_clock;
    QList<qint64> evicted;
    evictBeyondCapacity(&evicted);
    return evicted;
}

const QList<data::Row> *PageCache::page(qint64 page) const
{
    const auto it = m_pages.constFind(page);
    return it == m_pages.cend() ? nullptr : &it->rows;
}

void PageCache::touch(qint64 page)
{
    const auto it = m_pages.find(page);
    if (it != m_pages.end())
        it->lastUse = ++m_clock;
}

bool PageCache::remove(qint64 page)
{
    return m_pages.remove(page);
}

void PageCache::clear()
{
    m_pages.clear();
    m_focus = -1;
}

const data::Row *PageCache::row(qint64 viewRow) const
{
    if (viewRow < 0)
        return nullptr;
    const auto it = m_pages.constFind(viewRow / m_pageSize);
    if (it == m_pages.cend())
        return nullptr;
    const qint64 offset = viewRow % m_pageSize;
    return offset < it->rows.size() ? &it->rows.at(offset) : nullptr;
}

void PageCache::evictBeyondCapacity(QList<qint64> *evicted)
{
    // A linear scan per eviction: the cache holds a few dozen pages, and a
    // second index (an LRU list) would cost more in bookkeeping than it saves.
    while (m_pages.size() > m_capacity) {
        auto victim = m_pages.end();
        quint64 oldest = std::numeric_limits<quint64>::max();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            const bool nearFocus = m_focus >= 0 && it.key() >= m_focus - 1 && it.key() <= m_focus + 1;
            if (nearFocus && m_capacity > 3)
                continue;
            if (it->lastUse < oldest) {
                oldest = it->lastUse;
                victim = it;
            }
        }
        if (victim == m_pages.end())
            break;
        if (evicted)
            evicted->append(victim.key());
        m_pages.erase(victim);
    }
}

} // namespace tw::ui

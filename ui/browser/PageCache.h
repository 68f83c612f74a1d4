#pragma once

#include "data/Page.h"

#include <QHash>
#include <QList>

namespace tw::ui {

// The rows a table view has loaded, by page: page p holds the view rows
// [p * pageSize, p * pageSize + rows). Bounded (DB Browser for SQLite's
// RowCache keeps every row it ever read; this one keeps `capacity` pages), so
// memory stays flat however far the user scrolls. A plain class: only the
// model touches it, on the GUI thread, so it needs no lock.
class PageCache
{
public:
    explicit PageCache(int pageSize = 200, int capacity = 32);

    int pageSize() const { return m_pageSize; }
    // Changing the page size renumbers everything: the cache is emptied.
    void setPageSize(int rows);
    int capacity() const { return m_capacity; }
    // Evicts at once when the new bound is lower.
    void setCapacity(int pages);

    // The page the user looks at: it and its neighbours are never evicted,
    // whatever their age, so the rows on screen do not flicker back to
    // placeholders while a far page lands.
    void setFocus(qint64 page) { m_focus = page; }
    qint64 focus() const { return m_focus; }

    // Stores (or replaces) a page and counts as a use; returns the pages
    // evicted to stay within the bound.
    QList<qint64> insert(qint64 page, QList<data::Row> rows);
    bool contains(qint64 page) const { return m_pages.contains(page); }
    // nullptr when absent. Does not count as a use: see touch().
    const QList<data::Row> *page(qint64 page) const;
    void touch(qint64 page);
    bool remove(qint64 page);
    void clear();

    int pageCount() const { return int(m_pages.size()); }
    QList<qint64> pages() const { return m_pages.keys(); }

    qint64 pageOf(qint64 viewRow) const { return viewRow < 0 ? -1 : viewRow / m_pageSize; }
    // The row at a view position, nullptr when its page is not cached or is
    // shorter than the position (a page that met the end of the data).
    const data::Row *row(qint64 viewRow) const;

private:
    struct Entry
    {
        QList<data::Row> rows;
        quint64 lastUse = 0;
    };

    void evictBeyondCapacity(QList<qint64> *evicted);

    int m_pageSize;
    int m_capacity;
    qint64 m_focus = -1;
    quint64 m_clock = 0;
    QHash<qint64, Entry> m_pages;
};

} // namespace tw::ui

// The loading half of TableModel: pages on demand, prefetch, row count.
#include "TableModel.h"

#include "async/Then.h"
#include "data/DataService.h"
#include "db/ConnectionRegistry.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace tw::ui {

namespace {

// A paint asks for the two or three pages on screen; more demand jobs than
// this in flight means the user scrolled past the older ones.
constexpr int kMaxDemandInFlight = 3;

bool isForward(data::PageAnchor::Kind kind)
{
    using K = data::PageAnchor::Kind;
    return kind == K::First || kind == K::After || kind == K::AtOrAfter || kind == K::Fraction;
}

} // namespace

void TableModel::startBrowse()
{
    if (!m_registry || m_connection.isEmpty())
        return;
    const quint64 generation = m_generation;
    const auto estimate = data::estimateCount(*m_registry, m_connection, m_shape, m_browse);
    async::then(estimate, this, [this, generation](const Result<qint64> &estimate) {
        if (generation != m_generation || m_countExact || m_endSeen)
            return;
        if (!estimate.ok() || estimate.value() < 0) {
            // No cheap answer: the real count, in the background; until
            // then the first pages set how far the view reaches.
            requestExactCount();
            return;
        }
        setLoadedRowCount(std::max(estimate.value(), m_minRows), false);
    });
    fetchPage(0, false);
}

void TableModel::retryLater(qint64 page)
{
    // A restarting server, a busy pool: worth another try, a little later
    // each time (1, 2, 4 … 30 s), instead of "…" until the user refreshes.
    const int attempt = m_retries.value(page, 0);
    m_retries.insert(page, attempt + 1);
    const int delayMs = std::min(1000 << std::min(attempt, 5), 30000);
    QTimer::singleShot(delayMs, this, [this, generation = m_generation, page] {
        if (generation != m_generation || !m_failed.remove(page))
            return;
        // Fetched again at once rather than on the next paint: with no rows
        // shown yet (the first page failed), nothing would paint.
        if (!m_cache.contains(page) && !m_inFlight.contains(page))
            fetchPage(page, false);
    });
}

void TableModel::requestPage(qint64 page) const
{
    if (m_failed.contains(page))
        return;
    m_requested.removeOne(page);
    m_requested.append(page);
    if (!m_fetchTimer->isActive())
        m_fetchTimer->start();
}

void TableModel::fetchRequested()
{
    // Only the pages of the latest paint matter (DB4S RowLoader): a burst of
    // scrolling asks for many, the last few win.
    QList<qint64> wanted;
    for (auto it = m_requested.crbegin(); it != m_requested.crend() && wanted.size() < kMaxDemandInFlight; ++it) {
        if (!m_cache.contains(*it) && !m_failed.contains(*it) && *it <= lastPage())
            wanted.prepend(*it);
    }
    m_requested.clear();
    if (wanted.isEmpty())
        return;
    m_cache.setFocus(wanted.constLast());
    for (qint64 page : std::as_const(wanted)) {
        const auto it = m_inFlight.find(page);
        if (it == m_inFlight.end())
            fetchPage(page, false);
        else {
            it->prefetch = false;
            it->stamp = ++m_stamp;
        }
    }
    // Cancel the oldest demand jobs beyond the bound: their rows scrolled away.
    for (;;) {
        int demand = 0;
        auto oldest = m_inFlight.end();
        for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it) {
            if (it->prefetch)
                continue;
            ++demand;
            if (!wanted.contains(it.key()) && (oldest == m_inFlight.end() || it->stamp < oldest->stamp))
                oldest = it;
        }
        if (demand <= kMaxDemandInFlight || oldest == m_inFlight.end())
            break;
        m_registry->cancel(m_connection, oldest->jobId);
        m_inFlight.erase(oldest);
    }
    updateBusy();
}

qint64 TableModel::lastPage() const
{
    const qint64 rows = std::max<qint64>(m_rowCount, 1);
    return (rows - 1) / m_cache.pageSize();
}

data::PageAnchor TableModel::anchorFor(qint64 page, int *limit) const
{
    const int size = m_cache.pageSize();
    *limit = size;
    if (page == 0)
        return data::PageAnchor::first();
    const QList<data::Row> *previous = m_cache.page(page - 1);
    if (previous && previous->size() == size)
        return data::PageAnchor::after(previous->constLast().orderKey);
    const QList<data::Row> *next = m_cache.page(page + 1);
    if (next && !next->isEmpty())
        return data::PageAnchor::before(next->constFirst().orderKey);
    if (page >= lastPage() && m_rowCount > 0) {
        *limit = int(std::clamp<qint64>(m_rowCount - page * size, 1, size));
        return data::PageAnchor::last();
    }
    return data::PageAnchor::at(m_rowCount > 0 ? double(page * size) / double(m_rowCount) : 0.0);
}

void TableModel::fetchPage(qint64 page, bool prefetch)
{
    if (!m_registry || m_connection.isEmpty() || m_inFlight.contains(page))
        return;
    int limit = 0;
    data::PageRequest request = m_browse;
    request.anchor = anchorFor(page, &limit);
    request.limit = limit;
    const auto kind = request.anchor.kind;
    auto job = data::startPageLoad(*m_registry, m_connection, m_shape, std::move(request));
    // Whether the page's rows sit exactly at their view positions: read from
    // the start (or, with the exact count, from the end) through neighbours
    // that do. A Fraction page is only about where it is drawn.
    using K = data::PageAnchor::Kind;
    const bool exact = kind == K::First || (kind == K::After && m_exactPages.contains(page - 1))
        || (m_countExact && (kind == K::Last || (kind == K::Before && m_exactPages.contains(page + 1))));
    m_inFlight.insert(page, Flight{job.id, prefetch, ++m_stamp, exact});
    const quint64 generation = m_generation;
    async::then(job.future, this, [this, generation, page, id = job.id, kind, limit](const Result<data::Page> &result) {
        pageArrived(generation, page, id, kind, limit, result);
    });
    updateBusy();
}

void TableModel::pageArrived(quint64 generation, qint64 page, quint64 jobId, data::PageAnchor::Kind kind, int limit,
                             const Result<data::Page> &result)
{
    using K = data::PageAnchor::Kind;
    // setBrowse(), setTable() or commit() bumped the generation: these rows
    // belong to another browse and must never be shown.
    if (generation != m_generation)
        return;
    const auto flight = m_inFlight.constFind(page);
    if (flight == m_inFlight.cend() || flight->jobId != jobId)
        return; // cancelled and asked for again since
    const bool wasPrefetch = flight->prefetch;
    const bool exactPosition = flight->exactPosition;
    m_inFlight.erase(flight);
    updateBusy();
    if (!result.ok()) {
        if (result.error().code() != ErrorCode::QueryCancelled) {
            m_failed.insert(page); // not retried on every paint; a new browse clears it
            if (retryFor(result.error().code()) == Retry::Later)
                retryLater(page);
            emit loadFailed(result.error());
        }
        return;
    }
    const data::Page &loaded = result.value();
    const int size = m_cache.pageSize();
    QList<data::Row> rows = loaded.rows;
    if (rows.size() > size)
        rows.resize(size);

    if (kind == K::Last && loaded.atStart) {
        // Everything fits in fewer rows than the view reached: they are the
        // whole browse, from row 0.
        const qint64 total = rows.size();
        m_cache.clear();
        m_exactPages.clear();
        for (qint64 p = 0; p * size < total; ++p) {
            m_cache.insert(p, rows.mid(p * size, size));
            m_exactPages.insert(p);
        }
        m_minRows = total;
        setLoadedRowCount(total, true);
        if (total > 0)
            emit dataChanged(index(m_stage.newRowCount(), 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }

    if ((kind == K::Before || kind == K::Last) && loaded.atStart && page > 0 && !m_countExact) {
        // Read backwards, the data began before this page was full: the
        // estimate placed the rows too far down. Pages put there would leave
        // a hole that never fills; the exact count puts them right, and the
        // rows on screen are asked for again.
        m_cache.clear();
        m_exactPages.clear();
        requestExactCount();
        emitAllChanged();
        return;
    }
    m_retries.remove(page);
    for (qint64 evicted : m_cache.insert(page, rows))
        m_exactPages.remove(evicted);
    if (exactPosition)
        m_exactPages.insert(page);
    else
        m_exactPages.remove(page);
    const qint64 end = page * size + rows.size();
    if (isForward(kind)) {
        if (exactPosition)
            m_minRows = std::max(m_minRows, end + (loaded.atEnd ? 0 : 1));
        if (loaded.atEnd) {
            // The data ends here, whatever the estimate said. Exactly so when
            // the page sits where it belongs; after a Fraction jump it is a
            // guess, so the real count is asked for.
            // An exact count is not overruled by a guess.
            if (exactPosition) {
                m_endSeen = true;
                setLoadedRowCount(end, true);
            } else if (!m_countExact) {
                if (end != m_rowCount)
                    requestExactCount();
                setLoadedRowCount(end, false);
            }
        } else if (!m_countExact && rows.size() == limit && end >= m_rowCount) {
            // More rows than estimated: let the view reach one page further.
            setLoadedRowCount(end + size, false);
        }
    }
    const qint64 first = page * size;
    const qint64 last = std::min(end, m_rowCount) - 1;
    if (last >= first) {
        const int offset = m_stage.newRowCount();
        emit dataChanged(index(int(first + offset), 0), index(int(last + offset), columnCount() - 1));
    }
    m_lastLanded = page;
    // Only after a page the user asked for: a prefetch prefetching its own
    // neighbour would walk through the whole table in the background.
    if (!wasPrefetch)
        prefetchAround(page);
}

void TableModel::prefetchAround(qint64 page)
{
    for (const auto &flight : std::as_const(m_inFlight)) {
        if (flight.prefetch)
            return; // one at a time: demand loads go first
    }
    const qint64 next = page + 1;
    if (next <= lastPage() && next * m_cache.pageSize() < m_rowCount && !m_cache.contains(next)
        && !m_inFlight.contains(next) && !m_failed.contains(next)) {
        fetchPage(next, true);
        return;
    }
    const qint64 previous = page - 1;
    if (previous >= 0 && !m_cache.contains(previous) && !m_inFlight.contains(previous)
        && !m_failed.contains(previous))
        fetchPage(previous, true);
}

void TableModel::setLoadedRowCount(qint64 count, bool exact)
{
    const int offset = m_stage.newRowCount();
    count = std::clamp<qint64>(count, 0, std::numeric_limits<int>::max() - offset - 1);
    const qint64 old = m_rowCount;
    if (count > old) {
        beginInsertRows({}, int(old + offset), int(count + offset - 1));
        m_rowCount = count;
        endInsertRows();
    } else if (count < old) {
        beginRemoveRows({}, int(count + offset), int(old + offset - 1));
        m_rowCount = count;
        for (qint64 page : m_cache.pages()) {
            if (page * m_cache.pageSize() >= count && page > 0) {
                m_cache.remove(page);
                m_exactPages.remove(page);
            }
        }
        endRemoveRows();
    }
    const bool changed = count != old || exact != m_countExact;
    m_countExact = exact;
    if (changed)
        emit countChanged(m_rowCount, m_countExact);
}

void TableModel::requestExactCount()
{
    if (m_counting || !m_registry || m_connection.isEmpty())
        return;
    auto job = data::startCount(*m_registry, m_connection, m_shape, m_browse);
    m_counting = true;
    m_countJob = job.id;
    const quint64 generation = m_generation;
    async::then(job.future, this, [this, generation, id = job.id](const Result<qint64> &count) {
        if (generation != m_generation || !m_counting || id != m_countJob)
            return;
        m_counting = false;
        m_countJob = 0;
        updateBusy();
        if (!count.ok()) {
            if (count.error().code() != ErrorCode::QueryCancelled)
                emit loadFailed(count.error());
            return;
        }
        setLoadedRowCount(count.value(), true);
    });
    updateBusy();
}

void TableModel::cancelExactCount()
{
    if (!m_counting)
        return;
    if (m_registry)
        m_registry->cancel(m_connection, m_countJob);
    m_counting = false;
    m_countJob = 0;
    updateBusy();
}

void TableModel::cancelAllJobs()
{
    if (m_registry) {
        for (const auto &flight : std::as_const(m_inFlight))
            m_registry->cancel(m_connection, flight.jobId);
    }
    m_inFlight.clear();
    m_requested.clear();
    cancelExactCount();
    updateBusy();
}

bool TableModel::isBusy() const
{
    return !m_inFlight.isEmpty() || m_counting || m_committing;
}

void TableModel::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace tw::ui

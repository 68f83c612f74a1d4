// The reference of bench_browser: DB Browser for SQLite's row loader,
// implemented as it works (src/RowLoader.cpp, src/RowCache.h): chunks read
// with LIMIT/OFFSET in the table's order, each one kept for good. Its deep
// OFFSETs walk the table, and its memory grows with every chunk read.
#include "bench_browser_support.h"

#include <QHash>
#include <QRandomGenerator>
#include <QVariantList>

#include <malloc.h>

namespace tw::bench {

namespace {

using Chunk = QList<QVariantList>;

QFuture<Result<Chunk>> loadChunk(db::Pool &pool, const QString &table, qint64 offset)
{
    return pool.run([table, offset](db::Session &s) -> Result<Chunk> {
        auto rows = s.exec(QStringLiteral("SELECT id, name, amount, created, flag, note FROM ") + s.dialect().quoteIdentifier(table)
                               + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?"),
                           {kPage, offset});
        if (!rows.ok())
            return rows.error();
        Chunk chunk;
        while (rows.value().next()) {
            QVariantList values;
            values.reserve(6);
            for (int c = 0; c < 6; ++c)
                values << rows.value().value(c);
            chunk << values;
        }
        return chunk;
    });
}

double timeChunk(db::Pool &pool, const QString &table, qint64 offset, Chunk *keep = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    Chunk chunk = await(loadChunk(pool, table, offset), QStringLiteral("reference chunk"));
    const double ms = msSince(timer);
    if (chunk.isEmpty())
        fail(QStringLiteral("reference: empty chunk at offset %1").arg(offset));
    if (keep)
        *keep = std::move(chunk);
    return ms;
}

} // namespace

Reference runReference(db::Pool &pool, const QString &table, int positions)
{
    Reference r;
    QElapsedTimer timer;
    timer.start();
    // DB4S counts the rows when a table opens; its scrollbar and "last page" need it.
    const qint64 rows = tableRows(pool, table);
    r.countMs = msSince(timer);
    const qint64 lastOffset = std::max<qint64>(0, rows - kPage);
    std::vector<double> first, last, middle;
    timeChunk(pool, table, 0);   // warm, as ours
    for (int i = 0; i < kRepeats; ++i) {
        first.push_back(timeChunk(pool, table, 0));
        last.push_back(timeChunk(pool, table, lastOffset));
        middle.push_back(timeChunk(pool, table, rows / 2 / kPage * kPage));
    }
    r.first = median(first);
    r.last = median(last);
    r.middle = median(middle);
    r.slowest = std::max({maxOf(first), maxOf(last), maxOf(middle)});

    // RowCache: chunks by number, never evicted.
    QHash<qint64, Chunk> cache;
    QRandomGenerator random(20261127);
    malloc_trim(0);
    r.rssStart = rssMb();
    r.positions = positions;
    for (int i = 0; i < positions; ++i) {
        const qint64 row = qint64(random.bounded(double(rows)));
        const qint64 chunk = row / kPage;
        timer.restart();
        if (!cache.contains(chunk)) {
            Chunk loaded;
            timeChunk(pool, table, chunk * kPage, &loaded);
            r.keptRows += loaded.size();
            cache.insert(chunk, std::move(loaded));
        }
        r.visits.push_back(msSince(timer));
    }
    r.rssEnd = rssMb();
    // 1,000 random positions touch C·(1 − (1 − 1/C)^1000) distinct chunks of C.
    const double chunks = std::ceil(double(rows) / kPage);
    const double touched = chunks * (1.0 - std::pow(1.0 - 1.0 / chunks, 1000.0));
    const double rowsAt1000 = std::min(double(rows), touched * kPage);
    const double perRow = r.keptRows > 0 ? std::max(0.0, r.rssEnd - r.rssStart) / double(r.keptRows) : 0;
    r.rssAt1000 = r.rssStart + perRow * rowsAt1000;
    cache.clear();
    malloc_trim(0);   // hand the rows back before the next measurement
    return r;
}

} // namespace tw::bench

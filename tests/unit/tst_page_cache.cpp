// The browser's page cache without a database (DB4S tests its RowCache the
// same way): the bound, LRU eviction that spares the focus, row lookups at
// page boundaries, clear.
#include "browser/PageCache.h"

#include <QtTest>

using tw::data::Row;
using tw::ui::PageCache;

namespace {

// A page whose rows carry their view row number as the only value.
QList<Row> pageRows(qint64 page, int pageSize, int rows = -1)
{
    QList<Row> out;
    const int count = rows < 0 ? pageSize : rows;
    for (int i = 0; i < count; ++i) {
        Row row;
        row.values = {page * pageSize + i};
        row.key = {page * pageSize + i};
        out.append(row);
    }
    return out;
}

} // namespace

class TestPageCache : public QObject
{
    Q_OBJECT

private slots:
    void staysWithinItsBoundAfterTenThousandPages()
    {
        PageCache cache(50, 32);
        for (qint64 p = 0; p < 10000; ++p) {
            cache.setFocus(p);
            cache.insert(p, pageRows(p, 50));
            QVERIFY(cache.pageCount() <= 32);
        }
        QCOMPARE(cache.pageCount(), 32);
        // The latest pages are the ones kept.
        for (qint64 p = 10000 - 32; p < 10000; ++p)
            QVERIFY2(cache.contains(p), qPrintable(QString::number(p)));
        QVERIFY(!cache.contains(0));
    }

    void insertReportsWhatItEvicted()
    {
        PageCache cache(10, 2);
        QVERIFY(cache.insert(0, pageRows(0, 10)).isEmpty());
        QVERIFY(cache.insert(1, pageRows(1, 10)).isEmpty());
        QCOMPARE(cache.insert(2, pageRows(2, 10)), QList<qint64>{0});
    }

    void recentlyUsedPagesSurvive()
    {
        PageCache cache(10, 8);
        for (qint64 p = 0; p < 8; ++p)
            cache.insert(p, pageRows(p, 10));
        cache.touch(0);
        cache.touch(3);
        for (qint64 p = 100; p < 106; ++p)
            cache.insert(p, pageRows(p, 10));
        QVERIFY(cache.contains(0));
        QVERIFY(cache.contains(3));
        QVERIFY(!cache.contains(1));
        QVERIFY(!cache.contains(7));
        QCOMPARE(cache.pageCount(), 8);
    }

    void theFocusAndItsNeighboursAreNeverEvicted()
    {
        PageCache cache(10, 5);
        for (qint64 p = 0; p < 5; ++p)
            cache.insert(p, pageRows(p, 10));
        cache.setFocus(1); // pages 0, 1, 2 are the oldest but on screen
        for (qint64 p = 50; p < 60; ++p)
            cache.insert(p, pageRows(p, 10));
        QVERIFY(cache.contains(0));
        QVERIFY(cache.contains(1));
        QVERIFY(cache.contains(2));
        QCOMPARE(cache.pageCount(), 5);
    }

    void rowLookupsAtPageBoundaries()
    {
        PageCache cache(100, 4);
        cache.insert(0, pageRows(0, 100));
        cache.insert(2, pageRows(2, 100));
        cache.insert(3, pageRows(3, 100, 40)); // the end of the data
        QCOMPARE(cache.row(0)->values.at(0).toLongLong(), 0);
        QCOMPARE(cache.row(99)->values.at(0).toLongLong(), 99);
        QVERIFY(cache.row(100) == nullptr); // page 1 missing
        QVERIFY(cache.row(199) == nullptr);
        QCOMPARE(cache.row(200)->values.at(0).toLongLong(), 200);
        QCOMPARE(cache.row(299)->values.at(0).toLongLong(), 299);
        QCOMPARE(cache.row(339)->values.at(0).toLongLong(), 339);
        QVERIFY(cache.row(340) == nullptr); // beyond a short page
        QVERIFY(cache.row(-1) == nullptr);
        QCOMPARE(cache.pageOf(299), 2);
        QCOMPARE(cache.pageOf(300), 3);
    }

    void lookupsDoNotCountAsUseButTouchDoes()
    {
        PageCache cache(10, 2);
        cache.insert(0, pageRows(0, 10));
        cache.insert(1, pageRows(1, 10));
        QVERIFY(cache.row(5)); // a plain lookup leaves page 0 the oldest
        cache.insert(2, pageRows(2, 10));
        QVERIFY(!cache.contains(0));
        cache.touch(1);
        cache.insert(3, pageRows(3, 10));
        QVERIFY(cache.contains(1));
        QVERIFY(!cache.contains(2));
    }

    void clearEmptiesAndShrinkingTheCapacityEvicts()
    {
        PageCache cache(10, 10);
        for (qint64 p = 0; p < 10; ++p)
            cache.insert(p, pageRows(p, 10));
        cache.setCapacity(4);
        QCOMPARE(cache.pageCount(), 4);
        QVERIFY(cache.contains(9));
        cache.clear();
        QCOMPARE(cache.pageCount(), 0);
        QVERIFY(cache.row(95) == nullptr);
        cache.insert(5, pageRows(5, 10));
        cache.setPageSize(20); // renumbers: nothing kept
        QCOMPARE(cache.pageCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPageCache)
#include "tst_page_cache.moc"

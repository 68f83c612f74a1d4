// SQLite paging keys, guard and edits (issue 5 adversarial review).
#include "DataPagingSupport.h"

#include <QFile>
#include <QTemporaryDir>

Q_DECLARE_METATYPE(QList<tw::data::SortKey>)

using namespace tw;
using namespace tw::data;
using tw::test::anchored;
using tw::test::rendered;
using tw::test::request;

class TestDataSqliteEdges : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::DataHarness m_db;

    TableShape shape(const char *name)
    {
        auto s = TW_OK(m_db.describe(QString(), QString::fromLatin1(name)));
        return s.valueOr(TableShape{});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString file = m_dir.filePath(QStringLiteral("review.sqlite"));
        QFile create(file);
        QVERIFY(create.open(QIODevice::WriteOnly));
        create.close();
        QVERIFY(m_db.open(test::sqliteProfile(file)).ok());
        QVERIFY(m_db.script(QStringLiteral(
            // legacy SQLite: a non-INTEGER PRIMARY KEY of a rowid table admits NULLs, any number of them
            "CREATE TABLE nullpk (k TEXT PRIMARY KEY, v INTEGER);"
            "INSERT INTO nullpk VALUES ('a', 1), (NULL, 2), (NULL, 3), (NULL, 4), ('b', 5), (NULL, 6);"
            // empty BLOB as a key / sort value
            "CREATE TABLE blobpk (k BLOB PRIMARY KEY, v INTEGER) WITHOUT ROWID;"
            "INSERT INTO blobpk VALUES (x'', 1), (x'00', 2), (x'01', 3), (x'0102', 4), (x'ff', 5);"
            "CREATE TABLE blobsort (id INTEGER PRIMARY KEY, b BLOB);"
            "INSERT INTO blobsort VALUES (1, x''), (2, x''), (3, x'00'), (4, NULL), (5, x''), (6, x'01'), (7, NULL);"
            "CREATE TABLE mixed (id INTEGER PRIMARY KEY, a, b TEXT COLLATE NOCASE);"
            "INSERT INTO mixed VALUES (1, 1, 'a'), (2, 1.0, 'A'), (3, '1', 'b'), (4, x'31', 'B'), (5, NULL, NULL),"
            " (6, 2, 'a'), (7, NULL, 'c'), (8, 1, NULL), (9, 'x', 'C'), (10, 0.5, 'a');"
            "CREATE TABLE victim (x INTEGER);"
            "CREATE TABLE extremes (id INTEGER PRIMARY KEY, v TEXT);"
            "INSERT INTO extremes VALUES (-9223372036854775808, 'min'), (-1, 'a'), (0, 'b'), (1, 'c'),"
            " (9223372036854775807, 'max');"
            "CREATE TABLE ver (id INTEGER PRIMARY KEY, a, b TEXT);"
            "INSERT INTO ver VALUES (1, 1, 'x'), (2, 5, 'y');")).ok());
    }

    // Interpolating between keys near ±2^63 must land on real rows, not
    // overflow a double-to-integer conversion.
    void jumpsBetweenTheExtremeRowidsLandOnRows_data()
    {
        QTest::addColumn<double>("fraction");
        for (double f : {0.0, 0.25, 0.5, 0.999, 1.0})
            QTest::newRow(qPrintable(QString::number(f))) << f;
    }

    void jumpsBetweenTheExtremeRowidsLandOnRows()
    {
        QFETCH(double, fraction);
        const TableShape s = shape("extremes");
        PageRequest r = request({}, {}, 2);
        r.anchor = PageAnchor::at(fraction);
        auto page = TW_OK(m_db.page(s, r));
        QVERIFY(page.ok());
        QVERIFY(!page.value().rows.isEmpty());
        for (const Row &row : page.value().rows)
            QVERIFY(!row.values.at(1).toString().isEmpty());
    }

    void pagesEveryRowOfATableWithNullPrimaryKeys()
    {
        const TableShape s = shape("nullpk");
        qInfo() << "identity" << int(s.identity) << s.keyColumns << "editable" << s.editable;
        const QList<QStringList> expected = m_db.direct(QStringLiteral("SELECT k, v FROM nullpk ORDER BY k NULLS LAST, rowid"));
        QCOMPARE(test::walkForwards(m_db, s, request({}, {}, 2)).size(), expected.size());
        QCOMPARE(test::walkBackwards(m_db, s, request({}, {}, 2)).size(), expected.size());
    }

    void editsARowWithANullPrimaryKeyOrRefusesClearly()
    {
        const TableShape s = shape("nullpk");
        auto page = TW_OK(m_db.page(s, request({}, {}, 10)));
        QVERIFY(page.ok());
        const Row *nullRow = nullptr;
        for (const Row &row : page.value().rows)
            if (!row.values.at(0).isValid()) { nullRow = &row; break; }
        QVERIFY(nullRow);
        ChangeSet set;
        set.changes << RowChange{RowChange::Kind::Update, nullRow->key, nullRow->version,
                                 {CellValue{QStringLiteral("v"), 99}}, 1};
        auto done = test::resultOf(commitChanges(m_db.registry, m_db.connection, s, set));
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    }

    void pagesEveryRowOfABlobKeyIncludingTheEmptyBlob()
    {
        const TableShape s = shape("blobpk");
        const auto expected = m_db.direct(QStringLiteral("SELECT k, v FROM blobpk ORDER BY k"));
        for (int limit : {1, 2, 3}) {
            QCOMPARE(test::walkForwards(m_db, s, request({}, {}, limit)).size(), expected.size());
            QCOMPARE(test::walkBackwards(m_db, s, request({}, {}, limit)).size(), expected.size());
        }
    }

    void theEmptyBlobKeyIsNotNull()
    {
        const TableShape s = shape("blobpk");
        auto page = TW_OK(m_db.page(s, request({}, {}, 10)));
        QVERIFY(page.ok());
        const Row &first = page.value().rows.first();
        qInfo() << "x'' row: value" << first.values.at(0) << "key" << first.key << "orderKey" << first.orderKey;
        QVERIFY2(first.key.at(0).isValid(), "key of the x'' row came back as NULL");
        QCOMPARE(rendered(first.values.at(0)), QStringLiteral("x:"));
        ChangeSet set;
        set.changes << RowChange{RowChange::Kind::Update, first.key, first.version, {CellValue{QStringLiteral("v"), 42}}, 1};
        auto done = test::resultOf(commitChanges(m_db.registry, m_db.connection, s, set));
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    }

    void sortsByABlobColumnWithEmptyBlobs()
    {
        const TableShape s = shape("blobsort");
        for (bool desc : {false, true}) {
            PageRequest r = request({{QStringLiteral("b"), desc}}, {}, 2);
            // ids only: the rendering of x'' is checked by theEmptyBlobKeyIsNotNull
            auto ids = [](const QList<QStringList> &rows) { QStringList out; for (const auto &r : rows) out << r.first(); return out; };
            const auto expected = m_db.direct(QStringLiteral("SELECT id, b FROM blobsort ORDER BY b %1, id %1")
                                                  .arg(desc ? QStringLiteral("DESC NULLS FIRST") : QStringLiteral("ASC NULLS LAST")));
            for (int limit : {1, 2}) {
                r.limit = limit;
                QCOMPARE(ids(test::walkForwards(m_db, s, r)), ids(expected));
                QCOMPARE(ids(test::walkBackwards(m_db, s, r)), ids(expected));
            }
        }
    }

    void sortsByAnUntypedColumnOfMixedStorageClassesAndANocaseColumn_data()
    {
        QTest::addColumn<QString>("order");
        QTest::addColumn<QList<SortKey>>("keys");
        QTest::newRow("a asc") << QStringLiteral("a ASC NULLS LAST, id ASC") << QList<SortKey>{{QStringLiteral("a"), false}};
        QTest::newRow("a desc") << QStringLiteral("a DESC NULLS FIRST, id DESC") << QList<SortKey>{{QStringLiteral("a"), true}};
        QTest::newRow("b asc, a desc") << QStringLiteral("b ASC NULLS LAST, a DESC NULLS FIRST, id DESC")
                                       << QList<SortKey>{{QStringLiteral("b"), false}, {QStringLiteral("a"), true}};
        QTest::newRow("b desc, a asc") << QStringLiteral("b DESC NULLS FIRST, a ASC NULLS LAST, id ASC")
                                       << QList<SortKey>{{QStringLiteral("b"), true}, {QStringLiteral("a"), false}};
    }
    void sortsByAnUntypedColumnOfMixedStorageClassesAndANocaseColumn()
    {
        QFETCH(QString, order);
        QFETCH(QList<SortKey>, keys);
        const TableShape s = shape("mixed");
        const auto expected = m_db.direct(QStringLiteral("SELECT id, a, b FROM mixed ORDER BY ") + order);
        for (int limit : {1, 2, 3}) {
            PageRequest r = request(keys, {}, limit);
            QCOMPARE(test::walkForwards(m_db, s, r), expected);
            QCOMPARE(test::walkBackwards(m_db, s, r), expected);
        }
    }

    // query_only must be off again for the next job on every pooled connection, after a failing WHERE.
    void guardIsResetAfterAFailingWhere()
    {
        const TableShape s = shape("ver");
        for (int i = 0; i < 8; ++i) {
            PageRequest r = request();
            r.where = QStringLiteral("no_such_column = 1");
            QVERIFY(!m_db.page(s, r).ok());
            r.where = QStringLiteral("1=1) ; DELETE FROM victim; --");
            QVERIFY(!m_db.page(s, r).ok());
            r.where = QStringLiteral("EXISTS (SELECT * FROM pragma_query_only(0))");
            auto p = m_db.page(s, r);
            qInfo() << "pragma tvf:" << p.ok() << (p.ok() ? QString() : p.error().toString());
        }
        for (int i = 0; i < 16; ++i)
            QVERIFY(m_db.script(QStringLiteral("INSERT INTO victim VALUES (1)")).ok());
    }

    void pragmaTableValuedFunctionCannotTurnQueryOnlyOff()
    {
        QVERIFY(m_db.script(QStringLiteral("DELETE FROM victim")).ok());
        const TableShape s = shape("ver");
        PageRequest r = request();
        r.where = QStringLiteral("(SELECT count(*) FROM pragma_query_only(0)) >= 0 AND (SELECT count(*) FROM pragma_query_only) >= 0");
        auto p = m_db.page(s, r);
        qInfo() << "pragma tvf ok:" << p.ok() << (p.ok() ? QString() : p.error().toString());
        QCOMPARE(m_db.scalar(QStringLiteral("SELECT count(*) FROM victim")), QStringLiteral("0"));
    }

    // The version hash tells 1 from 1.0 from '1' from x'31'.
    void conflictWhenOnlyTheStorageClassChanged_data()
    {
        QTest::addColumn<QString>("update");
        QTest::newRow("int->real") << QStringLiteral("UPDATE ver SET a = 1.0 WHERE id = 1");
        QTest::newRow("int->text") << QStringLiteral("UPDATE ver SET a = '1' WHERE id = 1");
        QTest::newRow("int->blob") << QStringLiteral("UPDATE ver SET a = x'31' WHERE id = 1");
        QTest::newRow("ab shift") << QStringLiteral("UPDATE ver SET b = 'x' WHERE id = 1"); // no change: control, must NOT conflict
    }
    void conflictWhenOnlyTheStorageClassChanged()
    {
        QFETCH(QString, update);
        QVERIFY(m_db.script(QStringLiteral("UPDATE ver SET a = 1, b = 'x' WHERE id = 1")).ok());
        const TableShape s = shape("ver");
        auto page = TW_OK(m_db.page(s, request()));
        QVERIFY(page.ok());
        const Row row = page.value().rows.first();
        QVERIFY(m_db.script(update).ok());
        ChangeSet set;
        set.changes << RowChange{RowChange::Kind::Update, row.key, row.version, {CellValue{QStringLiteral("b"), QStringLiteral("mine")}}, 1};
        auto done = test::resultOf(commitChanges(m_db.registry, m_db.connection, s, set));
        const bool control = QString::fromLatin1(QTest::currentDataTag()) == QLatin1String("ab shift");
        if (control)
            QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        else
            QVERIFY2(!done.ok() && done.error().code() == ErrorCode::Conflict, "change of storage class not detected");
    }
};

QTEST_GUILESS_MAIN(TestDataSqliteEdges)
#include "tst_data_sqlite_edges.moc"

// The browser's TableModel reading real databases (a 100k-row SQLite file and a
// scratch PostgreSQL database): the model tester, placeholders and roles,
// scrolling with rows checked against a direct query, the cache bound and
// resident memory, a burst of scrolling collapsing to the latest pages, the
// view ending where the data ends whatever the estimate, a stale page dropped
// when the sort changes mid-load, truncated values loaded whole, a page
// refused by a busy pool tried again. Editing: tst_table_model_edits.cpp.
#include "TableModelFixture.h"

class TestTableModel : public QObject, private TableModelFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { initFixture(QStringLiteral("tw_tablemodel")); }
    void cleanupTestCase() { cleanupFixture(); }

    void passesTheModelTester()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        TableModel model(&m_registry);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(connection, shape);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, kTimeout);
        LOAD_ROW(model, 0);
        LOAD_ROW(model, model.rowCount() - 1);
        model.insertNewRow();
        model.setData(model.index(0, 1), QStringLiteral("new"));
        model.deleteRows({3});
        model.undoStack()->undo();
        model.undoStack()->undo();
        model.undoStack()->redo();
        model.setBrowse({}, {}, {{QStringLiteral("qty"), true}});
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 1, kTimeout);
        LOAD_ROW(model, 1);
        model.revert();
        QCOMPARE(model.rowCount(), int(model.knownRowCount()));
    }

    void showsNullsPlaceholdersAndFlags()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 50000, kTimeout); // the estimate
        const QModelIndex far = model.index(75000, 1);
        QCOMPARE(far.data().toString(), QString(QChar(0x2026))); // not loaded yet
        QVERIFY(!(model.flags(far) & Qt::ItemIsEditable));
        LOAD_ROW(model, 0);
        const QModelIndex note = model.index(0, 3);
        QCOMPARE(note.data().toString(), QStringLiteral("NULL"));
        QVERIFY(note.data(TableModel::IsNullRole).toBool());
        QVERIFY(note.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(model.flags(note) & Qt::ItemIsEditable);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("name"));
        QCOMPARE(model.rowKey(0).toList(), QVariantList{qlonglong(1)});
        const int added = model.insertNewRow();
        QCOMPARE(added, 0);
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("DEFAULT"));
        QVERIFY(model.index(0, 2).data(TableModel::IsDefaultRole).toBool());
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("+"));
        QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("1"));
    }

    void truncatedValuesLoadWholeOnDemand()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        const QString long_ = QString(5000, QLatin1Char('x')) + QStringLiteral("end");
        QVERIFY(directExec(m_registry, connection, QStringLiteral("UPDATE items SET note = ? WHERE id = 1"), {long_}).ok());
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        LOAD_ROW(model, 0);
        const QModelIndex note = model.index(0, 3);
        QVERIFY(note.data(TableModel::IsTruncatedRole).toBool());
        QVERIFY(note.data(Qt::EditRole).toString().size() < long_.size());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.loadFullValue(note);
        QTRY_COMPARE_WITH_TIMEOUT(note.data(Qt::EditRole).toString(), long_, kTimeout);
        QVERIFY(!note.data(TableModel::IsTruncatedRole).toBool());
        QVERIFY(!changed.isEmpty());
        // Editing the whole value back to itself stages nothing.
        QVERIFY(model.setData(note, long_));
        QVERIFY(!model.hasStagedChanges());
    }

    void scrollingSqliteMatchesADirectQueryWithinTheCacheBound()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        scrollThrough(connection, shape);
    }

    void jumpingToTheEndAndAcrossSqlite()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        jumpAround(connection, shape);
    }

    void aBurstOfScrollingCollapsesToTheLatestPages()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 50000, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), kTimeout);
        // One fling of the scrollbar: 50 pages asked for before the loader runs.
        for (int page = 100; page < 150; ++page)
            (void)model.index(page * model.pageSize(), 0).data();
        QCOMPARE(model.pagesInFlight(), 0); // nothing starts inside data()
        QTRY_VERIFY_WITH_TIMEOUT(model.pagesInFlight() > 0, kTimeout);
        QVERIFY2(model.pagesInFlight() <= 3, qPrintable(QString::number(model.pagesInFlight())));
        const int last = 149 * model.pageSize();
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, last), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), kTimeout);
        int loadedEarly = 0;
        for (int page = 100; page < 140; ++page)
            loadedEarly += model.cache().contains(page) ? 1 : 0;
        QCOMPARE(loadedEarly, 0);
    }

    void theViewEndsWhereTheDataEndsWhateverTheEstimate()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        // 1,001 rows spread over ids 1..100000: a key-range estimate says 100k.
        QVERIFY(directExec(m_registry, connection, QStringLiteral("DELETE FROM items WHERE id > 1000 AND id < 100000")).ok());
        for (bool forwards : {true, false}) {
            TableModel model(&m_registry);
            model.setTable(connection, shape);
            QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && !model.isBusy(), kTimeout);
            if (forwards) {
                for (int row = 0; row < 1001 && row < model.rowCount(); row += 100)
                    LOAD_ROW(model, row);
            } else {
                // From the end upwards, as a user dragging the scrollbar to
                // the bottom and paging back up, waiting for each page.
                QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 50000, kTimeout); // the estimate believed
                for (int step = 0; step < 12 && model.rowCount() > 1001; ++step) {
                    const int row = model.rowCount() - 1 - step * model.pageSize();
                    QTRY_VERIFY_WITH_TIMEOUT(((void)model.index(row, 0).data(),
                                              loaded(model, row) || model.rowCount() <= row), kTimeout);
                }
            }
            QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1001, kTimeout);
            LOAD_ROW(model, 1000);
            LOAD_ROW(model, 0);
            QCOMPARE(idAt(model, 0), 1);
            QCOMPARE(idAt(model, 1000), 100000);
        }
    }


    void resultsOfAReplacedSortAreDropped()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        staleSortDropped(connection, shape);
    }

    void scrollingPostgresMatchesADirectQueryWithinTheCacheBound()
    {
        TW_REQUIRE_SERVICE(m_pg, QStringLiteral("PostgreSQL"));
        data::TableShape shape;
        const QString connection = freshPostgres(&shape);
        scrollThrough(connection, shape);
        jumpAround(connection, shape);
    }

    // A page refused for a transient reason (here POOL_TIMEOUT: the only
    // connection is busy) is tried again a little later, not left as "…".
    void aPageRefusedByABusyPoolIsTriedAgain()
    {
        TW_REQUIRE_SERVICE(m_pg, QStringLiteral("PostgreSQL"));
        config::ConnectionProfile profile = m_scratch->createDatabase(QStringLiteral("busy"));
        profile.name = QStringLiteral("pgbusy");
        profile.pool.size = 1;
        profile.pool.overflow = 0;
        profile.pool.acquireTimeoutMs = 300;
        QVERIFY(test::runScript(profile, kPostgresScript).ok());
        QVERIFY(test::waitFor(m_registry.open(profile)));
        auto shape = test::resultOf(data::describeTable(m_registry, profile.name, {QStringLiteral("public"), QStringLiteral("items")}));
        QVERIFY(shape.ok());
        auto sleeper = m_registry.pool(profile.name)->run([](db::Session &session) {
            return session.scalar(QStringLiteral("SELECT pg_sleep(1.5)::text"));
        });
        TableModel model(&m_registry);
        QSignalSpy failed(&model, &TableModel::loadFailed);
        model.setTable(profile.name, shape.value());
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kTimeout);
        QCOMPARE(failed.first().first().value<Error>().code(), ErrorCode::PoolTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, 0), kTimeout);
        QCOMPARE(idAt(model, 0), 1LL);
        QVERIFY(test::resultOf(sleeper).ok());
        m_registry.close(profile.name);
    }

    void staleSortOnPostgres()
    {
        TW_REQUIRE_SERVICE(m_pg, QStringLiteral("PostgreSQL"));
        data::TableShape shape;
        const QString connection = freshPostgres(&shape);
        staleSortDropped(connection, shape);
    }
};

QTEST_MAIN(TestTableModel)
#include "tst_table_model.moc"

// The browser's TableModel on real databases (a 100k-row SQLite file and a
// scratch PostgreSQL database): the model tester, placeholders and roles,
// scrolling with rows checked against a direct query, the cache bound, a
// burst of scrolling collapsing to the latest pages, the view ending where the
// data ends whatever the estimate, a stale page dropped when the sort changes
// mid-load, truncated values loaded whole, staged edits + commit, undo/redo,
// a 1,000-cell paste, a conflict made through a second connection, a
// constraint violation keeping the edits.
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "browser/EditCommands.h"
#include "browser/TableModel.h"
#include "data/DataService.h"
#include "db/ConnectionRegistry.h"
#include "db/Session.h"
#include "db/SqliteFile.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QFile>
#include <QtTest>

using namespace tw;
using ui::TableModel;

namespace {

constexpr int kRows = 100000;
constexpr int kTimeout = 60000;

const QString kSqliteScript = QStringLiteral(
    "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER CHECK (qty >= 0), note TEXT);\n"
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)\n"
    "INSERT INTO items SELECT x, 'item ' || x, x % 97, NULL FROM c;\n");

const QString kPostgresScript = QStringLiteral(
    "CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, qty integer CHECK (qty >= 0), note text);\n"
    "INSERT INTO items SELECT x, 'item ' || x, x % 97, NULL FROM generate_series(1, 100000) AS x;\n"
    "ANALYZE items;\n");

// Rows read straight from the database, outside the model: (id, name, qty).
QList<QVariantList> directRows(db::ConnectionRegistry &registry, const QString &connection, const QString &sql,
                               const QVariantList &binds = {})
{
    auto rows = test::resultOf(registry.pool(connection)->run([sql, binds](db::Session &session) -> Result<QList<QVariantList>> {
        auto result = session.exec(sql, binds);
        if (!result.ok())
            return result.error();
        QList<QVariantList> out;
        while (result.value().next())
            out.append({result.value().value(0), result.value().value(1), result.value().value(2)});
        return out;
    }));
    if (!rows.ok())
        qWarning() << rows.error().toString();
    return rows.valueOr({});
}

Status directExec(db::ConnectionRegistry &registry, const QString &connection, const QString &sql,
                  const QVariantList &binds = {})
{
    auto done = test::resultOf(registry.pool(connection)->run([sql, binds](db::Session &session) -> Result<qint64> {
        return session.execute(sql, binds);
    }));
    if (!done.ok())
        return done.error();
    return {};
}

qlonglong idAt(const TableModel &model, int row)
{
    const data::Row *loaded = model.loadedRow(row);
    return loaded ? loaded->values.value(0).toLongLong() : -1;
}

bool loaded(TableModel &model, int row)
{
    return model.index(row, 0).data(TableModel::IsLoadedRole).toBool();
}

// Asks for a row the way a view paints it, and waits until it is there.
#define LOAD_ROW(model, row)                                                                       \
    do {                                                                                           \
        (void)(model).index((row), 0).data();                                                      \
        QTRY_VERIFY_WITH_TIMEOUT(((void)(model).index((row), 0).data(), loaded((model), (row))), kTimeout); \
    } while (false)

} // namespace

class TestTableModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    db::ConnectionRegistry m_registry;
    std::unique_ptr<test::ScratchPostgres> m_scratch;
    bool m_pg = false;
    data::TableShape m_liteShape;
    data::TableShape m_pgShape;
    int m_liteFile = 0;

    // A fresh SQLite connection on a fresh copy of the table (tests that
    // write do not see each other's rows).
    QString freshSqlite(data::TableShape *shape)
    {
        const QString name = QStringLiteral("lite%1").arg(++m_liteFile);
        const QString file = m_dir.filePath(name + QStringLiteral(".db"));
        const Status made = db::createSqliteDatabase(file, kSqliteScript);
        if (!made.ok())
            qWarning() << made.error().toString();
        if (!test::waitFor(m_registry.open(test::sqliteProfile(file, name))))
            qWarning() << "open timed out";
        auto described = test::resultOf(data::describeTable(m_registry, name, {{}, QStringLiteral("items")}));
        if (described.ok())
            *shape = described.value();
        else
            qWarning() << described.error().toString();
        return name;
    }

    QString freshPostgres(data::TableShape *shape)
    {
        static int count = 0;
        const QString name = QStringLiteral("pg%1").arg(++count);
        config::ConnectionProfile profile = m_scratch->createDatabase(name);
        profile.name = name;
        const Status loaded = test::runScript(profile, kPostgresScript);
        if (!loaded.ok())
            qWarning() << loaded.error().toString();
        test::waitFor(m_registry.open(profile));
        auto described = test::resultOf(data::describeTable(m_registry, name, {QStringLiteral("public"), QStringLiteral("items")}));
        if (described.ok())
            *shape = described.value();
        else
            qWarning() << described.error().toString();
        return name;
    }

    // Resident memory of this process in kB (Linux), -1 when unknown.
    static qint64 residentKb()
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        return -1;
    }

    void scrollThrough(const QString &connection, const data::TableShape &shape)
    {
        TableModel model(&m_registry);
        model.cache().setCapacity(8);
        model.setTable(connection, shape);
        model.requestExactCount();
        QTRY_VERIFY_WITH_TIMEOUT(model.countIsExact(), kTimeout);
        QCOMPARE(model.rowCount(), kRows);
        const auto expected = directRows(m_registry, connection,
                                         QStringLiteral("SELECT id, name, qty FROM items ORDER BY id"));
        QCOMPARE(expected.size(), kRows);
        const int pageSize = model.pageSize();
        qint64 rssWhenFull = -1;
        // Every page, in order, as a user scrolling down: exact rows, flat cache.
        for (int row = 0; row < kRows; row += pageSize) {
            if (rssWhenFull < 0 && model.cache().pageCount() == 8)
                rssWhenFull = residentKb();
            LOAD_ROW(model, row);
            LOAD_ROW(model, std::min(row + pageSize - 1, kRows - 1));
            QVERIFY2(model.cache().pageCount() <= 8, qPrintable(QString::number(model.cache().pageCount())));
            for (int r : {row, row + pageSize / 2, std::min(row + pageSize - 1, kRows - 1)}) {
                const data::Row *got = model.loadedRow(r);
                QVERIFY(got);
                QCOMPARE(got->values.at(0).toLongLong(), expected.at(r).at(0).toLongLong());
                QCOMPARE(got->values.at(1).toString(), expected.at(r).at(1).toString());
                QCOMPARE(model.index(r, 1).data().toString(), expected.at(r).at(1).toString());
            }
        }
        QCOMPARE(model.cache().pageCount(), 8);
        // Memory stays flat once the cache is full: the ~490 pages read
        // after that (tens of MB if kept) must not stay resident.
        const qint64 rssAtEnd = residentKb();
        QVERIFY(rssWhenFull > 0 && rssAtEnd > 0);
        QVERIFY2(rssAtEnd - rssWhenFull < 12 * 1024,
                 qPrintable(QStringLiteral("RSS grew from %1 kB to %2 kB").arg(rssWhenFull).arg(rssAtEnd)));
    }

    void jumpAround(const QString &connection, const data::TableShape &shape)
    {
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        model.requestExactCount();
        QTRY_VERIFY_WITH_TIMEOUT(model.countIsExact(), kTimeout);
        // The end, read backwards: exactly the last rows.
        LOAD_ROW(model, kRows - 1);
        QCOMPARE(idAt(model, kRows - 1), qlonglong(kRows));
        QCOMPARE(idAt(model, kRows - 2), qlonglong(kRows - 1));
        // Positions across the table (no deep OFFSET: found by fraction);
        // the grid shows consecutive rows in order around each.
        for (int row : {50000, 12345, 87654, 99000, 400}) {
            LOAD_ROW(model, row);
            const qlonglong id = idAt(model, row);
            QVERIFY2(std::abs(id - (row + 1)) < kRows / 10, qPrintable(QStringLiteral("%1 at %2").arg(id).arg(row)));
            const int next = row + 1;
            if (model.loadedRow(next))
                QCOMPARE(idAt(model, next), id + 1);
        }
    }

    void editAndCommit(const QString &connection, const data::TableShape &shape)
    {
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        LOAD_ROW(model, 5);
        const qlonglong id = idAt(model, 5);
        QVERIFY(model.setData(model.index(5, 1), QStringLiteral("renamed")));
        QVERIFY(model.setData(model.index(5, 3), QString())); // '' not NULL
        QVERIFY(model.hasStagedChanges());
        QCOMPARE(model.index(5, 1).data(TableModel::IsStagedRole).toBool(), true);
        QSignalSpy committed(&model, &TableModel::committed);
        QSignalSpy failed(&model, &TableModel::commitFailed);
        model.commit();
        QTRY_VERIFY_WITH_TIMEOUT(committed.size() + failed.size() > 0, kTimeout);
        if (!failed.isEmpty())
            QFAIL(qPrintable(failed.first().first().value<Error>().toString()));
        QVERIFY(!model.hasStagedChanges());
        QCOMPARE(model.undoStack()->count(), 0);
        LOAD_ROW(model, 5);
        QCOMPARE(model.index(5, 1).data().toString(), QStringLiteral("renamed"));
        QCOMPARE(model.index(5, 1).data(TableModel::IsStagedRole).toBool(), false);
        QCOMPARE(model.index(5, 3).data(TableModel::IsNullRole).toBool(), false);
        const auto direct = directRows(m_registry, connection,
                                       QStringLiteral("SELECT name, note, qty FROM items WHERE id = ?"), {id});
        QCOMPARE(direct.size(), 1);
        QCOMPARE(direct.first().at(0).toString(), QStringLiteral("renamed"));
        QVERIFY(!direct.first().at(1).isNull());
        QCOMPARE(direct.first().at(1).toString(), QString());
    }

    void conflictThroughSecondConnection(const QString &connection, const data::TableShape &shape,
                                         const config::ConnectionProfile &second)
    {
        db::ConnectionRegistry other;
        QVERIFY(test::waitFor(other.open(second)));
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        LOAD_ROW(model, 3);
        const qlonglong id = idAt(model, 3);
        QVERIFY(model.setData(model.index(3, 1), QStringLiteral("mine")));
        QVERIFY(model.setData(model.index(7, 1), QStringLiteral("also mine")));
        // Someone else writes the row between load and commit.
        QVERIFY(directExec(other, second.name, QStringLiteral("UPDATE items SET qty = qty + 1 WHERE id = ?"), {id}).ok());
        QSignalSpy failed(&model, &TableModel::commitFailed);
        model.commit();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeout);
        QCOMPARE(failed.first().first().value<Error>().code(), ErrorCode::Conflict);
        QVERIFY(model.hasStagedChanges());
        QCOMPARE(model.stage().updatedCellCount(), 2);
        QVERIFY(model.index(3, 1).data(TableModel::IsConflictRole).toBool());
        QVERIFY(!model.index(7, 1).data(TableModel::IsConflictRole).toBool());
        QCOMPARE(model.index(3, 1).data().toString(), QStringLiteral("mine"));
        // Nothing written, not even the row without a conflict.
        const auto direct = directRows(m_registry, connection,
                                       QStringLiteral("SELECT name, qty, note FROM items WHERE id IN (?, ?) ORDER BY id"),
                                       {id, idAt(model, 7)});
        QCOMPARE(direct.size(), 2);
        QCOMPARE(direct.at(0).at(0).toString(), QStringLiteral("item %1").arg(id));
        QCOMPARE(direct.at(1).at(0).toString(), QStringLiteral("item %1").arg(idAt(model, 7)));
        // Undoing the conflicting row's edit takes its mark away; the other stays staged.
        model.undoStack()->undo(); // "also mine"
        QVERIFY(model.index(3, 1).data(TableModel::IsConflictRole).toBool());
        model.undoStack()->undo(); // "mine"
        QVERIFY(!model.index(3, 1).data(TableModel::IsConflictRole).toBool());
        QVERIFY(!model.hasStagedChanges());
    }

    void staleSortDropped(const QString &connection, const data::TableShape &shape)
    {
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        LOAD_ROW(model, 0);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), kTimeout);

        // Ask for a far page and change the sort while it is on its way.
        bool inFlight = false;
        for (int attempt = 0; attempt < 20 && !inFlight; ++attempt) {
            const int far = 40000 + attempt * 1000;
            (void)model.index(far, 0).data();
            for (int spin = 0; spin < 50 && !model.isBusy() && !loaded(model, far); ++spin)
                QCoreApplication::processEvents();
            inFlight = model.isBusy() && !loaded(model, far);
        }
        QVERIFY(inFlight);
        // Let the worker finish the page without this thread seeing it: its
        // answer waits in the event queue, past any cancel, so only the
        // generation check can keep it out.
        QThread::msleep(500);
        const quint64 before = model.generation();
        model.setBrowse({}, {}, {{QStringLiteral("qty"), true}, {QStringLiteral("id"), false}});
        QVERIFY(model.generation() > before);

        // From now on every row shown must follow the new order (qty desc).
        int violations = 0;
        connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &tl, const QModelIndex &br) {
            qlonglong previous = std::numeric_limits<qlonglong>::max();
            for (int r = tl.row(); r <= br.row(); ++r) {
                const data::Row *row = model.loadedRow(r);
                if (!row)
                    continue;
                const qlonglong qty = row->values.at(2).toLongLong();
                if (qty > previous)
                    ++violations;
                previous = qty;
            }
        });
        LOAD_ROW(model, 0);
        LOAD_ROW(model, 250);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), kTimeout);
        QCOMPARE(violations, 0);
        QVERIFY(model.loadedRow(0));
        QCOMPARE(model.loadedRow(0)->values.at(2).toLongLong(), 96);
        for (int r = 0; r < 300; ++r) {
            if (const data::Row *row = model.loadedRow(r))
                QCOMPARE(row->values.at(2).toLongLong(), 96); // 1030 rows have qty 96
        }
    }

    void constraintViolationKept(const QString &connection, const data::TableShape &shape)
    {
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        LOAD_ROW(model, 0);
        QVERIFY(model.setData(model.index(1, 1), QStringLiteral("fine")));
        QVERIFY(model.setData(model.index(2, 2), QStringLiteral("-5"))); // CHECK (qty >= 0)
        QSignalSpy failed(&model, &TableModel::commitFailed);
        model.commit();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeout);
        const Error error = failed.first().first().value<Error>();
        QVERIFY2(error.code() == ErrorCode::ConstraintViolation, qPrintable(error.toString()));
        QCOMPARE(model.stage().updatedCellCount(), 2);
        QVERIFY(model.index(2, 2).data(TableModel::IsConflictRole).toBool());
        QCOMPARE(model.index(2, 2).data(Qt::EditRole).toLongLong(), -5);
        const auto direct = directRows(m_registry, connection, QStringLiteral("SELECT name, qty, note FROM items WHERE id IN (2, 3) ORDER BY id"));
        QCOMPARE(direct.at(0).at(0).toString(), QStringLiteral("item 2"));
        QCOMPARE(direct.at(1).at(1).toLongLong(), 3);
        QCOMPARE(model.undoStack()->count(), 2);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_scratch = std::make_unique<test::ScratchPostgres>(QStringLiteral("tw_tablemodel"));
        m_pg = m_scratch->available();
    }

    void cleanupTestCase()
    {
        m_registry.closeAll();
        if (m_scratch)
            m_scratch->dropAll();
    }

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

    void aConstraintViolationKeepsTheEdits()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        constraintViolationKept(connection, shape);
    }

    void stagedEditIsVisibleAfterCommitSqlite()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        editAndCommit(connection, shape);
    }

    void undoAndRedoOfSetInsertDeleteAndPaste()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        LOAD_ROW(model, 0);
        QUndoStack *undo = model.undoStack();

        QVERIFY(model.setData(model.index(2, 1), QStringLiteral("edited")));
        QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("edited"));
        undo->undo();
        QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("item 3"));
        QVERIFY(!model.hasStagedChanges());
        undo->redo();
        QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("edited"));

        const int before = model.rowCount();
        model.insertNewRow();
        QCOMPARE(model.rowCount(), before + 1);
        QVERIFY(model.setData(model.index(0, 1), QStringLiteral("fresh")));
        QCOMPARE(model.index(3, 1).data().toString(), QStringLiteral("edited")); // shifted by the new row
        undo->undo(); // the cell of the new row
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("DEFAULT"));
        undo->undo(); // the new row
        QCOMPARE(model.rowCount(), before);
        undo->redo();
        undo->redo();
        QCOMPARE(model.rowCount(), before + 1);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("fresh"));

        model.deleteRows({0, 5}); // the new row and a loaded one
        QCOMPARE(model.rowCount(), before);
        QVERIFY(model.index(4, 1).data(TableModel::IsDeletedRole).toBool());
        QVERIFY(model.index(4, 1).data(Qt::FontRole).value<QFont>().strikeOut());
        QVERIFY(!(model.flags(model.index(4, 1)) & Qt::ItemIsEditable));
        undo->undo();
        QCOMPARE(model.rowCount(), before + 1);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("fresh"));
        QVERIFY(!model.index(5, 1).data(TableModel::IsDeletedRole).toBool());
        undo->redo();
        QCOMPARE(model.stage().deletionCount(), 1);

        const QString tsv = model.copyAsTsv({model.index(0, 1), model.index(0, 3), model.index(1, 1), model.index(1, 3)});
        QCOMPARE(tsv, QStringLiteral("item 1\t\nitem 2\t\n"));
        QVERIFY(model.pasteTsv(model.index(10, 1), QStringLiteral("p1\tn1\np2\t\"\"\n")));
        QCOMPARE(model.index(10, 1).data().toString(), QStringLiteral("p1"));
        QCOMPARE(model.index(11, 2).data(Qt::EditRole).toString(), QString());
        QVERIFY(!model.index(11, 2).data(TableModel::IsNullRole).toBool());
        const int cells = model.stage().updatedCellCount();
        undo->undo();
        QCOMPARE(model.stage().updatedCellCount(), cells - 4);
        QCOMPARE(model.index(10, 1).data().toString(), QStringLiteral("item 11"));
        undo->redo();
        QCOMPARE(model.stage().updatedCellCount(), cells);
        model.revert();
        QVERIFY(!model.hasStagedChanges());
        QCOMPARE(undo->count(), 0);
    }

    void pastingAThousandCellsStagesAThousandEdits()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        for (int row : {0, 250, 499})
            LOAD_ROW(model, row);
        // 500 rows x (qty, note): every value differs from the loaded one.
        QString tsv;
        for (int r = 0; r < 500; ++r)
            tsv += QStringLiteral("%1\tnote %1\n").arg(1000 + r);
        QVERIFY(model.pasteTsv(model.index(0, 2), tsv));
        QCOMPARE(model.stage().updatedCellCount(), 1000);
        QCOMPARE(model.stage().updatedRowCount(), 500);
        QCOMPARE(model.undoStack()->count(), 1);
        QCOMPARE(model.index(499, 3).data().toString(), QStringLiteral("note 1499"));
        QCOMPARE(model.index(0, 2).data(Qt::EditRole).typeId(), QMetaType::LongLong); // SQLite integers stay numbers
        model.undoStack()->undo();
        QVERIFY(!model.hasStagedChanges());
        QCOMPARE(model.index(499, 3).data().toString(), QStringLiteral("NULL"));
        model.undoStack()->redo();
        QCOMPARE(model.stage().updatedCellCount(), 1000);
    }

    void aConflictKeepsTheEditsAndMarksTheRowSqlite()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        auto profile = m_registry.pool(connection)->profile();
        profile.name = connection + QStringLiteral("_other");
        conflictThroughSecondConnection(connection, shape, profile);
    }


    void insertAndDeleteAreCommitted()
    {
        data::TableShape shape;
        const QString connection = freshSqlite(&shape);
        TableModel model(&m_registry);
        model.setTable(connection, shape);
        model.requestExactCount();
        QTRY_VERIFY_WITH_TIMEOUT(model.countIsExact(), kTimeout);
        LOAD_ROW(model, 0);
        model.insertNewRow();
        QVERIFY(model.setData(model.index(0, 1), QStringLiteral("inserted")));
        QVERIFY(model.setNull(model.index(0, 3)));
        model.deleteRows({1}); // id 1
        QSignalSpy committed(&model, &TableModel::committed);
        QSignalSpy failed(&model, &TableModel::commitFailed);
        model.commit();
        QTRY_VERIFY_WITH_TIMEOUT(committed.size() + failed.size() > 0, kTimeout);
        if (!failed.isEmpty())
            QFAIL(qPrintable(failed.first().first().value<Error>().toString()));
        const auto outcome = committed.first().first().value<data::CommitOutcome>();
        QCOMPARE(outcome.inserted, 1);
        QCOMPARE(outcome.deleted, 1);
        QCOMPARE(model.knownRowCount(), qint64(kRows));
        LOAD_ROW(model, 0);
        QCOMPARE(idAt(model, 0), 2);
        const auto direct = directRows(m_registry, connection, QStringLiteral("SELECT id, name, note FROM items WHERE name = ?"),
                                       {QStringLiteral("inserted")});
        QCOMPARE(direct.size(), 1);
        QVERIFY(direct.first().at(2).isNull());
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

    void stagedEditAndConflictOnPostgres()
    {
        TW_REQUIRE_SERVICE(m_pg, QStringLiteral("PostgreSQL"));
        data::TableShape shape;
        const QString connection = freshPostgres(&shape);
        editAndCommit(connection, shape);
        auto profile = m_registry.pool(connection)->profile();
        profile.name = connection + QStringLiteral("_other");
        conflictThroughSecondConnection(connection, shape, profile);
    }

    void staleSortAndConstraintViolationOnPostgres()
    {
        TW_REQUIRE_SERVICE(m_pg, QStringLiteral("PostgreSQL"));
        data::TableShape shape;
        const QString connection = freshPostgres(&shape);
        staleSortDropped(connection, shape);
        constraintViolationKept(connection, shape);
    }
};

QTEST_MAIN(TestTableModel)
#include "tst_table_model.moc"

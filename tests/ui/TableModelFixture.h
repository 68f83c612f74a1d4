// Shared by the TableModel tests (tst_table_model: reading, tst_table_model_edits:
// editing): a 100k-row table on a fresh SQLite file or a scratch PostgreSQL
// database per test, direct queries to check against, and the scenarios both
// engines run.
#pragma once

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

class TableModelFixture
{
protected:
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
        QObject::connect(&model, &QAbstractItemModel::dataChanged, &model, [&](const QModelIndex &tl, const QModelIndex &br) {
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


    void initFixture(const QString &scratchPrefix)
    {
        QVERIFY(m_dir.isValid());
        m_scratch = std::make_unique<test::ScratchPostgres>(scratchPrefix);
        m_pg = m_scratch->available();
    }

    void cleanupFixture()
    {
        m_registry.closeAll();
        if (m_scratch)
            m_scratch->dropAll();
    }
};

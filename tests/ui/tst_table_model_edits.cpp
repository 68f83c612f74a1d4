// The browser's TableModel editing real databases: staged edits + commit,
// undo/redo, a 1,000-cell paste, inserts and deletes, a conflict made through
// a second connection and a constraint violation, both keeping the edits.
// Reading: tst_table_model.cpp.
#include "TableModelFixture.h"

class TestTableModelEdits : public QObject, private TableModelFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { initFixture(QStringLiteral("tw_tablemodel_edits")); }
    void cleanupTestCase() { cleanupFixture(); }

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

    void constraintViolationOnPostgres()
    {
        TW_REQUIRE_SERVICE(m_pg, QStringLiteral("PostgreSQL"));
        data::TableShape shape;
        const QString connection = freshPostgres(&shape);
        constraintViolationKept(connection, shape);
    }
};

QTEST_MAIN(TestTableModelEdits)
#include "tst_table_model_edits.moc"

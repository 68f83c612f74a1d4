// Staged edits without a database: per-cell updates that vanish when set
// back, DEFAULT distinct from NULL in new rows, deletions winning over
// updates, the ChangeSet and its tags, and the TSV text used by copy/paste.
#include "browser/EditStage.h"
#include "browser/TsvText.h"

#include <QtTest>

using tw::data::RowChange;
using tw::ui::EditStage;
using tw::ui::StagedCell;
namespace tsv = tw::ui::tsv;

namespace {

QVariantList key(qlonglong id)
{
    return {id};
}

EditStage threeColumns()
{
    EditStage stage;
    stage.setColumns({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("note")});
    return stage;
}

} // namespace

class TestEditStage : public QObject
{
    Q_OBJECT

private slots:
    void settingACellStagesAnUpdateWithKeyAndVersion()
    {
        EditStage stage = threeColumns();
        QVERIFY(stage.isEmpty());
        stage.setCell(key(7), 42, 1, QStringLiteral("old"), QStringLiteral("new"));
        QVERIFY(!stage.isEmpty());
        QCOMPARE(stage.stagedValue(key(7), 1), std::optional<QVariant>(QStringLiteral("new")));
        QVERIFY(!stage.stagedValue(key(7), 2));
        const auto set = stage.toChangeSet();
        QCOMPARE(set.changes.size(), 1);
        const RowChange &change = set.changes.first();
        QCOMPARE(change.kind, RowChange::Kind::Update);
        QCOMPARE(change.key, key(7));
        QCOMPARE(change.version, QVariant(42));
        QCOMPARE(change.cells.size(), 1);
        QCOMPARE(change.cells.first().column, QStringLiteral("name"));
        QCOMPARE(change.cells.first().value, QVariant(QStringLiteral("new")));
    }

    void settingACellBackToItsLoadedValueUnstagesIt()
    {
        EditStage stage = threeColumns();
        stage.setCell(key(1), 1, 1, QStringLiteral("a"), QStringLiteral("b"));
        stage.setCell(key(1), 1, 2, QVariant(), QStringLiteral("x"));
        QCOMPARE(stage.updatedCellCount(), 2);
        stage.setCell(key(1), 1, 1, QStringLiteral("a"), QStringLiteral("a"));
        QCOMPARE(stage.updatedCellCount(), 1);
        stage.setCell(key(1), 1, 2, QVariant(), QVariant());
        QVERIFY(stage.isEmpty());
        QVERIFY(!stage.hasRowEdits(key(1)));
    }

    void nullAndEmptyStringAreDifferentValues()
    {
        QVERIFY(!EditStage::sameValue(QVariant(), QString()));
        QVERIFY(!EditStage::sameValue(QVariant(), QStringLiteral("")));
        QVERIFY(EditStage::sameValue(QVariant(), QVariant(QMetaType::fromType<QString>())));
        QVERIFY(EditStage::sameValue(qlonglong(5), QStringLiteral("5")));
        QVERIFY(!EditStage::sameValue(qlonglong(5), QStringLiteral("5.0")));
        EditStage stage = threeColumns();
        stage.setCell(key(1), 1, 2, QVariant(), QStringLiteral(""));
        QCOMPARE(stage.updatedCellCount(), 1);
        QVERIFY(!stage.toChangeSet().changes.first().cells.first().value.isNull());
    }

    void newRowsKeepDefaultApartFromNull()
    {
        EditStage stage = threeColumns();
        const int id = stage.addNewRow();
        QCOMPARE(stage.newRowCount(), 1);
        QVERIFY(stage.newRowAt(0).cells.at(0).isDefault);
        QVERIFY(stage.setNewRowCell(id, 1, StagedCell::of(QStringLiteral("n"))));
        QVERIFY(stage.setNewRowCell(id, 2, StagedCell::of(QVariant()))); // NULL, given
        const auto set = stage.toChangeSet();
        QCOMPARE(set.changes.size(), 1);
        const RowChange &insert = set.changes.first();
        QCOMPARE(insert.kind, RowChange::Kind::Insert);
        QCOMPARE(insert.cells.size(), 2); // "id" left out: DEFAULT
        QCOMPARE(insert.cells.at(0).column, QStringLiteral("name"));
        QCOMPARE(insert.cells.at(1).column, QStringLiteral("note"));
        QVERIFY(insert.cells.at(1).value.isNull());
        QVERIFY(!(StagedCell::of(QVariant()) == StagedCell::defaulted()));
    }

    void newRowsCanBeRemovedAndRestoredWithTheirIds()
    {
        EditStage stage = threeColumns();
        const int a = stage.addNewRow();
        const int b = stage.addNewRow();
        const int c = stage.addNewRow();
        stage.setNewRowCell(b, 1, StagedCell::of(QStringLiteral("bee")));
        auto removed = stage.removeNewRow(b);
        QVERIFY(removed);
        QCOMPARE(stage.newRowIndex(c), 1);
        stage.restoreNewRow(1, *removed);
        QCOMPARE(stage.newRowIndex(a), 0);
        QCOMPARE(stage.newRowIndex(b), 1);
        QCOMPARE(stage.newRowAt(1).cells.at(1).value, QVariant(QStringLiteral("bee")));
        QVERIFY(stage.addNewRow() > c); // ids are never reused
    }

    void aDeletionWinsOverUpdatesOfTheSameRow()
    {
        EditStage stage = threeColumns();
        stage.setCell(key(3), 9, 1, QStringLiteral("a"), QStringLiteral("b"));
        stage.stageDeletion(key(3), 9);
        stage.stageDeletion(key(3), 9); // once only
        QCOMPARE(stage.deletionCount(), 1);
        auto set = stage.toChangeSet();
        QCOMPARE(set.changes.size(), 1);
        QCOMPARE(set.changes.first().kind, RowChange::Kind::Delete);
        QCOMPARE(set.changes.first().version, QVariant(9));
        stage.unstageDeletion(key(3));
        set = stage.toChangeSet();
        QCOMPARE(set.changes.size(), 1);
        QCOMPARE(set.changes.first().kind, RowChange::Kind::Update); // the edit comes back
    }

    void tagsMapErrorsBackToTheStagedRows()
    {
        EditStage stage = threeColumns();
        stage.setCell(key(1), 1, 1, QStringLiteral("a"), QStringLiteral("b"));
        stage.stageDeletion(key(2), 2);
        const int newId = stage.addNewRow();
        const auto set = stage.toChangeSet();
        QCOMPARE(set.changes.size(), 3);
        QSet<int> tags;
        for (const RowChange &change : set.changes) {
            QVERIFY(change.tag != 0);
            tags.insert(change.tag);
            const auto target = stage.targetOfTag(change.tag);
            QVERIFY(target);
            QCOMPARE(target->kind, change.kind);
            if (change.kind == RowChange::Kind::Insert)
                QCOMPARE(target->newRowId, newId);
            else
                QCOMPARE(target->key, change.key);
        }
        QCOMPARE(tags.size(), 3);
        QVERIFY(!stage.targetOfTag(99));
        stage.clear();
        QVERIFY(stage.isEmpty());
        QVERIFY(!stage.targetOfTag(1));
    }

    void keysOfDifferentTypesAreDifferentRows()
    {
        EditStage stage = threeColumns();
        stage.setCell({qlonglong(1)}, 1, 1, QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY(!stage.hasRowEdits({QStringLiteral("x")}));
        QVERIFY(stage.hasRowEdits({qlonglong(1)}));
        stage.setCell({QStringLiteral("1"), QStringLiteral("2")}, 1, 1, QStringLiteral("a"), QStringLiteral("c"));
        QCOMPARE(stage.updatedRowCount(), 2);
    }

    void tsvRoundTripsNullEmptyTabsAndNewlines()
    {
        const QList<QList<QVariant>> grid{
            {QVariant(), QStringLiteral(""), QStringLiteral("plain")},
            {QStringLiteral("tab\there"), QStringLiteral("line\nbreak"), QStringLiteral("say \"hi\"")},
        };
        const QString text = tsv::write(grid);
        const auto back = tsv::read(text);
        QCOMPARE(back.size(), 2);
        QVERIFY(back.at(0).at(0).isNull());
        QVERIFY(!back.at(0).at(1).isNull());
        QCOMPARE(back.at(0).at(1).toString(), QString());
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 3; ++c)
                if (!grid.at(r).at(c).isNull())
                    QCOMPARE(back.at(r).at(c).toString(), grid.at(r).at(c).toString());
        QCOMPARE(tsv::read(QStringLiteral("a\tb\r\nc\td\r\n")).size(), 2);
        QCOMPARE(tsv::field(QByteArray("\x01\xff", 2)), QStringLiteral("\\x01ff"));
    }
};

QTEST_GUILESS_MAIN(TestEditStage)
#include "tst_edit_stage.moc"

// The browser's editors on real rows: the delegate picks an editor by column
// type (a choice for booleans and enums, a calendar for dates, checked number
// entry) and stages exactly what was chosen; an editor opened and left
// stages nothing; the row detail form stages its changed fields as one undo
// step, NULL apart from the empty string. SQLite file and PostgreSQL (enum).
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "browser/CellDelegate.h"
#include "browser/RowDetailDialog.h"
#include "browser/TableModel.h"
#include "data/DataService.h"
#include "db/ConnectionRegistry.h"
#include "db/SqliteFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace tw;
using ui::TableModel;

namespace {

bool rowLoaded(TableModel &model, int row)
{
    return model.rowCount() > row && model.index(row, 0).data(TableModel::IsLoadedRole).toBool();
}

} // namespace

class TestCellEditors : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    db::ConnectionRegistry m_registry;
    data::TableShape m_kinds;

    data::TableShape describe(const QString &connection, const QString &schema, const QString &table)
    {
        auto shape = m_registry.pool(connection) ? test::resultOf(data::describeTable(m_registry, connection, {schema, table}))
                                                 : Result<data::TableShape>(Error(ErrorCode::NotFound, QStringLiteral("no pool")));
        if (!shape.ok())
            qWarning() << shape.error().toString();
        return shape.ok() ? shape.value() : data::TableShape{};
    }

    QWidget *editorFor(ui::CellDelegate &delegate, const QModelIndex &index, QWidget *parent)
    {
        return delegate.createEditor(parent, QStyleOptionViewItem(), index);
    }

private slots:
    void initTestCase()
    {
        const QString file = m_dir.filePath(QStringLiteral("kinds.sqlite"));
        const Status made = db::createSqliteDatabase(file, QStringLiteral(
            "CREATE TABLE kinds (id INTEGER PRIMARY KEY, flag BOOLEAN, born DATE, n INTEGER, note TEXT);"
            "INSERT INTO kinds VALUES (1, 1, '2001-02-03', 7, 'seven');"
            "INSERT INTO kinds VALUES (2, 0, NULL, NULL, '');"));
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().toString()));
        auto opened = m_registry.open(test::sqliteProfile(file, QStringLiteral("lite")));
        QVERIFY(test::waitFor(opened));
        QVERIFY(opened.result().ok());
        m_kinds = describe(QStringLiteral("lite"), {}, QStringLiteral("kinds"));
        QCOMPARE(m_kinds.columns.size(), 5);
    }

    void booleansAreAChoiceAndStageWhatWasChosen()
    {
        TableModel model(&m_registry);
        model.setTable(QStringLiteral("lite"), m_kinds);
        QTRY_VERIFY(rowLoaded(model, 1));
        ui::CellDelegate delegate(&model);
        QWidget parent;
        const QModelIndex flag = model.index(0, m_kinds.columnIndex(QStringLiteral("flag")));
        auto *combo = qobject_cast<QComboBox *>(editorFor(delegate, flag, &parent));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3); // true, false and NULL: the column is nullable
        delegate.setEditorData(combo, flag);
        QCOMPARE(combo->currentText(), QStringLiteral("true"));
        combo->setCurrentText(QStringLiteral("false"));
        delegate.setModelData(combo, &model, flag);
        QVERIFY(flag.data(TableModel::IsStagedRole).toBool());
        QCOMPARE(model.stage().updatedCellCount(), 1);
        combo->setCurrentText(QStringLiteral("NULL"));
        delegate.setModelData(combo, &model, flag);
        QVERIFY(flag.data(TableModel::IsNullRole).toBool());
    }

    void datesGetACalendarAndNumbersAreChecked()
    {
        TableModel model(&m_registry);
        model.setTable(QStringLiteral("lite"), m_kinds);
        QTRY_VERIFY(rowLoaded(model, 1));
        ui::CellDelegate delegate(&model);
        QWidget parent;
        const QModelIndex born = model.index(0, m_kinds.columnIndex(QStringLiteral("born")));
        auto *date = qobject_cast<QDateEdit *>(editorFor(delegate, born, &parent));
        QVERIFY(date);
        delegate.setEditorData(date, born);
        QCOMPARE(date->date(), QDate(2001, 2, 3));
        date->setDate(QDate(1999, 12, 31));
        delegate.setModelData(date, &model, born);
        QCOMPARE(born.data(Qt::EditRole).toString(), QStringLiteral("1999-12-31"));

        const QModelIndex n = model.index(0, m_kinds.columnIndex(QStringLiteral("n")));
        auto *line = qobject_cast<QLineEdit *>(editorFor(delegate, n, &parent));
        QVERIFY(line);
        QVERIFY(line->validator());
        int pos = 0;
        QString text = QStringLiteral("12x");
        QCOMPARE(line->validator()->validate(text, pos), QValidator::Invalid);
        text = QStringLiteral("-12");
        QCOMPARE(line->validator()->validate(text, pos), QValidator::Acceptable);
    }

    void anEditorOpenedAndLeftStagesNothingNotEvenOnNull()
    {
        TableModel model(&m_registry);
        model.setTable(QStringLiteral("lite"), m_kinds);
        QTRY_VERIFY(rowLoaded(model, 1));
        ui::CellDelegate delegate(&model);
        QWidget parent;
        const QModelIndex nullNumber = model.index(1, m_kinds.columnIndex(QStringLiteral("n")));
        QVERIFY(nullNumber.data(TableModel::IsNullRole).toBool());
        auto *line = qobject_cast<QLineEdit *>(editorFor(delegate, nullNumber, &parent));
        delegate.setEditorData(line, nullNumber);
        delegate.setModelData(line, &model, nullNumber);
        QVERIFY(!model.hasStagedChanges());
        // Typing then emptying the box is an empty string, not NULL.
        const QModelIndex note = model.index(0, m_kinds.columnIndex(QStringLiteral("note")));
        auto *noteEdit = qobject_cast<QLineEdit *>(editorFor(delegate, note, &parent));
        delegate.setEditorData(noteEdit, note);
        QTest::keyClick(noteEdit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(noteEdit, Qt::Key_Delete);
        delegate.setModelData(noteEdit, &model, note);
        QVERIFY(!note.data(TableModel::IsNullRole).toBool());
        QCOMPARE(note.data(Qt::EditRole).toString(), QString());
        QVERIFY(model.hasStagedChanges());
    }

    void theRowFormStagesItsChangedFieldsAsOneStep()
    {
        TableModel model(&m_registry);
        model.setTable(QStringLiteral("lite"), m_kinds);
        QTRY_VERIFY(rowLoaded(model, 1));
        ui::RowDetailDialog form(&model, 0);
        auto *note = form.findChild<QLineEdit *>(QStringLiteral("field_note"));
        auto *n = form.findChild<QLineEdit *>(QStringLiteral("field_n"));
        QVERIFY(note && n);
        QCOMPARE(note->text(), QStringLiteral("seven"));
        note->selectAll();
        QTest::keyClicks(note, QStringLiteral("eight"));
        // The NULL switch of n.
        QCheckBox *nNull = nullptr;
        for (QCheckBox *box : form.findChildren<QCheckBox *>()) {
            if (box->parentWidget() == n->parentWidget())
                nNull = box;
        }
        QVERIFY(nNull);
        nNull->setChecked(true);
        QCOMPARE(form.applyEdits(), 2);
        QCOMPARE(model.index(0, m_kinds.columnIndex(QStringLiteral("note"))).data(Qt::EditRole).toString(), QStringLiteral("eight"));
        QVERIFY(model.index(0, m_kinds.columnIndex(QStringLiteral("n"))).data(TableModel::IsNullRole).toBool());
        QCOMPARE(model.undoStack()->count(), 1);
        model.undoStack()->undo();
        QVERIFY(!model.hasStagedChanges());
        // Nothing changed: nothing staged, not even an empty undo step.
        const int steps = model.undoStack()->count();
        ui::RowDetailDialog untouched(&model, 1);
        QCOMPARE(untouched.applyEdits(), 0);
        QVERIFY(!model.hasStagedChanges());
        QCOMPARE(model.undoStack()->count(), steps);
    }

    void enumsOfferTheirLabelsInOrder()
    {
        test::ScratchPostgres scratch(QStringLiteral("tw_celleditors"));
        TW_REQUIRE_SERVICE(scratch.available(), QStringLiteral("PostgreSQL"));
        const config::ConnectionProfile profile = scratch.createDatabase();
        QVERIFY(test::runScript(profile, QStringLiteral(
            "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"
            "CREATE TABLE people (id int PRIMARY KEY, feeling mood NOT NULL, doc jsonb, raw bytea);"
            "INSERT INTO people VALUES (1, 'ok', '{\"a\": 1}', '\\x0001ff');")).ok());
        QVERIFY(test::waitFor(m_registry.open(profile)));
        const data::TableShape people = describe(profile.name, QStringLiteral("public"), QStringLiteral("people"));
        QCOMPARE(people.columns.size(), 4);
        TableModel model(&m_registry);
        model.setTable(profile.name, people);
        QTRY_VERIFY(rowLoaded(model, 0));
        ui::CellDelegate delegate(&model);
        QWidget parent;
        const QModelIndex feeling = model.index(0, 1);
        auto *combo = qobject_cast<QComboBox *>(editorFor(delegate, feeling, &parent));
        QVERIFY(combo);
        QStringList labels;
        for (int i = 0; i < combo->count(); ++i)
            labels << combo->itemText(i);
        QCOMPARE(labels, (QStringList{QStringLiteral("sad"), QStringLiteral("ok"), QStringLiteral("happy")})); // NOT NULL: no NULL choice
        delegate.setEditorData(combo, feeling);
        QCOMPARE(combo->currentText(), QStringLiteral("ok"));
        combo->setCurrentText(QStringLiteral("happy"));
        delegate.setModelData(combo, &model, feeling);
        QCOMPARE(feeling.data(Qt::EditRole).toString(), QStringLiteral("happy"));
        // JSON and binary values are edited in dialogs, not inline.
        QVERIFY(delegate.wantsDialog(model.index(0, 2)));
        QVERIFY(delegate.wantsDialog(model.index(0, 3)));
        QVERIFY(!editorFor(delegate, model.index(0, 2), &parent));
        QCOMPARE(model.index(0, 3).data(Qt::EditRole).toByteArray(), QByteArray("\x00\x01\xff", 3));
        m_registry.close(profile.name);
    }
};

QTEST_MAIN(TestCellEditors)
#include "tst_cell_editors.moc"

// The browser's tab offscreen on a real SQLite copy of Chinook: first rows,
// the filter row, header sorting, the WHERE box, staged edits committed
// through the toolbar, a read-only view with its reason, "go to referenced
// row" opening the referenced table, and the filter boxes following the
// columns. The model alone: tst_table_model.cpp.
#include "TestEnv.h"
#include "browser/BrowserPage.h"
#include "browser/FilterRow.h"
#include "browser/TableModel.h"
#include "browser/TableTab.h"
#include "db/ConnectionRegistry.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace tw;

namespace {

const char *const kConnection = "chinook";

QVariant scalar(const QString &file, const QString &sql)
{
    const QString name = QStringLiteral("direct-%1").arg(quintptr(&file));
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                result = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

bool loaded(ui::TableModel *model, int row)
{
    return model->rowCount() > row && model->index(row, 0).data(ui::TableModel::IsLoadedRole).toBool();
}

} // namespace

class TestTableTab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_file;
    db::ConnectionRegistry *m_registry = nullptr;

    ui::TableTab *openTab(const QString &table, QList<data::Filter> filters = {})
    {
        auto *tab = new ui::TableTab(m_registry, QLatin1String(kConnection), {{}, table}, std::move(filters));
        tab->resize(1100, 600);
        tab->show();
        return tab;
    }

private slots:
    void initTestCase()
    {
        const QString fixture = test::chinookDir() + QStringLiteral("/Chinook_Sqlite.sqlite");
        TW_REQUIRE_SERVICE(QFile::exists(fixture), fixture);
        m_file = m_dir.filePath(QStringLiteral("chinook.sqlite"));
        QVERIFY(QFile::copy(fixture, m_file));
        QFile::setPermissions(m_file, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(scalar(m_file, QStringLiteral("CREATE VIEW long_tracks AS SELECT Name, Milliseconds FROM Track WHERE Milliseconds > 600000")).isNull());
        m_registry = new db::ConnectionRegistry(nullptr, this);
        auto opened = m_registry->open(test::sqliteProfile(m_file, QLatin1String(kConnection)));
        QVERIFY(test::waitFor(opened));
        QVERIFY(opened.result().ok());
    }

    void opensTheTableAndShowsItsFirstRows()
    {
        std::unique_ptr<ui::TableTab> tab(openTab(QStringLiteral("Track")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        ui::TableModel *model = tab->model();
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, 0), 10000);
        const int name = model->shape().columnIndex(QStringLiteral("Name"));
        QCOMPARE(model->index(0, name).data(Qt::EditRole).toString(),
                 scalar(m_file, QStringLiteral("SELECT Name FROM Track ORDER BY TrackId LIMIT 1")).toString());
        QTRY_VERIFY(tab->statusText().contains(QStringLiteral("3,503")));
        QVERIFY(tab->messageText().isEmpty()); // editable: no read-only note
    }

    void countRowsGivesTheExactNumberAndThenTurnsOff()
    {
        std::unique_ptr<ui::TableTab> tab(openTab(QStringLiteral("InvoiceLine")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        QAction *count = tab->action(QStringLiteral("countRows"));
        QVERIFY(count->isEnabled());
        count->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(tab->model()->countIsExact(), 10000);
        QCOMPARE(tab->model()->knownRowCount(), scalar(m_file, QStringLiteral("SELECT count(*) FROM InvoiceLine")).toLongLong());
        QTRY_VERIFY(!count->isEnabled());
        // No translator in tests: the plural form is the source text's "row(s)".
        QVERIFY2(tab->statusText().contains(QStringLiteral("2,240 row")), qPrintable(tab->statusText()));
    }

    void typingInTheFilterRowFiltersTheRows()
    {
        std::unique_ptr<ui::TableTab> tab(openTab(QStringLiteral("Track")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        const int composer = tab->model()->shape().columnIndex(QStringLiteral("Composer"));
        QLineEdit *box = tab->filterRow()->box(composer);
        QVERIFY(box);
        QTest::keyClicks(box, QStringLiteral("=AC/DC"));
        QTest::keyClick(box, Qt::Key_Return);
        const int expected = scalar(m_file, QStringLiteral("SELECT count(*) FROM Track WHERE Composer = 'AC/DC'")).toInt();
        QVERIFY(expected > 0);
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), expected, 10000);
        QTRY_VERIFY(loaded(tab->model(), expected - 1));
        for (int row = 0; row < expected; ++row)
            QCOMPARE(tab->model()->index(row, composer).data().toString(), QStringLiteral("AC/DC"));
    }

    void clickingAHeaderSortsOnTheServerAndAgainReverses()
    {
        std::unique_ptr<ui::TableTab> tab(openTab(QStringLiteral("Track")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        const int ms = tab->model()->shape().columnIndex(QStringLiteral("Milliseconds"));
        tab->sortBy(ms, false);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab->model(), 0), 10000);
        QTRY_COMPARE(tab->model()->index(0, ms).data(Qt::EditRole).toLongLong(),
                     scalar(m_file, QStringLiteral("SELECT min(Milliseconds) FROM Track")).toLongLong());
        QCOMPARE(tab->view()->horizontalHeader()->sortIndicatorSection(), ms);
        tab->sortBy(ms, false);
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->index(0, ms).data(Qt::EditRole).toLongLong(),
                                  scalar(m_file, QStringLiteral("SELECT max(Milliseconds) FROM Track")).toLongLong(), 10000);
        QVERIFY(tab->statusText().contains(QStringLiteral("Milliseconds")));
        tab->sortBy(ms, false); // third click: back to key order
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->index(0, 0).data(Qt::EditRole).toLongLong(), 1LL, 10000);
        QVERIFY(tab->model()->order().isEmpty());
    }

    void theWhereBoxRestrictsRowsAndItsErrorIsShown()
    {
        std::unique_ptr<ui::TableTab> tab(openTab(QStringLiteral("Track")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        tab->whereBox()->setText(QStringLiteral("Milliseconds > 2000000"));
        QTest::keyClick(tab->whereBox(), Qt::Key_Return);
        const int expected = scalar(m_file, QStringLiteral("SELECT count(*) FROM Track WHERE Milliseconds > 2000000")).toInt();
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), expected, 10000);

        tab->whereBox()->setText(QStringLiteral("NoSuchColumn = 1"));
        QTest::keyClick(tab->whereBox(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(tab->messageText().contains(QStringLiteral("NoSuchColumn")), 10000);
    }

    void aStagedEditIsCommittedFromTheToolbar()
    {
        std::unique_ptr<ui::TableTab> tab(openTab(QStringLiteral("Genre")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab->model(), 0), 10000);
        const int name = tab->model()->shape().columnIndex(QStringLiteral("Name"));
        QVERIFY(!tab->action(QStringLiteral("commit"))->isEnabled());
        QVERIFY(tab->model()->setData(tab->model()->index(0, name), QStringLiteral("Rock & Roll")));
        QVERIFY(tab->action(QStringLiteral("commit"))->isEnabled());
        QVERIFY(tab->statusText().contains(QStringLiteral("1 cell")));
        tab->action(QStringLiteral("commit"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(tab->messageText().contains(QStringLiteral("Committed")), 10000);
        QCOMPARE(scalar(m_file, QStringLiteral("SELECT Name FROM Genre WHERE GenreId = 1")).toString(), QStringLiteral("Rock & Roll"));
        QVERIFY(!tab->action(QStringLiteral("commit"))->isEnabled());
    }

    void aViewOpensReadOnlyAndSaysWhy()
    {
        std::unique_ptr<ui::TableTab> tab(openTab(QStringLiteral("long_tracks")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        QVERIFY(!tab->model()->shape().editable);
        QVERIFY(tab->messageText().contains(QStringLiteral("Read-only")));
        QVERIFY(!tab->action(QStringLiteral("addRow"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab->model(), 0), 10000);
        QVERIFY(!(tab->model()->flags(tab->model()->index(0, 0)) & Qt::ItemIsEditable));
    }

    void anUnknownTableIsReportedWithCloseMatches()
    {
        std::unique_ptr<ui::TableTab> tab(openTab(QStringLiteral("Trak")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->messageText().contains(QStringLiteral("Track")), 10000);
        QVERIFY(!tab->isReady());
    }

    void goToReferencedRowOpensTheReferencedTableFiltered()
    {
        ui::BrowserPage page(m_registry);
        page.resize(1100, 600);
        page.show();
        ui::TableTab *tracks = page.openTable(QLatin1String(kConnection), {{}, QStringLiteral("Track")});
        QTRY_VERIFY_WITH_TIMEOUT(tracks->isReady(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tracks->model(), 0), 10000);
        const int album = tracks->model()->shape().columnIndex(QStringLiteral("AlbumId"));
        const qlonglong albumId = tracks->model()->index(0, album).data(Qt::EditRole).toLongLong();
        tracks->goToReferencedRow(tracks->model()->index(0, album));
        QCOMPARE(page.tabCount(), 2);
        ui::TableTab *albums = page.currentTab();
        QCOMPARE(albums->table().name, QStringLiteral("Album"));
        QTRY_VERIFY_WITH_TIMEOUT(albums->isReady(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(albums->model()->rowCount(), 1, 10000);
        QTRY_VERIFY(loaded(albums->model(), 0));
        QCOMPARE(albums->model()->index(0, 0).data(Qt::EditRole).toLongLong(), albumId);
        // Opening the same table again shows the existing tab.
        page.openTable(QLatin1String(kConnection), {{}, QStringLiteral("Track")});
        QCOMPARE(page.tabCount(), 2);
        QCOMPARE(page.currentTab(), tracks);
    }

    void filterBoxesFollowTheirColumns()
    {
        std::unique_ptr<ui::TableTab> tab(openTab(QStringLiteral("Track")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        // The columns are fitted to the first rows once they land: resize after that.
        QTRY_VERIFY_WITH_TIMEOUT(tab->columnsFitted(), 10000);
        QHeaderView *header = tab->view()->horizontalHeader();
        header->resizeSection(1, 240);
        QCoreApplication::processEvents();
        QLineEdit *box = tab->filterRow()->box(1);
        QCOMPARE(box->width(), 240);
        QCOMPARE(box->x(), tab->view()->verticalHeader()->width() + tab->view()->frameWidth() + header->sectionViewportPosition(1));
    }
};

QTEST_MAIN(TestTableTab)
#include "tst_table_tab.moc"

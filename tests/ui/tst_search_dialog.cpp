// "Search Database…" offscreen, on a real SQLite file through the real pool:
// Enter runs the search in the background and shows the matches, a
// double-click asks for the table, Cancel stops a search that would run
// for minutes while the GUI thread keeps turning.
#include "MainWindow.h"
#include "TestEnv.h"
#include "db/ConnectionRegistry.h"
#include "search/SearchDialog.h"
#include "search/SearchResultsModel.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;

namespace {

// "endless" is a view over a recursive CTE of 100 million rows: a LIKE over
// it runs for minutes unless cancelled.
const char *const kSetup = R"SQL(
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, city TEXT);
INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Linus', 'Helsinki'), (3, 'Grace', 'New London');
CREATE VIRTUAL TABLE docs USING fts5(title, body);
INSERT INTO docs (rowid, title, body) VALUES (1, 'Travel', 'a weekend in london with friends');
CREATE VIEW endless AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000)
  SELECT i AS id, 'row ' || i AS label FROM n;
)SQL";

bool createDatabase(const QString &file)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(file).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char *message = nullptr;
    const int rc = sqlite3_exec(db, kSetup, nullptr, nullptr, &message);
    if (rc != SQLITE_OK)
        qWarning() << "setup failed:" << message;
    sqlite3_free(message);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

} // namespace

class TstSearchDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;
    db::ConnectionRegistry m_registry;

    static QString cell(const QAbstractItemModel &model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }

private slots:
    void initTestCase()
    {
        m_file = m_dir.filePath(QStringLiteral("search.sqlite"));
        QVERIFY(createDatabase(m_file));
        QVERIFY(test::waitFor(m_registry.open(test::sqliteProfile(m_file, QStringLiteral("demo")))));
        QVERIFY(m_registry.pool(QStringLiteral("demo")));
    }

    void cleanupTestCase() { m_registry.closeAll(); }

    void typingAQueryAndPressingEnterShowsTheMatches()
    {
        ui::SearchDialog dialog(&m_registry);
        dialog.setConnection(QStringLiteral("demo"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *query = dialog.findChild<QLineEdit *>(QStringLiteral("searchQuery"));
        QVERIFY(query);
        QSignalSpy finished(&dialog, &ui::SearchDialog::searchFinished);
        QTest::keyClicks(query, QStringLiteral("london"));
        QTest::keyClick(query, Qt::Key_Return);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.count(), 1);   // Enter started one search, not two

        const ui::SearchResultsModel &model = *dialog.results();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(model, 0, ui::SearchResultsModel::TableColumn), QStringLiteral("main.customers"));
        QCOMPARE(cell(model, 0, ui::SearchResultsModel::KeyColumn), QStringLiteral("id = 1"));
        QCOMPARE(cell(model, 0, ui::SearchResultsModel::ColumnColumn), QStringLiteral("city"));
        QCOMPARE(cell(model, 0, ui::SearchResultsModel::SnippetColumn), QStringLiteral("London"));
        QCOMPARE(cell(model, 1, ui::SearchResultsModel::SnippetColumn), QStringLiteral("New London"));
        // The FTS5 table, matched by MATCH, with the word highlighted.
        QCOMPARE(cell(model, 2, ui::SearchResultsModel::TableColumn), QStringLiteral("main.docs"));
        QCOMPARE(cell(model, 2, ui::SearchResultsModel::KeyColumn), QStringLiteral("rowid = 1"));
        QCOMPARE(model.index(2, ui::SearchResultsModel::SnippetColumn).data(ui::SearchResultsModel::HighlightsRole).toList().size(), 1);
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("searchStatus"));
        QVERIFY2(status->text().startsWith(QLatin1String("3 match")), qPrintable(status->text()));
        QVERIFY(!dialog.isRunning());
    }

    void doubleClickingAMatchAsksToOpenItsTable()
    {
        ui::SearchDialog dialog(&m_registry);
        dialog.setConnection(QStringLiteral("demo"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *query = dialog.findChild<QLineEdit *>(QStringLiteral("searchQuery"));
        QTest::keyClicks(query, QStringLiteral("helsinki"));
        QTest::keyClick(query, Qt::Key_Return);
        QTRY_COMPARE(dialog.results()->rowCount(), 1);
        QSignalSpy open(&dialog, &ui::SearchDialog::openRequested);
        auto *view = dialog.findChild<QTableView *>(QStringLiteral("searchResults"));
        const QPoint at = view->visualRect(dialog.results()->index(0, 0)).center();
        // A press first, as a user's double-click gives (QTest's alone sends no press).
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(open.count(), 1);
        QCOMPARE(open.first().at(0).toString(), QStringLiteral("demo"));
        QCOMPARE(open.first().at(1).value<catalog::QualifiedName>().name, QStringLiteral("customers"));
    }

    void cancelStopsALongSearchWhileTheGuiThreadKeepsTurning()
    {
        ui::SearchDialog dialog(&m_registry);
        dialog.setBudgetMs(600000);
        dialog.setConnection(QStringLiteral("demo"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *tables = dialog.findChild<QComboBox *>(QStringLiteral("searchTables"));
        QTRY_VERIFY(tables->findText(QStringLiteral("endless")) > 0);
        tables->setCurrentIndex(tables->findText(QStringLiteral("endless")));
        auto *query = dialog.findChild<QLineEdit *>(QStringLiteral("searchQuery"));
        QTest::keyClicks(query, QStringLiteral("never there"));
        QTest::keyClick(query, Qt::Key_Return);
        QVERIFY(dialog.isRunning());
        auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"));
        QVERIFY(cancel->isEnabled());

        // The GUI thread's event loop turns while the pool works.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
            ++ticks;
        });
        timer.start(10);
        QTest::qWait(800);
        timer.stop();
        QVERIFY(dialog.isRunning());
        QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks)));
        QVERIFY2(longestGap < 300, qPrintable(QString::number(longestGap)));
        QCOMPARE(m_registry.pool(QStringLiteral("demo"))->stats().busy, 1);

        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!dialog.isRunning());
        QVERIFY(!cancel->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("searchStatus"))->text().contains(QLatin1String("cancelled")));
        // The statement itself stopped: the pool's connection is free again.
        QTRY_COMPARE_WITH_TIMEOUT(m_registry.pool(QStringLiteral("demo"))->stats().busy, 0, 3000);

        // And the dialog searches again.
        tables->setCurrentIndex(0);
        query->clear();
        QTest::keyClicks(query, QStringLiteral("Grace"));
        QTest::keyClick(query, Qt::Key_Return);
        QTRY_COMPARE(dialog.results()->rowCount(), 1);
    }

    void theMainWindowOffersSearchDatabaseWithCtrlShiftF()
    {
        ui::MainWindow window(QList<config::ConnectionProfile>{test::sqliteProfile(m_file, QStringLiteral("demo"))}, &m_registry);
        QAction *action = nullptr;
        for (QAction *candidate : window.findChildren<QAction *>()) {
            if (candidate->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F))
                action = candidate;
        }
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&Search Database…"));
    }
};

QTEST_MAIN(TstSearchDialog)
#include "tst_search_dialog.moc"

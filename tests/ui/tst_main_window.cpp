// The first window, offscreen: it lists the configured connections, opens
// the demo database through the pool and shows its tables.
#include "ConnectionListModel.h"
#include "MainWindow.h"
#include "TableListPanel.h"
#include "TestEnv.h"
#include "db/ConnectionRegistry.h"
#include "db/SqliteFile.h"

#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace tw;

namespace {

QString readSeed()
{
    QFile seed(test::demoSeedPath());
    if (!seed.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(seed.readAll());
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo;

private slots:
    void initTestCase()
    {
        const QString seed = readSeed();
        QVERIFY2(!seed.isEmpty(), qPrintable(test::demoSeedPath()));
        m_demo = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const Status created = db::createSqliteDatabase(m_demo, seed);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        // A second create must refuse to overwrite.
        QCOMPARE(db::createSqliteDatabase(m_demo, seed).error().code(), ErrorCode::Conflict);
    }

    void opensDemoAndShowsItsTables()
    {
        db::ConnectionRegistry registry;
        const auto demo = test::sqliteProfile(m_demo, QStringLiteral("demo"));
        const auto broken = test::sqliteProfile(m_dir.filePath(QStringLiteral("absent.sqlite")), QStringLiteral("absent"));
        ui::MainWindow window({demo, broken}, &registry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *list = window.findChild<QListView *>(QStringLiteral("connectionList"));
        QVERIFY(list);
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("demo"));

        QSignalSpy loaded(&window, &ui::MainWindow::tablesLoaded);
        // Double-click, as a user would.
        const QRect rect = list->visualRect(list->model()->index(0, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toString(), QStringLiteral("demo"));

        const QStringList tables = window.tablePanel()->visibleTables();
        const QStringList expected{QStringLiteral("authors"), QStringLiteral("book_sales"), QStringLiteral("books"),
                                   QStringLiteral("customers"), QStringLiteral("order_items"), QStringLiteral("orders"),
                                   QStringLiteral("page_views"), QStringLiteral("publishers")};
        QCOMPARE(tables, expected);
        QVERIFY(window.tablePanel()->isVisible());
        QCOMPARE(window.connectionModel()->state(QStringLiteral("demo")), ui::ConnectionListModel::State::Open);

        // The filter narrows the list.
        QTest::keyClicks(window.tablePanel()->filterEdit(), QStringLiteral("ORDER"));
        QCOMPARE(window.tablePanel()->visibleTables(),
                 (QStringList{QStringLiteral("order_items"), QStringLiteral("orders")}));
    }

    void failedConnectionIsShownWithItsReason()
    {
        db::ConnectionRegistry registry;
        const auto broken = test::sqliteProfile(m_dir.filePath(QStringLiteral("absent.sqlite")), QStringLiteral("absent"));
        ui::MainWindow window({broken}, &registry);
        window.show();
        QSignalSpy failed(&window, &ui::MainWindow::connectionFailed);
        window.openConnection(QStringLiteral("absent"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(window.connectionModel()->state(QStringLiteral("absent")), ui::ConnectionListModel::State::Failed);
        const QString tooltip = window.connectionModel()->index(0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tooltip.contains(QLatin1String("does not exist")), qPrintable(tooltip));
    }

    void guiThreadNeverRunsSql()
    {
        // Every statement runs on a pool worker: the GUI thread's own
        // QSqlDatabase list stays empty while the window works.
        db::ConnectionRegistry registry;
        ui::MainWindow window({test::sqliteProfile(m_demo, QStringLiteral("demo"))}, &registry);
        QSignalSpy loaded(&window, &ui::MainWindow::tablesLoaded);
        window.openConnection(QStringLiteral("demo"));
        QVERIFY(loaded.wait(10000));
        auto pool = registry.pool(QStringLiteral("demo"));
        QVERIFY(pool);
        auto thread = pool->run([](db::Session &s) -> Result<quintptr> {
            Q_UNUSED(s);
            return reinterpret_cast<quintptr>(QThread::currentThread());
        });
        thread.waitForFinished();
        QVERIFY(thread.result().value() != reinterpret_cast<quintptr>(QThread::currentThread()));
        QVERIFY(QSqlDatabase::connectionNames().size() >= 1);
        for (const QString &name : QSqlDatabase::connectionNames())
            QVERIFY2(name.startsWith(QLatin1String("tw/")), qPrintable(name));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"

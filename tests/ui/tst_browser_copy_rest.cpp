// The browser's "Copy as REST URL" / "Copy as postgrest-js" (issue 8)
// offscreen on a real SQLite copy of Chinook: filters typed in the filter
// row and a header sort end up on the clipboard in PostgREST's grammar, the
// server's parser reads the copied URL back, the WHERE box is named as left
// out, and in the main window the URL names the API server that runs there.
// The translation itself, case by case: tests/unit/tst_rest_url.cpp.
#include "MainWindow.h"
#include "TestEnv.h"
#include "Workbench.h"
#include "api/ApiPanel.h"
#include "browser/BrowserPage.h"
#include "browser/FilterRow.h"
#include "browser/TableModel.h"
#include "browser/TableTab.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiServer.h"
#include "http/rest/RestQueryParser.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;

namespace {

const char *const kConnection = "chinook";

void typeFilter(ui::TableTab *tab, const QString &column, const QString &text)
{
    QLineEdit *box = tab->filterRow()->box(tab->model()->shape().columnIndex(column));
    QVERIFY(box);
    box->clear();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

// Runs the grid's context menu on its first cell and hands back the texts of
// its actions; `pick` (by object name) is triggered, the menu closed.
QStringList contextMenuActions(ui::TableTab *tab, const QString &pick)
{
    QStringList texts;
    QTimer::singleShot(300, tab, [&texts, pick] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        QAction *chosen = nullptr;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                texts << action->text();
            if (action->objectName() == pick)
                chosen = action;
        }
        // Under Xvfb with TW_COPYREST_SHOT_MS set, the open menu stays up for a screenshot.
        const int hold = qEnvironmentVariableIntValue("TW_COPYREST_SHOT_MS");
        QTimer::singleShot(hold, menu, [menu, chosen] {
            menu->close();
            if (chosen)
                chosen->trigger();
        });
    });
    const QRect cell = tab->view()->visualRect(tab->model()->index(0, 1));
    emit tab->view()->customContextMenuRequested(cell.center());
    return texts;
}

} // namespace

class TestBrowserCopyRest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_file;
    db::ConnectionRegistry *m_registry = nullptr;

    std::unique_ptr<ui::TableTab> openTracks()
    {
        auto tab = std::make_unique<ui::TableTab>(m_registry, QLatin1String(kConnection),
                                                  catalog::QualifiedName{{}, QStringLiteral("Track")});
        tab->resize(1200, 600);
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
        m_registry = new db::ConnectionRegistry(nullptr, this);
        auto opened = m_registry->open(test::sqliteProfile(m_file, QLatin1String(kConnection)));
        QVERIFY(test::waitFor(opened));
        QVERIFY(opened.result().ok());
    }

    void theRestUrlOfTheFiltersAndSortGoesToTheClipboard()
    {
        auto tab = openTracks();
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        QAction *copyUrl = tab->action(QStringLiteral("copyRestUrl"));
        QVERIFY(copyUrl && copyUrl->isEnabled());
        typeFilter(tab.get(), QStringLiteral("Composer"), QStringLiteral("AC/DC"));            // contains, ignoring case
        typeFilter(tab.get(), QStringLiteral("Name"), QStringLiteral("in Go Down,Dog Eat Dog")); // a list with spaces
        typeFilter(tab.get(), QStringLiteral("UnitPrice"), QStringLiteral("0.5..1"));           // a range
        typeFilter(tab.get(), QStringLiteral("Bytes"), QStringLiteral("!NULL"));
        const int ms = tab->model()->shape().columnIndex(QStringLiteral("Milliseconds"));
        tab->sortBy(ms, false);
        tab->sortBy(ms, false); // descending
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->filters().size(), 4, 10000);
        QCOMPARE(tab->model()->order().size(), 1);

        QSignalSpy status(tab.get(), &ui::TableTab::statusMessage);
        QApplication::clipboard()->clear();
        copyUrl->trigger();
        const QString url = QApplication::clipboard()->text();
        QCOMPARE(url, QStringLiteral("http://127.0.0.1:8080/rest/chinook/main.Track?"
                                     "Name=in.(%22Go%20Down%22,%22Dog%20Eat%20Dog%22)&Composer=ilike.*AC%2FDC*"
                                     "&Bytes=not.is.null&UnitPrice=gte.0.5&UnitPrice=lte.1"
                                     "&order=Milliseconds.desc.nullslast,TrackId.asc"));
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.first().first().toString(), QStringLiteral("REST URL copied to the clipboard"));

        // The server's parser reads back what the grid runs: same columns,
        // same values, one condition per bound of the range.
        auto parsed = http::rest::parseRestQuery(url.section(u'?', 1).toUtf8());
        QVERIFY(parsed.ok());
        QStringList read;
        for (const auto &node : parsed.value().where.children)
            read << node.condition.field.name + u' ' + http::rest::opName(node.condition.op) + u' '
                        + node.condition.value + node.condition.values.join(u'|');
        QCOMPARE(read, (QStringList{QStringLiteral("Name in Go Down|Dog Eat Dog"), QStringLiteral("Composer ilike *AC/DC*"),
                                    QStringLiteral("Bytes is "), QStringLiteral("UnitPrice gte 0.5"),
                                    QStringLiteral("UnitPrice lte 1")}));
    }

    void thePostgrestJsSnippetNamesTheWhereBoxItLeavesOut()
    {
        auto tab = openTracks();
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        typeFilter(tab.get(), QStringLiteral("Composer"), QStringLiteral("=O'Brien"));
        tab->whereBox()->setText(QStringLiteral("length(Name) > 20"));
        tab->applyBrowse();
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->filters().size(), 1, 10000);
        QSignalSpy status(tab.get(), &ui::TableTab::statusMessage);
        tab->action(QStringLiteral("copyPostgrestJs"))->trigger();
        const QStringList lines = QApplication::clipboard()->text().split(u'\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(1), QStringLiteral("// const supabase = new PostgrestClient('http://127.0.0.1:8080/rest/chinook', "
                                             "{ headers: { Authorization: `Bearer ${token}` } })"));
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("// not translated: the WHERE box (length(Name) > 20)")), qPrintable(lines.at(2)));
        QCOMPARE(lines.at(3), QStringLiteral("const { data, error } = await supabase.from('main.Track').select('*')"
                                             ".eq('Composer', 'O\\'Brien').order('TrackId', { ascending: true })"));
        QCOMPARE(status.size(), 1);
        QVERIFY(status.first().first().toString().contains(QStringLiteral("not said exactly")));
    }

    void hiddenAndMovedColumnsBecomeTheSelectList()
    {
        auto tab = openTracks();
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        QHeaderView *header = tab->view()->horizontalHeader();
        const auto column = [&tab](const char *name) { return tab->model()->shape().columnIndex(QLatin1String(name)); };
        for (const char *name : {"AlbumId", "MediaTypeId", "GenreId", "Composer", "Milliseconds", "Bytes"})
            header->hideSection(column(name));
        header->moveSection(header->visualIndex(column("UnitPrice")), 0);
        tab->action(QStringLiteral("copyRestUrl"))->trigger();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("http://127.0.0.1:8080/rest/chinook/main.Track?select=UnitPrice,TrackId,Name&order=TrackId.asc"));
    }

    // In the window: the context menu offers both, the URL names the API
    // server running in this window, and the status bar says what happened.
    void inTheWindowTheUrlNamesTheRunningApiServer()
    {
        config::AppConfig config;
        config.api.listenAddress = QStringLiteral("127.0.0.1");
        config.api.port = 0;
        config.api.auditLog = m_dir.filePath(QStringLiteral("audit.jsonl"));
        config.api.shutdownGraceSeconds = 1;
        ui::MainWindow window(config, m_registry);
        window.resize(1280, 720);
        window.show();
        ui::Workbench *bench = window.workbench();
        emit bench->browseRequested(QLatin1String(kConnection), {{}, QStringLiteral("Track")});
        auto *page = qobject_cast<ui::BrowserPage *>(bench->page(ui::PageId::Browser));
        QVERIFY(page && page->currentTab());
        ui::TableTab *tab = page->currentTab();
        QTRY_VERIFY_WITH_TIMEOUT(tab->isReady(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(tab->model()->index(0, 0).data(ui::TableModel::IsLoadedRole).toBool(), 10000);
        typeFilter(tab, QStringLiteral("Composer"), QStringLiteral("=AC/DC"));
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->filters().size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(tab->model()->index(0, 0).data(ui::TableModel::IsLoadedRole).toBool(), 10000);

        // No server yet: the configured port is 0 (picked at start), so the placeholder.
        tab->action(QStringLiteral("copyRestUrl"))->trigger();
        QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("http://127.0.0.1:8080/rest/chinook/main.Track?")));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("REST URL copied to the clipboard"));

        auto *panel = qobject_cast<ui::ApiPanel *>(bench->page(ui::PageId::Api));
        QVERIFY(panel);
        QVERIFY(panel->start());
        const QString base = panel->server()->baseUrl().toString();
        QVERIFY(!base.endsWith(QStringLiteral(":8080")));
        bench->showPage(ui::PageId::Browser);
        QApplication::clipboard()->clear();
        const QStringList offered = contextMenuActions(tab, QStringLiteral("copyRestUrl"));
        QVERIFY2(offered.contains(QStringLiteral("Copy as REST URL")) && offered.contains(QStringLiteral("Copy as postgrest-js")),
                 qPrintable(offered.join(u',')));
        QCOMPARE(QApplication::clipboard()->text(),
                 base + QStringLiteral("/rest/chinook/main.Track?Composer=eq.AC%2FDC&order=TrackId.asc"));
        panel->stopAndWait(2000);
        QVERIFY(window.close());
    }
};

QTEST_MAIN(TestBrowserCopyRest)
#include "tst_browser_copy_rest.moc"

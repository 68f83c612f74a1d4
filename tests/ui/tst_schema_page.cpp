// The schema page offscreen, on snapshots built by hand (SchemaSnapshots.h)
// and SQLite files: the search box, refresh keeping expansion and selection,
// the details pane, copying names, unreadable parts, a failed load, rapid
// refreshes and stopping a load. The model alone: tst_schema_tree.cpp.
#include "ErrorText.h"
#include "SchemaSnapshots.h"
#include "TestEnv.h"
#include "catalog/Ddl.h"
#include "db/ConnectionRegistry.h"
#include "db/SqliteFile.h"
#include "schema/ObjectDetailsView.h"
#include "schema/SchemaPage.h"
#include "schema/SchemaTreeModel.h"

#include <QClipboard>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using namespace tw;
using catalog::ObjectKind;
using tw::test::bookshop;
using tw::test::column;

class TestSchemaPage : public QObject
{
    Q_OBJECT

private slots:
    void searchBoxFiltersAndExpandsMatches()
    {
        ui::SchemaPage page(nullptr);
        page.resize(1000, 700);
        page.show();
        page.showSnapshot(bookshop());
        QTest::keyClicks(page.searchEdit(), QStringLiteral("audit"));
        QTRY_COMPARE(page.model()->filterText(), QStringLiteral("audit"));
        const QModelIndex trigger = page.model()->indexOfRef(
            {ObjectKind::Trigger, QStringLiteral("public"), QStringLiteral("books_audit"), QStringLiteral("books")});
        QVERIFY(trigger.isValid());
        for (QModelIndex p = trigger.parent(); p.isValid(); p = p.parent())
            QVERIFY2(page.tree()->isExpanded(p), qPrintable(p.data().toString()));
        QVERIFY(page.statusText().contains(QLatin1String("1 match")));
    }

    void refreshKeepsExpansionAndSelection()
    {
        ui::SchemaPage page(nullptr);
        page.show();
        catalog::Snapshot first = bookshop();
        page.showSnapshot(first);
        const catalog::ObjectRef title{ObjectKind::Column, QStringLiteral("public"), QStringLiteral("title"), QStringLiteral("books")};
        QVERIFY(page.selectRef(title));
        const QModelIndex schemaSales = page.model()->index(1, 0);
        page.tree()->expand(schemaSales);
        const QModelIndex oldBooks = page.model()->indexOfRef({ObjectKind::Table, QStringLiteral("public"), QStringLiteral("books"), {}});
        QVERIFY(page.tree()->isExpanded(oldBooks));

        // The reload brings new values (a new column, a table gone): nodes are
        // found again by name, not by pointer.
        catalog::Snapshot second = bookshop();
        second.relations.removeAt(1); // authors
        second.relations[1].columns.prepend(column(QStringLiteral("isbn"), QStringLiteral("text"), 0));
        page.showSnapshot(second);
        QCOMPARE(page.currentRef(), std::optional<catalog::ObjectRef>(title));
        const QModelIndex books = page.model()->indexOfRef({ObjectKind::Table, QStringLiteral("public"), QStringLiteral("books"), {}});
        QVERIFY(page.tree()->isExpanded(books));
        QVERIFY(page.tree()->isExpanded(page.model()->index(1, 0)));
        QCOMPARE(page.tree()->currentIndex().row(), 3); // isbn came first

        // A selected object that disappeared leaves the selection on its nearest ancestor.
        QVERIFY(page.selectRef({ObjectKind::Trigger, QStringLiteral("public"), QStringLiteral("books_audit"), QStringLiteral("books")}));
        catalog::Snapshot third = second;
        third.relations[1].triggers.clear();
        page.showSnapshot(third);
        QCOMPARE(page.tree()->currentIndex().data().toString(), QStringLiteral("books"));
    }

    void detailsShowPropertiesAndDdlOrWhyNot()
    {
        ui::SchemaPage page(nullptr);
        page.show();
        const catalog::Snapshot snapshot = bookshop();
        page.showSnapshot(snapshot);
        const catalog::ObjectRef books{ObjectKind::Table, QStringLiteral("public"), QStringLiteral("books"), {}};
        QVERIFY(page.selectRef(books));

        QTableWidget *props = page.details()->propertiesTable();
        QMap<QString, QString> values;
        for (int row = 0; row < props->rowCount(); ++row)
            values.insert(props->item(row, 0)->text(), props->item(row, 1)->text());
        QCOMPARE(values.value(QStringLiteral("Kind")), QStringLiteral("Table"));
        QCOMPARE(values.value(QStringLiteral("Owner")), QStringLiteral("admin"));
        QCOMPARE(values.value(QStringLiteral("Comment")), QStringLiteral("Every book we sell"));

        const QString shown = page.details()->ddlView()->toPlainText();
        const Result<QString> ddl = catalog::objectDdl(snapshot, books);
        auto *copy = page.details()->findChild<QPushButton *>(QStringLiteral("copyDdl"));
        QVERIFY(copy);
        if (ddl.ok()) {
            QCOMPARE(shown, ddl.value());
            QVERIFY(copy->isEnabled());
            copy->click();
            QCOMPARE(QApplication::clipboard()->text(), ddl.value());
        } else {
            // Until DDL generation exists the pane says why, in words, with details.
            QVERIFY2(shown.contains(userText(ddl.error())), qPrintable(shown));
            QVERIFY2(shown.contains(QLatin1String("Details: ") + ddl.error().message()), qPrintable(shown));
            QVERIFY(!copy->isEnabled());
        }

        QVERIFY(page.selectRef({ObjectKind::Column, QStringLiteral("public"), QStringLiteral("price"), QStringLiteral("books")}));
        values.clear();
        for (int row = 0; row < props->rowCount(); ++row)
            values.insert(props->item(row, 0)->text(), props->item(row, 1)->text());
        QCOMPARE(values.value(QStringLiteral("Type")), QStringLiteral("numeric(10,2)"));
        QCOMPARE(values.value(QStringLiteral("Table")), QStringLiteral("books"));
    }

    void copyNameQuotesTheQualifiedName()
    {
        ui::SchemaPage page(nullptr);
        page.showSnapshot(bookshop());
        page.copyName({ObjectKind::Table, QStringLiteral("public"), QStringLiteral("books"), {}});
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("\"public\".\"books\""));
        page.copyName({ObjectKind::Column, QStringLiteral("public"), QStringLiteral("title"), QStringLiteral("books")});
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("\"public\".\"books\".\"title\""));
        page.copyName({ObjectKind::Function, QStringLiteral("public"), QStringLiteral("price_with_tax(price numeric)"), {}});
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("\"public\".\"price_with_tax\"(price numeric)"));
    }

    void unreadablePartsAreShown()
    {
        ui::SchemaPage page(nullptr);
        page.show();
        page.showSnapshot(bookshop());
        const QString text = page.problemText();
        QVERIFY2(text.startsWith(QLatin1String("Some parts could not be read:")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("triggers (permission denied for table pg_trigger)")));
    }

    void failedLoadShowsUserTextAndDetails()
    {
        db::ConnectionRegistry registry;
        ui::SchemaPage page(&registry);
        page.show();
        QSignalSpy failed(&page, &ui::SchemaPage::loadFailed);
        page.load(QStringLiteral("nowhere"));
        QVERIFY(page.isLoading() || failed.count() == 1);
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        const auto error = failed.first().at(1).value<Error>();
        QCOMPARE(error.code(), ErrorCode::NotFound);
        const QString shown = page.errorText();
        QVERIFY2(shown.contains(userText(error).toHtmlEscaped()), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("Details: connection &#x27;nowhere&#x27;"))
                     || shown.contains(QLatin1String("Details: connection 'nowhere'")),
                 qPrintable(shown));
        QVERIFY(!shown.contains(QLatin1String("NOT_FOUND")));
        QVERIFY(!page.isLoading());
    }

    void rapidRefreshesEndWithTheLatestSnapshot()
    {
        // Each refresh supersedes the last: the stale loads are cancelled,
        // not queued behind each other until the pool gives up (POOL_TIMEOUT).
        QTemporaryDir dir;
        QString script;
        for (int i = 0; i < 1500; ++i)
            script += QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, a TEXT, b TEXT);"
                                     "CREATE INDEX t%1_a ON t%1 (a);").arg(i);
        const QString file = dir.filePath(QStringLiteral("many.sqlite"));
        QVERIFY(db::createSqliteDatabase(file, script).ok());
        auto profile = tw::test::sqliteProfile(file, QStringLiteral("many"));
        profile.pool.size = 1;
        profile.pool.overflow = 0;
        profile.pool.acquireTimeoutMs = 500;
        db::ConnectionRegistry registry;
        QVERIFY(tw::test::waitFor(registry.open(profile)));
        ui::SchemaPage page(&registry);
        QSignalSpy loaded(&page, &ui::SchemaPage::snapshotLoaded);
        QSignalSpy failed(&page, &ui::SchemaPage::loadFailed);
        page.load(QStringLiteral("many"));
        for (int i = 0; i < 15; ++i)
            page.refresh();
        QVERIFY(loaded.wait(20000));
        QTest::qWait(200); // nothing stale may arrive after the latest
        QCOMPARE(loaded.count(), 1);
        QVERIFY2(failed.isEmpty(), qPrintable(page.errorText()));
        QVERIFY(!page.isLoading());
        QCOMPARE(page.snapshot()->relations.size(), 1500);
    }

    void aLoadCanBeStoppedAndStartedAgain()
    {
        QTemporaryDir dir;
        QString script;
        for (int i = 0; i < 800; ++i)
            script += QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, a TEXT);").arg(i);
        const QString file = dir.filePath(QStringLiteral("stop.sqlite"));
        QVERIFY(db::createSqliteDatabase(file, script).ok());
        db::ConnectionRegistry registry;
        QVERIFY(tw::test::waitFor(registry.open(tw::test::sqliteProfile(file, QStringLiteral("stop")))));
        ui::SchemaPage page(&registry);
        page.show();
        QSignalSpy loaded(&page, &ui::SchemaPage::snapshotLoaded);
        QSignalSpy failed(&page, &ui::SchemaPage::loadFailed);
        page.load(QStringLiteral("stop"));
        QVERIFY(page.isLoading());
        auto *stop = page.findChild<QToolButton *>(QStringLiteral("schemaStop"));
        QVERIFY(stop && stop->isVisible());
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!page.isLoading());
        QVERIFY(!stop->isVisible());
        QTest::qWait(500); // the stopped job's answer, if any, is dropped
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(failed.count(), 0);
        QVERIFY(!page.snapshot());

        page.refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.snapshot()->relations.size(), 800);
    }
};

QTEST_MAIN(TestSchemaPage)
#include "tst_schema_page.moc"

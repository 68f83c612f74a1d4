// The migrations tab offscreen, on real SQLite files through the real pool
// and the real runner: the files show their states with the right icons and
// colours, Up asks with the dry-run's exact plan and applies, Down undoes,
// Cancel stops a statement that would run for minutes, the lock holder is
// shown while another runner holds the lock, and a connection without a
// migrations directory says how to configure one.
#include "MainWindow.h"
#include "TestEnv.h"
#include "Workbench.h"
#include "db/ConnectionRegistry.h"
#include "migrate/MigrationService.h"
#include "migrations/MigrationConfirmDialog.h"
#include "migrations/MigrationRunView.h"
#include "migrations/MigrationStateStyle.h"
#include "migrations/MigrationStatusModel.h"
#include "migrations/MigrationsPage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;
using migrate::MigrationState;

namespace {

// What a separate sqlite3 connection sees: the runner's work must be on disk.
QStringList query(const QString &file, const char *sql)
{
    QStringList out;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(file).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return {QStringLiteral("<cannot open>")};
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            QStringList cells;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c)
                cells << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, c)));
            out << cells.join(u'|');
        }
    } else {
        out << QStringLiteral("<error: %1>").arg(QString::fromUtf8(sqlite3_errmsg(db)));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

bool exec(const QString &file, const char *sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(file).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, 5000);
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK)
        qWarning() << "sqlite:" << message;
    sqlite3_free(message);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) == text.toUtf8().size();
}

QStringList tableNames(const QString &file)
{
    return query(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'tablewright%' ORDER BY name");
}

// "V2:applied", in the model's order.
QStringList states(const ui::MigrationStatusModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, ui::MigrationStatusModel::StateColumn);
        out << QStringLiteral("%1:%2").arg(index.data(ui::MigrationStatusModel::VersionRole).toString(),
                                           index.data(ui::MigrationStatusModel::StateNameRole).toString());
    }
    return out;
}

QPushButton *button(QWidget &page, const char *name)
{
    return page.findChild<QPushButton *>(QString::fromLatin1(name));
}

} // namespace

class TstMigrationsTab : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<db::ConnectionRegistry> m_registry;
    QString m_db;
    QString m_dir;
    int m_count = 0;

    // A fresh database and migrations folder per test, opened as "mig<n>".
    QString openFresh(bool withDirectory = true)
    {
        const QString name = QStringLiteral("mig%1").arg(++m_count);
        m_db = m_tmp->filePath(name + QStringLiteral(".sqlite"));
        m_dir = m_tmp->filePath(name + QStringLiteral("-migrations"));
        QDir().mkpath(m_dir);
        if (!exec(m_db, "PRAGMA user_version = 1"))   // the pool opens existing files only
            qWarning() << "cannot create" << m_db;
        config::ConnectionProfile profile = test::sqliteProfile(m_db, name);
        if (withDirectory)
            profile.migrationsDir = m_dir;
        if (!test::waitFor(m_registry->open(profile)))
            qWarning() << "open timed out";
        return name;
    }

    bool file(const QString &name, const QString &sql) { return writeFile(QDir(m_dir).filePath(name), sql); }

    // The page, shown, with its status loaded.
    std::unique_ptr<ui::MigrationsPage> showPage(const QString &connection)
    {
        auto page = std::make_unique<ui::MigrationsPage>(m_registry.get());
        QSignalSpy loaded(page.get(), &ui::MigrationsPage::statusLoaded);
        page->resize(1100, 700);
        page->setConnection(connection);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            qWarning() << "not exposed";
        if (!page->isEmptyState() && !loaded.wait(10000) && loaded.isEmpty())
            qWarning() << "status did not load";
        return page;
    }

    // Runs a command through the core, as another front door would.
    bool runCore(const QString &connection, migrate::MigrationCommand command)
    {
        migrate::MigrationRequest request;
        request.command = command;
        auto run = migrate::startMigration(*m_registry, connection, request);
        const auto report = test::resultOf(run.job.future);
        return report.ok();
    }

private slots:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_registry = std::make_unique<db::ConnectionRegistry>();
    }

    void cleanup()
    {
        m_registry->closeAll();
        m_registry.reset();
        m_tmp.reset();
    }

    void showsEachFileWithTheColourAndIconOfItsState()
    {
        const QString c = openFresh();
        QVERIFY(file(QStringLiteral("V1__create_people.sql"), QStringLiteral("CREATE TABLE people (id integer PRIMARY KEY, name text);\n")));
        QVERIFY(file(QStringLiteral("V2__add_email.sql"), QStringLiteral("ALTER TABLE people ADD COLUMN email text;\n")));
        QVERIFY(file(QStringLiteral("V3__bad.sql"),
                     QStringLiteral("CREATE TABLE t3 (x int);\nINSERT INTO no_such_table VALUES (1);\n")));
        QVERIFY(runCore(c, migrate::MigrationCommand::Up));   // V1, V2 applied; V3 fails and rolls back
        QVERIFY(file(QStringLiteral("V4__later.sql"), QStringLiteral("CREATE TABLE later (x int);\n")));
        // Edited after it ran: one statement changed, one added.
        QVERIFY(file(QStringLiteral("V2__add_email.sql"),
                     QStringLiteral("ALTER TABLE people ADD COLUMN mail text;\nCREATE INDEX people_mail ON people (mail);\n")));

        auto page = showPage(c);
        const ui::MigrationStatusModel &model = *page->model();
        QCOMPARE(states(model), (QStringList{QStringLiteral("1:applied"), QStringLiteral("2:checksum-changed"),
                                             QStringLiteral("3:failed"), QStringLiteral("4:pending")}));
        auto stateIndex = [&](int row) { return model.index(row, ui::MigrationStatusModel::StateColumn); };
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto state = MigrationState(stateIndex(row).data(ui::MigrationStatusModel::StateRole).toInt());
            QVERIFY(!stateIndex(row).data(Qt::DecorationRole).value<QIcon>().isNull());
            QCOMPARE(stateIndex(row).data(Qt::DisplayRole).toString(), ui::MigrationStateStyle::label(state));
        }
        // Applied green, failed red, changed amber, pending neutral (no tint).
        QCOMPARE(ui::MigrationStateStyle::color(MigrationState::Applied), QColor(0x2e, 0x7d, 0x32));
        QCOMPARE(ui::MigrationStateStyle::tone(MigrationState::Failed), ui::MigrationStateStyle::Tone::Error);
        QCOMPARE(ui::MigrationStateStyle::tone(MigrationState::ChecksumChanged), ui::MigrationStateStyle::Tone::Warning);
        QVERIFY(!stateIndex(0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!stateIndex(3).data(Qt::BackgroundRole).isValid());
        QCOMPARE(stateIndex(2).data(Qt::BackgroundRole).value<QBrush>().color(),
                 ui::MigrationStateStyle::background(MigrationState::Failed));
        QCOMPARE(stateIndex(1).data(Qt::BackgroundRole).value<QBrush>().color(),
                 ui::MigrationStateStyle::background(MigrationState::ChecksumChanged));
        QVERIFY(ui::MigrationStateStyle::background(MigrationState::Failed)
                != ui::MigrationStateStyle::background(MigrationState::ChecksumChanged));
        // The icons differ by state: a glance tells applied from failed.
        const QImage applied = stateIndex(0).data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage();
        const QImage failed = stateIndex(2).data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage();
        QVERIFY(applied != failed);
        // Applied rows say when and how long.
        QVERIFY(!model.index(0, ui::MigrationStatusModel::InstalledOnColumn).data().toString().isEmpty());
        QVERIFY(!model.index(0, ui::MigrationStatusModel::DurationColumn).data().toString().isEmpty());
        QVERIFY(model.index(3, ui::MigrationStatusModel::InstalledOnColumn).data().toString().isEmpty());
        // The failed attempt's error is in the tooltip.
        QVERIFY2(stateIndex(2).data(Qt::ToolTipRole).toString().contains(QLatin1String("no_such_table")),
                 qPrintable(stateIndex(2).data(Qt::ToolTipRole).toString()));

        // The changed file: its statements compared with the hashes of what ran.
        QVERIFY(page->selectVersion(QStringLiteral("2")));
        auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("migrationTabs"));
        QTRY_VERIFY(tabs->isTabEnabled(1));
        QTRY_VERIFY(page->changesView()->toPlainText().contains(QLatin1String("changed since it ran")));
        QVERIFY(page->changesView()->toPlainText().contains(QLatin1String("Statement 2 (line 2) is new")));
        QVERIFY(page->changesView()->toPlainText().contains(QLatin1String("sha256:")));
        // And line by line against the text that ran, which the history kept.
        QVERIFY2(page->changesView()->toPlainText().contains(QLatin1String("- ALTER TABLE people ADD COLUMN email text;\n"
                                                                            "+ ALTER TABLE people ADD COLUMN mail text;\n"
                                                                            "+ CREATE INDEX people_mail ON people (mail);")),
                 qPrintable(page->changesView()->toPlainText()));
        QTRY_COMPARE(page->sqlView()->toPlainText(),
                     QStringLiteral("ALTER TABLE people ADD COLUMN mail text;\nCREATE INDEX people_mail ON people (mail);\n"));
        // A pending file: its SQL, no changes tab.
        QVERIFY(page->selectVersion(QStringLiteral("4")));
        QCOMPARE(page->sqlView()->toPlainText(), QStringLiteral("CREATE TABLE later (x int);\n"));
        QVERIFY(!tabs->isTabEnabled(1));
        QVERIFY(page->sqlView()->isReadOnly());
    }

    void passesTheModelTester()
    {
        const QString c = openFresh();
        QVERIFY(file(QStringLiteral("V1__a.sql"), QStringLiteral("CREATE TABLE a (x int);\n")));
        QVERIFY(file(QStringLiteral("V2__b.sql"), QStringLiteral("CREATE TABLE b (x int);\n")));
        QVERIFY(file(QStringLiteral("R__view.sql"), QStringLiteral("CREATE VIEW IF NOT EXISTS v AS SELECT 1;\n")));
        auto page = showPage(c);
        QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page->model()->rowCount(), 3);
        page->refresh();
        QTRY_VERIFY(!page->isLoading());
        QCOMPARE(page->model()->rowCount(), 3);
    }

    void upAsksWithTheDryRunPlanThenAppliesAndTheListFollows()
    {
        const QString c = openFresh();
        QVERIFY(file(QStringLiteral("V1__people.sql"),
                     QStringLiteral("CREATE TABLE people (id integer PRIMARY KEY, name text);\n"
                                    "INSERT INTO people (name) VALUES ('ada');\n")));
        QVERIFY(file(QStringLiteral("V2__orders.sql"), QStringLiteral("CREATE TABLE orders (id integer PRIMARY KEY);\n")));
        QVERIFY(file(QStringLiteral("V3__compact.sql"), QStringLiteral("VACUUM;\n")));
        auto page = showPage(c);
        QCOMPARE(states(*page->model()), (QStringList{QStringLiteral("1:pending"), QStringLiteral("2:pending"),
                                                      QStringLiteral("3:pending")}));

        // Up to the selected version first: only V1 is planned and runs.
        QStringList asked;
        page->setConfirmHook([&](ui::MigrationConfirmDialog &dialog) {
            QStringList steps;
            for (int i = 0; i < dialog.planTree()->topLevelItemCount(); ++i)
                steps << dialog.planTree()->topLevelItem(i)->text(0);
            asked << steps.join(u';') + QStringLiteral(" / %1 statement(s), %2 without transaction")
                                            .arg(dialog.statementCount()).arg(dialog.nonTransactionalSteps());
            return true;
        });
        QSignalSpy finished(page.get(), &ui::MigrationsPage::runFinished);
        QVERIFY(page->selectVersion(QStringLiteral("1")));
        QVERIFY(button(*page, "migrationsUpTo")->isEnabled());
        QTest::mouseClick(button(*page, "migrationsUpTo"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0), QStringLiteral("1. apply V1__people.sql / 2 statement(s), 0 without transaction"));
        QCOMPARE(tableNames(m_db), QStringList{QStringLiteral("people")});
        QCOMPARE(states(*page->model()), (QStringList{QStringLiteral("1:applied"), QStringLiteral("2:pending"),
                                                      QStringLiteral("3:pending")}));

        // Up: the rest, with VACUUM flagged as running outside a transaction.
        QTest::mouseClick(button(*page, "migrationsUp"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 15000);
        QCOMPARE(finished.at(1).at(1).toBool(), true);
        QCOMPARE(asked.size(), 2);
        QVERIFY2(asked.at(1).startsWith(QLatin1String("1. apply V2__orders.sql;2. apply V3__compact.sql")), qPrintable(asked.at(1)));
        QVERIFY2(asked.at(1).endsWith(QLatin1String("/ 2 statement(s), 1 without transaction")), qPrintable(asked.at(1)));
        QCOMPARE(tableNames(m_db), (QStringList{QStringLiteral("orders"), QStringLiteral("people")}));
        QCOMPARE(query(m_db, "SELECT version, status FROM tablewright_schema_history ORDER BY installed_rank"),
                 (QStringList{QStringLiteral("1|applied"), QStringLiteral("2|applied"), QStringLiteral("3|applied")}));
        QCOMPARE(states(*page->model()), (QStringList{QStringLiteral("1:applied"), QStringLiteral("2:applied"),
                                                      QStringLiteral("3:applied")}));
        QVERIFY(page->runView()->logText().contains(QLatin1String("Applied 2 migration(s).")));
        QCOMPARE(page->runView()->progress()->value(), page->runView()->progress()->maximum());
        QVERIFY(!button(*page, "migrationsUp")->isEnabled());   // nothing left to apply
    }

    void decliningTheConfirmationRunsNothing()
    {
        const QString c = openFresh();
        QVERIFY(file(QStringLiteral("V1__people.sql"), QStringLiteral("CREATE TABLE people (id integer);\n")));
        auto page = showPage(c);
        int asked = 0;
        page->setConfirmHook([&](ui::MigrationConfirmDialog &dialog) {
            ++asked;
            return dialog.planTree()->topLevelItemCount() == 0;   // false: declined
        });
        page->upAll();
        QTRY_COMPARE(asked, 1);
        QTRY_VERIFY(!page->isRunning());
        QTest::qWait(200);
        QVERIFY(tableNames(m_db).isEmpty());
        QCOMPARE(states(*page->model()), QStringList{QStringLiteral("1:pending")});
    }

    void downToTheSelectedVersionUndoesTheOnesAboveIt()
    {
        const QString c = openFresh();
        QVERIFY(file(QStringLiteral("V1__a.sql"), QStringLiteral("CREATE TABLE a (x int);\n")));
        QVERIFY(file(QStringLiteral("U1__a.sql"), QStringLiteral("DROP TABLE a;\n")));
        QVERIFY(file(QStringLiteral("V2__b.sql"), QStringLiteral("CREATE TABLE b (x int);\n")));
        QVERIFY(file(QStringLiteral("U2__b.sql"), QStringLiteral("DROP TABLE b;\n")));
        QVERIFY(runCore(c, migrate::MigrationCommand::Up));
        QCOMPARE(tableNames(m_db), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        auto page = showPage(c);
        QString summary;
        page->setConfirmHook([&](ui::MigrationConfirmDialog &dialog) {
            summary = dialog.planTree()->topLevelItem(0)->text(0);
            return true;
        });
        QSignalSpy finished(page.get(), &ui::MigrationsPage::runFinished);
        QVERIFY(page->selectVersion(QStringLiteral("1")));
        QVERIFY(button(*page, "migrationsDownTo")->isEnabled());
        QTest::mouseClick(button(*page, "migrationsDownTo"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(summary, QStringLiteral("1. undo U2__b.sql"));
        QCOMPARE(tableNames(m_db), QStringList{QStringLiteral("a")});
        QCOMPARE(states(*page->model()), (QStringList{QStringLiteral("1:applied"), QStringLiteral("2:pending")}));
    }

    void cancelStopsALongStatementAndTheWindowStaysResponsive()
    {
        const QString c = openFresh();
        // Counts to a billion: minutes unless interrupted.
        QVERIFY(file(QStringLiteral("V1__slow.sql"),
                     QStringLiteral("CREATE TABLE slow AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                    "WHERE i < 1000000000) SELECT sum(i) AS total FROM n;\n")));
        auto page = showPage(c);
        page->setConfirmHook([](ui::MigrationConfirmDialog &) { return true; });
        QSignalSpy finished(page.get(), &ui::MigrationsPage::runFinished);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(20);
        page->upAll();
        QTRY_VERIFY(page->isRunning());
        auto *cancel = page->findChild<QPushButton *>(QStringLiteral("runCancel"));
        QTRY_VERIFY(cancel->isEnabled());
        QTest::qWait(500);          // inside the statement by now
        QVERIFY(finished.isEmpty());
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));   // the GUI thread kept turning
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        QVERIFY(tableNames(m_db).isEmpty());
        const QString state = states(*page->model()).value(0);
        QVERIFY2(state == QLatin1String("1:failed") || state == QLatin1String("1:pending"), qPrintable(state));
        QVERIFY(page->runView()->logText().contains(QLatin1String("Cancelling")));
        QVERIFY(!page->isRunning());
    }

    void showsWhoHoldsTheLockWhileWaitingForIt()
    {
        const QString c = openFresh();
        QVERIFY(file(QStringLiteral("V1__a.sql"), QStringLiteral("CREATE TABLE a (x int);\n")));
        // Another live runner on this host holds the lock (this process's pid: alive, so not stale).
        const QByteArray lock = QStringLiteral(
            "CREATE TABLE tablewright_schema_lock (id integer PRIMARY KEY CHECK (id = 1), owner text NOT NULL,"
            " pid integer NOT NULL, host text NOT NULL, application text NOT NULL, since text NOT NULL,"
            " heartbeat text NOT NULL);"
            "INSERT INTO tablewright_schema_lock VALUES (1, 'other', %1, '%2', 'other-runner', '2024-01-01T00:00:00Z',"
            " '2024-01-01T00:00:00Z');")
                                    .arg(QCoreApplication::applicationPid())
                                    .arg(QSysInfo::machineHostName())
                                    .toUtf8();
        QVERIFY(exec(m_db, lock.constData()));
        auto page = showPage(c);
        page->setConfirmHook([](ui::MigrationConfirmDialog &) { return true; });
        QSignalSpy finished(page.get(), &ui::MigrationsPage::runFinished);
        page->upAll();
        QTRY_VERIFY_WITH_TIMEOUT(page->runView()->lockText().contains(QLatin1String("other-runner")), 10000);
        QVERIFY(page->runView()->lockText().contains(QString::number(QCoreApplication::applicationPid())));
        QVERIFY(finished.isEmpty());
        QVERIFY(exec(m_db, "DELETE FROM tablewright_schema_lock"));   // the other runner is done
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QCOMPARE(tableNames(m_db), QStringList{QStringLiteral("a")});
        QVERIFY(page->runView()->lockText().isEmpty());
    }

    void withoutAMigrationsDirectoryExplainsHowToConfigureOne()
    {
        const QString c = openFresh(false);
        auto page = showPage(c);
        QVERIFY(page->isEmptyState());
        QVERIFY2(page->messageText().contains(QLatin1String("migrations:")), qPrintable(page->messageText()));
        QVERIFY(page->messageText().contains(c));
        for (const char *name : {"migrationsUp", "migrationsUpTo", "migrationsDownTo", "migrationsValidate",
                                 "migrationsRepair", "migrationsBaseline"})
            QVERIFY2(!button(*page, name)->isEnabled(), name);
    }

    void validateAndRepairReportAndClearAChangedChecksum()
    {
        const QString c = openFresh();
        QVERIFY(file(QStringLiteral("V1__a.sql"), QStringLiteral("CREATE TABLE a (x int);\n")));
        QVERIFY(runCore(c, migrate::MigrationCommand::Up));
        QVERIFY(file(QStringLiteral("V1__a.sql"), QStringLiteral("CREATE TABLE a (x int, y int);\n")));
        auto page = showPage(c);
        QCOMPARE(states(*page->model()), QStringList{QStringLiteral("1:checksum-changed")});
        QSignalSpy finished(page.get(), &ui::MigrationsPage::runFinished);
        page->validate();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        QVERIFY(page->runView()->logText().contains(QLatin1String("1 problem(s) found.")));

        QString repairText;
        page->setConfirmHook([&](ui::MigrationConfirmDialog &dialog) {
            repairText = dialog.summary();
            return true;
        });
        page->repair();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QVERIFY(repairText.contains(QLatin1String("checksum")));
        QCOMPARE(finished.at(1).at(1).toBool(), true);
        QCOMPARE(states(*page->model()), QStringList{QStringLiteral("1:applied")});
    }

    void theViewMenuOpensTheTabForTheCurrentConnection()
    {
        const QString c = openFresh();
        QVERIFY(file(QStringLiteral("V1__a.sql"), QStringLiteral("CREATE TABLE a (x int);\n")));
        ui::MainWindow window(QList<config::ConnectionProfile>{m_registry->pool(c)->profile()}, m_registry.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openConnection(c);
        QTRY_COMPARE(window.workbench()->currentConnection(), c);
        QAction *open = nullptr;
        for (QAction *action : window.workbench()->menu(ui::MenuGroup::View)->actions())
            if (action->text() == QLatin1String("&Migrations"))
                open = action;
        QVERIFY(open);
        open->trigger();
        QCOMPARE(window.workbench()->currentPage(), ui::PageId::Migrations);
        auto *page = qobject_cast<ui::MigrationsPage *>(window.workbench()->page(ui::PageId::Migrations));
        QVERIFY(page);
        QTRY_COMPARE(states(*page->model()), QStringList{QStringLiteral("1:pending")});
    }
};

QTEST_MAIN(TstMigrationsTab)
#include "tst_migrations_tab.moc"

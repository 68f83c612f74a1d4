// `tablewright schema` end to end: config file or DATABASE_URL → pool →
// catalog snapshot → text, JSON or DDL on stdout, exit codes for every
// kind of bad input.
#include "AppRun.h"
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "db/SqliteFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;

namespace {

using Run = test::AppRun;

// `tablewright schema ARGS`, with DATABASE_URL set when given.
Run runApp(const QStringList &args, const QString &databaseUrl = {})
{
    QMap<QString, QString> env;
    if (!databaseUrl.isEmpty())
        env.insert(QStringLiteral("DATABASE_URL"), databaseUrl);
    return test::runApp(QStringLiteral(TW_APP_BINARY), QStringList{QStringLiteral("schema")} + args, env);
}

QJsonObject findByName(const QJsonArray &array, const QString &name)
{
    for (const auto &value : array) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestCliSchema : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_config;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The demo bookshop as a real SQLite file, named in a config file.
        const QString file = m_dir.filePath(QStringLiteral("demo.sqlite"));
        QFile seed(test::demoSeedPath());
        QVERIFY(seed.open(QIODevice::ReadOnly));
        const Status seeded = db::createSqliteDatabase(file, QString::fromUtf8(seed.readAll()));
        QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().toString()));

        m_config = m_dir.filePath(QStringLiteral("config.yaml"));
        QFile config(m_config);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("connections:\n"
                     "  - name: bookshop\n"
                     "    driver: sqlite\n"
                     "    file: demo.sqlite\n"
                     "  - name: bookkeeping\n"
                     "    driver: sqlite\n"
                     "    file: other.sqlite\n");
    }

    void jsonListsEveryTableWithColumnsKeysAndIndexes()
    {
        const Run run = runApp({QStringLiteral("--config"), m_config, QStringLiteral("--connection"), QStringLiteral("bookshop"),
                                QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("driver")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(root.value(QStringLiteral("connection")).toString(), QStringLiteral("bookshop"));
        const QJsonArray relations = root.value(QStringLiteral("relations")).toArray();

        const QJsonObject books = findByName(relations, QStringLiteral("books"));
        QCOMPARE(books.value(QStringLiteral("kind")).toString(), QStringLiteral("table"));
        QCOMPARE(books.value(QStringLiteral("schema")).toString(), QStringLiteral("main"));
        const QJsonObject price = findByName(books.value(QStringLiteral("columns")).toArray(), QStringLiteral("price"));
        QCOMPARE(price.value(QStringLiteral("type")).toString(), QStringLiteral("NUMERIC(8, 2)"));
        QCOMPARE(price.value(QStringLiteral("notNull")).toBool(), true);
        const QJsonObject inStock = findByName(books.value(QStringLiteral("columns")).toArray(), QStringLiteral("in_stock"));
        QCOMPARE(inStock.value(QStringLiteral("default")).toString(), QStringLiteral("0"));
        QVERIFY(!findByName(books.value(QStringLiteral("indexes")).toArray(), QStringLiteral("books_author_idx")).isEmpty());
        QVERIFY(!findByName(books.value(QStringLiteral("triggers")).toArray(), QStringLiteral("books_touch")).isEmpty());

        bool foreignKeyToAuthors = false;
        for (const auto &c : books.value(QStringLiteral("constraints")).toArray()) {
            const QJsonObject refs = c.toObject().value(QStringLiteral("references")).toObject();
            if (refs.value(QStringLiteral("table")).toString() == QLatin1String("authors"))
                foreignKeyToAuthors = c.toObject().value(QStringLiteral("columns")).toArray().first().toString() == QLatin1String("author_id");
        }
        QVERIFY(foreignKeyToAuthors);

        const QJsonObject view = findByName(relations, QStringLiteral("book_sales"));
        QCOMPARE(view.value(QStringLiteral("kind")).toString(), QStringLiteral("view"));
        QVERIFY(view.value(QStringLiteral("viewDefinition")).toString().contains(QLatin1String("SELECT")));
    }

    void objectOptionNarrowsToOneTable()
    {
        const Run run = runApp({QStringLiteral("--config"), m_config, QStringLiteral("--connection"), QStringLiteral("bookshop"),
                                QStringLiteral("--json"), QStringLiteral("--object"), QStringLiteral("main.orders")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray relations = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("relations")).toArray();
        QCOMPARE(relations.size(), 1);
        QCOMPARE(relations.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("orders"));
    }

    void textForOneObjectListsIt()
    {
        const Run run = runApp({QStringLiteral("--config"), m_config, QStringLiteral("--connection"), QStringLiteral("bookshop"),
                                QStringLiteral("--object"), QStringLiteral("orders")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("schema main")) && run.out.contains(QLatin1String("orders")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QLatin1String("page_views")), qPrintable(run.out));
    }

    void ddlPrintsTheStoredStatements()
    {
        const Run run = runApp({QStringLiteral("--config"), m_config, QStringLiteral("--connection"), QStringLiteral("bookshop"),
                                QStringLiteral("--ddl"), QStringLiteral("--object"), QStringLiteral("books")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("CREATE TABLE books")), qPrintable(run.out));
    }

    void textListsTablesByDefault()
    {
        const Run run = runApp({QStringLiteral("--config"), m_config, QStringLiteral("--connection"), QStringLiteral("bookshop")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("schema main")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("page_views")));
    }

    void unknownConnectionExitsOneNamingItAndCloseMatches()
    {
        const Run run = runApp({QStringLiteral("--config"), m_config, QStringLiteral("--connection"), QStringLiteral("bookshp")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("'bookshp'")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("did you mean: bookshop")), qPrintable(run.err));
    }

    void withoutAnyConfigurationTheHintSaysWhereConnectionsComeFrom()
    {
        // A home without ~/.config/tablewright: nothing configured at all.
        const QMap<QString, QString> env{{QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("empty-home"))},
                                         {QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("empty-home/.config"))}};
        const Run run = test::runApp(QStringLiteral(TW_APP_BINARY), {QStringLiteral("schema"), QStringLiteral("--connection"),
                                                                     QStringLiteral("demo")}, env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("no connections configured")), qPrintable(run.err));
    }

    void helpNamesTheSubcommandAndItsExitCodes()
    {
        const Run run = runApp({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QLatin1String("Usage: tablewright schema --connection NAME")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("--object <name>")));
        QVERIFY(run.out.contains(QLatin1String("Exit codes")));
    }

    void unknownSchemaAndObjectAreNamedWithSuggestions()
    {
        Run run = runApp({QStringLiteral("--config"), m_config, QStringLiteral("--connection"), QStringLiteral("bookshop"),
                          QStringLiteral("--schema"), QStringLiteral("mian")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("schema 'mian' does not exist")) && run.err.contains(QLatin1String("main")),
                 qPrintable(run.err));
        run = runApp({QStringLiteral("--config"), m_config, QStringLiteral("--connection"), QStringLiteral("bookshop"),
                      QStringLiteral("--object"), QStringLiteral("oders")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("'oders'")) && run.err.contains(QLatin1String("orders")), qPrintable(run.err));
    }

    void unreachableDatabaseExitsOne()
    {
        const Run run = runApp({QStringLiteral("--connection"), QStringLiteral("default")},
                               QStringLiteral("postgres://nobody@127.0.0.1:%1/x").arg(test::closedPort()));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("default")), qPrintable(run.err));
    }

    void badArgumentsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no connection") << QStringList{} << QStringLiteral("--connection NAME is required");
        QTest::newRow("json and ddl") << QStringList{QStringLiteral("--connection"), QStringLiteral("bookshop"),
                                                     QStringLiteral("--json"), QStringLiteral("--ddl")}
                                      << QStringLiteral("exclude each other");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--connection"), QStringLiteral("bookshop"),
                                                       QStringLiteral("--jsn")}
                                        << QStringLiteral("jsn");
        QTest::newRow("empty object") << QStringList{QStringLiteral("--connection"), QStringLiteral("bookshop"),
                                                     QStringLiteral("--object"), QString()}
                                      << QStringLiteral("need a name");
        QTest::newRow("empty schema") << QStringList{QStringLiteral("--connection"), QStringLiteral("bookshop"),
                                                     QStringLiteral("--schema"), QStringLiteral(" ")}
                                      << QStringLiteral("need a name");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("--connection"), QStringLiteral("bookshop"),
                                                       QStringLiteral("books")}
                                        << QStringLiteral("unexpected argument 'books'");
    }

    void badArgumentsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = runApp(QStringList{QStringLiteral("--config"), m_config} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void postgresSnapshotThroughDatabaseUrl()
    {
        test::ScratchPostgres scratch(QStringLiteral("cli_schema"));   // dropped on every way out
        TW_REQUIRE_SERVICE(scratch.available(), "PostgreSQL (TW_TEST_PG_PORT)");
        // A database of its own with a schema, a table, a view and a comment.
        Status created;
        const auto pg = scratch.createDatabase({}, &created);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        const Status loaded = test::runScript(pg, QStringLiteral(
            "CREATE SCHEMA sales;"
            "CREATE TABLE sales.\"Order Items\" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, qty integer NOT NULL CHECK (qty > 0));"
            "COMMENT ON TABLE sales.\"Order Items\" IS 'lines of an order';"
            "CREATE VIEW sales.big AS SELECT * FROM sales.\"Order Items\" WHERE qty > 10;"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        const QString url = QStringLiteral("postgres://%1:%2@%3:%4/%5?sslmode=disable")
                                .arg(pg.user, QString::fromUtf8(QUrl::toPercentEncoding(pg.password)), pg.host)
                                .arg(pg.port)
                                .arg(pg.database);
        const Run run = runApp({QStringLiteral("--connection"), QStringLiteral("default"), QStringLiteral("--json"),
                                QStringLiteral("--schema"), QStringLiteral("sales")}, url);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(!run.out.contains(pg.password));
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("driver")).toString(), QStringLiteral("postgres"));
        const QJsonArray relations = root.value(QStringLiteral("relations")).toArray();
        QCOMPARE(relations.size(), 2);
        const QJsonObject items = findByName(relations, QStringLiteral("Order Items"));
        QCOMPARE(items.value(QStringLiteral("comment")).toString(), QStringLiteral("lines of an order"));
        const QJsonObject id = findByName(items.value(QStringLiteral("columns")).toArray(), QStringLiteral("id"));
        QCOMPARE(id.value(QStringLiteral("identity")).toString(), QStringLiteral("always"));
        QCOMPARE(findByName(relations, QStringLiteral("big")).value(QStringLiteral("kind")).toString(), QStringLiteral("view"));

        const Run ddl = runApp({QStringLiteral("--connection"), QStringLiteral("default"), QStringLiteral("--ddl"),
                                QStringLiteral("--schema"), QStringLiteral("sales")}, url);
        QVERIFY2(ddl.exitCode == 0, qPrintable(ddl.err));
        QVERIFY2(ddl.out.contains(QLatin1String("CREATE TABLE sales.\"Order Items\"")), qPrintable(ddl.out));
    }
};

QTEST_GUILESS_MAIN(TestCliSchema)
#include "tst_cli_schema.moc"

// The schema tree model on snapshots built by hand (SchemaSnapshots.h): the
// model tester, the tree's shape, SQLite without a schema level, the search
// filter, and a 5,000-table snapshot staying fast. The page around the
// model: tst_schema_page.cpp.
#include "SchemaSnapshots.h"
#include "schema/SchemaPage.h"
#include "schema/SchemaTreeModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QtTest>

using namespace tw;
using catalog::ObjectKind;
using tw::test::bookshop;
using tw::test::column;
using tw::test::primaryKey;
using tw::test::relation;
using Model = ui::SchemaTreeModel;

namespace {

catalog::Snapshot bigSnapshot(int tables, int columns)
{
    catalog::Snapshot s;
    s.connection = QStringLiteral("big");
    s.driver = config::Driver::Postgres;
    s.schemas = {{QStringLiteral("public"), {}, {}}};
    s.relations.reserve(tables);
    for (int t = 0; t < tables; ++t) {
        catalog::Relation r;
        r.schema = QStringLiteral("public");
        r.name = QStringLiteral("table_%1").arg(t, 5, 10, QLatin1Char('0'));
        for (int c = 1; c <= columns; ++c)
            r.columns.append(column(QStringLiteral("col_%1").arg(c), QStringLiteral("integer"), c));
        r.constraints = {primaryKey(r.name + QStringLiteral("_pkey"), QStringLiteral("col_1"))};
        catalog::Index index;
        index.name = r.name + QStringLiteral("_col_2_idx");
        index.method = QStringLiteral("btree");
        index.keys = {QStringLiteral("col_2")};
        r.indexes = {index};
        s.relations.append(r);
    }
    return s;
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

// Every node reachable in the model, as "a/b/c" display paths.
void collect(const QAbstractItemModel &model, const QModelIndex &parent, const QString &prefix, QStringList &out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        const QString path = prefix.isEmpty() ? index.data().toString() : prefix + QLatin1Char('/') + index.data().toString();
        out << path;
        collect(model, index, path, out);
    }
}

} // namespace

class TestSchemaTree : public QObject
{
    Q_OBJECT

private slots:
    void modelPassesTheModelTesterWholeAndFiltered()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(std::make_shared<const catalog::Snapshot>(bookshop()));
        QStringList all;
        collect(model, {}, {}, all);
        QVERIFY(all.size() > 40);
        model.setFilterText(QStringLiteral("title"));
        model.setFilterText(QStringLiteral("2025"));
        model.setFilterText(QStringLiteral("nothing matches this"));
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText({});
        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void treeListsSchemasKindGroupsObjectsAndMembers()
    {
        Model model;
        model.setSnapshot(std::make_shared<const catalog::Snapshot>(bookshop()));
        QCOMPARE(childNames(model), (QStringList{QStringLiteral("public"), QStringLiteral("sales"), QStringLiteral("Extensions")}));

        const QModelIndex pub = model.index(0, 0);
        QCOMPARE(childNames(model, pub),
                 (QStringList{QStringLiteral("Tables"), QStringLiteral("Views"), QStringLiteral("Materialized views"),
                              QStringLiteral("Sequences"), QStringLiteral("Functions"), QStringLiteral("Procedures"),
                              QStringLiteral("Types")}));
        const QModelIndex tables = model.index(0, 0, pub);
        QCOMPARE(childNames(model, tables), (QStringList{QStringLiteral("authors"), QStringLiteral("books")}));
        QCOMPARE(model.index(0, Model::DetailColumn, tables).data().toString(), QStringLiteral("~1,200 rows"));

        const QModelIndex books = model.index(1, 0, tables);
        QCOMPARE(childNames(model, books),
                 (QStringList{QStringLiteral("Columns"), QStringLiteral("Keys and constraints"),
                              QStringLiteral("Indexes"), QStringLiteral("Triggers")}));
        const QModelIndex columns = model.index(0, 0, books);
        QCOMPARE(childNames(model, columns),
                 (QStringList{QStringLiteral("id"), QStringLiteral("author_id"), QStringLiteral("title"), QStringLiteral("price")}));
        QCOMPARE(model.index(2, Model::DetailColumn, columns).data().toString(), QStringLiteral("character varying(200) NOT NULL"));
        const auto ref = model.index(2, 0, columns).data(Model::RefRole).value<catalog::ObjectRef>();
        QCOMPARE(ref, (catalog::ObjectRef{ObjectKind::Column, QStringLiteral("public"), QStringLiteral("title"), QStringLiteral("books")}));
        QVERIFY(!tables.data(Model::RefRole).isValid());
        QCOMPARE(model.index(1, Model::DetailColumn, model.index(1, 0, books)).data().toString(),
                 QStringLiteral("foreign key → authors(id)"));

        // Types of all kinds in one group, sorted by name; routines by signature.
        QCOMPARE(childNames(model, model.index(6, 0, pub)),
                 (QStringList{QStringLiteral("address"), QStringLiteral("mood"), QStringLiteral("positive_int")}));
        QCOMPARE(childNames(model, model.index(4, 0, pub)), QStringList{QStringLiteral("price_with_tax(price numeric)")});

        // Partitions sit under their partitioned table, not among the tables.
        const QModelIndex sales = model.index(1, 0);
        QCOMPARE(childNames(model, sales), (QStringList{QStringLiteral("Partitioned tables"), QStringLiteral("Foreign tables")}));
        const QModelIndex orders = model.index(0, 0, model.index(0, 0, sales));
        QCOMPARE(orders.data().toString(), QStringLiteral("orders"));
        const QModelIndex partitions = model.index(model.rowCount(orders) - 1, 0, orders);
        QCOMPARE(partitions.data().toString(), QStringLiteral("Partitions"));
        QCOMPARE(childNames(model, partitions), (QStringList{QStringLiteral("orders_2024"), QStringLiteral("orders_2025")}));

        // Paths name nodes and find them again.
        const QModelIndex p2025 = model.index(1, 0, partitions);
        QCOMPARE(model.indexOf(model.pathOf(p2025)), p2025);
        QCOMPARE(model.indexOfRef({ObjectKind::Table, QStringLiteral("sales"), QStringLiteral("orders_2025"), {}}), p2025);
        QCOMPARE(childNames(model, model.index(2, 0)), QStringList{QStringLiteral("pgcrypto")});
    }

    void sqliteShowsItsOneSchemaWithoutASchemaLevel()
    {
        catalog::Snapshot s;
        s.driver = config::Driver::Sqlite;
        s.schemas = {{QStringLiteral("main"), {}, {}}};
        s.relations = {relation(ObjectKind::Table, QStringLiteral("main"), QStringLiteral("t"), {column(QStringLiteral("a"), QStringLiteral("INTEGER"), 1)}),
                       relation(ObjectKind::View, QStringLiteral("main"), QStringLiteral("v"), {column(QStringLiteral("a"), QStringLiteral("INTEGER"), 1)})};
        Model model;
        model.setSnapshot(std::make_shared<const catalog::Snapshot>(s));
        QVERIFY(!model.showsSchemaLevel());
        QCOMPARE(childNames(model), (QStringList{QStringLiteral("Tables"), QStringLiteral("Views")}));
        QVERIFY(model.indexOfRef({ObjectKind::Column, QStringLiteral("main"), QStringLiteral("a"), QStringLiteral("v")}).isValid());
    }

    void filterKeepsOnlyMatchesAndTheirAncestors()
    {
        Model model;
        model.setSnapshot(std::make_shared<const catalog::Snapshot>(bookshop()));
        model.setFilterText(QStringLiteral("TiTlE")); // case-insensitive
        QCOMPARE(model.matchCount(), 2);              // books.title and the view book_titles
        QCOMPARE(childNames(model), QStringList{QStringLiteral("public")});
        const QModelIndex pub = model.index(0, 0);
        QCOMPARE(childNames(model, pub), (QStringList{QStringLiteral("Tables"), QStringLiteral("Views")}));
        const QModelIndex tables = model.index(0, 0, pub);
        QCOMPARE(childNames(model, tables), QStringList{QStringLiteral("books")}); // authors is gone
        const QModelIndex books = model.index(0, 0, tables);
        QCOMPARE(childNames(model, books), QStringList{QStringLiteral("Columns")});
        QCOMPARE(childNames(model, model.index(0, 0, books)), QStringList{QStringLiteral("title")});
        QVERIFY(model.index(0, 0, model.index(0, 0, books)).data(Model::MatchRole).toBool());
        QVERIFY(!books.data(Model::MatchRole).toBool());
        // Below a match everything stays reachable: the view's own columns.
        const QModelIndex view = model.index(0, 0, model.index(1, 0, pub));
        QCOMPARE(view.data().toString(), QStringLiteral("book_titles"));
        QVERIFY(model.rowCount(view) > 0);

        // What a view expands: exactly the ancestors of the matches.
        const QList<QStringList> expand = model.matchAncestorPaths();
        QVERIFY(expand.contains(model.pathOf(books)));
        QVERIFY(expand.contains(model.pathOf(pub)));
        QVERIFY(!expand.contains(model.pathOf(view)));

        model.setFilterText(QStringLiteral("2025"));
        QCOMPARE(childNames(model), QStringList{QStringLiteral("sales")});
        QStringList all;
        collect(model, {}, {}, all);
        QCOMPARE(all, (QStringList{QStringLiteral("sales"), QStringLiteral("sales/Partitioned tables"),
                                   QStringLiteral("sales/Partitioned tables/orders"),
                                   QStringLiteral("sales/Partitioned tables/orders/Partitions"),
                                   QStringLiteral("sales/Partitioned tables/orders/Partitions/orders_2025"),
                                   QStringLiteral("sales/Partitioned tables/orders/Partitions/orders_2025/Columns"),
                                   QStringLiteral("sales/Partitioned tables/orders/Partitions/orders_2025/Columns/id"),
                                   QStringLiteral("sales/Partitioned tables/orders/Partitions/orders_2025/Columns/sold_on")}));

        model.setFilterText({});
        QCOMPARE(childNames(model), (QStringList{QStringLiteral("public"), QStringLiteral("sales"), QStringLiteral("Extensions")}));
    }

    void fiveThousandTablesBuildAndFilterQuickly()
    {
        const catalog::Snapshot big = bigSnapshot(5000, 8);
        QElapsedTimer timer;
        timer.start();
        Model model;
        model.setSnapshot(std::make_shared<const catalog::Snapshot>(big));
        const QModelIndex tables = model.index(0, 0, model.index(0, 0));
        QCOMPARE(model.rowCount(tables), 5000);
        const qint64 buildMs = timer.elapsed();

        timer.restart();
        model.setFilterText(QStringLiteral("table_04242"));
        QCOMPARE(model.matchCount(), 3); // the table, its key and its index
        const qint64 narrowMs = timer.elapsed();

        timer.restart();
        model.setFilterText(QStringLiteral("col_7")); // one column in every table
        QCOMPARE(model.matchCount(), 5000);
        QCOMPARE(model.rowCount(model.index(0, 0, model.index(0, 0))), 5000);
        const qint64 wideMs = timer.elapsed();

        // The whole page: filter, expand up to the cap, lay out and paint.
        ui::SchemaPage page(nullptr);
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        timer.restart();
        page.showSnapshot(big);
        QCoreApplication::processEvents();
        const qint64 pageShowMs = timer.elapsed();
        page.searchEdit()->setText(QStringLiteral("col_7"));
        timer.restart();
        page.applyFilterNow();
        page.repaint();
        const qint64 pageFilterMs = timer.elapsed();

        qInfo("5,000 tables x 8 columns: model build %lld ms, filter one table %lld ms, filter 5,000 columns %lld ms;"
              " page show %lld ms, page filter + expand + paint %lld ms",
              buildMs, narrowMs, wideMs, pageShowMs, pageFilterMs);
        // Generous bounds: they catch a quadratic blow-up, not a slow machine.
        QVERIFY(buildMs < 2000);
        QVERIFY(narrowMs < 2000);
        QVERIFY(wideMs < 2000);
        QVERIFY(pageFilterMs < 2000);
    }
};

QTEST_MAIN(TestSchemaTree)
#include "tst_schema_tree.moc"

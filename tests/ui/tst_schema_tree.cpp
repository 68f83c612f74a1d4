// The schema viewer offscreen, on snapshots built by hand: the tree's shape,
// the search filter, refresh keeping expansion and selection, the details
// pane, and a 5,000-table snapshot staying fast.
#include "ErrorText.h"
#include "TestEnv.h"
#include "catalog/Ddl.h"
#include "db/ConnectionRegistry.h"
#include "db/SqliteFile.h"
#include "schema/ObjectDetailsView.h"
#include "schema/SchemaPage.h"
#include "schema/SchemaTreeModel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QElapsedTimer>
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
using Model = ui::SchemaTreeModel;

namespace {

catalog::Column column(const QString &name, const QString &type, int position, bool notNull = false)
{
    catalog::Column c;
    c.name = name;
    c.type = type;
    c.position = position;
    c.notNull = notNull;
    return c;
}

catalog::Relation relation(ObjectKind kind, const QString &schema, const QString &name, QList<catalog::Column> columns)
{
    catalog::Relation r;
    r.kind = kind;
    r.schema = schema;
    r.name = name;
    r.columns = std::move(columns);
    r.owner = QStringLiteral("admin");
    return r;
}

catalog::Constraint primaryKey(const QString &name, const QString &col)
{
    catalog::Constraint c;
    c.name = name;
    c.type = catalog::Constraint::Type::PrimaryKey;
    c.columns = {col};
    c.definition = QStringLiteral("PRIMARY KEY (%1)").arg(col);
    return c;
}

// A small PostgreSQL-shaped database: two schemas, every object kind,
// a partitioned table with two partitions and one unreadable part.
catalog::Snapshot bookshop()
{
    catalog::Snapshot s;
    s.connection = QStringLiteral("shop");
    s.driver = config::Driver::Postgres;
    s.serverVersion = QStringLiteral("15.8");
    s.loadMs = 12;
    s.schemas = {{QStringLiteral("public"), QStringLiteral("admin"), QStringLiteral("standard public schema")},
                 {QStringLiteral("sales"), QStringLiteral("admin"), {}}};

    auto authors = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("authors"),
                            {column(QStringLiteral("id"), QStringLiteral("integer"), 1, true),
                             column(QStringLiteral("name"), QStringLiteral("text"), 2, true)});
    authors.constraints = {primaryKey(QStringLiteral("authors_pkey"), QStringLiteral("id"))};
    authors.estimatedRows = 1200;
    catalog::Index nameIdx;
    nameIdx.name = QStringLiteral("authors_name_idx");
    nameIdx.method = QStringLiteral("btree");
    nameIdx.keys = {QStringLiteral("name")};
    authors.indexes = {nameIdx};

    auto books = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("books"),
                          {column(QStringLiteral("id"), QStringLiteral("integer"), 1, true),
                           column(QStringLiteral("author_id"), QStringLiteral("integer"), 2, true),
                           column(QStringLiteral("title"), QStringLiteral("character varying(200)"), 3, true),
                           column(QStringLiteral("price"), QStringLiteral("numeric(10,2)"), 4)});
    catalog::Constraint fk;
    fk.name = QStringLiteral("books_author_id_fkey");
    fk.type = catalog::Constraint::Type::ForeignKey;
    fk.columns = {QStringLiteral("author_id")};
    fk.refSchema = QStringLiteral("public");
    fk.refTable = QStringLiteral("authors");
    fk.refColumns = {QStringLiteral("id")};
    fk.definition = QStringLiteral("FOREIGN KEY (author_id) REFERENCES authors(id)");
    catalog::Constraint check;
    check.name = QStringLiteral("books_price_check");
    check.type = catalog::Constraint::Type::Check;
    check.definition = QStringLiteral("CHECK ((price > (0)::numeric))");
    books.constraints = {primaryKey(QStringLiteral("books_pkey"), QStringLiteral("id")), fk, check};
    catalog::Index pkIdx;
    pkIdx.name = QStringLiteral("books_pkey");
    pkIdx.method = QStringLiteral("btree");
    pkIdx.unique = pkIdx.primary = true;
    pkIdx.keys = {QStringLiteral("id")};
    books.indexes = {pkIdx};
    catalog::Trigger audit;
    audit.name = QStringLiteral("books_audit");
    audit.timing = QStringLiteral("AFTER");
    audit.events = {QStringLiteral("UPDATE")};
    audit.level = QStringLiteral("ROW");
    books.triggers = {audit};
    books.comment = QStringLiteral("Every book we sell");

    auto titles = relation(ObjectKind::View, QStringLiteral("public"), QStringLiteral("book_titles"),
                           {column(QStringLiteral("name"), QStringLiteral("text"), 1)});
    titles.viewDefinition = QStringLiteral("SELECT title AS name FROM books");
    auto top = relation(ObjectKind::MaterializedView, QStringLiteral("public"), QStringLiteral("top_books"),
                        {column(QStringLiteral("id"), QStringLiteral("integer"), 1)});

    auto orders = relation(ObjectKind::PartitionedTable, QStringLiteral("sales"), QStringLiteral("orders"),
                           {column(QStringLiteral("id"), QStringLiteral("bigint"), 1, true),
                            column(QStringLiteral("sold_on"), QStringLiteral("date"), 2, true)});
    orders.partitionKey = QStringLiteral("RANGE (sold_on)");
    auto partition = [&](const QString &name, const QString &bound) {
        auto p = relation(ObjectKind::Table, QStringLiteral("sales"), name, orders.columns);
        p.parentSchema = QStringLiteral("sales");
        p.parentTable = QStringLiteral("orders");
        p.partitionBound = bound;
        return p;
    };
    auto rates = relation(ObjectKind::ForeignTable, QStringLiteral("sales"), QStringLiteral("remote_rates"),
                          {column(QStringLiteral("currency"), QStringLiteral("text"), 1)});
    rates.foreignServer = QStringLiteral("rates_server");

    s.relations = {titles, authors, books, top, orders,
                   partition(QStringLiteral("orders_2024"), QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")),
                   partition(QStringLiteral("orders_2025"), QStringLiteral("FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')")),
                   rates};

    catalog::Sequence seq;
    seq.schema = QStringLiteral("public");
    seq.name = QStringLiteral("books_id_seq");
    seq.dataType = QStringLiteral("integer");
    s.sequences = {seq};
    catalog::Routine fn;
    fn.kind = ObjectKind::Function;
    fn.schema = QStringLiteral("public");
    fn.name = QStringLiteral("price_with_tax");
    fn.arguments = fn.identityArguments = QStringLiteral("price numeric");
    fn.returns = QStringLiteral("numeric");
    fn.language = QStringLiteral("sql");
    catalog::Routine proc;
    proc.kind = ObjectKind::Procedure;
    proc.schema = QStringLiteral("public");
    proc.name = QStringLiteral("archive_orders");
    proc.language = QStringLiteral("plpgsql");
    s.routines = {fn, proc};
    s.enums = {{QStringLiteral("public"), QStringLiteral("mood"), {QStringLiteral("sad"), QStringLiteral("happy")}, {}}};
    catalog::Domain positive;
    positive.schema = QStringLiteral("public");
    positive.name = QStringLiteral("positive_int");
    positive.baseType = QStringLiteral("integer");
    s.domains = {positive};
    catalog::CompositeType address;
    address.schema = QStringLiteral("public");
    address.name = QStringLiteral("address");
    address.attributes = {{QStringLiteral("street"), QStringLiteral("text"), {}, {}}};
    s.composites = {address};
    s.extensions = {{QStringLiteral("pgcrypto"), QStringLiteral("public"), QStringLiteral("1.3"), {}}};
    s.problems = {{QStringLiteral("triggers"), Error(ErrorCode::PermissionDenied, QStringLiteral("permission denied for table pg_trigger"))}};
    return s;
}

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

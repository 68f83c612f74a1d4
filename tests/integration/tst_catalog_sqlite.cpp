// Reads the SQLite object fixture (tests/fixtures/schema/sqlite_objects.sql)
// through the pool and checks every object comes back exactly. Chinook,
// generated, empty and broken databases: tst_catalog_sqlite_database.cpp.
#include "CatalogLookup.h"
#include "SqliteCatalogTest.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;
using namespace tw::db;
using namespace tw::catalog;
using namespace tw::test;     // errorText, loadInto, findConstraint, named, names

namespace {

QString fixturePath()
{
    return test::sourceDir() + QStringLiteral("/tests/fixtures/schema/sqlite_objects.sql");
}

Column column(const QString &name, int position, const QString &type, bool notNull = false,
              const QString &defaultValue = {})
{
    Column c;
    c.name = name;
    c.position = position;
    c.type = type;
    c.notNull = notNull;
    c.defaultValue = defaultValue;
    return c;
}

} // namespace

class TestCatalogSqlite : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Snapshot m_fixture;
    QString m_fixtureFile;

    const Relation &rel(const char *name)
    {
        static Relation none;
        const Relation *r = m_fixture.relation(QStringLiteral("main"), QString::fromUtf8(name));
        if (!r)
            qWarning("relation %s missing", name);
        return r ? *r : none;
    }

private slots:
    void initTestCase()
    {
        QFile script(fixturePath());
        QVERIFY2(script.open(QIODevice::ReadOnly), qPrintable(script.fileName()));
        m_fixtureFile = m_dir.filePath(QStringLiteral("objects.sqlite"));
        auto snapshot = loadInto(m_fixtureFile, QString::fromUtf8(script.readAll()), QStringLiteral("objects"));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : errorText(snapshot.error())));
        m_fixture = snapshot.value();
    }

    void fixtureListsEveryRelationAndNothingInternal()
    {
        QCOMPARE(m_fixture.problems.size(), 0);
        QCOMPARE(names(m_fixture.schemas), QStringList{QStringLiteral("main")});
        const QStringList expected{QStringLiteral("Order Items"), QStringLiteral("a\"b"), QStringLiteral("audit_log"),
                                   QStringLiteral("customer"), QStringLiteral("customer_names"),
                                   QStringLiteral("customer_names_upper"), QStringLiteral("measurement"),
                                   QStringLiteral("notes_fts"), QStringLiteral("product"), QStringLiteral("select"),
                                   QStringLiteral("ÜmlautTäble")};
        QCOMPARE(names(m_fixture.relations), expected);
        for (const Relation &r : m_fixture.relations) {
            QCOMPARE(r.schema, QStringLiteral("main"));
            QVERIFY2(r.sql.startsWith(QLatin1String("CREATE ")), qPrintable(r.name));
        }
        QCOMPARE(m_fixture.database, m_fixtureFile);
        QCOMPARE(m_fixture.serverVersion, QString::fromLatin1(sqlite3_libversion()));
        QCOMPARE(m_fixture.driver, config::Driver::Sqlite);
    }

    void tablesCarryStorageOptionsAndStoredSql()
    {
        QCOMPARE(rel("product").withoutRowid, true);
        QCOMPARE(rel("product").strict, false);
        QCOMPARE(rel("measurement").strict, true);
        QCOMPARE(rel("measurement").withoutRowid, false);
        QCOMPARE(rel("customer").kind, ObjectKind::Table);
        QCOMPARE(rel("customer_names").kind, ObjectKind::View);
        QVERIFY(rel("customer").sql.startsWith(QLatin1String("CREATE TABLE customer (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,")));
        // Never analysed: no estimate, and the loader does not count rows.
        QCOMPARE(rel("customer").estimatedRows, -1);
    }

    void columnsKeepDeclaredTypesDefaultsAndCollations()
    {
        QList<Column> expected{column(QStringLiteral("id"), 1, QStringLiteral("INTEGER")),
                               column(QStringLiteral("email"), 2, QStringLiteral("TEXT"), true),
                               column(QStringLiteral("name"), 3, QStringLiteral("VARCHAR(80)"), true,
                                      QStringLiteral("'anonymous'")),
                               column(QStringLiteral("created_at"), 4, QStringLiteral("TEXT"), false,
                                      QStringLiteral("datetime('now')")),
                               column(QStringLiteral("credit"), 5, QStringLiteral("NUMERIC(10,2)"), false,
                                      QStringLiteral("-1.5"))};
        expected[1].collation = QStringLiteral("NOCASE");
        QCOMPARE(rel("customer").columns, expected);
        QCOMPARE(rel("audit_log").column(QStringLiteral("at"))->defaultValue, QStringLiteral("CURRENT_TIMESTAMP"));
        QCOMPARE(rel("measurement").columns.last().type, QStringLiteral("ANY"));
    }

    void generatedColumnsShowExpressionAndStorage()
    {
        const Relation &p = rel("product");
        QCOMPARE(names(p.columns), (QStringList{QStringLiteral("sku"), QStringLiteral("variant"), QStringLiteral("price"),
                                                QStringLiteral("qty"), QStringLiteral("total"), QStringLiteral("label")}));
        const Column *total = p.column(QStringLiteral("total"));
        QCOMPARE(total->generated, QStringLiteral("price * qty"));
        QCOMPARE(total->generatedStorage, QStringLiteral("stored"));
        QCOMPARE(total->type, QStringLiteral("REAL"));
        QCOMPARE(total->position, 5);
        QCOMPARE(total->hidden, false);
        const Column *label = p.column(QStringLiteral("label"));
        QCOMPARE(label->generated, QStringLiteral("upper(sku) || '-' || variant"));
        QCOMPARE(label->generatedStorage, QStringLiteral("virtual"));
        QCOMPARE(label->type, QStringLiteral("TEXT"));
        QCOMPARE(p.column(QStringLiteral("qty"))->generated, QString());
        QCOMPARE(p.column(QStringLiteral("qty"))->generatedStorage, QString());
        QCOMPARE(p.column(QStringLiteral("qty"))->defaultValue, QStringLiteral("1"));
    }

    void primaryKeysFollowKeyOrderAndDeclaredNames()
    {
        const Constraint *customer = findConstraint(rel("customer"), Constraint::Type::PrimaryKey, {QStringLiteral("id")});
        QVERIFY(customer);
        QCOMPARE(customer->name, QString());
        QCOMPARE(customer->definition, QStringLiteral("PRIMARY KEY (id)"));
        const Constraint *product = findConstraint(rel("product"), Constraint::Type::PrimaryKey,
                                                   {QStringLiteral("sku"), QStringLiteral("variant")});
        QVERIFY(product);
        QCOMPARE(product->name, QStringLiteral("product_pk"));
        QCOMPARE(product->definition, QStringLiteral("PRIMARY KEY (sku, variant)"));
        const Constraint *items = findConstraint(rel("Order Items"), Constraint::Type::PrimaryKey,
                                                 {QStringLiteral("order id"), QStringLiteral("line")});
        QVERIFY(items);
        QCOMPARE(items->definition, QStringLiteral("PRIMARY KEY (\"order id\", line)"));
        for (const char *keyless : {"measurement", "select", "a\"b", "audit_log"}) {
            for (const Constraint &c : rel(keyless).constraints)
                QVERIFY2(c.type != Constraint::Type::PrimaryKey, keyless);
        }
    }

    void foreignKeysCarryActionsMatchAndDeferrability()
    {
        const Relation &items = rel("Order Items");
        const Constraint *product = findConstraint(items, Constraint::Type::ForeignKey,
                                                   {QStringLiteral("sku"), QStringLiteral("variant")});
        QVERIFY(product);
        QCOMPARE(product->name, QStringLiteral("items_product_fk"));
        QCOMPARE(product->refSchema, QStringLiteral("main"));
        QCOMPARE(product->refTable, QStringLiteral("product"));
        QCOMPARE(product->refColumns, (QStringList{QStringLiteral("sku"), QStringLiteral("variant")}));
        QCOMPARE(product->onDelete, QStringLiteral("RESTRICT"));
        QCOMPARE(product->onUpdate, QStringLiteral("NO ACTION"));
        QCOMPARE(product->match, QStringLiteral("SIMPLE"));
        QCOMPARE(product->deferrable, true);
        QCOMPARE(product->initiallyDeferred, true);
        QCOMPARE(product->definition, QStringLiteral("FOREIGN KEY (sku, variant) REFERENCES product (sku, variant) "
                                                     "ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED"));

        // References the parent's primary key without naming it.
        const Constraint *customer = findConstraint(items, Constraint::Type::ForeignKey, {QStringLiteral("customer_id")});
        QVERIFY(customer);
        QCOMPARE(customer->name, QString());
        QCOMPARE(customer->refTable, QStringLiteral("customer"));
        QCOMPARE(customer->refColumns, QStringList{QStringLiteral("id")});
        QCOMPARE(customer->onUpdate, QStringLiteral("CASCADE"));
        QCOMPARE(customer->onDelete, QStringLiteral("SET NULL"));
        QCOMPARE(customer->deferrable, false);
        QCOMPARE(customer->initiallyDeferred, false);
        QCOMPARE(customer->definition, QStringLiteral("FOREIGN KEY (customer_id) REFERENCES customer (id) "
                                                      "ON UPDATE CASCADE ON DELETE SET NULL"));

        const Constraint *umlaut = findConstraint(rel("ÜmlautTäble"), Constraint::Type::ForeignKey, {QStringLiteral("a\"b")});
        QVERIFY(umlaut);
        QCOMPARE(umlaut->refTable, QStringLiteral("select"));
        QCOMPARE(umlaut->refColumns, QStringList{QStringLiteral("from")});
        QCOMPARE(umlaut->match, QStringLiteral("FULL"));
        QCOMPARE(umlaut->definition, QStringLiteral("FOREIGN KEY (\"a\"\"b\") REFERENCES \"select\" (\"from\") MATCH FULL"));
    }

    void uniqueAndCheckConstraintsKeepTheirNames()
    {
        const Relation &customer = rel("customer");
        const Constraint *email = findConstraint(customer, Constraint::Type::Unique, {QStringLiteral("email")});
        QVERIFY(email);
        QCOMPARE(email->name, QString());
        QCOMPARE(email->definition, QStringLiteral("UNIQUE (email)"));
        const Constraint *credit = findConstraint(customer, Constraint::Type::Check, {QStringLiteral("credit")});
        QVERIFY(credit);
        QCOMPARE(credit->name, QStringLiteral("credit_positive"));
        QCOMPARE(credit->definition, QStringLiteral("CHECK (credit >= -100)"));
        const Constraint *name = findConstraint(customer, Constraint::Type::Check, {QStringLiteral("name")});
        QVERIFY(name);
        QCOMPARE(name->name, QString());
        QCOMPARE(name->definition, QStringLiteral("CHECK (length(name) > 0)"));
        QCOMPARE(customer.constraints.size(), 4);

        const Constraint *line = findConstraint(rel("Order Items"), Constraint::Type::Unique,
                                                {QStringLiteral("sku"), QStringLiteral("variant"), QStringLiteral("line")});
        QVERIFY(line);
        QCOMPARE(line->name, QStringLiteral("items_unique_line"));
        QCOMPARE(line->definition, QStringLiteral("UNIQUE (sku, variant, line)"));
        const Constraint *quoted = findConstraint(rel("Order Items"), Constraint::Type::Check, {QStringLiteral("a\"b")});
        QVERIFY(quoted);
        QCOMPARE(quoted->definition, QStringLiteral("CHECK (\"a\"\"b\" <> 0)"));
        QCOMPARE(rel("Order Items").constraints.size(), 5);

        const Constraint *price = findConstraint(rel("product"), Constraint::Type::Check, {QStringLiteral("price")});
        QVERIFY(price);
        QCOMPARE(price->name, QStringLiteral("product_price_check"));
        QCOMPARE(price->definition, QStringLiteral("CHECK (price > 0 AND (price < 1000000))"));
    }

    void indexesShowKeysExpressionsPredicatesAndOrigins()
    {
        const Relation &customer = rel("customer");
        QCOMPARE(names(customer.indexes), (QStringList{QStringLiteral("customer_lower_email_idx"),
                                                       QStringLiteral("customer_name_idx"),
                                                       QStringLiteral("sqlite_autoindex_customer_1")}));
        const Index *expr = named(customer.indexes, QStringLiteral("customer_lower_email_idx"));
        QCOMPARE(expr->keys, (QStringList{QStringLiteral("lower(email)"), QStringLiteral("(credit + 1)")}));
        QCOMPARE(expr->unique, true);
        QCOMPARE(expr->primary, false);
        QCOMPARE(expr->method, QStringLiteral("btree"));
        QCOMPARE(expr->predicate, QString());
        QCOMPARE(expr->definition,
                 QStringLiteral("CREATE UNIQUE INDEX customer_lower_email_idx ON customer (lower(email), (credit + 1) DESC)"));
        const Index *plain = named(customer.indexes, QStringLiteral("customer_name_idx"));
        QCOMPARE(plain->keys, (QStringList{QStringLiteral("name"), QStringLiteral("created_at")}));
        QCOMPARE(plain->unique, false);
        const Index *autoIndex = named(customer.indexes, QStringLiteral("sqlite_autoindex_customer_1"));
        QCOMPARE(autoIndex->keys, QStringList{QStringLiteral("email")});
        QCOMPARE(autoIndex->unique, true);
        QCOMPARE(autoIndex->definition, QString());
        QCOMPARE(autoIndex->constraintName, QString());

        const Index *partial = named(rel("measurement").indexes, QStringLiteral("measurement_positive_idx"));
        QVERIFY(partial);
        QCOMPARE(partial->keys, QStringList{QStringLiteral("value")});
        QCOMPARE(partial->predicate, QStringLiteral("value > 0 AND tag IS NOT NULL"));

        const Index *pk = named(rel("product").indexes, QStringLiteral("sqlite_autoindex_product_1"));
        QVERIFY(pk);
        QCOMPARE(pk->primary, true);
        QCOMPARE(pk->unique, true);
        QCOMPARE(pk->keys, (QStringList{QStringLiteral("sku"), QStringLiteral("variant")}));
        QCOMPARE(pk->constraintName, QStringLiteral("product_pk"));

        const Relation &items = rel("Order Items");
        QCOMPARE(names(items.indexes), (QStringList{QStringLiteral("Order Items_select_idx"),
                                                    QStringLiteral("sqlite_autoindex_Order Items_1"),
                                                    QStringLiteral("sqlite_autoindex_Order Items_2")}));
        QCOMPARE(items.indexes[0].keys, QStringList{QStringLiteral("select")});
        QCOMPARE(items.indexes[1].primary, true);
        QCOMPARE(items.indexes[1].keys, (QStringList{QStringLiteral("order id"), QStringLiteral("line")}));
        QCOMPARE(items.indexes[2].constraintName, QStringLiteral("items_unique_line"));
    }

    void triggersShowTimingEventsAndTheirTable()
    {
        QCOMPARE(rel("customer").triggers.size(), 1);
        const Trigger &audit = rel("customer").triggers.first();
        QCOMPARE(audit.name, QStringLiteral("customer_audit"));
        QCOMPARE(audit.timing, QStringLiteral("AFTER"));
        QCOMPARE(audit.events, QStringList{QStringLiteral("INSERT")});
        QCOMPARE(audit.level, QStringLiteral("ROW"));
        QVERIFY(audit.definition.startsWith(QLatin1String("CREATE TRIGGER customer_audit AFTER INSERT ON customer")));
        QVERIFY(audit.definition.endsWith(QLatin1String("END")));

        QCOMPARE(rel("product").triggers.size(), 1);
        const Trigger &guard = rel("product").triggers.first();
        QCOMPARE(guard.timing, QStringLiteral("BEFORE"));
        QCOMPARE(guard.events, QStringList{QStringLiteral("UPDATE OF price, qty")});

        QCOMPARE(rel("customer_names").triggers.size(), 1);
        QCOMPARE(rel("customer_names").triggers.first().timing, QStringLiteral("INSTEAD OF"));
        QCOMPARE(rel("customer_names").triggers.first().events, QStringList{QStringLiteral("INSERT")});

        QCOMPARE(rel("Order Items").triggers.size(), 1);
        QCOMPARE(rel("Order Items").triggers.first().name, QStringLiteral("items_delete_log"));
        QCOMPARE(rel("Order Items").triggers.first().events, QStringList{QStringLiteral("DELETE")});
        QCOMPARE(rel("audit_log").triggers.size(), 0);
    }

    void viewsShowTheirSelectColumnsAndDependencies()
    {
        const Relation &names = rel("customer_names");
        QCOMPARE(names.viewDefinition, QStringLiteral("SELECT id, name FROM customer WHERE credit >= 0"));
        QCOMPARE(names.dependsOn, (QList<QualifiedName>{QualifiedName{QStringLiteral("main"), QStringLiteral("customer")}}));
        QCOMPARE(names.columns.size(), 2);
        QCOMPARE(names.columns[1].name, QStringLiteral("name"));
        QCOMPARE(names.columns[1].type, QStringLiteral("VARCHAR(80)"));
        QCOMPARE(names.constraints.size(), 0);

        const Relation &upper = rel("customer_names_upper");
        QCOMPARE(upper.viewDefinition,
                 QStringLiteral("SELECT n.id, upper(n.name) FROM customer_names AS n JOIN customer c ON c.id = n.id"));
        QCOMPARE(upper.dependsOn, (QList<QualifiedName>{QualifiedName{QStringLiteral("main"), QStringLiteral("customer")}, QualifiedName{QStringLiteral("main"), QStringLiteral("customer_names")}}));
        QCOMPARE(::names(upper.columns), (QStringList{QStringLiteral("id"), QStringLiteral("upper_name")}));
    }

    void oddIdentifiersComeBackExactly()
    {
        QCOMPARE(::names(rel("Order Items").columns),
                 (QStringList{QStringLiteral("order id"), QStringLiteral("line"), QStringLiteral("sku"),
                              QStringLiteral("variant"), QStringLiteral("customer_id"), QStringLiteral("select"),
                              QStringLiteral("a\"b")}));
        QCOMPARE(::names(rel("select").columns), (QStringList{QStringLiteral("from"), QStringLiteral("ÜmlautSpalte")}));
        QCOMPARE(rel("select").column(QStringLiteral("ÜmlautSpalte"))->defaultValue, QStringLiteral("42"));
        QCOMPARE(::names(rel("ÜmlautTäble").columns), (QStringList{QStringLiteral("größe"), QStringLiteral("a\"b")}));
        QCOMPARE(rel("ÜmlautTäble").constraints.first().columns, QStringList{QStringLiteral("größe")});
        QCOMPARE(::names(rel("a\"b").columns), (QStringList{QStringLiteral("a\"b"), QStringLiteral("x")}));
        QCOMPARE(rel("a\"b").name, QStringLiteral("a\"b"));
    }

    void virtualTableShowsHiddenColumnsAndNoShadowTables()
    {
        const Relation &fts = rel("notes_fts");
        QCOMPARE(fts.kind, ObjectKind::Table);
        QCOMPARE(::names(fts.columns), (QStringList{QStringLiteral("title"), QStringLiteral("body"),
                                                    QStringLiteral("notes_fts"), QStringLiteral("rank")}));
        QCOMPARE(fts.columns[0].hidden, false);
        QCOMPARE(fts.columns[2].hidden, true);
        QCOMPARE(fts.columns[3].hidden, true);
        QCOMPARE(fts.columns[3].generated, QString());
        for (const Relation &r : m_fixture.relations)
            QVERIFY2(!r.name.startsWith(QLatin1String("notes_fts_")), qPrintable(r.name));
    }

    void analyzedTablesGiveEstimatesAndDbstatGivesSizes()
    {
        const QString file = m_dir.filePath(QStringLiteral("analyzed.sqlite"));
        QVERIFY(QFile::copy(m_fixtureFile, file));
        auto snapshot = loadInto(file, QStringLiteral("INSERT INTO measurement VALUES (1, 2.5, 'a', 1), (2, -1, 'b', 2), "
                                                      "(3, 4, NULL, 3); ANALYZE;"),
                                 QStringLiteral("analyzed"));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : errorText(snapshot.error())));
        const Snapshot &s = snapshot.value();
        QCOMPARE(s.problems.size(), 0);
        QCOMPARE(s.relation(QStringLiteral("main"), QStringLiteral("customer"))->estimatedRows, 2);
        QCOMPARE(s.relation(QStringLiteral("main"), QStringLiteral("measurement"))->estimatedRows, 3);
        QVERIFY(!s.relation(QStringLiteral("main"), QStringLiteral("sqlite_stat1")));

        // Debian's SQLite has dbstat; a build without it leaves sizes at -1.
        Pool pool(test::sqliteProfile(file, QStringLiteral("dbstat-probe")));
        const bool dbstat = test::resultOf(pool.run([](Session &s) {
                                return s.scalar(QStringLiteral("SELECT count(*) FROM dbstat"));
                            })).ok();
        const Relation *customer = s.relation(QStringLiteral("main"), QStringLiteral("customer"));
        if (dbstat) {
            QCOMPARE(customer->tableBytes, 4096);
            QCOMPARE(customer->indexBytes, 3 * 4096);
            QCOMPARE(named(customer->indexes, QStringLiteral("customer_name_idx"))->sizeBytes, 4096);
        } else {
            QCOMPARE(customer->tableBytes, -1);
        }
        QCOMPARE(s.relation(QStringLiteral("main"), QStringLiteral("customer_names"))->tableBytes, -1);
    }
};

QTEST_GUILESS_MAIN(TestCatalogSqlite)
#include "tst_catalog_sqlite.moc"

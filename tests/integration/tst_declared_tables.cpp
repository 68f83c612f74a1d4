// Tables declared in the config (issue 9) against real PostgreSQL and
// SQLite: `ensure` creates what is missing and touches nothing else,
// `generate`'s diff is exact, additive and undoable. Every case runs on both
// engines, each on a database of its own.
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "catalog/CatalogLoader.h"
#include "config/ConfigLoader.h"
#include "db/Pool.h"
#include "db/SqliteFile.h"
#include "migrate/DeclaredTables.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tw;
using namespace tw::migrate;
using config::DeclaredTable;
using config::Driver;

namespace {

// Types valid on both engines, so one declaration serves both. Listed
// orders-first: creation must still put customers (its FK target) first.
const QByteArray kTables =
    "    tables:\n"
    "      - name: orders\n"
    "        columns:\n"
    "          - {name: id, type: integer, nullable: false}\n"
    "          - {name: customer_id, type: integer}\n"
    "          - {name: status, type: text, nullable: false, default: \"'new'\"}\n"
    "          - {name: total, type: \"numeric(10,2)\", default: \"0\"}\n"
    "        primary_key: [id]\n"
    "        indexes:\n"
    "          - {columns: [customer_id]}\n"
    "          - {name: orders_status_total, columns: [status, total], unique: true}\n"
    "        foreign_keys:\n"
    "          - {columns: [customer_id], references: customers(id), on_delete: cascade}\n"
    "      - name: customers\n"
    "        columns:\n"
    "          - {name: id, type: integer, nullable: false}\n"
    "          - {name: name, type: text, nullable: false}\n"
    "          - {name: email, type: text}\n"
    "        primary_key: [id]\n"
    "        unique: [[email]]\n"
    "        indexes:\n"
    "          - {columns: [name]}\n";

const QString kCreateOrders = QStringLiteral(
    "CREATE TABLE \"orders\" (\n"
    "    \"id\" integer NOT NULL,\n"
    "    \"customer_id\" integer,\n"
    "    \"status\" text NOT NULL DEFAULT 'new',\n"
    "    \"total\" numeric(10,2) DEFAULT 0,\n"
    "    PRIMARY KEY (\"id\"),\n"
    "    FOREIGN KEY (\"customer_id\") REFERENCES \"customers\" (\"id\") ON DELETE CASCADE\n"
    ")");

QString text(const Error &e)
{
    return e.toString();
}

const catalog::Index *findIndex(const catalog::Relation &r, const QString &name)
{
    for (const auto &i : r.indexes) {
        if (i.name == name)
            return &i;
    }
    return nullptr;
}

const catalog::Constraint *findConstraint(const catalog::Relation &r, catalog::Constraint::Type type)
{
    for (const auto &c : r.constraints) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

QStringList columnNames(const catalog::Relation &r)
{
    QStringList names;
    for (const auto &c : r.columns)
        names << c.name;
    return names;
}

// What the engines may change on their own between two loads.
QList<catalog::Relation> shapes(catalog::Snapshot s)
{
    for (auto &r : s.relations) {
        r.estimatedRows = r.tableBytes = r.indexBytes = -1;
        r.sql.clear(); // SQLite rewrites the stored text on ALTER TABLE
        for (auto &i : r.indexes)
            i.sizeBytes = -1;
    }
    return s.relations;
}

} // namespace

class TestDeclaredTables : public QObject
{
    Q_OBJECT

public:
    TestDeclaredTables() : m_pg(QStringLiteral("tw_declared")) {}

private:
    Driver driverOf(const QString &engine) const
    {
        return engine == u"postgres" ? Driver::Postgres : Driver::Sqlite;
    }

    std::unique_ptr<db::Pool> freshDatabase(const QString &engine)
    {
        ++m_count;
        if (engine == u"postgres")
            return std::make_unique<db::Pool>(m_pg.createDatabase(QString::number(m_count)));
        const QString file = m_dir.filePath(QStringLiteral("db%1.sqlite").arg(m_count));
        if (Status made = db::createSqliteDatabase(file, {}); !made.ok())
            qWarning() << made.error().toString();
        return std::make_unique<db::Pool>(test::sqliteProfile(file, QStringLiteral("lite%1").arg(m_count)));
    }

    // Through the real config parser, as the CLI reads them.
    static QList<DeclaredTable> declared(Driver driver, const QByteArray &tables = kTables)
    {
        const QByteArray head = driver == Driver::Postgres
                                    ? "connections:\n  - name: app\n    driver: postgres\n    host: h\n    database: d\n"
                                    : "connections:\n  - name: app\n    driver: sqlite\n    file: app.db\n";
        const auto config = config::parseConfig(head + tables, QStringLiteral("test.yaml"));
        if (!config.ok()) {
            qWarning() << config.error().toString();
            return {};
        }
        return config.value().connections.first().declaredTables;
    }

    static Result<qint64> execChecked(db::Pool &pool, const QStringList &statements)
    {
        return test::resultOf(pool.run([statements](db::Session &s) -> Result<qint64> {
            for (const QString &sql : statements) {
                if (auto done = s.execute(sql); !done)
                    return Error(done.error().code(), sql + QStringLiteral(": ") + done.error().message());
            }
            return qint64(statements.size());
        }));
    }

    static Result<catalog::Snapshot> snapshot(db::Pool &pool)
    {
        return test::resultOf(pool.run([](db::Session &s) { return catalog::readSnapshot(s); }));
    }

    static Result<QList<EnsureOutcome>> ensure(db::Pool &pool, const QList<DeclaredTable> &tables)
    {
        return test::resultOf(pool.run([tables](db::Session &s) { return ensureDeclaredTables(s, tables); }));
    }

    static QString schemaOf(Driver driver) { return driver == Driver::Postgres ? QStringLiteral("public") : QStringLiteral("main"); }

    void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("postgres") << QStringLiteral("postgres");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
    }

    void ensureCreatesMissingTablesInForeignKeyOrder_data() { engines(); }
    void ensureCreatesMissingTablesInForeignKeyOrder()
    {
        QFETCH(QString, engine);
        const Driver driver = driverOf(engine);
        auto pool = freshDatabase(engine);
        const auto tables = declared(driver);
        QCOMPARE(tables.size(), 2);

        const auto outcomes = ensure(*pool, tables);
        QVERIFY2(outcomes.ok(), qPrintable(outcomes.ok() ? QString() : text(outcomes.error())));
        QCOMPARE(outcomes.value().size(), 2);
        const QString schema = schemaOf(driver);
        QCOMPARE(outcomes.value().at(0).table, schema + QStringLiteral(".customers"));
        QCOMPARE(outcomes.value().at(1).table, schema + QStringLiteral(".orders"));
        for (const EnsureOutcome &o : outcomes.value())
            QVERIFY2(o.action == EnsureOutcome::Action::Created, qPrintable(o.table + u' ' + o.error));
        QCOMPARE(outcomes.value().at(1).statements.first(), kCreateOrders);

        const auto live = snapshot(*pool);
        QVERIFY(live.ok());
        const catalog::Relation *orders = live.value().relation(schema, QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(columnNames(*orders), (QStringList{QStringLiteral("id"), QStringLiteral("customer_id"),
                                                    QStringLiteral("status"), QStringLiteral("total")}));
        QVERIFY(orders->column(QStringLiteral("status"))->notNull);
        QVERIFY(!orders->column(QStringLiteral("customer_id"))->notNull);
        QCOMPARE(findConstraint(*orders, catalog::Constraint::Type::PrimaryKey)->columns, QStringList{QStringLiteral("id")});
        const catalog::Constraint *fk = findConstraint(*orders, catalog::Constraint::Type::ForeignKey);
        QVERIFY(fk);
        QCOMPARE(fk->columns, QStringList{QStringLiteral("customer_id")});
        QCOMPARE(fk->refTable, QStringLiteral("customers"));
        QCOMPARE(fk->refColumns, QStringList{QStringLiteral("id")});
        QCOMPARE(fk->onDelete, QStringLiteral("CASCADE"));
        const catalog::Index *byCustomer = findIndex(*orders, QStringLiteral("orders_customer_id_idx"));
        QVERIFY(byCustomer);
        QCOMPARE(byCustomer->keys, QStringList{QStringLiteral("customer_id")});
        QVERIFY(!byCustomer->unique);
        const catalog::Index *byStatus = findIndex(*orders, QStringLiteral("orders_status_total"));
        QVERIFY(byStatus);
        QVERIFY(byStatus->unique);
        QCOMPARE(byStatus->keys, (QStringList{QStringLiteral("status"), QStringLiteral("total")}));
        const catalog::Relation *customers = live.value().relation(schema, QStringLiteral("customers"));
        QVERIFY(customers);
        const catalog::Constraint *unique = findConstraint(*customers, catalog::Constraint::Type::Unique);
        QVERIFY(unique);
        QCOMPARE(unique->columns, QStringList{QStringLiteral("email")});
        QVERIFY(findIndex(*customers, QStringLiteral("customers_name_idx")));

        // The default and the cascade work as declared.
        QVERIFY(execChecked(*pool, {QStringLiteral("INSERT INTO customers (id, name) VALUES (1, 'a')"),
                                    QStringLiteral("INSERT INTO orders (id, customer_id) VALUES (10, 1)"),
                                    QStringLiteral("DELETE FROM customers")}).ok());
        const auto left = test::resultOf(pool->run([](db::Session &s) { return s.scalar(QStringLiteral("SELECT count(*) FROM orders")); }));
        QVERIFY(left.ok());
        QCOMPARE(left.value().toInt(), 0);

        // A second run finds everything there.
        const auto again = ensure(*pool, tables);
        QVERIFY(again.ok());
        for (const EnsureOutcome &o : again.value())
            QCOMPARE(o.action, EnsureOutcome::Action::Skipped);
    }

    void ensureSkipsAnExistingTableAndKeepsItsRows_data() { engines(); }
    void ensureSkipsAnExistingTableAndKeepsItsRows()
    {
        QFETCH(QString, engine);
        const Driver driver = driverOf(engine);
        auto pool = freshDatabase(engine);
        QVERIFY(execChecked(*pool, {QStringLiteral("CREATE TABLE customers (id integer PRIMARY KEY, name text)"),
                                    QStringLiteral("INSERT INTO customers VALUES (1, 'a'), (2, 'b'), (3, 'c')")}).ok());
        const auto outcomes = ensure(*pool, declared(driver));
        QVERIFY(outcomes.ok());
        QCOMPARE(outcomes.value().size(), 2);
        QCOMPARE(outcomes.value().at(0).action, EnsureOutcome::Action::Skipped);
        QVERIFY(outcomes.value().at(0).statements.isEmpty());
        QCOMPARE(outcomes.value().at(1).action, EnsureOutcome::Action::Created);

        const auto live = snapshot(*pool);
        QVERIFY(live.ok());
        const catalog::Relation *customers = live.value().relation(schemaOf(driver), QStringLiteral("customers"));
        QVERIFY(customers);
        // Never altered: the declared email column and unique key are not added.
        QCOMPARE(columnNames(*customers), (QStringList{QStringLiteral("id"), QStringLiteral("name")}));
        QVERIFY(!findIndex(*customers, QStringLiteral("customers_name_idx")));
        const auto rows = test::resultOf(pool->run([](db::Session &s) {
            return s.scalar(QStringLiteral("SELECT count(*) || ':' || min(name) || max(name) FROM customers"));
        }));
        QVERIFY(rows.ok());
        QCOMPARE(rows.value().toString(), QStringLiteral("3:ac"));
    }

    void oneFailingTableDoesNotStopTheOthers_data() { engines(); }
    void oneFailingTableDoesNotStopTheOthers()
    {
        QFETCH(QString, engine);
        const Driver driver = driverOf(engine);
        auto pool = freshDatabase(engine);
        // broken_index: its table is created, then its index clashes with
        // customers' one: the whole table must roll back with it.
        QByteArray yaml = kTables
                          + "      - name: broken_index\n"
                            "        columns: [{name: name, type: text}]\n"
                            "        indexes: [{name: customers_name_idx, columns: [name]}]\n";
        if (driver == Driver::Postgres) // SQLite takes any type name
            yaml = "    tables:\n      - {name: broken_type, columns: [{name: a, type: nosuchtype}]}\n"
                   + yaml.mid(QByteArray("    tables:\n").size());
        const auto tables = declared(driver, yaml);
        QCOMPARE(tables.size(), driver == Driver::Postgres ? 4 : 3);

        const auto outcomes = ensure(*pool, tables);
        QVERIFY2(outcomes.ok(), qPrintable(outcomes.ok() ? QString() : text(outcomes.error())));
        QHash<QString, EnsureOutcome> byName;
        for (const EnsureOutcome &o : outcomes.value())
            byName.insert(o.table.section(u'.', 1), o);
        QCOMPARE(byName.value(QStringLiteral("customers")).action, EnsureOutcome::Action::Created);
        QCOMPARE(byName.value(QStringLiteral("orders")).action, EnsureOutcome::Action::Created);
        const EnsureOutcome broken = byName.value(QStringLiteral("broken_index"));
        QCOMPARE(broken.action, EnsureOutcome::Action::Failed);
        QVERIFY(!broken.error.isEmpty());
        QCOMPARE(broken.statements.size(), 2);
        if (driver == Driver::Postgres) {
            const EnsureOutcome type = byName.value(QStringLiteral("broken_type"));
            QCOMPARE(type.action, EnsureOutcome::Action::Failed);
            QVERIFY2(type.error.contains(QLatin1String("nosuchtype")), qPrintable(type.error));
        }

        const auto live = snapshot(*pool);
        QVERIFY(live.ok());
        const QString schema = schemaOf(driver);
        QVERIFY(live.value().relation(schema, QStringLiteral("customers")));
        QVERIFY(live.value().relation(schema, QStringLiteral("orders")));
        QVERIFY(!live.value().relation(schema, QStringLiteral("broken_index")));
        QVERIFY(!live.value().relation(schema, QStringLiteral("broken_type")));
    }

    void diffOfALiveSchemaIsExact_data() { engines(); }
    void diffOfALiveSchemaIsExact()
    {
        QFETCH(QString, engine);
        const Driver driver = driverOf(engine);
        auto pool = freshDatabase(engine);
        QVERIFY(execChecked(*pool, {QStringLiteral("CREATE TABLE customers (id integer NOT NULL PRIMARY KEY, name text NOT NULL)")}).ok());
        const auto live = snapshot(*pool);
        QVERIFY(live.ok());

        const SchemaDiff diff = diffDeclaredTables(live.value(), declared(driver), driver);
        QStringList up{kCreateOrders,
                       QStringLiteral("CREATE INDEX \"orders_customer_id_idx\" ON \"orders\" (\"customer_id\")"),
                       QStringLiteral("CREATE UNIQUE INDEX \"orders_status_total\" ON \"orders\" (\"status\", \"total\")"),
                       QStringLiteral("ALTER TABLE \"customers\" ADD COLUMN \"email\" text"),
                       QStringLiteral("CREATE INDEX \"customers_name_idx\" ON \"customers\" (\"name\")")};
        QStringList down{QStringLiteral("DROP INDEX \"customers_name_idx\""),
                         QStringLiteral("ALTER TABLE \"customers\" DROP COLUMN \"email\""),
                         QStringLiteral("DROP TABLE \"orders\"")};
        if (driver == Driver::Postgres) {
            up << QStringLiteral("ALTER TABLE \"customers\" ADD CONSTRAINT \"customers_email_key\" UNIQUE (\"email\")");
            down.prepend(QStringLiteral("ALTER TABLE \"customers\" DROP CONSTRAINT \"customers_email_key\""));
            QCOMPARE(diff.needsHandWritten, QStringList());
        } else {
            QCOMPARE(diff.needsHandWritten.size(), 1);
            QVERIFY2(diff.needsHandWritten.first().startsWith(QLatin1String("main.customers: unique (email) is missing; SQLite cannot")),
                     qPrintable(diff.needsHandWritten.first()));
        }
        QCOMPARE(diff.up, up);
        QCOMPARE(diff.down, down);
    }

    void upThenDownRestoresTheSchema_data() { engines(); }
    void upThenDownRestoresTheSchema()
    {
        QFETCH(QString, engine);
        const Driver driver = driverOf(engine);
        auto pool = freshDatabase(engine);
        QVERIFY(execChecked(*pool, {QStringLiteral("CREATE TABLE customers (id integer NOT NULL PRIMARY KEY, name text NOT NULL)"),
                                    QStringLiteral("INSERT INTO customers VALUES (1, 'a'), (2, 'b')")}).ok());
        const auto before = snapshot(*pool);
        QVERIFY(before.ok());
        const auto tables = declared(driver);
        const SchemaDiff diff = diffDeclaredTables(before.value(), tables, driver);
        QVERIFY(!diff.isEmpty());

        const auto applied = execChecked(*pool, diff.up);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : text(applied.error())));
        const auto after = snapshot(*pool);
        QVERIFY(after.ok());
        QVERIFY(shapes(after.value()) != shapes(before.value()));
        // The generated migration brings the schema to the declaration: nothing left to generate.
        QCOMPARE(diffDeclaredTables(after.value(), tables, driver).up, QStringList());

        const auto undone = execChecked(*pool, diff.down);
        QVERIFY2(undone.ok(), qPrintable(undone.ok() ? QString() : text(undone.error())));
        const auto restored = snapshot(*pool);
        QVERIFY(restored.ok());
        QCOMPARE(shapes(restored.value()), shapes(before.value()));
        const auto rows = test::resultOf(pool->run([](db::Session &s) { return s.scalar(QStringLiteral("SELECT count(*) FROM customers")); }));
        QCOMPARE(rows.value().toInt(), 2);
    }

    void differencesThatNeedAPersonAreListedNotGenerated_data() { engines(); }
    void differencesThatNeedAPersonAreListedNotGenerated()
    {
        QFETCH(QString, engine);
        const Driver driver = driverOf(engine);
        const bool pg = driver == Driver::Postgres;
        auto pool = freshDatabase(engine);
        QVERIFY(execChecked(*pool, {QStringLiteral("CREATE TABLE customers (id integer NOT NULL PRIMARY KEY, name text NOT NULL, "
                                                   "legacy text, created timestamp with time zone)"),
                                    QStringLiteral("CREATE TABLE old_stuff (x integer)")}).ok());
        const auto live = snapshot(*pool);
        QVERIFY(live.ok());
        // Aliases of the live types (int4, timestamptz) are not differences.
        const QByteArray yaml = QByteArray("    tables:\n      - name: customers\n        columns:\n")
                                + (pg ? "          - {name: id, type: int4, nullable: false}\n"
                                      : "          - {name: id, type: INTEGER, nullable: false}\n")
                                + "          - {name: name, type: varchar(100)}\n"
                                + (pg ? "          - {name: created, type: timestamptz}\n"
                                      : "          - {name: created, type: timestamp  with time zone}\n")
                                + "          - {name: nick, type: text, nullable: false}\n"
                                  "          - {name: note, type: text, default: \"'x'\"}\n"
                                  "        primary_key: [id]\n";
        const auto tables = declared(driver, yaml);
        QCOMPARE(tables.size(), 1);
        const SchemaDiff diff = diffDeclaredTables(live.value(), tables, driver);

        QCOMPARE(diff.up, QStringList{QStringLiteral("ALTER TABLE \"customers\" ADD COLUMN \"note\" text DEFAULT 'x'")});
        QCOMPARE(diff.down, QStringList{QStringLiteral("ALTER TABLE \"customers\" DROP COLUMN \"note\"")});
        const QString t = schemaOf(driver) + QStringLiteral(".customers");
        const QStringList expected{
            t + QStringLiteral(".name: type varchar(100) in the config, text in the database"),
            t + QStringLiteral(".name: nullable in the config, NOT NULL in the database"),
            t + QStringLiteral(".nick: NOT NULL without a default cannot be added"),
            t + QStringLiteral(".legacy: column in the database but not declared (never dropped)"),
            schemaOf(driver) + QStringLiteral(".old_stuff: table in the database but not declared (never dropped)"),
        };
        for (const QString &line : expected) {
            const bool found = std::any_of(diff.needsHandWritten.cbegin(), diff.needsHandWritten.cend(),
                                           [&](const QString &l) { return l.startsWith(line, Qt::CaseInsensitive); });
            QVERIFY2(found, qPrintable(line + QStringLiteral("\n  not in:\n") + diff.needsHandWritten.join(u'\n')));
        }
        QCOMPARE(diff.needsHandWritten.size(), expected.size());
    }

    void tablesInAnotherSchemaAreQualifiedEverywhere()
    {
        auto pool = freshDatabase(QStringLiteral("postgres"));
        QVERIFY(execChecked(*pool, {QStringLiteral("CREATE SCHEMA sales"),
                                    QStringLiteral("CREATE TABLE customers (id integer PRIMARY KEY)")}).ok());
        const QByteArray first = "    tables:\n"
                                 "      - name: sales.orders\n"
                                 "        columns:\n"
                                 "          - {name: id, type: bigint, nullable: false}\n"
                                 "          - {name: 'we\"ird', type: integer}\n"
                                 "        primary_key: [id]\n"
                                 "        foreign_keys: [{columns: ['we\"ird'], references: public.customers(id)}]\n";
        const auto created = ensure(*pool, declared(Driver::Postgres, first));
        QVERIFY(created.ok());
        QCOMPARE(created.value().size(), 1);
        QVERIFY2(created.value().first().action == EnsureOutcome::Action::Created, qPrintable(created.value().first().error));
        QCOMPARE(created.value().first().table, QStringLiteral("sales.orders"));

        const auto before = snapshot(*pool);
        QVERIFY(before.ok());
        const catalog::Relation *orders = before.value().relation(QStringLiteral("sales"), QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(findConstraint(*orders, catalog::Constraint::Type::ForeignKey)->refSchema, QStringLiteral("public"));

        const QByteArray second = first + "        indexes: [{columns: [note]}]\n";
        QByteArray withNote = second;
        withNote.replace("          - {name: 'we\"ird', type: integer}\n",
                         "          - {name: 'we\"ird', type: integer}\n          - {name: note, type: text}\n");
        const auto tables = declared(Driver::Postgres, withNote);
        QCOMPARE(tables.size(), 1);
        const SchemaDiff diff = diffDeclaredTables(before.value(), tables, Driver::Postgres);
        QCOMPARE(diff.up, (QStringList{QStringLiteral("ALTER TABLE \"sales\".\"orders\" ADD COLUMN \"note\" text"),
                                       QStringLiteral("CREATE INDEX \"orders_note_idx\" ON \"sales\".\"orders\" (\"note\")")}));
        QCOMPARE(diff.down, (QStringList{QStringLiteral("DROP INDEX \"sales\".\"orders_note_idx\""),
                                         QStringLiteral("ALTER TABLE \"sales\".\"orders\" DROP COLUMN \"note\"")}));
        // public.customers is outside the declared schema, so it is not listed as undeclared.
        QCOMPARE(diff.needsHandWritten, QStringList());
        QVERIFY(execChecked(*pool, diff.up).ok());
        QVERIFY(execChecked(*pool, diff.down).ok());
        const auto restored = snapshot(*pool);
        QVERIFY(restored.ok());
        QCOMPARE(shapes(restored.value()), shapes(before.value()));
    }

private:
    test::ScratchPostgres m_pg;
    QTemporaryDir m_dir;
    int m_count = 0;
};

QTEST_GUILESS_MAIN(TestDeclaredTables)
#include "tst_declared_tables.moc"

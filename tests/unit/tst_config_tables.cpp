// Tables declared under a connection in the config file (issue 9): the
// `tables:` block parsed, refused with the field and line when wrong, and
// kept through a save and load (the GUI rewrites the file).
#include "config/ConfigLoader.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;
using namespace tw::config;

namespace {

const QString kSource = QStringLiteral("test.yaml");

QString errorText(const Error &e)
{
    return e.toString();
}

} // namespace

class TstConfigTables : public QObject
{
    Q_OBJECT

private slots:
    void parsesDeclaredTables()
    {
        const QByteArray yaml =
            "connections:\n"
            "  - name: app\n"
            "    driver: postgres\n"
            "    host: h\n"
            "    database: d\n"
            "    tables:\n"
            "      - name: customers\n"
            "        columns:\n"
            "          - {name: id, type: integer, nullable: false}\n"
            "        primary_key: id\n"
            "      - name: sales.orders\n"
            "        columns:\n"
            "          - {name: id, type: bigint, nullable: false}\n"
            "          - {name: customer_id, type: integer}\n"
            "          - {name: status, type: text, nullable: false, default: \"'new'\"}\n"
            "          - {name: n, type: 'numeric(10, 2)', default: 0}\n"
            "        primary_key: [id]\n"
            "        unique: [[customer_id, status], n]\n"
            "        indexes:\n"
            "          - {columns: [customer_id]}\n"
            "          - {name: orders_status, columns: [status, n], unique: true}\n"
            "        foreign_keys:\n"
            "          - {columns: [customer_id], references: 'public.customers( id )', on_delete: CASCADE, on_update: set_null}\n"
            "      - name: a.b\n"
            "        schema: s\n"
            "        columns: [{name: x, type: text}]\n";
        const auto r = parseConfig(yaml, kSource);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const QList<DeclaredTable> &tables = r.value().connections.at(0).declaredTables;
        QCOMPARE(tables.size(), 3);
        QCOMPARE(tables.at(0).schema, QString());
        QCOMPARE(tables.at(0).primaryKey, QStringList{QStringLiteral("id")});
        const DeclaredTable &orders = tables.at(1);
        QCOMPARE(orders.schema, QStringLiteral("sales"));
        QCOMPARE(orders.name, QStringLiteral("orders"));
        QCOMPARE(orders.columns.size(), 4);
        QCOMPARE(orders.columns.at(0), (DeclaredColumn{QStringLiteral("id"), QStringLiteral("bigint"), false, std::nullopt}));
        QCOMPARE(orders.columns.at(1).nullable, true);
        QCOMPARE(orders.columns.at(2).defaultSql, std::optional<QString>(QStringLiteral("'new'")));
        QCOMPARE(orders.columns.at(3).type, QStringLiteral("numeric(10, 2)"));
        QCOMPARE(orders.columns.at(3).defaultSql, std::optional<QString>(QStringLiteral("0")));
        QCOMPARE(orders.unique, (QList<QStringList>{{QStringLiteral("customer_id"), QStringLiteral("status")},
                                                    {QStringLiteral("n")}}));
        QCOMPARE(orders.indexes.size(), 2);
        QCOMPARE(orders.indexes.at(0), (DeclaredIndex{QString(), {QStringLiteral("customer_id")}, false}));
        QCOMPARE(orders.indexes.at(1), (DeclaredIndex{QStringLiteral("orders_status"),
                                                      {QStringLiteral("status"), QStringLiteral("n")}, true}));
        QCOMPARE(orders.foreignKeys.size(), 1);
        const DeclaredForeignKey &fk = orders.foreignKeys.at(0);
        QCOMPARE(fk.columns, QStringList{QStringLiteral("customer_id")});
        QCOMPARE(fk.referencedTable, QStringLiteral("public.customers"));
        QCOMPARE(fk.referencedColumns, QStringList{QStringLiteral("id")});
        QCOMPARE(fk.onDelete, QStringLiteral("cascade"));
        QCOMPARE(fk.onUpdate, QStringLiteral("set null"));
        // With an explicit schema the name is taken whole, dot included.
        QCOMPARE(tables.at(2).schema, QStringLiteral("s"));
        QCOMPARE(tables.at(2).name, QStringLiteral("a.b"));
    }

    void declaredTableErrors_data()
    {
        QTest::addColumn<QByteArray>("tables");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("phrase");
        QTest::addColumn<int>("line");

        const QByteArray t = "connections[0].tables";
        QTest::newRow("no name") << QByteArray("      - columns: [{name: a, type: int}]\n")
                                 << "connections[0].tables[0].name" << "missing table name" << 6;
        QTest::newRow("no columns") << QByteArray("      - name: t\n")
                                    << "connections[0].tables[0].columns" << "at least one column" << 6;
        QTest::newRow("empty columns") << QByteArray("      - {name: t, columns: []}\n")
                                       << "connections[0].tables[0].columns" << "at least one column" << 6;
        QTest::newRow("column without type") << QByteArray("      - name: t\n        columns:\n          - {name: a}\n")
                                             << "connections[0].tables[0].columns[0].type" << "missing type" << 8;
        QTest::newRow("column without name") << QByteArray("      - name: t\n        columns:\n          - {type: int}\n")
                                             << "connections[0].tables[0].columns[0].name" << "missing column name" << 8;
        QTest::newRow("unknown table key") << QByteArray("      - name: t\n        colums: [{name: a, type: int}]\n")
                                           << "connections[0].tables[0].colums" << "unknown key 'colums'" << 7;
        QTest::newRow("unknown column key")
            << QByteArray("      - name: t\n        columns:\n          - {name: a, type: int, nulable: true}\n")
            << "connections[0].tables[0].columns[0].nulable" << "unknown key 'nulable'" << 8;
        QTest::newRow("nullable text") << QByteArray("      - {name: t, columns: [{name: a, type: int, nullable: sometimes}]}\n")
                                       << "connections[0].tables[0].columns[0].nullable" << "true or false" << 6;
        QTest::newRow("duplicate column")
            << QByteArray("      - name: t\n        columns:\n          - {name: a, type: int}\n          - {name: a, type: text}\n")
            << "connections[0].tables[0].columns[1].name" << "duplicate column name 'a'" << 9;
        QTest::newRow("duplicate table")
            << QByteArray("      - {name: t, columns: [{name: a, type: int}]}\n      - {name: main.t, columns: [{name: a, type: int}]}\n")
            << "connections[0].tables[1].name" << "declared twice" << 7;
        QTest::newRow("pk not a column")
            << QByteArray("      - name: t\n        columns: [{name: a, type: int}]\n        primary_key: [b]\n")
            << "connections[0].tables[0].primary_key[0]" << "'b' is not a declared column" << 8;
        QTest::newRow("unique not a column")
            << QByteArray("      - name: t\n        columns: [{name: a, type: int}]\n        unique: [[a, c]]\n")
            << "connections[0].tables[0].unique[0][1]" << "'c' is not a declared column" << 8;
        QTest::newRow("index not a column")
            << QByteArray("      - name: t\n        columns: [{name: a, type: int}]\n        indexes:\n          - {columns: [z]}\n")
            << "connections[0].tables[0].indexes[0].columns[0]" << "'z' is not a declared column" << 9;
        QTest::newRow("index without columns")
            << QByteArray("      - name: t\n        columns: [{name: a, type: int}]\n        indexes: [{name: i}]\n")
            << "connections[0].tables[0].indexes[0].columns" << "missing columns" << 8;
        QTest::newRow("fk not a column")
            << QByteArray("      - name: t\n        columns: [{name: a, type: int}]\n        foreign_keys:\n          - {columns: [x], references: u(id)}\n")
            << "connections[0].tables[0].foreign_keys[0].columns[0]" << "'x' is not a declared column" << 9;
        QTest::newRow("fk bad reference")
            << QByteArray("      - name: t\n        columns: [{name: a, type: int}]\n        foreign_keys:\n          - {columns: [a], references: u}\n")
            << "connections[0].tables[0].foreign_keys[0].references" << "table(column" << 9;
        QTest::newRow("fk column count")
            << QByteArray("      - name: t\n        columns: [{name: a, type: int}]\n        foreign_keys:\n          - {columns: [a], references: 'u(id, x)'}\n")
            << "connections[0].tables[0].foreign_keys[0].references" << "2 column(s) for 1" << 9;
        QTest::newRow("fk action")
            << QByteArray("      - name: t\n        columns: [{name: a, type: int}]\n        foreign_keys:\n          - {columns: [a], references: u(id), on_delete: explode}\n")
            << "connections[0].tables[0].foreign_keys[0].on_delete" << "cascade" << 9;
        QTest::newRow("fk to declared table, unknown column")
            << QByteArray("      - {name: u, columns: [{name: id, type: int}]}\n"
                          "      - name: t\n        columns: [{name: a, type: int}]\n        foreign_keys:\n          - {columns: [a], references: u(uid)}\n")
            << "connections[0].tables[1].foreign_keys[0].references" << "'uid' is not a declared column of u" << 10;
        QTest::newRow("tables not a list") << QByteArray("        t: {}\n") << QString::fromLatin1(t) << "list of tables" << 6;
        QTest::newRow("null default")
            << QByteArray("      - {name: t, columns: [{name: a, type: int, default: ~}]}\n")
            << "connections[0].tables[0].columns[0].default" << "NULL" << 6;
    }

    void declaredTableErrors()
    {
        QFETCH(QByteArray, tables);
        QFETCH(QString, field);
        QFETCH(QString, phrase);
        QFETCH(int, line);
        const QByteArray yaml = "connections:\n"
                                "  - name: app\n"
                                "    driver: sqlite\n"
                                "    file: app.db\n"
                                "    tables:\n" + tables;
        const auto r = parseConfig(yaml, kSource);
        QVERIFY2(!r.ok(), yaml.constData());
        const Error &e = r.error();
        QCOMPARE(e.code(), ErrorCode::ConfigInvalid);
        QCOMPARE(e.details().value(QStringLiteral("field")).toString(), field);
        QVERIFY2(e.message().startsWith(field + QStringLiteral(": ")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(phrase), qPrintable(e.message()));
        QCOMPARE(e.details().value(QStringLiteral("line")).toInt(), line);
    }

    void declaredTablesSurviveSaveAndLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("config.yaml"));
        ConnectionProfile app;
        app.name = QStringLiteral("app");
        app.driver = Driver::Postgres;
        app.host = QStringLiteral("localhost");
        app.database = QStringLiteral("app");
        DeclaredTable customers;
        customers.name = QStringLiteral("customers");
        customers.columns = {{QStringLiteral("id"), QStringLiteral("integer"), false, std::nullopt},
                             {QStringLiteral("yes"), QStringLiteral("text"), true, QStringLiteral("null")}};
        customers.primaryKey = {QStringLiteral("id")};
        DeclaredTable orders;
        orders.schema = QStringLiteral("sales");
        orders.name = QStringLiteral("orders");
        orders.columns = {{QStringLiteral("id"), QStringLiteral("bigint"), false, std::nullopt},
                          {QStringLiteral("customer_id"), QStringLiteral("integer"), true, std::nullopt},
                          {QStringLiteral("status"), QStringLiteral("character varying(20)"), false, QStringLiteral("'new'::text")},
                          {QStringLiteral("at"), QStringLiteral("timestamptz"), true, QStringLiteral("now()")}};
        orders.primaryKey = {QStringLiteral("id")};
        orders.unique = {{QStringLiteral("customer_id"), QStringLiteral("status")}};
        orders.indexes = {{QString(), {QStringLiteral("customer_id")}, false},
                          {QStringLiteral("orders_at"), {QStringLiteral("at"), QStringLiteral("status")}, true}};
        orders.foreignKeys = {{QStringLiteral("orders_customer"), {QStringLiteral("customer_id")},
                               QStringLiteral("public.customers"), {QStringLiteral("id")}, QStringLiteral("cascade"),
                               QStringLiteral("no action")},
                              {QString(), {QStringLiteral("customer_id")}, QStringLiteral("customers"),
                               {QStringLiteral("id")}, QString(), QString()}};
        DeclaredTable dotted;
        dotted.name = QStringLiteral("odd.name");
        dotted.columns = {{QStringLiteral("x: y"), QStringLiteral("text"), true, std::nullopt}};
        app.declaredTables = {customers, orders, dotted};
        AppConfig config;
        config.connections = {app};

        const Status saved = saveConfigFile(config, path);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : errorText(saved.error())));
        const auto loaded = loadConfigFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : errorText(loaded.error())));
        QCOMPARE(loaded.value().connections.at(0).declaredTables.at(0), customers);
        QCOMPARE(loaded.value().connections.at(0).declaredTables.at(1), orders);
        QCOMPARE(loaded.value().connections.at(0).declaredTables.at(2), dotted);
        QCOMPARE(loaded.value(), config);
    }
};

QTEST_GUILESS_MAIN(TstConfigTables)
#include "tst_config_tables.moc"

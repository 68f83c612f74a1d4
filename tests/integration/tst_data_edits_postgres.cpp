// Committing staged edits (data::commitChanges) against a real PostgreSQL 15:
// one transaction, every row checked against its xmin first, conflicts made
// through a second connection, constraint errors naming the row, and every
// browser type written and read back. Each test gets a database of its own.
#include "DataEditSupport.h"
#include "ScratchPostgres.h"
#include "data/EditCommit.h"

#include <QtTest>

using namespace tw;
using namespace tw::test;
using data::RowChange;

namespace {

const QString kConnection = QStringLiteral("edits");

catalog::QualifiedName publicTable(const QString &name)
{
    return {QStringLiteral("public"), name};
}

} // namespace

class TestDataEditsPostgres : public QObject
{
    Q_OBJECT

    ScratchPostgres m_pg{QStringLiteral("tw_edits")};
    std::unique_ptr<db::ConnectionRegistry> m_registry;
    std::unique_ptr<db::Pool> m_other; // an independent connection: "someone else"
    config::ConnectionProfile m_profile;

    // Runs a setup script, opens the registry under test and a second pool on
    // the same fresh database.
    bool setUpDatabase(const QString &script)
    {
        m_profile = m_pg.createDatabase(QString::fromLatin1(QTest::currentTestFunction()).left(20).toLower());
        m_profile.name = kConnection;
        if (Status loaded = runScript(m_profile, script); !loaded.ok()) {
            qWarning() << "setup script:" << loaded.error().toString();
            return false;
        }
        m_registry = std::make_unique<db::ConnectionRegistry>();
        auto opened = m_registry->open(m_profile);
        if (!waitFor(opened) || !opened.result().ok())
            return false;
        auto other = m_profile;
        other.name = QStringLiteral("someone-else");
        m_other = std::make_unique<db::Pool>(other);
        return true;
    }

    // key (as text) → xmin::text of each row of an integer-keyed table.
    QVariant versionOf(const QString &table, int id)
    {
        const Table rows = rowsOf(*m_other, QStringLiteral("SELECT xmin::text FROM %1 WHERE id = ?").arg(table), {id});
        return rows.isEmpty() ? QVariant() : rows.first().first();
    }

    Table items()
    {
        return rowsOf(*m_other, QStringLiteral("SELECT id, name, qty FROM items ORDER BY id"));
    }

    data::TableShape itemsShape()
    {
        return shapeOf(publicTable(QStringLiteral("items")),
                       {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("qty")}, {QStringLiteral("id")});
    }

    static inline const QString kItems = QStringLiteral(
        "CREATE TABLE items (id serial PRIMARY KEY, name text UNIQUE, qty integer CHECK (qty >= 0));"
        "INSERT INTO items (name, qty) VALUES ('one', 1), ('two', 2), ('three', 3), ('four', 4);");

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
    }

    void cleanup()
    {
        m_other.reset();
        if (m_registry)
            m_registry->closeAll();
        m_registry.reset();
    }

    void cleanupTestCase() { m_pg.dropAll(); }

    void stagedUpdatesInsertsAndDeletesCommitTogether()
    {
        QVERIFY(setUpDatabase(kItems));
        const auto result = commit(*m_registry, kConnection, itemsShape(),
                                   changeSet({update(1, {QStringLiteral("1")}, versionOf(QStringLiteral("items"), 1),
                                                     {cell(QStringLiteral("name"), QStringLiteral("uno")),
                                                      cell(QStringLiteral("qty"), QStringLiteral("11"))}),
                                              remove(2, {QStringLiteral("2")}, versionOf(QStringLiteral("items"), 2)),
                                              insert(3, {cell(QStringLiteral("name"), QStringLiteral("five")),
                                                         cell(QStringLiteral("qty"), QStringLiteral("5"))}),
                                              update(4, {QStringLiteral("4")}, versionOf(QStringLiteral("items"), 4),
                                                     {cell(QStringLiteral("qty"), 40)})}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.value().updated, 2);
        QCOMPARE(result.value().inserted, 1);
        QCOMPARE(result.value().deleted, 1);
        const Table rows = items();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0), (QVariantList{1, QStringLiteral("uno"), 11}));
        QCOMPARE(rows.at(1), (QVariantList{3, QStringLiteral("three"), 3}));
        QCOMPARE(rows.at(2), (QVariantList{4, QStringLiteral("four"), 40}));
        QCOMPARE(rows.at(3), (QVariantList{5, QStringLiteral("five"), 5}));
    }

    void anInsertWithoutCellsTakesEveryDefault()
    {
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TABLE d (id serial PRIMARY KEY, label text DEFAULT 'fresh', "
                                             "at date DEFAULT '2000-01-01');")));
        const auto shape = shapeOf(publicTable(QStringLiteral("d")),
                                   {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("at")}, {QStringLiteral("id")});
        const auto result = commit(*m_registry, kConnection, shape, changeSet({insert(1, {}), insert(2, {})}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.value().inserted, 2);
        const Table rows = rowsOf(*m_other, QStringLiteral("SELECT id, label, at::text FROM d ORDER BY id"));
        QCOMPARE(rows, (Table{{1, QStringLiteral("fresh"), QStringLiteral("2000-01-01")},
                              {2, QStringLiteral("fresh"), QStringLiteral("2000-01-01")}}));
    }

    void rowsChangedOrDeletedByAnotherConnectionAreAllReportedAndNothingIsWritten()
    {
        QVERIFY(setUpDatabase(kItems));
        // What the browser loaded...
        QList<QVariant> versions;
        for (int id = 1; id <= 4; ++id)
            versions << versionOf(QStringLiteral("items"), id);
        const Table before = items();
        // ...then someone else updates row 2 and deletes row 3 (and 4 is
        // rewritten with the same values: a write is a change all the same).
        QVERIFY(execOn(*m_other, QStringLiteral("UPDATE items SET qty = 20 WHERE id = 2")).ok());
        QVERIFY(execOn(*m_other, QStringLiteral("DELETE FROM items WHERE id = 3")).ok());
        QVERIFY(execOn(*m_other, QStringLiteral("UPDATE items SET qty = qty WHERE id = 4")).ok());
        const Table afterOthers = items();
        QVERIFY(afterOthers != before);

        const auto result = commit(*m_registry, kConnection, itemsShape(),
                                   changeSet({update(10, {QStringLiteral("1")}, versions.at(0),
                                                     {cell(QStringLiteral("name"), QStringLiteral("mine"))}),
                                              update(11, {QStringLiteral("2")}, versions.at(1),
                                                     {cell(QStringLiteral("qty"), QStringLiteral("99"))}),
                                              remove(12, {QStringLiteral("3")}, versions.at(2)),
                                              insert(13, {cell(QStringLiteral("name"), QStringLiteral("new"))}),
                                              remove(14, {QStringLiteral("4")}, versions.at(3))}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::Conflict);
        QCOMPARE(conflictsOf(result.error()),
                 (QStringList{QStringLiteral("11:changed"), QStringLiteral("12:deleted"), QStringLiteral("14:changed")}));
        const QVariantMap first = result.error().details().value(QStringLiteral("conflicts")).toList().first().toMap();
        QCOMPARE(first.value(QStringLiteral("key")).toList(), (QVariantList{QStringLiteral("2")}));
        QVERIFY2(result.error().message().contains(QLatin1String("id=2")), qPrintable(result.error().message()));
        QCOMPARE(items(), afterOthers); // row 1 not renamed, no row inserted
    }

    void constraintViolationsNameTheRowAndTheConstraintAndWriteNothing_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("constraint");
        QTest::addColumn<QString>("kind");
        QTest::newRow("unique") << QStringLiteral("name") << QVariant(QStringLiteral("one")) << QStringLiteral("items_name_key") << QStringLiteral("UNIQUE");
        QTest::newRow("check") << QStringLiteral("qty") << QVariant(QStringLiteral("-1")) << QStringLiteral("items_qty_check") << QStringLiteral("CHECK");
        QTest::newRow("foreign key") << QStringLiteral("owner") << QVariant(QStringLiteral("999")) << QStringLiteral("items_owner_fkey") << QStringLiteral("FOREIGN KEY");
        QTest::newRow("not null") << QStringLiteral("code") << QVariant() << QString() << QStringLiteral("NOT NULL");
    }

    void constraintViolationsNameTheRowAndTheConstraintAndWriteNothing()
    {
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        QFETCH(QString, constraint);
        QFETCH(QString, kind);
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE TABLE owners (id int PRIMARY KEY); INSERT INTO owners VALUES (1);"
            "CREATE TABLE items (id serial PRIMARY KEY, name text UNIQUE, qty integer CHECK (qty >= 0),"
            " owner int REFERENCES owners, code text NOT NULL DEFAULT 'c');"
            "INSERT INTO items (name, qty, owner) VALUES ('one', 1, 1), ('two', 2, 1), ('three', 3, 1);")));
        const Table before = rowsOf(*m_other, QStringLiteral("SELECT * FROM items ORDER BY id"));
        auto shape = shapeOf(publicTable(QStringLiteral("items")),
                             {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("qty"), QStringLiteral("owner"),
                              QStringLiteral("code")},
                             {QStringLiteral("id")});
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {QStringLiteral("1")}, versionOf(QStringLiteral("items"), 1),
                                                     {cell(QStringLiteral("qty"), QStringLiteral("100"))}),
                                              insert(2, {cell(QStringLiteral("name"), QStringLiteral("fine"))}),
                                              update(7, {QStringLiteral("2")}, versionOf(QStringLiteral("items"), 2),
                                                     {cell(column, value)})}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::ConstraintViolation);
        qInfo() << result.error().toString();
        const QVariantMap details = result.error().details();
        QCOMPARE(details.value(QStringLiteral("tag")).toInt(), 7);
        QCOMPARE(details.value(QStringLiteral("kind")).toString(), QStringLiteral("update"));
        QCOMPARE(details.value(QStringLiteral("key")).toList(), (QVariantList{QStringLiteral("2")}));
        QCOMPARE(details.value(QStringLiteral("constraint")).toString(), constraint);
        QCOMPARE(details.value(QStringLiteral("constraintKind")).toString(), kind);
        QCOMPARE(details.value(QStringLiteral("column")).toString(), column);
        QVERIFY2(result.error().message().startsWith(QLatin1String("row id=2: ")), qPrintable(result.error().message()));
        if (!constraint.isEmpty())
            QVERIFY(result.error().message().contains(constraint));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT * FROM items ORDER BY id")), before);
    }

    void aValueTheColumnTypeRejectsFailsTheCommitNamingRowAndColumn_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::newRow("text into integer") << QStringLiteral("qty") << QStringLiteral("abc");
        QTest::newRow("broken json") << QStringLiteral("doc") << QStringLiteral("{\"a\": ");
        QTest::newRow("not a date") << QStringLiteral("day") << QStringLiteral("2024-02-30");
    }

    void aValueTheColumnTypeRejectsFailsTheCommitNamingRowAndColumn()
    {
        QFETCH(QString, column);
        QFETCH(QString, value);
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TABLE items (id int PRIMARY KEY, qty int, doc jsonb, day date);"
                                             "INSERT INTO items VALUES (1, 1, '{}', '2024-01-01'), (2, 2, '[]', '2024-01-02');")));
        const auto shape = shapeOf(publicTable(QStringLiteral("items")),
                                   {QStringLiteral("id"), QStringLiteral("qty"), QStringLiteral("doc"), QStringLiteral("day")},
                                   {QStringLiteral("id")});
        const Table before = rowsOf(*m_other, QStringLiteral("SELECT id, qty, doc::text, day::text FROM items ORDER BY id"));
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {QStringLiteral("1")}, versionOf(QStringLiteral("items"), 1),
                                                     {cell(QStringLiteral("qty"), QStringLiteral("5"))}),
                                              update(2, {QStringLiteral("2")}, versionOf(QStringLiteral("items"), 2),
                                                     {cell(column, value)})}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::QueryFailed);
        QCOMPARE(result.error().details().value(QStringLiteral("tag")).toInt(), 2);
        QCOMPARE(result.error().details().value(QStringLiteral("column")).toString(), column);
        QVERIFY2(result.error().message().startsWith(QLatin1String("row id=2: ")), qPrintable(result.error().message()));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT id, qty, doc::text, day::text FROM items ORDER BY id")), before);
    }

    void nullAndEmptyStringAreWrittenAsThemselves()
    {
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TABLE t (id int PRIMARY KEY, s text, b bytea);"
                                             "INSERT INTO t VALUES (1, 'x', '\\x01'), (2, 'y', '\\x02'), (3, 'z', '\\x03');")));
        const auto shape = shapeOf(publicTable(QStringLiteral("t")),
                                   {QStringLiteral("id"), QStringLiteral("s"), QStringLiteral("b")}, {QStringLiteral("id")});
        const auto result = commit(
            *m_registry, kConnection, shape,
            changeSet({update(1, {QStringLiteral("1")}, versionOf(QStringLiteral("t"), 1),
                              {cell(QStringLiteral("s"), QVariant()), cell(QStringLiteral("b"), QVariant())}),
                       update(2, {QStringLiteral("2")}, versionOf(QStringLiteral("t"), 2),
                              {cell(QStringLiteral("s"), QVariant(QStringLiteral(""))),
                               cell(QStringLiteral("b"), QVariant(QByteArray("", 0)))}),
                       // A line edit's empty text is a null QString: still an empty string.
                       update(3, {QStringLiteral("3")}, versionOf(QStringLiteral("t"), 3),
                              {cell(QStringLiteral("s"), QVariant(QString())), cell(QStringLiteral("b"), QVariant(QByteArray()))})}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        const Table rows = rowsOf(*m_other, QStringLiteral("SELECT s IS NULL, s = '', b IS NULL, length(b) = 0 FROM t ORDER BY id"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).at(0).toBool(), true);
        QCOMPARE(rows.at(0).at(2).toBool(), true);
        for (int i : {1, 2}) {
            QCOMPARE(rows.at(i).at(0).toBool(), false);
            QCOMPARE(rows.at(i).at(1).toBool(), true);
            QCOMPARE(rows.at(i).at(2).toBool(), false);
            QCOMPARE(rows.at(i).at(3).toBool(), true);
        }
    }

    void everyBrowserTypeRoundTripsThroughInsertAndUpdate_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QVariant>("value");
        auto text = [](const char *s) { return QVariant(QString::fromUtf8(s)); };
        QTest::newRow("smallint") << QStringLiteral("smallint") << text("-32768");
        QTest::newRow("integer") << QStringLiteral("integer") << text("2147483647");
        QTest::newRow("bigint") << QStringLiteral("bigint") << text("-9223372036854775808");
        QTest::newRow("numeric") << QStringLiteral("numeric") << text("12345678901234567890.000000000123");
        QTest::newRow("numeric(10,2)") << QStringLiteral("numeric(10,2)") << text("-0.50");
        QTest::newRow("real") << QStringLiteral("real") << text("3.14159");
        QTest::newRow("double") << QStringLiteral("double precision") << text("2.718281828459045");
        QTest::newRow("double nan") << QStringLiteral("double precision") << text("NaN");
        QTest::newRow("text") << QStringLiteral("text") << text("multi\nline 'quoted' \"double\" \\ back\tslash ünïcødé 🎉");
        QTest::newRow("varchar") << QStringLiteral("varchar(20)") << text("short");
        QTest::newRow("bool as bool") << QStringLiteral("boolean") << QVariant(true);
        QTest::newRow("bool false as bool") << QStringLiteral("boolean") << QVariant(false);
        QTest::newRow("bool as text") << QStringLiteral("boolean") << text("f");
        QTest::newRow("date") << QStringLiteral("date") << text("2024-02-29");
        QTest::newRow("time") << QStringLiteral("time") << text("13:45:10.123456");
        QTest::newRow("timestamp") << QStringLiteral("timestamp") << text("1999-12-31 23:59:59.999999");
        QTest::newRow("timestamptz") << QStringLiteral("timestamptz") << text("2024-06-01 12:00:00+02");
        QTest::newRow("interval") << QStringLiteral("interval") << text("1 year 2 mons 3 days 04:05:06.5");
        QTest::newRow("uuid") << QStringLiteral("uuid") << text("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        QTest::newRow("json keeps its text") << QStringLiteral("json") << text("{\"b\": 1,   \"a\": [1, 2, {\"c\": null}]}");
        QTest::newRow("jsonb") << QStringLiteral("jsonb") << text("{\"a\": [1, 2], \"b\": \"ü\"}");
        QTest::newRow("int[]") << QStringLiteral("integer[]") << text("{1,NULL,-3}");
        QTest::newRow("text[]") << QStringLiteral("text[]") << text("{\"a b\",\"c,d\",NULL,\"\\\"q\\\"\",\"\"}");
        QTest::newRow("enum") << QStringLiteral("mood") << text("so-so");
        QByteArray all(256, '\0');
        for (int i = 0; i < 256; ++i)
            all[i] = char(i);
        QTest::newRow("bytea, every byte") << QStringLiteral("bytea") << QVariant(all);
    }

    void everyBrowserTypeRoundTripsThroughInsertAndUpdate()
    {
        QFETCH(QString, type);
        QFETCH(QVariant, value);
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TYPE mood AS ENUM ('sad', 'so-so', 'happy');"
                                             "CREATE TABLE v (id int PRIMARY KEY, c %1);"
                                             "INSERT INTO v VALUES (1, NULL);")
                                  .arg(type)));
        const auto shape = shapeOf(publicTable(QStringLiteral("v")), {QStringLiteral("id"), QStringLiteral("c")},
                                   {QStringLiteral("id")});
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {QStringLiteral("1")}, versionOf(QStringLiteral("v"), 1),
                                                     {cell(QStringLiteral("c"), value)}),
                                              insert(2, {cell(QStringLiteral("id"), QStringLiteral("2")),
                                                         cell(QStringLiteral("c"), value)})}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));

        // What was stored equals the value as the server reads it directly.
        if (value.typeId() == QMetaType::QByteArray) {
            const Table rows = rowsOf(*m_other, QStringLiteral("SELECT c FROM v ORDER BY id"));
            QCOMPARE(rows.size(), 2);
            QCOMPARE(rows.at(0).first().toByteArray(), value.toByteArray());
            QCOMPARE(rows.at(1).first().toByteArray(), value.toByteArray());
            return;
        }
        const QString literal = value.typeId() == QMetaType::Bool ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                                   : value.toString();
        const Table expected = rowsOf(*m_other, QStringLiteral("SELECT CAST(? AS %1)::text").arg(type), {literal});
        QCOMPARE(expected.size(), 1);
        // json has no equality operator: its text is its value.
        const QString same = type == QLatin1String("json") ? QStringLiteral("c::text = CAST(? AS json)::text")
                                                             : QStringLiteral("c IS NOT DISTINCT FROM CAST(? AS %1)").arg(type);
        const Table rows = rowsOf(*m_other, QStringLiteral("SELECT c::text, %1 FROM v ORDER BY id").arg(same), {literal});
        QCOMPARE(rows.size(), 2);
        for (const QVariantList &row : rows) {
            QCOMPARE(row.at(0).toString(), expected.first().first().toString());
            QVERIFY(row.at(1).toBool());
        }
        if (type == QLatin1String("json")) // json keeps the text as given, spacing included
            QCOMPARE(rows.first().first().toString(), value.toString());
    }

    void generatedAndIdentityAlwaysColumnsAreRefusedBeforeAnythingRuns()
    {
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE TABLE g (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, price int, doubled int GENERATED ALWAYS AS (price * 2) STORED);"
            "INSERT INTO g (price) VALUES (1);")));
        auto shape = shapeOf(publicTable(QStringLiteral("g")),
                             {QStringLiteral("id"), QStringLiteral("price"), QStringLiteral("doubled")}, {QStringLiteral("id")});
        shape.columns[0].identityAlways = true;
        shape.columns[0].identity = true;
        shape.columns[2].generated = true;
        const QVariant version = versionOf(QStringLiteral("g"), 1);
        for (const QString &column : {QStringLiteral("doubled"), QStringLiteral("id")}) {
            const auto result = commit(*m_registry, kConnection, shape,
                                       changeSet({update(1, {QStringLiteral("1")}, version, {cell(QStringLiteral("price"), 5)}),
                                                  insert(2, {cell(QStringLiteral("price"), 7), cell(column, 9)})}));
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code(), ErrorCode::ValidationFailed);
            QCOMPARE(result.error().details().value(QStringLiteral("tag")).toInt(), 2);
            QCOMPARE(result.error().details().value(QStringLiteral("column")).toString(), column);
        }
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT id, price, doubled FROM g")), (Table{{1, 1, 2}}));
        // Without the refused cell the same change set goes through.
        const auto fine = commit(*m_registry, kConnection, shape,
                                 changeSet({update(1, {QStringLiteral("1")}, version, {cell(QStringLiteral("price"), 5)}),
                                            insert(2, {cell(QStringLiteral("price"), 7)})}));
        QVERIFY2(fine.ok(), qPrintable(describe(fine)));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT id, price, doubled FROM g ORDER BY id")), (Table{{1, 5, 10}, {2, 7, 14}}));
    }

    void malformedChangesAreRefusedNamingTagAndColumn()
    {
        QVERIFY(setUpDatabase(kItems));
        const auto shape = itemsShape();
        const QVariant version = versionOf(QStringLiteral("items"), 1);
        struct Case { const char *name; RowChange change; QString column; };
        RowChange noVersion = update(5, {QStringLiteral("1")}, QVariant(), {cell(QStringLiteral("qty"), 1)});
        const QList<Case> cases{
            {"unknown column", update(5, {QStringLiteral("1")}, version, {cell(QStringLiteral("nope"), 1)}), QStringLiteral("nope")},
            {"key of the wrong arity", update(5, {QStringLiteral("1"), QStringLiteral("2")}, version, {cell(QStringLiteral("qty"), 1)}), {}},
            {"no key", remove(5, {}, version), {}},
            {"no version", noVersion, {}},
            {"same column twice", insert(5, {cell(QStringLiteral("qty"), 1), cell(QStringLiteral("qty"), 2)}), QStringLiteral("qty")},
        };
        for (const Case &c : cases) {
            const auto result = commit(*m_registry, kConnection, shape,
                                       changeSet({update(1, {QStringLiteral("1")}, version, {cell(QStringLiteral("qty"), 50)}), c.change}));
            QVERIFY2(!result.ok(), c.name);
            QCOMPARE(result.error().code(), ErrorCode::ValidationFailed);
            QCOMPARE(result.error().details().value(QStringLiteral("tag")).toInt(), 5);
            QCOMPARE(result.error().details().value(QStringLiteral("column")).toString(), c.column);
        }
        QCOMPARE(items().first(), (QVariantList{1, QStringLiteral("one"), 1}));
    }

    void aReadOnlyShapeIsRefusedWithItsReason()
    {
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TABLE nokey (a int); INSERT INTO nokey VALUES (1);")));
        auto shape = shapeOf(publicTable(QStringLiteral("nokey")), {QStringLiteral("a")}, {QStringLiteral("ctid")},
                             data::RowIdentity::Ctid);
        shape.editable = false;
        shape.readOnlyReason = QStringLiteral("the table has no primary key");
        const auto result = commit(*m_registry, kConnection, shape, changeSet({insert(1, {cell(QStringLiteral("a"), 2)})}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::ValidationFailed);
        QVERIFY(result.error().message().contains(shape.readOnlyReason));
        // The in-job half refuses it as well, whoever calls it.
        const auto direct = resultOf(m_registry->pool(kConnection)->run([shape](db::Session &session) {
            return data::applyChanges(session, shape, changeSet({insert(1, {cell(QStringLiteral("a"), 2)})}));
        }));
        QVERIFY(!direct.ok());
        QCOMPARE(direct.error().code(), ErrorCode::ValidationFailed);
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT count(*) FROM nokey")).first().first().toInt(), 1);
    }

    void aThousandCellUpdatesCommitInOneTransaction()
    {
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE TABLE wide (id int PRIMARY KEY, a int, b text, c numeric, d boolean);"
            "INSERT INTO wide SELECT g, g, 'b' || g, g / 10.0, false FROM generate_series(1, 250) g;")));
        const auto shape = shapeOf(publicTable(QStringLiteral("wide")),
                                   {QStringLiteral("id"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")},
                                   {QStringLiteral("id")});
        const Table versions = rowsOf(*m_other, QStringLiteral("SELECT id::text, xmin::text FROM wide ORDER BY id"));
        QCOMPARE(versions.size(), 250);
        QList<RowChange> changes;
        for (const QVariantList &row : versions) {
            const int id = row.at(0).toInt();
            changes << update(id, {row.at(0)}, row.at(1),
                              {cell(QStringLiteral("a"), QString::number(-id)), cell(QStringLiteral("b"), QStringLiteral("B%1").arg(id)),
                               cell(QStringLiteral("c"), QStringLiteral("%1.5").arg(id)), cell(QStringLiteral("d"), true)});
        }
        QElapsedTimer timer;
        timer.start();
        const auto result = commit(*m_registry, kConnection, shape, changeSet(changes));
        qInfo() << "1,000 cells in" << timer.elapsed() << "ms";
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.value().updated, 250);
        // One transaction: every row carries the same xmin.
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT count(DISTINCT xmin::text), count(*) FILTER (WHERE a = -id AND b = 'B' || id "
                                                 "AND c = id + 0.5 AND d) FROM wide")),
                 (Table{{1, 250}}));
    }

    void awkwardIdentifiersAreQuoted()
    {
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE SCHEMA \"My \"\"Odd\"\" Schema\";"
            "CREATE TABLE \"My \"\"Odd\"\" Schema\".\"Order Items; select\" (\"Key Col\" int PRIMARY KEY, \"select\" text, "
            "\"MixedCase\" int, \"with \"\"quotes\"\"\" text, \"ünï\" text);"
            "INSERT INTO \"My \"\"Odd\"\" Schema\".\"Order Items; select\" VALUES (1, 'a', 1, 'q', 'u'), (2, 'b', 2, 'r', 'v');")));
        const QString table = QStringLiteral("\"My \"\"Odd\"\" Schema\".\"Order Items; select\"");
        const auto shape = shapeOf({QStringLiteral("My \"Odd\" Schema"), QStringLiteral("Order Items; select")},
                                   {QStringLiteral("Key Col"), QStringLiteral("select"), QStringLiteral("MixedCase"),
                                    QStringLiteral("with \"quotes\""), QStringLiteral("ünï")},
                                   {QStringLiteral("Key Col")});
        const Table versions = rowsOf(*m_other, QStringLiteral("SELECT xmin::text FROM %1 ORDER BY \"Key Col\"").arg(table));
        QCOMPARE(versions.size(), 2);
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {QStringLiteral("1")}, versions.at(0).first(),
                                                     {cell(QStringLiteral("select"), QStringLiteral("A")),
                                                      cell(QStringLiteral("MixedCase"), QStringLiteral("10")),
                                                      cell(QStringLiteral("with \"quotes\""), QStringLiteral("Q")),
                                                      cell(QStringLiteral("ünï"), QStringLiteral("Ü"))}),
                                              remove(2, {QStringLiteral("2")}, versions.at(1).first()),
                                              insert(3, {cell(QStringLiteral("Key Col"), QStringLiteral("3")),
                                                         cell(QStringLiteral("select"), QStringLiteral("c"))})}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table)),
                 (Table{{1, QStringLiteral("A"), 10, QStringLiteral("Q"), QStringLiteral("Ü")},
                        {3, QStringLiteral("c"), QVariant(), QVariant(), QVariant()}}));
    }

    void rowsReadByTheReaderCommitBackUnchangedAndConflictOnItsVersions()
    {
        // The browser's path: describeTable, a page from the reader, edits
        // made of the loaded values. Writing every value back as loaded
        // must change nothing, whatever the type.
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE TYPE mood AS ENUM ('sad', 'so-so', 'happy');"
            "CREATE TABLE every (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, s smallint, i int, n numeric, r real,"
            " d double precision, t text, vc varchar(10), b boolean, dt date, tm time, ts timestamp, tz timestamptz,"
            " iv interval, u uuid, j json, jb jsonb, ia int[], ta text[], by bytea, m mood, g int GENERATED ALWAYS AS (i * 2) STORED);"
            "INSERT INTO every (s, i, n, r, d, t, vc, b, dt, tm, ts, tz, iv, u, j, jb, ia, ta, by, m) VALUES"
            " (-1, 42, 12345678901234567890.000000000123, 1.5, 2.718281828459045, E'multi\\nline ''q''', '', true,"
            "  '2024-02-29', '13:45:10.5', '1999-12-31 23:59:59.999999', '2024-06-01 12:00:00+02', '1 year 2 mons 3 days 04:05:06.5',"
            "  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"b\": 1,   \"a\": [1]}', '{\"a\": [1, 2]}', '{1,NULL,3}',"
            "  '{\"a b\",NULL,\"\"}', '\\x00ff10', 'so-so'),"
            " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            " (0, 0, 'NaN', '-Infinity', 'Infinity', '', 'x', false, 'infinity', '00:00', '-infinity', '1970-01-01 00:00:00+00',"
            "  '-1 days', '00000000-0000-0000-0000-000000000000', 'null', '[]', '{}', '{}', '\\x', 'sad');")));
        auto shape = describedShape(*m_registry, kConnection, publicTable(QStringLiteral("every")));
        QVERIFY2(shape.ok(), qPrintable(describe(shape)));
        QVERIFY2(shape.value().editable, qPrintable(shape.value().readOnlyReason));
        QCOMPARE(shape.value().keyColumns, QStringList{QStringLiteral("id")});
        QVERIFY(!shape.value().column(QStringLiteral("id"))->writable());
        QVERIFY(!shape.value().column(QStringLiteral("g"))->writable());
        const auto page = firstPage(*m_registry, kConnection, shape.value());
        QVERIFY2(page.ok(), qPrintable(describe(page)));
        QCOMPARE(page.value().rows.size(), 3);
        const QString asText = QStringLiteral("SELECT e::text FROM every e ORDER BY id");
        const Table before = rowsOf(*m_other, asText);

        const auto rewritten = commit(*m_registry, kConnection, shape.value(), rewriteAsLoaded(shape.value(), page.value()));
        QVERIFY2(rewritten.ok(), qPrintable(describe(rewritten)));
        QCOMPARE(rewritten.value().updated, 3);
        QCOMPARE(rowsOf(*m_other, asText), before);

        // The versions of that page are stale now: every row conflicts.
        const auto stale = commit(*m_registry, kConnection, shape.value(), rewriteAsLoaded(shape.value(), page.value()));
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code(), ErrorCode::Conflict);
        QCOMPARE(conflictsOf(stale.error()),
                 (QStringList{QStringLiteral("1:changed"), QStringLiteral("2:changed"), QStringLiteral("3:changed")}));

        // Reloaded, they commit again; a row deleted meanwhile is reported.
        const auto reloaded = firstPage(*m_registry, kConnection, shape.value());
        QVERIFY(reloaded.ok());
        QVERIFY(execOn(*m_other, QStringLiteral("DELETE FROM every WHERE id = 2")).ok());
        const auto deleted = commit(*m_registry, kConnection, shape.value(), rewriteAsLoaded(shape.value(), reloaded.value()));
        QVERIFY(!deleted.ok());
        QCOMPARE(conflictsOf(deleted.error()), QStringList{QStringLiteral("2:deleted")});
    }

    void aCompositeKeyAddressesExactlyItsRow()
    {
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE TABLE pairs (a int, b text, v text, PRIMARY KEY (a, b));"
            "INSERT INTO pairs VALUES (1, 'x', 'one-x'), (1, 'y', 'one-y'), (2, 'x', 'two-x');")));
        const auto shape = shapeOf(publicTable(QStringLiteral("pairs")), {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("v")},
                                   {QStringLiteral("a"), QStringLiteral("b")});
        auto version = [this](int a, const QString &b) {
            return rowsOf(*m_other, QStringLiteral("SELECT xmin::text FROM pairs WHERE a = ? AND b = ?"), {a, b}).first().first();
        };
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {QStringLiteral("1"), QStringLiteral("y")}, version(1, QStringLiteral("y")),
                                                     {cell(QStringLiteral("v"), QStringLiteral("changed"))}),
                                              remove(2, {QStringLiteral("2"), QStringLiteral("x")}, version(2, QStringLiteral("x")))}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT a, b, v FROM pairs ORDER BY a, b")),
                 (Table{{1, QStringLiteral("x"), QStringLiteral("one-x")}, {1, QStringLiteral("y"), QStringLiteral("changed")}}));
    }
};

QTEST_GUILESS_MAIN(TestDataEditsPostgres)
#include "tst_data_edits_postgres.moc"

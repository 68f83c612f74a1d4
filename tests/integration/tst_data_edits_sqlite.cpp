// Committing staged edits (data::commitChanges) against real SQLite files:
// BEGIN IMMEDIATE, every row checked against tw_row_version first, conflicts
// made through a second pool on the same file, constraint errors naming the
// row, storage classes kept, rowid tables without a primary key.
#include "DataEditSupport.h"
#include "ScratchPostgres.h" // runScript

#include <QTemporaryDir>
#include <QtTest>

using namespace tw;
using namespace tw::test;
using data::RowChange;

namespace {

const QString kConnection = QStringLiteral("edits");

catalog::QualifiedName table(const QString &name)
{
    return {QString(), name};
}

} // namespace

class TestDataEditsSqlite : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::ConnectionRegistry> m_registry;
    std::unique_ptr<db::Pool> m_other; // an independent connection: "someone else"

    bool setUpDatabase(const QString &script)
    {
        const QString file = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())
                                                                              + QString::fromLatin1(QTest::currentDataTag())
                                                                                    .replace(QLatin1Char(' '), QLatin1Char('_'))));
        QFile::remove(file);
        QFile create(file);
        if (!create.open(QIODevice::WriteOnly))
            return false;
        create.close();
        auto profile = sqliteProfile(file, kConnection);
        if (Status loaded = runScript(profile, script); !loaded.ok()) {
            qWarning() << "setup script:" << loaded.error().toString();
            return false;
        }
        m_registry = std::make_unique<db::ConnectionRegistry>();
        auto opened = m_registry->open(profile);
        if (!waitFor(opened) || !opened.result().ok())
            return false;
        m_other = std::make_unique<db::Pool>(sqliteProfile(file, QStringLiteral("someone-else")));
        return true;
    }

    // The version the browser would have read: tw_row_version over every
    // column of the shape, in shape order.
    QVariant versionOf(const data::TableShape &shape, const QString &where, const QVariantList &binds)
    {
        QStringList columns;
        for (const data::ColumnInfo &column : shape.columns)
            columns << QLatin1Char('"') + QString(column.name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        const QString name = QLatin1Char('"') + QString(shape.table.name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        const Table rows = rowsOf(*m_other, QStringLiteral("SELECT tw_row_version(%1) FROM %2 WHERE %3")
                                                .arg(columns.join(QStringLiteral(", ")), name, where),
                                  binds);
        return rows.isEmpty() ? QVariant() : rows.first().first();
    }

    data::TableShape itemsShape()
    {
        return shapeOf(table(QStringLiteral("items")), {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("qty")},
                       {QStringLiteral("id")});
    }

    QVariant itemVersion(int id) { return versionOf(itemsShape(), QStringLiteral("id = ?"), {id}); }

    Table items() { return rowsOf(*m_other, QStringLiteral("SELECT id, name, qty FROM items ORDER BY id")); }

    static inline const QString kItems = QStringLiteral(
        "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE, qty INTEGER CHECK (qty >= 0));"
        "INSERT INTO items (name, qty) VALUES ('one', 1), ('two', 2), ('three', 3), ('four', 4);");

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanup()
    {
        m_other.reset();
        if (m_registry)
            m_registry->closeAll();
        m_registry.reset();
    }

    void stagedUpdatesInsertsAndDeletesCommitTogether()
    {
        QVERIFY(setUpDatabase(kItems));
        const auto result = commit(*m_registry, kConnection, itemsShape(),
                                   changeSet({update(1, {1}, itemVersion(1),
                                                     {cell(QStringLiteral("name"), QStringLiteral("uno")), cell(QStringLiteral("qty"), 11)}),
                                              remove(2, {2}, itemVersion(2)),
                                              insert(3, {cell(QStringLiteral("name"), QStringLiteral("five")), cell(QStringLiteral("qty"), 5)}),
                                              insert(4, {})}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.value().updated, 1);
        QCOMPARE(result.value().inserted, 2);
        QCOMPARE(result.value().deleted, 1);
        QCOMPARE(items(), (Table{{1, QStringLiteral("uno"), 11},
                                 {3, QStringLiteral("three"), 3},
                                 {4, QStringLiteral("four"), 4},
                                 {5, QStringLiteral("five"), 5},
                                 {6, QVariant(), QVariant()}}));
    }

    void rowsChangedOrDeletedByAnotherConnectionAreAllReportedAndNothingIsWritten()
    {
        QVERIFY(setUpDatabase(kItems));
        QVariantList versions;
        for (int id = 1; id <= 4; ++id)
            versions << itemVersion(id);
        QVERIFY(execOn(*m_other, QStringLiteral("UPDATE items SET qty = 20 WHERE id = 2")).ok());
        QVERIFY(execOn(*m_other, QStringLiteral("DELETE FROM items WHERE id = 3")).ok());
        // Same value, other storage class: '4' is TEXT now, a change all the same.
        QVERIFY(execOn(*m_other, QStringLiteral("UPDATE items SET name = 4 WHERE id = 4")).ok());
        const Table afterOthers = items();

        const auto result = commit(*m_registry, kConnection, itemsShape(),
                                   changeSet({update(10, {1}, versions.at(0), {cell(QStringLiteral("name"), QStringLiteral("mine"))}),
                                              update(11, {2}, versions.at(1), {cell(QStringLiteral("qty"), 99)}),
                                              remove(12, {3}, versions.at(2)),
                                              insert(13, {cell(QStringLiteral("name"), QStringLiteral("new"))}),
                                              update(14, {4}, versions.at(3), {cell(QStringLiteral("qty"), 44)})}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::Conflict);
        QCOMPARE(conflictsOf(result.error()),
                 (QStringList{QStringLiteral("11:changed"), QStringLiteral("12:deleted"), QStringLiteral("14:changed")}));
        QCOMPARE(items(), afterOthers);
    }

    void constraintViolationsNameTheRowAndTheConstraintAndWriteNothing_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("constraint");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reportedColumn");
        QTest::newRow("unique") << QStringLiteral("name") << QVariant(QStringLiteral("one")) << QStringLiteral("items.name")
                                << QStringLiteral("UNIQUE") << QStringLiteral("name");
        QTest::newRow("named check") << QStringLiteral("qty") << QVariant(-1) << QStringLiteral("qty_positive")
                                     << QStringLiteral("CHECK") << QStringLiteral("qty");
        QTest::newRow("foreign key") << QStringLiteral("owner") << QVariant(999) << QString() << QStringLiteral("FOREIGN KEY")
                                     << QStringLiteral("owner");
        QTest::newRow("not null") << QStringLiteral("code") << QVariant() << QStringLiteral("items.code")
                                  << QStringLiteral("NOT NULL") << QStringLiteral("code");
    }

    void constraintViolationsNameTheRowAndTheConstraintAndWriteNothing()
    {
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        QFETCH(QString, constraint);
        QFETCH(QString, kind);
        QFETCH(QString, reportedColumn);
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE TABLE owners (id INTEGER PRIMARY KEY); INSERT INTO owners VALUES (1);"
            "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE, qty INTEGER CONSTRAINT qty_positive CHECK (qty >= 0),"
            " owner INTEGER REFERENCES owners, code TEXT NOT NULL DEFAULT 'c');"
            "INSERT INTO items (name, qty, owner) VALUES ('one', 1, 1), ('two', 2, 1), ('three', 3, 1);")));
        const auto shape = shapeOf(table(QStringLiteral("items")),
                                   {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("qty"), QStringLiteral("owner"),
                                    QStringLiteral("code")},
                                   {QStringLiteral("id")});
        const Table before = rowsOf(*m_other, QStringLiteral("SELECT * FROM items ORDER BY id"));
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {1}, versionOf(shape, QStringLiteral("id = 1"), {}),
                                                     {cell(QStringLiteral("qty"), 100)}),
                                              insert(2, {cell(QStringLiteral("name"), QStringLiteral("fine"))}),
                                              update(7, {2}, versionOf(shape, QStringLiteral("id = 2"), {}), {cell(column, value)})}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::ConstraintViolation);
        qInfo() << result.error().toString();
        const QVariantMap details = result.error().details();
        QCOMPARE(details.value(QStringLiteral("tag")).toInt(), 7);
        QCOMPARE(details.value(QStringLiteral("key")).toList(), (QVariantList{2}));
        QCOMPARE(details.value(QStringLiteral("constraint")).toString(), constraint);
        QCOMPARE(details.value(QStringLiteral("constraintKind")).toString(), kind);
        QCOMPARE(details.value(QStringLiteral("column")).toString(), reportedColumn);
        QVERIFY2(result.error().message().startsWith(QLatin1String("row id=2: ")), qPrintable(result.error().message()));
        QVERIFY2(result.error().message().contains(kind + QStringLiteral(" constraint failed")), qPrintable(result.error().message()));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT * FROM items ORDER BY id")), before);
    }

    void nullAndEmptyStringAreWrittenAsThemselves()
    {
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, b BLOB);"
                                             "INSERT INTO t VALUES (1, 'x', x'01'), (2, 'y', x'02'), (3, 'z', x'03');")));
        const auto shape = shapeOf(table(QStringLiteral("t")), {QStringLiteral("id"), QStringLiteral("s"), QStringLiteral("b")},
                                   {QStringLiteral("id")});
        auto version = [&](int id) { return versionOf(shape, QStringLiteral("id = ?"), {id}); };
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {1}, version(1), {cell(QStringLiteral("s"), QVariant()), cell(QStringLiteral("b"), QVariant())}),
                                              update(2, {2}, version(2),
                                                     {cell(QStringLiteral("s"), QVariant(QStringLiteral(""))),
                                                      cell(QStringLiteral("b"), QVariant(QByteArray("", 0)))}),
                                              update(3, {3}, version(3),
                                                     {cell(QStringLiteral("s"), QVariant(QString())), cell(QStringLiteral("b"), QVariant(QByteArray()))})}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT typeof(s), typeof(b), length(s), length(b) FROM t ORDER BY id")),
                 (Table{{QStringLiteral("null"), QStringLiteral("null"), QVariant(), QVariant()},
                        {QStringLiteral("text"), QStringLiteral("blob"), 0, 0},
                        {QStringLiteral("text"), QStringLiteral("blob"), 0, 0}}));
    }

    void valuesKeepTheirStorageClass_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("storedAs");
        QTest::addColumn<QVariant>("stored");
        QByteArray all(256, '\0');
        for (int i = 0; i < 256; ++i)
            all[i] = char(i);
        QTest::newRow("integer") << QStringLiteral("INTEGER") << QVariant(qlonglong(-9223372036854775807LL)) << QStringLiteral("integer")
                                 << QVariant(qlonglong(-9223372036854775807LL));
        QTest::newRow("integer from text") << QStringLiteral("INTEGER") << QVariant(QStringLiteral("42")) << QStringLiteral("integer") << QVariant(42);
        QTest::newRow("text stays text in integer") << QStringLiteral("INTEGER") << QVariant(QStringLiteral("abc")) << QStringLiteral("text")
                                                    << QVariant(QStringLiteral("abc"));
        QTest::newRow("real") << QStringLiteral("REAL") << QVariant(2.718281828459045) << QStringLiteral("real") << QVariant(2.718281828459045);
        QTest::newRow("text") << QStringLiteral("TEXT") << QVariant(QStringLiteral("multi\nline 'q' \"d\" ünï 🎉")) << QStringLiteral("text")
                              << QVariant(QStringLiteral("multi\nline 'q' \"d\" ünï 🎉"));
        QTest::newRow("blob, every byte") << QStringLiteral("BLOB") << QVariant(all) << QStringLiteral("blob") << QVariant(all);
        QTest::newRow("numeric from text") << QStringLiteral("NUMERIC") << QVariant(QStringLiteral("3.5")) << QStringLiteral("real") << QVariant(3.5);
        QTest::newRow("numeric integral") << QStringLiteral("NUMERIC") << QVariant(QStringLiteral("7")) << QStringLiteral("integer") << QVariant(7);
        QTest::newRow("null") << QStringLiteral("TEXT") << QVariant() << QStringLiteral("null") << QVariant();
        QTest::newRow("no declared type") << QString() << QVariant(QStringLiteral("12")) << QStringLiteral("text") << QVariant(QStringLiteral("12"));
    }

    void valuesKeepTheirStorageClass()
    {
        QFETCH(QString, type);
        QFETCH(QVariant, value);
        QFETCH(QString, storedAs);
        QFETCH(QVariant, stored);
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TABLE v (id INTEGER PRIMARY KEY, c %1); INSERT INTO v VALUES (1, 'old');").arg(type)));
        const auto shape = shapeOf(table(QStringLiteral("v")), {QStringLiteral("id"), QStringLiteral("c")}, {QStringLiteral("id")});
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {1}, versionOf(shape, QStringLiteral("id = 1"), {}), {cell(QStringLiteral("c"), value)}),
                                              insert(2, {cell(QStringLiteral("c"), value)})}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        const Table rows = rowsOf(*m_other, QStringLiteral("SELECT typeof(c), c FROM v ORDER BY id"));
        QCOMPARE(rows.size(), 2);
        for (const QVariantList &row : rows) {
            QCOMPARE(row.at(0).toString(), storedAs);
            QCOMPARE(row.at(1), stored);
        }
    }

    void aRowidTableWithoutPrimaryKeyIsEditedByRowid()
    {
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TABLE loose (a TEXT, b INTEGER);"
                                             "INSERT INTO loose VALUES ('x', 1), ('x', 1), ('y', 2);")));
        const auto shape = shapeOf(table(QStringLiteral("loose")), {QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("rowid")},
                                   data::RowIdentity::Rowid);
        // Two identical rows: only the rowid tells them apart.
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {2}, versionOf(shape, QStringLiteral("rowid = 2"), {}), {cell(QStringLiteral("b"), 20)}),
                                              remove(2, {3}, versionOf(shape, QStringLiteral("rowid = 3"), {}))}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT rowid, a, b FROM loose ORDER BY rowid")),
                 (Table{{1, QStringLiteral("x"), 1}, {2, QStringLiteral("x"), 20}}));
    }

    void generatedColumnsAreRefusedAndReadOnlyShapesToo()
    {
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TABLE g (id INTEGER PRIMARY KEY, price INTEGER, doubled INTEGER GENERATED ALWAYS AS (price * 2));"
                                             "INSERT INTO g (price) VALUES (1);")));
        auto shape = shapeOf(table(QStringLiteral("g")), {QStringLiteral("id"), QStringLiteral("price"), QStringLiteral("doubled")},
                             {QStringLiteral("id")});
        shape.columns[2].generated = true;
        const QVariant version = versionOf(shape, QStringLiteral("id = 1"), {});
        const auto refused = commit(*m_registry, kConnection, shape,
                                    changeSet({update(1, {1}, version, {cell(QStringLiteral("price"), 5), cell(QStringLiteral("doubled"), 3)})}));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::ValidationFailed);
        QCOMPARE(refused.error().details().value(QStringLiteral("column")).toString(), QStringLiteral("doubled"));

        auto readOnly = shape;
        readOnly.editable = false;
        readOnly.readOnlyReason = QStringLiteral("a view");
        const auto viewRefused = commit(*m_registry, kConnection, readOnly,
                                        changeSet({update(1, {1}, version, {cell(QStringLiteral("price"), 5)})}));
        QVERIFY(!viewRefused.ok());
        QCOMPARE(viewRefused.error().code(), ErrorCode::ValidationFailed);
        QVERIFY(viewRefused.error().message().contains(QLatin1String("a view")));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT price, doubled FROM g")), (Table{{1, 2}}));

        const auto fine = commit(*m_registry, kConnection, shape, changeSet({update(1, {1}, version, {cell(QStringLiteral("price"), 5)})}));
        QVERIFY2(fine.ok(), qPrintable(describe(fine)));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT price, doubled FROM g")), (Table{{5, 10}}));
    }

    void aThousandCellUpdatesCommitInOneTransaction()
    {
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE TABLE wide (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c REAL, d BLOB);"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) "
            "INSERT INTO wide SELECT i, i, 'b' || i, i / 10.0, NULL FROM n;")));
        const auto shape = shapeOf(table(QStringLiteral("wide")),
                                   {QStringLiteral("id"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")},
                                   {QStringLiteral("id")});
        const Table versions = rowsOf(*m_other, QStringLiteral("SELECT id, tw_row_version(id, a, b, c, d) FROM wide ORDER BY id"));
        QCOMPARE(versions.size(), 250);
        QList<RowChange> changes;
        for (const QVariantList &row : versions) {
            const int id = row.at(0).toInt();
            changes << update(id, {id}, row.at(1),
                              {cell(QStringLiteral("a"), -id), cell(QStringLiteral("b"), QStringLiteral("B%1").arg(id)),
                               cell(QStringLiteral("c"), id + 0.5), cell(QStringLiteral("d"), QByteArray(1, char(id)))});
        }
        QElapsedTimer timer;
        timer.start();
        const auto result = commit(*m_registry, kConnection, shape, changeSet(changes));
        qInfo() << "1,000 cells in" << timer.elapsed() << "ms";
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.value().updated, 250);
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT count(*) FROM wide WHERE a = -id AND b = 'B' || id AND c = id + 0.5 "
                                                 "AND hex(d) = printf('%02X', id % 256)")).value(0).value(0).toInt(),
                 250);
    }

    void awkwardIdentifiersAreQuoted()
    {
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE TABLE \"Order Items; \"\"select\"\"\" (\"Key Col\" INTEGER PRIMARY KEY, \"select\" TEXT, \"MixedCase\" INTEGER,"
            " \"with \"\"quotes\"\"\" TEXT, \"rowid\" TEXT);"
            "INSERT INTO \"Order Items; \"\"select\"\"\" VALUES (1, 'a', 1, 'q', 'r1'), (2, 'b', 2, 'r', 'r2');")));
        const auto shape = shapeOf(table(QStringLiteral("Order Items; \"select\"")),
                                   {QStringLiteral("Key Col"), QStringLiteral("select"), QStringLiteral("MixedCase"),
                                    QStringLiteral("with \"quotes\""), QStringLiteral("rowid")},
                                   {QStringLiteral("Key Col")});
        auto version = [&](int id) { return versionOf(shape, QStringLiteral("\"Key Col\" = ?"), {id}); };
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {1}, version(1),
                                                     {cell(QStringLiteral("select"), QStringLiteral("A")), cell(QStringLiteral("MixedCase"), 10),
                                                      cell(QStringLiteral("with \"quotes\""), QStringLiteral("Q")),
                                                      cell(QStringLiteral("rowid"), QStringLiteral("R"))}),
                                              remove(2, {2}, version(2)),
                                              insert(3, {cell(QStringLiteral("Key Col"), 3), cell(QStringLiteral("select"), QStringLiteral("c"))})}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT * FROM \"Order Items; \"\"select\"\"\" ORDER BY 1")),
                 (Table{{1, QStringLiteral("A"), 10, QStringLiteral("Q"), QStringLiteral("R")},
                        {3, QStringLiteral("c"), QVariant(), QVariant(), QVariant()}}));
    }

    void rowsReadByTheReaderCommitBackUnchangedAndConflictOnItsVersions()
    {
        // The browser's path: describeTable, a page from the reader, edits
        // made of the loaded values; storage classes must survive.
        QVERIFY(setUpDatabase(QStringLiteral(
            "CREATE TABLE every (id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB, n NUMERIC, u, "
            " g INTEGER GENERATED ALWAYS AS (i * 2));"
            "INSERT INTO every (i, r, t, b, n, u) VALUES (42, 1.5, 'multi' || char(10) || 'line', x'00ff10', 3.25, 'x'),"
            " (NULL, NULL, NULL, NULL, NULL, NULL), ('text in int', 'text in real', 12, '', '7', x'01');"
            "CREATE TABLE loose (a TEXT, b);"
            "INSERT INTO loose VALUES ('x', 1), ('x', 1), (NULL, x'00');")));
        for (const QString &name : {QStringLiteral("every"), QStringLiteral("loose")}) {
            auto shape = describedShape(*m_registry, kConnection, table(name));
            QVERIFY2(shape.ok(), qPrintable(describe(shape)));
            QVERIFY2(shape.value().editable, qPrintable(shape.value().readOnlyReason));
            const auto page = firstPage(*m_registry, kConnection, shape.value());
            QVERIFY2(page.ok(), qPrintable(describe(page)));
            QCOMPARE(page.value().rows.size(), 3);
            const QString stored = QStringLiteral("SELECT rowid, * FROM \"%1\" ORDER BY rowid").arg(name);
            const QString classes = QStringLiteral("SELECT %1 FROM \"%2\" ORDER BY rowid")
                                        .arg(name == QLatin1String("every") ? QStringLiteral("typeof(i), typeof(r), typeof(t), typeof(b), typeof(n), typeof(u)")
                                                                            : QStringLiteral("typeof(a), typeof(b)"),
                                             name);
            const Table before = rowsOf(*m_other, stored);
            const Table beforeClasses = rowsOf(*m_other, classes);

            const auto rewritten = commit(*m_registry, kConnection, shape.value(), rewriteAsLoaded(shape.value(), page.value()));
            QVERIFY2(rewritten.ok(), qPrintable(describe(rewritten)));
            QCOMPARE(rewritten.value().updated, 3);
            QCOMPARE(rowsOf(*m_other, stored), before);
            QCOMPARE(rowsOf(*m_other, classes), beforeClasses);

            // Same values, same hash: the page is still current.
            const auto again = commit(*m_registry, kConnection, shape.value(), rewriteAsLoaded(shape.value(), page.value()));
            QVERIFY2(again.ok(), qPrintable(describe(again)));

            QVERIFY(execOn(*m_other, QStringLiteral("DELETE FROM \"%1\" WHERE rowid = 2").arg(name)).ok());
            QVERIFY(execOn(*m_other, QStringLiteral("UPDATE \"%1\" SET %2 = 'other' WHERE rowid = 3")
                                         .arg(name, name == QLatin1String("every") ? QStringLiteral("t") : QStringLiteral("a")))
                        .ok());
            const auto conflict = commit(*m_registry, kConnection, shape.value(), rewriteAsLoaded(shape.value(), page.value()));
            QVERIFY(!conflict.ok());
            QCOMPARE(conflictsOf(conflict.error()), (QStringList{QStringLiteral("2:deleted"), QStringLiteral("3:changed")}));
        }
    }

    void aCompositeKeyAddressesExactlyItsRow()
    {
        QVERIFY(setUpDatabase(QStringLiteral("CREATE TABLE pairs (a INTEGER, b TEXT, v TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;"
                                             "INSERT INTO pairs VALUES (1, 'x', 'one-x'), (1, 'y', 'one-y'), (2, 'x', 'two-x');")));
        const auto shape = shapeOf(table(QStringLiteral("pairs")), {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("v")},
                                   {QStringLiteral("a"), QStringLiteral("b")});
        auto version = [&](int a, const QString &b) { return versionOf(shape, QStringLiteral("a = ? AND b = ?"), {a, b}); };
        const auto result = commit(*m_registry, kConnection, shape,
                                   changeSet({update(1, {1, QStringLiteral("y")}, version(1, QStringLiteral("y")),
                                                     {cell(QStringLiteral("v"), QStringLiteral("changed"))}),
                                              remove(2, {2, QStringLiteral("x")}, version(2, QStringLiteral("x")))}));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(rowsOf(*m_other, QStringLiteral("SELECT a, b, v FROM pairs ORDER BY a, b")),
                 (Table{{1, QStringLiteral("x"), QStringLiteral("one-x")}, {1, QStringLiteral("y"), QStringLiteral("changed")}}));
    }
};

QTEST_GUILESS_MAIN(TestDataEditsSqlite)
#include "tst_data_edits_sqlite.moc"

// Reads whole SQLite databases through the pool: Chinook, generated ones (the
// statement count and load time do not grow with the tables), DDL whose
// stored text ends in a comment, an empty database and a broken view. The
// object fixture: tst_catalog_sqlite.cpp.
#include "CatalogLookup.h"
#include "SqliteCatalogTest.h"
#include "catalog/Ddl.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;
using namespace tw::db;
using namespace tw::catalog;
using namespace tw::test;     // errorText, loadInto, findConstraint, named, names

namespace {

// Counts the statements SQLite itself starts on the connection while the
// snapshot loads, so the count cannot be flattered by the loader. The
// pragma table-valued functions run a nested "PRAGMA …" statement for each
// row of the outer query (engine-internal, no round trip) and trigger
// programs report as "--" comments: those are not statements the loader
// issued.
Result<int> statementsForSnapshot(const QString &file, const QString &name)
{
    Pool pool(test::sqliteProfile(file, name));
    return test::resultOf(pool.run([](Session &s) -> Result<int> {
        sqlite3 *handle = s.native().sqlite();
        if (!handle)
            return Error(ErrorCode::Internal, QStringLiteral("no native handle"));
        int count = 0;
        sqlite3_trace_v2(handle, SQLITE_TRACE_STMT,
                         [](unsigned, void *context, void *, void *text) {
                             const QByteArray sql(static_cast<const char *>(text));
                             if (!sql.startsWith("PRAGMA ") && !sql.startsWith("--"))
                                 ++*static_cast<int *>(context);
                             return 0;
                         },
                         &count);
        auto snapshot = catalog::readSnapshot(s);
        sqlite3_trace_v2(handle, 0, nullptr, nullptr);
        if (!snapshot)
            return snapshot.error();
        if (!snapshot.value().problems.isEmpty())
            return Error(ErrorCode::Internal, snapshot.value().problems.first().error.toString());
        return count;
    }));
}

QString generatedSchema(int tables)
{
    QString sql;
    for (int i = 1; i <= tables; ++i) {
        sql += QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES t%2 (id), "
                              "code TEXT UNIQUE, CHECK (id > 0));\n"
                              "CREATE INDEX t%1_parent ON t%1 (parent);\n"
                              "CREATE VIEW v%1 AS SELECT id FROM t%1;\n"
                              "CREATE TRIGGER t%1_trg AFTER INSERT ON t%1 BEGIN SELECT 1; END;\n")
                   .arg(i)
                   .arg(i == 1 ? 1 : i - 1);
    }
    return sql;
}

} // namespace

class TestCatalogSqliteDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void chinookHasItsElevenTablesWithKeysAndIndexes()
    {
        const QString fixture = test::chinookDir() + QStringLiteral("/Chinook_Sqlite.sqlite");
        TW_REQUIRE_SERVICE(QFile::exists(fixture), fixture);
        const QString copy = m_dir.filePath(QStringLiteral("chinook.sqlite"));
        QVERIFY(QFile::copy(fixture, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        auto snapshot = loadInto(copy, {}, QStringLiteral("chinook-catalog"));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : errorText(snapshot.error())));
        const Snapshot &s = snapshot.value();
        QCOMPARE(s.problems.size(), 0);
        QCOMPARE(names(s.relations),
                 (QStringList{QStringLiteral("Album"), QStringLiteral("Artist"), QStringLiteral("Customer"),
                              QStringLiteral("Employee"), QStringLiteral("Genre"), QStringLiteral("Invoice"),
                              QStringLiteral("InvoiceLine"), QStringLiteral("MediaType"), QStringLiteral("Playlist"),
                              QStringLiteral("PlaylistTrack"), QStringLiteral("Track")}));
        for (const Relation &r : s.relations) {
            const auto pk = std::find_if(r.constraints.begin(), r.constraints.end(),
                                         [](const Constraint &c) { return c.type == Constraint::Type::PrimaryKey; });
            QVERIFY2(pk != r.constraints.end(), qPrintable(r.name));
            QCOMPARE(pk->name, QStringLiteral("PK_") + r.name);
        }
        const Relation *track = s.relation(QStringLiteral("main"), QStringLiteral("Track"));
        QCOMPARE(track->columns.size(), 9);
        QCOMPARE(track->column(QStringLiteral("UnitPrice"))->type, QStringLiteral("NUMERIC(10,2)"));
        QCOMPARE(track->column(QStringLiteral("Name"))->notNull, true);
        const Constraint *album = findConstraint(*track, Constraint::Type::ForeignKey, {QStringLiteral("AlbumId")});
        QVERIFY(album);
        QCOMPARE(album->refTable, QStringLiteral("Album"));
        QCOMPARE(album->refColumns, QStringList{QStringLiteral("AlbumId")});
        QCOMPARE(album->onDelete, QStringLiteral("NO ACTION"));
        QVERIFY(findConstraint(*track, Constraint::Type::ForeignKey, {QStringLiteral("GenreId")}));
        QVERIFY(findConstraint(*track, Constraint::Type::ForeignKey, {QStringLiteral("MediaTypeId")}));
        QCOMPARE(names(track->indexes), (QStringList{QStringLiteral("IFK_TrackAlbumId"), QStringLiteral("IFK_TrackGenreId"),
                                                     QStringLiteral("IFK_TrackMediaTypeId")}));
        QCOMPARE(track->indexes.first().keys, QStringList{QStringLiteral("AlbumId")});

        const Relation *playlistTrack = s.relation(QStringLiteral("main"), QStringLiteral("PlaylistTrack"));
        QVERIFY(findConstraint(*playlistTrack, Constraint::Type::PrimaryKey,
                               {QStringLiteral("PlaylistId"), QStringLiteral("TrackId")}));
        const Index *pk = named(playlistTrack->indexes, QStringLiteral("sqlite_autoindex_PlaylistTrack_1"));
        QVERIFY(pk);
        QCOMPARE(pk->primary, true);
        QCOMPARE(pk->constraintName, QStringLiteral("PK_PlaylistTrack"));
        const Relation *employee = s.relation(QStringLiteral("main"), QStringLiteral("Employee"));
        const Constraint *reportsTo = findConstraint(*employee, Constraint::Type::ForeignKey, {QStringLiteral("ReportsTo")});
        QVERIFY(reportsTo);
        QCOMPARE(reportsTo->refTable, QStringLiteral("Employee"));
        int foreignKeys = 0;
        for (const Relation &r : s.relations)
            foreignKeys += int(std::count_if(r.constraints.begin(), r.constraints.end(),
                                             [](const Constraint &c) { return c.type == Constraint::Type::ForeignKey; }));
        QCOMPARE(foreignKeys, 11);
    }

    void threeHundredTablesTakeAsManyStatementsAsThree()
    {
        const QString small = m_dir.filePath(QStringLiteral("three.sqlite"));
        const QString large = m_dir.filePath(QStringLiteral("three-hundred.sqlite"));
        auto smallSnapshot = loadInto(small, generatedSchema(3), QStringLiteral("three"));
        auto largeSnapshot = loadInto(large, generatedSchema(300), QStringLiteral("three-hundred"));
        QVERIFY(smallSnapshot.ok());
        QVERIFY(largeSnapshot.ok());
        QCOMPARE(largeSnapshot.value().relations.size(), 600);
        const Relation *t300 = largeSnapshot.value().relation(QStringLiteral("main"), QStringLiteral("t300"));
        QVERIFY(t300);
        QCOMPARE(t300->columns.size(), 3);
        QCOMPARE(t300->indexes.size(), 2);
        QCOMPARE(t300->triggers.size(), 1);
        QCOMPARE(t300->constraints.size(), 4);
        QCOMPARE(findConstraint(*t300, Constraint::Type::ForeignKey, {QStringLiteral("parent")})->refTable,
                 QStringLiteral("t299"));

        const Result<int> few = statementsForSnapshot(small, QStringLiteral("count-three"));
        const Result<int> many = statementsForSnapshot(large, QStringLiteral("count-three-hundred"));
        QVERIFY2(few.ok(), qPrintable(few.ok() ? QString() : errorText(few.error())));
        QVERIFY2(many.ok(), qPrintable(many.ok() ? QString() : errorText(many.error())));
        QCOMPARE(many.value(), few.value());
        // version, objects, dbstat, columns, foreign keys, indexes
        QCOMPARE(few.value(), 6);
    }

    void loadTimeGrowsLinearlyWithTheTableCount()
    {
        // A join that makes SQLite list every table once per table turned
        // 6,000 tables into 47 s. Compare 500 with 3,000 tables (6× the
        // objects): linear stays near 6×, quadratic goes to ~36×.
        const auto timed = [this](int tables, const QString &name) -> qint64 {
            const QString file = m_dir.filePath(name + QStringLiteral(".sqlite"));
            if (!loadInto(file, generatedSchema(tables), name).ok())
                return -1;
            db::Pool pool(test::sqliteProfile(file, name + QStringLiteral("-timed")));
            QElapsedTimer timer;
            timer.start();
            const bool ok = test::resultOf(pool.run([](db::Session &s) { return readSnapshot(s); })).ok();
            return ok ? std::max<qint64>(timer.elapsed(), 1) : -1;
        };
        const qint64 small = timed(500, QStringLiteral("five-hundred"));
        const qint64 large = timed(3000, QStringLiteral("three-thousand"));
        QVERIFY(small > 0 && large > 0);
        qInfo("snapshot of 500 tables: %lld ms, of 3,000 tables: %lld ms", small, large);
        // Small times are noisy: only flag growth that no noise explains.
        QVERIFY2(large < 3000 || large < 15 * small, qPrintable(QStringLiteral("%1 ms vs %2 ms").arg(large).arg(small)));
    }

    void generatedDdlSurvivesTrailingCommentsInStoredText()
    {
        // SQLite stores "… -- comment" as written; the DDL's ';' must not
        // land inside that comment and swallow the next statement.
        const QString source = m_dir.filePath(QStringLiteral("commented.sqlite"));
        auto original = loadInto(source, QStringLiteral(
            "CREATE TABLE c (a INTEGER, b TEXT) -- the table\n;\n"
            "CREATE VIEW v AS SELECT a FROM c -- view comment\n;\n"
            "CREATE INDEX ic ON c (a) -- index comment\n;\n"
            "CREATE TRIGGER tc AFTER INSERT ON c BEGIN SELECT 1; END -- trigger comment\n;\n"), QStringLiteral("commented"));
        QVERIFY2(original.ok(), qPrintable(original.ok() ? QString() : errorText(original.error())));
        const QString ddl = databaseDdl(original.value());

        const QString copy = m_dir.filePath(QStringLiteral("commented-copy.sqlite"));
        auto replayed = loadInto(copy, ddl, QStringLiteral("commented-copy"));
        QVERIFY2(replayed.ok(), qPrintable((replayed.ok() ? QString() : errorText(replayed.error())) + QLatin1Char('\n') + ddl));
        QCOMPARE(names(replayed.value().relations), names(original.value().relations));
        const Relation *table = replayed.value().relation(QStringLiteral("main"), QStringLiteral("c"));
        QVERIFY(table);
        QCOMPARE(names(table->indexes), QStringList{QStringLiteral("ic")});
        QCOMPARE(names(table->triggers), QStringList{QStringLiteral("tc")});
    }

    void emptyDatabaseGivesAnEmptyValidSnapshot()
    {
        const QString file = m_dir.filePath(QStringLiteral("empty.sqlite"));
        auto snapshot = loadInto(file, {}, QStringLiteral("empty"));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : errorText(snapshot.error())));
        QCOMPARE(snapshot.value().relations.size(), 0);
        QCOMPARE(snapshot.value().problems.size(), 0);
        QCOMPARE(names(snapshot.value().schemas), QStringList{QStringLiteral("main")});
        QCOMPARE(snapshot.value().database, file);
        QVERIFY(!snapshot.value().serverVersion.isEmpty());
    }

    void aBrokenViewIsReportedAndTheRestStillLoads()
    {
        const QString file = m_dir.filePath(QStringLiteral("broken.sqlite"));
        auto snapshot = loadInto(file,
                                 QStringLiteral("CREATE TABLE gone (a INTEGER); CREATE TABLE kept (b TEXT PRIMARY KEY);"
                                                "CREATE VIEW orphan AS SELECT a FROM gone; DROP TABLE gone;"),
                                 QStringLiteral("broken"));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : errorText(snapshot.error())));
        const Snapshot &s = snapshot.value();
        QCOMPARE(names(s.relations), (QStringList{QStringLiteral("kept"), QStringLiteral("orphan")}));
        QCOMPARE(s.problems.size(), 1);
        QCOMPARE(s.problems.first().part, QStringLiteral("orphan"));
        QVERIFY2(s.problems.first().error.message().contains(QLatin1String("gone")),
                 qPrintable(s.problems.first().error.message()));
        QCOMPARE(names(s.relation(QStringLiteral("main"), QStringLiteral("kept"))->columns), QStringList{QStringLiteral("b")});
        QCOMPARE(s.relation(QStringLiteral("main"), QStringLiteral("kept"))->indexes.size(), 1);
        QCOMPARE(s.relation(QStringLiteral("main"), QStringLiteral("orphan"))->viewDefinition,
                 QStringLiteral("SELECT a FROM gone"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogSqliteDatabase)
#include "tst_catalog_sqlite_database.moc"

// Generated DDL against a real PostgreSQL: load the catalog fixture (and
// Chinook) into database A, read its snapshot, apply databaseDdl() to an
// empty database B, read B and require the same snapshot and `pg_dump -s`;
// the same round trip for SQLite Chinook. Every object having DDL of its
// own, and pg_dump's objects being in the snapshot: tst_ddl_coverage.cpp.
#include "PostgresDdlTest.h"
#include "catalog/Ddl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace tw;
using namespace tw::catalog;
using namespace tw::db;
using tw::test::json;
using tw::test::withoutVolatileFields;

namespace {

template<typename T, typename Name>
QString firstDifference(const QString &what, const QList<T> &a, const QList<T> &b, Name name)
{
    QStringList namesA, namesB;
    for (const T &x : a)
        namesA << name(x);
    for (const T &x : b)
        namesB << name(x);
    if (namesA != namesB) {
        QStringList missing, extra;
        for (const QString &n : namesA) {
            if (!namesB.contains(n))
                missing << n;
        }
        for (const QString &n : namesB) {
            if (!namesA.contains(n))
                extra << n;
        }
        return QStringLiteral("%1: missing after round trip: [%2]; extra: [%3]")
            .arg(what, missing.join(QStringLiteral(", ")), extra.join(QStringLiteral(", ")));
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!(a.at(i) == b.at(i)))
            return QStringLiteral("%1 %2 differs").arg(what, namesA.at(i));
    }
    return {};
}

template<typename T>
QString partDifference(const QString &relation, const QString &what, const QList<T> &a, const QList<T> &b)
{
    return firstDifference(relation + QLatin1Char(' ') + what, a, b, [](const T &x) { return x.name; });
}

// The first object that differs, by name, with both sides for a relation.
QString snapshotDifference(const Snapshot &a, const Snapshot &b)
{
    auto qualified = [](const auto &x) { return x.schema + QLatin1Char('.') + x.name; };
    QString diff = firstDifference(QStringLiteral("schema"), a.schemas, b.schemas, [](const Schema &s) { return s.name; });
    if (diff.isEmpty())
        diff = firstDifference(QStringLiteral("extension"), a.extensions, b.extensions, [](const Extension &e) { return e.name; });
    if (diff.isEmpty())
        diff = firstDifference(QStringLiteral("enum"), a.enums, b.enums, qualified);
    if (diff.isEmpty())
        diff = firstDifference(QStringLiteral("domain"), a.domains, b.domains, qualified);
    if (diff.isEmpty())
        diff = firstDifference(QStringLiteral("composite"), a.composites, b.composites, qualified);
    if (diff.isEmpty())
        diff = firstDifference(QStringLiteral("sequence"), a.sequences, b.sequences, qualified);
    if (diff.isEmpty()) {
        diff = firstDifference(QStringLiteral("routine"), a.routines, b.routines,
                               [](const Routine &r) { return r.schema + QLatin1Char('.') + r.signature(); });
    }
    if (!diff.isEmpty())
        return diff;
    diff = firstDifference(QStringLiteral("relation"), a.relations, b.relations, qualified);
    if (diff.isEmpty() || !diff.endsWith(QLatin1String(" differs")))
        return diff;
    for (qsizetype i = 0; i < a.relations.size(); ++i) {
        const Relation &ra = a.relations.at(i);
        const Relation &rb = b.relations.at(i);
        if (ra == rb)
            continue;
        const QString name = ra.qualifiedName();
        QString part = partDifference(name, QStringLiteral("column"), ra.columns, rb.columns);
        if (part.isEmpty())
            part = partDifference(name, QStringLiteral("constraint"), ra.constraints, rb.constraints);
        if (part.isEmpty())
            part = partDifference(name, QStringLiteral("index"), ra.indexes, rb.indexes);
        if (part.isEmpty())
            part = partDifference(name, QStringLiteral("trigger"), ra.triggers, rb.triggers);
        if (part.isEmpty())
            part = QStringLiteral("relation %1 differs").arg(name);
        return part + QStringLiteral("\n--- before:\n") + json(relationToJson(ra, JsonStats::Omit))
               + QStringLiteral("--- after:\n") + json(relationToJson(rb, JsonStats::Omit));
    }
    return diff;
}

// `pg_dump -s` of a database, without the lines naming the database or the
// dump's time, so two databases with the same schema give the same text.
QString schemaDump(const config::ConnectionProfile &database)
{
    QProcess dump;
    test::startSchemaDump(dump, database);
    if (!dump.waitForFinished(60000) || dump.exitCode() != 0) {
        qWarning("pg_dump failed: %s", dump.readAllStandardError().constData());
        return {};
    }
    QStringList lines = QString::fromUtf8(dump.readAllStandardOutput()).split(QLatin1Char('\n'));
    // \restrict carries a random key (pg_dump 15.14 and later).
    lines.removeIf([](const QString &line) {
        return line.startsWith(QLatin1String("-- Dumped ")) || line.startsWith(QLatin1String("\\restrict "))
               || line.startsWith(QLatin1String("\\unrestrict "));
    });
    return lines.join(QLatin1Char('\n'));
}

// The first lines where two texts part, with a little context.
QString textDifference(const QString &a, const QString &b)
{
    const QStringList la = a.split(QLatin1Char('\n'));
    const QStringList lb = b.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(la.size(), lb.size()); ++i) {
        if (la.value(i) != lb.value(i)) {
            return QStringLiteral("line %1\n--- before:\n%2\n--- after:\n%3")
                .arg(i + 1)
                .arg(la.mid(std::max<qsizetype>(0, i - 3), 10).join(QLatin1Char('\n')),
                     lb.mid(std::max<qsizetype>(0, i - 3), 10).join(QLatin1Char('\n')));
        }
    }
    return {};
}

} // namespace

class TestDdlRoundtrip : public test::PostgresDdlTest
{
    Q_OBJECT

public:
    TestDdlRoundtrip() : PostgresDdlTest(QStringLiteral("tw_ddl")) {}

private:
    // A, B, compare snapshots and `pg_dump -s`; returns A's snapshot for
    // further checks. `prelude` runs in B first: what the snapshot does not
    // hold (collations) but the schema needs.
    std::optional<Snapshot> roundTrip(const QString &script, const QString &prelude = {})
    {
        const auto a = m_pg.createDatabase(QStringLiteral("a"));
        const Status loaded = test::runScript(a, script);
        if (!loaded.ok()) {
            qWarning("loading the script failed: %s", qPrintable(loaded.error().toString()));
            return std::nullopt;
        }
        auto before = snapshotOf(a);
        if (!before.ok()) {
            qWarning("reading A failed: %s", qPrintable(before.error().toString()));
            return std::nullopt;
        }
        const QString ddl = databaseDdl(before.value());
        const auto b = m_pg.createDatabase(QStringLiteral("b"));
        if (!prelude.isEmpty() && !test::runScript(b, prelude).ok()) {
            qWarning("the prelude failed");
            return std::nullopt;
        }
        const Status applied = test::runScript(b, ddl);
        if (!applied.ok()) {
            const QString path = QDir::temp().filePath(b.database + QStringLiteral(".sql"));
            QFile out(path);
            if (out.open(QIODevice::WriteOnly))
                out.write(ddl.toUtf8());
            qWarning("applying the DDL (written to %s) failed: %s", qPrintable(path), qPrintable(applied.error().toString()));
            return std::nullopt;
        }
        auto after = snapshotOf(b);
        if (!after.ok()) {
            qWarning("reading B failed: %s", qPrintable(after.error().toString()));
            return std::nullopt;
        }
        const Snapshot s1 = withoutVolatileFields(before.value());
        const Snapshot s2 = withoutVolatileFields(after.value());
        const QString difference = snapshotDifference(s1, s2);
        if (!difference.isEmpty()) {
            qWarning("snapshots differ after the round trip: %s", qPrintable(difference));
            return std::nullopt;
        }
        if (snapshotToJson(s1, JsonStats::Omit) != snapshotToJson(s2, JsonStats::Omit)) {
            qWarning("the JSON of the snapshots differs after the round trip");
            return std::nullopt;
        }
        // Generating again from B gives the same text: nothing depends on OIDs or load order.
        if (databaseDdl(after.value()) != ddl) {
            qWarning("DDL generated from B differs from DDL generated from A");
            return std::nullopt;
        }
        // What the snapshot does not model must not differ either: pg_dump
        // sees INHERITS, local columns, trigger modes and policies.
        const QString dumpA = schemaDump(a);
        const QString dumpB = schemaDump(b);
        if (dumpA.isEmpty() || dumpA != dumpB) {
            qWarning("pg_dump -s differs after the round trip: %s", qPrintable(textDifference(dumpA, dumpB)));
            return std::nullopt;
        }
        return before.value();
    }

private slots:
    void fixtureSurvivesTheDdlRoundTrip()
    {
        const QString script = fixture();
        QVERIFY(!script.isEmpty());
        const auto snapshot = roundTrip(script);
        QVERIFY2(snapshot.has_value(), "see the warning above");
        QVERIFY2(snapshot->problems.isEmpty(), qPrintable(snapshot->problems.value(0).error.toString()));
        // The fixture's objects really came through (an empty snapshot would compare equal too).
        QVERIFY(snapshot->relation(QStringLiteral("Sales Data"), QStringLiteral("Order Items")));
        QVERIFY(snapshot->relation(QStringLiteral("Sales Data"), QStringLiteral("orders_2024_h1")));
        QVERIFY(snapshot->relation(QStringLiteral("public"), QStringLiteral("import_lines")));
        QVERIFY(snapshot->routines.size() >= 8);
        QVERIFY(snapshot->relations.size() >= 20);
    }

    void fixtureInheritanceTypedTablesTriggerModesAndPoliciesComeThrough()
    {
        const auto snapshot = roundTrip(fixture());
        QVERIFY2(snapshot.has_value(), "see the warning above");
        const Relation *shelf = snapshot->relation(QStringLiteral("inventory"), QStringLiteral("shelf"));
        QVERIFY(shelf);
        QCOMPARE(shelf->inherits, (QList<QualifiedName>{{QStringLiteral("inventory"), QStringLiteral("location")}}));
        QVERIFY(shelf->rowSecurity);
        QVERIFY(shelf->forceRowSecurity);
        QCOMPARE(shelf->policies.size(), 2);
        const Relation *typed = snapshot->relation(QStringLiteral("inventory"), QStringLiteral("package_size"));
        QVERIFY(typed);
        QCOMPARE(typed->ofType, (QualifiedName{QStringLiteral("inventory"), QStringLiteral("dimensions")}));
        QStringList modes;
        for (const Trigger &t : shelf->triggers)
            modes << t.name + QLatin1Char('=') + t.enabledMode;
        QCOMPARE(modes, (QStringList{QStringLiteral("shelf_changed=always"), QStringLiteral("shelf_replicated=replica")}));
    }

    // Review item 2: names with dots must not meet; item 1: collation names are names.
    void dottedNamesAndHostileCollationsSurviveTheRoundTrip()
    {
        const QString hostile = QStringLiteral("CREATE COLLATION public.\"C\"\"); DROP TABLE important; --\" (provider = libc, locale = 'C');\n");
        const QString script = hostile + QStringLiteral(
            "CREATE SCHEMA a; CREATE SCHEMA \"a.b\";\n"
            "CREATE TABLE \"a.b\".c (id int GENERATED BY DEFAULT AS IDENTITY (START WITH 100));\n"
            "CREATE TABLE a.\"b.c\" (id int GENERATED ALWAYS AS IDENTITY (INCREMENT BY 5));\n"
            "CREATE TABLE public.important (x int);\n"
            "CREATE TABLE public.notes (body text COLLATE public.\"C\"\"); DROP TABLE important; --\", code text COLLATE \"C.utf8\", "
            "  plain text COLLATE \"C\");\n"
            "CREATE VIEW a.\"b.v\" AS SELECT id FROM a.\"b.c\";\n"
            "CREATE VIEW \"a.b\".v AS SELECT id FROM \"a.b\".c;\n");
        const auto snapshot = roundTrip(script, hostile);
        QVERIFY2(snapshot.has_value(), "see the warning above");
        QVERIFY(snapshot->relation(QStringLiteral("public"), QStringLiteral("important")));
        const Relation *notes = snapshot->relation(QStringLiteral("public"), QStringLiteral("notes"));
        QVERIFY(notes);
        QCOMPARE(notes->column(QStringLiteral("code"))->collationSchema, QStringLiteral("pg_catalog"));
        QCOMPARE(notes->column(QStringLiteral("body"))->collationSchema, QStringLiteral("public"));
        int owned = 0;
        for (const Sequence &q : snapshot->sequences) {
            if (q.ownedByTable == QualifiedName{QStringLiteral("a.b"), QStringLiteral("c")}) {
                QCOMPARE(q.start, 100);
                ++owned;
            } else if (q.ownedByTable == QualifiedName{QStringLiteral("a"), QStringLiteral("b.c")}) {
                QCOMPARE(q.increment, 5);
                ++owned;
            }
        }
        QCOMPARE(owned, 2);
        QCOMPARE(snapshot->relation(QStringLiteral("a.b"), QStringLiteral("v"))->dependsOn,
                 (QList<QualifiedName>{{QStringLiteral("a.b"), QStringLiteral("c")}}));
    }

    // review2 (repro_ddl.sql): a real role named "PUBLIC" is not the PUBLIC
    // pseudo-role; a column with its own default next to parents whose
    // defaults conflict; a NOT NULL an INHERITS child dropped.
    void publicRoleConflictingInheritedDefaultsAndDroppedNotNullSurvive()
    {
        const QString script = QStringLiteral(
            "DO $$BEGIN CREATE ROLE \"PUBLIC\"; EXCEPTION WHEN duplicate_object THEN NULL; END$$;\n"
            "CREATE TABLE public.secret (id int, owner text);\n"
            "ALTER TABLE public.secret ENABLE ROW LEVEL SECURITY;\n"
            "CREATE POLICY \"only \"\"PUBLIC\"\" role\" ON public.secret FOR SELECT TO \"PUBLIC\" USING (owner = 'it''s');\n"
            "CREATE POLICY everyone ON public.secret FOR INSERT WITH CHECK (id > 0);\n"
            "CREATE TABLE public.p1 (a int DEFAULT 1, b int, g int GENERATED ALWAYS AS (b * 2) STORED, "
            "  CONSTRAINT b_positive CHECK (b > 0));\n"
            "CREATE TABLE public.p2 (a int DEFAULT 2, c int);\n"
            "CREATE TABLE public.kid (a int DEFAULT 3, d int, g int, CONSTRAINT b_positive CHECK (b > 0)) "
            "  INHERITS (public.p1, public.p2);\n"
            // DEFAULT NULL settles the conflict and stores no default.
            "CREATE TABLE public.kid2 (a int DEFAULT NULL, e int) INHERITS (public.p1, public.p2);\n"
            "CREATE TABLE public.np (a int NOT NULL, b int NOT NULL);\n"
            "CREATE TABLE public.nc () INHERITS (public.np);\n"
            "ALTER TABLE public.nc ALTER COLUMN a DROP NOT NULL;\n"
            "CREATE TABLE public.ngrand () INHERITS (public.nc);\n");
        const auto snapshot = roundTrip(script);
        QVERIFY2(snapshot.has_value(), "see the warning above");
        const Relation *secret = snapshot->relation(QStringLiteral("public"), QStringLiteral("secret"));
        QVERIFY(secret);
        QCOMPARE(secret->policies.size(), 2);
        QCOMPARE(secret->policies.at(1).name, QStringLiteral("only \"PUBLIC\" role"));
        QCOMPARE(secret->policies.at(1).roles, QStringList{QStringLiteral("PUBLIC")});
        QCOMPARE(secret->policies.at(0).roles, QStringList());   // TO PUBLIC
        const QString ddl = databaseDdl(*snapshot);
        QVERIFY2(ddl.contains(QStringLiteral(" FOR SELECT TO \"PUBLIC\" USING ")), qPrintable(ddl));

        const Relation *kid = snapshot->relation(QStringLiteral("public"), QStringLiteral("kid"));
        QVERIFY(kid);
        QVERIFY(kid->column(QStringLiteral("a"))->local);
        QCOMPARE(kid->column(QStringLiteral("a"))->defaultValue, QStringLiteral("3"));
        QVERIFY(!kid->column(QStringLiteral("b"))->local);
        QVERIFY(kid->column(QStringLiteral("g"))->local);
        QVERIFY(!kid->column(QStringLiteral("c"))->local);
        const auto check = std::find_if(kid->constraints.begin(), kid->constraints.end(),
                                        [](const Constraint &c) { return c.name == QLatin1String("b_positive"); });
        QVERIFY(check != kid->constraints.end() && check->local);
        const Relation *kid2 = snapshot->relation(QStringLiteral("public"), QStringLiteral("kid2"));
        QVERIFY(kid2 && kid2->column(QStringLiteral("a"))->defaultValue.isEmpty());
        QVERIFY(!kid2->constraints.isEmpty() && !kid2->constraints.first().local);

        const Relation *nc = snapshot->relation(QStringLiteral("public"), QStringLiteral("nc"));
        QVERIFY(nc);
        QVERIFY(!nc->column(QStringLiteral("a"))->notNull);
        QVERIFY(nc->column(QStringLiteral("b"))->notNull);
        QVERIFY(!snapshot->relation(QStringLiteral("public"), QStringLiteral("ngrand"))->column(QStringLiteral("a"))->notNull);
    }

    void sqliteChinookSurvivesTheDdlRoundTrip()
    {
        const QString fixture = test::chinookDir() + QStringLiteral("/Chinook_Sqlite.sqlite");
        TW_REQUIRE_SERVICE(QFile::exists(fixture), fixture);
        QTemporaryDir dir;
        auto snapshotOfFile = [](const QString &file) {
            Pool pool(test::sqliteProfile(file, QFileInfo(file).baseName()));
            return test::resultOf(pool.run([](Session &s) { return readSnapshot(s); }));
        };
        const QString copy = dir.filePath(QStringLiteral("a.sqlite"));
        QVERIFY(QFile::copy(fixture, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        auto before = snapshotOfFile(copy);
        QVERIFY2(before.ok(), qPrintable(before.ok() ? QString() : before.error().toString()));
        const QString ddl = databaseDdl(before.value());
        QVERIFY(ddl.contains(QStringLiteral("CREATE TABLE")));

        // A zero-byte file is an empty SQLite database; the pool opens only existing files.
        const QString empty = dir.filePath(QStringLiteral("b.sqlite"));
        QVERIFY(QFile(empty).open(QIODevice::WriteOnly));
        const Status applied = test::runScript(test::sqliteProfile(empty, QStringLiteral("b")), ddl);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toString()));
        auto after = snapshotOfFile(empty);
        QVERIFY(after.ok());
        const Snapshot s1 = withoutVolatileFields(before.value());
        const Snapshot s2 = withoutVolatileFields(after.value());
        const QString difference = snapshotDifference(s1, s2);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QCOMPARE(s1.relations.size(), 11);
    }

    void chinookSurvivesTheDdlRoundTrip()
    {
        TW_REQUIRE_SERVICE(QFile::exists(test::chinookPostgresPath()), test::chinookPostgresPath());
        const auto sql = test::chinookPostgresScript();
        QVERIFY2(sql.ok(), qPrintable(sql.ok() ? QString() : sql.error().toString()));
        const auto snapshot = roundTrip(sql.value());
        QVERIFY2(snapshot.has_value(), "see the warning above");
        QCOMPARE(snapshot->relations.size(), 11);
        const Relation *track = snapshot->relation(QStringLiteral("public"), QStringLiteral("track"));
        QVERIFY(track);
        QVERIFY(!track->constraints.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDdlRoundtrip)
#include "tst_ddl_roundtrip.moc"

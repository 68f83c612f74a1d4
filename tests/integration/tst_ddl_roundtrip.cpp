// Generated DDL against a real PostgreSQL: load the catalog fixture (and
// Chinook) into database A, read its snapshot, apply databaseDdl() to an
// empty database B, read B and require the same snapshot. Also checks that
// every object `pg_dump -s` lists for A is in A's snapshot, that every
// object has DDL of its own, and the same round trip for SQLite Chinook.
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "catalog/CatalogLoader.h"
#include "catalog/Ddl.h"
#include "catalog/SnapshotJson.h"
#include "db/Pool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace tw;
using namespace tw::catalog;
using namespace tw::db;

namespace {

const QString kPgDump = QStringLiteral("/usr/lib/postgresql/15/bin/pg_dump");

// Sizes, row estimates, timings and which database it came from differ
// between two databases with the same schema; the rest must not.
Snapshot withoutVolatileFields(Snapshot s)
{
    s.connection.clear();
    s.database.clear();
    s.loadedAt = {};
    s.loadMs = 0;
    for (Relation &r : s.relations) {
        r.estimatedRows = r.tableBytes = r.indexBytes = -1;
        for (Index &i : r.indexes)
            i.sizeBytes = -1;
    }
    return s;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

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
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), database.password);
    dump.setProcessEnvironment(env);
    dump.start(kPgDump, {QStringLiteral("-s"), QStringLiteral("--no-owner"), QStringLiteral("-h"), database.host,
                         QStringLiteral("-p"), QString::number(database.port), QStringLiteral("-U"), database.user,
                         QStringLiteral("-d"), database.database});
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

class TestDdlRoundtrip : public QObject
{
    Q_OBJECT

    // Drops its databases when the test object goes (before the application).
    test::ScratchPostgres m_pg{QStringLiteral("tw_ddl")};

    static Result<Snapshot> snapshotOf(const config::ConnectionProfile &database)
    {
        Pool pool(database);
        return test::resultOf(pool.run([](Session &s) { return readSnapshot(s); }));
    }

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

    static QString fixture() { return test::readSourceFile(QStringLiteral("tests/fixtures/schema/postgres_objects.sql")); }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
    }

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

    void everyObjectOfTheFixtureHasItsOwnDdl()
    {
        const auto database = m_pg.createDatabase(QStringLiteral("objects"));
        QVERIFY(test::runScript(database, fixture()).ok());
        auto loaded = snapshotOf(database);
        QVERIFY(loaded.ok());
        const Snapshot &s = loaded.value();
        QStringList failures;
        auto check = [&](const ObjectRef &ref) {
            const auto ddl = objectDdl(s, ref);
            if (!ddl.ok() || ddl.value().trimmed().isEmpty())
                failures << ref.displayName() + QStringLiteral(": ") + (ddl.ok() ? QStringLiteral("empty") : ddl.error().toString());
        };
        for (const Relation &r : s.relations) {
            check({r.kind, r.schema, r.name, {}});
            for (const Column &c : r.columns)
                check({ObjectKind::Column, r.schema, c.name, r.name});
            for (const Constraint &c : r.constraints)
                check({ObjectKind::Constraint, r.schema, c.name, r.name});
            for (const Index &i : r.indexes)
                check({ObjectKind::Index, r.schema, i.name, r.name});
            for (const Trigger &t : r.triggers)
                check({ObjectKind::Trigger, r.schema, t.name, r.name});
        }
        for (const Routine &r : s.routines)
            check({r.kind, r.schema, r.signature(), {}});
        for (const Sequence &q : s.sequences)
            check({ObjectKind::Sequence, q.schema, q.name, {}});
        for (const EnumType &t : s.enums)
            check({ObjectKind::EnumType, t.schema, t.name, {}});
        for (const Domain &d : s.domains)
            check({ObjectKind::Domain, d.schema, d.name, {}});
        for (const CompositeType &t : s.composites)
            check({ObjectKind::CompositeType, t.schema, t.name, {}});
        for (const Extension &e : s.extensions)
            check({ObjectKind::Extension, {}, e.name, {}});
        for (const Schema &x : s.schemas) {
            check({ObjectKind::Schema, {}, x.name, {}});
            const auto ddl = schemaDdl(s, x.name);
            if (!ddl.ok())
                failures << x.name + QStringLiteral(": ") + ddl.error().toString();
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

        // One table alone runs where the rest of the schema exists: drop it
        // and re-create it from its own DDL (a partition: from its parent's).
        for (const QString &name : {QStringLiteral("warehouse"), QStringLiteral("stock_movement_in")}) {
            const Relation *table = s.relation(QStringLiteral("inventory"), name);
            QVERIFY(table);
            const auto alone = objectDdl(s, {ObjectKind::Table, table->schema, table->name, {}});
            QVERIFY(alone.ok());
            const Status dropped = test::runScript(database, QStringLiteral("DROP TABLE inventory.%1 CASCADE").arg(name));
            QVERIFY2(dropped.ok(), qPrintable(dropped.ok() ? QString() : dropped.error().toString()));
            const Status recreated = test::runScript(database, alone.value());
            QVERIFY2(recreated.ok(), qPrintable(recreated.ok() ? QString() : recreated.error().toString() + QLatin1Char('\n') + alone.value()));
            auto after = snapshotOf(database);
            QVERIFY(after.ok());
            const Snapshot reloaded = withoutVolatileFields(after.value());
            const Relation *again = reloaded.relation(QStringLiteral("inventory"), name);
            QVERIFY(again);
            const Relation expected = withoutVolatileFields(s).relations.at(s.relations.indexOf(*table));
            QVERIFY2(*again == expected, qPrintable(alone.value() + json(relationToJson(*again, JsonStats::Omit))));
        }
    }

    void everyObjectPgDumpListsIsInTheSnapshot()
    {
        QVERIFY2(QFile::exists(kPgDump), qPrintable(kPgDump));
        const auto database = m_pg.createDatabase(QStringLiteral("dump"));
        QVERIFY(test::runScript(database, fixture()).ok());
        auto loaded = snapshotOf(database);
        QVERIFY(loaded.ok());
        const Snapshot &s = loaded.value();

        QProcess dump;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), database.password);
        dump.setProcessEnvironment(env);
        dump.start(kPgDump, {QStringLiteral("-s"), QStringLiteral("--no-owner"), QStringLiteral("-h"), database.host,
                             QStringLiteral("-p"), QString::number(database.port), QStringLiteral("-U"), database.user,
                             QStringLiteral("-d"), database.database});
        QVERIFY(dump.waitForFinished(60000));
        QVERIFY2(dump.exitCode() == 0, dump.readAllStandardError().constData());
        const QString text = QString::fromUtf8(dump.readAllStandardOutput());

        auto relation = [&](const QString &schema, const QString &name) { return s.relation(schema, name); };
        // "table part": pg_dump names constraints, triggers and defaults by
        // table and part, separated by one space (both may contain spaces).
        auto tablePart = [&](const QString &schema, const QString &tag, auto parts) -> bool {
            for (const Relation &r : s.relations) {
                if (r.schema != schema || !tag.startsWith(r.name + QLatin1Char(' ')))
                    continue;
                const QString part = tag.mid(r.name.size() + 1);
                if (parts(r, part))
                    return true;
            }
            return false;
        };
        auto anyIndex = [&](const QString &schema, const QString &name, bool attached) {
            for (const Relation &r : s.relations) {
                for (const Index &i : r.indexes) {
                    if (r.schema == schema && i.name == name && (!attached || !i.parentIndex.isEmpty()))
                        return true;
                }
            }
            return false;
        };
        const QSet<QString> skipped{QStringLiteral("COMMENT"), QStringLiteral("ACL"), QStringLiteral("DEFAULT ACL")};
        const QRegularExpression header(QStringLiteral("^-- Name: (.*); Type: (.*); Schema: (.*); Owner: .*$"),
                                        QRegularExpression::MultilineOption);
        int checked = 0;
        QStringList missing;
        for (auto it = header.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QString name = m.captured(1);
            const QString type = m.captured(2);
            const QString schema = m.captured(3) == QLatin1String("-") ? QString() : m.captured(3);
            if (skipped.contains(type))
                continue;
            bool found = false;
            if (type == QLatin1String("SCHEMA")) {
                found = std::any_of(s.schemas.begin(), s.schemas.end(), [&](const Schema &x) { return x.name == name; });
            } else if (type == QLatin1String("EXTENSION")) {
                found = std::any_of(s.extensions.begin(), s.extensions.end(), [&](const Extension &x) { return x.name == name; });
            } else if (type == QLatin1String("TYPE")) {
                found = std::any_of(s.enums.begin(), s.enums.end(), [&](const EnumType &x) { return x.schema == schema && x.name == name; })
                        || std::any_of(s.composites.begin(), s.composites.end(), [&](const CompositeType &x) { return x.schema == schema && x.name == name; });
            } else if (type == QLatin1String("DOMAIN")) {
                found = std::any_of(s.domains.begin(), s.domains.end(), [&](const Domain &x) { return x.schema == schema && x.name == name; });
            } else if (type == QLatin1String("SEQUENCE") || type == QLatin1String("SEQUENCE OWNED BY")) {
                found = std::any_of(s.sequences.begin(), s.sequences.end(), [&](const Sequence &x) {
                    return x.schema == schema && x.name == name && (type == QLatin1String("SEQUENCE") || !x.ownedByTable.isEmpty());
                });
            } else if (type == QLatin1String("FUNCTION") || type == QLatin1String("PROCEDURE")) {
                const ObjectKind kind = type == QLatin1String("FUNCTION") ? ObjectKind::Function : ObjectKind::Procedure;
                // pg_dump leaves out argument names: "add(integer, integer)"
                // for the snapshot's "add(a integer, b integer)".
                found = std::any_of(s.routines.begin(), s.routines.end(), [&](const Routine &x) {
                    if (x.schema != schema || x.kind != kind || !name.startsWith(x.name + QLatin1Char('(')))
                        return false;
                    const QStringList types = name.mid(x.name.size() + 1).chopped(1).split(QStringLiteral(", "), Qt::SkipEmptyParts);
                    const QStringList args = x.identityArguments.split(QStringLiteral(", "), Qt::SkipEmptyParts);
                    if (types.size() != args.size())
                        return false;
                    for (qsizetype i = 0; i < types.size(); ++i) {
                        if (args.at(i) != types.at(i) && !args.at(i).endsWith(QLatin1Char(' ') + types.at(i)))
                            return false;
                    }
                    return true;
                });
            } else if (type == QLatin1String("TABLE")) {
                const Relation *r = relation(schema, name);
                found = r && (r->kind == ObjectKind::Table || r->kind == ObjectKind::PartitionedTable);
            } else if (type == QLatin1String("VIEW")) {
                const Relation *r = relation(schema, name);
                found = r && r->kind == ObjectKind::View;
            } else if (type == QLatin1String("MATERIALIZED VIEW")) {
                const Relation *r = relation(schema, name);
                found = r && r->kind == ObjectKind::MaterializedView;
            } else if (type == QLatin1String("FOREIGN TABLE")) {
                const Relation *r = relation(schema, name);
                found = r && r->kind == ObjectKind::ForeignTable;
            } else if (type == QLatin1String("TABLE ATTACH")) {
                const Relation *r = relation(schema, name);
                found = r && r->isPartition();
            } else if (type == QLatin1String("SERVER")) {
                found = std::any_of(s.relations.begin(), s.relations.end(), [&](const Relation &r) { return r.foreignServer == name; });
            } else if (type == QLatin1String("INDEX") || type == QLatin1String("INDEX ATTACH")) {
                found = anyIndex(schema, name, type == QLatin1String("INDEX ATTACH"));
            } else if (type == QLatin1String("CONSTRAINT") || type == QLatin1String("FK CONSTRAINT")
                       || type == QLatin1String("CHECK CONSTRAINT")) {
                found = tablePart(schema, name, [](const Relation &r, const QString &part) {
                    return std::any_of(r.constraints.begin(), r.constraints.end(), [&](const Constraint &c) { return c.name == part; });
                });
            } else if (type == QLatin1String("TRIGGER")) {
                found = tablePart(schema, name, [](const Relation &r, const QString &part) {
                    return std::any_of(r.triggers.begin(), r.triggers.end(), [&](const Trigger &t) { return t.name == part; });
                });
            } else if (type == QLatin1String("POLICY")) {
                found = tablePart(schema, name, [](const Relation &r, const QString &part) {
                    return std::any_of(r.policies.begin(), r.policies.end(), [&](const Policy &p) { return p.name == part; });
                });
            } else if (type == QLatin1String("ROW SECURITY")) {
                const Relation *r = relation(schema, name);
                found = r && r->rowSecurity;
            } else if (type == QLatin1String("DEFAULT")) {
                found = tablePart(schema, name, [](const Relation &r, const QString &part) {
                    const Column *c = r.column(part);
                    return c && (!c->defaultValue.isEmpty() || !c->identity.isEmpty());
                });
            } else {
                missing << QStringLiteral("unmapped pg_dump type %1 (%2)").arg(type, name);
                continue;
            }
            ++checked;
            if (!found)
                missing << QStringLiteral("%1 %2.%3").arg(type, schema, name);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
        QVERIFY2(checked > 60, qPrintable(QString::number(checked)));
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

// Generated DDL against a real PostgreSQL, object by object: every object of
// the catalog fixture has DDL of its own (a table alone re-creates itself),
// and every object `pg_dump -s` lists is in the snapshot. The whole-database
// round trip: tst_ddl_roundtrip.cpp.
#include "PostgresDdlTest.h"
#include "catalog/Ddl.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace tw;
using namespace tw::catalog;
using namespace tw::db;
using namespace tw::test;     // json, kPgDump, startSchemaDump, withoutVolatileFields

class TestDdlCoverage : public test::PostgresDdlTest
{
    Q_OBJECT

public:
    TestDdlCoverage() : PostgresDdlTest(QStringLiteral("tw_ddl_cover")) {}

private slots:
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
        startSchemaDump(dump, database);
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
};

QTEST_GUILESS_MAIN(TestDdlCoverage)
#include "tst_ddl_coverage.moc"

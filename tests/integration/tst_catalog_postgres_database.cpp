// The PostgreSQL catalog snapshot against a real server: the database-wide
// objects of tests/fixtures/schema/postgres_objects.sql (schemas,
// extensions, types, sequences, routines), and loading real databases:
// embedded queries, Chinook, sizes, a role that may not read a table, a part
// the server refuses, and the fixed number of queries. The fixture's
// relations: tst_catalog_postgres.cpp. Each test case gets a database of its
// own (CREATE DATABASE).
#include "CatalogLookup.h"
#include "PostgresCatalogTest.h"
#include "catalog/PostgresCatalogRunner.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace tw;
using namespace tw::catalog;
using namespace tw::db;
using tw::test::inSchema;
using tw::test::named;
using tw::test::names;

class TestCatalogPostgresDatabase : public test::PostgresCatalogTest
{
    Q_OBJECT

public:
    TestCatalogPostgresDatabase() : PostgresCatalogTest(QStringLiteral("tw_catalog_db")) {}

private slots:
    void catalogQueriesAreEmbeddedInTheCoreLibrary()
    {
        // Resources of a static library vanish silently when not linked in:
        // this runs in a separate executable, as the application does.
        QVERIFY(QFile::exists(QStringLiteral(":/tablewright/catalog/postgres/relations.sql")));
        auto sql = postgresCatalogSql(QStringLiteral("columns"));
        QVERIFY(sql.ok());
        QVERIFY(sql.value().contains(QLatin1String("FROM pg_attribute")));
        QCOMPARE(postgresCatalogSql(QStringLiteral("no_such_part")).error().code(), ErrorCode::Internal);
    }

    void snapshotNamesServerAndDatabaseAndSortsRelations()
    {
        const auto profile = m_pg.createDatabase();
        QVERIFY(test::runScript(profile, QStringLiteral("CREATE TABLE zeta (id int); CREATE TABLE alpha (id int);"
                                                  "CREATE SCHEMA \"B\"; CREATE TABLE \"B\".t (id int);")).ok());
        auto snapshot = load(profile);
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toString()));
        QCOMPARE(snapshot.value().database, profile.database);
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+$")).match(snapshot.value().serverVersion).hasMatch(),
                 qPrintable(snapshot.value().serverVersion));
        QStringList order;
        for (const Relation &r : snapshot.value().relations)
            order << r.qualifiedName();
        QCOMPARE(order, (QStringList{QStringLiteral("B.t"), QStringLiteral("public.alpha"), QStringLiteral("public.zeta")}));
        QVERIFY(snapshot.value().problems.isEmpty());
    }

    void fixtureSchemasAndExtensionsWithoutExtensionMembers()
    {
        const Snapshot s = fixtureSnapshot();
        QCOMPARE(names(s.schemas), (QStringList{QStringLiteral("Sales Data"), QStringLiteral("inventory"), QStringLiteral("public")}));
        QCOMPARE(s.schemas.at(0).comment, QStringLiteral("Mixed-case schema name with a space"));
        QCOMPARE(s.schemas.at(0).owner, m_pg.admin().user);
        QCOMPARE(names(s.extensions), (QStringList{QStringLiteral("btree_gist"), QStringLiteral("file_fdw"), QStringLiteral("plpgsql")}));
        QCOMPARE(named(s.extensions, QStringLiteral("btree_gist"))->schema, QStringLiteral("public"));
        QVERIFY(!named(s.extensions, QStringLiteral("btree_gist"))->version.isEmpty());
        QVERIFY(!named(s.extensions, QStringLiteral("plpgsql"))->comment.isEmpty());
        // btree_gist installs ~200 functions and types into public: none may show.
        for (const Routine &r : s.routines)
            QVERIFY2(!r.name.startsWith(QLatin1String("gbt")) && !r.name.startsWith(QLatin1String("file_fdw")), qPrintable(r.name));
        QCOMPARE(s.routines.size(), 8);
        QVERIFY(s.problems.isEmpty());
    }

    void fixtureTypesDomainsAndEnums()
    {
        const Snapshot s = fixtureSnapshot();
        QCOMPARE(s.enums.size(), 1);
        const EnumType &status = s.enums.first();
        QCOMPARE(status.schema, QStringLiteral("inventory"));
        QCOMPARE(status.name, QStringLiteral("item_status"));
        QCOMPARE(status.labels, (QStringList{QStringLiteral("draft"), QStringLiteral("review"),
                                             QStringLiteral("active"), QStringLiteral("discontinued")}));
        QCOMPARE(status.comment, QStringLiteral("Lifecycle of an item"));

        QCOMPARE(s.domains.size(), 2);
        const Domain *money = inSchema(s.domains, QStringLiteral("inventory"), QStringLiteral("positive_money"));
        QVERIFY(money);
        QCOMPARE(money->baseType, QStringLiteral("numeric(10,2)"));
        QVERIFY(money->notNull);
        QCOMPARE(money->defaultValue, QStringLiteral("0"));
        QVERIFY(money->collation.isEmpty());
        QCOMPARE(money->checks, (QList<DomainCheck>{
                                    {QStringLiteral("positive_money_cap"), QStringLiteral("CHECK ((VALUE < (1000000)::numeric))")},
                                    {QStringLiteral("positive_money_nonneg"), QStringLiteral("CHECK ((VALUE >= (0)::numeric))")}}));
        QCOMPARE(money->comment, QStringLiteral("Non-negative amount of money"));
        const Domain *email = inSchema(s.domains, QStringLiteral("public"), QStringLiteral("email"));
        QCOMPARE(email->baseType, QStringLiteral("character varying(254)"));
        QCOMPARE(email->collation, QStringLiteral("C"));
        QCOMPARE(email->collationSchema, QStringLiteral("pg_catalog"));
        QVERIFY(!email->notNull);
        QVERIFY(email->defaultValue.isEmpty());
        QCOMPARE(email->checks.size(), 1);
        QCOMPARE(email->checks.first().name, QStringLiteral("email_has_at"));

        QCOMPARE(s.composites.size(), 1);
        const CompositeType &dims = s.composites.first();
        QCOMPARE(dims.name, QStringLiteral("dimensions"));
        QCOMPARE(dims.comment, QStringLiteral("Physical size of a package"));
        QCOMPARE(dims.attributes, (QList<CompositeAttribute>{
                                      {QStringLiteral("width_mm"), QStringLiteral("integer"), QString(), QString()},
                                      {QStringLiteral("height_mm"), QStringLiteral("integer"), QString(), QString()},
                                      {QStringLiteral("depth_mm"), QStringLiteral("numeric(8,1)"), QString(), QString()},
                                      {QStringLiteral("label"), QStringLiteral("text"), QStringLiteral("C"), QStringLiteral("pg_catalog")}}));
    }

    void fixtureSequencesAndTheirOwners()
    {
        const Snapshot s = fixtureSnapshot();
        QStringList seqNames;
        for (const Sequence &seq : s.sequences)
            seqNames << seq.schema + QLatin1Char('.') + seq.name;
        QCOMPARE(seqNames, (QStringList{QStringLiteral("Sales Data.customer_customer_id_seq"), QStringLiteral("inventory.item_id_seq"),
                                        QStringLiteral("inventory.reservation_id_seq"), QStringLiteral("inventory.ticket_seq"),
                                        QStringLiteral("inventory.warehouse_id_seq")}));
        const Sequence *ticket = inSchema(s.sequences, QStringLiteral("inventory"), QStringLiteral("ticket_seq"));
        QCOMPARE(ticket->dataType, QStringLiteral("integer"));
        QCOMPARE(ticket->start, 1000);
        QCOMPARE(ticket->increment, 5);
        QCOMPARE(ticket->minValue, 100);
        QCOMPARE(ticket->maxValue, 999999);
        QCOMPARE(ticket->cache, 10);
        QVERIFY(ticket->cycle);
        QVERIFY(ticket->ownedByTable.isEmpty());
        QVERIFY(!ticket->identity);
        QCOMPARE(ticket->comment, QStringLiteral("Support ticket numbers"));
        const Sequence *serial = inSchema(s.sequences, QStringLiteral("inventory"), QStringLiteral("warehouse_id_seq"));
        QCOMPARE(serial->ownedByTable, (QualifiedName{QStringLiteral("inventory"), QStringLiteral("warehouse")}));
        QCOMPARE(serial->ownedByColumn, QStringLiteral("id"));
        QVERIFY(!serial->identity);
        QCOMPARE(serial->maxValue, 2147483647);
        const Sequence *identity = inSchema(s.sequences, QStringLiteral("inventory"), QStringLiteral("reservation_id_seq"));
        QVERIFY(identity->identity);
        QCOMPARE(identity->ownedByTable, (QualifiedName{QStringLiteral("inventory"), QStringLiteral("reservation")}));
        QCOMPARE(identity->start, 100);
        QCOMPARE(identity->increment, 10);
        const Sequence *bigIdentity = inSchema(s.sequences, QStringLiteral("inventory"), QStringLiteral("item_id_seq"));
        QCOMPARE(bigIdentity->dataType, QStringLiteral("bigint"));
        QCOMPARE(bigIdentity->maxValue, std::numeric_limits<qint64>::max());
    }

    void fixtureRoutinesHaveSignatures()
    {
        const Snapshot s = fixtureSnapshot();
        QStringList signatures;
        for (const Routine &r : s.routines)
            signatures << r.schema + QLatin1Char('.') + r.signature();
        QCOMPARE(signatures, (QStringList{
                                 QStringLiteral("Sales Data.customer_orders(p_customer integer)"),
                                 QStringLiteral("Sales Data.note_change()"),
                                 QStringLiteral("inventory.items_in(p_warehouse integer, p_status inventory.item_status)"),
                                 QStringLiteral("inventory.log_price_change()"),
                                 QStringLiteral("inventory.restock(IN p_item bigint, IN p_quantity integer)"),
                                 QStringLiteral("inventory.touch_updated_at()"),
                                 QStringLiteral("public.add(a integer, b integer)"),
                                 QStringLiteral("public.add(a numeric, b numeric)")}));
        const Routine *add = nullptr;
        for (const Routine &r : s.routines) {
            if (r.signature() == QLatin1String("add(a integer, b integer)"))
                add = &r;
        }
        QVERIFY(add);
        QCOMPARE(add->kind, ObjectKind::Function);
        QCOMPARE(add->arguments, QStringLiteral("a integer, b integer DEFAULT 1"));
        QCOMPARE(add->returns, QStringLiteral("integer"));
        QCOMPARE(add->language, QStringLiteral("sql"));
        QCOMPARE(add->volatility, QStringLiteral("IMMUTABLE"));
        QCOMPARE(add->comment, QStringLiteral("Adds integers"));
        QVERIFY(add->definition.startsWith(QLatin1String("CREATE OR REPLACE FUNCTION public.add(a integer, b integer DEFAULT 1)")));

        const Routine *items = inSchema(s.routines, QStringLiteral("inventory"), QStringLiteral("items_in"));
        QCOMPARE(items->returns, QStringLiteral("SETOF inventory.item"));
        QCOMPARE(items->volatility, QStringLiteral("STABLE"));
        QCOMPARE(items->arguments,
                 QStringLiteral("p_warehouse integer, p_status inventory.item_status DEFAULT 'active'::inventory.item_status"));
        const Routine *orders = inSchema(s.routines, QStringLiteral("Sales Data"), QStringLiteral("customer_orders"));
        QCOMPARE(orders->returns, QStringLiteral("TABLE(order_id bigint, ordered_on date, total numeric)"));
        QCOMPARE(orders->language, QStringLiteral("plpgsql"));
        const Routine *restock = inSchema(s.routines, QStringLiteral("inventory"), QStringLiteral("restock"));
        QCOMPARE(restock->kind, ObjectKind::Procedure);
        QVERIFY(restock->returns.isEmpty());
        QCOMPARE(restock->arguments, QStringLiteral("IN p_item bigint, IN p_quantity integer DEFAULT 10"));
        QCOMPARE(restock->comment, QStringLiteral("Books incoming stock"));
        QVERIFY(restock->definition.startsWith(QLatin1String("CREATE OR REPLACE PROCEDURE inventory.restock")));
        QCOMPARE(inSchema(s.routines, QStringLiteral("inventory"), QStringLiteral("touch_updated_at"))->returns,
                 QStringLiteral("trigger"));
    }

    void chinookHasItsTablesKeysAndForeignKeys()
    {
        TW_REQUIRE_SERVICE(QFile::exists(test::chinookPostgresPath()), test::chinookPostgresPath());
        const auto sql = test::chinookPostgresScript();
        QVERIFY2(sql.ok(), qPrintable(sql.ok() ? QString() : sql.error().toString()));
        const auto profile = m_pg.createDatabase();
        const Status loaded = test::runScript(profile, sql.value());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QVERIFY(m_pg.adminExec(QStringLiteral("ANALYZE"), profile.database).ok());

        auto snapshot = load(profile);
        QVERIFY(snapshot.ok());
        const Snapshot &s = snapshot.value();
        QCOMPARE(names(s.relations),
                 (QStringList{QStringLiteral("album"), QStringLiteral("artist"), QStringLiteral("customer"), QStringLiteral("employee"),
                              QStringLiteral("genre"), QStringLiteral("invoice"), QStringLiteral("invoice_line"),
                              QStringLiteral("media_type"), QStringLiteral("playlist"), QStringLiteral("playlist_track"),
                              QStringLiteral("track")}));
        int foreignKeys = 0;
        for (const Relation &r : s.relations) {
            int primaryKeys = 0;
            for (const Constraint &c : r.constraints) {
                primaryKeys += c.type == Constraint::Type::PrimaryKey;
                foreignKeys += c.type == Constraint::Type::ForeignKey;
            }
            QVERIFY2(primaryKeys == 1, qPrintable(r.name));
        }
        QCOMPARE(foreignKeys, 11);
        const Relation *track = s.relation(QStringLiteral("public"), QStringLiteral("track"));
        QCOMPARE(track->estimatedRows, 3503);
        QVERIFY(track->tableBytes > 0);
        QStringList targets;
        for (const Constraint &c : track->constraints) {
            if (c.type == Constraint::Type::ForeignKey)
                targets << c.refTable + QLatin1Char('(') + c.refColumns.join(QLatin1Char(',')) + QLatin1Char(')');
        }
        targets.sort();
        QCOMPARE(targets, (QStringList{QStringLiteral("album(album_id)"), QStringLiteral("genre(genre_id)"),
                                       QStringLiteral("media_type(media_type_id)")}));
        QCOMPARE(named(s.relation(QStringLiteral("public"), QStringLiteral("playlist_track"))->constraints,
                       QStringLiteral("playlist_track_pkey"))->columns,
                 (QStringList{QStringLiteral("playlist_id"), QStringLiteral("track_id")}));
    }

    void sizesAreTheCatalogsOnceMeasured()
    {
        const auto profile = m_pg.createDatabase();
        QVERIFY(test::runScript(profile, QStringLiteral("CREATE TABLE filled (id int PRIMARY KEY, n int);"
                                                  "INSERT INTO filled SELECT g, g FROM generate_series(1, 20000) g;")).ok());
        auto before = load(profile);
        QVERIFY(before.ok());
        QCOMPARE(before.value().relations.first().tableBytes, -1); // inserted, never measured
        QVERIFY(m_pg.adminExec(QStringLiteral("VACUUM ANALYZE filled"), profile.database).ok());

        auto after = load(profile);
        QVERIFY(after.ok());
        const Relation &filled = after.value().relations.first();
        QCOMPARE(filled.estimatedRows, 20000);
        Pool pool(profile);
        auto heap = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT pg_relation_size('filled')")); }));
        auto index = test::resultOf(pool.run([](Session &s) { return s.scalar(QStringLiteral("SELECT pg_relation_size('filled_pkey')")); }));
        QVERIFY(heap.ok() && index.ok());
        QVERIFY(heap.value().toLongLong() > 400000);
        QCOMPARE(filled.tableBytes, heap.value().toLongLong());
        QCOMPARE(filled.indexes.first().sizeBytes, index.value().toLongLong());
        QCOMPARE(filled.indexBytes, index.value().toLongLong());
    }

    void unreadableTableIsListedAndDoesNotStopTheLoad()
    {
        const auto owner = m_pg.createDatabase();
        const auto reader = m_pg.createRole(owner);
        QVERIFY(test::runScript(owner, QStringLiteral("CREATE TABLE secret (id int PRIMARY KEY, payload text);"
                                                "CREATE TABLE open_data (id int PRIMARY KEY);"
                                                "GRANT SELECT ON open_data TO %1;").arg(reader.user)).ok());
        PostgresLoadStats stats;
        auto snapshot = load(reader, &stats);
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toString()));
        const Relation *secret = snapshot.value().relation(QStringLiteral("public"), QStringLiteral("secret"));
        QVERIFY(secret);
        QVERIFY(!secret->readable);
        QCOMPARE(names(secret->columns), (QStringList{QStringLiteral("id"), QStringLiteral("payload")}));
        QCOMPARE(secret->constraints.size(), 1);
        QCOMPARE(secret->owner, m_pg.admin().user);
        QVERIFY(snapshot.value().relation(QStringLiteral("public"), QStringLiteral("open_data"))->readable);
        QVERIFY(snapshot.value().problems.isEmpty());
    }

    void aRefusedPartIsReportedWhileTheRestLoads()
    {
        // Function privileges live in the database's own pg_proc, so this
        // REVOKE touches only the scratch database: the reader's triggers
        // query fails with "permission denied for function pg_get_triggerdef".
        const auto owner = m_pg.createDatabase();
        const auto reader = m_pg.createRole(owner);
        QVERIFY(test::runScript(owner, test::readSourceFile(kFixture)).ok());
        QVERIFY(test::runScript(owner, QStringLiteral("REVOKE EXECUTE ON FUNCTION pg_catalog.pg_get_triggerdef(oid) FROM PUBLIC")).ok());

        auto snapshot = load(reader);
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toString()));
        const Snapshot &s = snapshot.value();
        QCOMPARE(s.problems.size(), 1);
        QCOMPARE(s.problems.first().part, QStringLiteral("triggers"));
        QCOMPARE(s.problems.first().error.code(), ErrorCode::PermissionDenied);
        QVERIFY2(s.problems.first().error.message().contains(QLatin1String("pg_get_triggerdef")),
                 qPrintable(s.problems.first().error.message()));
        // Parts before and after the refused one are all there.
        const Relation *item = s.relation(QStringLiteral("inventory"), QStringLiteral("item"));
        QVERIFY(item);
        QVERIFY(item->triggers.isEmpty());
        QCOMPARE(item->columns.size(), 16);
        QCOMPARE(item->constraints.size(), 5);
        QCOMPARE(item->indexes.size(), 7);
        QVERIFY(item->indexBytes > 0);
        QCOMPARE(s.relation(QStringLiteral("inventory"), QStringLiteral("active_item"))->dependsOn,
                 (QList<QualifiedName>{QualifiedName{QStringLiteral("inventory"), QStringLiteral("item")}}));
        QCOMPARE(s.schemas.size(), 3);
        QCOMPARE(s.sequences.size(), 5);
        QCOMPARE(s.routines.size(), 8);
        QCOMPARE(s.enums.size(), 1);
        QCOMPARE(s.domains.size(), 2);
        QCOMPARE(s.composites.size(), 1);
        QCOMPARE(s.extensions.size(), 3);

        // The same load as the owner (the function is still executable for superusers) has no problem.
        auto asOwner = load(owner);
        QVERIFY(asOwner.ok());
        QVERIFY(asOwner.value().problems.isEmpty());
        QCOMPARE(asOwner.value().relation(QStringLiteral("inventory"), QStringLiteral("item"))->triggers.size(), 3);
    }

    void theNumberOfStatementsDoesNotGrowWithTheDatabase()
    {
        const auto small = m_pg.createDatabase();
        QVERIFY(test::runScript(small, QStringLiteral("CREATE TABLE t0 (id int PRIMARY KEY, name text);")).ok());
        const auto large = m_pg.createDatabase();
        QString script = QStringLiteral("CREATE TABLE t0 (id int PRIMARY KEY, name text);");
        for (int i = 1; i < 200; ++i)
            script += QStringLiteral("CREATE TABLE t%1 (id int PRIMARY KEY, name text, parent int REFERENCES t%2(id));"
                                     "CREATE INDEX t%1_name ON t%1 (name);")
                          .arg(i)
                          .arg(i - 1);
        QVERIFY(test::runScript(large, script).ok());

        PostgresLoadStats smallStats, largeStats;
        auto smallSnapshot = load(small, &smallStats);
        auto largeSnapshot = load(large, &largeStats);
        QVERIFY(smallSnapshot.ok() && largeSnapshot.ok());
        QCOMPARE(smallSnapshot.value().relations.size(), 1);
        QCOMPARE(largeSnapshot.value().relations.size(), 200);
        QCOMPARE(largeSnapshot.value().relations.last().indexes.size(), 2);
        QCOMPARE(largeStats.statements, smallStats.statements);
        // BEGIN, settings, 14 parts × (SAVEPOINT, query, RELEASE), ROLLBACK.
        QCOMPARE(largeStats.statements, 1 + 1 + 14 * 3 + 1);
    }
};

QTEST_GUILESS_MAIN(TestCatalogPostgresDatabase)
#include "tst_catalog_postgres_database.moc"

// The PostgreSQL catalog snapshot against a real server: every object kind of
// tests/fixtures/schema/postgres_objects.sql, Chinook, a role that may not
// read a table, a part the server refuses, and the fixed number of queries.
// Each test case gets a database of its own (CREATE DATABASE).
#include "TestEnv.h"
#include "catalog/PostgresCatalog.h"
#include "catalog/PostgresCatalogRunner.h"
#include "db/Pool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

using namespace tw;
using namespace tw::catalog;
using namespace tw::db;

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

const Column *columnOf(const Relation *relation, const QString &name)
{
    return relation ? relation->column(name) : nullptr;
}

template<typename T>
const T *named(const QList<T> &list, const QString &name)
{
    for (const T &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

template<typename T>
const T *inSchema(const QList<T> &list, const QString &schema, const QString &name)
{
    for (const T &item : list) {
        if (item.schema == schema && item.name == name)
            return &item;
    }
    return nullptr;
}

QStringList names(const auto &list)
{
    QStringList out;
    for (const auto &item : list)
        out << item.name;
    return out;
}

} // namespace

class TestCatalogPostgres : public QObject
{
    Q_OBJECT

    std::optional<config::ConnectionProfile> m_admin;
    QStringList m_databases;
    QStringList m_roles;
    int m_counter = 0;

    Status adminExec(const QString &sql, const QString &database = QStringLiteral("postgres"))
    {
        auto profile = *m_admin;
        profile.database = database;
        Pool pool(profile);
        return test::resultOf(pool.run([sql](Session &s) { return s.executeScript(sql); }));
    }

    // A new empty database; the profile connects to it as the superuser.
    config::ConnectionProfile freshDatabase()
    {
        const QString name = QStringLiteral("tw_catalog_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_counter);
        const Status created = adminExec(QStringLiteral("CREATE DATABASE %1").arg(name));
        if (!created.ok())
            qWarning() << created.error().toString();
        m_databases << name;
        auto profile = *m_admin;
        profile.name = name;
        profile.database = name;
        return profile;
    }

    // A login role with no privileges (roles are cluster-wide: dropped in cleanup).
    config::ConnectionProfile limitedRole(const config::ConnectionProfile &database)
    {
        const QString role = QStringLiteral("tw_catalog_reader_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_counter);
        const Status created = adminExec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'reader-pw'").arg(role));
        if (!created.ok())
            qWarning() << created.error().toString();
        m_roles << role;
        auto profile = database;
        profile.name = role;
        profile.user = role;
        profile.password = QStringLiteral("reader-pw");
        return profile;
    }

    static Status runScript(const config::ConnectionProfile &profile, const QString &sql)
    {
        Pool pool(profile);
        return test::resultOf(pool.run([sql](Session &s) { return s.executeScript(sql); }));
    }

    static Result<Snapshot> load(const config::ConnectionProfile &profile, PostgresLoadStats *stats = nullptr)
    {
        Pool pool(profile);
        return test::resultOf(pool.run([stats](Session &s) { return readPostgresSnapshot(s, stats); }));
    }

    // A fresh database with the fixture loaded, and its snapshot.
    Snapshot fixtureSnapshot()
    {
        const auto profile = freshDatabase();
        const QString sql = readFile(test::sourceDir() + QStringLiteral("/tests/fixtures/schema/postgres_objects.sql"));
        if (sql.isEmpty())
            qWarning() << "fixture not found under" << test::sourceDir();
        const Status loaded = runScript(profile, sql);
        if (!loaded.ok())
            qWarning() << "fixture:" << loaded.error().toString();
        auto snapshot = load(profile);
        if (!snapshot.ok()) {
            qWarning() << "snapshot:" << snapshot.error().toString();
            return {};
        }
        return snapshot.value();
    }

private slots:
    void initTestCase()
    {
        m_admin = test::postgresProfile(QStringLiteral("pg-admin"));
        TW_REQUIRE_SERVICE(m_admin.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
    }

    void cleanupTestCase()
    {
        if (!m_admin)
            return;
        for (const QString &db : std::as_const(m_databases))
            (void)adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db));
        for (const QString &role : std::as_const(m_roles))
            (void)adminExec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    }

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
        const auto profile = freshDatabase();
        QVERIFY(runScript(profile, QStringLiteral("CREATE TABLE zeta (id int); CREATE TABLE alpha (id int);"
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
        QCOMPARE(s.schemas.at(0).owner, m_admin->user);
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

    void fixtureColumnsKeepTypesDefaultsIdentityAndGenerated()
    {
        const Snapshot s = fixtureSnapshot();
        const Relation *item = s.relation(QStringLiteral("inventory"), QStringLiteral("item"));
        QVERIFY(item);
        QCOMPARE(item->kind, ObjectKind::Table);
        QCOMPARE(item->comment, QStringLiteral("Things we sell"));
        QCOMPARE(item->owner, m_admin->user);
        QVERIFY(item->readable);
        QCOMPARE(names(item->columns),
                 (QStringList{QStringLiteral("id"), QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("status"),
                              QStringLiteral("price"), QStringLiteral("cost"), QStringLiteral("margin"), QStringLiteral("tags"),
                              QStringLiteral("attributes"), QStringLiteral("raw_spec"), QStringLiteral("thumbnail"),
                              QStringLiteral("size"), QStringLiteral("warehouse_id"), QStringLiteral("shelf_life"),
                              QStringLiteral("created_at"), QStringLiteral("updated_at")}));
        QCOMPARE(item->columns.first().position, 1);
        QCOMPARE(item->columns.last().position, 16);

        const Column *id = item->column(QStringLiteral("id"));
        QCOMPARE(id->type, QStringLiteral("bigint"));
        QCOMPARE(id->identity, QStringLiteral("always"));
        QVERIFY(id->notNull);
        QVERIFY(id->defaultValue.isEmpty());
        QCOMPARE(id->comment, QStringLiteral("Identity, always generated"));

        QCOMPARE(item->column(QStringLiteral("sku"))->type, QStringLiteral("uuid"));
        QCOMPARE(item->column(QStringLiteral("sku"))->defaultValue, QStringLiteral("gen_random_uuid()"));
        QCOMPARE(item->column(QStringLiteral("name"))->type, QStringLiteral("character varying(120)"));
        QCOMPARE(item->column(QStringLiteral("status"))->type, QStringLiteral("inventory.item_status"));
        QCOMPARE(item->column(QStringLiteral("status"))->defaultValue, QStringLiteral("'draft'::inventory.item_status"));
        QCOMPARE(item->column(QStringLiteral("price"))->type, QStringLiteral("inventory.positive_money"));
        QCOMPARE(item->column(QStringLiteral("cost"))->type, QStringLiteral("numeric(10,2)"));
        QVERIFY(!item->column(QStringLiteral("cost"))->notNull);

        const Column *margin = item->column(QStringLiteral("margin"));
        QCOMPARE(margin->generated, QStringLiteral("((price)::numeric - cost)"));
        QCOMPARE(margin->generatedStorage, QStringLiteral("stored"));
        QVERIFY(margin->defaultValue.isEmpty());
        QCOMPARE(margin->comment, QStringLiteral("Computed: price minus cost"));

        QCOMPARE(item->column(QStringLiteral("tags"))->type, QStringLiteral("text[]"));
        QCOMPARE(item->column(QStringLiteral("tags"))->defaultValue, QStringLiteral("'{}'::text[]"));
        QCOMPARE(item->column(QStringLiteral("attributes"))->type, QStringLiteral("jsonb"));
        QCOMPARE(item->column(QStringLiteral("raw_spec"))->type, QStringLiteral("json"));
        QCOMPARE(item->column(QStringLiteral("thumbnail"))->type, QStringLiteral("bytea"));
        QCOMPARE(item->column(QStringLiteral("size"))->type, QStringLiteral("inventory.dimensions"));
        QCOMPARE(item->column(QStringLiteral("shelf_life"))->type, QStringLiteral("interval"));
        QCOMPARE(item->column(QStringLiteral("created_at"))->type, QStringLiteral("timestamp with time zone"));
        QCOMPARE(item->column(QStringLiteral("created_at"))->defaultValue, QStringLiteral("now()"));
        for (const Column &c : item->columns)
            QVERIFY2(c.collation.isEmpty(), qPrintable(c.name));

        const Relation *warehouse = s.relation(QStringLiteral("inventory"), QStringLiteral("warehouse"));
        QCOMPARE(columnOf(warehouse, QStringLiteral("id"))->defaultValue,
                 QStringLiteral("nextval('inventory.warehouse_id_seq'::regclass)"));
        QCOMPARE(columnOf(warehouse, QStringLiteral("id"))->type, QStringLiteral("integer"));
        QCOMPARE(columnOf(warehouse, QStringLiteral("code"))->collation, QStringLiteral("C"));
        QCOMPARE(columnOf(warehouse, QStringLiteral("code"))->type, QStringLiteral("character varying(8)"));
        QCOMPARE(columnOf(warehouse, QStringLiteral("code"))->comment, QStringLiteral("Short code, byte-ordered"));

        const Relation *customer = s.relation(QStringLiteral("Sales Data"), QStringLiteral("customer"));
        QCOMPARE(columnOf(customer, QStringLiteral("customer_id"))->identity, QStringLiteral("by default"));
        // The domain carries COLLATE "C": the column has its type's default.
        QCOMPARE(columnOf(customer, QStringLiteral("email"))->type, QStringLiteral("public.email"));
        QVERIFY(columnOf(customer, QStringLiteral("email"))->collation.isEmpty());
    }

    void fixtureConstraintsKeepKeysActionsAndDeferrability()
    {
        const Snapshot s = fixtureSnapshot();
        const Relation *item = s.relation(QStringLiteral("inventory"), QStringLiteral("item"));
        QVERIFY(item);
        QCOMPARE(names(item->constraints),
                 (QStringList{QStringLiteral("item_cost_check"), QStringLiteral("item_pkey"), QStringLiteral("item_sku_key"),
                              QStringLiteral("item_warehouse_fk"), QStringLiteral("item_warehouse_name_key")}));
        const Constraint *fk = named(item->constraints, QStringLiteral("item_warehouse_fk"));
        QCOMPARE(fk->type, Constraint::Type::ForeignKey);
        QCOMPARE(fk->columns, QStringList{QStringLiteral("warehouse_id")});
        QCOMPARE(fk->refSchema, QStringLiteral("inventory"));
        QCOMPARE(fk->refTable, QStringLiteral("warehouse"));
        QCOMPARE(fk->refColumns, QStringList{QStringLiteral("id")});
        QCOMPARE(fk->onUpdate, QStringLiteral("CASCADE"));
        QCOMPARE(fk->onDelete, QStringLiteral("SET NULL"));
        QCOMPARE(fk->match, QStringLiteral("SIMPLE"));
        QVERIFY(fk->deferrable);
        QVERIFY(fk->initiallyDeferred);
        QVERIFY(fk->validated);
        QCOMPARE(fk->comment, QStringLiteral("Item lives in a warehouse"));
        QCOMPARE(fk->definition, QStringLiteral("FOREIGN KEY (warehouse_id) REFERENCES inventory.warehouse(id) "
                                                "ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED"));

        const Constraint *pair = named(item->constraints, QStringLiteral("item_warehouse_name_key"));
        QCOMPARE(pair->type, Constraint::Type::Unique);
        QCOMPARE(pair->columns, (QStringList{QStringLiteral("warehouse_id"), QStringLiteral("name")}));
        QVERIFY(!pair->deferrable);
        QVERIFY(pair->onDelete.isEmpty());
        QCOMPARE(named(item->constraints, QStringLiteral("item_sku_key"))->columns, QStringList{QStringLiteral("sku")});
        const Constraint *check = named(item->constraints, QStringLiteral("item_cost_check"));
        QCOMPARE(check->type, Constraint::Type::Check);
        QCOMPARE(check->definition, QStringLiteral("CHECK (((cost IS NULL) OR (cost >= (0)::numeric)))"));
        QCOMPARE(check->comment, QStringLiteral("Cost is never negative"));
        QCOMPARE(named(item->constraints, QStringLiteral("item_pkey"))->type, Constraint::Type::PrimaryKey);

        const Relation *lines = s.relation(QStringLiteral("Sales Data"), QStringLiteral("Order Items"));
        QVERIFY(lines);
        const Constraint *pk = named(lines->constraints, QStringLiteral("Order Items_pkey"));
        QVERIFY(pk);
        QCOMPARE(pk->columns, (QStringList{QStringLiteral("order_id"), QStringLiteral("ordered_on"), QStringLiteral("line_no")}));
        const Constraint *orderFk = named(lines->constraints, QStringLiteral("order_items_order_fk"));
        QCOMPARE(orderFk->refSchema, QStringLiteral("Sales Data"));
        QCOMPARE(orderFk->refTable, QStringLiteral("orders"));
        QCOMPARE(orderFk->refColumns, (QStringList{QStringLiteral("order_id"), QStringLiteral("ordered_on")}));
        QCOMPARE(orderFk->match, QStringLiteral("FULL"));
        QCOMPARE(orderFk->onDelete, QStringLiteral("CASCADE"));
        QCOMPARE(orderFk->onUpdate, QStringLiteral("NO ACTION"));
        QVERIFY(orderFk->deferrable && orderFk->initiallyDeferred);
        const Constraint *itemFk = named(lines->constraints, QStringLiteral("order_items_item_fk"));
        QCOMPARE(itemFk->onUpdate, QStringLiteral("RESTRICT"));
        QCOMPARE(itemFk->onDelete, QStringLiteral("NO ACTION"));
        QVERIFY(itemFk->deferrable);
        QVERIFY(!itemFk->initiallyDeferred);
        // The key to the partitioned orders table makes PostgreSQL add one
        // hidden copy per partition; like psql \d, only the two real keys show.
        int lineForeignKeys = 0;
        for (const Constraint &c : lines->constraints)
            lineForeignKeys += c.type == Constraint::Type::ForeignKey;
        QCOMPARE(lineForeignKeys, 2);

        const Relation *customer = s.relation(QStringLiteral("Sales Data"), QStringLiteral("customer"));
        const Constraint *notValid = named(customer->constraints, QStringLiteral("customer_name_not_blank"));
        QVERIFY(notValid);
        QVERIFY(!notValid->validated);

        const Relation *reservation = s.relation(QStringLiteral("inventory"), QStringLiteral("reservation"));
        const Constraint *exclusion = named(reservation->constraints, QStringLiteral("reservation_no_overlap"));
        QCOMPARE(exclusion->type, Constraint::Type::Exclusion);
        QCOMPARE(exclusion->columns, (QStringList{QStringLiteral("warehouse_id"), QStringLiteral("during")}));
        QCOMPARE(exclusion->definition, QStringLiteral("EXCLUDE USING gist (warehouse_id WITH =, during WITH &&)"));
        QCOMPARE(exclusion->comment, QStringLiteral("One booking per slot"));
        const Constraint *restrict = named(reservation->constraints, QStringLiteral("reservation_warehouse_id_fkey"));
        QCOMPARE(restrict->onDelete, QStringLiteral("RESTRICT"));
        QVERIFY(!restrict->deferrable);

        QCOMPARE(s.relation(QStringLiteral("inventory"), QStringLiteral("price_history"))->constraints.size(), 1);
        QCOMPARE(s.relation(QStringLiteral("public"), QStringLiteral("ÜmlautTäble"))->constraints.size(), 0);
    }

    void fixtureIndexesKeepMethodKeysIncludeAndPredicate()
    {
        const Snapshot s = fixtureSnapshot();
        const Relation *item = s.relation(QStringLiteral("inventory"), QStringLiteral("item"));
        QVERIFY(item);
        QCOMPARE(names(item->indexes),
                 (QStringList{QStringLiteral("item_active_created_idx"), QStringLiteral("item_attributes_gin"),
                              QStringLiteral("item_lower_name_idx"), QStringLiteral("item_pkey"), QStringLiteral("item_sku_key"),
                              QStringLiteral("item_tags_gin"), QStringLiteral("item_warehouse_name_key")}));
        const Index *pkey = named(item->indexes, QStringLiteral("item_pkey"));
        QVERIFY(pkey->primary && pkey->unique);
        QCOMPARE(pkey->constraintName, QStringLiteral("item_pkey"));
        QCOMPARE(pkey->method, QStringLiteral("btree"));
        QVERIFY(pkey->sizeBytes > 0);
        const Index *lower = named(item->indexes, QStringLiteral("item_lower_name_idx"));
        QCOMPARE(lower->keys, QStringList{QStringLiteral("lower(name::text)")});
        QVERIFY(!lower->unique);
        QVERIFY(lower->constraintName.isEmpty());
        QCOMPARE(lower->comment, QStringLiteral("Case-insensitive name search"));
        QCOMPARE(lower->definition,
                 QStringLiteral("CREATE INDEX item_lower_name_idx ON inventory.item USING btree (lower((name)::text))"));
        const Index *partial = named(item->indexes, QStringLiteral("item_active_created_idx"));
        QCOMPARE(partial->keys, QStringList{QStringLiteral("created_at")});
        QCOMPARE(partial->predicate, QStringLiteral("status = 'active'::inventory.item_status"));
        QVERIFY(partial->definition.contains(QLatin1String("(created_at DESC) WHERE")));
        const Index *gin = named(item->indexes, QStringLiteral("item_attributes_gin"));
        QCOMPARE(gin->method, QStringLiteral("gin"));
        QCOMPARE(gin->keys, QStringList{QStringLiteral("attributes")});
        QVERIFY(gin->definition.contains(QLatin1String("jsonb_path_ops")));
        QCOMPARE(named(item->indexes, QStringLiteral("item_warehouse_name_key"))->keys,
                 (QStringList{QStringLiteral("warehouse_id"), QStringLiteral("name")}));
        QCOMPARE(named(item->indexes, QStringLiteral("item_warehouse_name_key"))->constraintName,
                 QStringLiteral("item_warehouse_name_key"));
        qint64 sum = 0;
        for (const Index &i : item->indexes)
            sum += i.sizeBytes;
        QCOMPARE(item->indexBytes, sum);
        // Never vacuumed or analysed: the catalog has no size for the heap yet.
        QCOMPARE(item->tableBytes, -1);

        const Relation *lines = s.relation(QStringLiteral("Sales Data"), QStringLiteral("Order Items"));
        const Index *covering = named(lines->indexes, QStringLiteral("order_items_item_idx"));
        QVERIFY(covering);
        QCOMPARE(covering->keys, QStringList{QStringLiteral("item_id")});
        QCOMPARE(covering->include, (QStringList{QStringLiteral("quantity"), QStringLiteral("unit_price")}));
        QCOMPARE(covering->comment, QStringLiteral("Covering index for item lookups"));

        const Relation *reservation = s.relation(QStringLiteral("inventory"), QStringLiteral("reservation"));
        const Index *gist = named(reservation->indexes, QStringLiteral("reservation_no_overlap"));
        QCOMPARE(gist->method, QStringLiteral("gist"));
        QCOMPARE(gist->constraintName, QStringLiteral("reservation_no_overlap"));

        const Relation *matview = s.relation(QStringLiteral("Sales Data"), QStringLiteral("monthly_sales"));
        QCOMPARE(names(matview->indexes), QStringList{QStringLiteral("monthly_sales_month_idx")});
        QVERIFY(named(matview->indexes, QStringLiteral("monthly_sales_month_idx"))->unique);

        // Partition indexes name the partitioned index they belong to.
        const Relation *y2023 = s.relation(QStringLiteral("Sales Data"), QStringLiteral("orders_2023"));
        QCOMPARE(y2023->indexes.size(), 1);
        QCOMPARE(y2023->indexes.first().parentIndex, QStringLiteral("Sales Data.orders_pkey"));
        QVERIFY(named(s.relation(QStringLiteral("Sales Data"), QStringLiteral("orders"))->indexes, QStringLiteral("orders_pkey"))->parentIndex.isEmpty());
    }

    void fixtureTriggersAreDecoded()
    {
        const Snapshot s = fixtureSnapshot();
        const Relation *item = s.relation(QStringLiteral("inventory"), QStringLiteral("item"));
        QVERIFY(item);
        // Internal FK triggers are not listed.
        QCOMPARE(names(item->triggers),
                 (QStringList{QStringLiteral("item_no_truncate"), QStringLiteral("item_price_log"), QStringLiteral("item_touch")}));
        const Trigger *touch = named(item->triggers, QStringLiteral("item_touch"));
        QCOMPARE(touch->timing, QStringLiteral("BEFORE"));
        QCOMPARE(touch->events, QStringList{QStringLiteral("UPDATE")});
        QCOMPARE(touch->level, QStringLiteral("ROW"));
        QCOMPARE(touch->function, QStringLiteral("inventory.touch_updated_at"));
        QVERIFY(touch->enabled);
        QCOMPARE(touch->comment, QStringLiteral("Keeps updated_at current"));
        QCOMPARE(touch->definition, QStringLiteral("CREATE TRIGGER item_touch BEFORE UPDATE ON inventory.item "
                                                   "FOR EACH ROW EXECUTE FUNCTION inventory.touch_updated_at()"));
        const Trigger *log = named(item->triggers, QStringLiteral("item_price_log"));
        QCOMPARE(log->timing, QStringLiteral("AFTER"));
        QCOMPARE(log->events, QStringList{QStringLiteral("UPDATE OF price, cost")});
        QCOMPARE(log->level, QStringLiteral("ROW"));
        QCOMPARE(log->definition, QStringLiteral("CREATE TRIGGER item_price_log AFTER UPDATE OF price, cost ON inventory.item "
                                                 "FOR EACH ROW WHEN (((old.price)::numeric IS DISTINCT FROM (new.price)::numeric)) "
                                                 "EXECUTE FUNCTION inventory.log_price_change()"));
        QCOMPARE(log->function, QStringLiteral("inventory.log_price_change"));
        const Trigger *truncate = named(item->triggers, QStringLiteral("item_no_truncate"));
        QCOMPARE(truncate->timing, QStringLiteral("BEFORE"));
        QCOMPARE(truncate->events, QStringList{QStringLiteral("TRUNCATE")});
        QCOMPARE(truncate->level, QStringLiteral("STATEMENT"));
        QCOMPARE(truncate->function, QStringLiteral("Sales Data.note_change"));

        const Relation *lines = s.relation(QStringLiteral("Sales Data"), QStringLiteral("Order Items"));
        const Trigger *changed = named(lines->triggers, QStringLiteral("order_items_changed"));
        QVERIFY(changed);
        QCOMPARE(changed->events, (QStringList{QStringLiteral("INSERT"), QStringLiteral("DELETE")}));
        QCOMPARE(changed->level, QStringLiteral("STATEMENT"));
        QVERIFY(!changed->enabled);
    }

    void fixturePartitionsCarryKeysAndBounds()
    {
        const Snapshot s = fixtureSnapshot();
        const QString sales = QStringLiteral("Sales Data");
        const Relation *orders = s.relation(sales, QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(orders->kind, ObjectKind::PartitionedTable);
        QCOMPARE(orders->partitionKey, QStringLiteral("RANGE (ordered_on)"));
        QVERIFY(!orders->isPartition());
        QCOMPARE(orders->tableBytes, -1);
        const Relation *y2023 = s.relation(sales, QStringLiteral("orders_2023"));
        QCOMPARE(y2023->kind, ObjectKind::Table);
        QCOMPARE(y2023->parentSchema, sales);
        QCOMPARE(y2023->parentTable, QStringLiteral("orders"));
        QCOMPARE(y2023->partitionBound, QStringLiteral("FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')"));
        QCOMPARE(s.relation(sales, QStringLiteral("orders_default"))->partitionBound, QStringLiteral("DEFAULT"));
        const Relation *y2024 = s.relation(sales, QStringLiteral("orders_2024"));
        QCOMPARE(y2024->kind, ObjectKind::PartitionedTable);
        QCOMPARE(y2024->partitionKey, QStringLiteral("RANGE (ordered_on)"));
        QCOMPARE(y2024->parentTable, QStringLiteral("orders"));
        const Relation *rest = s.relation(sales, QStringLiteral("orders_2024_rest"));
        QCOMPARE(rest->parentTable, QStringLiteral("orders_2024"));
        QCOMPARE(rest->partitionBound, QStringLiteral("DEFAULT"));

        const Relation *moves = s.relation(QStringLiteral("inventory"), QStringLiteral("stock_movement"));
        QCOMPARE(moves->partitionKey, QStringLiteral("LIST (kind)"));
        QCOMPARE(s.relation(QStringLiteral("inventory"), QStringLiteral("stock_movement_out"))->partitionBound,
                 QStringLiteral("FOR VALUES IN ('out', 'adjust')"));
        QCOMPARE(s.relation(QStringLiteral("inventory"), QStringLiteral("stock_movement_other"))->partitionBound,
                 QStringLiteral("DEFAULT"));
    }

    void fixtureViewsListWhatTheyRead()
    {
        const Snapshot s = fixtureSnapshot();
        const Relation *active = s.relation(QStringLiteral("inventory"), QStringLiteral("active_item"));
        QVERIFY(active);
        QCOMPARE(active->kind, ObjectKind::View);
        QCOMPARE(active->dependsOn, QStringList{QStringLiteral("inventory.item")});
        QVERIFY(active->viewDefinition.contains(QLatin1String("FROM inventory.item")));
        QCOMPARE(active->comment, QStringLiteral("Items on sale"));
        QCOMPARE(names(active->columns), (QStringList{QStringLiteral("id"), QStringLiteral("name"),
                                                       QStringLiteral("price"), QStringLiteral("warehouse_id")}));
        QCOMPARE(active->estimatedRows, -1);
        const Relation *byWarehouse = s.relation(QStringLiteral("inventory"), QStringLiteral("active_item_by_warehouse"));
        QCOMPARE(byWarehouse->dependsOn, (QStringList{QStringLiteral("inventory.active_item"), QStringLiteral("inventory.warehouse")}));
        const Relation *big = s.relation(QStringLiteral("Sales Data"), QStringLiteral("Big Orders"));
        QVERIFY(big);
        QCOMPARE(big->dependsOn, QStringList{QStringLiteral("Sales Data.order_totals")});
        QCOMPARE(s.relation(QStringLiteral("Sales Data"), QStringLiteral("order_totals"))->dependsOn,
                 (QStringList{QStringLiteral("Sales Data.Order Items"), QStringLiteral("Sales Data.orders")}));
        const Relation *monthly = s.relation(QStringLiteral("Sales Data"), QStringLiteral("monthly_sales"));
        QCOMPARE(monthly->kind, ObjectKind::MaterializedView);
        QCOMPARE(monthly->dependsOn, QStringList{QStringLiteral("Sales Data.order_totals")});
        QVERIFY(monthly->viewDefinition.contains(QLatin1String("date_trunc")));
        QCOMPARE(monthly->comment, QStringLiteral("Sales per month"));
        QVERIFY(monthly->indexBytes > 0);
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
        QVERIFY(!email->notNull);
        QVERIFY(email->defaultValue.isEmpty());
        QCOMPARE(email->checks.size(), 1);
        QCOMPARE(email->checks.first().name, QStringLiteral("email_has_at"));

        QCOMPARE(s.composites.size(), 1);
        const CompositeType &dims = s.composites.first();
        QCOMPARE(dims.name, QStringLiteral("dimensions"));
        QCOMPARE(dims.comment, QStringLiteral("Physical size of a package"));
        QCOMPARE(dims.attributes, (QList<CompositeAttribute>{
                                      {QStringLiteral("width_mm"), QStringLiteral("integer"), QString()},
                                      {QStringLiteral("height_mm"), QStringLiteral("integer"), QString()},
                                      {QStringLiteral("depth_mm"), QStringLiteral("numeric(8,1)"), QString()},
                                      {QStringLiteral("label"), QStringLiteral("text"), QStringLiteral("C")}}));
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
        QCOMPARE(serial->ownedByTable, QStringLiteral("inventory.warehouse"));
        QCOMPARE(serial->ownedByColumn, QStringLiteral("id"));
        QVERIFY(!serial->identity);
        QCOMPARE(serial->maxValue, 2147483647);
        const Sequence *identity = inSchema(s.sequences, QStringLiteral("inventory"), QStringLiteral("reservation_id_seq"));
        QVERIFY(identity->identity);
        QCOMPARE(identity->ownedByTable, QStringLiteral("inventory.reservation"));
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

    void fixtureOddIdentifiersAndStorageKindsComeBackExactly()
    {
        const Snapshot s = fixtureSnapshot();
        const Relation *umlaut = s.relation(QStringLiteral("public"), QStringLiteral("ÜmlautTäble"));
        QVERIFY(umlaut);
        QCOMPARE(names(umlaut->columns), (QStringList{QStringLiteral("Größe"), QStringLiteral("a\"b"), QStringLiteral("select")}));
        QCOMPARE(umlaut->column(QStringLiteral("Größe"))->comment, QStringLiteral("Size"));
        QCOMPARE(umlaut->comment, QStringLiteral("Non-ASCII name, no primary key"));
        const Relation *quote = s.relation(QStringLiteral("public"), QStringLiteral("a\"b"));
        QVERIFY(quote);
        QCOMPARE(quote->constraints.size(), 1);
        QCOMPARE(quote->constraints.first().name, QStringLiteral("a\"b_pkey"));
        QCOMPARE(quote->constraints.first().columns, QStringList{QStringLiteral("a\"b")});
        QCOMPARE(quote->constraints.first().definition, QStringLiteral("PRIMARY KEY (\"a\"\"b\")"));
        const Relation *select = s.relation(QStringLiteral("public"), QStringLiteral("select"));
        QVERIFY(select);
        QCOMPARE(names(select->columns), (QStringList{QStringLiteral("id"), QStringLiteral("from"), QStringLiteral("Order Items")}));
        QCOMPARE(columnOf(s.relation(QStringLiteral("Sales Data"), QStringLiteral("customer")), QStringLiteral("a\"b"))->comment,
                 QStringLiteral("Quote inside a name"));

        const Relation *cache = s.relation(QStringLiteral("public"), QStringLiteral("session_cache"));
        QVERIFY(cache->unlogged);
        QVERIFY(!s.relation(QStringLiteral("inventory"), QStringLiteral("item"))->unlogged);

        const Relation *foreign = s.relation(QStringLiteral("public"), QStringLiteral("import_lines"));
        QVERIFY(foreign);
        QCOMPARE(foreign->kind, ObjectKind::ForeignTable);
        QCOMPARE(foreign->foreignServer, QStringLiteral("import_files"));
        QCOMPARE(foreign->foreignDataWrapper, QStringLiteral("file_fdw"));
        QCOMPARE(foreign->foreignOptions, (QStringList{QStringLiteral("filename=/dev/null"), QStringLiteral("format=csv"),
                                                       QStringLiteral("header=false")}));
        QCOMPARE(foreign->comment, QStringLiteral("CSV import staging"));
        QCOMPARE(foreign->tableBytes, -1);

        // Every relation of the fixture, nothing from extensions.
        QCOMPARE(s.relations.size(), 27);
    }

    void chinookHasItsTablesKeysAndForeignKeys()
    {
        QString sql = readFile(test::chinookDir() + QStringLiteral("/Chinook_PostgreSql.sql"));
        TW_REQUIRE_SERVICE(!sql.isEmpty(), test::chinookDir() + QStringLiteral("/Chinook_PostgreSql.sql"));
        // The script creates its own database with psql's \c (see tst_chinook).
        const qsizetype connect = sql.indexOf(QLatin1String("\\c chinook;"));
        QVERIFY(connect > 0);
        sql = sql.mid(connect + int(qstrlen("\\c chinook;")));
        const auto profile = freshDatabase();
        const Status loaded = runScript(profile, sql);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QVERIFY(adminExec(QStringLiteral("ANALYZE"), profile.database).ok());

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
        const auto profile = freshDatabase();
        QVERIFY(runScript(profile, QStringLiteral("CREATE TABLE filled (id int PRIMARY KEY, n int);"
                                                  "INSERT INTO filled SELECT g, g FROM generate_series(1, 20000) g;")).ok());
        auto before = load(profile);
        QVERIFY(before.ok());
        QCOMPARE(before.value().relations.first().tableBytes, -1); // inserted, never measured
        QVERIFY(adminExec(QStringLiteral("VACUUM ANALYZE filled"), profile.database).ok());

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
        const auto owner = freshDatabase();
        const auto reader = limitedRole(owner);
        QVERIFY(runScript(owner, QStringLiteral("CREATE TABLE secret (id int PRIMARY KEY, payload text);"
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
        QCOMPARE(secret->owner, m_admin->user);
        QVERIFY(snapshot.value().relation(QStringLiteral("public"), QStringLiteral("open_data"))->readable);
        QVERIFY(snapshot.value().problems.isEmpty());
    }

    void aRefusedPartIsReportedWhileTheRestLoads()
    {
        // Function privileges live in the database's own pg_proc, so this
        // REVOKE touches only the scratch database: the reader's triggers
        // query fails with "permission denied for function pg_get_triggerdef".
        const auto owner = freshDatabase();
        const auto reader = limitedRole(owner);
        const QString sql = readFile(test::sourceDir() + QStringLiteral("/tests/fixtures/schema/postgres_objects.sql"));
        QVERIFY(runScript(owner, sql).ok());
        QVERIFY(runScript(owner, QStringLiteral("REVOKE EXECUTE ON FUNCTION pg_catalog.pg_get_triggerdef(oid) FROM PUBLIC")).ok());

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
                 QStringList{QStringLiteral("inventory.item")});
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
        const auto small = freshDatabase();
        QVERIFY(runScript(small, QStringLiteral("CREATE TABLE t0 (id int PRIMARY KEY, name text);")).ok());
        const auto large = freshDatabase();
        QString script = QStringLiteral("CREATE TABLE t0 (id int PRIMARY KEY, name text);");
        for (int i = 1; i < 200; ++i)
            script += QStringLiteral("CREATE TABLE t%1 (id int PRIMARY KEY, name text, parent int REFERENCES t%2(id));"
                                     "CREATE INDEX t%1_name ON t%1 (name);")
                          .arg(i)
                          .arg(i - 1);
        QVERIFY(runScript(large, script).ok());

        PostgresLoadStats smallStats, largeStats;
        auto smallSnapshot = load(small, &smallStats);
        auto largeSnapshot = load(large, &largeStats);
        QVERIFY(smallSnapshot.ok() && largeSnapshot.ok());
        QCOMPARE(smallSnapshot.value().relations.size(), 1);
        QCOMPARE(largeSnapshot.value().relations.size(), 200);
        QCOMPARE(largeSnapshot.value().relations.last().indexes.size(), 2);
        QCOMPARE(largeStats.statements, smallStats.statements);
        // BEGIN, settings, 13 parts × (SAVEPOINT, query, RELEASE), ROLLBACK.
        QCOMPARE(largeStats.statements, 1 + 1 + 13 * 3 + 1);
    }
};

QTEST_GUILESS_MAIN(TestCatalogPostgres)
#include "tst_catalog_postgres.moc"

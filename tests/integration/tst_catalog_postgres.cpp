// The PostgreSQL catalog snapshot against a real server: the relations of
// tests/fixtures/schema/postgres_objects.sql and their parts (columns, keys,
// indexes, triggers, partitions, views, odd names). Database-wide objects
// and loading real databases: tst_catalog_postgres_database.cpp. Each test
// case gets a database of its own (CREATE DATABASE).
#include "CatalogLookup.h"
#include "PostgresCatalogTest.h"
#include "catalog/PostgresObjects.h"

#include <QtTest>

using namespace tw;
using namespace tw::catalog;
using tw::test::named;
using tw::test::names;

namespace {

const Column *columnOf(const Relation *relation, const QString &name)
{
    return relation ? relation->column(name) : nullptr;
}

} // namespace

class TestCatalogPostgres : public test::PostgresCatalogTest
{
    Q_OBJECT

public:
    TestCatalogPostgres() : PostgresCatalogTest(QStringLiteral("tw_catalog")) {}

private slots:
    void fixtureColumnsKeepTypesDefaultsIdentityAndGenerated()
    {
        const Snapshot s = fixtureSnapshot();
        const Relation *item = s.relation(QStringLiteral("inventory"), QStringLiteral("item"));
        QVERIFY(item);
        QCOMPARE(item->kind, ObjectKind::Table);
        QCOMPARE(item->comment, QStringLiteral("Things we sell"));
        QCOMPARE(item->owner, m_pg.admin().user);
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
        QCOMPARE(y2023->indexes.first().parentIndex, (QualifiedName{QStringLiteral("Sales Data"), QStringLiteral("orders_pkey")}));
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
        QCOMPARE(touch->function, (QualifiedName{QStringLiteral("inventory"), QStringLiteral("touch_updated_at")}));
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
        QCOMPARE(log->function, (QualifiedName{QStringLiteral("inventory"), QStringLiteral("log_price_change")}));
        const Trigger *truncate = named(item->triggers, QStringLiteral("item_no_truncate"));
        QCOMPARE(truncate->timing, QStringLiteral("BEFORE"));
        QCOMPARE(truncate->events, QStringList{QStringLiteral("TRUNCATE")});
        QCOMPARE(truncate->level, QStringLiteral("STATEMENT"));
        QCOMPARE(truncate->function, (QualifiedName{QStringLiteral("Sales Data"), QStringLiteral("note_change")}));

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
        QCOMPARE(active->dependsOn, (QList<QualifiedName>{QualifiedName{QStringLiteral("inventory"), QStringLiteral("item")}}));
        QVERIFY(active->viewDefinition.contains(QLatin1String("FROM inventory.item")));
        QCOMPARE(active->comment, QStringLiteral("Items on sale"));
        QCOMPARE(names(active->columns), (QStringList{QStringLiteral("id"), QStringLiteral("name"),
                                                       QStringLiteral("price"), QStringLiteral("warehouse_id")}));
        QCOMPARE(active->estimatedRows, -1);
        const Relation *byWarehouse = s.relation(QStringLiteral("inventory"), QStringLiteral("active_item_by_warehouse"));
        QCOMPARE(byWarehouse->dependsOn, (QList<QualifiedName>{QualifiedName{QStringLiteral("inventory"), QStringLiteral("active_item")}, QualifiedName{QStringLiteral("inventory"), QStringLiteral("warehouse")}}));
        const Relation *big = s.relation(QStringLiteral("Sales Data"), QStringLiteral("Big Orders"));
        QVERIFY(big);
        QCOMPARE(big->dependsOn, (QList<QualifiedName>{QualifiedName{QStringLiteral("Sales Data"), QStringLiteral("order_totals")}}));
        QCOMPARE(s.relation(QStringLiteral("Sales Data"), QStringLiteral("order_totals"))->dependsOn,
                 (QList<QualifiedName>{QualifiedName{QStringLiteral("Sales Data"), QStringLiteral("Order Items")}, QualifiedName{QStringLiteral("Sales Data"), QStringLiteral("orders")}}));
        const Relation *monthly = s.relation(QStringLiteral("Sales Data"), QStringLiteral("monthly_sales"));
        QCOMPARE(monthly->kind, ObjectKind::MaterializedView);
        QCOMPARE(monthly->dependsOn, (QList<QualifiedName>{QualifiedName{QStringLiteral("Sales Data"), QStringLiteral("order_totals")}}));
        QVERIFY(monthly->viewDefinition.contains(QLatin1String("date_trunc")));
        QCOMPARE(monthly->comment, QStringLiteral("Sales per month"));
        QVERIFY(monthly->indexBytes > 0);
    }

    void fixtureInheritanceTypedTablesTriggerModesAndPolicies()
    {
        const Snapshot s = fixtureSnapshot();
        const Relation *shelf = s.relation(QStringLiteral("inventory"), QStringLiteral("shelf"));
        QVERIFY(shelf);
        QCOMPARE(shelf->inherits, (QList<QualifiedName>{{QStringLiteral("inventory"), QStringLiteral("location")}}));
        QVERIFY(!shelf->isPartition());
        QVERIFY(shelf->ofType.isEmpty());
        // The inherited column keeps its collation, named with its schema.
        QCOMPARE(columnOf(shelf, QStringLiteral("label"))->collation, QStringLiteral("C.utf8"));
        QCOMPARE(columnOf(shelf, QStringLiteral("label"))->collationSchema, QStringLiteral("pg_catalog"));
        // Partitions are not INHERITS children.
        QVERIFY(s.relation(QStringLiteral("Sales Data"), QStringLiteral("orders_2023"))->inherits.isEmpty());

        const Relation *typed = s.relation(QStringLiteral("inventory"), QStringLiteral("package_size"));
        QVERIFY(typed);
        QCOMPARE(typed->ofType, (QualifiedName{QStringLiteral("inventory"), QStringLiteral("dimensions")}));
        QVERIFY(columnOf(typed, QStringLiteral("width_mm"))->notNull);

        const Trigger *always = named(shelf->triggers, QStringLiteral("shelf_changed"));
        QVERIFY(always);
        QCOMPARE(always->enabledMode, QStringLiteral("always"));
        QVERIFY(always->enabled);
        QCOMPARE(named(shelf->triggers, QStringLiteral("shelf_replicated"))->enabledMode, QStringLiteral("replica"));
        const Relation *items = s.relation(QStringLiteral("Sales Data"), QStringLiteral("Order Items"));
        QCOMPARE(named(items->triggers, QStringLiteral("order_items_changed"))->enabledMode, QStringLiteral("disabled"));
        QVERIFY(!named(items->triggers, QStringLiteral("order_items_changed"))->enabled);
        QCOMPARE(named(s.relation(QStringLiteral("inventory"), QStringLiteral("item"))->triggers, QStringLiteral("item_touch"))->enabledMode,
                 QStringLiteral("origin"));

        QVERIFY(shelf->rowSecurity);
        QVERIFY(shelf->forceRowSecurity);
        QVERIFY(!s.relation(QStringLiteral("inventory"), QStringLiteral("location"))->rowSecurity);
        QCOMPARE(shelf->policies.size(), 2);
        const Policy &writers = shelf->policies.at(0);     // sorted by name: "Shelf Writers" < "shelf_visible"
        QCOMPARE(writers.name, QStringLiteral("Shelf Writers"));
        QCOMPARE(writers.command, QStringLiteral("UPDATE"));
        QVERIFY(!writers.permissive);
        QCOMPARE(writers.roles, (QStringList{QStringLiteral("pg_read_all_data"), QStringLiteral("pg_write_all_data")}));
        QCOMPARE(writers.usingExpression, QStringLiteral("(aisle < 100)"));
        QCOMPARE(writers.withCheck, QStringLiteral("(aisle < 50)"));
        const Policy &visible = shelf->policies.at(1);
        QCOMPARE(visible.command, QStringLiteral("ALL"));
        QVERIFY(visible.permissive);
        QVERIFY(visible.roles.isEmpty());
        QVERIFY(visible.withCheck.isEmpty());
        QCOMPARE(visible.comment, QStringLiteral("Aisle 0 is the loading dock"));
    }

    // Review item 4: when the schemas part fails alone, the objects still
    // name their schemas, so the tree has something to hang them on.
    void schemasThatObjectsLiveInAreAddedWhenMissing()
    {
        Snapshot s;
        s.schemas = {{QStringLiteral("public"), QStringLiteral("me"), {}}};
        Relation table;
        table.schema = QStringLiteral("a.b");
        table.name = QStringLiteral("t");
        s.relations = {table};
        Routine f;
        f.schema = QStringLiteral("Sales Data");
        f.name = QStringLiteral("f");
        s.routines = {f};
        s.enums = {{QStringLiteral("public"), QStringLiteral("mood"), {}, {}}};
        s.extensions = {{QStringLiteral("plpgsql"), QStringLiteral("pg_catalog"), {}, {}}};
        addReferencedSchemas(s);
        sortPostgresObjects(s);
        QStringList schemaNames;
        for (const Schema &x : s.schemas)
            schemaNames << x.name;
        QCOMPARE(schemaNames, (QStringList{QStringLiteral("Sales Data"), QStringLiteral("a.b"), QStringLiteral("public")}));
        QCOMPARE(s.schemas.last().owner, QStringLiteral("me"));
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
        QCOMPARE(s.relations.size(), 30);
    }
};

QTEST_GUILESS_MAIN(TestCatalogPostgres)
#include "tst_catalog_postgres.moc"

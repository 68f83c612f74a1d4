#pragma once

// Hand-built snapshots the DDL unit tests share: tst_ddl (tables,
// constraints, partitions, inheritance, lookups) and tst_ddl_objects (types,
// sequences, routines, collations, triggers and row-level security, SQLite).
#include "catalog/Snapshot.h"

#include <QDebug>
#include <QString>

#include <limits>

namespace tw::catalog::samples {

inline Column column(const QString &name, const QString &type, bool notNull = false)
{
    Column c;
    c.name = name;
    c.type = type;
    c.notNull = notNull;
    return c;
}

inline Constraint constraint(const QString &name, Constraint::Type type, const QString &definition)
{
    Constraint c;
    c.name = name;
    c.type = type;
    c.definition = definition;
    return c;
}

inline Relation relation(ObjectKind kind, const QString &schema, const QString &name)
{
    Relation r;
    r.kind = kind;
    r.schema = schema;
    r.name = name;
    return r;
}

// A small shop: a serial table, an identity table with a FK, a view on a view,
// a partitioned table with a partition, a routine returning a table's rows.
inline Snapshot shop()
{
    Snapshot s;
    s.driver = config::Driver::Postgres;
    s.schemas = {{QStringLiteral("Sales Data"), {}, QStringLiteral("It's sales")}, {QStringLiteral("public"), {}, {}}};
    s.extensions = {{QStringLiteral("btree_gist"), QStringLiteral("public"), QStringLiteral("1.7"), {}}};
    s.enums = {{QStringLiteral("public"), QStringLiteral("mood"), {QStringLiteral("ok"), QStringLiteral("isn't")}, {}}};
    Domain money;
    money.schema = QStringLiteral("public");
    money.name = QStringLiteral("money2");
    money.baseType = QStringLiteral("numeric(10,2)");
    money.notNull = true;
    money.defaultValue = QStringLiteral("0");
    money.checks = {{QStringLiteral("money2_positive"), QStringLiteral("CHECK ((VALUE >= (0)::numeric))")},
                    {QStringLiteral("money2_cap"), QStringLiteral("CHECK ((VALUE < (100)::numeric)) NOT VALID")}};
    s.domains = {money};
    s.composites = {{QStringLiteral("public"), QStringLiteral("size"),
                     {{QStringLiteral("w"), QStringLiteral("integer"), {}, {}}, {QStringLiteral("label"), QStringLiteral("text"), QStringLiteral("C"), {}}},
                     {}}};

    Relation customer = relation(ObjectKind::Table, QStringLiteral("Sales Data"), QStringLiteral("customer"));
    Column id = column(QStringLiteral("id"), QStringLiteral("integer"), true);
    id.defaultValue = QStringLiteral("nextval('\"Sales Data\".customer_id_seq'::regclass)");
    Column email = column(QStringLiteral("Email"), QStringLiteral("text"));
    email.collation = QStringLiteral("C");
    email.comment = QStringLiteral("Where we write");
    customer.columns = {id, email, column(QStringLiteral("select"), QStringLiteral("boolean"))};
    customer.constraints = {constraint(QStringLiteral("customer_pkey"), Constraint::Type::PrimaryKey, QStringLiteral("PRIMARY KEY (id)")),
                            constraint(QStringLiteral("customer_email_check"), Constraint::Type::Check, QStringLiteral("CHECK ((\"Email\" <> ''::text))")),
                            constraint(QStringLiteral("customer_late"), Constraint::Type::Check, QStringLiteral("CHECK ((id > 0)) NOT VALID"))};
    customer.constraints[2].validated = false;
    Index pkey;
    pkey.name = QStringLiteral("customer_pkey");
    pkey.primary = pkey.unique = true;
    pkey.constraintName = QStringLiteral("customer_pkey");
    pkey.definition = QStringLiteral("CREATE UNIQUE INDEX customer_pkey ON \"Sales Data\".customer USING btree (id)");
    Index byEmail;
    byEmail.name = QStringLiteral("customer_email_idx");
    byEmail.definition = QStringLiteral("CREATE INDEX customer_email_idx ON \"Sales Data\".customer USING btree (\"Email\")");
    byEmail.comment = QStringLiteral("Lookup");
    customer.indexes = {pkey, byEmail};
    Trigger touch;
    touch.name = QStringLiteral("customer_touch");
    touch.definition = QStringLiteral("CREATE TRIGGER customer_touch BEFORE UPDATE ON \"Sales Data\".customer FOR EACH ROW EXECUTE FUNCTION public.touch()");
    touch.enabled = false;
    customer.triggers = {touch};
    customer.comment = QStringLiteral("People's data");

    Relation item = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("Order Items"));
    Column itemId = column(QStringLiteral("id"), QStringLiteral("bigint"), true);
    itemId.identity = QStringLiteral("always");
    Column customerId = column(QStringLiteral("customer_id"), QStringLiteral("integer"));
    Column total = column(QStringLiteral("total"), QStringLiteral("numeric"));
    total.generated = QStringLiteral("(1 + 1)");
    total.generatedStorage = QStringLiteral("stored");
    item.columns = {itemId, customerId, total};
    item.unlogged = true;
    item.constraints = {constraint(QStringLiteral("items_customer_fk"), Constraint::Type::ForeignKey,
                                   QStringLiteral("FOREIGN KEY (customer_id) REFERENCES \"Sales Data\".customer(id)"))};

    Relation sales = relation(ObjectKind::PartitionedTable, QStringLiteral("public"), QStringLiteral("sales"));
    sales.columns = {column(QStringLiteral("sold_on"), QStringLiteral("date"), true), column(QStringLiteral("amount"), QStringLiteral("integer"))};
    sales.partitionKey = QStringLiteral("RANGE (sold_on)");
    sales.constraints = {constraint(QStringLiteral("sales_amount_check"), Constraint::Type::Check, QStringLiteral("CHECK ((amount > 0))"))};
    Index salesIdx;
    salesIdx.name = QStringLiteral("sales_sold_on_idx");
    salesIdx.method = QStringLiteral("btree");
    salesIdx.keys = {QStringLiteral("sold_on")};
    salesIdx.definition = QStringLiteral("CREATE INDEX sales_sold_on_idx ON ONLY public.sales USING btree (sold_on)");
    sales.indexes = {salesIdx};

    Relation sales2024 = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("sales_2024"));
    sales2024.columns = sales.columns;
    sales2024.columns[1].defaultValue = QStringLiteral("7");
    sales2024.parentSchema = QStringLiteral("public");
    sales2024.parentTable = QStringLiteral("sales");
    sales2024.partitionBound = QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    sales2024.constraints = sales.constraints;   // inherited check
    Index childIdx = salesIdx;
    childIdx.name = QStringLiteral("sales_2024_sold_on_idx");
    childIdx.definition = QStringLiteral("CREATE INDEX sales_2024_sold_on_idx ON public.sales_2024 USING btree (sold_on)");
    sales2024.indexes = {childIdx};

    Relation recent = relation(ObjectKind::View, QStringLiteral("public"), QStringLiteral("a_recent"));
    recent.viewDefinition = QStringLiteral(" SELECT * FROM public.b_base;");
    recent.dependsOn = {QualifiedName{QStringLiteral("public"), QStringLiteral("b_base")}};
    Relation base = relation(ObjectKind::View, QStringLiteral("public"), QStringLiteral("b_base"));
    base.viewDefinition = QStringLiteral(" SELECT 1 AS one;");
    Relation monthly = relation(ObjectKind::MaterializedView, QStringLiteral("public"), QStringLiteral("monthly"));
    monthly.viewDefinition = QStringLiteral(" SELECT 2 AS two;");

    s.relations = {customer, item, recent, base, monthly, sales, sales2024};

    Sequence serial;
    serial.schema = QStringLiteral("Sales Data");
    serial.name = QStringLiteral("customer_id_seq");
    serial.dataType = QStringLiteral("integer");
    serial.maxValue = 2147483647;
    serial.ownedByTable = QualifiedName{QStringLiteral("Sales Data"), QStringLiteral("customer")};
    serial.ownedByColumn = QStringLiteral("id");
    Sequence identity;
    identity.schema = QStringLiteral("public");
    identity.name = QStringLiteral("Order Items_id_seq");
    identity.dataType = QStringLiteral("bigint");
    identity.maxValue = std::numeric_limits<qint64>::max();
    identity.start = 100;
    identity.minValue = 1;
    identity.increment = 10;
    identity.identity = true;
    identity.ownedByTable = QualifiedName{QStringLiteral("public"), QStringLiteral("Order Items")};
    identity.ownedByColumn = QStringLiteral("id");
    Sequence tickets;
    tickets.schema = QStringLiteral("public");
    tickets.name = QStringLiteral("tickets");
    tickets.dataType = QStringLiteral("integer");
    tickets.minValue = 100;
    tickets.maxValue = 999999;
    tickets.start = 1000;
    tickets.increment = 5;
    tickets.cache = 10;
    tickets.cycle = true;
    s.sequences = {serial, identity, tickets};

    Routine add;
    add.schema = QStringLiteral("public");
    add.name = QStringLiteral("add");
    add.identityArguments = QStringLiteral("a integer, b integer");
    add.arguments = add.identityArguments;
    add.returns = QStringLiteral("integer");
    add.language = QStringLiteral("sql");
    add.definition = QStringLiteral("CREATE OR REPLACE FUNCTION public.add(a integer, b integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$SELECT a + b$function$\n");
    add.comment = QStringLiteral("Adds");
    Routine rows = add;
    rows.name = QStringLiteral("items");
    rows.identityArguments = rows.arguments = QString();
    rows.returns = QStringLiteral("SETOF \"Order Items\"");
    rows.definition = QStringLiteral("CREATE OR REPLACE FUNCTION public.items()\n RETURNS SETOF \"Order Items\"\n LANGUAGE sql\nAS $function$SELECT * FROM \"Order Items\"$function$\n");
    rows.comment.clear();
    s.routines = {add, rows};
    return s;
}

inline qsizetype at(const QString &text, const QString &needle)
{
    const qsizetype i = text.indexOf(needle);
    if (i < 0)
        qWarning("missing: %s", qPrintable(needle));
    return i;
}

} // namespace tw::catalog::samples

#pragma once

// Hand-built snapshots the schema viewer tests share: tst_schema_tree (the
// model) and tst_schema_page (the page around it).
#include "catalog/Snapshot.h"

#include <QList>
#include <QString>

namespace tw::test {

using catalog::ObjectKind;

inline catalog::Column column(const QString &name, const QString &type, int position, bool notNull = false)
{
    catalog::Column c;
    c.name = name;
    c.type = type;
    c.position = position;
    c.notNull = notNull;
    return c;
}

inline catalog::Relation relation(ObjectKind kind, const QString &schema, const QString &name, QList<catalog::Column> columns)
{
    catalog::Relation r;
    r.kind = kind;
    r.schema = schema;
    r.name = name;
    r.columns = std::move(columns);
    r.owner = QStringLiteral("admin");
    return r;
}

inline catalog::Constraint primaryKey(const QString &name, const QString &col)
{
    catalog::Constraint c;
    c.name = name;
    c.type = catalog::Constraint::Type::PrimaryKey;
    c.columns = {col};
    c.definition = QStringLiteral("PRIMARY KEY (%1)").arg(col);
    return c;
}

// A small PostgreSQL-shaped database: two schemas, every object kind,
// a partitioned table with two partitions and one unreadable part.
inline catalog::Snapshot bookshop()
{
    catalog::Snapshot s;
    s.connection = QStringLiteral("shop");
    s.driver = config::Driver::Postgres;
    s.serverVersion = QStringLiteral("15.8");
    s.loadMs = 12;
    s.schemas = {{QStringLiteral("public"), QStringLiteral("admin"), QStringLiteral("standard public schema")},
                 {QStringLiteral("sales"), QStringLiteral("admin"), {}}};

    auto authors = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("authors"),
                            {column(QStringLiteral("id"), QStringLiteral("integer"), 1, true),
                             column(QStringLiteral("name"), QStringLiteral("text"), 2, true)});
    authors.constraints = {primaryKey(QStringLiteral("authors_pkey"), QStringLiteral("id"))};
    authors.estimatedRows = 1200;
    catalog::Index nameIdx;
    nameIdx.name = QStringLiteral("authors_name_idx");
    nameIdx.method = QStringLiteral("btree");
    nameIdx.keys = {QStringLiteral("name")};
    authors.indexes = {nameIdx};

    auto books = relation(ObjectKind::Table, QStringLiteral("public"), QStringLiteral("books"),
                          {column(QStringLiteral("id"), QStringLiteral("integer"), 1, true),
                           column(QStringLiteral("author_id"), QStringLiteral("integer"), 2, true),
                           column(QStringLiteral("title"), QStringLiteral("character varying(200)"), 3, true),
                           column(QStringLiteral("price"), QStringLiteral("numeric(10,2)"), 4)});
    catalog::Constraint fk;
    fk.name = QStringLiteral("books_author_id_fkey");
    fk.type = catalog::Constraint::Type::ForeignKey;
    fk.columns = {QStringLiteral("author_id")};
    fk.refSchema = QStringLiteral("public");
    fk.refTable = QStringLiteral("authors");
    fk.refColumns = {QStringLiteral("id")};
    fk.definition = QStringLiteral("FOREIGN KEY (author_id) REFERENCES authors(id)");
    catalog::Constraint check;
    check.name = QStringLiteral("books_price_check");
    check.type = catalog::Constraint::Type::Check;
    check.definition = QStringLiteral("CHECK ((price > (0)::numeric))");
    books.constraints = {primaryKey(QStringLiteral("books_pkey"), QStringLiteral("id")), fk, check};
    catalog::Index pkIdx;
    pkIdx.name = QStringLiteral("books_pkey");
    pkIdx.method = QStringLiteral("btree");
    pkIdx.unique = pkIdx.primary = true;
    pkIdx.keys = {QStringLiteral("id")};
    books.indexes = {pkIdx};
    catalog::Trigger audit;
    audit.name = QStringLiteral("books_audit");
    audit.timing = QStringLiteral("AFTER");
    audit.events = {QStringLiteral("UPDATE")};
    audit.level = QStringLiteral("ROW");
    books.triggers = {audit};
    books.comment = QStringLiteral("Every book we sell");

    auto titles = relation(ObjectKind::View, QStringLiteral("public"), QStringLiteral("book_titles"),
                           {column(QStringLiteral("name"), QStringLiteral("text"), 1)});
    titles.viewDefinition = QStringLiteral("SELECT title AS name FROM books");
    auto top = relation(ObjectKind::MaterializedView, QStringLiteral("public"), QStringLiteral("top_books"),
                        {column(QStringLiteral("id"), QStringLiteral("integer"), 1)});

    auto orders = relation(ObjectKind::PartitionedTable, QStringLiteral("sales"), QStringLiteral("orders"),
                           {column(QStringLiteral("id"), QStringLiteral("bigint"), 1, true),
                            column(QStringLiteral("sold_on"), QStringLiteral("date"), 2, true)});
    orders.partitionKey = QStringLiteral("RANGE (sold_on)");
    auto partition = [&](const QString &name, const QString &bound) {
        auto p = relation(ObjectKind::Table, QStringLiteral("sales"), name, orders.columns);
        p.parentSchema = QStringLiteral("sales");
        p.parentTable = QStringLiteral("orders");
        p.partitionBound = bound;
        return p;
    };
    auto rates = relation(ObjectKind::ForeignTable, QStringLiteral("sales"), QStringLiteral("remote_rates"),
                          {column(QStringLiteral("currency"), QStringLiteral("text"), 1)});
    rates.foreignServer = QStringLiteral("rates_server");

    s.relations = {titles, authors, books, top, orders,
                   partition(QStringLiteral("orders_2024"), QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")),
                   partition(QStringLiteral("orders_2025"), QStringLiteral("FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')")),
                   rates};

    catalog::Sequence seq;
    seq.schema = QStringLiteral("public");
    seq.name = QStringLiteral("books_id_seq");
    seq.dataType = QStringLiteral("integer");
    s.sequences = {seq};
    catalog::Routine fn;
    fn.kind = ObjectKind::Function;
    fn.schema = QStringLiteral("public");
    fn.name = QStringLiteral("price_with_tax");
    fn.arguments = fn.identityArguments = QStringLiteral("price numeric");
    fn.returns = QStringLiteral("numeric");
    fn.language = QStringLiteral("sql");
    catalog::Routine proc;
    proc.kind = ObjectKind::Procedure;
    proc.schema = QStringLiteral("public");
    proc.name = QStringLiteral("archive_orders");
    proc.language = QStringLiteral("plpgsql");
    s.routines = {fn, proc};
    s.enums = {{QStringLiteral("public"), QStringLiteral("mood"), {QStringLiteral("sad"), QStringLiteral("happy")}, {}}};
    catalog::Domain positive;
    positive.schema = QStringLiteral("public");
    positive.name = QStringLiteral("positive_int");
    positive.baseType = QStringLiteral("integer");
    s.domains = {positive};
    catalog::CompositeType address;
    address.schema = QStringLiteral("public");
    address.name = QStringLiteral("address");
    address.attributes = {{QStringLiteral("street"), QStringLiteral("text"), {}, {}}};
    s.composites = {address};
    s.extensions = {{QStringLiteral("pgcrypto"), QStringLiteral("public"), QStringLiteral("1.3"), {}}};
    s.problems = {{QStringLiteral("triggers"), Error(ErrorCode::PermissionDenied, QStringLiteral("permission denied for table pg_trigger"))}};
    return s;
}

} // namespace tw::test

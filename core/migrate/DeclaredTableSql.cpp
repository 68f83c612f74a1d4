#include "DeclaredTableSql.h"

#include <QHash>
#include <QRegularExpression>

#include <functional>

namespace tw::migrate::declared {

using config::DeclaredColumn;
using config::DeclaredForeignKey;
using config::DeclaredIndex;
using config::DeclaredTable;
using config::Driver;

QString defaultSchema(Driver driver)
{
    return driver == Driver::Postgres ? QStringLiteral("public") : QStringLiteral("main");
}

catalog::QualifiedName tableKey(const DeclaredTable &table, Driver driver)
{
    return {table.schema.isEmpty() ? defaultSchema(driver) : table.schema, table.name};
}

catalog::QualifiedName referencedKey(const DeclaredForeignKey &fk, Driver driver)
{
    const qsizetype dot = fk.referencedTable.indexOf(u'.');
    if (dot < 0)
        return {defaultSchema(driver), fk.referencedTable};
    return {fk.referencedTable.left(dot), fk.referencedTable.mid(dot + 1)};
}

QString tableSql(const DeclaredTable &table, const db::Dialect &dialect)
{
    return dialect.qualifiedName(table.schema, table.name);
}

QString columnsSql(const QStringList &columns, const db::Dialect &dialect)
{
    QStringList quoted;
    for (const QString &c : columns)
        quoted << dialect.quoteIdentifier(c);
    return quoted.join(QStringLiteral(", "));
}

QString columnSql(const DeclaredColumn &column, const db::Dialect &dialect)
{
    QString sql = dialect.quoteIdentifier(column.name) + QLatin1Char(' ') + column.type;
    if (!column.nullable)
        sql += QStringLiteral(" NOT NULL");
    if (column.defaultSql)
        sql += QStringLiteral(" DEFAULT ") + *column.defaultSql;
    return sql;
}

QString foreignKeySql(const DeclaredForeignKey &fk, const db::Dialect &dialect)
{
    const catalog::QualifiedName target = referencedKey(fk, dialect.driver());
    // SQLite resolves REFERENCES in the table's own schema and refuses a
    // qualified name there; PostgreSQL keeps the schema the config gave.
    const bool qualified = dialect.driver() == Driver::Postgres && fk.referencedTable.contains(u'.');
    QString sql = QStringLiteral("FOREIGN KEY (%1) REFERENCES %2 (%3)")
                      .arg(columnsSql(fk.columns, dialect),
                           qualified ? dialect.qualifiedName(target.schema, target.name)
                                     : dialect.quoteIdentifier(target.name),
                           columnsSql(fk.referencedColumns, dialect));
    if (!fk.onDelete.isEmpty())
        sql += QStringLiteral(" ON DELETE ") + fk.onDelete.toUpper();
    if (!fk.onUpdate.isEmpty())
        sql += QStringLiteral(" ON UPDATE ") + fk.onUpdate.toUpper();
    return sql;
}

QString generatedName(const DeclaredTable &table, const QStringList &columns, const QString &suffix)
{
    QStringList parts{table.name};
    parts += columns;
    parts << suffix;
    return parts.join(u'_');
}

QString indexName(const DeclaredTable &table, const DeclaredIndex &index)
{
    return index.name.isEmpty() ? generatedName(table, index.columns, QStringLiteral("idx")) : index.name;
}

QString foreignKeyName(const DeclaredTable &table, const DeclaredForeignKey &fk)
{
    return fk.name.isEmpty() ? generatedName(table, fk.columns, QStringLiteral("fkey")) : fk.name;
}

QString createTableSql(const DeclaredTable &table, const db::Dialect &dialect)
{
    QStringList parts;
    for (const DeclaredColumn &c : table.columns)
        parts << columnSql(c, dialect);
    if (!table.primaryKey.isEmpty())
        parts << QStringLiteral("PRIMARY KEY (%1)").arg(columnsSql(table.primaryKey, dialect));
    for (const QStringList &unique : table.unique)
        parts << QStringLiteral("UNIQUE (%1)").arg(columnsSql(unique, dialect));
    for (const DeclaredForeignKey &fk : table.foreignKeys) {
        const QString constraint = fk.name.isEmpty()
                                       ? QString()
                                       : QString(QStringLiteral("CONSTRAINT ") + dialect.quoteIdentifier(fk.name) + u' ');
        parts << constraint + foreignKeySql(fk, dialect);
    }
    return QStringLiteral("CREATE TABLE %1 (\n    %2\n)")
        .arg(tableSql(table, dialect), parts.join(QStringLiteral(",\n    ")));
}

QString createIndexSql(const DeclaredTable &table, const DeclaredIndex &index, const db::Dialect &dialect)
{
    const QString name = indexName(table, index);
    // PostgreSQL puts an index in its table's schema and refuses a qualified
    // index name; SQLite wants the schema on the index and a bare table name.
    const bool postgres = dialect.driver() == Driver::Postgres;
    const QString indexSql = postgres ? dialect.quoteIdentifier(name) : dialect.qualifiedName(table.schema, name);
    const QString onSql = postgres ? tableSql(table, dialect) : dialect.quoteIdentifier(table.name);
    return QStringLiteral("CREATE %1INDEX %2 ON %3 (%4)")
        .arg(index.unique ? QStringLiteral("UNIQUE ") : QString(), indexSql, onSql,
             columnsSql(index.columns, dialect));
}

QString dropIndexSql(const DeclaredTable &table, const DeclaredIndex &index, const db::Dialect &dialect)
{
    return QStringLiteral("DROP INDEX ") + dialect.qualifiedName(table.schema, indexName(table, index));
}

QList<qsizetype> creationOrder(const QList<DeclaredTable> &tables, Driver driver)
{
    QHash<catalog::QualifiedName, qsizetype> byKey;
    for (qsizetype i = 0; i < tables.size(); ++i)
        byKey.insert(tableKey(tables.at(i), driver), i);
    QList<qsizetype> order;
    QList<int> state(tables.size(), 0); // 0 new, 1 visiting, 2 placed
    std::function<void(qsizetype)> visit = [&](qsizetype i) {
        if (state[i] != 0)
            return; // placed, or a cycle: the declared order decides
        state[i] = 1;
        for (const DeclaredForeignKey &fk : tables.at(i).foreignKeys) {
            const auto it = byKey.constFind(referencedKey(fk, driver));
            if (it != byKey.cend() && it.value() != i)
                visit(it.value());
        }
        state[i] = 2;
        order << i;
    };
    for (qsizetype i = 0; i < tables.size(); ++i)
        visit(i);
    return order;
}

namespace {

QString postgresBaseName(const QString &name, QString *mods)
{
    static const QHash<QString, QString> aliases{
        {QStringLiteral("int"), QStringLiteral("integer")},
        {QStringLiteral("int4"), QStringLiteral("integer")},
        {QStringLiteral("serial"), QStringLiteral("integer")},
        {QStringLiteral("serial4"), QStringLiteral("integer")},
        {QStringLiteral("int8"), QStringLiteral("bigint")},
        {QStringLiteral("bigserial"), QStringLiteral("bigint")},
        {QStringLiteral("serial8"), QStringLiteral("bigint")},
        {QStringLiteral("int2"), QStringLiteral("smallint")},
        {QStringLiteral("smallserial"), QStringLiteral("smallint")},
        {QStringLiteral("serial2"), QStringLiteral("smallint")},
        {QStringLiteral("bool"), QStringLiteral("boolean")},
        {QStringLiteral("float8"), QStringLiteral("double precision")},
        {QStringLiteral("float4"), QStringLiteral("real")},
        {QStringLiteral("varchar"), QStringLiteral("character varying")},
        {QStringLiteral("char"), QStringLiteral("character")},
        {QStringLiteral("bpchar"), QStringLiteral("character")},
        {QStringLiteral("decimal"), QStringLiteral("numeric")},
        {QStringLiteral("varbit"), QStringLiteral("bit varying")},
        {QStringLiteral("timestamptz"), QStringLiteral("timestamp with time zone")},
        {QStringLiteral("timestamp"), QStringLiteral("timestamp without time zone")},
        {QStringLiteral("timetz"), QStringLiteral("time with time zone")},
        {QStringLiteral("time"), QStringLiteral("time without time zone")},
    };
    if (name == u"float") {
        // float(p): real up to 24 bits of precision, double precision above.
        const bool single = !mods->isEmpty() && mods->toInt() <= 24;
        mods->clear();
        return single ? QStringLiteral("real") : QStringLiteral("double precision");
    }
    if (name == u"character" && mods->isEmpty())
        *mods = QStringLiteral("1"); // char is char(1)
    return aliases.value(name, name);
}

} // namespace

QString normalizedType(const QString &type, Driver driver)
{
    QString text = type.toLower().simplified();
    static const QRegularExpression spaces(QStringLiteral(R"(\s*([(),\[\]])\s*)"));
    text.replace(spaces, QStringLiteral("\\1"));
    if (driver != Driver::Postgres)
        return text;
    QString arrays;
    while (text.endsWith(QLatin1String("[]"))) {
        arrays += QStringLiteral("[]");
        text.chop(2);
    }
    // format_type writes the modifiers after the first word of time types
    // ("timestamp(3) with time zone"); take them out wherever they stand.
    QString mods;
    static const QRegularExpression modifier(QStringLiteral(R"(\(([^)]*)\))"));
    if (const auto m = modifier.match(text); m.hasMatch()) {
        mods = m.captured(1);
        text.remove(m.capturedStart(0), m.capturedLength(0));
        text = text.simplified();
    }
    const QString base = postgresBaseName(text, &mods);
    if (mods.isEmpty())
        return base + arrays;
    const qsizetype space = base.indexOf(u' ');
    const bool timeType = base.startsWith(QLatin1String("time"));
    if (timeType && space > 0)
        return base.left(space) + u'(' + mods + u')' + base.mid(space) + arrays;
    return base + u'(' + mods + u')' + arrays;
}

} // namespace tw::migrate::declared

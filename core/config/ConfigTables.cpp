#include "ConfigTables.h"

#include "ConfigYaml.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace tw::config::yamlcheck {

namespace {

QString defaultSchema(Driver driver)
{
    return driver == Driver::Postgres ? QStringLiteral("public") : QStringLiteral("main");
}

QString indexed(const QString &field, std::size_t i)
{
    return QStringLiteral("%1[%2]").arg(field).arg(i);
}

// A list of column names, or one name for the common one-column case
// (`primary_key: id`).
QStringList columnList(const YAML::Node &node, const QString &field)
{
    if (node.IsScalar())
        return {text(node, field)};
    QStringList columns = textList(node, field);
    if (columns.isEmpty())
        fail(field, QStringLiteral("must name at least one column"), node);
    return columns;
}

// Every name must be a declared column: a typo would otherwise surface only
// as an SQL error when the table is created, far from the config line.
void requireColumns(const QStringList &names, const QSet<QString> &declared, const YAML::Node &node,
                    const QString &field)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!declared.contains(names.at(i))) {
            fail(indexed(field, std::size_t(i)),
                 QStringLiteral("'%1' is not a declared column of this table").arg(names.at(i)), node);
        }
        if (seen.contains(names.at(i)))
            fail(indexed(field, std::size_t(i)), QStringLiteral("column '%1' named twice").arg(names.at(i)), node);
        seen.insert(names.at(i));
    }
}

QString referentialAction(const YAML::Node &node, const QString &field)
{
    static const QStringList actions{QStringLiteral("cascade"), QStringLiteral("restrict"), QStringLiteral("set null"),
                                     QStringLiteral("set default"), QStringLiteral("no action")};
    QString action = text(node, field).toLower().replace(u'_', u' ').simplified();
    if (!actions.contains(action))
        fail(field, QStringLiteral("must be one of: ") + actions.join(QStringLiteral(", ")), node);
    return action;
}

DeclaredColumn column(const YAML::Node &node, const QString &at)
{
    const auto keys = entries(node, at, {"name", "type", "nullable", "default"});
    auto has = [&](const char *key) { return keys.contains(QLatin1String(key)); };
    auto get = [&](const char *key) { return keys.value(QLatin1String(key)); };
    DeclaredColumn c;
    if (!has("name"))
        fail(child(at, "name"), QStringLiteral("missing column name"), node);
    c.name = text(get("name"), child(at, "name"));
    if (!has("type"))
        fail(child(at, "type"), QStringLiteral("missing type (the engine's own, e.g. bigint, text)"), node);
    c.type = text(get("type"), child(at, "type"));
    if (has("nullable"))
        c.nullable = boolean(get("nullable"), child(at, "nullable"));
    if (has("default")) {
        if (get("default").IsNull()) {
            fail(child(at, "default"),
                 QStringLiteral("must be an SQL expression; write \"NULL\" (quoted) for a NULL default"), get("default"));
        }
        c.defaultSql = text(get("default"), child(at, "default"));
    }
    return c;
}

DeclaredIndex index(const YAML::Node &node, const QString &at, const QSet<QString> &declared)
{
    const auto keys = entries(node, at, {"name", "columns", "unique"});
    DeclaredIndex i;
    if (keys.contains(QStringLiteral("name")))
        i.name = text(keys.value(QStringLiteral("name")), child(at, "name"));
    if (!keys.contains(QStringLiteral("columns")))
        fail(child(at, "columns"), QStringLiteral("missing columns"), node);
    i.columns = columnList(keys.value(QStringLiteral("columns")), child(at, "columns"));
    requireColumns(i.columns, declared, keys.value(QStringLiteral("columns")), child(at, "columns"));
    if (keys.contains(QStringLiteral("unique")))
        i.unique = boolean(keys.value(QStringLiteral("unique")), child(at, "unique"));
    return i;
}

DeclaredForeignKey foreignKey(const YAML::Node &node, const QString &at, const QSet<QString> &declared)
{
    const auto keys = entries(node, at, {"name", "columns", "references", "on_delete", "on_update"});
    auto has = [&](const char *key) { return keys.contains(QLatin1String(key)); };
    auto get = [&](const char *key) { return keys.value(QLatin1String(key)); };
    DeclaredForeignKey fk;
    if (has("name"))
        fk.name = text(get("name"), child(at, "name"));
    if (!has("columns"))
        fail(child(at, "columns"), QStringLiteral("missing columns"), node);
    fk.columns = columnList(get("columns"), child(at, "columns"));
    requireColumns(fk.columns, declared, get("columns"), child(at, "columns"));
    if (!has("references"))
        fail(child(at, "references"), QStringLiteral("missing references, e.g. customers(id)"), node);
    const QString reference = text(get("references"), child(at, "references"));
    if (!parseReference(reference, &fk.referencedTable, &fk.referencedColumns)) {
        fail(child(at, "references"),
             QStringLiteral("must read table(column, ...) or schema.table(column, ...), not '%1'").arg(reference.left(80)),
             get("references"));
    }
    if (fk.referencedColumns.size() != fk.columns.size()) {
        fail(child(at, "references"),
             QStringLiteral("names %1 column(s) for %2 in columns").arg(fk.referencedColumns.size()).arg(fk.columns.size()),
             get("references"));
    }
    if (has("on_delete"))
        fk.onDelete = referentialAction(get("on_delete"), child(at, "on_delete"));
    if (has("on_update"))
        fk.onUpdate = referentialAction(get("on_update"), child(at, "on_update"));
    return fk;
}

struct ParsedTable
{
    DeclaredTable table;
    YAML::Node node;
    QString field;
};

ParsedTable table(const YAML::Node &node, const QString &at)
{
    const auto keys = entries(node, at, {"name", "schema", "columns", "primary_key", "unique", "indexes",
                                         "foreign_keys"});
    auto has = [&](const char *key) { return keys.contains(QLatin1String(key)); };
    auto get = [&](const char *key) { return keys.value(QLatin1String(key)); };
    DeclaredTable t;
    if (!has("name"))
        fail(child(at, "name"), QStringLiteral("missing table name"), node);
    t.name = text(get("name"), child(at, "name"));
    if (has("schema")) {
        // With an explicit schema the name is taken as written, dots and all;
        // an empty schema says "the default one" for such a name.
        t.schema = text(get("schema"), child(at, "schema"), true);
    } else if (const qsizetype dot = t.name.indexOf(u'.'); dot >= 0) {
        t.schema = t.name.left(dot);
        t.name = t.name.mid(dot + 1);
        if (t.schema.isEmpty() || t.name.isEmpty())
            fail(child(at, "name"), QStringLiteral("must read table or schema.table"), get("name"));
    }

    if (!has("columns") || get("columns").IsNull())
        fail(child(at, "columns"), QStringLiteral("a table needs at least one column"), node);
    const YAML::Node columns = get("columns");
    if (!columns.IsSequence() || columns.size() == 0)
        fail(child(at, "columns"), QStringLiteral("must be a list of at least one column"), columns);
    QSet<QString> declared;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const QString cat = indexed(child(at, "columns"), i);
        DeclaredColumn c = column(columns[i], cat);
        if (declared.contains(c.name))
            fail(child(cat, "name"), QStringLiteral("duplicate column name '%1'").arg(c.name), columns[i]);
        declared.insert(c.name);
        t.columns << c;
    }

    if (has("primary_key")) {
        t.primaryKey = columnList(get("primary_key"), child(at, "primary_key"));
        requireColumns(t.primaryKey, declared, get("primary_key"), child(at, "primary_key"));
    }
    if (has("unique")) {
        const YAML::Node unique = get("unique");
        if (!unique.IsSequence())
            fail(child(at, "unique"), QStringLiteral("must be a list of column lists, e.g. [[a, b], [c]]"), unique);
        for (std::size_t i = 0; i < unique.size(); ++i) {
            const QString uat = indexed(child(at, "unique"), i);
            const QStringList cols = columnList(unique[i], uat);
            requireColumns(cols, declared, unique[i], uat);
            t.unique << cols;
        }
    }
    if (has("indexes")) {
        const YAML::Node indexes = get("indexes");
        if (!indexes.IsSequence())
            fail(child(at, "indexes"), QStringLiteral("must be a list of indexes ({columns: [a], unique: false})"), indexes);
        for (std::size_t i = 0; i < indexes.size(); ++i)
            t.indexes << index(indexes[i], indexed(child(at, "indexes"), i), declared);
    }
    if (has("foreign_keys")) {
        const YAML::Node keysNode = get("foreign_keys");
        if (!keysNode.IsSequence())
            fail(child(at, "foreign_keys"),
                 QStringLiteral("must be a list of foreign keys ({columns: [a], references: t(id)})"), keysNode);
        for (std::size_t i = 0; i < keysNode.size(); ++i)
            t.foreignKeys << foreignKey(keysNode[i], indexed(child(at, "foreign_keys"), i), declared);
    }
    return {t, node, at};
}

} // namespace

bool parseReference(const QString &text, QString *table, QStringList *columns)
{
    static const QRegularExpression shape(QStringLiteral(R"(^\s*([^()\s][^()]*?)\s*\(([^()]*)\)\s*$)"));
    const auto m = shape.match(text);
    if (!m.hasMatch())
        return false;
    QStringList cols;
    for (const QString &part : m.captured(2).split(u','))
        cols << part.trimmed();
    if (cols.contains(QString()))
        return false;
    *table = m.captured(1);
    *columns = cols;
    return true;
}

QList<DeclaredTable> declaredTables(const YAML::Node &node, const QString &at, Driver driver)
{
    QList<DeclaredTable> tables;
    if (node.IsNull())
        return tables;
    if (!node.IsSequence())
        fail(at, QStringLiteral("must be a list of tables (name, columns, ...)"), node);
    QList<ParsedTable> parsed;
    QHash<QString, int> seen; // "schema\0name" → index, with the default schema filled in
    const auto key = [driver](const QString &schema, const QString &name) {
        return (schema.isEmpty() ? defaultSchema(driver) : schema) + QChar(0) + name;
    };
    for (std::size_t i = 0; i < node.size(); ++i) {
        ParsedTable p = table(node[i], indexed(at, i));
        const QString k = key(p.table.schema, p.table.name);
        if (seen.contains(k)) {
            fail(child(p.field, "name"),
                 QStringLiteral("table '%1' is declared twice (also %2[%3])")
                     .arg(p.table.name, at).arg(seen.value(k)),
                 node[i]);
        }
        seen.insert(k, int(i));
        parsed << p;
    }
    // A foreign key to another declared table must name its columns; one to
    // a table declared elsewhere (or not at all) is the database's business.
    for (const ParsedTable &p : parsed) {
        for (qsizetype f = 0; f < p.table.foreignKeys.size(); ++f) {
            const DeclaredForeignKey &fk = p.table.foreignKeys.at(f);
            const qsizetype dot = fk.referencedTable.indexOf(u'.');
            const QString refKey = dot < 0 ? key({}, fk.referencedTable)
                                           : key(fk.referencedTable.left(dot), fk.referencedTable.mid(dot + 1));
            if (!seen.contains(refKey))
                continue;
            const DeclaredTable &target = parsed.at(seen.value(refKey)).table;
            for (const QString &col : fk.referencedColumns) {
                const bool found = std::any_of(target.columns.cbegin(), target.columns.cend(),
                                               [&](const DeclaredColumn &c) { return c.name == col; });
                if (!found) {
                    const QString field = child(indexed(child(p.field, "foreign_keys"), std::size_t(f)), "references");
                    fail(field, QStringLiteral("'%1' is not a declared column of %2").arg(col, fk.referencedTable),
                         p.node["foreign_keys"][std::size_t(f)]["references"]);
                }
            }
        }
        tables << p.table;
    }
    return tables;
}

} // namespace tw::config::yamlcheck

namespace tw::config {

namespace {

void putText(YAML::Emitter &out, const char *key, const QString &value)
{
    out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value.toStdString();
}

void putNames(YAML::Emitter &out, const QStringList &values)
{
    out << YAML::Flow << YAML::BeginSeq;
    for (const QString &value : values)
        out << YAML::DoubleQuoted << value.toStdString();
    out << YAML::EndSeq;
}

void putNames(YAML::Emitter &out, const char *key, const QStringList &values)
{
    out << YAML::Key << key << YAML::Value;
    putNames(out, values);
}

void writeTable(YAML::Emitter &out, const DeclaredTable &t)
{
    out << YAML::BeginMap;
    putText(out, "name", t.name);
    // Always explicit when the name holds a dot, so it is not read back as
    // schema.table.
    if (!t.schema.isEmpty() || t.name.contains(u'.'))
        putText(out, "schema", t.schema);
    out << YAML::Key << "columns" << YAML::Value << YAML::BeginSeq;
    for (const DeclaredColumn &c : t.columns) {
        out << YAML::Flow << YAML::BeginMap;
        putText(out, "name", c.name);
        putText(out, "type", c.type);
        if (!c.nullable)
            out << YAML::Key << "nullable" << YAML::Value << YAML::TrueFalseBool << false;
        if (c.defaultSql)
            putText(out, "default", *c.defaultSql);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    if (!t.primaryKey.isEmpty())
        putNames(out, "primary_key", t.primaryKey);
    if (!t.unique.isEmpty()) {
        out << YAML::Key << "unique" << YAML::Value << YAML::BeginSeq;
        for (const QStringList &columns : t.unique)
            putNames(out, columns);
        out << YAML::EndSeq;
    }
    if (!t.indexes.isEmpty()) {
        out << YAML::Key << "indexes" << YAML::Value << YAML::BeginSeq;
        for (const DeclaredIndex &i : t.indexes) {
            out << YAML::Flow << YAML::BeginMap;
            if (!i.name.isEmpty())
                putText(out, "name", i.name);
            putNames(out, "columns", i.columns);
            if (i.unique)
                out << YAML::Key << "unique" << YAML::Value << YAML::TrueFalseBool << true;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!t.foreignKeys.isEmpty()) {
        out << YAML::Key << "foreign_keys" << YAML::Value << YAML::BeginSeq;
        for (const DeclaredForeignKey &fk : t.foreignKeys) {
            out << YAML::Flow << YAML::BeginMap;
            if (!fk.name.isEmpty())
                putText(out, "name", fk.name);
            putNames(out, "columns", fk.columns);
            putText(out, "references",
                    fk.referencedTable + QLatin1Char('(') + fk.referencedColumns.join(QStringLiteral(", "))
                        + QLatin1Char(')'));
            if (!fk.onDelete.isEmpty())
                putText(out, "on_delete", fk.onDelete);
            if (!fk.onUpdate.isEmpty())
                putText(out, "on_update", fk.onUpdate);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

} // namespace

void writeDeclaredTables(YAML::Emitter &out, const QList<DeclaredTable> &tables)
{
    if (tables.isEmpty())
        return;
    out << YAML::Key << "tables" << YAML::Value << YAML::BeginSeq;
    for (const DeclaredTable &t : tables)
        writeTable(out, t);
    out << YAML::EndSeq;
}

} // namespace tw::config

#include "SqliteDdl.h"

#include "DdlOrder.h"

#include <sqlite3.h>

namespace tw::catalog::sqliteddl {

namespace {

// sqlite_sequence and friends come with the database; creating them is an error.
bool isInternal(const Relation &relation)
{
    return relation.name.startsWith(QLatin1String("sqlite_"), Qt::CaseInsensitive);
}

} // namespace

QString statement(const QString &sql)
{
    QString text = sql.trimmed();
    if (text.isEmpty())
        return {};
    while (text.endsWith(QLatin1Char(';')))
        text = text.chopped(1).trimmed();
    // SQLite keeps a trailing "-- comment" in the stored text; a ';' on the
    // same line would be commented out and swallow the next statement.
    if (!sqlite3_complete((text + QLatin1Char(';')).toUtf8().constData()))
        return text + QStringLiteral("\n;\n");
    return text + QStringLiteral(";\n");
}

QString relationScript(const Relation &relation)
{
    QStringList out{statement(relation.sql)};
    // Indexes behind UNIQUE / PRIMARY KEY have no statement of their own.
    for (const Index &i : relation.indexes)
        out << statement(i.definition);
    for (const Trigger &t : relation.triggers)
        out << statement(t.definition);
    out.removeAll(QString());
    return out.join(QLatin1Char('\n'));
}

QString scopeScript(const Snapshot &snapshot, const QString &schema)
{
    QList<const Relation *> tables, views;
    for (const Relation &r : snapshot.relations) {
        if ((schema.isEmpty() || r.schema == schema) && !isInternal(r))
            (r.kind == ObjectKind::View ? views : tables) << &r;
    }
    QStringList out, indexes, triggers;
    for (const Relation *r : tables + viewsInCreationOrder(views)) {
        out << statement(r->sql);
        for (const Index &i : r->indexes)
            indexes << statement(i.definition);
        for (const Trigger &t : r->triggers)
            triggers << statement(t.definition);
    }
    out << indexes << triggers;
    out.removeAll(QString());
    return out.join(QLatin1Char('\n'));
}

} // namespace tw::catalog::sqliteddl

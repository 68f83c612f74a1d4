#include "PostgresObjects.h"

#include "PostgresRowValues.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace tw::catalog {

using namespace pgvalues;

namespace {

template<typename T>
void sortBySchemaAndName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) {
        return a.schema != b.schema ? a.schema < b.schema : a.name < b.name;
    });
}

QString volatility(QChar code)
{
    switch (code.unicode()) {
    case 'i': return QStringLiteral("IMMUTABLE");
    case 's': return QStringLiteral("STABLE");
    default: return QStringLiteral("VOLATILE");
    }
}

} // namespace

void readPostgresSchemas(db::Rows &rows, QList<Schema> &out)
{
    while (rows.next())
        out << Schema{rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toString()};
}

void readPostgresSequences(db::Rows &rows, QList<Sequence> &out)
{
    while (rows.next()) {
        Sequence s;
        s.schema = rows.value(0).toString();
        s.name = rows.value(1).toString();
        s.dataType = rows.value(2).toString();
        s.start = rows.value(3).toLongLong();
        s.increment = rows.value(4).toLongLong();
        s.minValue = rows.value(5).toLongLong();
        s.maxValue = rows.value(6).toLongLong();
        s.cache = rows.value(7).toLongLong();
        s.cycle = rows.value(8).toBool();
        s.ownedByTable = qualified(rows.value(9).toString(), rows.value(10).toString());
        s.ownedByColumn = rows.value(11).toString();
        s.identity = rows.value(12).toBool();
        s.comment = rows.value(13).toString();
        out << std::move(s);
    }
}

void readPostgresRoutines(db::Rows &rows, QList<Routine> &out)
{
    while (rows.next()) {
        Routine r;
        r.schema = rows.value(0).toString();
        r.name = rows.value(1).toString();
        r.kind = letter(rows.value(2)) == QLatin1Char('p') ? ObjectKind::Procedure : ObjectKind::Function;
        r.arguments = rows.value(3).toString();
        r.identityArguments = rows.value(4).toString();
        r.returns = rows.value(5).toString();
        r.language = rows.value(6).toString();
        r.volatility = volatility(letter(rows.value(7)));
        r.definition = rows.value(8).toString();
        r.comment = rows.value(9).toString();
        out << std::move(r);
    }
}

void readPostgresEnums(db::Rows &rows, QList<EnumType> &out)
{
    while (rows.next()) {
        out << EnumType{rows.value(0).toString(), rows.value(1).toString(), jsonStrings(rows.value(2)),
                        rows.value(3).toString()};
    }
}

void readPostgresDomains(db::Rows &rows, QList<Domain> &out)
{
    while (rows.next()) {
        Domain d;
        d.schema = rows.value(0).toString();
        d.name = rows.value(1).toString();
        d.baseType = rows.value(2).toString();
        d.notNull = rows.value(3).toBool();
        d.defaultValue = rows.value(4).toString();
        d.collation = rows.value(5).toString();
        for (const auto &check : jsonArray(rows.value(6))) {
            const QJsonArray pair = check.toArray();
            d.checks << DomainCheck{pair.at(0).toString(), pair.at(1).toString()};
        }
        d.comment = rows.value(7).toString();
        d.collationSchema = rows.value(8).toString();
        out << std::move(d);
    }
}

void readPostgresComposites(db::Rows &rows, QList<CompositeType> &out)
{
    while (rows.next()) {
        CompositeType c;
        c.schema = rows.value(0).toString();
        c.name = rows.value(1).toString();
        for (const auto &attribute : jsonArray(rows.value(2))) {
            const QJsonArray a = attribute.toArray();
            c.attributes << CompositeAttribute{a.at(0).toString(), a.at(1).toString(), a.at(2).toString(),
                                               a.at(3).toString()};
        }
        c.comment = rows.value(3).toString();
        out << std::move(c);
    }
}

void readPostgresExtensions(db::Rows &rows, QList<Extension> &out)
{
    while (rows.next()) {
        out << Extension{rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toString(),
                         rows.value(3).toString()};
    }
}

void addReferencedSchemas(Snapshot &snapshot)
{
    QSet<QString> known;
    for (const Schema &s : std::as_const(snapshot.schemas))
        known.insert(s.name);
    auto add = [&](const QString &name) {
        if (name.isEmpty() || known.contains(name) || name.startsWith(QLatin1String("pg_"))
            || name == QLatin1String("information_schema"))
            return;
        known.insert(name);
        snapshot.schemas << Schema{name, {}, {}};
    };
    auto addAll = [&](const auto &list) {
        for (const auto &object : list)
            add(object.schema);
    };
    addAll(snapshot.relations);
    addAll(snapshot.sequences);
    addAll(snapshot.routines);
    addAll(snapshot.enums);
    addAll(snapshot.domains);
    addAll(snapshot.composites);
    // Not extensions: their schema may belong to an extension itself, which
    // the schemas part leaves out on purpose.
}

void sortPostgresObjects(Snapshot &snapshot)
{
    std::sort(snapshot.schemas.begin(), snapshot.schemas.end(),
              [](const Schema &a, const Schema &b) { return a.name < b.name; });
    sortBySchemaAndName(snapshot.sequences);
    std::sort(snapshot.routines.begin(), snapshot.routines.end(), [](const Routine &a, const Routine &b) {
        if (a.schema != b.schema)
            return a.schema < b.schema;
        return a.name != b.name ? a.name < b.name : a.identityArguments < b.identityArguments;
    });
    sortBySchemaAndName(snapshot.enums);
    sortBySchemaAndName(snapshot.domains);
    sortBySchemaAndName(snapshot.composites);
    std::sort(snapshot.extensions.begin(), snapshot.extensions.end(),
              [](const Extension &a, const Extension &b) { return a.name < b.name; });
}

} // namespace tw::catalog

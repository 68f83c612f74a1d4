#include "SnapshotFilter.h"

#include "CatalogService.h"
#include "SearchIndex.h"

#include <algorithm>

namespace tw::catalog {

namespace {

template<typename T>
QList<T> inSchema(const QList<T> &items, const QString &schema)
{
    QList<T> kept;
    std::copy_if(items.begin(), items.end(), std::back_inserter(kept), [&](const T &item) { return item.schema == schema; });
    return kept;
}

bool isChildKind(ObjectKind kind)
{
    return kind == ObjectKind::Column || kind == ObjectKind::Constraint || kind == ObjectKind::Index
           || kind == ObjectKind::Trigger;
}

// The ways a person may write this object's name.
QStringList spellings(const ObjectRef &ref)
{
    QStringList names;
    QString base = ref.parent.isEmpty() ? ref.name : ref.parent + QLatin1Char('.') + ref.name;
    names << base;
    if (!ref.schema.isEmpty())
        names << ref.schema + QLatin1Char('.') + base;
    if (ref.kind == ObjectKind::Function || ref.kind == ObjectKind::Procedure) {
        const QString plain = ref.name.section(QLatin1Char('('), 0, 0);
        names << plain;
        if (!ref.schema.isEmpty())
            names << ref.schema + QLatin1Char('.') + plain;
    }
    return names;
}

} // namespace

Result<Snapshot> restrictToSchema(const Snapshot &snapshot, const QString &schema)
{
    const auto it = std::find_if(snapshot.schemas.begin(), snapshot.schemas.end(),
                                 [&](const Schema &s) { return s.name == schema; });
    if (it == snapshot.schemas.end()) {
        QStringList known;
        for (const auto &s : snapshot.schemas)
            known << s.name;
        return notFoundError(QStringLiteral("schema '%1' does not exist in %2").arg(schema, snapshot.connection),
                             {{QStringLiteral("schema"), schema}}, schema, known,
                             QStringLiteral("schemas: %1").arg(known.join(QStringLiteral(", "))));
    }
    Snapshot narrowed = snapshot;
    narrowed.schemas = {*it};
    narrowed.relations = inSchema(snapshot.relations, schema);
    narrowed.sequences = inSchema(snapshot.sequences, schema);
    narrowed.routines = inSchema(snapshot.routines, schema);
    narrowed.enums = inSchema(snapshot.enums, schema);
    narrowed.domains = inSchema(snapshot.domains, schema);
    narrowed.composites = inSchema(snapshot.composites, schema);
    narrowed.extensions = inSchema(snapshot.extensions, schema);
    return narrowed;
}

Result<QList<ObjectRef>> findObjects(const Snapshot &snapshot, const QString &name)
{
    const SearchIndex index(snapshot);
    // The last dotted part is the object's own name; search by it, then
    // compare the whole spelling.
    const QString last = name.section(QLatin1Char('.'), -1);
    const QString plain = last.section(QLatin1Char('('), 0, 0);
    QList<ObjectRef> exact;
    QList<ObjectRef> folded;
    for (const SearchHit &hit : index.search(plain)) {
        if (hit.ref.kind == ObjectKind::Schema)
            continue;
        for (const QString &spelling : spellings(hit.ref)) {
            if (spelling == name) {
                exact << hit.ref;
                break;
            }
            if (spelling.compare(name, Qt::CaseInsensitive) == 0) {
                folded << hit.ref;
                break;
            }
        }
    }
    if (!exact.isEmpty())
        return exact;
    if (!folded.isEmpty())
        return folded;

    return notFoundError(QStringLiteral("no object named '%1' in %2").arg(name, snapshot.connection),
                         {{QStringLiteral("object"), name}}, plain, snapshot.objectNames());
}

Snapshot restrictToObjects(const Snapshot &snapshot, const QList<ObjectRef> &refs)
{
    Snapshot narrowed = snapshot;
    narrowed.schemas.clear();
    narrowed.relations.clear();
    narrowed.sequences.clear();
    narrowed.routines.clear();
    narrowed.enums.clear();
    narrowed.domains.clear();
    narrowed.composites.clear();
    narrowed.extensions.clear();

    auto wanted = [&refs](ObjectKind kind, const QString &schema, const QString &name) {
        return std::any_of(refs.begin(), refs.end(), [&](const ObjectRef &r) {
            return r.kind == kind && r.schema == schema && r.name == name && r.parent.isEmpty();
        });
    };
    for (const auto &s : snapshot.schemas) {
        if (wanted(ObjectKind::Schema, {}, s.name))
            narrowed.schemas << s;
    }
    for (const auto &r : snapshot.relations) {
        if (wanted(r.kind, r.schema, r.name)) {
            narrowed.relations << r;
            continue;
        }
        Relation part = r;
        part.columns.clear();
        part.constraints.clear();
        part.indexes.clear();
        part.triggers.clear();
        bool any = false;
        for (const ObjectRef &ref : refs) {
            if (!isChildKind(ref.kind) || ref.schema != r.schema || ref.parent != r.name)
                continue;
            any = true;
            for (const auto &c : r.columns)
                if (ref.kind == ObjectKind::Column && c.name == ref.name) part.columns << c;
            for (const auto &c : r.constraints)
                if (ref.kind == ObjectKind::Constraint && c.name == ref.name) part.constraints << c;
            for (const auto &i : r.indexes)
                if (ref.kind == ObjectKind::Index && i.name == ref.name) part.indexes << i;
            for (const auto &t : r.triggers)
                if (ref.kind == ObjectKind::Trigger && t.name == ref.name) part.triggers << t;
        }
        if (any)
            narrowed.relations << part;
    }
    for (const auto &s : snapshot.sequences)
        if (wanted(ObjectKind::Sequence, s.schema, s.name)) narrowed.sequences << s;
    for (const auto &r : snapshot.routines)
        if (wanted(r.kind, r.schema, r.signature())) narrowed.routines << r;
    for (const auto &e : snapshot.enums)
        if (wanted(ObjectKind::EnumType, e.schema, e.name)) narrowed.enums << e;
    for (const auto &d : snapshot.domains)
        if (wanted(ObjectKind::Domain, d.schema, d.name)) narrowed.domains << d;
    for (const auto &c : snapshot.composites)
        if (wanted(ObjectKind::CompositeType, c.schema, c.name)) narrowed.composites << c;
    for (const auto &e : snapshot.extensions)
        if (wanted(ObjectKind::Extension, e.schema, e.name)) narrowed.extensions << e;

    // The schemas the kept objects live in stay, so readers that walk
    // schemas (the text listing, the tree) still find them.
    QStringList used;
    for (const auto &r : narrowed.relations) used << r.schema;
    for (const auto &x : narrowed.sequences) used << x.schema;
    for (const auto &x : narrowed.routines) used << x.schema;
    for (const auto &x : narrowed.enums) used << x.schema;
    for (const auto &x : narrowed.domains) used << x.schema;
    for (const auto &x : narrowed.composites) used << x.schema;
    for (const auto &s : snapshot.schemas) {
        if (used.contains(s.name) && !narrowed.schemas.contains(s))
            narrowed.schemas << s;
    }
    return narrowed;
}

} // namespace tw::catalog

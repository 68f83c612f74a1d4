#include "SearchIndex.h"

namespace tw::catalog {

SearchIndex::SearchIndex(const Snapshot &snapshot)
{
    auto add = [this](ObjectKind kind, const QString &schema, const QString &name, const QString &parent = {}) {
        m_entries.append({name.toCaseFolded(), ObjectRef{kind, schema, name, parent}});
    };
    for (const auto &s : snapshot.schemas)
        add(ObjectKind::Schema, {}, s.name);
    for (const auto &r : snapshot.relations) {
        add(r.kind, r.schema, r.name);
        for (const auto &c : r.columns)
            add(ObjectKind::Column, r.schema, c.name, r.name);
        for (const auto &c : r.constraints) {
            if (!c.name.isEmpty())
                add(ObjectKind::Constraint, r.schema, c.name, r.name);
        }
        for (const auto &i : r.indexes)
            add(ObjectKind::Index, r.schema, i.name, r.name);
        for (const auto &t : r.triggers)
            add(ObjectKind::Trigger, r.schema, t.name, r.name);
    }
    for (const auto &s : snapshot.sequences)
        add(ObjectKind::Sequence, s.schema, s.name);
    for (const auto &r : snapshot.routines) {
        // Searched by name, identified by signature (overloads differ only there).
        m_entries.append({r.name.toCaseFolded(), ObjectRef{r.kind, r.schema, r.signature(), {}}});
    }
    for (const auto &e : snapshot.enums)
        add(ObjectKind::EnumType, e.schema, e.name);
    for (const auto &d : snapshot.domains)
        add(ObjectKind::Domain, d.schema, d.name);
    for (const auto &c : snapshot.composites)
        add(ObjectKind::CompositeType, c.schema, c.name);
    for (const auto &e : snapshot.extensions)
        add(ObjectKind::Extension, e.schema, e.name);
}

QList<SearchHit> SearchIndex::search(const QString &text, int limit) const
{
    const QString wanted = text.trimmed().toCaseFolded();
    QList<SearchHit> prefixHits;
    QList<SearchHit> substringHits;
    if (wanted.isEmpty())
        return {};
    for (const Entry &entry : m_entries) {
        const qsizetype at = entry.folded.indexOf(wanted);
        if (at == 0) {
            prefixHits.append({entry.ref, true});
            if (limit >= 0 && prefixHits.size() >= limit)
                break;
        } else if (at > 0 && (limit < 0 || substringHits.size() < limit)) {
            substringHits.append({entry.ref, false});
        }
    }
    prefixHits.append(substringHits);
    if (limit >= 0 && prefixHits.size() > limit)
        prefixHits.resize(limit);
    return prefixHits;
}

} // namespace tw::catalog

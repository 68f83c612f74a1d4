#pragma once

#include "Snapshot.h"

#include <QList>
#include <QString>

namespace tw::catalog {

struct SearchHit
{
    ObjectRef ref;
    bool prefix = false;         // the name starts with the text (ranked first)
};

// Name search over every object kind of a snapshot: relations, columns,
// constraints, indexes, triggers, sequences, routines, types, extensions,
// schemas. Case-insensitive; names starting with the text come first, then
// names containing it, each group in snapshot order. Built once per
// snapshot (lower-cased names kept side by side), then read-only: safe to
// use from any thread.
class SearchIndex
{
public:
    SearchIndex() = default;
    explicit SearchIndex(const Snapshot &snapshot);

    QList<SearchHit> search(const QString &text, int limit = -1) const;
    int size() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        QString folded;
        ObjectRef ref;
    };
    QList<Entry> m_entries;
};

} // namespace tw::catalog

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Lookups over the lists of a catalog snapshot (Relation::columns,
// Snapshot::routines, …), shared by the catalog tests. A missing entry is
// nullptr, so a test reads QVERIFY(named(…)) or fails on the dereference.
namespace tw::test {

template<typename T>
const T *named(const QList<T> &list, const QString &name)
{
    for (const T &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

template<typename T>
const T *inSchema(const QList<T> &list, const QString &schema, const QString &name)
{
    for (const T &item : list) {
        if (item.schema == schema && item.name == name)
            return &item;
    }
    return nullptr;
}

QStringList names(const auto &list)
{
    QStringList out;
    for (const auto &item : list)
        out << item.name;
    return out;
}

} // namespace tw::test

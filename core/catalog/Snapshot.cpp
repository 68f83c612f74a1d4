#include "Snapshot.h"

#include <array>
#include <utility>

namespace tw::catalog {

namespace {

constexpr std::array<std::pair<ObjectKind, const char *>, 17> kKindNames{{
    {ObjectKind::Schema, "schema"},
    {ObjectKind::Table, "table"},
    {ObjectKind::PartitionedTable, "partitioned_table"},
    {ObjectKind::View, "view"},
    {ObjectKind::MaterializedView, "materialized_view"},
    {ObjectKind::ForeignTable, "foreign_table"},
    {ObjectKind::Column, "column"},
    {ObjectKind::Constraint, "constraint"},
    {ObjectKind::Index, "index"},
    {ObjectKind::Trigger, "trigger"},
    {ObjectKind::Sequence, "sequence"},
    {ObjectKind::Function, "function"},
    {ObjectKind::Procedure, "procedure"},
    {ObjectKind::EnumType, "enum"},
    {ObjectKind::Domain, "domain"},
    {ObjectKind::CompositeType, "composite_type"},
    {ObjectKind::Extension, "extension"},
}};

} // namespace

QString objectKindName(ObjectKind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<ObjectKind> objectKindFromName(const QString &name)
{
    for (const auto &[k, n] : kKindNames) {
        if (name == QLatin1String(n))
            return k;
    }
    return std::nullopt;
}

QString constraintTypeName(Constraint::Type type)
{
    switch (type) {
    case Constraint::Type::PrimaryKey: return QStringLiteral("primary_key");
    case Constraint::Type::ForeignKey: return QStringLiteral("foreign_key");
    case Constraint::Type::Unique: return QStringLiteral("unique");
    case Constraint::Type::Check: return QStringLiteral("check");
    case Constraint::Type::Exclusion: return QStringLiteral("exclusion");
    }
    return {};
}

const Column *Relation::column(const QString &columnName) const
{
    for (const auto &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

const Relation *Snapshot::relation(const QString &schema, const QString &name) const
{
    for (const auto &r : relations) {
        if (r.name == name && r.schema == schema)
            return &r;
    }
    return nullptr;
}

QStringList Snapshot::objectNames() const
{
    QStringList names;
    for (const auto &s : schemas)
        names << s.name;
    for (const auto &r : relations)
        names << r.name;
    for (const auto &s : sequences)
        names << s.name;
    for (const auto &r : routines)
        names << r.name;
    for (const auto &e : enums)
        names << e.name;
    for (const auto &d : domains)
        names << d.name;
    for (const auto &c : composites)
        names << c.name;
    for (const auto &e : extensions)
        names << e.name;
    return names;
}

int Snapshot::objectCount() const
{
    int count = int(schemas.size() + sequences.size() + routines.size() + enums.size() + domains.size()
                    + composites.size() + extensions.size());
    for (const auto &r : relations)
        count += 1 + int(r.columns.size() + r.constraints.size() + r.indexes.size() + r.triggers.size());
    return count;
}

QString ObjectRef::displayName() const
{
    QString text = schema.isEmpty() ? QString() : schema + QLatin1Char('.');
    if (!parent.isEmpty())
        text += parent + QLatin1Char('.');
    return text + name;
}

} // namespace tw::catalog

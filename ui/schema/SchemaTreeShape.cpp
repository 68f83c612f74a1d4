#include "SchemaTreeNode.h"

// The tree's shape: what lies below each node, built on demand, and the
// path to any catalog object. Paths are what the filter and a refresh use
// to name nodes; buildChildren and pathForRef must agree on them.

namespace tw::ui {

using catalog::ObjectKind;
using namespace schematree;

namespace schematree {

QString groupKey(SchemaTreeModel::Group group)
{
    using G = SchemaTreeModel::Group;
    switch (group) {
    case G::Tables: return QStringLiteral("#tables");
    case G::PartitionedTables: return QStringLiteral("#partitioned");
    case G::Views: return QStringLiteral("#views");
    case G::MaterializedViews: return QStringLiteral("#matviews");
    case G::ForeignTables: return QStringLiteral("#foreign");
    case G::Sequences: return QStringLiteral("#sequences");
    case G::Functions: return QStringLiteral("#functions");
    case G::Procedures: return QStringLiteral("#procedures");
    case G::Types: return QStringLiteral("#types");
    case G::Extensions: return QStringLiteral("#extensions");
    case G::Columns: return QStringLiteral("#columns");
    case G::Constraints: return QStringLiteral("#constraints");
    case G::Indexes: return QStringLiteral("#indexes");
    case G::Triggers: return QStringLiteral("#triggers");
    case G::Partitions: return QStringLiteral("#partitions");
    }
    return {};
}

SchemaTreeModel::Group groupOfRelationKind(ObjectKind kind)
{
    using G = SchemaTreeModel::Group;
    switch (kind) {
    case ObjectKind::PartitionedTable: return G::PartitionedTables;
    case ObjectKind::View: return G::Views;
    case ObjectKind::MaterializedView: return G::MaterializedViews;
    case ObjectKind::ForeignTable: return G::ForeignTables;
    default: return G::Tables;
    }
}

bool isRelationKind(ObjectKind kind)
{
    return kind == ObjectKind::Table || kind == ObjectKind::PartitionedTable || kind == ObjectKind::View
        || kind == ObjectKind::MaterializedView || kind == ObjectKind::ForeignTable;
}

QString relationKey(const QString &schema, const QString &name)
{
    return schema + kSep + name;
}

} // namespace schematree

void SchemaTreeModel::indexSnapshot()
{
    m_contents.clear();
    m_relationByName.clear();
    m_partitions.clear();
    m_search = {};
    m_schemaLevel = true;
    if (!m_snapshot)
        return;
    const catalog::Snapshot &s = *m_snapshot;
    m_schemaLevel = !(s.driver == config::Driver::Sqlite && s.schemas.size() <= 1);
    m_search = catalog::SearchIndex(s);
    m_relationByName.reserve(s.relations.size());
    for (int i = 0; i < s.relations.size(); ++i)
        m_relationByName.insert(relationKey(s.relations[i].schema, s.relations[i].name), i);
    for (int i = 0; i < s.relations.size(); ++i) {
        const catalog::Relation &r = s.relations[i];
        const int parent = r.isPartition() ? relationIndex(r.parentSchema, r.parentTable) : -1;
        if (parent >= 0 && parent != i) {
            m_partitions[parent].push_back(i);
            continue;
        }
        SchemaContents &c = m_contents[r.schema];
        switch (r.kind) {
        case ObjectKind::PartitionedTable: c.partitioned.push_back(i); break;
        case ObjectKind::View: c.views.push_back(i); break;
        case ObjectKind::MaterializedView: c.materialized.push_back(i); break;
        case ObjectKind::ForeignTable: c.foreign.push_back(i); break;
        default: c.tables.push_back(i); break;
        }
    }
    for (int i = 0; i < s.sequences.size(); ++i)
        m_contents[s.sequences[i].schema].sequences.push_back(i);
    for (int i = 0; i < s.routines.size(); ++i) {
        SchemaContents &c = m_contents[s.routines[i].schema];
        (s.routines[i].kind == ObjectKind::Procedure ? c.procedures : c.functions).push_back(i);
    }
    // Types of all three kinds share one group, sorted by name like the rest.
    QHash<QString, QList<std::pair<QString, std::pair<ObjectKind, int>>>> types;
    for (int i = 0; i < s.enums.size(); ++i)
        types[s.enums[i].schema].append({s.enums[i].name, {ObjectKind::EnumType, i}});
    for (int i = 0; i < s.domains.size(); ++i)
        types[s.domains[i].schema].append({s.domains[i].name, {ObjectKind::Domain, i}});
    for (int i = 0; i < s.composites.size(); ++i)
        types[s.composites[i].schema].append({s.composites[i].name, {ObjectKind::CompositeType, i}});
    for (auto it = types.begin(); it != types.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &entry : *it)
            m_contents[it.key()].types.push_back(entry.second);
    }
}

void SchemaTreeModel::addChild(Node *parent, std::unique_ptr<Node> child, const QString &parentKey) const
{
    if (!m_filter.isEmpty()) {
        const QString joined = parentKey.isEmpty() ? child->key : parentKey + kSep + child->key;
        child->matched = m_matched.contains(joined);
        if (!parent->wholeSubtree && !m_visible.contains(joined))
            return;
        child->wholeSubtree = parent->wholeSubtree || child->matched;
    } else {
        child->wholeSubtree = true;
    }
    child->parent = parent;
    child->row = int(parent->children.size());
    parent->children.push_back(std::move(child));
}

void SchemaTreeModel::buildChildren(Node *node) const
{
    const catalog::Snapshot &s = *m_snapshot;
    const QString parentKey = m_filter.isEmpty() ? QString() : pathOfNode(node).join(kSep);

    auto makeGroup = [&](Group group, const QString &schema, int relation) {
        auto child = std::make_unique<Node>();
        child->type = NodeType::Group;
        child->group = group;
        child->schema = schema;
        child->relation = relation;
        child->key = groupKey(group);
        addChild(node, std::move(child), parentKey);
    };
    auto makeObject = [&](ObjectKind kind, const QString &schema, int index, const QString &key) {
        auto child = std::make_unique<Node>();
        child->type = NodeType::Object;
        child->kind = kind;
        child->schema = schema;
        child->index = index;
        child->relation = isRelationKind(kind) ? index : -1;
        child->key = key;
        addChild(node, std::move(child), parentKey);
    };
    auto makeRelation = [&](int r) { makeObject(s.relations[r].kind, s.relations[r].schema, r, s.relations[r].name); };
    auto makeMember = [&](ObjectKind kind, int relation, int index, const QString &key) {
        auto child = std::make_unique<Node>();
        child->type = NodeType::Member;
        child->kind = kind;
        child->schema = s.relations[relation].schema;
        child->relation = relation;
        child->index = index;
        child->key = key;
        addChild(node, std::move(child), parentKey);
    };
    auto schemaGroups = [&](const QString &schema) {
        const auto it = m_contents.constFind(schema);
        if (it == m_contents.cend())
            return;
        const SchemaContents &c = *it;
        const std::pair<Group, bool> groups[] = {
            {Group::Tables, !c.tables.empty()}, {Group::PartitionedTables, !c.partitioned.empty()},
            {Group::Views, !c.views.empty()}, {Group::MaterializedViews, !c.materialized.empty()},
            {Group::ForeignTables, !c.foreign.empty()}, {Group::Sequences, !c.sequences.empty()},
            {Group::Functions, !c.functions.empty()}, {Group::Procedures, !c.procedures.empty()},
            {Group::Types, !c.types.empty()},
        };
        for (const auto &[group, present] : groups) {
            if (present)
                makeGroup(group, schema, -1);
        }
    };

    if (node == m_root.get()) {
        if (m_schemaLevel) {
            QSet<QString> listed;
            for (const catalog::Schema &schema : s.schemas) {
                listed.insert(schema.name);
                auto child = std::make_unique<Node>();
                child->type = NodeType::Schema;
                child->kind = ObjectKind::Schema;
                child->schema = schema.name;
                child->key = schema.name;
                addChild(node, std::move(child), parentKey);
            }
            QStringList unlisted; // objects in a schema the loader did not list: still shown
            for (auto it = m_contents.cbegin(); it != m_contents.cend(); ++it) {
                if (!listed.contains(it.key()))
                    unlisted << it.key();
            }
            unlisted.sort();
            for (const QString &name : unlisted) {
                auto child = std::make_unique<Node>();
                child->type = NodeType::Schema;
                child->kind = ObjectKind::Schema;
                child->schema = name;
                child->key = name;
                addChild(node, std::move(child), parentKey);
            }
        } else {
            schemaGroups(s.schemas.isEmpty() ? QStringLiteral("main") : s.schemas.first().name);
        }
        if (!s.extensions.isEmpty())
            makeGroup(Group::Extensions, {}, -1);
        return;
    }

    switch (node->type) {
    case NodeType::Schema:
        schemaGroups(node->schema);
        return;
    case NodeType::Member:
        return;
    case NodeType::Object:
        if (node->relation >= 0) {
            const catalog::Relation &r = s.relations[node->relation];
            if (!r.columns.isEmpty())
                makeGroup(Group::Columns, r.schema, node->relation);
            if (!r.constraints.isEmpty())
                makeGroup(Group::Constraints, r.schema, node->relation);
            if (!r.indexes.isEmpty())
                makeGroup(Group::Indexes, r.schema, node->relation);
            if (!r.triggers.isEmpty())
                makeGroup(Group::Triggers, r.schema, node->relation);
            if (m_partitions.contains(node->relation))
                makeGroup(Group::Partitions, r.schema, node->relation);
        }
        return;
    case NodeType::Group:
        break;
    }

    if (node->relation >= 0) {
        const catalog::Relation &r = s.relations[node->relation];
        switch (node->group) {
        case Group::Columns:
            for (int i = 0; i < r.columns.size(); ++i)
                makeMember(ObjectKind::Column, node->relation, i, r.columns[i].name);
            break;
        case Group::Constraints:
            for (int i = 0; i < r.constraints.size(); ++i)
                makeMember(ObjectKind::Constraint, node->relation, i,
                           r.constraints[i].name.isEmpty() ? r.constraints[i].definition : r.constraints[i].name);
            break;
        case Group::Indexes:
            for (int i = 0; i < r.indexes.size(); ++i)
                makeMember(ObjectKind::Index, node->relation, i, r.indexes[i].name);
            break;
        case Group::Triggers:
            for (int i = 0; i < r.triggers.size(); ++i)
                makeMember(ObjectKind::Trigger, node->relation, i, r.triggers[i].name);
            break;
        case Group::Partitions:
            for (int p : m_partitions.value(node->relation))
                makeRelation(p);
            break;
        default:
            break;
        }
        return;
    }

    if (node->group == Group::Extensions) {
        for (int i = 0; i < s.extensions.size(); ++i)
            makeObject(ObjectKind::Extension, s.extensions[i].schema, i, s.extensions[i].name);
        return;
    }
    const SchemaContents &c = m_contents[node->schema];
    switch (node->group) {
    case Group::Tables: for (int r : c.tables) makeRelation(r); break;
    case Group::PartitionedTables: for (int r : c.partitioned) makeRelation(r); break;
    case Group::Views: for (int r : c.views) makeRelation(r); break;
    case Group::MaterializedViews: for (int r : c.materialized) makeRelation(r); break;
    case Group::ForeignTables: for (int r : c.foreign) makeRelation(r); break;
    case Group::Sequences:
        for (int i : c.sequences)
            makeObject(ObjectKind::Sequence, node->schema, i, s.sequences[i].name);
        break;
    case Group::Functions:
    case Group::Procedures:
        for (int i : node->group == Group::Functions ? c.functions : c.procedures)
            makeObject(s.routines[i].kind, node->schema, i, s.routines[i].signature());
        break;
    case Group::Types:
        for (const auto &[kind, i] : c.types) {
            const QString name = kind == ObjectKind::EnumType ? s.enums[i].name
                                 : kind == ObjectKind::Domain ? s.domains[i].name
                                                              : s.composites[i].name;
            makeObject(kind, node->schema, i, name);
        }
        break;
    default:
        break;
    }
}

bool SchemaTreeModel::mayHaveChildren(const Node *node) const
{
    if (node->built)
        return !node->children.empty();
    if (!m_snapshot)
        return false;
    switch (node->type) {
    case NodeType::Member:
        return false;
    case NodeType::Object:
        if (node->relation >= 0) {
            const catalog::Relation &r = m_snapshot->relations[node->relation];
            return !r.columns.isEmpty() || !r.constraints.isEmpty() || !r.indexes.isEmpty()
                || !r.triggers.isEmpty() || m_partitions.contains(node->relation);
        }
        return false;
    case NodeType::Schema:
    case NodeType::Group:
        // Groups are only made non-empty (or, filtered, with a visible child).
        return node != m_root.get() || !m_snapshot->schemas.isEmpty() || !m_contents.isEmpty();
    }
    return false;
}

int SchemaTreeModel::relationIndex(const QString &schema, const QString &name) const
{
    return m_relationByName.value(relationKey(schema, name), -1);
}

QStringList SchemaTreeModel::relationPath(int relation) const
{
    const catalog::Snapshot &s = *m_snapshot;
    QStringList chain;
    int current = relation;
    for (int depth = 0; depth < 64; ++depth) {
        const catalog::Relation &r = s.relations[current];
        chain.prepend(r.name);
        const int parent = r.isPartition() ? relationIndex(r.parentSchema, r.parentTable) : -1;
        if (parent < 0 || parent == current)
            break;
        chain.prepend(groupKey(Group::Partitions));
        current = parent;
    }
    const catalog::Relation &top = s.relations[current];
    chain.prepend(groupKey(groupOfRelationKind(top.kind)));
    if (m_schemaLevel)
        chain.prepend(top.schema);
    return chain;
}

QStringList SchemaTreeModel::pathForRef(const catalog::ObjectRef &ref) const
{
    if (!m_snapshot)
        return {};
    auto inSchema = [this](const QString &schema, Group group, const QString &name) -> QStringList {
        if (m_schemaLevel)
            return {schema, groupKey(group), name};
        return {groupKey(group), name};
    };
    switch (ref.kind) {
    case ObjectKind::Schema:
        return m_schemaLevel ? QStringList{ref.name} : QStringList{};
    case ObjectKind::Table:
    case ObjectKind::PartitionedTable:
    case ObjectKind::View:
    case ObjectKind::MaterializedView:
    case ObjectKind::ForeignTable: {
        const int r = relationIndex(ref.schema, ref.name);
        return r < 0 ? QStringList{} : relationPath(r);
    }
    case ObjectKind::Column:
    case ObjectKind::Constraint:
    case ObjectKind::Index:
    case ObjectKind::Trigger: {
        const int r = relationIndex(ref.schema, ref.parent);
        if (r < 0)
            return {};
        const Group group = ref.kind == ObjectKind::Column ? Group::Columns
                            : ref.kind == ObjectKind::Constraint ? Group::Constraints
                            : ref.kind == ObjectKind::Index ? Group::Indexes
                                                            : Group::Triggers;
        return relationPath(r) << groupKey(group) << ref.name;
    }
    case ObjectKind::Sequence: return inSchema(ref.schema, Group::Sequences, ref.name);
    case ObjectKind::Function: return inSchema(ref.schema, Group::Functions, ref.name);
    case ObjectKind::Procedure: return inSchema(ref.schema, Group::Procedures, ref.name);
    case ObjectKind::EnumType:
    case ObjectKind::Domain:
    case ObjectKind::CompositeType: return inSchema(ref.schema, Group::Types, ref.name);
    case ObjectKind::Extension: return {groupKey(Group::Extensions), ref.name};
    }
    return {};
}

} // namespace tw::ui

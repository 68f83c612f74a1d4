#include "SchemaTreeModel.h"

#include "SchemaIcons.h"
#include "SchemaText.h"
#include "SchemaTreeNode.h"

#include <QFont>

namespace tw::ui {

using catalog::ObjectKind;
using namespace schematree;

SchemaTreeModel::SchemaTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    resetRoot();
}

SchemaTreeModel::~SchemaTreeModel() = default;

void SchemaTreeModel::setSnapshot(std::shared_ptr<const catalog::Snapshot> snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    indexSnapshot();
    const QString filter = m_filter;
    m_filter.clear();
    m_visible.clear();
    m_matched.clear();
    m_expand.clear();
    m_matchCount = 0;
    resetRoot();
    endResetModel();
    if (!filter.isEmpty())
        setFilterText(filter);
}

void SchemaTreeModel::resetRoot()
{
    m_root = std::make_unique<Node>();
    m_root->type = NodeType::Group;
    m_root->wholeSubtree = m_filter.isEmpty();
}

void SchemaTreeModel::setFilterText(const QString &text)
{
    const QString wanted = text.trimmed();
    if (wanted == m_filter)
        return;
    beginResetModel();
    m_filter = wanted;
    m_visible.clear();
    m_matched.clear();
    m_expand.clear();
    m_matchCount = 0;
    if (!wanted.isEmpty()) {
        const QList<catalog::SearchHit> hits = m_search.search(wanted);
        for (const catalog::SearchHit &hit : hits) {
            const QStringList path = pathForRef(hit.ref);
            if (path.isEmpty())
                continue;
            ++m_matchCount;
            QString joined;
            for (int i = 0; i < path.size(); ++i) {
                if (i > 0)
                    joined += kSep;
                joined += path[i];
                bool isNew = false;
                if (!m_visible.contains(joined)) {
                    m_visible.insert(joined);
                    isNew = true;
                }
                if (i + 1 < path.size() && (isNew || m_matched.contains(joined))
                    && !m_expandSeen.contains(joined)) {
                    m_expandSeen.insert(joined);
                    m_expand.append(path.mid(0, i + 1));
                }
            }
            m_matched.insert(joined);
        }
    }
    m_expandSeen.clear();
    resetRoot();
    endResetModel();
}

QList<QStringList> SchemaTreeModel::matchAncestorPaths(int limit) const
{
    if (limit < 0 || limit >= m_expand.size())
        return m_expand;
    return m_expand.mid(0, limit);
}

SchemaTreeModel::Node *SchemaTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

void SchemaTreeModel::ensureChildren(Node *node) const
{
    if (!node->built) {
        node->built = true;
        if (m_snapshot)
            buildChildren(node);
    }
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    Node *node = nodeOf(parent);
    ensureChildren(node);
    if (row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeOf(child);
    Node *parent = node->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, parent);
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    Node *node = nodeOf(parent);
    ensureChildren(node);
    return int(node->children.size());
}

int SchemaTreeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() && parent.column() != 0 ? 0 : ColumnCount;
}

bool SchemaTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    return mayHaveChildren(nodeOf(parent));
}

Qt::ItemFlags SchemaTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!mayHaveChildren(nodeOf(index)))
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Details");
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_snapshot)
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? nameOf(node) : detailOf(node);
    case Qt::ToolTipRole: {
        const auto ref = refOfNode(node);
        if (!ref)
            return nameOf(node);
        const QString comment = SchemaText::comment(*m_snapshot, *ref);
        return SchemaText::kindLabel(ref->kind) + QLatin1Char(' ') + ref->displayName()
            + (comment.isEmpty() ? QString() : QLatin1Char('\n') + comment);
    }
    case Qt::DecorationRole:
        return index.column() == NameColumn ? iconOf(node) : QVariant();
    case Qt::FontRole:
        if (node->matched && index.column() == NameColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case RefRole: {
        const auto ref = refOfNode(node);
        return ref ? QVariant::fromValue(*ref) : QVariant();
    }
    case NodeTypeRole:
        return int(node->type);
    case KindRole:
        return node->type == NodeType::Group ? QVariant() : QVariant(int(node->kind));
    case PathRole:
        return pathOf(index);
    case MatchRole:
        return node->matched;
    default:
        return {};
    }
}

QString SchemaTreeModel::groupLabel(Group group)
{
    switch (group) {
    case Group::Tables: return tr("Tables");
    case Group::PartitionedTables: return tr("Partitioned tables");
    case Group::Views: return tr("Views");
    case Group::MaterializedViews: return tr("Materialized views");
    case Group::ForeignTables: return tr("Foreign tables");
    case Group::Sequences: return tr("Sequences");
    case Group::Functions: return tr("Functions");
    case Group::Procedures: return tr("Procedures");
    case Group::Types: return tr("Types");
    case Group::Extensions: return tr("Extensions");
    case Group::Columns: return tr("Columns");
    case Group::Constraints: return tr("Keys and constraints");
    case Group::Indexes: return tr("Indexes");
    case Group::Triggers: return tr("Triggers");
    case Group::Partitions: return tr("Partitions");
    }
    return {};
}

QString SchemaTreeModel::nameOf(const Node *node) const
{
    const catalog::Snapshot &s = *m_snapshot;
    switch (node->type) {
    case NodeType::Group: return groupLabel(node->group);
    case NodeType::Schema: return node->schema;
    case NodeType::Member:
        if (node->kind == ObjectKind::Constraint)
            return SchemaText::constraintLabel(s.relations[node->relation].constraints[node->index]);
        return node->key;
    case NodeType::Object: return node->key;
    }
    return {};
}

QString SchemaTreeModel::detailOf(const Node *node) const
{
    const catalog::Snapshot &s = *m_snapshot;
    switch (node->type) {
    case NodeType::Group:
        ensureChildren(const_cast<Node *>(node));
        return QString::number(node->children.size());
    case NodeType::Schema: return {};
    case NodeType::Member: {
        const catalog::Relation &r = s.relations[node->relation];
        switch (node->kind) {
        case ObjectKind::Column: return SchemaText::detail(r.columns[node->index]);
        case ObjectKind::Constraint: return SchemaText::detail(r.constraints[node->index]);
        case ObjectKind::Index: return SchemaText::detail(r.indexes[node->index]);
        case ObjectKind::Trigger: return SchemaText::detail(r.triggers[node->index]);
        default: return {};
        }
    }
    case NodeType::Object:
        if (node->relation >= 0)
            return SchemaText::detail(s.relations[node->relation]);
        switch (node->kind) {
        case ObjectKind::Sequence: return SchemaText::detail(s.sequences[node->index]);
        case ObjectKind::Function:
        case ObjectKind::Procedure: return SchemaText::detail(s.routines[node->index]);
        case ObjectKind::EnumType: return SchemaText::detail(s.enums[node->index]);
        case ObjectKind::Domain: return SchemaText::detail(s.domains[node->index]);
        case ObjectKind::CompositeType: return SchemaText::detail(s.composites[node->index]);
        case ObjectKind::Extension: return SchemaText::detail(s.extensions[node->index]);
        default: return {};
        }
    }
    return {};
}

QVariant SchemaTreeModel::iconOf(const Node *node) const
{
    if (node->type == NodeType::Group)
        return SchemaIcons::group();
    if (node->type == NodeType::Member && node->kind == ObjectKind::Constraint) {
        const auto type = m_snapshot->relations[node->relation].constraints[node->index].type;
        return type == catalog::Constraint::Type::PrimaryKey || type == catalog::Constraint::Type::ForeignKey
                   ? SchemaIcons::key()
                   : SchemaIcons::forKind(ObjectKind::Constraint);
    }
    return SchemaIcons::forKind(node->kind);
}

std::optional<catalog::ObjectRef> SchemaTreeModel::refOfNode(const Node *node) const
{
    switch (node->type) {
    case NodeType::Group: return std::nullopt;
    case NodeType::Schema: return catalog::ObjectRef{ObjectKind::Schema, {}, node->schema, {}};
    case NodeType::Object: return catalog::ObjectRef{node->kind, node->schema, node->key, {}};
    case NodeType::Member:
        return catalog::ObjectRef{node->kind, node->schema, node->key, m_snapshot->relations[node->relation].name};
    }
    return std::nullopt;
}

std::optional<catalog::ObjectRef> SchemaTreeModel::refOf(const QModelIndex &index) const
{
    if (!index.isValid() || !m_snapshot)
        return std::nullopt;
    return refOfNode(nodeOf(index));
}

QStringList SchemaTreeModel::pathOf(const QModelIndex &index) const
{
    return pathOfNode(nodeOf(index));
}

QStringList SchemaTreeModel::pathOfNode(const Node *node) const
{
    QStringList path;
    for (; node && node != m_root.get(); node = node->parent)
        path.prepend(node->key);
    return path;
}

QModelIndex SchemaTreeModel::indexOf(const QStringList &path) const
{
    if (path.isEmpty())
        return {};
    Node *node = m_root.get();
    for (const QString &key : path) {
        ensureChildren(node);
        Node *next = nullptr;
        for (const auto &child : node->children) {
            if (child->key == key) {
                next = child.get();
                break;
            }
        }
        if (!next)
            return {};
        node = next;
    }
    return createIndex(node->row, 0, node);
}

QModelIndexList SchemaTreeModel::materialisedIndexes() const
{
    QModelIndexList result;
    std::vector<const Node *> stack{m_root.get()};
    while (!stack.empty()) {
        const Node *node = stack.back();
        stack.pop_back();
        if (node != m_root.get())
            result << createIndex(node->row, 0, const_cast<Node *>(node));
        if (!node->built)
            continue;
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
            stack.push_back(it->get());
    }
    return result;
}

} // namespace tw::ui

#pragma once

#include "catalog/SearchIndex.h"
#include "catalog/Snapshot.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <memory>
#include <optional>
#include <vector>

namespace tw::ui {

// The schema tree over one catalog snapshot: schemas → kind groups → objects
// → (relations) groups of columns, keys, indexes, triggers, partitions.
// Nodes are made when a view first asks for a node's children, so 5,000
// tables cost 5,000 nodes until someone expands them. The filter lives in
// the model rather than in a QSortFilterProxyModel: a recursive proxy walks
// (and so builds) every node on each keystroke, while here the SearchIndex
// finds the hits and only their ancestors are materialised.
// Nodes are named by paths of keys (names, plus "#group" keys), never by
// pointers, so expansion and selection survive a refresh.
class SchemaTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Roles {
        RefRole = Qt::UserRole + 1, // catalog::ObjectRef; absent on group nodes
        NodeTypeRole,               // NodeType
        KindRole,                   // catalog::ObjectKind (int); absent on group nodes
        PathRole,                   // QStringList, see pathOf()
        MatchRole,                  // bool: the node's name matches the filter
    };
    enum class NodeType { Schema, Group, Object, Member };
    enum class Group {
        Tables, PartitionedTables, Views, MaterializedViews, ForeignTables, Sequences,
        Functions, Procedures, Types, Extensions, Columns, Constraints, Indexes, Triggers, Partitions,
    };
    enum Column { NameColumn, DetailColumn, ColumnCount };

    explicit SchemaTreeModel(QObject *parent = nullptr);
    ~SchemaTreeModel() override;

    void setSnapshot(std::shared_ptr<const catalog::Snapshot> snapshot);
    std::shared_ptr<const catalog::Snapshot> snapshot() const { return m_snapshot; }
    // SQLite has one schema ("main"): its groups sit at the top.
    bool showsSchemaLevel() const { return m_schemaLevel; }

    // Shows only nodes whose name contains `text` (case-insensitive) and
    // their ancestors; below a matching node everything stays reachable.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }
    int matchCount() const { return m_matchCount; }
    // Paths of the ancestors of the matches, parents first: what a view expands.
    QList<QStringList> matchAncestorPaths(int limit = -1) const;

    QStringList pathOf(const QModelIndex &index) const;
    QModelIndex indexOf(const QStringList &path) const;
    QStringList pathForRef(const catalog::ObjectRef &ref) const;
    QModelIndex indexOfRef(const catalog::ObjectRef &ref) const { return indexOf(pathForRef(ref)); }
    std::optional<catalog::ObjectRef> refOf(const QModelIndex &index) const;
    // Every node made so far (column 0), parents first: for saving expansion.
    QModelIndexList materialisedIndexes() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    static QString groupLabel(Group group);

private:
    struct Node;
    struct SchemaContents
    {
        std::vector<int> tables, partitioned, views, materialized, foreign;
        std::vector<int> sequences, functions, procedures;
        std::vector<std::pair<catalog::ObjectKind, int>> types;
    };

    Node *nodeOf(const QModelIndex &index) const;
    QStringList pathOfNode(const Node *node) const;
    void ensureChildren(Node *node) const;
    void buildChildren(Node *node) const;
    bool mayHaveChildren(const Node *node) const;
    void addChild(Node *parent, std::unique_ptr<Node> child, const QString &parentKey) const;
    QString nameOf(const Node *node) const;
    QString detailOf(const Node *node) const;
    QVariant iconOf(const Node *node) const;
    std::optional<catalog::ObjectRef> refOfNode(const Node *node) const;
    QStringList relationPath(int relation) const;
    int relationIndex(const QString &schema, const QString &name) const;
    void indexSnapshot();
    void resetRoot();

    std::shared_ptr<const catalog::Snapshot> m_snapshot;
    catalog::SearchIndex m_search;
    bool m_schemaLevel = true;
    std::unique_ptr<Node> m_root;

    QHash<QString, SchemaContents> m_contents;      // by schema name
    QHash<QString, int> m_relationByName;           // "schema\x1fname" → index
    QHash<int, std::vector<int>> m_partitions;      // parent relation → partitions

    QString m_filter;
    int m_matchCount = 0;
    QSet<QString> m_visible;   // joined paths of matches and their ancestors
    QSet<QString> m_matched;   // joined paths of matches
    QList<QStringList> m_expand;
    QSet<QString> m_expandSeen;
};

} // namespace tw::ui

#pragma once

// Internal to the schema tree model: the node type and the path keys,
// shared by SchemaTreeModel.cpp (the Qt model) and SchemaTreeShape.cpp
// (which nodes exist, where, and the path of any catalog object).
#include "SchemaTreeModel.h"

namespace tw::ui::schematree {

// Joins path keys; cannot appear in a name typed by a person.
inline const QChar kSep(0x1f);

QString groupKey(SchemaTreeModel::Group group);
SchemaTreeModel::Group groupOfRelationKind(catalog::ObjectKind kind);
bool isRelationKind(catalog::ObjectKind kind);
QString relationKey(const QString &schema, const QString &name);

} // namespace tw::ui::schematree

namespace tw::ui {

struct SchemaTreeModel::Node
{
    Node *parent = nullptr;
    int row = 0;
    NodeType type = NodeType::Group;
    Group group = Group::Tables;
    catalog::ObjectKind kind = catalog::ObjectKind::Schema;
    QString schema;
    int index = -1;      // objects: in their snapshot list; members: in the relation's list
    int relation = -1;   // relations, their groups and members
    QString key;
    bool built = false;
    bool matched = false;
    bool wholeSubtree = false; // under a filter: a matched ancestor, so everything below shows
    std::vector<std::unique_ptr<Node>> children;
};

} // namespace tw::ui

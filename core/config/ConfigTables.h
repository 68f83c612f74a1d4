#pragma once

// The `tables:` block under a connection (issue 9): read with the same
// checks as the rest of the file, and written back whole so a GUI save
// keeps it. The format is documented in ConfigLoader.h. Internal to
// core/config.

#include "ConnectionProfile.h"

#include <QList>
#include <QString>

#include <yaml-cpp/yaml.h>

namespace tw::config::yamlcheck {

// Throws Invalid naming the field ("connections[0].tables[1].columns[2].type")
// on a bad declaration: a table without name or columns, a column without
// name or type, a key/index/foreign key naming an undeclared column, a
// duplicated table or column.
QList<DeclaredTable> declaredTables(const YAML::Node &node, const QString &at, Driver driver);

// "customers(id)", "sales.customers(id, region)" → table and columns;
// false when the text has another shape.
bool parseReference(const QString &text, QString *table, QStringList *columns);

} // namespace tw::config::yamlcheck

namespace tw::config {

// Writes `tables:` (nothing when the list is empty) into the connection's map.
void writeDeclaredTables(YAML::Emitter &out, const QList<DeclaredTable> &tables);

} // namespace tw::config

#pragma once

#include "db/Session.h"
#include "error/Error.h"

#include <QList>
#include <QString>

namespace tw::catalog {

struct TableRef
{
    QString schema;   // empty for SQLite
    QString name;
    enum class Kind { Table, View, MaterializedView, ForeignTable } kind = Kind::Table;

    QString displayName() const { return schema.isEmpty() || schema == QLatin1String("public") ? name : schema + QLatin1Char('.') + name; }
    bool operator==(const TableRef &) const = default;
};

QString kindName(TableRef::Kind kind);

// User tables and views, system schemas excluded, sorted by schema and name.
// One catalog query per engine. Runs inside a pool job.
Result<QList<TableRef>> listTables(db::Session &session);

} // namespace tw::catalog

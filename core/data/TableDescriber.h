#pragma once

#include "TableShape.h"
#include "db/Session.h"
#include "error/Error.h"

namespace tw::data {

// Inside a pool job: a handful of catalog statements, whatever the size of
// the database. TABLE_NOT_FOUND (details: table, suggestions) when absent.
Result<TableShape> describeTable(db::Session &session, const catalog::QualifiedName &table);

} // namespace tw::data

#pragma once

#include "RowChanges.h"
#include "TableShape.h"
#include "db/Session.h"
#include "error/Error.h"

namespace tw::data {

// The in-job half of commitChanges(): one write transaction on `session`.
Result<CommitOutcome> applyChanges(db::Session &session, const TableShape &shape, const ChangeSet &changes);

} // namespace tw::data

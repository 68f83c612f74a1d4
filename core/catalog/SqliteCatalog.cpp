#include "SqliteCatalog.h"

namespace tw::catalog {

Result<Snapshot> readSqliteSnapshot(db::Session &)
{
    return Error(ErrorCode::Internal, QStringLiteral("SQLite catalog: not written yet"));
}

} // namespace tw::catalog

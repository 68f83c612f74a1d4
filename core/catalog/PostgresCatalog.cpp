#include "PostgresCatalog.h"

namespace tw::catalog {

Result<Snapshot> readPostgresSnapshot(db::Session &)
{
    return Error(ErrorCode::Internal, QStringLiteral("PostgreSQL catalog: not written yet"));
}

} // namespace tw::catalog

#include "Ddl.h"

namespace tw::catalog {

Result<QString> objectDdl(const Snapshot &, const ObjectRef &ref)
{
    return Error(ErrorCode::NotFound, QStringLiteral("DDL not written yet: %1").arg(ref.displayName()));
}

Result<QString> schemaDdl(const Snapshot &, const QString &schema)
{
    return Error(ErrorCode::NotFound, QStringLiteral("DDL not written yet: %1").arg(schema));
}

QString databaseDdl(const Snapshot &)
{
    return {};
}

} // namespace tw::catalog

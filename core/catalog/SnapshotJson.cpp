#include "SnapshotJson.h"

namespace tw::catalog {

QJsonObject relationToJson(const Relation &, JsonStats)
{
    return {};
}

QJsonObject snapshotToJson(const Snapshot &, JsonStats)
{
    return {};
}

} // namespace tw::catalog

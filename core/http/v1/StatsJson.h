#pragma once

#include "db/PoolStats.h"
#include "monitor/ServerStats.h"

#include <QJsonObject>

namespace tw::http::v1 {

// The JSON of GET /api/v1/connections/{c}/stats (README "/api/v1
// resources"). Keys are camelCase like the schema JSON; a number that is
// not known is null, never -1.
QJsonObject poolStatsToJson(const db::PoolStats &stats);
QJsonObject serverStatsToJson(const monitor::ServerStats &stats);

} // namespace tw::http::v1

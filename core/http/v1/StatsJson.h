#pragma once

#include "db/AsyncPgReader.h"
#include "db/PoolStats.h"
#include "monitor/ServerStats.h"

#include <QJsonObject>

namespace tw::http::v1 {

// The JSON of GET /api/v1/connections/{c}/stats (README "/api/v1
// resources"). Keys are camelCase like the schema JSON; a number that is
// not known is null, never -1.
QJsonObject poolStatsToJson(const db::PoolStats &stats);
QJsonObject serverStatsToJson(const monitor::ServerStats &stats);
// The API server's own read connections (PostgreSQL, README "Where reads run").
QJsonObject apiReadStatsToJson(const db::AsyncPgReader::Stats &stats);

} // namespace tw::http::v1

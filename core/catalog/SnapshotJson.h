#pragma once

#include "Snapshot.h"

#include <QJsonObject>

namespace tw::catalog {

// The documented, stable JSON shape of a snapshot (README "Schema JSON"),
// shared by `tablewright schema --json` and the HTTP API.
enum class JsonStats { Include, Omit };   // Omit drops sizes, row estimates, timings: for comparing snapshots

QJsonObject snapshotToJson(const Snapshot &snapshot, JsonStats stats = JsonStats::Include);
QJsonObject relationToJson(const Relation &relation, JsonStats stats = JsonStats::Include);

} // namespace tw::catalog

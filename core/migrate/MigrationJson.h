#pragma once

#include "MigrationRunner.h"

#include <QJsonObject>

// One JSON shape for a migration report: `migrate … --json` prints it and
// GET/POST /api/v1/connections/{c}/migrations answer with it.
namespace tw::migrate {

QJsonObject statusEntryToJson(const MigrationStatusEntry &entry);
QJsonObject planToJson(const MigrationPlan &plan);
QJsonObject reportToJson(const MigrationReport &report);

} // namespace tw::migrate

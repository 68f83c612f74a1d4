#pragma once

#include "MigrationRunner.h"

// The runner's commands that change only the history: baseline and repair.
// Both run under the migration lock, inside the runner's pool job.
namespace tw::migrate {

// The request's installedBy, else the OS user running Tablewright.
QString installerName(const MigrationRequest &request);

// A baseline row at request.plan.target: versions up to it count as applied
// and are never run here. Refused once any migration is applied.
Status recordBaseline(db::Session &session, const QString &schema, const MigrationRequest &request, const QList<HistoryRow> &history);

// Re-aligns the checksums of changed applied files, removes the rows of
// failed (rolled back) attempts, leaves partial ones (up resumes them) and
// records itself as a repair row; in one transaction. Returns what it did.
Result<QStringList> repairHistory(db::Session &session, const QString &schema, const MigrationRequest &request, const MigrationDirectory &files,
                                  const QList<HistoryRow> &history);

} // namespace tw::migrate

#include "MigrationMaintenance.h"

#include "MigrationHistory.h"
#include "db/Session.h"
#include "db/Transaction.h"

#include <pwd.h>
#include <unistd.h>

namespace tw::migrate {

QString installerName(const MigrationRequest &request)
{
    if (!request.installedBy.isEmpty())
        return request.installedBy;
    if (const passwd *pw = ::getpwuid(::getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER", QStringLiteral("unknown"));
}

Status recordBaseline(db::Session &session, const QString &schema, const MigrationRequest &request, const QList<HistoryRow> &history)
{
    if (!request.plan.target)
        return Error(ErrorCode::ValidationFailed, QStringLiteral("baseline needs a version (--target V)"));
    for (const HistoryRow &row : history) {
        if (row.status == HistoryRow::Status::Applied
            && (row.type == HistoryRow::Type::Versioned || row.type == HistoryRow::Type::Baseline))
            return Error(ErrorCode::ValidationFailed,
                         QStringLiteral("the database already has migrations applied (%1): a baseline is only for a "
                                        "database that predates them")
                             .arg(row.script));
    }
    HistoryRow row;
    row.version = request.plan.target;
    row.description = request.baselineDescription.isEmpty() ? QStringLiteral("<< baseline >>") : request.baselineDescription;
    row.type = HistoryRow::Type::Baseline;
    row.script = row.description;
    row.installedBy = installerName(request);
    auto written = insertHistoryRow(session, schema, row);
    if (!written)
        return written.error();
    return {};
}

Result<QStringList> repairHistory(db::Session &session, const QString &schema, const MigrationRequest &request, const MigrationDirectory &files,
                           const QList<HistoryRow> &history)
{
    return db::inTransaction(session, [&](db::Session &s) -> Result<QStringList> {
        QStringList changes;
        for (const MigrationStatusEntry &entry : migrationStatus(files, history)) {
            if (entry.state != MigrationState::ChecksumChanged)
                continue;
            for (const MigrationScript &script : files.versioned) {
                if (script.fileName != entry.fileName)
                    continue;
                HistoryRow row = *entry.last;
                changes << QStringLiteral("%1: checksum %2 → %3").arg(script.fileName, row.checksum, script.checksum);
                row.checksum = script.checksum;
                row.sql = script.sql;
                if (Status updated = updateHistoryRow(s, schema, row); !updated.ok())
                    return updated.error();
            }
        }
        auto removed = deleteFailedRows(s, schema);
        if (!removed)
            return removed.error();
        if (removed.value() > 0)
            changes << QStringLiteral("removed %1 failed (rolled back) attempt(s)").arg(removed.value());
        for (const HistoryRow &row : history)
            if (row.status == HistoryRow::Status::Partial && row.type == HistoryRow::Type::Versioned)
                changes << QStringLiteral("left %1 partial (%2 of %3 statements ran): finish it with up")
                               .arg(row.script)
                               .arg(row.statementsApplied)
                               .arg(row.statementsTotal);
        HistoryRow row;
        row.description = changes.isEmpty() ? QStringLiteral("nothing to repair") : changes.join(QStringLiteral("; "));
        row.type = HistoryRow::Type::Repair;
        row.script = QStringLiteral("<< repair >>");
        row.installedBy = installerName(request);
        if (auto written = insertHistoryRow(s, schema, row); !written)
            return written.error();
        return changes;
    });
}

} // namespace tw::migrate

#include "MigrationStatus.h"

#include <QHash>

#include <algorithm>

namespace tw::migrate {

QString stateName(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied: return QStringLiteral("applied");
    case MigrationState::Pending: return QStringLiteral("pending");
    case MigrationState::Failed: return QStringLiteral("failed");
    case MigrationState::Partial: return QStringLiteral("partial");
    case MigrationState::ChecksumChanged: return QStringLiteral("checksum-changed");
    case MigrationState::MissingFile: return QStringLiteral("missing-file");
    case MigrationState::OutOfOrder: return QStringLiteral("out-of-order");
    case MigrationState::BelowBaseline: return QStringLiteral("below-baseline");
    }
    return {};
}

QList<MigrationStatusEntry> migrationStatus(const MigrationDirectory &files, const QList<HistoryRow> &history)
{
    QList<HistoryRow> rows = history;
    std::sort(rows.begin(), rows.end(), [](const HistoryRow &a, const HistoryRow &b) { return a.rank < b.rank; });

    // The latest row per version decides (an applied undo makes it pending
    // again); repeatables by description; the newest baseline bounds.
    QHash<QString, HistoryRow> byVersion;
    QHash<QString, HistoryRow> byRepeatable;
    std::optional<MigrationVersion> baseline;
    for (const HistoryRow &row : std::as_const(rows)) {
        switch (row.type) {
        case HistoryRow::Type::Undo:
            // An undo that failed (rolled back) leaves the version applied;
            // one that stopped part-way leaves it partial.
            if (row.status == HistoryRow::Status::FailedRolledBack)
                break;
            [[fallthrough]];
        case HistoryRow::Type::Versioned:
            if (row.version)
                byVersion.insert(row.version->normalized(), row);
            break;
        case HistoryRow::Type::Repeatable:
            byRepeatable.insert(row.description.toLower(), row);
            break;
        case HistoryRow::Type::Baseline:
            baseline = row.version;
            break;
        case HistoryRow::Type::Repair:
            break;
        }
    }
    const auto isApplied = [](const HistoryRow &row) {
        return row.type == HistoryRow::Type::Versioned && row.status == HistoryRow::Status::Applied;
    };
    std::optional<MigrationVersion> highestApplied = baseline;
    for (const HistoryRow &row : std::as_const(byVersion)) {
        if ((isApplied(row) || row.status == HistoryRow::Status::Partial) && (!highestApplied || *row.version > *highestApplied))
            highestApplied = row.version;
    }
    QHash<QString, bool> undoFor;
    for (const MigrationScript &undo : files.undo)
        undoFor.insert(undo.version->normalized(), true);

    QList<MigrationStatusEntry> out;
    QHash<QString, bool> seen;
    for (const MigrationScript &file : files.versioned) {
        const QString key = file.version->normalized();
        seen.insert(key, true);
        MigrationStatusEntry entry{MigrationKind::Versioned, file.version, file.description, file.fileName,
                                   MigrationState::Pending, std::nullopt, undoFor.contains(key)};
        if (byVersion.contains(key))
            entry.last = byVersion.value(key);
        if (entry.last && isApplied(*entry.last)) {
            entry.state = entry.last->checksum == file.checksum ? MigrationState::Applied : MigrationState::ChecksumChanged;
        } else if (entry.last && entry.last->status == HistoryRow::Status::Partial) {
            entry.state = MigrationState::Partial;
        } else if (baseline && *file.version <= *baseline) {
            entry.state = MigrationState::BelowBaseline;
        } else if (entry.last && entry.last->type == HistoryRow::Type::Versioned
                   && entry.last->status == HistoryRow::Status::FailedRolledBack) {
            entry.state = MigrationState::Failed;
        } else if (highestApplied && *file.version < *highestApplied) {
            entry.state = MigrationState::OutOfOrder;
        }
        out << entry;
    }
    for (const HistoryRow &row : std::as_const(byVersion)) {
        if (seen.contains(row.version->normalized()) || !(isApplied(row) || row.status == HistoryRow::Status::Partial))
            continue;
        out << MigrationStatusEntry{MigrationKind::Versioned, row.version, row.description, {}, MigrationState::MissingFile,
                                    row, undoFor.contains(row.version->normalized())};
    }
    std::stable_sort(out.begin(), out.end(), [](const MigrationStatusEntry &a, const MigrationStatusEntry &b) {
        return *a.version < *b.version;
    });
    for (const MigrationScript &file : files.repeatable) {
        MigrationStatusEntry entry{MigrationKind::Repeatable, std::nullopt, file.description, file.fileName,
                                   MigrationState::Pending, std::nullopt, false};
        const QString key = file.description.toLower();
        if (byRepeatable.contains(key)) {
            entry.last = byRepeatable.value(key);
            // Re-applied when its text changes: "pending" until then applied.
            if (entry.last->status == HistoryRow::Status::Applied && entry.last->checksum == file.checksum)
                entry.state = MigrationState::Applied;
            else if (entry.last->status == HistoryRow::Status::FailedRolledBack)
                entry.state = MigrationState::Failed;
        }
        out << entry;
    }
    return out;
}

} // namespace tw::migrate

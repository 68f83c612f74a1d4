#include "MigrationStatus.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <vector>

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

QList<MigrationStatusEntry> migrationStatus(const MigrationDirectory &files, QList<HistoryRow> history)
{
    // Each row is the `last` of one entry at most: moved there, not copied
    // (a caller that hands its list over, as `status` does, copies nothing).
    std::vector<HistoryRow *> rows;
    rows.reserve(size_t(history.size()));
    for (HistoryRow &row : history)
        rows.push_back(&row);
    std::stable_sort(rows.begin(), rows.end(), [](const HistoryRow *a, const HistoryRow *b) { return a->rank < b->rank; });

    // The latest row per version decides (an applied undo makes it pending
    // again); repeatables by description; the newest baseline bounds. A row
    // taken by a file is marked: the rest are the missing files.
    struct Slot
    {
        HistoryRow *row = nullptr;
        bool taken = false;
    };
    QHash<QString, Slot> byVersion;
    QHash<QString, const HistoryRow *> byRepeatable;
    byVersion.reserve(history.size());
    std::optional<MigrationVersion> baseline;
    for (HistoryRow *row : rows) {
        switch (row->type) {
        case HistoryRow::Type::Undo:
            // An undo that failed (rolled back) leaves the version applied;
            // one that stopped part-way leaves it partial.
            if (row->status == HistoryRow::Status::FailedRolledBack)
                break;
            [[fallthrough]];
        case HistoryRow::Type::Versioned:
            if (row->version)
                byVersion.insert(row->version->normalized(), Slot{row, false});
            break;
        case HistoryRow::Type::Repeatable:
            byRepeatable.insert(row->description.toLower(), row);
            break;
        case HistoryRow::Type::Baseline:
            baseline = row->version;
            break;
        case HistoryRow::Type::Repair:
            break;
        }
    }
    const auto isApplied = [](const HistoryRow &row) {
        return row.type == HistoryRow::Type::Versioned && row.status == HistoryRow::Status::Applied;
    };
    std::optional<MigrationVersion> highestApplied = baseline;
    for (const Slot &slot : std::as_const(byVersion)) {
        const HistoryRow *row = slot.row;
        if ((isApplied(*row) || row->status == HistoryRow::Status::Partial) && (!highestApplied || *row->version > *highestApplied))
            highestApplied = row->version;
    }
    QSet<QString> undoFor;
    for (const MigrationScript &undo : files.undo)
        undoFor.insert(undo.version->normalized());

    QList<MigrationStatusEntry> out;
    out.reserve(files.versioned.size() + files.repeatable.size());
    for (const MigrationScript &file : files.versioned) {
        const QString &key = file.version->normalized();
        MigrationStatusEntry entry{MigrationKind::Versioned, file.version, file.description, file.fileName,
                                   MigrationState::Pending, std::nullopt, undoFor.contains(key)};
        if (const auto slot = byVersion.find(key); slot != byVersion.end()) {
            slot->taken = true;
            entry.last = std::move(*slot->row);
        }
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
        out << std::move(entry);
    }
    bool missing = false;
    for (const Slot &slot : std::as_const(byVersion)) {
        HistoryRow *row = slot.row;
        if (slot.taken || !(isApplied(*row) || row->status == HistoryRow::Status::Partial))
            continue;
        const bool hasUndo = undoFor.contains(row->version->normalized());
        out << MigrationStatusEntry{MigrationKind::Versioned, row->version, row->description, {}, MigrationState::MissingFile,
                                    std::move(*row), hasUndo};
        missing = true;
    }
    if (missing) // the files come sorted; only rows without one need placing
        std::stable_sort(out.begin(), out.end(), [](const MigrationStatusEntry &a, const MigrationStatusEntry &b) {
            return *a.version < *b.version;
        });
    for (const MigrationScript &file : files.repeatable) {
        MigrationStatusEntry entry{MigrationKind::Repeatable, std::nullopt, file.description, file.fileName,
                                   MigrationState::Pending, std::nullopt, false};
        // Copied, not moved: two files whose names differ only in case (the
        // loader refuses such a folder; a hand-made MigrationDirectory need
        // not) share the row, and repeatables are few.
        if (const HistoryRow *last = byRepeatable.value(file.description.toLower())) {
            entry.last = *last;
            // Re-applied when its text changes: "pending" until then applied.
            if (last->status == HistoryRow::Status::Applied && last->checksum == file.checksum)
                entry.state = MigrationState::Applied;
            else if (last->status == HistoryRow::Status::FailedRolledBack)
                entry.state = MigrationState::Failed;
        }
        out << std::move(entry);
    }
    return out;
}

} // namespace tw::migrate

#include "MigrationStatus.h"

#include <QHash>

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
    const auto rankOrder = [](const HistoryRow *a, const HistoryRow *b) { return a->rank < b->rank; };
    if (!std::is_sorted(rows.begin(), rows.end(), rankOrder)) // as read, they are
        std::stable_sort(rows.begin(), rows.end(), rankOrder);

    // The latest row per version decides (an applied undo makes it pending
    // again); repeatables by description; the newest baseline bounds. Rows
    // and files are matched by walking both in version order (the files come
    // sorted): hashing a thousand version strings twice cost a `status` more
    // than the rest of the comparison.
    std::vector<HistoryRow *> byVersion; // the latest row of each version, ascending
    QHash<QString, const HistoryRow *> byRepeatable;
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
                byVersion.push_back(row);
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
    // By version, each version's rows still in rank order: its last one decides.
    const auto versionOrder = [](const HistoryRow *a, const HistoryRow *b) { return *a->version < *b->version; };
    if (!std::is_sorted(byVersion.begin(), byVersion.end(), versionOrder))
        std::stable_sort(byVersion.begin(), byVersion.end(), versionOrder);
    // Kept: the last of each run of one version (unique over the reversed
    // range keeps the first it meets and packs them at the end).
    byVersion.erase(byVersion.begin(),
                    std::unique(byVersion.rbegin(), byVersion.rend(),
                                [](const HistoryRow *a, const HistoryRow *b) { return *a->version == *b->version; })
                        .base());
    const auto isApplied = [](const HistoryRow &row) {
        return row.type == HistoryRow::Type::Versioned && row.status == HistoryRow::Status::Applied;
    };
    std::optional<MigrationVersion> highestApplied = baseline;
    for (const HistoryRow *row : byVersion) {
        if ((isApplied(*row) || row->status == HistoryRow::Status::Partial) && (!highestApplied || *row->version > *highestApplied))
            highestApplied = row->version;
    }
    // Files in version order (a hand-made MigrationDirectory may not be).
    const auto sortedFiles = [](const QList<MigrationScript> &scripts) {
        std::vector<const MigrationScript *> sorted;
        sorted.reserve(size_t(scripts.size()));
        for (const MigrationScript &script : scripts)
            sorted.push_back(&script);
        const auto order = [](const MigrationScript *a, const MigrationScript *b) { return *a->version < *b->version; };
        if (!std::is_sorted(sorted.begin(), sorted.end(), order))
            std::stable_sort(sorted.begin(), sorted.end(), order);
        return sorted;
    };
    const std::vector<const MigrationScript *> versioned = sortedFiles(files.versioned);
    const std::vector<const MigrationScript *> undo = sortedFiles(files.undo);
    auto nextUndo = undo.cbegin();
    const auto hasUndoFile = [&](const MigrationVersion &version) { // asked in ascending order
        while (nextUndo != undo.cend() && *(*nextUndo)->version < version)
            ++nextUndo;
        return nextUndo != undo.cend() && *(*nextUndo)->version == version;
    };

    QList<MigrationStatusEntry> out;
    out.reserve(qsizetype(versioned.size()) + files.repeatable.size());
    auto nextRow = byVersion.begin();
    const auto addMissing = [&](HistoryRow *row) {
        // Applied (or partial) with no file left: listed at its version's place.
        if (!(isApplied(*row) || row->status == HistoryRow::Status::Partial))
            return;
        out.emplaceBack(MigrationStatusEntry{MigrationKind::Versioned, row->version, row->description, {},
                                             MigrationState::MissingFile, std::nullopt, hasUndoFile(*row->version)});
        out.last().last = std::move(*row);
    };
    for (const MigrationScript *file : versioned) {
        while (nextRow != byVersion.end() && *(*nextRow)->version < *file->version)
            addMissing(*nextRow++);
        MigrationStatusEntry &entry = out.emplaceBack();
        entry.kind = MigrationKind::Versioned;
        entry.version = file->version;
        entry.description = file->description;
        entry.fileName = file->fileName;
        entry.hasUndo = hasUndoFile(*file->version);
        if (nextRow != byVersion.end() && *(*nextRow)->version == *file->version)
            entry.last = std::move(**nextRow++);
        if (entry.last && isApplied(*entry.last)) {
            entry.state = entry.last->checksum == file->checksum ? MigrationState::Applied : MigrationState::ChecksumChanged;
        } else if (entry.last && entry.last->status == HistoryRow::Status::Partial) {
            entry.state = MigrationState::Partial;
        } else if (baseline && *file->version <= *baseline) {
            entry.state = MigrationState::BelowBaseline;
        } else if (entry.last && entry.last->type == HistoryRow::Type::Versioned
                   && entry.last->status == HistoryRow::Status::FailedRolledBack) {
            entry.state = MigrationState::Failed;
        } else if (highestApplied && *file->version < *highestApplied) {
            entry.state = MigrationState::OutOfOrder;
        }
    }
    while (nextRow != byVersion.end())
        addMissing(*nextRow++);
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

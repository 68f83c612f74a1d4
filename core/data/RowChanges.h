#pragma once

#include <QList>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace tw::data {

// Staged edits of one table, committed in one transaction by commitChanges().
// Values use the Page.h representation (NULL = null QVariant; PostgreSQL
// values as text, bytea as QByteArray; SQLite values as stored).
struct CellValue
{
    QString column;
    QVariant value;
};

struct RowChange
{
    enum class Kind { Update, Insert, Delete };
    Kind kind = Kind::Update;
    QVariantList key;          // Update / Delete: Row::key of the loaded row
    QVariant version;          // Update / Delete: Row::version of the loaded row
    QList<CellValue> cells;    // Update: the changed cells; Insert: the given cells (the rest DEFAULT)
    int tag = 0;               // the caller's id for this change, echoed in errors
};

struct ChangeSet
{
    QList<RowChange> changes;  // applied in order
};

struct CommitOutcome
{
    int updated = 0;
    int inserted = 0;
    int deleted = 0;
};

// Error details, for callers that show them:
//  - CONFLICT (rows changed or deleted by someone else since they were read;
//    nothing written): details["conflicts"] is a list of maps
//    {tag, key (list), reason: "changed" | "deleted"} naming every such row.
//  - CONSTRAINT_VIOLATION / QUERY_FAILED on one change (nothing written):
//    details {tag, key, kind: "update"|"insert"|"delete", constraint (when
//    the server names one), column (when known)}.

} // namespace tw::data

#pragma once

#include "data/RowChanges.h"

#include <QBitArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace tw::ui {

// A cell of a staged new row: a value (NULL is a null QVariant) or "not
// given", which the INSERT leaves to the column's DEFAULT. The two must stay
// apart: NULL is a value the user typed, DEFAULT is the absence of one.
struct StagedCell
{
    QVariant value;
    bool isDefault = true;

    static StagedCell defaulted() { return {}; }
    static StagedCell of(QVariant v) { return {std::move(v), false}; }
    bool operator==(const StagedCell &other) const;
};

// Edits held per cell until Commit (SQLiteStudio's idea): updates of loaded
// rows keyed by the row identity, staged new rows, staged deletions. A plain
// class without a database; the model owns one and turns it into one
// data::ChangeSet, so everything is written in one transaction.
class EditStage
{
public:
    struct CellEdit
    {
        QVariant loaded;   // the value as read: the update is dropped when set back to it
        QVariant value;
    };
    struct RowEdit
    {
        QVariantList key;
        QVariant version;  // of the loaded row: the optimistic-concurrency check
        QMap<int, CellEdit> cells;
    };
    struct NewRow
    {
        int id = 0;                 // stable across undo/redo and other inserts
        QList<StagedCell> cells;    // one per column
    };
    struct Deletion
    {
        QVariantList key;
        QVariant version;
    };
    // What a ChangeSet tag stands for, to map errors back to rows.
    struct Target
    {
        data::RowChange::Kind kind = data::RowChange::Kind::Update;
        QVariantList key;           // Update / Delete
        int newRowId = 0;           // Insert
    };

    // Column names in TableShape order; changing them empties the stage.
    void setColumns(const QStringList &names);
    const QStringList &columns() const { return m_columns; }

    // NULL and empty string differ; otherwise QVariant equality.
    static bool sameValue(const QVariant &a, const QVariant &b);

    // --- loaded rows
    // Stages `value` for the cell; setting it back to `loaded` unstages it.
    void setCell(const QVariantList &key, const QVariant &version, int column, const QVariant &loaded,
                 const QVariant &value);
    void unsetCell(const QVariantList &key, int column);
    std::optional<QVariant> stagedValue(const QVariantList &key, int column) const;
    bool hasRowEdits(const QVariantList &key) const;
    int updatedCellCount() const;
    int updatedRowCount() const { return int(m_updates.size()); }

    void stageDeletion(const QVariantList &key, const QVariant &version);
    void unstageDeletion(const QVariantList &key);
    bool isDeleted(const QVariantList &key) const;
    int deletionCount() const { return int(m_deletions.size()); }

    // --- new rows, in the order they were staged (that is the INSERT order)
    // Appends (index < 0) or inserts a row of DEFAULT cells, returns its id.
    int addNewRow(int index = -1);
    // Puts back a row removed earlier (undo), keeping its id.
    void restoreNewRow(int index, const NewRow &row);
    std::optional<NewRow> removeNewRow(int id);
    int newRowCount() const { return int(m_newRows.size()); }
    const NewRow &newRowAt(int index) const { return m_newRows.at(index); }
    int newRowIndex(int id) const;   // -1 when absent
    bool setNewRowCell(int id, int column, const StagedCell &cell);

    // Whether the row with this keyId() has a staged update or deletion.
    bool touchesRow(const QByteArray &keyId) const { return m_updates.contains(keyId) || m_deletions.contains(keyId); }

    bool isEmpty() const;
    void clear();

    // Updates of rows also staged for deletion are left out: the DELETE wins.
    // Remembers which tag is which row until the next call or clear().
    data::ChangeSet toChangeSet();
    std::optional<Target> targetOfTag(int tag) const;

    static QByteArray keyId(const QVariantList &key);

private:
    QStringList m_columns;
    QHash<QByteArray, RowEdit> m_updates;     // by keyId(); insertion order kept below
    QList<QByteArray> m_updateOrder;
    QHash<QByteArray, Deletion> m_deletions;
    QList<QByteArray> m_deletionOrder;
    QList<NewRow> m_newRows;
    int m_nextId = 1;
    QHash<int, Target> m_tags;
};

} // namespace tw::ui

#pragma once

#include "TableModel.h"

#include <QUndoCommand>

namespace tw::ui {

// Undo commands for staged edits. They change only the stage (through the
// model, which tells the views); nothing here touches the database, so undo
// and redo are instant and always possible until commit() clears the stack.

// One cell, or a whole pasted range as one step.
class SetCellsCommand final : public QUndoCommand
{
public:
    SetCellsCommand(TableModel *model, QList<TableModel::CellChange> changes, const QString &text);
    void redo() override;
    void undo() override;
    int cellCount() const { return int(m_changes.size()); }

private:
    TableModel *m_model;
    QList<TableModel::CellChange> m_changes;
};

class InsertRowCommand final : public QUndoCommand
{
public:
    InsertRowCommand(TableModel *model, int index);
    void redo() override;
    void undo() override;
    int row() const { return m_index; }
    int newRowId() const { return m_id; }

private:
    TableModel *m_model;
    int m_index;
    int m_id = 0;
    // Empty until the first undo: then it keeps the row, cells the user set
    // included, so redo brings back the same row with the same id.
    std::optional<EditStage::NewRow> m_row;
};

// Loaded rows are staged for deletion; staged new rows are simply dropped
// (and put back on undo, at their old place).
class DeleteRowsCommand final : public QUndoCommand
{
public:
    DeleteRowsCommand(TableModel *model, QList<EditStage::Deletion> deletions, QList<int> newRowIds,
                      const QString &text);
    void redo() override;
    void undo() override;

private:
    TableModel *m_model;
    QList<EditStage::Deletion> m_deletions;
    QList<int> m_newRowIds;
    QList<std::pair<int, EditStage::NewRow>> m_dropped; // index before removal, row
};

} // namespace tw::ui

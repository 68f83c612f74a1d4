#include "EditCommands.h"

#include <QCoreApplication>

#include <algorithm>

namespace tw::ui {

SetCellsCommand::SetCellsCommand(TableModel *model, QList<TableModel::CellChange> changes, const QString &text)
    : QUndoCommand(text)
    , m_model(model)
    , m_changes(std::move(changes))
{
}

void SetCellsCommand::redo()
{
    m_model->applyCells(m_changes, true);
}

void SetCellsCommand::undo()
{
    m_model->applyCells(m_changes, false);
}

InsertRowCommand::InsertRowCommand(TableModel *model, int index)
    : QUndoCommand(QCoreApplication::translate("tw::ui::TableModel", "Insert row"))
    , m_model(model)
    , m_index(index)
{
}

void InsertRowCommand::redo()
{
    if (m_row) {
        m_model->restoreNewRow(m_index, *m_row);
        m_row.reset();
        return;
    }
    m_id = m_model->restoreNewRow(m_index, EditStage::NewRow{}); // id 0: the stage gives one
}

void InsertRowCommand::undo()
{
    m_row = m_model->dropNewRow(m_id);
}

DeleteRowsCommand::DeleteRowsCommand(TableModel *model, QList<EditStage::Deletion> deletions, QList<int> newRowIds,
                                     const QString &text)
    : QUndoCommand(text)
    , m_model(model)
    , m_deletions(std::move(deletions))
    , m_newRowIds(std::move(newRowIds))
{
}

void DeleteRowsCommand::redo()
{
    m_dropped.clear();
    for (int id : std::as_const(m_newRowIds)) {
        int index = -1;
        if (auto row = m_model->dropNewRow(id, &index))
            m_dropped.append({index, *row});
    }
    m_model->applyDeletions(m_deletions, true);
}

void DeleteRowsCommand::undo()
{
    m_model->applyDeletions(m_deletions, false);
    // Put back in reverse order of removal so every row lands at its old index.
    for (auto it = m_dropped.crbegin(); it != m_dropped.crend(); ++it)
        m_model->restoreNewRow(it->first, it->second);
    m_dropped.clear();
}

} // namespace tw::ui

#pragma once

#include <QStyledItemDelegate>

namespace tw::ui {

class TableModel;

// Editors by column type: a choice for booleans and enums, a calendar for
// dates, checked number entry, plain text for the rest. JSON, binary and
// cut-short values get no inline editor: the tab opens a dialog for them.
class CellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit CellDelegate(TableModel *model, QObject *parent = nullptr);

    // True when the cell is edited in a dialog rather than inline.
    bool wantsDialog(const QModelIndex &index) const;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    TableModel *m_model;
};

} // namespace tw::ui

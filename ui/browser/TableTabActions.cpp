// TableTab's cell-level actions: editors and dialogs, clipboard, NULL,
// deletion, row details, foreign-key navigation and "copy as REST"
// (TableTab.cpp builds the tab).
#include "TableTab.h"

#include "BinaryValueDialog.h"
#include "CellDelegate.h"
#include "JsonEditorDialog.h"
#include "RowDetailDialog.h"
#include "TableModel.h"
#include "TextValueDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QTableView>
#include <QUndoStack>

#include <algorithm>

namespace tw::ui {

void TableTab::editCell(const QModelIndex &index)
{
    if (!index.isValid() || !index.data(TableModel::IsLoadedRole).toBool())
        return;
    if (!m_delegate->wantsDialog(index)) {
        if (m_model->flags(index) & Qt::ItemIsEditable)
            m_view->edit(index);
        else if (index.data(Qt::EditRole).typeId() == QMetaType::QString)
            openDialogEditor(index); // read-only long text: still worth reading in full
        return;
    }
    if (!index.data(TableModel::IsTruncatedRole).toBool()) {
        openDialogEditor(index);
        return;
    }
    // The grid holds the first part only: fetch the rest, then open.
    showMessage(tr("Loading the whole value…"), false);
    const QPersistentModelIndex wanted(index);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_model, &QAbstractItemModel::dataChanged, this,
                          [this, wanted, connection](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                              if (!wanted.isValid()) {
                                  disconnect(*connection);
                                  return;
                              }
                              if (wanted.row() < topLeft.row() || wanted.row() > bottomRight.row()
                                  || wanted.column() < topLeft.column() || wanted.column() > bottomRight.column()
                                  || wanted.data(TableModel::IsTruncatedRole).toBool())
                                  return;
                              disconnect(*connection);
                              m_message->hide();
                              openDialogEditor(wanted);
                          });
    m_model->loadFullValue(index);
}

void TableTab::openDialogEditor(const QModelIndex &index)
{
    const data::ColumnInfo &column = m_model->shape().columns.at(index.column());
    const bool editable = m_model->flags(index) & Qt::ItemIsEditable;
    const QVariant value = index.data(Qt::EditRole);
    if (column.logical == db::LogicalType::Bytes || value.typeId() == QMetaType::QByteArray) {
        BinaryValueDialog dialog(column.name, value, editable, this);
        if (dialog.exec() == QDialog::Accepted && editable && dialog.changed())
            m_model->setData(index, dialog.value(), Qt::EditRole);
        return;
    }
    if (column.logical == db::LogicalType::Json) {
        JsonEditorDialog dialog(column.name, value.toString(), column.nativeType == QLatin1String("jsonb"), this);
        if (dialog.exec() == QDialog::Accepted && editable && dialog.json() != value.toString())
            m_model->setData(index, dialog.json(), Qt::EditRole);
        return;
    }
    TextValueDialog dialog(column.name, value.toString(), editable, this);
    if (dialog.exec() == QDialog::Accepted && editable && dialog.text() != value.toString())
        m_model->setData(index, dialog.text(), Qt::EditRole);
}

void TableTab::copySelection()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return;
    QApplication::clipboard()->setText(m_model->copyAsTsv(selected));
}

void TableTab::pasteClipboard()
{
    if (!m_model->shape().editable)
        return;
    QModelIndex topLeft = m_view->currentIndex();
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected) {
        if (!topLeft.isValid() || index.row() < topLeft.row()
            || (index.row() == topLeft.row() && index.column() < topLeft.column()))
            topLeft = index;
    }
    if (!topLeft.isValid())
        return;
    if (!m_model->pasteTsv(topLeft, QApplication::clipboard()->text()))
        showMessage(tr("Nothing pasted: the range does not fit, or it covers cells that cannot be edited."), true);
}

void TableTab::setSelectionNull()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    QModelIndexList editable;
    for (const QModelIndex &index : selected) {
        if ((m_model->flags(index) & Qt::ItemIsEditable) && !m_model->shape().columns.at(index.column()).notNull)
            editable << index;
    }
    if (editable.isEmpty())
        return;
    m_model->undoStack()->beginMacro(tr("Set %n cell(s) to NULL", nullptr, int(editable.size())));
    for (const QModelIndex &index : std::as_const(editable))
        m_model->setData(index, QVariant(), Qt::EditRole);
    m_model->undoStack()->endMacro();
}

void TableTab::deleteSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row()))
            rows << index.row();
    }
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows << m_view->currentIndex().row();
    std::sort(rows.begin(), rows.end());
    if (!rows.isEmpty())
        m_model->deleteRows(rows);
}

void TableTab::showRowDetails(int row)
{
    if (row < 0 || !m_model->index(row, 0).data(TableModel::IsLoadedRole).toBool())
        return;
    RowDetailDialog dialog(m_model, row, this);
    dialog.exec();
}

const data::ForeignKeyRef *TableTab::foreignKeyAt(int column) const
{
    const QString name = m_model->shape().columns.value(column).name;
    for (const data::ForeignKeyRef &key : m_model->shape().foreignKeys) {
        if (key.columns.contains(name))
            return &key;
    }
    return nullptr;
}

void TableTab::goToReferencedRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const data::ForeignKeyRef *key = foreignKeyAt(index.column());
    if (!key)
        return;
    QList<data::Filter> filters;
    for (qsizetype i = 0; i < key->columns.size() && i < key->referencedColumns.size(); ++i) {
        const int column = m_model->shape().columnIndex(key->columns.at(i));
        const QVariant value = m_model->index(index.row(), column).data(Qt::EditRole);
        if (value.isNull()) {
            showMessage(tr("%1 is NULL: it references no row.").arg(key->columns.at(i)), false);
            return;
        }
        filters << data::Filter{key->referencedColumns.at(i), data::FilterOp::Equal, {value}};
    }
    emit openReferenced(m_connection, key->referenced, filters);
}

data::RestBrowse TableTab::restBrowse() const
{
    data::RestBrowse browse;
    browse.baseUrl = m_restBase ? m_restBase() : data::restBaseUrl({}, nullptr);
    browse.connection = m_connection;
    browse.table = m_table;
    // What the grid shows: the model's browse, not boxes still being typed in.
    browse.browse.filters = m_model->filters();
    browse.browse.where = m_model->where();
    browse.browse.order = m_model->order();
    if (m_model->shape().identity == data::RowIdentity::PrimaryKey)
        browse.keyColumns = m_model->shape().keyColumns;
    // Columns in their on-screen order without hidden ones; all of them in
    // table order is the plain select=*.
    const QHeaderView *header = m_view->horizontalHeader();
    QStringList shown;
    bool everyColumnInOrder = true;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        everyColumnInOrder = everyColumnInOrder && logical == visual && !header->isSectionHidden(logical);
        if (!header->isSectionHidden(logical))
            shown << m_model->shape().columns.value(logical).name;
    }
    if (!everyColumnInOrder)
        browse.columns = shown;
    return browse;
}

void TableTab::copyAsRest(bool postgrestJs)
{
    if (!m_ready)
        return;
    const data::RestBrowse browse = restBrowse();
    const data::RestText copied = postgrestJs ? data::postgrestJs(browse) : data::restUrl(browse);
    QApplication::clipboard()->setText(copied.text);
    QString text = postgrestJs ? tr("postgrest-js snippet copied to the clipboard") : tr("REST URL copied to the clipboard");
    if (!copied.notes.isEmpty())
        text += tr(" (%n condition(s) not said exactly: see its comment lines)", nullptr, int(copied.notes.size()));
    emit statusMessage(text);
}

void TableTab::contextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    QMenu menu(this);
    const bool loaded = index.isValid() && index.data(TableModel::IsLoadedRole).toBool();
    QAction *edit = menu.addAction(tr("Edit Value…"), this, [this, index] { editCell(index); });
    edit->setEnabled(loaded);
    menu.addAction(action(QStringLiteral("setNull")));
    menu.addSeparator();
    menu.addAction(action(QStringLiteral("copy")));
    menu.addAction(action(QStringLiteral("paste")));
    menu.addSeparator();
    if (loaded && m_model->shape().columns.at(index.column()).logical == db::LogicalType::Bytes) {
        menu.addAction(tr("Binary Value (Load / Save File)…"), this, [this, index] { editCell(index); });
        menu.addSeparator();
    }
    QAction *referenced = menu.addAction(tr("Go to Referenced Row"), this, [this, index] { goToReferencedRow(index); });
    referenced->setEnabled(loaded && foreignKeyAt(index.column()));
    QAction *details = menu.addAction(tr("Row Details…"), this, [this, index] { showRowDetails(index.row()); });
    details->setEnabled(loaded);
    menu.addSeparator();
    menu.addAction(action(QStringLiteral("addRow")));
    menu.addAction(action(QStringLiteral("deleteRows")));
    menu.addSeparator();
    menu.addAction(action(QStringLiteral("copyRestUrl")));
    menu.addAction(action(QStringLiteral("copyPostgrestJs")));
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace tw::ui

#pragma once

#include "catalog/Snapshot.h"
#include "data/PageRequest.h"
#include "data/RestUrl.h"
#include "data/TableShape.h"
#include "error/Error.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QToolBar;

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::ui {

class CellDelegate;
class FilterRow;
class TableModel;

// One open table: toolbar, filter row, WHERE box, the grid and a status line.
// Everything it shows comes from its TableModel; everything it runs goes
// through core/data futures, so the GUI thread never waits on SQL.
class TableTab final : public QWidget
{
    Q_OBJECT
public:
    TableTab(db::ConnectionRegistry *registry, QString connection, catalog::QualifiedName table,
             QList<data::Filter> filters = {}, QWidget *parent = nullptr);

    const QString &connection() const { return m_connection; }
    const catalog::QualifiedName &table() const { return m_table; }
    TableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    FilterRow *filterRow() const { return m_filters; }
    QLineEdit *whereBox() const { return m_where; }
    bool isReady() const { return m_ready; }
    // The columns were fitted to the first rows (once per table).
    bool columnsFitted() const { return m_columnsFitted; }
    QString statusText() const;
    QString messageText() const;
    QAction *action(const QString &objectName) const;

    void reload();
    void applyBrowse();
    void sortBy(int column, bool addToSort);
    void setFilters(const QList<data::Filter> &filters);
    // Opens the editor the cell needs: inline, or a dialog for JSON, binary
    // and cut-short values (fetching the whole value first).
    void editCell(const QModelIndex &index);
    void goToReferencedRow(const QModelIndex &index);
    void showRowDetails(int row);
    void copySelection();
    void pasteClipboard();
    void setSelectionNull();
    void deleteSelectedRows();
    // "Copy as REST URL" / "Copy as postgrest-js": the browse on screen in
    // PostgREST's grammar. The base URL is asked for each time (the API
    // server may start or stop meanwhile); without a provider, a placeholder.
    void setRestBaseUrl(std::function<QString()> provider) { m_restBase = std::move(provider); }
    data::RestBrowse restBrowse() const;
    void copyAsRest(bool postgrestJs);

signals:
    void ready();
    void openReferenced(const QString &connection, const tw::catalog::QualifiedName &table,
                        const QList<tw::data::Filter> &filters);
    void failed(const QString &connection, const tw::Error &error);
    void statusMessage(const QString &text); // short-lived, for the window's status bar

private:
    void buildActions();
    void describe();
    void shapeArrived(const data::TableShape &shape);
    void updateStatus();
    void updateActions();
    void showMessage(const QString &text, bool error);
    void showError(const QString &what, const Error &error);
    void openDialogEditor(const QModelIndex &index);
    void contextMenu(const QPoint &pos);
    const data::ForeignKeyRef *foreignKeyAt(int column) const;

    db::ConnectionRegistry *m_registry;
    QString m_connection;
    catalog::QualifiedName m_table;
    QList<data::Filter> m_initialFilters;
    TableModel *m_model;
    QToolBar *m_toolbar;
    QLineEdit *m_where;
    QTableView *m_view;
    FilterRow *m_filters;
    CellDelegate *m_delegate;
    QLabel *m_message;
    QLabel *m_status;
    QList<data::SortKey> m_order;
    bool m_ready = false;
    bool m_columnsFitted = false;
    std::function<QString()> m_restBase;
};

} // namespace tw::ui

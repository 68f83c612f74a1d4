#pragma once

#include "catalog/TableList.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace tw::ui {

// The tables and views of one open connection, filterable by name.
// Placeholder for the table browser, which gets its own issue.
class TableListPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TableListPanel(QWidget *parent = nullptr);

    void setTables(const QString &connection, const QList<catalog::TableRef> &tables);
    QString connection() const { return m_connection; }
    // Display names of the rows currently shown (after the filter).
    QStringList visibleTables() const;
    QLineEdit *filterEdit() const { return m_filter; }

private:
    QString m_connection;
    QLabel *m_title;
    QLineEdit *m_filter;
    QListView *m_view;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace tw::ui

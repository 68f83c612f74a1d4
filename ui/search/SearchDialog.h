#pragma once

#include "catalog/Snapshot.h"
#include "catalog/TableList.h"
#include "data/DatabaseSearch.h"
#include "db/Pool.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::ui {

class SearchResultsModel;

// "Search Database…": a text, an optional table, and the matches as table,
// key, column and snippet. The search is data::startSearch, the same core
// function the HTTP API calls; it runs as one pool job (the GUI thread
// never runs SQL) and Cancel cancels that job. Results of a search that a
// newer one or a cancel superseded are dropped (generation counter).
class SearchDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SearchDialog(db::ConnectionRegistry *registry, QWidget *parent = nullptr);
    ~SearchDialog() override;   // cancels a running search

    // Searches this connection from now on; reloads the table list.
    void setConnection(const QString &connection);
    QString connection() const { return m_connection; }
    void focusQuery();

    bool isRunning() const { return m_job.id != 0; }
    SearchResultsModel *results() const { return m_model; }
    // The time a search may take before tables are skipped (default 15 s).
    void setBudgetMs(int ms) { m_budgetMs = ms; }

public slots:
    void startSearch();
    void cancel();

signals:
    void openRequested(const QString &connection, const tw::catalog::QualifiedName &table);
    // A search ended: results shown, failed or cancelled.
    void searchFinished();

private:
    void loadTables();
    void setRunning(bool running);
    void showResult(const Result<data::SearchResult> &result);
    void openHit(const QModelIndex &index);

    db::ConnectionRegistry *m_registry;
    QString m_connection;
    QLineEdit *m_query;
    QComboBox *m_tables;
    QPushButton *m_search;
    QPushButton *m_cancel;
    QLabel *m_status;
    QTableView *m_view;
    SearchResultsModel *m_model;
    QList<catalog::TableRef> m_tableRefs;
    db::Job<Result<data::SearchResult>> m_job;
    quint64 m_generation = 0;        // bumped by every start, cancel and connection change
    quint64 m_tablesGeneration = 0;
    int m_budgetMs = 15000;
};

} // namespace tw::ui

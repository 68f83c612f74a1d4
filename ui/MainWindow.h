#pragma once

#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QMainWindow>

class QLabel;
class QListView;
class QStackedWidget;

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::ui {

class ConnectionListModel;
class TableListPanel;

// The main window: configured connections on the left, the selected
// connection's tables on the right. All database work goes through the
// registry's pools; results come back to this thread via QFuture::then.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const QList<config::ConnectionProfile> &profiles, db::ConnectionRegistry *registry,
               QWidget *parent = nullptr);

    ConnectionListModel *connectionModel() const { return m_connections; }
    TableListPanel *tablePanel() const { return m_tables; }

    // Adds a connection to the list (for this session; not saved).
    void addConnection(const config::ConnectionProfile &profile);

public slots:
    // Opens the connection if needed, then lists its tables.
    void openConnection(const QString &name);
    void refreshTables();

signals:
    void tablesLoaded(const QString &connection);
    void connectionFailed(const QString &connection, const tw::Error &error);

private:
    void buildMenus();
    void loadTables(const QString &name);
    void showFailure(const QString &name, const Error &error);
    void openSqliteFile();

    db::ConnectionRegistry *m_registry;
    ConnectionListModel *m_connections;
    QListView *m_connectionView;
    QStackedWidget *m_pages;
    QLabel *m_placeholder;
    TableListPanel *m_tables;
};

} // namespace tw::ui

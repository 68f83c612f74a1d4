#pragma once

#include "config/AppConfig.h"
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
class Workbench;

// The main window: configured connections on the left, the pages of the
// installed features on the right. It creates the menu groups and the
// Workbench, installs each feature and opens connections; it never includes
// a feature's widgets. All database work goes through the registry's pools;
// results come back to this thread via QFuture::then.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const QList<config::ConnectionProfile> &profiles, db::ConnectionRegistry *registry,
               QWidget *parent = nullptr);
    // The whole loaded configuration: its connections fill the list, the
    // rest (api settings) goes to the features through the Workbench.
    MainWindow(const config::AppConfig &config, db::ConnectionRegistry *registry, QWidget *parent = nullptr);

    ConnectionListModel *connectionModel() const { return m_connections; }
    Workbench *workbench() const { return m_bench; }

    // Adds a connection to the list (for this session; not saved).
    void addConnection(const config::ConnectionProfile &profile);

public slots:
    // Opens the connection if needed, then shows it in the features (schema tree first).
    void openConnection(const QString &name);

signals:
    void snapshotLoaded(const QString &connection);
    void connectionFailed(const QString &connection, const tw::Error &error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void installFeatures();
    void showFailure(const QString &name, const Error &error);
    void openSqliteFile();

    db::ConnectionRegistry *m_registry;
    ConnectionListModel *m_connections;
    QListView *m_connectionView;
    QStackedWidget *m_pages;
    QLabel *m_placeholder;
    Workbench *m_bench;
};

} // namespace tw::ui

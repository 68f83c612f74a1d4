#pragma once

#include "catalog/Snapshot.h"
#include "config/AppConfig.h"
#include "error/Error.h"

#include <QHash>
#include <QKeySequence>
#include <QObject>

#include <functional>
#include <vector>

class QAction;
class QMainWindow;
class QMenu;
class QStackedWidget;

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::ui {

enum class MenuGroup { File, Connection, View, Help };
enum class PageId { Start, Schema, Browser, Console, Migrations, Dashboard, Api };

// What a feature sees of the main window: named menu groups, a stack of
// pages, the status bar and the connection registry. Features install
// themselves into it (`SchemaFeature::install(bench)`) and talk to each
// other through its signals, so the main window never includes their widgets.
class Workbench final : public QObject
{
    Q_OBJECT
public:
    Workbench(QMainWindow *window, QStackedWidget *pages, db::ConnectionRegistry *registry);

    db::ConnectionRegistry &registry() const { return *m_registry; }
    QMainWindow *window() const { return m_window; }
    // The loaded configuration (api settings, configured connections); set by
    // the main window before the features are installed.
    const config::AppConfig &config() const { return m_config; }
    void setConfig(config::AppConfig config) { m_config = std::move(config); }

    void setMenu(MenuGroup group, QMenu *menu) { m_menus.insert(group, menu); }
    QMenu *menu(MenuGroup group) const { return m_menus.value(group); }
    QAction *addAction(MenuGroup group, const QString &text, const QKeySequence &shortcut,
                       std::function<void()> trigger);

    void addPage(PageId id, QWidget *page);
    QWidget *page(PageId id) const { return m_pages.value(id); }
    void showPage(PageId id);
    PageId currentPage() const;

    void showStatus(const QString &text, int timeoutMs = 0);
    // View → Refresh (F5): pages that can reload have a Q_INVOKABLE refresh().
    // One window-wide F5 instead of one per page, so shortcuts never collide.
    void refreshCurrentPage();

    // Asked in turn before the window closes; one returning false keeps it
    // open (a feature with unsaved work asks its user first).
    void addCloseGuard(std::function<bool()> guard) { m_closeGuards.push_back(std::move(guard)); }
    bool mayClose() const;

    QString currentConnection() const { return m_connection; }
    // The main window calls this once a connection is open and chosen.
    void openConnection(const QString &name);

signals:
    void connectionOpened(const QString &connection);
    // Features announce what they finished, for the window and for each other.
    void snapshotLoaded(const QString &connection);
    void operationFailed(const QString &connection, const tw::Error &error);
    // "Show me this table's rows" from any feature; the browser opens it.
    void browseRequested(const QString &connection, const tw::catalog::QualifiedName &table);

private:
    QMainWindow *m_window;
    QStackedWidget *m_stack;
    db::ConnectionRegistry *m_registry;
    config::AppConfig m_config;
    QHash<MenuGroup, QMenu *> m_menus;
    QHash<PageId, QWidget *> m_pages;
    QString m_connection;
    std::vector<std::function<bool()>> m_closeGuards;
};

} // namespace tw::ui

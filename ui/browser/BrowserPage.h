#pragma once

#include "catalog/Snapshot.h"
#include "data/PageRequest.h"
#include "error/Error.h"

#include <QWidget>

class QTabWidget;

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::ui {

class TableTab;

// The table browser: a tab per open table. Opening a table that is already
// open (same connection, same filters) shows its tab instead of a second one.
class BrowserPage final : public QWidget
{
    Q_OBJECT
public:
    explicit BrowserPage(db::ConnectionRegistry *registry, QWidget *parent = nullptr);

    TableTab *openTable(const QString &connection, const catalog::QualifiedName &table,
                        const QList<data::Filter> &filters = {});
    TableTab *currentTab() const;
    Q_INVOKABLE void refresh(); // reloads the current tab (View → Refresh)
    int tabCount() const;
    TableTab *tab(int index) const;
    // Asks before dropping staged edits; false when the user keeps the tab.
    bool closeTab(int index, bool ask = true);
    // Whether any tab holds edits not yet committed (asked about on quit).
    bool hasStagedChanges() const;

signals:
    void failed(const QString &connection, const tw::Error &error);

private:
    db::ConnectionRegistry *m_registry;
    QTabWidget *m_tabs;
};

} // namespace tw::ui

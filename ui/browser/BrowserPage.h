#pragma once

#include "catalog/Snapshot.h"
#include "data/PageRequest.h"
#include "error/Error.h"

#include <QWidget>

#include <functional>

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
    // Where the REST API answers, for the tabs' "Copy as REST" actions.
    void setRestBaseUrl(std::function<QString()> provider);

signals:
    void failed(const QString &connection, const tw::Error &error);
    void statusMessage(const QString &text);

private:
    db::ConnectionRegistry *m_registry;
    QTabWidget *m_tabs;
    std::function<QString()> m_restBase;
};

} // namespace tw::ui

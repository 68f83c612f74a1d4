#pragma once

#include "catalog/Snapshot.h"
#include "error/Error.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QTimer;
class QToolButton;
class QTreeView;

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::ui {

class ObjectDetailsView;
class SchemaTreeModel;

// One connection's schema: search box and tree on the left, the selected
// object's properties and DDL on the right. Snapshots load in the pool
// (catalog::loadSnapshot); the window stays live and a refresh keeps what
// was expanded and selected.
class SchemaPage final : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaPage(db::ConnectionRegistry *registry, QWidget *parent = nullptr);
    ~SchemaPage() override;

    // Shows `connection`, loading its snapshot; a refresh when it is already shown.
    void load(const QString &connection);
    Q_INVOKABLE void refresh(); // View → Refresh (F5) calls the current page's refresh()
    // Shows a snapshot loaded elsewhere (tests, a CLI-saved file); no database involved.
    void showSnapshot(const catalog::Snapshot &snapshot);

    QString connection() const { return m_connection; }
    bool isLoading() const { return m_loading; }
    std::shared_ptr<const catalog::Snapshot> snapshot() const;
    std::optional<catalog::ObjectRef> currentRef() const;
    bool selectRef(const catalog::ObjectRef &ref);
    // Applies the search box now instead of after the typing pause.
    void applyFilterNow();
    void setBrowseEnabled(bool enabled) { m_browseEnabled = enabled; }

    SchemaTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *searchEdit() const { return m_search; }
    ObjectDetailsView *details() const { return m_details; }
    QString statusText() const;
    QString errorText() const;
    QString problemText() const;

public slots:
    // Stops the load in flight; the tree keeps what it showed before.
    void cancelLoad();
    void copyName(const catalog::ObjectRef &ref);
    void copyDdl(const catalog::ObjectRef &ref);

signals:
    void snapshotLoaded(const QString &connection);
    void loadFailed(const QString &connection, const tw::Error &error);
    void browseRequested(const QString &connection, const tw::catalog::ObjectRef &ref);

private:
    struct ViewState
    {
        QList<QStringList> expanded;
        QStringList current;
        int scroll = 0;
    };
    ViewState saveViewState() const;
    void restoreViewState(const ViewState &state);
    void setSnapshot(std::shared_ptr<const catalog::Snapshot> snapshot);
    void showLoading(bool loading, const QString &text = {});
    void showError(const Error &error);
    void showProblems(const catalog::Snapshot &snapshot);
    void filterChanged();
    void showContextMenu(const QPoint &pos);
    void currentChanged();

    db::ConnectionRegistry *m_registry;
    QString m_connection;
    quint64 m_generation = 0;
    bool m_loading = false;
    // The load in flight, so a newer one can cancel it (fast F5 presses
    // would otherwise queue full loads until the pool times out).
    quint64 m_jobId = 0;
    QString m_jobConnection;
    bool m_browseEnabled = false;

    SchemaTreeModel *m_model;
    QLabel *m_title;
    QToolButton *m_refresh;
    QToolButton *m_stop;
    QProgressBar *m_busy;
    QLabel *m_status;
    QLabel *m_error;
    QLabel *m_problems;
    QLineEdit *m_search;
    QTimer *m_filterTimer;
    QTreeView *m_tree;
    ObjectDetailsView *m_details;
};

} // namespace tw::ui

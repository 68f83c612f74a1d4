#pragma once

#include "MigrationFileDetails.h"
#include "async/Then.h"
#include "error/Error.h"
#include "migrate/MigrationService.h"

#include <QFuture>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::ui {

class MigrationConfirmDialog;
class MigrationRunView;
class MigrationStatusModel;

// One connection's migrations (issue 9): the files with their state, the
// selected file's SQL (or what changed in it), and the commands — up to /
// down to the selected version, up, validate, repair, baseline. Everything
// runs through migrate::startMigration in the pool; the GUI thread only
// shows. Up and down first run a dry-run with the same options and ask with
// its exact plan; repair and baseline ask too.
class MigrationsPage final : public QWidget
{
    Q_OBJECT
public:
    // Decides a confirmation; the default runs the dialog modally. Tests put
    // their own here to read the dialog and answer it.
    using ConfirmHook = std::function<bool(MigrationConfirmDialog &dialog)>;

    explicit MigrationsPage(db::ConnectionRegistry *registry, QWidget *parent = nullptr);
    ~MigrationsPage() override;

    // Shows `connection`; loads its status now if the page is visible, else when it is shown.
    void setConnection(const QString &connection);
    QString connection() const { return m_connection; }
    Q_INVOKABLE void refresh();   // View → Refresh (F5)

    void upToSelected();
    void upAll();
    void downToSelected();
    void validate();
    void repair();
    void baseline();
    void cancelRun();

    void setConfirmHook(ConfirmHook hook) { m_confirm = std::move(hook); }
    void setOutOfOrder(bool allowed);
    void setSingleTransaction(bool single);

    bool isLoading() const { return m_loading; }
    bool isRunning() const { return m_running; }
    bool isEmptyState() const;            // no migrations directory configured
    QString messageText() const;          // the empty state's or the error's text
    MigrationStatusModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    MigrationRunView *runView() const { return m_runView; }
    QPlainTextEdit *sqlView() const { return m_sql; }
    QTextBrowser *changesView() const { return m_changes; }
    bool selectVersion(const QString &version);
    std::optional<migrate::MigrationReport> lastReport() const { return m_lastReport; }

signals:
    void statusLoaded(const QString &connection);
    void runFinished(const QString &connection, bool ok);
    void failed(const QString &connection, const tw::Error &error);
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildActions();
    void showMessage(const QString &html);
    void showStatus(const migrate::MigrationReport &report);
    void loadDetails(const migrate::MigrationReport &report);
    void showSelected();
    void updateActions();
    const migrate::MigrationStatusEntry *selectedEntry() const;
    // A continuation runs at once, inside then(), when the future has
    // already finished; one that starts another job or opens a dialog from
    // there would run before the caller's own code after it. So every
    // result reaches the page through the event loop.
    template<typename T, typename Fn>
    void whenDone(QFuture<T> future, Fn fn)
    {
        async::then(future, this, [this, fn = std::move(fn)](const T &value) mutable {
            QMetaObject::invokeMethod(this, [fn = std::move(fn), value]() mutable { fn(value); }, Qt::QueuedConnection);
        });
    }

    // MigrationsPageRun.cpp
    migrate::MigrationRequest request(migrate::MigrationCommand command) const;
    void planThenRun(migrate::MigrationCommand command, std::optional<migrate::MigrationVersion> target);
    bool confirm(MigrationConfirmDialog &dialog);
    void execute(migrate::MigrationRequest request, const QString &title);
    void finishRun(migrate::MigrationCommand command, const Result<migrate::MigrationReport> &result);
    void setBusy(bool running);

    db::ConnectionRegistry *m_registry;
    QString m_connection;
    config::Driver m_driver = config::Driver::Sqlite;
    bool m_stale = false;
    bool m_noDirectory = false;
    bool m_loading = false;
    bool m_running = false;
    quint64 m_generation = 0;   // bumped per status load / connection: late answers are dropped
    std::optional<migrate::MigrationRun> m_run;
    std::optional<migrate::MigrationReport> m_lastReport;
    MigrationFileDetailsMap m_details;
    ConfirmHook m_confirm;
    // Shared with the runner's event callback (worker thread): cleared when
    // the page goes so a late event has nowhere to land.
    struct EventSink;
    std::shared_ptr<EventSink> m_sink;

    QLabel *m_title;
    QStackedWidget *m_stack;
    QLabel *m_message;
    MigrationStatusModel *m_model;
    QTableView *m_view;
    QLabel *m_info;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_sql;
    QTextBrowser *m_changes;
    MigrationRunView *m_runView;
    QPushButton *m_refresh;
    QPushButton *m_upTo;
    QPushButton *m_up;
    QPushButton *m_downTo;
    QPushButton *m_validate;
    QPushButton *m_repair;
    QPushButton *m_baseline;
    QToolButton *m_options;
    QAction *m_outOfOrder;
    QAction *m_singleTransaction;
};

} // namespace tw::ui

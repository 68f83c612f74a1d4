#pragma once

#include "StatusCounts.h"
#include "config/AppConfig.h"

#include <QFuture>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tw::db {
class ConnectionRegistry;
}
namespace tw::http {
class ApiServer;
struct RequestLogEntry;
}

namespace tw::ui {

class PolicyMatrixModel;
class RequestLogModel;

// The "API Server" page: starts and stops the REST server over the window's
// connection registry, shows where it listens, its authentication state,
// counts by status, a live request log and the effective policy. The server
// lives on the GUI thread (its handlers never block) and is created on the
// first Start.
class ApiPanel final : public QWidget
{
    Q_OBJECT
public:
    enum class State { Stopped, Running, Stopping };
    Q_ENUM(State)

    ApiPanel(db::ConnectionRegistry *registry, config::AppConfig config, QWidget *parent = nullptr);
    ~ApiPanel() override;

    State state() const { return m_state; }
    http::ApiServer *server() const { return m_server.get(); }
    RequestLogModel *requestLog() const { return m_log; }
    PolicyMatrixModel *policyMatrix() const { return m_policy; }
    const StatusCounts &counts() const { return m_counts; }

public slots:
    // False (with the reason shown under the address) when nothing started.
    bool start();
    void stop();
    // For the window's close: stops with a short grace and returns once the
    // server has let go, running the event loop meanwhile so the window
    // still paints and in-flight answers still go out.
    void stopAndWait(int graceMs);

signals:
    void stateChanged(tw::ui::ApiPanel::State state);

private:
    QWidget *buildServerBox();
    QWidget *buildLogBox();
    QWidget *buildPolicyBox();
    void ensureServer();
    void setState(State state);
    void showError(const QString &text);
    void updateTlsWarning();
    void updateAuthState();
    void updateCounts();
    void addLogEntry(const http::RequestLogEntry &entry);
    void copyBaseUrl();

    db::ConnectionRegistry *m_registry;
    config::AppConfig m_config;
    std::unique_ptr<http::ApiServer> m_server;
    State m_state = State::Stopped;
    QFuture<void> m_stopping;
    StatusCounts m_counts;

    QLineEdit *m_listen = nullptr;
    QPushButton *m_startStop = nullptr;
    QLabel *m_error = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_tlsWarning = nullptr;
    QLabel *m_auth = nullptr;
    QLabel *m_countsLabel = nullptr;
    RequestLogModel *m_log = nullptr;
    QTableView *m_logView = nullptr;
    PolicyMatrixModel *m_policy = nullptr;
};

} // namespace tw::ui

#pragma once

#include "HttpConnection.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace tw::http {

// Accepts connections (plain, or TLS ≥ 1.2 when configured) and puts an
// HttpConnection on each, which frames and parses its requests. Caps the
// connections open at once, in total and per client address, so idle or
// slow sockets cannot use up the process's file descriptors.
class HttpListener final : public QTcpServer
{
    Q_OBJECT
public:
    static constexpr int kMaxConnections = 1000;
    static constexpr int kMaxConnectionsPerPeer = 100;

    HttpListener(FrameLimits limits, std::optional<QSslConfiguration> tls, QObject *parent = nullptr);

    bool tls() const { return m_tls.has_value(); }
    QList<HttpConnection *> connections() const;
    // Where the requests of connections accepted from now on go (HttpFrontend::bind).
    void setDispatch(HttpConnection::Dispatch dispatch) { m_dispatch = std::move(dispatch); }

signals:
    void refused(int status, const QString &reason, const QHostAddress &peer);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    FrameLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    HttpConnection::Dispatch m_dispatch;
    QList<QPointer<HttpConnection>> m_connections;
};

} // namespace tw::http

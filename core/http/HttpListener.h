#pragma once

#include "HttpConnection.h"

#include <QList>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace tw::http {

// Accepts connections (plain, or TLS ≥ 1.2 when configured) and puts an
// HttpConnection guard on each before QAbstractHttpServer gets it.
class HttpListener final : public QTcpServer
{
    Q_OBJECT
public:
    HttpListener(FrameLimits limits, std::optional<QSslConfiguration> tls, QObject *parent = nullptr);

    bool tls() const { return m_tls.has_value(); }
    QList<HttpConnection *> connections() const;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    FrameLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QList<QPointer<HttpConnection>> m_connections;
};

} // namespace tw::http

#include "HttpListener.h"

#include "log/Categories.h"

#include <QSslSocket>

namespace tw::http {

HttpListener::HttpListener(FrameLimits limits, std::optional<QSslConfiguration> tls, QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_tls(std::move(tls))
{
}

QList<HttpConnection *> HttpListener::connections() const
{
    QList<HttpConnection *> live;
    for (const auto &connection : m_connections) {
        if (connection)
            live << connection.data();
    }
    return live;
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(*m_tls);
        connect(ssl, &QSslSocket::sslErrors, ssl, [ssl](const QList<QSslError> &errors) {
            qCInfo(lcHttp).noquote() << "TLS handshake failed with" << ssl->peerAddress().toString() << ":"
                                     << (errors.isEmpty() ? QString() : errors.first().errorString());
        });
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_connections.removeIf([](const QPointer<HttpConnection> &c) { return c.isNull(); });
    m_connections << new HttpConnection(socket, m_limits);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->startServerEncryption();
    addPendingConnection(socket);
}

} // namespace tw::http

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
    m_connections.removeIf([](const QPointer<HttpConnection> &c) { return c.isNull(); });
    const QHostAddress peer = socket->peerAddress();
    const auto fromPeer = std::count_if(m_connections.cbegin(), m_connections.cend(), [&](const auto &c) {
        return c->socket()->peerAddress() == peer;
    });
    if (m_connections.size() >= kMaxConnections || fromPeer >= kMaxConnectionsPerPeer) {
        qCWarning(lcHttp).noquote() << "too many connections: refusing one from" << peer.toString();
        emit refused(503, QStringLiteral("too many connections"), peer);
        socket->abort();
        socket->deleteLater();
        return;
    }
    // The buffer never needs more than one whole request: a client sending
    // faster than the server answers is slowed down by TCP, not by memory.
    socket->setReadBufferSize(m_limits.maxHeaderBytes + m_limits.maxBodyBytes + 65536);
    // Small answers go out at once: with Nagle and delayed ACKs a pipelining client waits ~40 ms per batch.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    // Requests go to the dispatch function bound when they arrive (a connection
    // never outlives the listener: its socket is the listener's child).
    auto *connection = new HttpConnection(socket, m_limits, [this](HttpConnection *c, quint64 slot, HttpRequest request) {
        if (m_dispatch)
            m_dispatch(c, slot, std::move(request));
        else
            c->respond(slot, HttpResponse{503, {{"Retry-After", "1"}}, {}, {}}, QString());
    });
    connect(connection, &HttpConnection::refused, this,
            [this, peer](int status, const QString &reason) { emit refused(status, reason, peer); });
    m_connections << connection;
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->startServerEncryption();
}

} // namespace tw::http

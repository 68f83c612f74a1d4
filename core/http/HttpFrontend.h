#pragma once

#include "HttpConnection.h"

#include <QAbstractHttpServer>

#include <functional>

namespace tw::http {

// QHttpServer's HTTP/1.1 parser, handing every parsed request to one
// dispatch function with the connection and its slot in the answer order.
// Answers are written by HttpConnection, not by QHttpServerResponder: they
// may come later, from a finished future, after the client has gone.
class HttpFrontend final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Dispatch = std::function<void(HttpConnection *connection, quint64 slot, HttpRequest request)>;

    explicit HttpFrontend(Dispatch dispatch, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Dispatch m_dispatch;
};

} // namespace tw::http

#include "HttpFrontend.h"

#include <QHttpServerRequest>
#include <QTcpSocket>

namespace tw::http {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

} // namespace

HttpFrontend::HttpFrontend(Dispatch dispatch, QObject *parent)
    : QAbstractHttpServer(parent), m_dispatch(std::move(dispatch))
{
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto *connection = socket->findChild<HttpConnection *>(QString(), Qt::FindDirectChildrenOnly);
    if (!connection || connection->rejected())
        return true; // the guard has answered already
    HttpRequest r;
    r.received.start();
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.path = url.path(QUrl::FullyEncoded);
    r.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    for (const auto &[name, value] : request.headers())
        r.headers.append({name.toLower(), value});
    r.body = request.body();
    r.peer = request.remoteAddress();
    const auto slot = connection->beginRequest(int(request.headers().size()), request.body().size());
    if (slot)
        m_dispatch(connection, *slot, std::move(r));
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Never reached: handleRequest() takes every request.
}

} // namespace tw::http

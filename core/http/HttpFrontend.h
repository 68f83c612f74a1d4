#pragma once

#include "HttpConnection.h"

#include <QObject>

namespace tw::http {

class HttpListener;

// Hands every request the listener's connections parse to one dispatch
// function, with the connection and its slot in the answer order. The
// requests are parsed by HttpConnection itself (QHttpServer's parser, behind
// the connection guard, read every request a second time: ~20 % of the event
// loop's time per request). Answers are written by HttpConnection: they may
// come later, from a finished future, after the client has gone. Owns the
// listener bound to it (and so its sockets).
class HttpFrontend final : public QObject
{
    Q_OBJECT
public:
    explicit HttpFrontend(HttpConnection::Dispatch dispatch, QObject *parent = nullptr);

    // Requests of connections the listener accepts from now on go to the
    // dispatch function. Call after listen(), before the event loop runs.
    bool bind(HttpListener *listener);

private:
    HttpConnection::Dispatch m_dispatch;
};

} // namespace tw::http

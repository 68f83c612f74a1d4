#pragma once

#include "HttpMessage.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;

namespace tw::http {

struct FrameLimits
{
    int maxHeaderBytes = 16384;   // request line + headers
    int maxUrlBytes = 8192;       // the request target
    qint64 maxBodyBytes = 1048576;
    int maxPipelined = 32;        // requests read but not yet answered, per connection
    int maxHeaderFields = 100;    // header lines per request
    int headerTimeoutMs = 15000;  // first byte → end of headers, never extended
    int bodyTimeoutMs = 60000;    // end of headers → end of body, never extended
    int idleTimeoutMs = 30000;    // keep-alive connection with nothing to do
};

// One client connection: frames and parses its requests and writes their
// answers. It reads bytes as they arrive and refuses oversized headers
// (431), request targets (414), bodies (413, from Content-Length) and
// chunked bodies (411) before they are buffered, and anything parsers could
// read differently (bare CR or LF, folded or colon-less header lines, NUL or
// controls, duplicate Content-Length or Host, a request target that is not
// strict origin- or absolute-form: 400). A refusal is the answer after those
// still owed, then the connection closes. It answers 100 Continue, keeps
// answers in request order when a client pipelines, and closes after
// "Connection: close" or an HTTP/1.0 request, reading nothing after it.
// (It began as a guard in front of QHttpServer 6.4's parser, which buffered
// a whole request, however big, before anyone saw it, and read every
// request a second time.)
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    // Receives each complete request with its slot in the answer order
    // (answer it with respond(slot, …), now or later).
    using Dispatch = std::function<void(HttpConnection *connection, quint64 slot, HttpRequest request)>;

    HttpConnection(QTcpSocket *socket, FrameLimits limits, Dispatch dispatch);

    QTcpSocket *socket() const { return m_socket; }

    void respond(quint64 slot, const HttpResponse &response, const QString &requestId);
    int pending() const { return int(m_slotsOpen); }
    bool rejected() const { return m_rejected; }

    // Shutdown: close as soon as no answer is owed.
    void closeWhenIdle();

    static QByteArray serialize(const HttpResponse &response, const QString &requestId, bool close);

signals:
    // A request was refused by the guard (400/408/411/413/414/417/429/431).
    void refused(int status, const QString &reason);

private:
    void readRequests();
    void complete();
    void deliver();
    bool scanHeaders(QByteArrayView chunk, qsizetype *consumed);
    bool inspectHeaderBlock();
    void refuse(int status, const QString &message);
    void flush();
    void restartTimer();

    QTcpSocket *m_socket;
    FrameLimits m_limits;
    Dispatch m_dispatch;
    QHostAddress m_peer;
    // Framing state.
    enum class State { Headers, Body } m_state = State::Headers;
    QByteArray m_headerBlock;     // request line + headers of the current request
    qint64 m_bodyLeft = 0;
    // The request being read: headers parsed, body (if any) still arriving.
    std::optional<HttpRequest> m_current;
    bool m_currentCloses = false;
    // Requests read from the bytes at hand, dispatched once all of them are
    // framed: they count against maxPipelined like those not yet answered.
    QList<std::pair<HttpRequest, bool>> m_complete; // request, close after
    bool m_rejected = false;      // refused (or closed): nothing more is read
    bool m_lastRead = false;      // a request asked to close: nothing after it is read
    bool m_closed = false;        // the last answer was written: nothing more is written
    bool m_closing = false;
    // Answer order.
    quint64 m_nextSlot = 0;
    quint64 m_nextToWrite = 0;
    quint64 m_slotsOpen = 0;
    QMap<quint64, std::pair<QByteArray, bool>> m_ready; // slot → bytes, close after
    QMap<quint64, bool> m_slotClose;
    QTimer m_timer;
};

} // namespace tw::http

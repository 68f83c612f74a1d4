#pragma once

#include "HttpMessage.h"

#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

class QTcpSocket;

namespace tw::http {

struct FrameLimits
{
    int maxHeaderBytes = 16384;   // request line + headers
    int maxUrlBytes = 8192;       // the request target
    qint64 maxBodyBytes = 1048576;
    int maxPipelined = 32;        // requests read but not yet answered, per connection
    int maxHeaderFields = 100;    // Qt 6.4's parser drops every header beyond 100 fields: never let it get there
    int headerTimeoutMs = 15000;  // first byte → end of headers, never extended
    int bodyTimeoutMs = 60000;    // end of headers → end of body, never extended
    int idleTimeoutMs = 30000;    // keep-alive connection with nothing to do
};

// One client connection, framing every request before QHttpServer's parser
// sees it. QHttpServer 6.4 buffers a whole request, however big, before
// anyone sees it; this guard reads the bytes first (its readyRead slot runs
// before the server's, and a second slot after it learns how much the server
// consumed, so each byte is framed exactly once) and refuses oversized
// headers (431), request targets (414), bodies (413, from Content-Length)
// and chunked bodies (411) before they are buffered, and anything the two
// parsers could read differently (bare LF, folded or colon-less header
// lines, duplicate Content-Length: 400). It answers 100 Continue, keeps
// answers in request order when a client pipelines, and closes after
// "Connection: close" or an HTTP/1.0 request.
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, FrameLimits limits);

    QTcpSocket *socket() const { return m_socket; }

    // Connects the slot that runs after the HTTP parser's on readyRead; call
    // once the server has taken the socket. Until then nothing is accepted.
    void arm();

    // The parser completed a request on this connection, with this many
    // header fields and body bytes: its slot in the answer order, or nullopt
    // when it is not the request the guard framed next (the parsers
    // disagree: the connection is refused and closed, failing safe).
    std::optional<quint64> beginRequest(int headerFields, qint64 bodyBytes);
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
    void beforeParser();
    void afterParser();
    bool scanHeaders(QByteArrayView chunk, qsizetype *consumed);
    bool inspectHeaderBlock();
    void refuse(int status, const QString &message);
    void flush();
    void restartTimer();

    QTcpSocket *m_socket;
    FrameLimits m_limits;
    bool m_armed = false;
    qint64 m_scannedAhead = 0;    // bytes at the front of the socket's buffer already framed
    // Framing state.
    enum class State { Headers, Body } m_state = State::Headers;
    QByteArray m_headerBlock;     // request line + headers of the current request
    qint64 m_bodyLeft = 0;
    struct Framed
    {
        bool closeAfter = false;
        int fields = 0;
        qint64 bodyLength = 0;
    };
    QQueue<Framed> m_framed;      // framed by the guard, not yet completed by the parser
    bool m_rejected = false;
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

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
    int headerTimeoutMs = 15000;  // first byte → end of headers (slow clients hold a slot)
    int idleTimeoutMs = 30000;    // keep-alive connection with nothing to do
};

// One client connection. QHttpServer 6.4 buffers a whole request, however
// big, before anyone sees it; this object reads the bytes first (its
// readyRead slot is connected before the server's) and refuses oversized
// headers (431), request targets (414), bodies (413 from Content-Length)
// and chunked bodies (411) before they are buffered, answering and closing
// at once. It also keeps answers in request order when a client pipelines
// and a later request finishes first, and closes after "Connection: close"
// or an HTTP/1.0 request.
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, FrameLimits limits);

    QTcpSocket *socket() const { return m_socket; }

    // The server parsed the next request on this connection: its slot in
    // the answer order. Requests arrive in the order the guard framed them.
    quint64 beginRequest();
    void respond(quint64 slot, const HttpResponse &response, const QString &requestId);
    int pending() const { return int(m_slotsOpen); }
    bool rejected() const { return m_rejected; }

    // Shutdown: close as soon as no answer is owed.
    void closeWhenIdle();

    static QByteArray serialize(const HttpResponse &response, const QString &requestId, bool close);

signals:
    // A request was refused by the guard (status 411/413/414/431/408).
    void refused(int status, const QString &reason);

private:
    void onReadyRead();
    bool scanHeaders(const QByteArray &chunk, qsizetype *consumed);
    bool inspectHeaderBlock();
    void refuse(int status, const QString &message);
    void flush();
    void restartIdleTimer();

    QTcpSocket *m_socket;
    FrameLimits m_limits;
    // Framing state of the guard.
    enum class State { Headers, Body } m_state = State::Headers;
    QByteArray m_headerBlock;     // bytes of the current request line + headers
    qint64 m_bodyLeft = 0;
    QQueue<bool> m_closeAfter;    // per framed request: close after its answer
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

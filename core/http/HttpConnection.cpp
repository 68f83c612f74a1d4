#include "HttpConnection.h"

#include "log/Categories.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace tw::http {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 416: return "Range Not Satisfiable";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status < 400 ? "OK" : (status < 500 ? "Client Error" : "Server Error");
    }
}

const QByteArray kTerminator("\r\n\r\n");

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, FrameLimits limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_headerBlock.isEmpty() || m_state == State::Body)
            refuse(408, QStringLiteral("the request did not arrive in time"));
        else if (m_slotsOpen == 0)
            m_socket->disconnectFromHost();
    });
    // Connected before QAbstractHttpServer sees the socket, so this slot
    // runs first on every readyRead.
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    restartIdleTimer();
}

void HttpConnection::onReadyRead()
{
    if (m_rejected) {
        m_socket->readAll(); // nothing more reaches the HTTP parser
        return;
    }
    const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < data.size() && !m_rejected) {
        if (m_state == State::Body) {
            const qint64 take = std::min<qint64>(m_bodyLeft, data.size() - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0)
                m_state = State::Headers;
            continue;
        }
        qsizetype consumed = 0;
        if (!scanHeaders(data.mid(pos), &consumed))
            break;
        pos += consumed;
    }
    if (m_rejected)
        m_socket->readAll();
    else
        restartIdleTimer();
}

// Appends header bytes; true when a complete header block was framed (and
// *consumed says how much of chunk it used), false when more bytes are needed
// or the request was refused.
bool HttpConnection::scanHeaders(const QByteArray &chunk, qsizetype *consumed)
{
    qsizetype start = 0;
    // RFC 9112 §2.2: empty lines before a request line are ignored.
    while (m_headerBlock.isEmpty() && start < chunk.size() && (chunk[start] == '\r' || chunk[start] == '\n'))
        ++start;
    if (start == chunk.size()) {
        *consumed = start;
        return start > 0;
    }
    if (m_headerBlock.isEmpty())
        m_timer.start(m_limits.headerTimeoutMs); // not restarted per byte: a slow client gets no extension
    const qsizetype before = m_headerBlock.size();
    m_headerBlock.append(chunk.constData() + start, chunk.size() - start);
    const qsizetype end = m_headerBlock.indexOf(kTerminator, std::max<qsizetype>(0, before - 3));
    if (end < 0) {
        const qsizetype lineEnd = m_headerBlock.indexOf("\r\n");
        const qsizetype lineLength = lineEnd < 0 ? m_headerBlock.size() : lineEnd;
        if (lineLength > m_limits.maxUrlBytes + 32)
            refuse(414, QStringLiteral("the request target is longer than %1 bytes").arg(m_limits.maxUrlBytes));
        else if (m_headerBlock.size() > m_limits.maxHeaderBytes)
            refuse(431, QStringLiteral("the request headers are larger than %1 bytes").arg(m_limits.maxHeaderBytes));
        *consumed = chunk.size();
        return false;
    }
    m_headerBlock.truncate(end + kTerminator.size());
    *consumed = start + (m_headerBlock.size() - before);
    const bool ok = inspectHeaderBlock();
    m_headerBlock.clear();
    return ok;
}

bool HttpConnection::inspectHeaderBlock()
{
    const QList<QByteArray> lines = m_headerBlock.left(m_headerBlock.size() - 4).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3) {
        refuse(400, QStringLiteral("malformed request line"));
        return false;
    }
    if (requestLine.at(1).size() > m_limits.maxUrlBytes) {
        refuse(414, QStringLiteral("the request target is longer than %1 bytes").arg(m_limits.maxUrlBytes));
        return false;
    }
    if (m_headerBlock.size() > m_limits.maxHeaderBytes) {
        refuse(431, QStringLiteral("the request headers are larger than %1 bytes").arg(m_limits.maxHeaderBytes));
        return false;
    }
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    bool keepAliveAsked = false;
    bool closeAsked = false;
    std::optional<qint64> contentLength;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || value.startsWith('+') || (contentLength && *contentLength != length)) {
                refuse(400, QStringLiteral("invalid Content-Length"));
                return false;
            }
            contentLength = length;
        } else if (name == "transfer-encoding") {
            // The body's size is unknown until it has been buffered whole.
            refuse(411, QStringLiteral("chunked request bodies are not accepted: send Content-Length"));
            return false;
        } else if (name == "connection") {
            for (const QByteArray &token : value.toLower().split(',')) {
                closeAsked |= token.trimmed() == "close";
                keepAliveAsked |= token.trimmed() == "keep-alive";
            }
        }
    }
    const qint64 length = contentLength.value_or(0);
    if (length > m_limits.maxBodyBytes) {
        refuse(413, QStringLiteral("the request body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_closeAfter.enqueue(closeAsked || (http10 && !keepAliveAsked));
    m_bodyLeft = length;
    m_state = length > 0 ? State::Body : State::Headers;
    return true;
}

void HttpConnection::refuse(int status, const QString &message)
{
    m_rejected = true;
    m_timer.stop();
    const QJsonObject body{{QStringLiteral("code"), QStringLiteral("REQUEST_REFUSED")},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("details"), QJsonValue::Null},
                           {QStringLiteral("hint"), QJsonValue::Null}};
    HttpResponse response{status, {{"Content-Type", "application/json"}}, QJsonDocument(body).toJson(QJsonDocument::Compact)};
    // Answers owed for earlier requests are dropped with the connection.
    m_ready.clear();
    m_socket->write(serialize(response, {}, true));
    m_socket->disconnectFromHost();
    qCInfo(lcHttp).noquote() << "refused a request from" << m_socket->peerAddress().toString() << status << message;
    emit refused(status, message);
}

quint64 HttpConnection::beginRequest()
{
    const quint64 slot = m_nextSlot++;
    m_slotClose.insert(slot, m_closeAfter.isEmpty() ? false : m_closeAfter.dequeue());
    ++m_slotsOpen;
    if (m_headerBlock.isEmpty() && m_state == State::Headers)
        m_timer.stop();
    return slot;
}

void HttpConnection::respond(quint64 slot, const HttpResponse &response, const QString &requestId)
{
    if (m_rejected || !m_slotClose.contains(slot))
        return;
    const bool close = m_slotClose.take(slot);
    m_ready.insert(slot, {serialize(response, requestId, close || (m_closing && m_slotsOpen == 1)), close});
    flush();
}

void HttpConnection::flush()
{
    while (m_ready.contains(m_nextToWrite)) {
        const auto [bytes, close] = m_ready.take(m_nextToWrite);
        ++m_nextToWrite;
        --m_slotsOpen;
        m_socket->write(bytes);
        if (close) {
            m_rejected = true; // whatever else arrives is not read
            m_socket->disconnectFromHost();
            return;
        }
    }
    if (m_closing && m_slotsOpen == 0)
        m_socket->disconnectFromHost();
    else
        restartIdleTimer();
}

void HttpConnection::closeWhenIdle()
{
    m_closing = true;
    if (m_slotsOpen == 0)
        m_socket->disconnectFromHost();
}

void HttpConnection::restartIdleTimer()
{
    if (m_slotsOpen > 0)
        m_timer.stop();
    else if (m_state == State::Body || m_headerBlock.isEmpty())
        m_timer.start(m_limits.idleTimeoutMs); // a body in progress stays alive while bytes come
    else if (!m_timer.isActive())
        m_timer.start(m_limits.headerTimeoutMs); // headers: timed from their first byte, never extended
}

QByteArray HttpConnection::serialize(const HttpResponse &response, const QString &requestId, bool close)
{
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    bool hasLength = false;
    for (const auto &[name, value] : response.headers) {
        hasLength |= name.compare("Content-Length", Qt::CaseInsensitive) == 0;
        out += name + ": " + value + "\r\n";
    }
    if (!hasLength && response.status != 204 && response.status != 304)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (!requestId.isEmpty())
        out += "X-Request-Id: " + requestId.toLatin1() + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += response.body;
    return out;
}

} // namespace tw::http

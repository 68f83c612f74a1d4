#include "HttpConnection.h"

#include "log/Categories.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <algorithm>
#include <cstring>

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
    case 417: return "Expectation Failed";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status < 400 ? "OK" : (status < 500 ? "Client Error" : "Server Error");
    }
}

const QByteArray kTerminator("\r\n\r\n");

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

// RFC 9110 field-value characters: VCHAR, SP, HTAB, obs-text. Anything else
// (NUL, CR, LF inside a value, other controls) is read differently by
// different parsers.
bool isValueChar(unsigned char c)
{
    return c == '\t' || (c >= 0x20 && c != 0x7f);
}

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
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::beforeParser);
    restartTimer();
}

void HttpConnection::arm()
{
    if (m_armed)
        return;
    m_armed = true;
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::afterParser);
}

void HttpConnection::beforeParser()
{
    if (m_rejected) {
        m_socket->readAll(); // nothing more reaches the HTTP parser
        return;
    }
    if (!m_armed) {
        // Without the second slot the guard cannot tell framed bytes from new ones.
        refuse(500, QStringLiteral("the connection was not set up completely"));
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available > m_scannedAhead) {
        const QByteArray data = m_socket->peek(available);
        QByteArrayView fresh = QByteArrayView(data).sliced(m_scannedAhead);
        while (!fresh.isEmpty() && !m_rejected) {
            if (m_state == State::Body) {
                const qint64 take = std::min<qint64>(m_bodyLeft, fresh.size());
                m_bodyLeft -= take;
                fresh = fresh.sliced(take);
                if (m_bodyLeft == 0) {
                    m_state = State::Headers;
                    m_timer.stop();
                }
                continue;
            }
            qsizetype consumed = 0;
            const bool framed = scanHeaders(fresh, &consumed);
            fresh = fresh.sliced(consumed);
            if (!framed)
                break;
        }
        m_scannedAhead = available;
    }
    if (m_rejected)
        m_socket->readAll();
    else
        restartTimer();
}

void HttpConnection::afterParser()
{
    // The parser only takes bytes from the front: what is left was framed.
    m_scannedAhead = std::min(m_scannedAhead, m_socket->bytesAvailable());
}

// Appends header bytes; true when a complete header block was framed (and
// *consumed says how much of chunk it used), false when more bytes are needed
// or the request was refused.
bool HttpConnection::scanHeaders(QByteArrayView chunk, qsizetype *consumed)
{
    qsizetype start = 0;
    // RFC 9112 §2.2: empty lines (CRLF) before a request line are ignored,
    // also when the CR ended the previous segment.
    if (m_headerBlock == "\r" && !chunk.isEmpty() && chunk[0] == '\n') {
        m_headerBlock.clear();
        start = 1;
    }
    while (m_headerBlock.isEmpty() && start + 1 < chunk.size() && chunk[start] == '\r' && chunk[start + 1] == '\n')
        start += 2;
    if (start == chunk.size()) {
        *consumed = start;
        return start > 0;
    }
    if (m_headerBlock.isEmpty())
        m_timer.start(m_limits.headerTimeoutMs); // from the first byte, not restarted per byte
    const qsizetype before = m_headerBlock.size();
    const qsizetype room = m_limits.maxHeaderBytes + 1 - before; // never keep more than the limit
    const QByteArrayView piece = chunk.sliced(start, std::min<qsizetype>(chunk.size() - start, std::max<qsizetype>(room, 0)));
    m_headerBlock.append(piece);
    const qsizetype end = m_headerBlock.indexOf(kTerminator, std::max<qsizetype>(0, before - 3));
    // Only the header block must use CRLF: bytes after its blank line are
    // the body (pretty-printed JSON has bare line feeds).
    const qsizetype headerEnd = end < 0 ? m_headerBlock.size() : end + kTerminator.size();
    for (qsizetype i = before; i < headerEnd; ++i) {
        if (m_headerBlock[i] == '\n' && (i == 0 || m_headerBlock[i - 1] != '\r')) {
            refuse(400, QStringLiteral("lines must end with CRLF"));
            *consumed = chunk.size();
            return false;
        }
    }
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
    const QByteArray block = m_headerBlock.left(m_headerBlock.size() - 4);
    // Every CR is followed by LF and every LF preceded by CR: a bare one is
    // a line end for some parsers and not for others.
    for (qsizetype i = 0; i < block.size(); ++i) {
        if ((block[i] == '\r' && (i + 1 >= block.size() || block[i + 1] != '\n'))
            || (block[i] == '\n' && (i == 0 || block[i - 1] != '\r'))) {
            refuse(400, QStringLiteral("lines must end with CRLF"));
            return false;
        }
    }
    const QList<QByteArray> lines = block.split('\n');
    const QByteArray requestLine = lines.value(0).chopped(lines.size() > 1 ? 1 : 0);
    const QList<QByteArray> parts = requestLine.split(' ');
    const bool methodOk = parts.size() == 3 && !parts[0].isEmpty() && parts[0].size() <= 16
                          && std::all_of(parts[0].begin(), parts[0].end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!methodOk || parts[1].isEmpty() || (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")) {
        refuse(400, QStringLiteral("malformed request line"));
        return false;
    }
    if (parts[1].size() > m_limits.maxUrlBytes) {
        refuse(414, QStringLiteral("the request target is longer than %1 bytes").arg(m_limits.maxUrlBytes));
        return false;
    }
    if (m_headerBlock.size() > m_limits.maxHeaderBytes) {
        refuse(431, QStringLiteral("the request headers are larger than %1 bytes").arg(m_limits.maxHeaderBytes));
        return false;
    }
    const bool http10 = parts[2] == "HTTP/1.0";
    bool keepAliveAsked = false;
    bool closeAsked = false;
    bool continueAsked = false;
    std::optional<qint64> contentLength;
    if (lines.size() - 1 > m_limits.maxHeaderFields) {
        refuse(431, QStringLiteral("more than %1 header fields").arg(m_limits.maxHeaderFields));
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = i + 1 < lines.size() ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        // No folding (a line starting with whitespace), no colon-less lines,
        // a token before the colon with no whitespace in between.
        if (colon <= 0 || !std::all_of(line.begin(), line.begin() + colon, isTokenChar)
            || !std::all_of(line.begin() + colon + 1, line.end(), [](char c) { return isValueChar(uchar(c)); })) {
            refuse(400, QStringLiteral("malformed header line"));
            return false;
        }
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            const bool digits = !value.isEmpty() && value.size() <= 18
                                && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits || contentLength) {
                refuse(400, QStringLiteral("invalid Content-Length"));
                return false;
            }
            contentLength = value.toLongLong();
        } else if (name == "transfer-encoding") {
            // The body's size is unknown until it has been buffered whole.
            refuse(411, QStringLiteral("chunked request bodies are not accepted: send Content-Length"));
            return false;
        } else if (name == "connection") {
            for (const QByteArray &token : value.toLower().split(',')) {
                closeAsked |= token.trimmed() == "close";
                keepAliveAsked |= token.trimmed() == "keep-alive";
            }
        } else if (name == "expect") {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0) {
                refuse(417, QStringLiteral("only Expect: 100-continue is understood"));
                return false;
            }
            continueAsked = true;
        }
    }
    const qint64 length = contentLength.value_or(0);
    if (length > m_limits.maxBodyBytes) {
        refuse(413, QStringLiteral("the request body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    if (m_framed.size() + qsizetype(m_slotsOpen) >= m_limits.maxPipelined) {
        refuse(429, QStringLiteral("more than %1 pipelined requests").arg(m_limits.maxPipelined));
        return false;
    }
    // Interim answers must not overtake final ones still owed.
    if (continueAsked && length > 0 && m_framed.isEmpty() && m_slotsOpen == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_framed.enqueue(Framed{closeAsked || (http10 && !keepAliveAsked), int(lines.size() - 1), length});
    m_bodyLeft = length;
    m_state = length > 0 ? State::Body : State::Headers;
    if (length > 0)
        m_timer.start(m_limits.bodyTimeoutMs);
    else
        m_timer.stop();
    return true;
}

void HttpConnection::refuse(int status, const QString &message)
{
    if (m_rejected)
        return;
    m_rejected = true;
    m_timer.stop();
    const QJsonObject body{{QStringLiteral("code"), QStringLiteral("REQUEST_REFUSED")},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("details"), QJsonValue::Null},
                           {QStringLiteral("hint"), QJsonValue::Null}};
    HttpResponse response{status, {{"Content-Type", "application/json"}}, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
    // Answers owed for earlier requests are dropped with the connection.
    m_ready.clear();
    m_socket->write(serialize(response, {}, true));
    m_socket->disconnectFromHost();
    qCInfo(lcHttp).noquote() << "refused a request from" << m_socket->peerAddress().toString() << status << message;
    emit refused(status, message);
}

std::optional<quint64> HttpConnection::beginRequest(int headerFields, qint64 bodyBytes)
{
    if (m_rejected)
        return std::nullopt;
    if (m_framed.isEmpty() || m_framed.head().fields != headerFields || m_framed.head().bodyLength != bodyBytes) {
        refuse(400, QStringLiteral("the request could not be framed"));
        return std::nullopt;
    }
    const quint64 slot = m_nextSlot++;
    m_slotClose.insert(slot, m_framed.dequeue().closeAfter);
    ++m_slotsOpen;
    restartTimer();
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
        restartTimer();
}

void HttpConnection::closeWhenIdle()
{
    m_closing = true;
    if (m_slotsOpen == 0)
        m_socket->disconnectFromHost();
}

void HttpConnection::restartTimer()
{
    if (m_slotsOpen > 0 && m_headerBlock.isEmpty() && m_state == State::Headers)
        m_timer.stop(); // the server is working on an answer
    else if (m_slotsOpen == 0 && m_headerBlock.isEmpty() && m_state == State::Headers)
        m_timer.start(m_limits.idleTimeoutMs);
    // else: a header or body timer runs from its start and is never extended
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

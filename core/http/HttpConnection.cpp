#include "HttpConnection.h"

#include "log/Categories.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <cstring>
#include <utility>

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
    // c != 0: strchr() finds the terminating NUL, and "Content-Length\0" is
    // Content-Length to a parser that stops at NUL but not to us.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || (c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
}

// RFC 9110 field-value characters: VCHAR, SP, HTAB, obs-text. Anything else
// (NUL, CR, LF inside a value, other controls) is read differently by
// different parsers.
bool isValueChar(unsigned char c)
{
    return c == '\t' || (c >= 0x20 && c != 0x7f);
}

// Characters a request target may hold that QUrl (which QHttpServer's
// parser filled, and which gave the path and query, FullyEncoded) leaves as
// they are: checked against it for every combination, with '%' left out
// (QUrl rewrites escapes: upper-case hex, unreserved characters decoded).
bool isPlainTargetChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || (c != 0 && std::strchr("-._~!$&'()*+,;=:@/?", c) != nullptr);
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The origin-form part ("/path?query") of a request target, or nullopt when
// a strict reading (RFC 9112 §3.2, RFC 3986) refuses it. QUrl's tolerant
// mode reads anything, but not as other parsers do: it drops a fragment,
// turns "%zz" into "%25zz", encodes raw control and non-ASCII bytes, and a
// target without a leading '/' becomes a relative path no route has.
std::optional<QByteArrayView> originForm(QByteArrayView target)
{
    for (qsizetype i = 0; i < target.size(); ++i) {
        const char c = target[i];
        // Visible ASCII only; '#' starts a fragment, which is never sent.
        if (c < 0x21 || c > 0x7e || c == '#')
            return std::nullopt;
        if (c == '%' && (i + 2 >= target.size() || !isHexDigit(target[i + 1]) || !isHexDigit(target[i + 2])))
            return std::nullopt;
    }
    if (target.startsWith('/'))
        return target;
    // absolute-form (RFC 9112 §3.2.2): the server must accept it; what
    // follows the authority is read as origin-form. No userinfo (RFC 9110
    // §4.2.4: treat it as an error).
    for (const QByteArrayView scheme : {QByteArrayView("http://"), QByteArrayView("https://")}) {
        if (target.size() <= scheme.size() || QByteArrayView(target.first(scheme.size())).compare(scheme, Qt::CaseInsensitive) != 0)
            continue;
        const QByteArrayView rest = target.sliced(scheme.size());
        qsizetype end = 0;
        while (end < rest.size() && rest[end] != '/' && rest[end] != '?')
            ++end;
        if (end == 0 || rest.first(end).contains('@'))
            return std::nullopt;
        return rest.sliced(end); // may be empty or "?…": the caller reads it as "/"
    }
    return std::nullopt; // asterisk-form, authority-form: nothing here serves them
}

// The path (percent-encoded) and query (as sent) of an origin-form target
// (checked by originForm()), as QHttpServerRequest's URL gave them. Plain
// targets (every request a client library sends) are split as they are;
// anything else goes through QUrl as before.
void splitTarget(QByteArrayView origin, QString *path, QByteArray *query)
{
    const QByteArray target = origin.startsWith('/') ? origin.toByteArray() : "/" + origin.toByteArray();
    const bool plain = !target.startsWith("//") && std::all_of(target.begin(), target.end(), isPlainTargetChar);
    const qsizetype mark = target.indexOf('?');
    if (plain) {
        *path = QString::fromLatin1(mark < 0 ? target : target.left(mark));
        *query = mark < 0 ? QByteArray() : target.mid(mark + 1);
        return;
    }
    QUrl url;
    url.setPath(QString::fromLatin1(mark < 0 ? target : target.left(mark)), QUrl::TolerantMode);
    if (mark >= 0)
        url.setQuery(QString::fromLatin1(target.mid(mark + 1)), QUrl::TolerantMode);
    *path = url.path(QUrl::FullyEncoded);
    *query = url.query(QUrl::FullyEncoded).toLatin1();
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, FrameLimits limits, Dispatch dispatch)
    : QObject(socket), m_socket(socket), m_limits(limits), m_dispatch(std::move(dispatch)), m_peer(socket->peerAddress())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_rejected && !m_closed)
            m_socket->abort(); // the answers owed before the refusal did not come in time
        else if (!m_headerBlock.isEmpty() || m_state == State::Body)
            refuse(408, QStringLiteral("the request did not arrive in time"));
        else if (m_slotsOpen == 0)
            m_socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    restartTimer();
}

void HttpConnection::readRequests()
{
    if (m_rejected || m_lastRead) {
        m_socket->readAll(); // nothing more is read
        return;
    }
    const QByteArray data = m_socket->readAll();
    QByteArrayView fresh(data);
    // Bytes after a request that closes the connection are dropped unread.
    while (!fresh.isEmpty() && !m_rejected && !m_lastRead) {
        if (m_state == State::Body) {
            const qint64 take = std::min<qint64>(m_bodyLeft, fresh.size());
            m_current->body.append(fresh.first(take));
            m_bodyLeft -= take;
            fresh = fresh.sliced(take);
            if (m_bodyLeft == 0) {
                m_state = State::Headers;
                m_timer.stop();
                complete();
            }
            continue;
        }
        qsizetype consumed = 0;
        const bool framed = scanHeaders(fresh, &consumed);
        fresh = fresh.sliced(consumed);
        if (!framed)
            break;
        if (m_current && m_state == State::Headers)
            complete(); // no body
    }
    if (m_rejected) {
        m_socket->readAll(); // refuse() has served the requests framed before
        return;
    }
    deliver();
    // Empty lines alone are no activity: sent every few seconds they would
    // keep an idle connection open for ever.
    if (!std::all_of(data.begin(), data.end(), [](char c) { return c == '\r' || c == '\n'; }))
        restartTimer();
}

void HttpConnection::complete()
{
    m_complete.append({std::move(*m_current), m_currentCloses});
    m_current.reset();
    // RFC 9112 §9.6: after "Connection: close" (or an HTTP/1.0 request
    // without keep-alive) no further request on the connection may be
    // processed: a pipelined write after it would run and its answer never
    // be sent.
    m_lastRead = m_currentCloses;
}

// Hands the requests just read to the dispatch function, each in its slot of
// the answer order. A dispatch may answer at once, and close the connection.
void HttpConnection::deliver()
{
    auto requests = std::exchange(m_complete, {});
    for (auto &[request, closeAfter] : requests) {
        if (m_closed)
            return;
        const quint64 slot = m_nextSlot++;
        m_slotClose.insert(slot, closeAfter);
        ++m_slotsOpen;
        restartTimer();
        request.peer = m_peer;
        request.received.start();
        m_dispatch(this, slot, std::move(request));
    }
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
    const std::optional<QByteArrayView> origin = originForm(parts[1]);
    if (!origin) {
        refuse(400, QStringLiteral("malformed request target"));
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
    bool hostSeen = false;
    std::optional<qint64> contentLength;
    HeaderList headers;
    headers.reserve(lines.size() - 1);
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
        QByteArray name = line.left(colon).toLower();
        QByteArray value = line.mid(colon + 1).trimmed();
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
        } else if (name == "host") {
            // RFC 9112 §3.2: more than one Host is a 400 (which one a proxy
            // routed by and which one we read could differ).
            if (hostSeen) {
                refuse(400, QStringLiteral("more than one Host header"));
                return false;
            }
            hostSeen = true;
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
        headers.append({std::move(name), std::move(value)});
    }
    // RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400.
    if (!http10 && !hostSeen) {
        refuse(400, QStringLiteral("a Host header is required"));
        return false;
    }
    const qint64 length = contentLength.value_or(0);
    if (length > m_limits.maxBodyBytes) {
        refuse(413, QStringLiteral("the request body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    if (m_complete.size() + qsizetype(m_slotsOpen) >= m_limits.maxPipelined) {
        refuse(429, QStringLiteral("more than %1 pipelined requests").arg(m_limits.maxPipelined));
        return false;
    }
    // Interim answers must not overtake final ones still owed, and an
    // HTTP/1.0 client gets none (RFC 9110 §15.2).
    if (continueAsked && !http10 && length > 0 && m_complete.isEmpty() && m_slotsOpen == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    HttpRequest request;
    request.method = parts[0];
    splitTarget(*origin, &request.path, &request.rawQuery);
    request.headers = std::move(headers);
    // No reserve(length): a client announcing big bodies on many connections
    // would make memory be held for bytes never sent.
    m_current = std::move(request);
    m_currentCloses = closeAsked || (http10 && !keepAliveAsked);
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
    m_rejected = true; // nothing more is read
    // The requests framed before this one are served as a strict parser
    // reading one request at a time would: first.
    deliver();
    if (m_closed)
        return; // one of them closed the connection (a shutdown)
    const QJsonObject body{{QStringLiteral("code"), QStringLiteral("REQUEST_REFUSED")},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("details"), QJsonValue::Null},
                           {QStringLiteral("hint"), QJsonValue::Null}};
    HttpResponse response{status, {{"Content-Type", "application/json"}}, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
    // The refusal takes the next slot: answers owed for earlier requests go
    // out first. Written at once, it would read as the answer to the oldest
    // of them (whose work goes on, a write perhaps), and the client would
    // take every later answer for the wrong request.
    const quint64 slot = m_nextSlot++;
    ++m_slotsOpen;
    m_ready.insert(slot, {serialize(response, {}, true), true});
    // Those answers get as long as a body would; then the connection is cut.
    if (m_slotsOpen > 1)
        m_timer.start(m_limits.bodyTimeoutMs);
    else
        m_timer.stop();
    qCInfo(lcHttp).noquote() << "refused a request from" << m_peer.toString() << status << message;
    emit refused(status, message);
    flush();
}

void HttpConnection::respond(quint64 slot, const HttpResponse &response, const QString &requestId)
{
    if (m_closed || !m_slotClose.contains(slot))
        return;
    const bool close = m_slotClose.take(slot);
    m_ready.insert(slot, {serialize(response, requestId, close || (m_closing && m_slotsOpen == 1)), close});
    flush();
}

void HttpConnection::flush()
{
    // The answers go to the kernel now, in one send() each, instead of from
    // the socket's write notifier one event-loop round later (a poll()
    // wake-up and a notifier toggle per answer).
    const auto pushOut = qScopeGuard([this] {
        if (m_socket->bytesToWrite() > 0)
            m_socket->flush();
    });
    while (!m_closed && m_ready.contains(m_nextToWrite)) {
        const auto [bytes, close] = m_ready.take(m_nextToWrite);
        ++m_nextToWrite;
        --m_slotsOpen;
        m_socket->write(bytes);
        if (close) {
            m_closed = true; // nothing more is read or written
            m_rejected = true;
            m_timer.stop();
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
    if (m_rejected || m_closed)
        return; // a refusal's deadline runs on
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

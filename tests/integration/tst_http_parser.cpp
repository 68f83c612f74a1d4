// Tablewright's own HTTP/1.1 request parser (HttpConnection) against raw
// clients over 127.0.0.1, from an adversarial review: smuggling (CL+TE,
// duplicate or malformed Content-Length, NUL in a header name, obs-fold,
// bare CR/LF), request targets a strict reading refuses (controls, raw
// non-ASCII, '#', broken escapes, asterisk/authority/relative forms) and
// those it accepts (absolute-form, escapes, dot segments kept as sent),
// limits at ±1, pipelining and its answer order (a refusal after answers
// still owed, nothing read after "Connection: close"), 100-continue, HEAD
// and slow or vanishing clients. Every input is either answered as a strict
// parser reads it or refused with a 4xx, and never desyncs what follows.
// The parser runs in this process: HttpFrontend + HttpListener with a
// recording dispatch, and the real ApiServer for HEAD and routing.

#include "ApiTestSupport.h"
#include "http/HttpConnection.h"
#include "http/HttpFrontend.h"
#include "http/HttpListener.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpSocket>
#include "RawHttpClient.h"

#include <QtTest>

using namespace tw;
using namespace tw::http;

namespace {

// A dispatched request as "METHOD path[?query]", how the routes see it.
QString describe(const HttpRequest &r)
{
    QString out = QString::fromLatin1(r.method) + u' ' + r.path;
    if (!r.rawQuery.isEmpty())
        out += u'?' + QString::fromLatin1(r.rawQuery);
    return out;
}

class Harness
{
public:
    explicit Harness(FrameLimits limits = {})
    {
        frontend = new HttpFrontend([this](HttpConnection *c, quint64 slot, HttpRequest r) {
            seen << describe(r);
            bodies << r.body;
            headers << r.headers;
            HttpResponse response;
            response.headers = {{"Content-Type", "text/plain"}};
            response.body = describe(r).toLatin1();
            if (delayMs > 0) {
                QPointer<HttpConnection> guard(c);
                QTimer::singleShot(delayMs, [guard, slot, response] {
                    if (guard)
                        guard->respond(slot, response, QStringLiteral("rid"));
                });
            } else {
                c->respond(slot, response, QStringLiteral("rid"));
            }
        });
        listener = new HttpListener(limits, std::nullopt, frontend);
        QObject::connect(listener, &HttpListener::refused,
                         [this](int status, const QString &, const QHostAddress &) { refusals << status; });
        ok = listener->listen(QHostAddress::LocalHost, 0);
        frontend->bind(listener);
    }
    ~Harness() { delete frontend; }
    quint16 port() const { return listener->serverPort(); }

    bool ok = false;
    int delayMs = 0;
    HttpFrontend *frontend = nullptr;
    HttpListener *listener = nullptr;
    QStringList seen;
    QList<QByteArray> bodies;
    QList<HeaderList> headers;
    QList<int> refusals;
};

using Client = tw::test::RawHttpClient;

QByteArray get(const QByteArray &target) { return tw::test::rawGet(target); }

const QByteArray kNul(1, '\0');

// One input of eachInputIsReadStrictlyOrRefused(): a refusal always closes.
void row(const char *name, const QByteArray &bytes, const QStringList &dispatched, const QList<int> &statuses,
         bool closes = false)
{
    QTest::newRow(name) << bytes << dispatched << statuses << (closes || statuses.last() >= 400);
}

// The answers in `bytes`, read as a client does (Content-Length framing;
// no body for the answers at the indexes in `heads`): statuses, or an
// empty list when the bytes do not frame exactly.
QList<std::pair<int, QByteArray>> readAnswers(const QByteArray &bytes, const QList<int> &heads)
{
    QList<std::pair<int, QByteArray>> out;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype end = bytes.indexOf("\r\n\r\n", at);
        if (!bytes.mid(at).startsWith("HTTP/1.1 ") || end < 0)
            return {};
        const QByteArray head = bytes.mid(at, end - at);
        qint64 length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (heads.contains(int(out.size())))
            length = 0;
        out.append({head.mid(9, 3).toInt(), head});
        at = end + 4 + length;
    }
    return at == bytes.size() ? out : QList<std::pair<int, QByteArray>>{};
}

QByteArray withHeaders(int fields)
{
    QByteArray out = "GET /h HTTP/1.1\r\nHost: x\r\n";
    for (int i = 1; i < fields; ++i)
        out += "X-F" + QByteArray::number(i) + ": v\r\n";
    return out + "\r\n";
}

// A request whose header block (request line to blank line) is exactly `total` bytes.
QByteArray headerBlockOf(qsizetype total)
{
    QByteArray out = "GET /s HTTP/1.1\r\nHost: x\r\nX-Pad: ";
    out += QByteArray(total - out.size() - 4, 'p');
    return out + "\r\n\r\n";
}

} // namespace

class TstHttpParser : public QObject
{
    Q_OBJECT

private slots:
    // Each input, in one segment and then one byte per segment: the
    // requests dispatched (as the routes see them) and the statuses
    // answered. A refusal closes the connection and dispatches nothing.
    void eachInputIsReadStrictlyOrRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("dispatched");
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<bool>("closes");
        const QList<int> ok{200};
        const QList<int> ok2{200, 200};
        const QList<int> bad{400};
        const QStringList none;
        const auto one = [](const char *s) { return QStringList{QString::fromLatin1(s)}; };

        // Smuggling: the body length must be read as a strict parser reads it, or refused.
        row("CL and TE", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), none, QList<int>{411});
        row("TE chunked", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), none, QList<int>{411});
        row("TE mixed case, listed", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\ntRANSFER-eNCODING: gzip, chunked\r\n\r\n"), none, QList<int>{411});
        row("TE space before colon", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\nContent-Length: 3\r\n\r\nabc"), none, bad);
        // A parser that ends the name at NUL reads a body of 28 bytes (the
        // GET below); we read none, then /smuggled. Before, it was dispatched.
        row("NUL in a header name", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length" + kNul + ": 28\r\n\r\n" + get("/smuggled"), none, bad);
        row("NUL after TE name", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding" + kNul + "x: chunked\r\n\r\n", none, bad);
        row("duplicate CL, same value", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc"), none, bad);
        row("CL list", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc"), none, bad);
        row("CL plus sign", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc"), none, bad);
        row("CL minus sign", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"), none, bad);
        row("CL hex", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0x3\r\n\r\nabc"), none, bad);
        row("CL space inside", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1 2\r\n\r\nabc"), none, bad);
        row("CL empty", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n\r\n"), none, bad);
        row("CL 19 digits", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000000000\r\n\r\n"), none, bad);
        row("CL 18 digits", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999999999\r\n\r\n"), none, QList<int>{413});
        row("CL leading zeros", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0003\r\n\r\nabc") + get("/next"), QStringList{QStringLiteral("POST /a"), QStringLiteral("GET /next")}, ok2);
        row("CL with spaces around", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: \t 3 \t\r\n\r\nabc") + get("/next"), QStringList{QStringLiteral("POST /a"), QStringLiteral("GET /next")}, ok2);
        row("obs-fold", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n"), none, bad);
        row("obs-fold with tab", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX: a\r\n\tContent-Length: 5\r\n\r\n"), none, bad);
        row("bare CR in a value", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX: a\rContent-Length: 5\r\n\r\n"), none, bad);
        row("bare CR ending a line", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX: a\r\r\n\r\n"), none, bad);
        row("bare LF ending a line", QByteArray("GET /a HTTP/1.1\nHost: x\r\n\r\n"), none, bad);
        row("bare LF ending the block", QByteArray("GET /a HTTP/1.1\r\nHost: x\n\n") + get("/b"), none, bad);
        row("space before colon", QByteArray("GET /a HTTP/1.1\r\nHost : x\r\n\r\n"), none, bad);
        row("space inside a name", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nContent Length: 3\r\n\r\n"), none, bad);
        row("empty name", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n"), none, bad);
        row("no colon", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n"), none, bad);
        row("NUL in a value", "GET /a HTTP/1.1\r\nHost: x\r\nX: a" + kNul + "b\r\n\r\n", none, bad);
        row("control byte in a value", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX: a\x01z\r\n\r\n"), none, bad);
        row("DEL in a value", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX: a\x7fz\r\n\r\n"), none, bad);
        row("duplicate Host", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n"), none, bad);
        // RFC 9112 §3.2: Host is required in HTTP/1.1 only.
        row("HTTP/1.1 without Host", QByteArray("GET /a HTTP/1.1\r\n\r\n"), none, bad);
        row("HTTP/1.0 without Host", QByteArray("GET /a HTTP/1.0\r\n\r\n"), one("GET /a"), ok, true);

        // The request line.
        row("lowercase method", QByteArray("get /a HTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("method of 17 letters", QByteArray("ABCDEFGHIJKLMNOPQ /a HTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("unknown method goes to the routes", QByteArray("BREW /a HTTP/1.1\r\nHost: x\r\n\r\n"), one("BREW /a"), ok);
        row("HTTP/0.9", QByteArray("GET /a\r\n\r\n"), none, bad);
        row("HTTP/2.0", QByteArray("GET /a HTTP/2.0\r\nHost: x\r\n\r\n"), none, bad);
        row("HTTP/1.10", QByteArray("GET /a HTTP/1.10\r\nHost: x\r\n\r\n"), none, bad);
        row("lowercase version", QByteArray("GET /a http/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("h2 preface", QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), none, bad);
        row("tab as separator", QByteArray("GET\t/a\tHTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("trailing space", QByteArray("GET /a HTTP/1.1 \r\nHost: x\r\n\r\n"), none, bad);
        row("empty lines first", QByteArray("\r\n\r\n") + get("/a"), one("GET /a"), ok);

        // Request targets: what a strict reading refuses.
        row("NUL in target", get("/a" + kNul + "b"), none, bad);
        row("control byte in target", QByteArray("GET /a\x01" "b HTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("tab in target", QByteArray("GET /a\tb HTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("DEL in target", QByteArray("GET /a\x7f HTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("raw UTF-8 in target", QByteArray("GET /caf\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("invalid UTF-8 in target", QByteArray("GET /a\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("raw non-ASCII in query", QByteArray("GET /a?q=\xe9 HTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("fragment", get("/a?x=1#frag"), none, bad);
        row("escape with non-hex", get("/a%zz"), none, bad);
        row("escape cut short", get("/a%4"), none, bad);
        row("percent at the end of the query", get("/a?x=%"), none, bad);
        row("empty path, query only", get("?a=1"), none, bad);
        row("relative path", get("a/b"), none, bad);
        row("asterisk-form", QByteArray("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"), none, bad);
        row("authority-form", QByteArray("CONNECT h.example:443 HTTP/1.1\r\nHost: h.example:443\r\n\r\n"), none, bad);
        row("absolute-form with userinfo", get("http://user:pw@h.example/a"), none, bad);
        row("absolute-form, other scheme", get("ftp://h.example/a"), none, bad);
        row("absolute-form, no authority", get("http:///a"), none, bad);

        // Request targets: what is accepted, and how the routes see it.
        row("plain", get("/api/v1/x?select=a,b&id=eq.1"), one("GET /api/v1/x?select=a,b&id=eq.1"), ok);
        row("absolute-form", get("http://h.example:8080/a/b?x=1"), one("GET /a/b?x=1"), ok);
        row("absolute-form, scheme in capitals", get("HTTPS://h.example/a"), one("GET /a"), ok);
        row("absolute-form without a path", get("http://h.example"), one("GET /"), ok);
        row("absolute-form, query without a path", get("http://h.example?x=1"), one("GET /?x=1"), ok);
        row("question mark twice", get("/a?x=1?y=2"), one("GET /a?x=1?y=2"), ok);
        row("empty query", get("/a?"), one("GET /a"), ok);
        row("dot segments kept", get("/a/../b/./c"), one("GET /a/../b/./c"), ok);
        row("escaped dots", get("/a/%2e%2e/b"), one("GET /a/../b"), ok);
        row("escaped slash stays escaped", get("/a%2fb/c"), one("GET /a%2Fb/c"), ok);
        row("escaped NUL stays escaped", get("/a%00b"), one("GET /a%00b"), ok);
        row("overlong escape stays escaped", get("/a%C0%AE%C0%AE"), one("GET /a%C0%AE%C0%AE"), ok);
        row("escaped UTF-8", get("/caf%c3%a9"), one("GET /caf%C3%A9"), ok);
        row("escaped delimiters in the query", get("/a?x=%3D%26&y=%2B+z"), one("GET /a?x=%3D%26&y=%2B+z"), ok);
        row("double slash is a path", get("//evil.example/a"), one("GET //evil.example/a"), ok);
        row("characters QUrl escapes", get("/a\"b<c>{d}"), one("GET /a%22b%3Cc%3E%7Bd%7D"), ok);

        // Connection handling.
        row("keep-alive by default", get("/a") + get("/b"), QStringList{QStringLiteral("GET /a"), QStringLiteral("GET /b")}, ok2);
        row("close in a list", QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n") + get("/b"), one("GET /a"), ok, true);
        row("HTTP/1.0 closes", QByteArray("GET /a HTTP/1.0\r\n\r\n") + get("/b"), one("GET /a"), ok, true);
        row("HTTP/1.0 keep-alive", QByteArray("GET /a HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") + get("/b"), QStringList{QStringLiteral("GET /a"), QStringLiteral("GET /b")}, ok2);
        row("unknown expectation", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\nz"), none, QList<int>{417});
        row("CL 0 then a request", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n") + get("/b"), QStringList{QStringLiteral("POST /a"), QStringLiteral("GET /b")}, ok2);
        row("good requests, then a bad one", get("/a") + get("/b") + get("/c\x01"),
            QStringList{QStringLiteral("GET /a"), QStringLiteral("GET /b")}, QList<int>{200, 200, 400});
        row("body without CL is the next request", QByteArray("POST /a HTTP/1.1\r\nHost: x\r\n\r\n{}") + get("/b"), one("POST /a"), QList<int>{200, 400});
    }
    void eachInputIsReadStrictlyOrRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, dispatched);
        QFETCH(QList<int>, statuses);
        QFETCH(bool, closes);
        for (const bool bytewise : {false, true}) {
            Harness server;
            QVERIFY(server.ok);
            Client client;
            QVERIFY(client.connectTo(server.port()));
            if (bytewise) {
                for (char c : bytes)
                    client.send(QByteArray(1, c), 0);
            } else {
                client.send(bytes, 0);
            }
            QTRY_VERIFY_WITH_TIMEOUT(client.statuses().size() >= statuses.size() || client.closed, 5000);
            QTest::qWait(50);
            const QByteArray context = QByteArray(bytewise ? "byte by byte: " : "one segment: ") + "dispatched "
                                       + server.seen.join(u'|').toLatin1() + "; answered " + client.received.left(400);
            QVERIFY2(server.seen == dispatched, context.constData());
            QVERIFY2(client.statuses() == statuses, context.constData());
            QVERIFY2(client.closed == closes, context.constData());
        }
    }

    // Request bodies reach the dispatch byte for byte, whatever the segments.
    void bodiesArriveWhole()
    {
        Harness server;
        QVERIFY(server.ok);
        const QByteArray body = "{\n \"a\": \"\r\n" + kNul + "\"}";
        Client client;
        QVERIFY(client.connectTo(server.port()));
        const QByteArray request = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        for (char c : request + get("/b"))
            client.send(QByteArray(1, c), 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.statuses(), (QList<int>{200, 200}), 5000);
        QCOMPARE(server.bodies.value(0), body);
        QVERIFY(server.bodies.value(1).isEmpty());
    }

    // Header fields: exactly at the limit passes, one more is 431; the same
    // for the header block's bytes and the target's length.
    void limitsHoldAtTheirEdge()
    {
        FrameLimits limits;
        limits.maxHeaderBytes = 1024;
        limits.maxUrlBytes = 200;
        limits.maxHeaderFields = 20;
        const auto statusOf = [&](const QByteArray &bytes) {
            Harness server(limits);
            Client client;
            if (!server.ok || !client.connectTo(server.port()))
                return -1;
            client.send(bytes, 0);
            QElapsedTimer clock;
            clock.start();
            while (client.statuses().isEmpty() && !client.closed && clock.elapsed() < 5000)
                QTest::qWait(5);
            return client.statuses().value(0, 0);
        };
        QCOMPARE(statusOf(withHeaders(20)), 200);
        QCOMPARE(statusOf(withHeaders(21)), 431);
        QCOMPARE(statusOf(headerBlockOf(1024)), 200);
        QCOMPARE(statusOf(headerBlockOf(1025)), 431);
        QCOMPARE(statusOf(get("/" + QByteArray(199, 'u'))), 200);
        QCOMPARE(statusOf(get("/" + QByteArray(200, 'u'))), 414);
        // The default limit of header fields (Qt's old parser dropped all beyond 100).
        Harness standard;
        Client client;
        QVERIFY(standard.ok && client.connectTo(standard.port()));
        client.send(withHeaders(100) + withHeaders(101), 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.statuses(), (QList<int>{200, 431}), 5000);
        QCOMPARE(standard.headers.value(0).size(), 100);
    }

    // A refusal is the answer to the request it refuses: answers owed for
    // earlier requests go out first. Before, the 400 went out at once (read
    // by the client as the answer to /slow, which still ran) and the 200
    // was dropped.
    void aRefusalComesAfterTheAnswersStillOwed()
    {
        Harness server;
        server.delayMs = 300;
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(get("/slow"), 50);
        client.send("GET /bad HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\n", 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(server.seen, QStringList{QStringLiteral("GET /slow")});
        QCOMPARE(client.statuses(), (QList<int>{200, 400}));
        QVERIFY(client.received.indexOf("GET /slow") < client.received.indexOf("HTTP/1.1 400"));
    }

    // The same for a request that does not arrive in time (408) behind one being answered.
    void aTimeoutComesAfterTheAnswersStillOwed()
    {
        FrameLimits limits;
        limits.headerTimeoutMs = 300;
        Harness server(limits);
        server.delayMs = 600;
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(get("/slow") + "GET /late HTTP/1.1\r\n", 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(client.statuses(), (QList<int>{200, 408}));
    }

    // RFC 9112 §9.6: nothing after a request with "Connection: close" is
    // processed. Before, the POST below ran and its answer was never sent.
    void nothingAfterConnectionCloseIsProcessed()
    {
        Harness server;
        server.delayMs = 200;
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    "POST /write HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(server.seen, QStringList{QStringLiteral("GET /a")});
        QCOMPARE(client.statuses(), QList<int>{200});
        QVERIFY(client.received.contains("Connection: close\r\n"));
    }

    // Pipelining past max_pipelined: the requests within the limit are
    // answered, then the one past it is refused with 429.
    void pipeliningPastTheLimitIsRefused()
    {
        Harness server;
        QVERIFY(server.ok);
        QByteArray all;
        for (int i = 0; i < 40; ++i)
            all += get("/p" + QByteArray::number(i));
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(all, 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QList<int> expected(32, 200);
        QCOMPARE(client.statuses(), expected << 429);
        QCOMPARE(server.seen.size(), 32);
        // At the limit, answers come back in order.
        Harness again;
        again.delayMs = 50;
        Client second;
        QVERIFY(second.connectTo(again.port()));
        all.clear();
        QByteArray inOrder;
        for (int i = 0; i < 32; ++i) {
            all += get("/p" + QByteArray::number(i));
            inOrder += "GET /p" + QByteArray::number(i) + ";";
        }
        second.send(all, 0);
        QTRY_COMPARE_WITH_TIMEOUT(second.statuses().size(), 32, 5000);
        QByteArray order;
        for (const QByteArray &part : second.received.split('\n')) {
            if (part.startsWith("GET /p"))
                order += part.left(part.indexOf("HTTP/1.1") < 0 ? part.size() : part.indexOf("HTTP/1.1")) + ";";
        }
        QCOMPARE(order, inOrder);
    }

    void expectContinue()
    {
        Harness server;
        QVERIFY(server.ok);
        // With a body: one interim answer, then the final one.
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", 100);
        QCOMPARE(client.received, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        client.send("abc", 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.statuses(), (QList<int>{100, 200}), 3000);
        QCOMPARE(server.bodies.value(0), QByteArray("abc"));
        // Without a body: no interim answer.
        Client empty;
        QVERIFY(empty.connectTo(server.port()));
        empty.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n", 0);
        QTRY_COMPARE_WITH_TIMEOUT(empty.statuses(), QList<int>{200}, 3000);
        // HTTP/1.0 clients get no 1xx answer (RFC 9110 §15.2).
        Client old;
        QVERIFY(old.connectTo(server.port()));
        old.send("POST /e HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", 100);
        QVERIFY2(!old.received.contains("100 Continue"), old.received.constData());
        old.send("abc", 0);
        QTRY_COMPARE_WITH_TIMEOUT(old.statuses(), QList<int>{200}, 3000);
    }

    // A body arriving slowly is read while it keeps within body_timeout; one
    // slower than that is 408 and never dispatched.
    void slowBodies()
    {
        FrameLimits limits;
        limits.bodyTimeoutMs = 600;
        Harness server(limits);
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n", 0);
        for (char c : QByteArray("abcd"))
            client.send(QByteArray(1, c), 100);
        QTRY_COMPARE_WITH_TIMEOUT(client.statuses(), QList<int>{200}, 3000);
        Client slower;
        QVERIFY(slower.connectTo(server.port()));
        slower.send("POST /slower HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab", 0);
        QTRY_VERIFY_WITH_TIMEOUT(slower.closed, 3000);
        QCOMPARE(slower.statuses(), QList<int>{408});
        QCOMPARE(server.seen, QStringList{QStringLiteral("POST /slow")});
    }

    // Clients that go away mid-body or with answers pending: nothing is
    // dispatched for the cut request, nothing crashes, the next client is served.
    void clientsClosingEarly()
    {
        Harness server;
        server.delayMs = 200;
        QVERIFY(server.ok);
        {
            Client client;
            QVERIFY(client.connectTo(server.port()));
            client.send("POST /cut HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc", 20);
            client.socket->abort();
        }
        {
            Client client;
            QVERIFY(client.connectTo(server.port()));
            client.send(get("/a") + get("/b"), 20);
            client.socket->disconnectFromHost();
        }
        QTest::qWait(400); // the delayed answers come for connections that are gone
        QCOMPARE(server.seen, (QStringList{QStringLiteral("GET /a"), QStringLiteral("GET /b")}));
        Client next;
        QVERIFY(next.connectTo(server.port()));
        next.send(get("/next"), 0);
        QTRY_COMPARE_WITH_TIMEOUT(next.statuses(), QList<int>{200}, 3000);
    }

    // Empty lines before a request are allowed (RFC 9112 §2.2) but are no
    // activity: they do not keep an idle connection open.
    void emptyLinesDoNotKeepAConnectionOpen()
    {
        FrameLimits limits;
        limits.idleTimeoutMs = 400;
        Harness server(limits);
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port()));
        QElapsedTimer clock;
        clock.start();
        while (!client.closed && clock.elapsed() < 3000)
            client.send("\r\n", 100);
        QVERIFY2(client.closed, "CRLF every 100 ms kept the connection open");
        QVERIFY(client.received.isEmpty());
    }

    // The real server: HEAD answers carry the GET's Content-Length and no
    // body, so the pipelined request after it is read from the right byte;
    // an absolute-form target is routed by its path; dot segments are not
    // resolved into another route.
    void theServerAnswersHeadAndAbsoluteFormTargets()
    {
        tw::test::ApiFixture api;
        QVERIFY(api.setUp(QString(), QStringLiteral("https://api.tablewright.test")));
        const QByteArray answers = tw::test::rawExchange(api.port(), get("/api/v1/health")
                                                                     + "HEAD /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
                                                                     + get("http://127.0.0.1/api/v1/health")
                                                                     + get("/api/v1/x/../health")
                                                                     + get("/api/v1/health?close=1").replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"),
                                                     5000);
        const auto read = readAnswers(answers, {1});
        QList<int> statuses;
        for (const auto &[status, head] : read)
            statuses << status;
        QVERIFY2(statuses == (QList<int>{200, 200, 200, 404, 200}), answers.constData());
        const auto lengthOf = [](const QByteArray &head) {
            const qsizetype at = head.toLower().indexOf("content-length: ");
            return head.mid(at + 16, head.indexOf('\r', at) - at - 16);
        };
        QCOMPARE(lengthOf(read[1].second), lengthOf(read[0].second));
        QCOMPARE(read[1].second.toLower().count("content-length"), 1);
    }
};

QTEST_MAIN(TstHttpParser)
#include "tst_http_parser.moc"

// The connection guard against Qt 6.4's HTTP parser: the real HttpFrontend +
// HttpListener + HttpConnection wiring of ApiServer (same order: listen,
// bind) with a recording dispatch, and raw clients writing
// in segments (one byte at a time, every split point, CR|LF across
// segments, TLS). Requests the two parsers could read differently — more
// header fields than Qt's parser keeps, hidden bodies and targets — must
// never reach the dispatch.

#include "http/HttpConnection.h"
#include "http/HttpFrontend.h"
#include "http/HttpListener.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include "RawHttpClient.h"

#include <QtTest>



using namespace tw::http;

namespace {

struct Seen
{
    QByteArray method;
    QString path;
    qsizetype bodySize = 0;
    int headerCount = 0;
};

class Harness
{
public:
    explicit Harness(FrameLimits limits = {}, std::optional<QSslConfiguration> tls = std::nullopt)
    {
        frontend = new HttpFrontend([this](HttpConnection *c, quint64 slot, HttpRequest r) {
            seen << Seen{r.method, r.path, r.body.size(), int(r.headers.size())};
            HttpResponse response{200, {{"Content-Type", "text/plain"}},
                                  r.method + ' ' + r.path.toLatin1() + " body=" + QByteArray::number(r.body.size()), {}};
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
        listener = new HttpListener(limits, tls, frontend);
        QObject::connect(listener, &HttpListener::refused, [this](int status, const QString &reason, const QHostAddress &) {
            refusals << qMakePair(status, reason);
        });
        ok = listener->listen(QHostAddress::LocalHost, 0);
        frontend->bind(listener);
    }
    ~Harness() { delete frontend; }
    quint16 port() const { return listener->serverPort(); }
    QStringList paths() const
    {
        QStringList out;
        for (const auto &s : seen)
            out << s.path;
        return out;
    }

    bool ok = false;
    int delayMs = 0;
    HttpFrontend *frontend = nullptr;
    HttpListener *listener = nullptr;
    QList<Seen> seen;
    QList<QPair<int, QString>> refusals;
};

using Client = tw::test::RawHttpClient;

QByteArray get(const QByteArray &target) { return tw::test::rawGet(target); }

} // namespace

class TstApiFraming : public QObject
{
    Q_OBJECT

private slots:
    // Qt 6.4's header parser drops ALL headers of a request with more than
    // 100 fields and ignores its own failure: it would see no Content-Length
    // where the guard framed one.
    void manyHeaderFieldsDoNotSmuggleTheBody()
    {
        Harness server;
        QVERIFY(server.ok);
        const QByteArray smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        QByteArray head = "POST /outer HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(smuggled.size()) + "\r\n";
        for (int i = 0; i < 100; ++i)
            head += "X-F" + QByteArray::number(i) + ": v\r\n";
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(head + "\r\n" + smuggled, 200);
        client.send(get("/after"), 500);
        qInfo() << "paths seen:" << server.paths() << "statuses:" << client.statuses() << "refusals:" << server.refusals;
        for (const auto &s : server.seen)
            qInfo() << "  " << s.method << s.path << "body" << s.bodySize << "headers" << s.headerCount;
        QVERIFY2(!server.paths().contains(QStringLiteral("/smuggled")), "a request hidden in a body reached the dispatch");
    }

    // The same desync used to get a body larger than max_body_bytes to the
    // dispatch, and a Transfer-Encoding request past the guard.
    void manyHeaderFieldsDoNotBypassTheBodyLimit()
    {
        FrameLimits limits;
        limits.maxBodyBytes = 1000;
        Harness server(limits);
        QVERIFY(server.ok);
        // The hidden request announces 20 000 bytes; the guard reads them as
        // 20 pipelined requests of 1000 bytes each (under the cap of 32).
        const int parts = 20;
        QByteArray fake;
        for (int i = 0; i < parts; ++i) {
            QByteArray h = "POST /f HTTP/1.1\r\nContent-Length: ";
            QByteArray rest = "\r\n\r\n";
            // each fake request, headers + body, is exactly 1000 + its header size
            fake += h + "900" + rest + QByteArray(900, 'b');
        }
        const QByteArray hidden = "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(fake.size()) + "\r\n\r\n";
        QByteArray head = "POST /outer HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(hidden.size()) + "\r\n";
        for (int i = 0; i < 100; ++i)
            head += "X-F" + QByteArray::number(i) + ": v\r\n";
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(head + "\r\n" + hidden, 200);
        client.send(fake, 500);
        client.send(get("/after"), 500);
        qInfo() << "statuses:" << client.statuses() << "refusals:" << server.refusals;
        qsizetype biggest = 0;
        for (const auto &s : server.seen) {
            qInfo() << "  " << s.method << s.path << "body" << s.bodySize << "headers" << s.headerCount;
            biggest = std::max(biggest, s.bodySize);
        }
        QVERIFY2(biggest <= limits.maxBodyBytes, qPrintable(QStringLiteral("a body of %1 bytes reached the dispatch").arg(biggest)));
    }

    // The hidden request skips every check of the guard: here a 200 KB target
    // (max_url_bytes 8192 → 414) and 150 header fields reach the dispatch.
    void manyHeaderFieldsDoNotSmuggleALongTarget()
    {
        Harness server;
        QVERIFY(server.ok);
        QByteArray hidden = "GET /" + QByteArray(200000, 'u') + " HTTP/1.1\r\nHost: x\r\n";
        QByteArray head = "POST /outer HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(hidden.size()) + "\r\n";
        for (int i = 0; i < 100; ++i)
            head += "X-F" + QByteArray::number(i) + ": v\r\n";
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(head + "\r\n" + hidden, 200);
        client.send("\r\n" + get("/after"), 500); // completes the hidden head; the guard frames /after
        qInfo() << "statuses:" << client.statuses() << "refusals:" << server.refusals;
        for (const auto &s : server.seen)
            qInfo() << "  " << s.method << s.path.left(20) << "path length" << s.path.size() << "headers" << s.headerCount;
        for (const auto &s : server.seen)
            QVERIFY2(s.path.size() <= 8192, "a 200 KB request target reached the dispatch");
    }

    // Default limits (1 MiB body): how large a body can the hidden request carry?
    void hiddenRequestWithDefaultLimits()
    {
        FrameLimits limits;
        limits.bodyTimeoutMs = 8000;
        limits.headerTimeoutMs = 8000;
        Harness server(limits);
        QVERIFY(server.ok);
        const int parts = 8;
        const qint64 each = limits.maxBodyBytes;
        QByteArray fake;
        for (int i = 0; i < parts; ++i)
            fake += "POST /f HTTP/1.1\r\nContent-Length: " + QByteArray::number(each) + "\r\n\r\n" + QByteArray(each, 'b');
        const QByteArray hidden = "POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  + QByteArray::number(fake.size(), 16) + "\r\n";
        QByteArray head = "POST /outer HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(hidden.size()) + "\r\n";
        for (int i = 0; i < 100; ++i)
            head += "X-F" + QByteArray::number(i) + ": v\r\n";
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(head + "\r\n" + hidden, 200);
        client.send(fake, 300);
        client.send("\r\n0\r\n\r\n", 500);
        QTRY_VERIFY_WITH_TIMEOUT(server.seen.size() >= 2 || client.closed, 12000);
        qInfo() << "statuses:" << client.statuses() << "refusals:" << server.refusals << "closed" << client.closed;
        qsizetype biggest = 0;
        for (const auto &s : server.seen) {
            qInfo() << "  " << s.method << s.path << "body" << s.bodySize << "headers" << s.headerCount;
            biggest = std::max(biggest, s.bodySize);
        }
        QVERIFY2(biggest <= limits.maxBodyBytes, qPrintable(QStringLiteral("a chunked body of %1 bytes reached the dispatch").arg(biggest)));
    }

    // One byte per segment, every boundary: the answers must be 200s in order.
    void oneBytePerSegment()
    {
        Harness server;
        QVERIFY(server.ok);
        const QByteArray req = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello" + get("/b");
        Client client;
        QVERIFY(client.connectTo(server.port()));
        for (char c : req)
            client.send(QByteArray(1, c), 3);
        QTest::qWait(300);
        qInfo() << "paths" << server.paths() << client.statuses() << server.refusals;
        QCOMPARE(server.paths(), (QStringList{QStringLiteral("/a"), QStringLiteral("/b")}));
        QCOMPARE(client.statuses(), (QList<int>{200, 200}));
    }

    // Every split point of two pipelined requests into two segments.
    void everySplitPoint()
    {
        Harness server;
        QVERIFY(server.ok);
        const QByteArray req = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n\r\n\r\n" + get("/b")
                               + "PUT /c HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
        int bad = 0;
        for (int cut = 1; cut < req.size(); ++cut) {
            server.seen.clear();
            server.refusals.clear();
            Client client;
            QVERIFY(client.connectTo(server.port()));
            client.send(req.left(cut), 5);
            client.send(req.mid(cut), 5);
            QTRY_VERIFY_WITH_TIMEOUT(client.statuses().size() >= 3 || client.closed, 2000);
            if (server.paths() != QStringList{QStringLiteral("/a"), QStringLiteral("/b"), QStringLiteral("/c")}
                || client.statuses() != QList<int>{200, 200, 200}) {
                ++bad;
                qInfo() << "cut" << cut << server.paths() << client.statuses() << server.refusals;
            }
        }
        QCOMPARE(bad, 0);
    }

    // A body may hold bare line feeds (pretty-printed JSON): only the header
    // block must end its lines with CRLF — in one segment and split anywhere.
    void bareLineFeedsInABodyAreBody()
    {
        Harness server;
        QVERIFY(server.ok);
        const QByteArray body = "{\n  \"a\": 1\n}\n";
        const QByteArray req = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size())
                               + "\r\n\r\n" + body + get("/b");
        int bad = 0;
        for (int cut = 0; cut < req.size(); ++cut) {
            server.seen.clear();
            server.refusals.clear();
            Client client;
            QVERIFY(client.connectTo(server.port()));
            if (cut > 0)
                client.send(req.left(cut), 5);
            client.send(req.mid(cut), 5);
            QTRY_VERIFY_WITH_TIMEOUT(client.statuses().size() >= 2 || client.closed, 2000);
            if (server.paths() != QStringList{QStringLiteral("/a"), QStringLiteral("/b")}
                || client.statuses() != QList<int>{200, 200} || server.seen.first().bodySize != body.size()) {
                ++bad;
                qInfo() << "cut" << cut << server.paths() << client.statuses() << server.refusals;
            }
        }
        QCOMPARE(bad, 0);
        // A bare line feed in the headers is still refused.
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send("GET /c HTTP/1.1\nHost: x\r\n\r\n", 300);
        QCOMPARE(client.statuses(), QList<int>{400});
    }

    // Empty lines (CRLF) before a request are allowed by RFC 9112 and by the
    // parser; split CR | LF across segments.
    void leadingCrlfSplitAcrossSegments()
    {
        Harness server;
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(get("/a") + "\r", 50);
        client.send("\n" + get("/b"), 300);
        qInfo() << server.paths() << client.statuses() << server.refusals;
        QCOMPARE(client.statuses(), (QList<int>{200, 200}));
    }

    // Many small pipelined requests in one segment, then across segments.
    void manyPipelinedInOneSegment()
    {
        Harness server;
        QVERIFY(server.ok);
        QByteArray all;
        for (int i = 0; i < 30; ++i)
            all += get("/p" + QByteArray::number(i));
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(all, 500);
        qInfo() << server.paths().size() << client.statuses().size() << server.refusals;
        QCOMPARE(client.statuses().size(), 30);
    }

    // The parser writes its own "100 Continue" (sendContinue) besides the guard's.
    void expectContinueIsAnsweredOnce()
    {
        Harness server;
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", 200);
        client.send("abc", 300);
        qInfo() << client.received;
        QCOMPARE(client.received.count("100 Continue"), 1);
    }

    // A 100 Continue must not come before the final answer to an earlier request.
    void expectContinueAfterPendingAnswer()
    {
        Harness server;
        server.delayMs = 500;
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(get("/slow") + "POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", 100);
        const QByteArray early = client.received;
        client.send("abc", 1500);
        qInfo() << "before first answer:" << early << "all:" << client.received;
        QVERIFY2(!early.contains("100 Continue"), "an interim answer overtook a final one still owed");
    }

    // Constructs the parser reads but the guard refuses (must be refused, not desync).
    void lenientConstructsAreRefusedCleanly_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lowercase method") << QByteArray("get / HTTP/1.1\r\n\r\n");
        QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\n\r\n");
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n");
        QTest::newRow("leading space") << QByteArray(" GET / HTTP/1.1\r\n\r\n");
        QTest::newRow("NUL in target") << QByteArray("GET /a\0b HTTP/1.1\r\n\r\n", 21);
        QTest::newRow("CL plus") << QByteArray("POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\nabc");
        QTest::newRow("CL space inside") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1 2\r\n\r\nabc");
        QTest::newRow("TE identity") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: identity\r\nContent-Length: 3\r\n\r\nabc");
        QTest::newRow("folded") << QByteArray("GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n");
        QTest::newRow("obs-text") << QByteArray("GET / HTTP/1.1\r\nX: \xff\xfe\r\n\r\n");
        QTest::newRow("long header name") << QByteArray("GET / HTTP/1.1\r\n" + QByteArray(9000, 'N') + ": v\r\n\r\n");
        QTest::newRow("upgrade websocket") << QByteArray("GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n" + get("/next"));
        QTest::newRow("CONNECT with body") << QByteArray("CONNECT x:1 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc" + get("/next"));
        QTest::newRow("unknown method") << QByteArray("BREW / HTTP/1.1\r\n\r\n");
        QTest::newRow("absolute form") << QByteArray("GET http://evil.example/x?y HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("CL leading zeros") << QByteArray("POST /z HTTP/1.1\r\nContent-Length: 0003\r\n\r\nabc" + get("/next"));
        QTest::newRow("HTTP/1.0 with body") << QByteArray("POST /z HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc");
        QTest::newRow("CL 0 then bytes") << QByteArray("POST /z HTTP/1.1\r\nContent-Length: 0\r\n\r\n" + get("/next"));
    }
    void lenientConstructsAreRefusedCleanly()
    {
        QFETCH(QByteArray, bytes);
        Harness server;
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port()));
        client.send(bytes, 400);
        qInfo().noquote() << QTest::currentDataTag() << "->" << server.paths() << client.statuses() << server.refusals
                          << "closed" << client.closed;
        for (const auto &s : server.seen)
            qInfo() << "  " << s.method << s.path << "body" << s.bodySize;
        // Whatever it is, the number of dispatched requests equals the answers.
        QVERIFY(server.seen.size() <= client.statuses().size());
    }

    void tlsOneBytePerSegment()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("no openssl");
        QTemporaryDir dir;
        QProcess p;
        p.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-newkey"),
                          QStringLiteral("rsa:2048"), QStringLiteral("-keyout"), dir.filePath(QStringLiteral("k.pem")),
                          QStringLiteral("-out"), dir.filePath(QStringLiteral("c.pem")), QStringLiteral("-days"),
                          QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        QVERIFY(p.waitForFinished(30000));
        QFile kf(dir.filePath(QStringLiteral("k.pem"))), cf(dir.filePath(QStringLiteral("c.pem")));
        QVERIFY(kf.open(QIODevice::ReadOnly) && cf.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(cf.readAll()));
        tls.setPrivateKey(QSslKey(kf.readAll(), QSsl::Rsa));
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        Harness server({}, tls);
        QVERIFY(server.ok);
        Client client;
        QVERIFY(client.connectTo(server.port(), true));
        const QByteArray req = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello" + get("/b") + get("/c");
        for (char c : req)
            client.send(QByteArray(1, c), 2);
        QTest::qWait(300);
        client.send(get("/d") + get("/e") + "POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nxy", 400);
        qInfo() << server.paths() << client.statuses() << server.refusals;
        QCOMPARE(client.statuses().size(), 6);
    }
};

QTEST_MAIN(TstApiFraming)
#include "tst_api_framing.moc"

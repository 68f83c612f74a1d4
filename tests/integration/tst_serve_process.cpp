// `tablewright serve` as a process, the way systemd or a container runs it:
// the real binary, a config file written here, two SQLite connections and a
// real OpenID provider. Checks the READY line and the sd_notify datagrams,
// JSON-lines logging without tokens or secrets, the graceful SIGTERM with a
// request in flight, SIGINT, exit codes of configuration errors, the
// clear-text warning on a wildcard address and a port already in use.
#include "ApiTestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QtTest>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

// One `tablewright serve` child. Output is gathered by signals, so the
// test's own event loop (and its HTTP clients) keeps running meanwhile.
class ServeRun
{
public:
    ServeRun(const QStringList &args, QByteArrayList *sink, const QMap<QString, QString> &env = {}) : m_sink(sink)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"TABLEWRIGHT_CONFIG", "DATABASE_URL", "NOTIFY_SOCKET"})
            environment.remove(QLatin1String(name));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            environment.insert(it.key(), it.value());
        m_process.setProcessEnvironment(environment);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { m_out += m_process.readAllStandardOutput(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] { m_err += m_process.readAllStandardError(); });
        m_process.start(QStringLiteral(TW_APP_BINARY), QStringList{QStringLiteral("serve")} + args);
        m_process.waitForStarted(10000);
    }

    ~ServeRun()
    {
        m_process.disconnect();
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
        drain();
        if (m_sink)
            *m_sink << m_out << m_err;
    }

    // The base URL of the READY line; empty when the process ended (or
    // timed out) without printing it.
    QUrl waitReady(int timeoutMs = 20000)
    {
        static const QRegularExpression ready(QStringLiteral("^READY (https?://\\S+)$"), QRegularExpression::MultilineOption);
        const QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            drain();
            const auto match = ready.match(QString::fromUtf8(m_out));
            if (match.hasMatch() && m_out.endsWith('\n'))
                return QUrl(match.captured(1));
            if (m_process.state() == QProcess::NotRunning)
                return {};
            QTest::qWait(20);
        }
        return {};
    }

    // The exit code, or -1 when it crashed or still runs after timeoutMs.
    int waitExit(int timeoutMs = 20000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (m_process.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        drain();
        if (m_process.state() != QProcess::NotRunning || m_process.exitStatus() != QProcess::NormalExit)
            return -1;
        return m_process.exitCode();
    }

    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    QByteArray out() const { return m_out; }
    QByteArray err() const { return m_err; }

private:
    void drain()
    {
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
    }

    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    QByteArrayList *m_sink;
};

// The first stderr line that is not a JSON object, or an empty string.
QString nonJsonLine(const QByteArray &err)
{
    for (const QByteArray &line : err.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return QString::fromUtf8(line);
    }
    return {};
}

bool hasLogLine(const QByteArray &err, const QString &level, const QString &fragment)
{
    for (const QByteArray &line : err.split('\n')) {
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        if (record.value(QStringLiteral("level")).toString() == level
            && record.value(QStringLiteral("msg")).toString().contains(fragment))
            return true;
    }
    return false;
}

// A unix datagram socket standing in for systemd's NOTIFY_SOCKET.
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path) : m_path(path.toUtf8())
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, m_path.constData(), sizeof(address.sun_path));
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~NotifySocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        ::unlink(m_path.constData());
    }
    bool isValid() const { return m_fd >= 0; }
    QByteArray received()
    {
        char buffer[4096];
        ssize_t n;
        while ((n = ::recv(m_fd, buffer, sizeof(buffer), 0)) > 0)
            m_datagrams += QByteArray(buffer, n) + '\n';
        return m_datagrams;
    }

private:
    QByteArray m_path;
    QByteArray m_datagrams;
    int m_fd = -1;
};

} // namespace

class TstServeProcess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    QByteArray m_token;                 // analyst-app's real access token
    QByteArrayList m_tokensUsed;        // every token sent to a server
    QByteArrayList m_logged;            // stdout and stderr of every run

    QString writeFile(const QString &name, const QByteArray &text)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text);
        return file.fileName();
    }

    QString auditPath() const { return m_dir.filePath(QStringLiteral("audit/audit.jsonl")); }

    // Two SQLite connections (archive readonly), the provider as issuer,
    // listening on any loopback port, plus `apiExtra` lines under api:.
    QString writeConfig(const QString &name, const QByteArray &apiExtra = {})
    {
        return writeFile(name,
                         "connections:\n"
                         "  - name: main\n"
                         "    driver: sqlite\n"
                         "    file: main.db\n"
                         "  - name: archive\n"
                         "    driver: sqlite\n"
                         "    file: archive.db\n"
                         "    readonly: true\n"
                         "api:\n"
                         "  listen: 127.0.0.1:0\n"
                         "  oidc:\n"
                         "    issuer: '" + m_provider.issuer().toUtf8() + "'\n"
                         "    audience: '" + kAudience.toUtf8() + "'\n"
                         "  audit_log: '" + auditPath().toUtf8() + "'\n"
                         "  shutdown_grace_seconds: 15\n"
                         "  policy:\n"
                         "    - role: analyst\n"
                         "      allow: [database:read]\n"
                         "      connections: [main, archive]\n"
                         "    - role: dba\n"
                         "      allow: [database:admin]\n"
                         "      connections: ['*']\n"
                         + apiExtra);
    }

    // whoami with the real token once the server has the issuer's keys.
    int whoamiWhenReady(const QUrl &base)
    {
        m_tokensUsed << m_token;
        HttpReply reply;
        const QDeadlineTimer deadline(15000);
        do {
            reply = httpCall(QUrl(base.toString() + QStringLiteral("/api/v1/whoami")), m_token);
            if (reply.status != 503)
                break;
            QTest::qWait(100);
        } while (!deadline.hasExpired());
        return reply.status;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        QVERIFY2(m_provider.start(QJsonArray{m_rsa.privateJwk(QStringLiteral("rsa-1"))}, standardClients()),
                 qPrintable(m_provider.lastError()));
        m_token = m_provider.fetchToken(QStringLiteral("analyst-app"), QStringLiteral("analyst-secret-123"));
        QVERIFY2(!m_token.isEmpty(), qPrintable(m_provider.lastError()));
        for (const char *file : {"main.db", "archive.db"})
            QVERIFY(!writeFile(QLatin1String(file), {}).isEmpty());  // empty file = empty SQLite database
    }

    void cleanupTestCase()
    {
        m_provider.stop();
        QFile audit(auditPath());
        if (audit.open(QIODevice::ReadOnly))
            m_logged << audit.readAll();
        QVERIFY(!m_tokensUsed.isEmpty());
        // Neither a token (its payload, the part that identifies it) nor a
        // client secret appears in any output of any run, nor in the audit log.
        for (const QByteArray &text : std::as_const(m_logged)) {
            for (const QByteArray &token : std::as_const(m_tokensUsed)) {
                const QByteArray payload = token.split('.').value(1);
                QVERIFY(payload.size() > 20);
                QVERIFY2(!text.contains(payload), text.constData());
            }
            QVERIFY2(!text.contains("secret-123"), text.constData());
        }
    }

    void readyAfterListeningThenHealthWhoamiAndJsonLogs()
    {
        const QString socketPath = m_dir.filePath(QStringLiteral("notify.sock"));
        NotifySocket notify(socketPath);
        QVERIFY(notify.isValid());
        ServeRun serve({QStringLiteral("--config"), writeConfig(QStringLiteral("plain.yaml"))}, &m_logged,
                       {{QStringLiteral("NOTIFY_SOCKET"), socketPath}});
        const QUrl base = serve.waitReady();
        QVERIFY2(base.isValid(), serve.err().constData());
        QVERIFY2(QRegularExpression(QStringLiteral("^READY http://127\\.0\\.0\\.1:\\d+\\n$")).match(QString::fromUtf8(serve.out())).hasMatch(),
                 serve.out().constData());
        QVERIFY(base.port() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(notify.received().contains("READY=1"), 5000);

        QCOMPARE(httpCall(QUrl(base.toString() + QStringLiteral("/api/v1/health"))).status, 200);
        QCOMPARE(whoamiWhenReady(base), 200);
        const auto whoami = httpCall(QUrl(base.toString() + QStringLiteral("/api/v1/whoami")), m_token);
        QCOMPARE(whoami.json().value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("analyst")});
        const auto refused = httpCall(QUrl(base.toString() + QStringLiteral("/api/v1/whoami")), m_token + "x");
        QCOMPARE(refused.status, 401);
        m_tokensUsed << m_token + "x";

        serve.signal(SIGTERM);
        QCOMPARE(serve.waitExit(10000), 0);
        QVERIFY(notify.received().contains("STOPPING=1"));
        // Everything on stderr is a JSON object per line, and the requests were logged.
        QCOMPARE(nonJsonLine(serve.err()), QString());
        QVERIFY2(hasLogLine(serve.err(), QStringLiteral("info"), QStringLiteral("/api/v1/whoami")), serve.err().constData());
        QVERIFY(hasLogLine(serve.err(), QStringLiteral("info"), QStringLiteral("stopping")));
        QCOMPARE(serve.out(), QByteArray("READY " + base.toString().toUtf8() + '\n'));
    }

    void sigtermLetsTheRequestInFlightFinishThenExitsZero()
    {
        ServeRun serve({QStringLiteral("--config"), writeConfig(QStringLiteral("grace.yaml"))}, &m_logged);
        const QUrl base = serve.waitReady();
        QVERIFY2(base.isValid(), serve.err().constData());
        QCOMPARE(whoamiWhenReady(base), 200); // the issuer's keys are loaded

        // A token under a kid the JWKS lacks makes the server refetch the
        // JWKS once; with the provider stopped that fetch hangs until its
        // 5 s transfer timeout, so the request stays in flight that long.
        const qint64 providerPid = m_provider.pid();
        QVERIFY(providerPid > 0);
        QVERIFY(::kill(pid_t(providerPid), SIGSTOP) == 0);
        const auto resume = qScopeGuard([providerPid] { ::kill(pid_t(providerPid), SIGCONT); });
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray header = R"({"alg":"RS256","typ":"at+jwt","kid":"not-published"})";
        const QByteArray claims = QJsonDocument(QJsonObject{
            {QStringLiteral("iss"), m_provider.issuer()}, {QStringLiteral("aud"), kAudience},
            {QStringLiteral("sub"), QStringLiteral("mallory")}, {QStringLiteral("client_id"), QStringLiteral("mallory")},
            {QStringLiteral("roles"), QJsonArray{QStringLiteral("dba")}}, {QStringLiteral("iat"), now},
            {QStringLiteral("exp"), now + 300}}).toJson(QJsonDocument::Compact);
        const QByteArray forged = ::test::makeToken(header, claims, ::test::TestKey::generateRsa(), QStringLiteral("RS256"));
        m_tokensUsed << forged;

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(base.toString() + QStringLiteral("/api/v1/whoami")));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setRawHeader("Authorization", "Bearer " + forged);
        QElapsedTimer clock;
        clock.start();
        QNetworkReply *reply = network.get(request);
        QTest::qWait(1000);
        QVERIFY2(!reply->isFinished(), "the request should still wait for the JWKS refetch");

        serve.signal(SIGTERM);
        // The listener closes at once: a new connection is refused while the
        // old one is still being served.
        QTcpSocket late;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            late.abort();
            late.connectToHost(QHostAddress::LocalHost, quint16(base.port()));
            late.waitForConnected(1000);
            return late.error() == QAbstractSocket::ConnectionRefusedError;
        }()), 3000);
        QVERIFY(!reply->isFinished());

        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 15000);
        const qint64 elapsed = clock.elapsed();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2(status == 401, qPrintable(QStringLiteral("status %1, error %2").arg(status).arg(reply->errorString())));
        QVERIFY2(elapsed >= 4000, qPrintable(QString::number(elapsed))); // it did wait out the fetch
        QVERIFY(reply->rawHeader("WWW-Authenticate").contains("invalid_token"));
        reply->deleteLater();

        QCOMPARE(serve.waitExit(5000), 0);
        QCOMPARE(nonJsonLine(serve.err()), QString());
        QVERIFY(!hasLogLine(serve.err(), QStringLiteral("warning"), QStringLiteral("cut off")));
    }

    void sigintStopsAnIdleServerWithExitZero()
    {
        ServeRun serve({QStringLiteral("--config"), writeConfig(QStringLiteral("plain.yaml"))}, &m_logged);
        QVERIFY2(serve.waitReady().isValid(), serve.err().constData());
        QElapsedTimer clock;
        clock.start();
        serve.signal(SIGINT);
        QCOMPARE(serve.waitExit(10000), 0);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void configErrorsExitTwoNamingTheField_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");

        const QString bad = writeFile(QStringLiteral("bad-listen.yaml"), "api: { listen: 'nowhere:1' }\n");
        QTest::newRow("api.listen not an address") << QStringList{QStringLiteral("--config"), bad} << QStringLiteral("api.listen");
        QTest::newRow("--listen port out of range")
            << QStringList{QStringLiteral("--config"), writeConfig(QStringLiteral("plain.yaml")), QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:99999")}
            << QStringLiteral("--listen");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--no-such-option")} << QStringLiteral("no-such-option");
    }

    void configErrorsExitTwoNamingTheField()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        ServeRun serve(args, &m_logged);
        QCOMPARE(serve.waitExit(), 2);
        QVERIFY2(QString::fromUtf8(serve.err()).contains(mentions), serve.err().constData());
        QVERIFY2(!serve.out().contains("READY"), serve.out().constData());
    }

    void missingTlsKeyFileExitsTwoNamingTheKeyField()
    {
        // A readable certificate, but the key file does not exist.
        const QString cert = m_dir.filePath(QStringLiteral("server.crt"));
        QProcess openssl;
        openssl.setStandardOutputFile(QProcess::nullDevice());
        openssl.setStandardErrorFile(QProcess::nullDevice());
        openssl.start(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
             QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("unused.key")),
             QStringLiteral("-out"), cert});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0 && QFileInfo::exists(cert),
                 "openssl did not make a certificate");
        const QString config = writeConfig(QStringLiteral("missing-key.yaml"),
                                           "  tls: { certificate: '" + cert.toUtf8() + "', key: '"
                                               + m_dir.filePath(QStringLiteral("missing.key")).toUtf8() + "' }\n");
        ServeRun serve({QStringLiteral("--config"), config}, &m_logged);
        QCOMPARE(serve.waitExit(), 2);
        QVERIFY2(serve.err().contains("api.tls.key"), serve.err().constData());
        QCOMPARE(nonJsonLine(serve.err()), QString());
    }

    void wildcardAddressWithoutTlsWarns()
    {
        ServeRun serve({QStringLiteral("--config"), writeConfig(QStringLiteral("plain.yaml")), QStringLiteral("--listen"),
                        QStringLiteral("0.0.0.0:0")},
                       &m_logged);
        const QUrl base = serve.waitReady();
        QVERIFY2(base.isValid(), serve.err().constData());
        QVERIFY(base.port() > 0);
        QVERIFY2(hasLogLine(serve.err(), QStringLiteral("warning"), QStringLiteral("TLS")), serve.err().constData());
        // Only loopback traffic from here, whatever host the READY line names.
        QCOMPARE(httpCall(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/health").arg(base.port()))).status, 200);
        serve.signal(SIGTERM);
        QCOMPARE(serve.waitExit(10000), 0);
    }

    void loopbackWithoutTlsDoesNotWarnAboutTls()
    {
        ServeRun serve({QStringLiteral("--config"), writeConfig(QStringLiteral("plain.yaml"))}, &m_logged);
        QVERIFY2(serve.waitReady().isValid(), serve.err().constData());
        serve.signal(SIGTERM);
        QCOMPARE(serve.waitExit(10000), 0);
        QVERIFY2(!hasLogLine(serve.err(), QStringLiteral("warning"), QStringLiteral("TLS")), serve.err().constData());
    }

    void portInUseFailsWithAClearMessage()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        const QString port = QString::number(occupant.serverPort());
        ServeRun serve({QStringLiteral("--config"), writeConfig(QStringLiteral("plain.yaml")), QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:") + port},
                       &m_logged);
        const int code = serve.waitExit();
        QVERIFY2(code > 0, qPrintable(QString::number(code)));
        QVERIFY2(!serve.out().contains("READY"), serve.out().constData());
        QVERIFY2(hasLogLine(serve.err(), QStringLiteral("critical"), QStringLiteral("127.0.0.1:") + port), serve.err().constData());
        QVERIFY2(serve.err().contains("cannot listen"), serve.err().constData());
    }
};

QTEST_GUILESS_MAIN(TstServeProcess)
#include "tst_serve_process.moc"

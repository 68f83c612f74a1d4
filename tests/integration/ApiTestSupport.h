#pragma once

// Shared by the API server tests: a real server in this process over real
// pools and the real OIDC provider, and HTTP clients speaking to it over
// loopback (QNetworkAccessManager for ordinary calls, a raw socket for
// malformed and oversized requests).

#include "JwtSigner.h"
#include "OidcProvider.h"
#include "TestEnv.h"
#include "config/AppConfig.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiServer.h"

#include <QByteArray>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

#include <sqlite3.h>

namespace tw::test {

struct HttpReply
{
    int status = 0;               // 0: no HTTP answer (connection failed or timed out)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    double ms = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

inline HttpReply httpCall(const QUrl &url, const QByteArray &token = {}, const QByteArray &method = "GET",
                          const QByteArray &body = {}, const QList<std::pair<QByteArray, QByteArray>> &extra = {},
                          int timeoutMs = 20000)
{
    static QNetworkAccessManager *network = new QNetworkAccessManager;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    for (const auto &[name, value] : extra)
        request.setRawHeader(name, value);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QElapsedTimer clock;
    clock.start();
    // QNAM knows HEAD has no body only when asked through head().
    QNetworkReply *reply = method == "HEAD" ? network->head(request) : network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpReply out;
    out.ms = clock.nsecsElapsed() / 1e6;
    if (!reply->isFinished()) {
        reply->abort();
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        out.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return out;
}

// Writes raw bytes and reads until the server closes or timeoutMs passes.
inline QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000, bool *closedOut = nullptr)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    QByteArray received;
    QEventLoop loop;
    bool closed = false;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        closed = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.write(bytes);
    loop.exec();
    received += socket.readAll();
    if (closedOut)
        *closedOut = closed;
    return received;
}

inline int rawStatus(const QByteArray &response)
{
    // "HTTP/1.1 413 Content Too Large"
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

// Clients of the test provider and the roles their tokens carry.
// Test setup on a SQLite file through SQLite's own API (several statements).
inline bool runSqliteScript(const QString &file, const char *sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(file).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK)
        qWarning() << "sqlite script failed:" << message;
    sqlite3_free(message);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

// The audit log's records of one request, in the order written.
inline QList<QJsonObject> auditRecordsOf(const QString &auditPath, const QByteArray &requestId)
{
    QList<QJsonObject> out;
    QFile audit(auditPath);
    if (requestId.isEmpty() || !audit.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : audit.readAll().split('\n')) {
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        if (record.value(QStringLiteral("request_id")).toString().toLatin1() == requestId)
            out << record;
    }
    return out;
}

inline QList<OidcClient> standardClients()
{
    return {
        {QStringLiteral("analyst-app"), QStringLiteral("analyst-secret-123"), {QStringLiteral("analyst")}},
        {QStringLiteral("writer-app"), QStringLiteral("writer-secret-123"), {QStringLiteral("writer")}},
        {QStringLiteral("dba-app"), QStringLiteral("dba-secret-123"), {QStringLiteral("dba")}},
        {QStringLiteral("nobody-app"), QStringLiteral("nobody-secret-123"), {}},
        {QStringLiteral("mixed-app"), QStringLiteral("mixed-secret-123"), {QStringLiteral("analyst"), QStringLiteral("writer")}},
    };
}

// The token of the standard client `clientId`, from `provider` started with
// `key` and the standard clients; empty (provider.lastError() says why) on failure.
inline QByteArray startProviderForClient(OidcProvider &provider, const ::test::TestKey &key, const QString &clientId)
{
    if (!provider.start(QJsonArray{key.privateJwk(QStringLiteral("rsa-1"))}, standardClients()))
        return {};
    for (const auto &client : standardClients()) {
        if (client.clientId == clientId)
            return provider.fetchToken(client.clientId, client.secret);
    }
    return {};
}

inline QList<config::PolicyRule> standardPolicy()
{
    return {
        {QStringLiteral("analyst"), {QStringLiteral("database:read")}, {QStringLiteral("main"), QStringLiteral("archive")},
         {QStringLiteral("main.*")}, {QStringLiteral("main.customers.email")}},
        {QStringLiteral("writer"), {QStringLiteral("database:read"), QStringLiteral("database:write"), QStringLiteral("database:delete")},
         {QStringLiteral("main"), QStringLiteral("archive")}, {QStringLiteral("main.orders"), QStringLiteral("main.order_*")}, {}},
        {QStringLiteral("dba"), {QStringLiteral("database:admin")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}},
    };
}

// Two SQLite connections ("main", read-write; "archive", readonly) and a
// server on 127.0.0.1:<any> trusting `provider`.
class ApiFixture
{
public:
    bool setUp(const QString &issuer, const QString &audience, const std::function<void(config::AppConfig &)> &tweak = {})
    {
        if (!m_dir.isValid())
            return false;
        config.connections = {sqliteProfile(m_dir.filePath(QStringLiteral("main.db")), QStringLiteral("main")),
                              sqliteProfile(m_dir.filePath(QStringLiteral("archive.db")), QStringLiteral("archive"))};
        config.connections[1].readonly = true;
        for (const auto &profile : std::as_const(config.connections)) {
            QFile file(profile.database);  // an empty file is an empty SQLite database
            if (!file.open(QIODevice::WriteOnly))
                return false;
        }
        config.api.listenAddress = QStringLiteral("127.0.0.1");
        config.api.port = 0;
        config.api.oidc.issuer = issuer;
        config.api.oidc.audience = audience;
        config.api.policy = standardPolicy();
        config.api.auditLog = m_dir.filePath(QStringLiteral("audit/audit.jsonl"));
        config.monitoring.intervalMs = 200;
        if (tweak)
            tweak(config);
        registry = std::make_unique<db::ConnectionRegistry>();
        const auto opened = registry->openAll(config.connections);
        if (!waitFor(opened))
            return false;
        server = std::make_unique<http::ApiServer>(registry.get());
        const Status started = server->start(config);
        if (!started.ok()) {
            qWarning().noquote() << started.error().toString();
            return false;
        }
        return true;
    }

    ~ApiFixture()
    {
        if (server) {
            auto stopped = server->stop(0);
            waitFor(stopped, 5000);
            server.reset();
        }
        if (registry)
            registry->closeAll();
    }

    QUrl url(const QString &path) const { return QUrl(server->baseUrl().toString() + path); }
    quint16 port() const { return quint16(server->baseUrl().port()); }
    QString auditPath() const { return config.api.auditLog; }
    QString dir() const { return m_dir.path(); }

    config::AppConfig config;
    std::unique_ptr<db::ConnectionRegistry> registry;
    std::unique_ptr<http::ApiServer> server;

private:
    QTemporaryDir m_dir;
};

// The four keys every /api/v1 error carries, and nothing else.
inline bool isErrorShape(const HttpReply &reply)
{
    return reply.json().keys()
           == QStringList{QStringLiteral("code"), QStringLiteral("details"), QStringLiteral("hint"), QStringLiteral("message")};
}

// The data rows of a test run on both engines: connection "main" (SQLite) and "pg".
inline void addConnectionRows()
{
    QTest::addColumn<QString>("connection");
    QTest::newRow("sqlite") << QStringLiteral("main");
    QTest::newRow("postgres") << QStringLiteral("pg");
}

} // namespace tw::test

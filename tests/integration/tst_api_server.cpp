// The API server over real HTTP on loopback, real SQLite pools and a real
// OpenID provider (npm oidc-provider): routes, the JSON error shape,
// request ids, bearer authentication with real and forged tokens, the
// audit log and the metrics scrape.
#include "ApiTestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>

#include <sys/stat.h>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

QByteArray forged(const QString &issuer, const ::test::TestKey &key, const QString &kid, const QString &alg,
                  const QJsonObject &extraHeader = {}, const QJsonObject &extraClaims = {})
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject header{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("at+jwt")},
                       {QStringLiteral("kid"), kid}};
    for (auto it = extraHeader.begin(); it != extraHeader.end(); ++it)
        header.insert(it.key(), it.value());
    QJsonObject claims{{QStringLiteral("iss"), issuer}, {QStringLiteral("aud"), kAudience},
                       {QStringLiteral("sub"), QStringLiteral("mallory")}, {QStringLiteral("client_id"), QStringLiteral("mallory")},
                       {QStringLiteral("roles"), QJsonArray{QStringLiteral("dba")}},
                       {QStringLiteral("iat"), now}, {QStringLiteral("exp"), now + 300}};
    for (auto it = extraClaims.begin(); it != extraClaims.end(); ++it)
        claims.insert(it.key(), it.value());
    return ::test::makeToken(QJsonDocument(header).toJson(QJsonDocument::Compact),
                             QJsonDocument(claims).toJson(QJsonDocument::Compact), key, alg);
}

QStringList sortedNames(const QJsonArray &array)
{
    QStringList names;
    for (const auto &v : array)
        names << v.toString();
    names.sort();
    return names;
}

} // namespace

class TstApiServer : public QObject
{
    Q_OBJECT

    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    ::test::TestKey m_ec = ::test::TestKey::generateEc();
    std::unique_ptr<ApiFixture> m_api;
    QHash<QString, QByteArray> m_tokens;
    QStringList m_logged;

    static inline TstApiServer *s_self = nullptr;
    static void collect(QtMsgType, const QMessageLogContext &, const QString &message)
    {
        if (s_self)
            s_self->m_logged << message;
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        QVERIFY2(m_provider.start(QJsonArray{m_rsa.privateJwk(QStringLiteral("rsa-1")), m_ec.privateJwk(QStringLiteral("ec-1"))},
                                  standardClients()),
                 qPrintable(m_provider.lastError()));
        for (const auto &client : standardClients()) {
            const QByteArray token = m_provider.fetchToken(client.clientId, client.secret);
            QVERIFY2(!token.isEmpty(), qPrintable(m_provider.lastError()));
            m_tokens.insert(client.clientId, token);
        }
        s_self = this;
        qInstallMessageHandler(collect);
        m_api = std::make_unique<ApiFixture>();
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        qInstallMessageHandler(nullptr);
        s_self = nullptr;
        m_provider.stop();
        // No token and no client secret in anything the server logged.
        for (const QString &line : std::as_const(m_logged)) {
            for (const QByteArray &token : std::as_const(m_tokens))
                QVERIFY2(!line.contains(QString::fromLatin1(token.split('.').value(1))), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("secret-123")), qPrintable(line));
        }
    }

    void healthNeedsNoTokenAndCarriesARequestId()
    {
        const auto reply = httpCall(m_api->url(QStringLiteral("/api/v1/health")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(!reply.header("x-request-id").isEmpty());
        const auto again = httpCall(m_api->url(QStringLiteral("/api/v1/health")));
        QVERIFY(again.header("x-request-id") != reply.header("x-request-id"));
        const auto echoed = httpCall(m_api->url(QStringLiteral("/api/v1/health")), {}, "GET", {},
                                     {{"X-Request-Id", "trace-42.a"}});
        QCOMPARE(echoed.header("x-request-id"), QByteArray("trace-42.a"));
        const auto replaced = httpCall(m_api->url(QStringLiteral("/api/v1/health")), {}, "GET", {},
                                       {{"X-Request-Id", "bad id\twith spaces"}});
        QVERIFY(replaced.header("x-request-id") != "bad id\twith spaces");
        QVERIFY(!replaced.header("x-request-id").isEmpty());
    }

    void headAnswersWithoutABody()
    {
        const auto reply = httpCall(m_api->url(QStringLiteral("/api/v1/health")), {}, "HEAD");
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.isEmpty());
        QVERIFY(reply.header("content-length").toInt() > 0);
    }

    void unknownRoutesAndMethodsAnswerInTheErrorShape()
    {
        const auto missing = httpCall(m_api->url(QStringLiteral("/api/v1/nope")), m_tokens.value(QStringLiteral("dba-app")));
        QCOMPARE(missing.status, 404);
        const QJsonObject error = missing.json();
        QCOMPARE(error.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("details"), QStringLiteral("hint"),
                                            QStringLiteral("message")}));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("NOT_FOUND"));
        QVERIFY(missing.header("content-type").startsWith("application/json"));

        const auto wrongMethod = httpCall(m_api->url(QStringLiteral("/api/v1/health")), {}, "POST", "{}");
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("allow"), QByteArray("GET, HEAD"));
        QCOMPARE(wrongMethod.json().value(QStringLiteral("code")).toString(), QStringLiteral("METHOD_NOT_ALLOWED"));
        const auto del = httpCall(m_api->url(QStringLiteral("/api/v1/whoami")), {}, "DELETE");
        QCOMPARE(del.status, 405);
    }

    void protectedRoutesWantABearerToken()
    {
        const auto none = httpCall(m_api->url(QStringLiteral("/api/v1/whoami")));
        QCOMPARE(none.status, 401);
        // RFC 6750 §3.1: no error code when the request had no credentials.
        QCOMPARE(none.header("www-authenticate"), QByteArray("Bearer"));
        QCOMPARE(none.json().value(QStringLiteral("code")).toString(), QStringLiteral("UNAUTHENTICATED"));

        const auto basic = httpCall(m_api->url(QStringLiteral("/api/v1/whoami")), {}, "GET", {},
                                    {{"Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l"}});
        QCOMPARE(basic.status, 401);

        const auto garbage = httpCall(m_api->url(QStringLiteral("/api/v1/whoami")), "not.a.token");
        QCOMPARE(garbage.status, 401);
        QVERIFY2(garbage.header("www-authenticate").startsWith("Bearer error=\"invalid_token\", error_description=\""),
                 garbage.header("www-authenticate").constData());
    }

    void whoamiShowsTheCallerAndItsPermissions()
    {
        const auto reply = httpCall(m_api->url(QStringLiteral("/api/v1/whoami")), m_tokens.value(QStringLiteral("writer-app")));
        QCOMPARE(reply.status, 200);
        const QJsonObject me = reply.json();
        QCOMPARE(me.value(QStringLiteral("client_id")).toString(), QStringLiteral("writer-app"));
        QCOMPARE(sortedNames(me.value(QStringLiteral("roles")).toArray()), QStringList{QStringLiteral("writer")});
        const QJsonObject permissions = me.value(QStringLiteral("permissions")).toObject();
        QCOMPARE(sortedNames(permissions.value(QStringLiteral("main")).toArray()),
                 (QStringList{QStringLiteral("database:delete"), QStringLiteral("database:read"), QStringLiteral("database:write")}));
        // archive is readonly: the same rule yields only reading there.
        QCOMPARE(sortedNames(permissions.value(QStringLiteral("archive")).toArray()), QStringList{QStringLiteral("database:read")});
        QVERIFY(!me.value(QStringLiteral("expires_at")).toString().isEmpty());
    }

    void connectionsListOnlyWhatTheCallerMaySee()
    {
        const auto nobody = httpCall(m_api->url(QStringLiteral("/api/v1/connections")), m_tokens.value(QStringLiteral("nobody-app")));
        QCOMPARE(nobody.status, 200);
        QCOMPARE(nobody.json().value(QStringLiteral("connections")).toArray().size(), 0);

        const auto dba = httpCall(m_api->url(QStringLiteral("/api/v1/connections")), m_tokens.value(QStringLiteral("dba-app")));
        QCOMPARE(dba.status, 200);
        const QJsonArray list = dba.json().value(QStringLiteral("connections")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("main"));
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("readonly")).toBool(), true);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("driver")).toString(), QStringLiteral("sqlite"));

        const auto one = httpCall(m_api->url(QStringLiteral("/api/v1/connections/main")), m_tokens.value(QStringLiteral("analyst-app")));
        QVERIFY2(one.status == 200, one.body.constData());
        QCOMPARE(one.json().value(QStringLiteral("status")).toObject().value(QStringLiteral("up")).toBool(), true);
        // A connection the caller may not see looks exactly like one that does not exist.
        const auto hidden = httpCall(m_api->url(QStringLiteral("/api/v1/connections/main")), m_tokens.value(QStringLiteral("nobody-app")));
        const auto absent = httpCall(m_api->url(QStringLiteral("/api/v1/connections/nothere")), m_tokens.value(QStringLiteral("dba-app")));
        QCOMPARE(hidden.status, 404);
        QCOMPARE(absent.status, 404);
        QCOMPARE(hidden.json().value(QStringLiteral("code")), absent.json().value(QStringLiteral("code")));
    }

    void forgedTokensAreRefusedNeverCrash_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        const QString iss = m_provider.issuer();
        const auto attacker = ::test::TestKey::generateRsa();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray header = R"({"alg":"none","typ":"at+jwt","kid":"rsa-1"})";
        const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("iss"), iss}, {QStringLiteral("aud"), kAudience},
                                                             {QStringLiteral("sub"), QStringLiteral("x")},
                                                             {QStringLiteral("exp"), now + 300}}).toJson(QJsonDocument::Compact);
        QTest::newRow("alg none") << (::test::base64Url(header) + '.' + ::test::base64Url(payload) + '.') << 401;
        const QByteArray hsHeader = R"({"alg":"HS256","typ":"at+jwt","kid":"rsa-1"})";
        const QByteArray input = ::test::signingInput(hsHeader, payload);
        QTest::newRow("HS256 keyed with the public key")
            << (input + '.' + ::test::base64Url(::test::hs256(m_rsa.publicPem(), input))) << 401;
        QTest::newRow("signed by an unknown key under a known kid") << forged(iss, attacker, QStringLiteral("rsa-1"), QStringLiteral("RS256")) << 401;
        QTest::newRow("jwk header with the attacker's key")
            << forged(iss, attacker, QStringLiteral("rsa-1"), QStringLiteral("RS256"),
                      {{QStringLiteral("jwk"), attacker.publicJwk(QStringLiteral("rsa-1"))}}) << 401;
        QTest::newRow("wrong audience") << forged(iss, m_rsa, QStringLiteral("rsa-1"), QStringLiteral("RS256"), {},
                                                  {{QStringLiteral("aud"), QStringLiteral("someone-else")}}) << 401;
        QTest::newRow("expired") << forged(iss, m_rsa, QStringLiteral("rsa-1"), QStringLiteral("RS256"), {},
                                           {{QStringLiteral("exp"), now - 3600}}) << 401;
        QTest::newRow("ID token style typ JWT") << forged(iss, m_rsa, QStringLiteral("rsa-1"), QStringLiteral("RS256"),
                                                          {{QStringLiteral("typ"), QStringLiteral("JWT")}}) << 401;
        QTest::newRow("roles claim as a space-separated string") << forged(iss, m_rsa, QStringLiteral("rsa-1"), QStringLiteral("RS256"), {},
                                                                 {{QStringLiteral("roles"), QStringLiteral("dba")}}) << 200;
        QTest::newRow("roles claim an object") << forged(iss, m_rsa, QStringLiteral("rsa-1"), QStringLiteral("RS256"), {},
                                                         {{QStringLiteral("roles"), QJsonObject{{QStringLiteral("a"), 1}}}}) << 401;
        QTest::newRow("ES256 with an RSA kid") << forged(iss, m_ec, QStringLiteral("rsa-1"), QStringLiteral("ES256")) << 401;
        QTest::newRow("five segments") << QByteArray("a.b.c.d.e") << 401;
        QTest::newRow("huge") << QByteArray(15000, 'A') << 401;
    }

    void forgedTokensAreRefusedNeverCrash()
    {
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        const auto reply = httpCall(m_api->url(QStringLiteral("/api/v1/whoami")), token);
        QCOMPARE(reply.status, status);
        if (status == 401)
            QVERIFY(reply.header("www-authenticate").startsWith("Bearer error=\"invalid_token\""));
    }

    void theIssuersOwnKeyWithForgedClaimsWorksOnlyWhenValid()
    {
        // Sanity for the forgeries above: the same signer with valid claims is accepted.
        const auto reply = httpCall(m_api->url(QStringLiteral("/api/v1/whoami")),
                                    forged(m_provider.issuer(), m_ec, QStringLiteral("ec-1"), QStringLiteral("ES256")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("subject")).toString(), QStringLiteral("mallory"));
    }

    void urlHeadersInTokensAreNeverFetched()
    {
        QTcpServer trap;
        QVERIFY(trap.listen(QHostAddress::LocalHost, 0));
        int connections = 0;
        connect(&trap, &QTcpServer::newConnection, this, [&] {
            ++connections;
            delete trap.nextPendingConnection();
        });
        const QString here = QStringLiteral("http://127.0.0.1:%1/keys").arg(trap.serverPort());
        const auto attacker = ::test::TestKey::generateRsa();
        for (const char *name : {"jku", "x5u"}) {
            const auto reply = httpCall(m_api->url(QStringLiteral("/api/v1/whoami")),
                                        forged(m_provider.issuer(), attacker, QStringLiteral("attacker-kid-%1").arg(QLatin1String(name)),
                                               QStringLiteral("RS256"), {{QLatin1String(name), here}}));
            QCOMPARE(reply.status, 401);
        }
        QTest::qWait(300);
        QCOMPARE(connections, 0);
    }

    void metricsNeedAPermittedCallerAndPassPromtool()
    {
        QCOMPARE(httpCall(m_api->url(QStringLiteral("/metrics"))).status, 401);
        QCOMPARE(httpCall(m_api->url(QStringLiteral("/metrics")), m_tokens.value(QStringLiteral("nobody-app"))).status, 403);
        const auto scrape = httpCall(m_api->url(QStringLiteral("/metrics")), m_tokens.value(QStringLiteral("analyst-app")));
        QCOMPARE(scrape.status, 200);
        QVERIFY(scrape.header("content-type").startsWith("text/plain; version=0.0.4"));
        QVERIFY(scrape.body.contains("tablewright_http_requests_total{route=\"/api/v1/health\",method=\"GET\",status=\"200\"}"));
        QVERIFY(scrape.body.contains("tablewright_http_auth_failures_total{reason="));
        QVERIFY(scrape.body.contains("tablewright_pool_connections{connection=\"main\""));
        QVERIFY(scrape.body.contains("tablewright_http_request_duration_seconds_bucket{route=\"/api/v1/whoami\""));
        // Never a raw path as a label: unknown routes share one.
        QVERIFY(!scrape.body.contains("/api/v1/nope"));

        const QString promtool = tw::test::promtoolPath();
        TW_REQUIRE_SERVICE(!promtool.isEmpty(), QStringLiteral("promtool (tools/fetch-promtool.sh)"));
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(scrape.body);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
    }

    void deniedRequestsAreAuditedWithoutSecrets()
    {
        const auto denied = httpCall(m_api->url(QStringLiteral("/api/v1/connections")), "not.a.token");
        QCOMPARE(denied.status, 401);
        const QByteArray id = denied.header("x-request-id");
        QFile audit(m_api->auditPath());
        QVERIFY(audit.open(QIODevice::ReadOnly));
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(m_api->auditPath()).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0600);
        const QList<QByteArray> lines = audit.readAll().split('\n');
        bool found = false;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            QVERIFY2(!record.isEmpty(), line.constData());
            for (const QByteArray &token : std::as_const(m_tokens))
                QVERIFY(!line.contains(token.split('.').value(1)));
            if (record.value(QStringLiteral("request_id")).toString().toLatin1() == id) {
                found = true;
                QCOMPARE(record.value(QStringLiteral("status")).toInt(), 401);
                QCOMPARE(record.value(QStringLiteral("route")).toString(), QStringLiteral("/api/v1/connections"));
                QVERIFY(!record.value(QStringLiteral("reason")).toString().isEmpty());
            }
        }
        QVERIFY(found);
    }

    void readyReportsAuthAndConnections()
    {
        QTRY_VERIFY2_WITH_TIMEOUT(httpCall(m_api->url(QStringLiteral("/api/v1/ready"))).status == 200,
                                  httpCall(m_api->url(QStringLiteral("/api/v1/ready"))).body.constData(), 10000);
        const QJsonObject ready = httpCall(m_api->url(QStringLiteral("/api/v1/ready"))).json();
        QCOMPARE(ready.value(QStringLiteral("ready")).toBool(), true);
        QCOMPARE(ready.value(QStringLiteral("connections")).toObject().keys(), (QStringList{QStringLiteral("archive"), QStringLiteral("main")}));
    }

    void statusCountsAndTheRequestLogFollowRequests()
    {
        QSignalSpy finished(m_api->server.get(), &http::ApiServer::requestFinished);
        const quint64 before = m_api->server->statusCounts().value(404);
        httpCall(m_api->url(QStringLiteral("/nothing?secret=abc")));
        QCOMPARE(m_api->server->statusCounts().value(404), before + 1);
        QCOMPARE(finished.size(), 1);
        const auto entry = finished.at(0).at(0).value<http::RequestLogEntry>();
        QCOMPARE(entry.status, 404);
        QCOMPARE(entry.path, QStringLiteral("/nothing")); // never the query
    }
};

QTEST_GUILESS_MAIN(TstApiServer)
#include "tst_api_server.moc"

// The issuer's keys and bearer tokens against a real OpenID provider (npm
// oidc-provider on 127.0.0.1, tools/oidc-provider): discovery, JWKS, key
// rotation, an issuer that is down or misconfigured, the unknown-kid
// refetch limit and the roles claim shapes.
#include "JwtSigner.h"
#include "OidcProvider.h"
#include "TestEnv.h"
#include "http/auth/Authenticator.h"
#include "http/auth/OidcKeyProvider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using tw::http::auth::AuthFailure;
using tw::http::auth::AuthOutcome;
using tw::http::auth::Authenticator;
using tw::http::auth::Identity;
using tw::http::auth::OidcKeyProvider;
using tw::http::auth::ValidationOptions;
using tw::test::OidcClient;
using tw::test::OidcProvider;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");
const QString kJwks = QStringLiteral("/jwks");
const QString kDiscovery = QStringLiteral("/.well-known/openid-configuration");

OidcClient reader()
{
    return {QStringLiteral("reader"), QStringLiteral("reader-secret-1"),
            {QStringLiteral("reader"), QStringLiteral("auditor")}, QStringLiteral("roles")};
}

ValidationOptions optionsFor(const QString &issuer)
{
    ValidationOptions options;
    options.issuer = issuer;
    options.audience = kAudience;
    return options;
}

AuthOutcome authenticate(Authenticator &auth, const QByteArray &token)
{
    auto future = auth.authenticate("Bearer " + token);
    if (!tw::test::waitFor(future, 20000) || future.isCanceled()) {
        AuthFailure failure;
        failure.reason = QStringLiteral("test: no answer");
        return failure;
    }
    return future.result();
}

QString reasonOf(const AuthOutcome &outcome)
{
    if (const auto *failure = std::get_if<AuthFailure>(&outcome))
        return failure->reason + QStringLiteral(": ") + failure->description;
    return QStringLiteral("accepted");
}

// A token for the provider's issuer and audience signed by `key` under `kid`.
QByteArray forgedToken(const QString &issuer, const ::test::TestKey &key, const QString &kid, const QString &alg,
                       const QJsonObject &extraClaims = {})
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims{{QStringLiteral("iss"), issuer},
                       {QStringLiteral("aud"), kAudience},
                       {QStringLiteral("sub"), QStringLiteral("forged")},
                       {QStringLiteral("client_id"), QStringLiteral("forged")},
                       {QStringLiteral("iat"), now},
                       {QStringLiteral("exp"), now + 300}};
    for (auto it = extraClaims.begin(); it != extraClaims.end(); ++it)
        claims.insert(it.key(), it.value());
    const QJsonObject header{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("at+jwt")},
                             {QStringLiteral("kid"), kid}};
    return ::test::makeToken(QJsonDocument(header).toJson(QJsonDocument::Compact),
                             QJsonDocument(claims).toJson(QJsonDocument::Compact), key, alg);
}

// Waits until the key provider ends its next fetch attempt.
bool waitForAttempt(OidcKeyProvider &keys, int timeoutMs = 15000)
{
    QSignalSpy refreshed(&keys, &OidcKeyProvider::keysRefreshed);
    return refreshed.wait(timeoutMs);
}

} // namespace

class TestOidcKeys : public QObject
{
    Q_OBJECT

private:
    ::test::TestKey m_rsaA = ::test::TestKey::generateRsa();
    ::test::TestKey m_rsaB = ::test::TestKey::generateRsa();
    ::test::TestKey m_ec = ::test::TestKey::generateEc();
    ::test::TestKey m_ed = ::test::TestKey::generateEd25519();
    ::test::TestKey m_stranger = ::test::TestKey::generateRsa();

    static void requireProvider()
    {
        TW_REQUIRE_SERVICE(OidcProvider::available(),
                           "OIDC provider (node + tools/oidc-provider/node_modules, run tools/install-deps.sh)");
    }

private slots:
    void initTestCase() { requireProvider(); }

    void discoveryThenJwksLoadAndARealTokenAuthenticates()
    {
        OidcProvider provider(kAudience);
        QVERIFY2(provider.start(QJsonArray{m_rsaA.privateJwk(QStringLiteral("rsa-a")),
                                           m_ec.privateJwk(QStringLiteral("ec-1")),
                                           m_ed.privateJwk(QStringLiteral("ed-1"))},
                                {reader()}),
                 qPrintable(provider.lastError()));
        OidcKeyProvider keys(provider.issuer());
        QVERIFY(!keys.ready());
        keys.start();
        QTRY_VERIFY_WITH_TIMEOUT(keys.ready(), 10000);
        QVERIFY2(keys.problem().isEmpty(), qPrintable(keys.problem()));
        QVERIFY(keys.lastFetched().isValid());
        QStringList kids = keys.keys()->kids();
        kids.sort();
        QCOMPARE(kids, (QStringList{QStringLiteral("ec-1"), QStringLiteral("ed-1"), QStringLiteral("rsa-a")}));
        QCOMPARE(provider.requestCount(kDiscovery), 1);
        QCOMPARE(provider.requestCount(kJwks), 1);

        Authenticator auth(&keys, optionsFor(provider.issuer()), QStringLiteral("roles"));
        const QByteArray token = provider.fetchToken(QStringLiteral("reader"), QStringLiteral("reader-secret-1"));
        QVERIFY2(!token.isEmpty(), qPrintable(provider.lastError()));
        const AuthOutcome outcome = authenticate(auth, token);
        const auto *identity = std::get_if<Identity>(&outcome);
        QVERIFY2(identity, qPrintable(reasonOf(outcome)));
        QCOMPARE(identity->subject, QStringLiteral("reader"));
        QCOMPARE(identity->clientId, QStringLiteral("reader"));
        QCOMPARE(identity->roles, (QStringList{QStringLiteral("reader"), QStringLiteral("auditor")}));
        QVERIFY(identity->expiresAt > QDateTime::currentDateTimeUtc());
        // A known kid never costs a fetch.
        QCOMPARE(provider.requestCount(kJwks), 1);
    }

    void wrongCredentialsGetNoToken()
    {
        OidcProvider provider(kAudience);
        QVERIFY2(provider.start({}, {reader()}), qPrintable(provider.lastError()));
        QVERIFY(provider.fetchToken(QStringLiteral("reader"), QStringLiteral("wrong")).isEmpty());
        QVERIFY(provider.lastError().contains(QLatin1String("401")));
        QVERIFY(!provider.lastError().contains(QLatin1String("wrong")));
    }

    void bearerHeaderShapes()
    {
        OidcProvider provider(kAudience);
        QVERIFY2(provider.start({m_rsaA.privateJwk(QStringLiteral("rsa-a"))}, {reader()}),
                 qPrintable(provider.lastError()));
        OidcKeyProvider keys(provider.issuer());
        keys.start();
        QTRY_VERIFY_WITH_TIMEOUT(keys.ready(), 10000);
        Authenticator auth(&keys, optionsFor(provider.issuer()), QStringLiteral("roles"));
        const QByteArray token = provider.fetchToken(QStringLiteral("reader"), QStringLiteral("reader-secret-1"));
        QVERIFY(!token.isEmpty());

        const auto outcomeOf = [&](const QByteArray &header) {
            auto future = auth.authenticate(header);
            tw::test::waitFor(future);
            return future.result();
        };
        // RFC 6750 §3.1: no credentials at all → 401 without an error code.
        for (const QByteArray &header : {QByteArray(), QByteArray("Basic cmVhZGVyOnNlY3JldA==")}) {
            const AuthOutcome outcome = outcomeOf(header);
            const auto *failure = std::get_if<AuthFailure>(&outcome);
            QVERIFY(failure);
            QCOMPARE(failure->status, 401);
            QVERIFY(failure->error.isEmpty());
            QCOMPARE(failure->reason, QStringLiteral("missing"));
        }
        for (const QByteArray &header : {QByteArray("Bearer"), QByteArray("Bearer "), "Bearer " + token + " " + token,
                                         "Bearer " + token + ",x"}) {
            const AuthOutcome outcome = outcomeOf(header);
            const auto *failure = std::get_if<AuthFailure>(&outcome);
            QVERIFY(failure);
            QCOMPARE(failure->status, 401);
            QCOMPARE(failure->error, QStringLiteral("invalid_request"));
            QVERIFY(!failure->description.contains(QString::fromLatin1(token)));
        }
        // The scheme is case-insensitive.
        for (const QByteArray &scheme : {QByteArray("Bearer "), QByteArray("bearer "), QByteArray("BEARER ")})
            QVERIFY2(std::holds_alternative<Identity>(outcomeOf(scheme + token)), scheme.constData());
        // A tampered token is invalid_token, named but not echoed.
        QByteArray tampered = token;
        tampered[tampered.indexOf('.') + 5] = tampered[tampered.indexOf('.') + 5] == 'A' ? 'B' : 'A';
        const AuthOutcome outcome = outcomeOf("Bearer " + tampered);
        const auto *failure = std::get_if<AuthFailure>(&outcome);
        QVERIFY(failure);
        QCOMPARE(failure->error, QStringLiteral("invalid_token"));
        QVERIFY(!failure->description.contains(QString::fromLatin1(tampered)));
    }

    void issuerMismatchIsNotReadyAndSaysWhy()
    {
        OidcProvider provider(kAudience);
        QVERIFY2(provider.start({}, {reader()}), qPrintable(provider.lastError()));
        const QString configured = provider.issuer() + QLatin1Char('/');
        OidcKeyProvider keys(configured);
        keys.start();
        QVERIFY(waitForAttempt(keys));
        QVERIFY(!keys.ready());
        QVERIFY2(keys.problem().contains(QLatin1String("issuer")) && keys.problem().contains(QLatin1String("match")),
                 qPrintable(keys.problem()));
        QVERIFY(keys.problem().contains(configured));
        // The JWKS of an issuer that is not ours is never read.
        QCOMPARE(provider.requestCount(kJwks), 0);

        Authenticator auth(&keys, optionsFor(configured), QStringLiteral("roles"));
        const AuthOutcome outcome =
            authenticate(auth, provider.fetchToken(QStringLiteral("reader"), QStringLiteral("reader-secret-1")));
        const auto *failure = std::get_if<AuthFailure>(&outcome);
        QVERIFY(failure);
        QCOMPARE(failure->status, 503);
        QCOMPARE(failure->reason, QStringLiteral("keys_unavailable"));
    }

    void issuerDownAtStartRecoversByItself()
    {
        const int port = tw::test::closedPort();
        const QString issuer = QStringLiteral("http://127.0.0.1:%1").arg(port);
        OidcKeyProvider keys(issuer);
        keys.start();
        QVERIFY(waitForAttempt(keys));
        QVERIFY(!keys.ready());
        QVERIFY2(keys.problem().contains(QLatin1String("connection refused")), qPrintable(keys.problem()));

        Authenticator auth(&keys, optionsFor(issuer), QStringLiteral("roles"));
        {
            auto future = auth.authenticate("Bearer a.b.c");
            QVERIFY(future.isFinished()); // refused at once, not after a fetch
            const AuthOutcome outcome = future.result();
            const auto *failure = std::get_if<AuthFailure>(&outcome);
            QVERIFY(failure);
            QCOMPARE(failure->status, 503);
            QCOMPARE(failure->reason, QStringLiteral("keys_unavailable"));
        }

        OidcProvider provider(kAudience);
        QVERIFY2(provider.start({m_rsaA.privateJwk(QStringLiteral("rsa-a"))}, {reader()}, port),
                 qPrintable(provider.lastError()));
        QCOMPARE(provider.issuer(), issuer);
        // Backoff 1, 2, 4, 8 s: the next retry finds it.
        QTRY_VERIFY_WITH_TIMEOUT(keys.ready(), 20000);
        QVERIFY2(keys.problem().isEmpty(), qPrintable(keys.problem()));
        const AuthOutcome outcome =
            authenticate(auth, provider.fetchToken(QStringLiteral("reader"), QStringLiteral("reader-secret-1")));
        QVERIFY2(std::holds_alternative<Identity>(outcome), qPrintable(reasonOf(outcome)));
    }

    void keyRotationKeepsOldTokensAndTakesNewAfterOneRefetch()
    {
        OidcProvider provider(kAudience);
        const QJsonObject keyA = m_rsaA.privateJwk(QStringLiteral("rsa-a"));
        const QJsonObject keyB = m_ec.privateJwk(QStringLiteral("ec-b"));
        QVERIFY2(provider.start({keyA}, {reader()}), qPrintable(provider.lastError()));
        OidcKeyProvider keys(provider.issuer());
        QSignalSpy changed(&keys, &OidcKeyProvider::keysChanged);
        keys.start();
        QTRY_VERIFY_WITH_TIMEOUT(keys.ready(), 10000);
        QCOMPARE(changed.count(), 1);
        Authenticator auth(&keys, optionsFor(provider.issuer()), QStringLiteral("roles"));
        const QByteArray oldToken = provider.fetchToken(QStringLiteral("reader"), QStringLiteral("reader-secret-1"));
        QVERIFY(std::holds_alternative<Identity>(authenticate(auth, oldToken)));

        // Rotation: a new first key signs, the old one stays published.
        QVERIFY2(provider.restart({keyB, keyA}), qPrintable(provider.lastError()));
        const int jwksBefore = provider.requestCount(kJwks);
        const QByteArray newToken = provider.fetchToken(QStringLiteral("reader"), QStringLiteral("reader-secret-1"));
        QVERIFY(!newToken.isEmpty());
        QCOMPARE(tw::http::auth::JwtValidator::peekKid(newToken), QStringLiteral("ec-b"));

        const AuthOutcome fresh = authenticate(auth, newToken);
        QVERIFY2(std::holds_alternative<Identity>(fresh), qPrintable(reasonOf(fresh)));
        QCOMPARE(provider.requestCount(kJwks), jwksBefore + 1);
        QCOMPARE(changed.count(), 2);
        // keysChanged cleared the cache: the old token is checked again, and passes.
        const AuthOutcome old = authenticate(auth, oldToken);
        QVERIFY2(std::holds_alternative<Identity>(old), qPrintable(reasonOf(old)));
        QVERIFY(std::holds_alternative<Identity>(authenticate(auth, newToken)));
        QCOMPARE(provider.requestCount(kJwks), jwksBefore + 1);

        // Retirement: the old key is no longer published. After the next
        // refetch (forced here by a token with yet another kid) its tokens fail.
        keys.setMinRefetchInterval(0);
        QVERIFY2(provider.restart({keyB}), qPrintable(provider.lastError()));
        const AuthOutcome stranger = authenticate(
            auth, forgedToken(provider.issuer(), m_stranger, QStringLiteral("stranger"), QStringLiteral("RS256")));
        QCOMPARE(reasonOf(stranger).section(QLatin1Char(':'), 0, 0), QStringLiteral("unknown_key"));
        QCOMPARE(keys.keys()->kids(), QStringList{QStringLiteral("ec-b")});
        QCOMPARE(changed.count(), 3);
        const AuthOutcome retired = authenticate(auth, oldToken);
        QCOMPARE(reasonOf(retired).section(QLatin1Char(':'), 0, 0), QStringLiteral("unknown_key"));
        const AuthOutcome current = authenticate(auth, newToken);
        QVERIFY2(std::holds_alternative<Identity>(current), qPrintable(reasonOf(current)));
    }

    void unknownKidRefetchIsRateLimited()
    {
        OidcProvider provider(kAudience);
        QVERIFY2(provider.start({m_rsaA.privateJwk(QStringLiteral("rsa-a"))}, {reader()}),
                 qPrintable(provider.lastError()));
        OidcKeyProvider keys(provider.issuer());
        keys.setMinRefetchInterval(60000);
        keys.start();
        QTRY_VERIFY_WITH_TIMEOUT(keys.ready(), 10000);
        Authenticator auth(&keys, optionsFor(provider.issuer()), QStringLiteral("roles"));
        const int jwksAtStart = provider.requestCount(kJwks);
        QCOMPARE(jwksAtStart, 1);

        // The first unknown kid since start may refetch, and waits for it.
        auto first = auth.authenticate(
            "Bearer " + forgedToken(provider.issuer(), m_stranger, QStringLiteral("ghost-1"), QStringLiteral("RS256")));
        QVERIFY(!first.isFinished());
        QVERIFY(tw::test::waitFor(first, 15000));
        QCOMPARE(reasonOf(first.result()).section(QLatin1Char(':'), 0, 0), QStringLiteral("unknown_key"));
        QCOMPARE(provider.requestCount(kJwks), jwksAtStart + 1);

        // A second one within the interval is refused at once, with no fetch.
        auto second = auth.authenticate(
            "Bearer " + forgedToken(provider.issuer(), m_stranger, QStringLiteral("ghost-2"), QStringLiteral("RS256")));
        QVERIFY(second.isFinished());
        QCOMPARE(reasonOf(second.result()).section(QLatin1Char(':'), 0, 0), QStringLiteral("unknown_key"));
        QVERIFY(!keys.refreshForUnknownKid());
        QTest::qWait(300);
        QCOMPARE(provider.requestCount(kJwks), jwksAtStart + 1);
        // Known keys are unaffected by the limit.
        const AuthOutcome real =
            authenticate(auth, provider.fetchToken(QStringLiteral("reader"), QStringLiteral("reader-secret-1")));
        QVERIFY2(std::holds_alternative<Identity>(real), qPrintable(reasonOf(real)));
    }

    void lastGoodKeysSurviveAnIssuerOutage()
    {
        OidcProvider provider(kAudience);
        QVERIFY2(provider.start({m_rsaA.privateJwk(QStringLiteral("rsa-a"))}, {reader()}),
                 qPrintable(provider.lastError()));
        OidcKeyProvider keys(provider.issuer());
        keys.setMinRefetchInterval(0);
        keys.start();
        QTRY_VERIFY_WITH_TIMEOUT(keys.ready(), 10000);
        Authenticator auth(&keys, optionsFor(provider.issuer()), QStringLiteral("roles"));
        const QByteArray token = provider.fetchToken(QStringLiteral("reader"), QStringLiteral("reader-secret-1"));
        provider.stop();

        QVERIFY(keys.refreshForUnknownKid());
        QVERIFY(waitForAttempt(keys));
        QVERIFY(keys.ready());
        QVERIFY2(keys.problem().startsWith(QLatin1String("jwks: connection refused")), qPrintable(keys.problem()));
        const AuthOutcome outcome = authenticate(auth, token);
        QVERIFY2(std::holds_alternative<Identity>(outcome), qPrintable(reasonOf(outcome)));
    }

    void rolesClaimShapes_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QStringList>("roles");
        QTest::newRow("roles") << QStringLiteral("roles") << QStringList{QStringLiteral("admin"), QStringLiteral("ops")};
        QTest::newRow("groups") << QStringLiteral("groups") << QStringList{QStringLiteral("writers")};
        QTest::newRow("realm_access.roles")
            << QStringLiteral("realm_access.roles") << QStringList{QStringLiteral("reader"), QStringLiteral("writer")};
        QTest::newRow("resource_access.api.example.com.roles")
            << QStringLiteral("resource_access.api.example.com.roles") << QStringList{QStringLiteral("migrator")};
        QTest::newRow("scope") << QStringLiteral("scope")
                               << QStringList{QStringLiteral("db.read"), QStringLiteral("db.write")};
    }

    void rolesClaimShapes()
    {
        QFETCH(QString, claim);
        QFETCH(QStringList, roles);
        OidcProvider provider(kAudience);
        const OidcClient client{QStringLiteral("shaped"), QStringLiteral("shaped-secret"), roles, claim};
        QVERIFY2(provider.start({m_rsaA.privateJwk(QStringLiteral("rsa-a"))}, {client}),
                 qPrintable(provider.lastError()));
        OidcKeyProvider keys(provider.issuer());
        keys.start();
        QTRY_VERIFY_WITH_TIMEOUT(keys.ready(), 10000);
        const QByteArray token = provider.fetchToken(client.clientId, client.secret);
        QVERIFY2(!token.isEmpty(), qPrintable(provider.lastError()));

        Authenticator auth(&keys, optionsFor(provider.issuer()), claim);
        const AuthOutcome outcome = authenticate(auth, token);
        const auto *identity = std::get_if<Identity>(&outcome);
        QVERIFY2(identity, qPrintable(reasonOf(outcome)));
        QCOMPARE(identity->roles, roles);
        QCOMPARE(identity->subject, client.clientId);

        // Read from another path, the same token has no roles (not an error).
        Authenticator elsewhere(&keys, optionsFor(provider.issuer()),
                                claim == QLatin1String("roles") ? QStringLiteral("groups") : QStringLiteral("roles"));
        const AuthOutcome none = authenticate(elsewhere, token);
        QVERIFY2(std::holds_alternative<Identity>(none), qPrintable(reasonOf(none)));
        QVERIFY(std::get<Identity>(none).roles.isEmpty());
    }

    void rolesClaimOfTheWrongTypeIsRefused()
    {
        // Signed with the issuer's own key: only the claim's type is wrong.
        OidcProvider provider(kAudience);
        QVERIFY2(provider.start({m_rsaA.privateJwk(QStringLiteral("rsa-a"))}, {reader()}),
                 qPrintable(provider.lastError()));
        OidcKeyProvider keys(provider.issuer());
        keys.start();
        QTRY_VERIFY_WITH_TIMEOUT(keys.ready(), 10000);
        Authenticator auth(&keys, optionsFor(provider.issuer()), QStringLiteral("realm_access.roles"));

        const QByteArray good = forgedToken(provider.issuer(), m_rsaA, QStringLiteral("rsa-a"), QStringLiteral("RS256"),
                                            {{QStringLiteral("realm_access"),
                                              QJsonObject{{QStringLiteral("roles"), QJsonArray{QStringLiteral("x")}}}}});
        const AuthOutcome accepted = authenticate(auth, good);
        QVERIFY2(std::holds_alternative<Identity>(accepted), qPrintable(reasonOf(accepted)));

        for (const QJsonValue &bad : {QJsonValue(QJsonArray{QStringLiteral("x")}), QJsonValue(42),
                                      QJsonValue(QJsonObject{{QStringLiteral("roles"), 7}}),
                                      QJsonValue(QJsonObject{{QStringLiteral("roles"), QJsonArray{QStringLiteral("x"), 1}}})}) {
            const QByteArray token = forgedToken(provider.issuer(), m_rsaA, QStringLiteral("rsa-a"),
                                                 QStringLiteral("RS256"), {{QStringLiteral("realm_access"), bad}});
            const AuthOutcome outcome = authenticate(auth, token);
            const auto *failure = std::get_if<AuthFailure>(&outcome);
            QVERIFY2(failure, qPrintable(QJsonDocument(QJsonObject{{QStringLiteral("v"), bad}}).toJson()));
            QCOMPARE(failure->status, 401);
            QCOMPARE(failure->error, QStringLiteral("invalid_token"));
            QCOMPARE(failure->description, QStringLiteral("roles claim has the wrong type"));
        }
    }

    void oversizedDiscoveryIsRefused()
    {
        // A loopback "issuer" whose discovery document never ends.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, &server, [&server] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n");
                socket->write(QByteArray(2 * 1024 * 1024, ' '));
            });
        });
        OidcKeyProvider keys(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
        keys.start();
        QVERIFY(waitForAttempt(keys));
        QVERIFY(!keys.ready());
        QVERIFY2(keys.problem().contains(QLatin1String("larger than")), qPrintable(keys.problem()));
    }

    void redirectToAnotherHostIsNotFollowed()
    {
        OidcProvider provider(kAudience);
        QVERIFY2(provider.start({m_rsaA.privateJwk(QStringLiteral("rsa-a"))}, {reader()}),
                 qPrintable(provider.lastError()));
        // localhost on the provider's port is another origin: the redirect is not followed.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QByteArray target = QStringLiteral("http://localhost:%1/.well-known/openid-configuration")
                                      .arg(provider.port())
                                      .toLatin1();
        connect(&server, &QTcpServer::newConnection, &server, [&server, target] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, target] {
                socket->readAll();
                socket->write("HTTP/1.1 302 Found\r\nContent-Length: 0\r\nLocation: " + target + "\r\n\r\n");
            });
        });
        OidcKeyProvider keys(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
        keys.start();
        QVERIFY(waitForAttempt(keys));
        QVERIFY(!keys.ready());
        QVERIFY2(keys.problem().startsWith(QLatin1String("discovery: redirected")), qPrintable(keys.problem()));
        QCOMPARE(provider.requestCount(kDiscovery), 0);
    }
};

QTEST_MAIN(TestOidcKeys)
#include "tst_oidc_keys.moc"

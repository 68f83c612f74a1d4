// The pieces under the token check: strict base64url, the JSON parser that
// refuses duplicate keys, the JWKS loader (which keys it keeps, which it
// skips and why), the roles claim paths and the verified-token cache.
#include "JwtSigner.h"
#include "http/auth/Base64Url.h"
#include "http/auth/Jwk.h"
#include "http/auth/RolesClaim.h"
#include "http/auth/StrictJson.h"
#include "http/auth/TokenCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

using namespace tw;
using namespace tw::http::auth;
using test::TestKey;

namespace {

QJsonObject object(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

VerifiedToken verifiedUntil(const QDateTime &expires, const QString &subject)
{
    VerifiedToken token;
    token.subject = subject;
    token.expiresAt = expires;
    return token;
}

} // namespace

class TestJwtParsing : public QObject
{
    Q_OBJECT

private slots:
    // --- base64url -------------------------------------------------------
    void base64UrlRoundTripsEveryLength()
    {
        for (int length = 0; length < 70; ++length) {
            QByteArray bytes(length, '\0');
            for (char &c : bytes)
                c = char(QRandomGenerator::global()->bounded(256));
            const QByteArray text = encodeBase64Url(bytes);
            QVERIFY(!text.contains('=') && !text.contains('+') && !text.contains('/'));
            const auto back = decodeBase64Url(text);
            QVERIFY(back.has_value());
            QCOMPARE(*back, bytes);
        }
        QCOMPARE(decodeBase64Url("-_8"), std::optional<QByteArray>(QByteArray("\xfb\xff", 2)));
    }

    void base64UrlRefusesOtherSpellings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("padding") << QByteArray("QQ==");
        QTest::newRow("one pad") << QByteArray("QUI=");
        QTest::newRow("lone pad") << QByteArray("=");
        QTest::newRow("plus") << QByteArray("a+b-");
        QTest::newRow("slash") << QByteArray("a/b_");
        QTest::newRow("length 1 mod 4") << QByteArray("QUJDR");
        QTest::newRow("single char") << QByteArray("A");
        QTest::newRow("trailing bits, 1 byte") << QByteArray("QR");
        QTest::newRow("trailing bits, 2 bytes") << QByteArray("QUJ");
        QTest::newRow("space") << QByteArray("QU JD");
        QTest::newRow("newline") << QByteArray("QUJD\n");
        QTest::newRow("dot") << QByteArray("QU.D");
        QTest::newRow("non-ASCII") << QByteArray("QUJ\xc3\xa9");
        QTest::newRow("NUL") << QByteArray("QU\0D", 4);
    }

    void base64UrlRefusesOtherSpellings()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!decodeBase64Url(text).has_value());
    }

    // --- strict JSON ------------------------------------------------------
    void strictJsonReadsOrdinaryObjects()
    {
        const auto parsed = parseStrictJsonObject(
            " {\"a\":1.5e2,\"b\":[true,false,null,{\"a\":\"x\"},{\"a\":\"y\"}],\"c\":{\"a\":{}},\"\\u00e9\\n\":\"\\ud83d\\ude00\"} \n");
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message()));
        const QJsonObject o = parsed.value();
        QCOMPARE(o.value(QStringLiteral("a")).toDouble(), 150.0);
        QCOMPARE(o.value(QStringLiteral("b")).toArray().size(), 5);
        QCOMPARE(o.value(QStringLiteral("\u00e9\n")).toString(), QStringLiteral("\U0001F600"));
        QVERIFY(parseStrictJsonObject("{}").ok());
    }

    void strictJsonRefuses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QString dup = QStringLiteral("duplicate key");
        QTest::newRow("duplicate") << QByteArray("{\"aud\":\"a\",\"aud\":\"b\"}") << dup;
        QTest::newRow("duplicate, escaped") << QByteArray("{\"aud\":\"a\",\"\\u0061u\\u0064\":\"b\"}") << dup;
        QTest::newRow("duplicate, escaped slash") << QByteArray("{\"a/b\":1,\"a\\/b\":2}") << dup;
        QTest::newRow("duplicate, surrogate pair vs UTF-8")
            << QByteArray("{\"\xf0\x9f\x98\x80\":1,\"\\ud83d\\ude00\":2}") << dup;
        QTest::newRow("duplicate, nested") << QByteArray("{\"r\":{\"roles\":[],\"x\":1,\"roles\":[\"admin\"]}}") << dup;
        QTest::newRow("duplicate, in an array") << QByteArray("{\"r\":[1,{\"k\":1,\"k\":2}]}") << dup;
        QTest::newRow("too deep") << QByteArray("{\"a\":[[{\"b\":[]}]]}") << QStringLiteral("deeper than 4");
        QTest::newRow("array at the top") << QByteArray("[{}]") << QStringLiteral("not a JSON object");
        QTest::newRow("string at the top") << QByteArray("\"{}\"") << QStringLiteral("not a JSON object");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a JSON object");
        QTest::newRow("trailing object") << QByteArray("{} {}") << QStringLiteral("trailing");
        QTest::newRow("trailing garbage") << QByteArray("{\"a\":1}x") << QStringLiteral("trailing");
        QTest::newRow("trailing NUL") << QByteArray("{}\0", 3) << QStringLiteral("trailing");
        QTest::newRow("invalid UTF-8") << QByteArray("{\"\xff\":1,\"\xfe\":2}") << QStringLiteral("UTF-8");
        QTest::newRow("overlong UTF-8") << QByteArray("{\"a\":1,\"\xc1\xa1\":2}") << QStringLiteral("UTF-8");
        QTest::newRow("UTF-8 encoded surrogate") << QByteArray("{\"\xed\xa0\x80\":1}") << QStringLiteral("UTF-8");
        QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{}") << QStringLiteral("not a JSON object");
        QTest::newRow("lone high surrogate") << QByteArray("{\"\\ud800\":1}") << QStringLiteral("surrogate");
        QTest::newRow("lone low surrogate") << QByteArray("{\"\\udc00\":1}") << QStringLiteral("surrogate");
        QTest::newRow("missing value") << QByteArray("{\"a\":}") << QStringLiteral("invalid JSON value");
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << QStringLiteral("':'");
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << QStringLiteral("key");
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << QStringLiteral("key");
        QTest::newRow("bad literal") << QByteArray("{\"a\":tru}") << QStringLiteral("literal");
        QTest::newRow("control character") << QByteArray("{\"a\":\"x\ty\"}") << QStringLiteral("control");
        QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\x41\"}") << QStringLiteral("escape");
        QTest::newRow("unterminated") << QByteArray("{\"a\":\"x}") << QStringLiteral("unterminated");
        QTest::newRow("leading zero") << QByteArray("{\"a\":01}") << QStringLiteral("expected");
    }

    void strictJsonRefuses()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto parsed = parseStrictJsonObject(json, 4);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::ValidationFailed);
        QVERIFY2(parsed.error().message().contains(message), qPrintable(parsed.error().message()));
    }

    void strictJsonAllowsTheSameKeyInDifferentObjects()
    {
        QVERIFY(parseStrictJsonObject("{\"a\":{\"x\":1},\"b\":{\"x\":2},\"c\":[{\"x\":1},{\"x\":2}]}").ok());
        QVERIFY(parseStrictJsonObject("{\"a\":{\"b\":{\"c\":{}}}}", 4).ok());
        QVERIFY(!parseStrictJsonObject("{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}", 4).ok());
    }

    // --- JWKS -------------------------------------------------------------
    void aJwksThatIsNoJwksIsAnError()
    {
        QVERIFY(!JwkSet::fromJson("not json").ok());
        QVERIFY(!JwkSet::fromJson("{\"keys\":{}}").ok());
        QVERIFY(!JwkSet::fromJson("{\"issuer\":\"x\"}").ok());
        QVERIFY(!JwkSet::fromJson("{\"keys\":[],\"keys\":[]}").ok());
        const auto empty = JwkSet::fromJson("{\"keys\":[]}");
        QVERIFY(empty.ok());
        QCOMPARE(empty.value().size(), 0);
    }

    void unusableKeysAreSkippedWithTheirReason()
    {
        const TestKey rsa = TestKey::generateRsa();
        const TestKey ec = TestKey::generateEc();
        const TestKey ed = TestKey::generateEd25519();
        const TestKey weak = TestKey::generateRsa(1024);

        QJsonObject shortX = ec.publicJwk(QStringLiteral("ec-short"));
        shortX.insert(QStringLiteral("x"), test::base64Url(QByteArray(31, 'x')).constData());
        QJsonObject offCurve = ec.publicJwk(QStringLiteral("ec-off"));
        QByteArray y = QByteArray::fromBase64(offCurve.value(QStringLiteral("y")).toString().toLatin1(), QByteArray::Base64UrlEncoding);
        y[31] = char(y[31] ^ 1);
        offCurve.insert(QStringLiteral("y"), QString::fromLatin1(test::base64Url(y)));
        QJsonObject p384 = ec.publicJwk(QStringLiteral("ec-384"));
        p384.insert(QStringLiteral("crv"), QStringLiteral("P-384"));
        QJsonObject ed448 = ed.publicJwk(QStringLiteral("ed-448"));
        ed448.insert(QStringLiteral("crv"), QStringLiteral("Ed448"));
        QJsonObject padded = rsa.publicJwk(QStringLiteral("rsa-padded"));
        padded.insert(QStringLiteral("e"), QStringLiteral("AQAB="));
        QJsonObject noKid = rsa.publicJwk(QString());
        noKid.remove(QStringLiteral("kid"));
        const QJsonObject oct{{QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("kid"), QStringLiteral("hmac")},
                              {QStringLiteral("k"), QStringLiteral("c2VjcmV0")}};
        const QJsonObject unknown{{QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("kid"), QStringLiteral("odd")}};
        QJsonObject badOps = ed.publicJwk(QStringLiteral("ed-ops"));
        badOps.insert(QStringLiteral("key_ops"), QJsonArray{});

        const auto set = JwkSet::fromJson(test::jwksOf(
            {rsa.publicJwk(QStringLiteral("rsa")), rsa.privateJwk(QStringLiteral("rsa-private")),
             ec.privateJwk(QStringLiteral("ec-private")), ed.privateJwk(QStringLiteral("ed-private")),
             weak.publicJwk(QStringLiteral("rsa-1024")), shortX, offCurve, p384, ed448, padded, noKid, oct, unknown,
             badOps, ec.publicJwk(QStringLiteral("twice")), ed.publicJwk(QStringLiteral("twice")),
             ec.publicJwk(QStringLiteral("ec")), ed.publicJwk(QStringLiteral("ed"))}));
        QVERIFY(set.ok());
        const JwkSet &keys = set.value();
        QCOMPARE(keys.kids(), (QStringList{QStringLiteral("rsa"), QStringLiteral("ec"), QStringLiteral("ed")}));
        QCOMPARE(keys.find(QStringLiteral("rsa"))->bits, 2048);
        QVERIFY(keys.find(QStringLiteral("twice")) == nullptr);
        QVERIFY(keys.find(QStringLiteral("nothing")) == nullptr);

        const QStringList skipped = keys.skipped();
        auto reasonOf = [&](const QString &kid) {
            for (const QString &line : skipped) {
                if (line.startsWith(kid + QStringLiteral(": ")))
                    return line.mid(kid.size() + 2);
            }
            return QStringLiteral("<not skipped>");
        };
        QCOMPARE(skipped.size(), 14);
        for (const char *kid : {"rsa-private", "ec-private", "ed-private", "hmac"})
            QVERIFY2(reasonOf(QLatin1String(kid)).contains(QLatin1String("private")), kid);
        QVERIFY(reasonOf(QStringLiteral("rsa-1024")).contains(QLatin1String("1024 bits")));
        QVERIFY(reasonOf(QStringLiteral("ec-short")).contains(QLatin1String("x/y")));
        QVERIFY(reasonOf(QStringLiteral("ec-off")).contains(QLatin1String("point")));
        QVERIFY(reasonOf(QStringLiteral("ec-384")).contains(QLatin1String("unsupported curve")));
        QVERIFY(reasonOf(QStringLiteral("ed-448")).contains(QLatin1String("unsupported curve")));
        QVERIFY(reasonOf(QStringLiteral("rsa-padded")).contains(QLatin1String("n/e")));
        QVERIFY(reasonOf(QStringLiteral("(key 10)")).contains(QLatin1String("missing kid")));
        QVERIFY(reasonOf(QStringLiteral("odd")).contains(QLatin1String("unsupported key type")));
        QVERIFY(reasonOf(QStringLiteral("ed-ops")).contains(QLatin1String("verify")));
        QVERIFY(reasonOf(QStringLiteral("twice")).contains(QLatin1String("duplicate kid")));
    }

    void keysAllowOnlyTheirAlgorithms()
    {
        const TestKey rsa = TestKey::generateRsa();
        QJsonObject pinned = rsa.publicJwk(QStringLiteral("pinned"));
        pinned.insert(QStringLiteral("alg"), QStringLiteral("PS256"));
        QJsonObject enc = rsa.publicJwk(QStringLiteral("enc"));
        enc.insert(QStringLiteral("use"), QStringLiteral("enc"));
        QJsonObject ops = rsa.publicJwk(QStringLiteral("ops"));
        ops.insert(QStringLiteral("key_ops"), QJsonArray{QStringLiteral("sign"), QStringLiteral("verify")});
        const auto set = JwkSet::fromJson(test::jwksOf(
            {rsa.publicJwk(QStringLiteral("rsa")), TestKey::generateEc().publicJwk(QStringLiteral("ec")),
             TestKey::generateEd25519().publicJwk(QStringLiteral("ed")), pinned, enc, ops}));
        QVERIFY(set.ok());
        const JwkSet &keys = set.value();
        const QStringList algorithms{QStringLiteral("RS256"), QStringLiteral("PS256"), QStringLiteral("ES256"),
                                     QStringLiteral("EdDSA"), QStringLiteral("HS256"), QStringLiteral("none"),
                                     QStringLiteral("RS512")};
        auto allowed = [&](const char *kid) {
            QStringList out;
            for (const QString &alg : algorithms) {
                if (keys.find(QLatin1String(kid))->allows(alg))
                    out << alg;
            }
            return out.join(u' ');
        };
        QCOMPARE(allowed("rsa"), QStringLiteral("RS256 PS256"));
        QCOMPARE(allowed("ec"), QStringLiteral("ES256"));
        QCOMPARE(allowed("ed"), QStringLiteral("EdDSA"));
        QCOMPARE(allowed("pinned"), QStringLiteral("PS256"));
        QCOMPARE(allowed("enc"), QString());
        QCOMPARE(allowed("ops"), QStringLiteral("RS256 PS256"));
    }

    // --- roles claim ------------------------------------------------------
    void rolesAreReadFromEachPathShape_data()
    {
        QTest::addColumn<QByteArray>("claims");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("roles");
        const QByteArray all = "{\"roles\":[\"a\",\"b\",\"a\"],\"groups\":[\"g\"],\"realm_access\":{\"roles\":[\"r\"]},"
                               "\"resource_access\":{\"tablewright\":{\"roles\":[\"tw\"]},\"api\":{\"roles\":[\"short\"]},"
                               "\"api.example.com\":{\"roles\":[\"long\"]}},\"scope\":\"openid  read write\"}";
        QTest::newRow("roles") << all << QStringLiteral("roles") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("groups") << all << QStringLiteral("groups") << QStringList{QStringLiteral("g")};
        QTest::newRow("realm_access.roles") << all << QStringLiteral("realm_access.roles") << QStringList{QStringLiteral("r")};
        QTest::newRow("resource_access.client.roles") << all << QStringLiteral("resource_access.tablewright.roles")
                                                      << QStringList{QStringLiteral("tw")};
        QTest::newRow("client id with dots") << all << QStringLiteral("resource_access.api.example.com.roles")
                                             << QStringList{QStringLiteral("long")};
        QTest::newRow("client id that prefixes another") << all << QStringLiteral("resource_access.api.roles")
                                                         << QStringList{QStringLiteral("short")};
        QTest::newRow("scope") << all << QStringLiteral("scope")
                               << QStringList{QStringLiteral("openid"), QStringLiteral("read"), QStringLiteral("write")};
        QTest::newRow("a string claim is split") << QByteArray("{\"roles\":\"x y\"}") << QStringLiteral("roles")
                                                 << QStringList{QStringLiteral("x"), QStringLiteral("y")};
        QTest::newRow("missing claim") << all << QStringLiteral("permissions") << QStringList();
        QTest::newRow("missing client") << all << QStringLiteral("resource_access.other.roles") << QStringList();
        QTest::newRow("missing intermediate") << QByteArray("{}") << QStringLiteral("realm_access.roles") << QStringList();
        QTest::newRow("empty array") << QByteArray("{\"roles\":[]}") << QStringLiteral("roles") << QStringList();
        QTest::newRow("dotted key at the top") << QByteArray("{\"https://tw.example/roles\":[\"z\"]}")
                                               << QStringLiteral("https://tw.example/roles") << QStringList{QStringLiteral("z")};
    }

    void rolesAreReadFromEachPathShape()
    {
        QFETCH(QByteArray, claims);
        QFETCH(QString, path);
        QFETCH(QStringList, roles);
        const auto read = rolesFromClaims(object(claims.constData()), path);
        QVERIFY(read.has_value());
        QCOMPARE(*read, roles);
    }

    void rolesOfTheWrongTypeRefuseTheToken_data()
    {
        QTest::addColumn<QByteArray>("claims");
        QTest::addColumn<QString>("path");
        QTest::newRow("number") << QByteArray("{\"roles\":7}") << QStringLiteral("roles");
        QTest::newRow("boolean") << QByteArray("{\"roles\":true}") << QStringLiteral("roles");
        QTest::newRow("null") << QByteArray("{\"roles\":null}") << QStringLiteral("roles");
        QTest::newRow("object") << QByteArray("{\"roles\":{\"admin\":true}}") << QStringLiteral("roles");
        QTest::newRow("array with a number") << QByteArray("{\"roles\":[\"a\",1]}") << QStringLiteral("roles");
        QTest::newRow("array with an array") << QByteArray("{\"groups\":[[\"admin\"]]}") << QStringLiteral("groups");
        QTest::newRow("intermediate is a string") << QByteArray("{\"realm_access\":\"admin\"}") << QStringLiteral("realm_access.roles");
        QTest::newRow("intermediate is an array") << QByteArray("{\"resource_access\":[{\"tw\":{}}]}")
                                                  << QStringLiteral("resource_access.tw.roles");
        QTest::newRow("scope as an array of numbers") << QByteArray("{\"scope\":[1]}") << QStringLiteral("scope");
        QTest::newRow("empty path") << QByteArray("{\"roles\":[]}") << QString();
        QTest::newRow("empty path part") << QByteArray("{\"roles\":[]}") << QStringLiteral("realm_access..roles");
    }

    void rolesOfTheWrongTypeRefuseTheToken()
    {
        QFETCH(QByteArray, claims);
        QFETCH(QString, path);
        QVERIFY(!rolesFromClaims(object(claims.constData()), path).has_value());
    }

    // --- token cache ------------------------------------------------------
    void theCacheHitsUntilExp()
    {
        TokenCache cache;
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        QVERIFY(!cache.find("token-a", now).has_value());
        cache.insert("token-a", verifiedUntil(now.addSecs(60), QStringLiteral("alice")));
        QCOMPARE(cache.size(), 1);
        const auto hit = cache.find("token-a", now.addSecs(59));
        QVERIFY(hit.has_value());
        QCOMPARE(hit->subject, QStringLiteral("alice"));
        QVERIFY(!cache.find("token-b", now).has_value());
        QVERIFY(!cache.find("token-a ", now).has_value());
        QVERIFY(!cache.find("token-a", now.addSecs(60)).has_value()); // exp itself is past
        QCOMPARE(cache.size(), 0);                                    // and dropped
    }

    void theCacheEvictsTheLeastRecentlyUsed()
    {
        TokenCache cache(3);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        for (const char *t : {"a", "b", "c"})
            cache.insert(t, verifiedUntil(now.addSecs(600), QLatin1String(t)));
        QVERIFY(cache.find("a", now).has_value()); // a is now the most recent
        cache.insert("d", verifiedUntil(now.addSecs(600), QStringLiteral("d")));
        QCOMPARE(cache.size(), 3);
        QVERIFY(!cache.find("b", now).has_value());
        for (const char *t : {"a", "c", "d"})
            QVERIFY2(cache.find(t, now).has_value(), t);
        cache.insert("c", verifiedUntil(now.addSecs(900), QStringLiteral("c2"))); // replaces, no growth
        QCOMPARE(cache.size(), 3);
        QCOMPARE(cache.find("c", now)->subject, QStringLiteral("c2"));
        for (int i = 0; i < 1000; ++i)
            cache.insert(QByteArray::number(i), verifiedUntil(now.addSecs(600), QString()));
        QCOMPARE(cache.size(), 3);
    }

    void theCacheClearsAndIgnoresTokensWithoutExpiry()
    {
        TokenCache cache;
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        cache.insert("x", verifiedUntil(QDateTime(), QStringLiteral("x")));
        QCOMPARE(cache.size(), 0);
        cache.insert("y", verifiedUntil(now.addSecs(10), QStringLiteral("y")));
        cache.insert("z", verifiedUntil(now.addSecs(10), QStringLiteral("z")));
        QCOMPARE(cache.size(), 2);
        cache.clear();
        QCOMPARE(cache.size(), 0);
        QVERIFY(!cache.find("y", now).has_value());
    }
};

QTEST_GUILESS_MAIN(TestJwtParsing)
#include "tst_jwt_parsing.moc"

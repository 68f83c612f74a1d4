// The bearer-token check without a provider: tokens forged by the tests' own
// OpenSSL signer (tests/support/JwtSigner.h) against a JWKS of real keys.
// Every refusal is asserted with its exact TokenFailure, and no description
// may echo the token; the four algorithms are accepted when all is right.
#include "JwtSigner.h"
#include "http/auth/Base64Url.h"
#include "http/auth/JwtValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QtTest>

using namespace tw::http::auth;
using test::TestKey;

namespace {

constexpr qint64 kNow = 1700000000;
const QString kIssuer = QStringLiteral("https://issuer.test/realms/tw");
const QString kAudience = QStringLiteral("tablewright-api");
constexpr int kAccepted = -1;
// The order n of P-256, for out-of-range ECDSA scalars.
const QByteArray kP256Order =
    QByteArray::fromHex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

enum Variant { Default, AllowJwtType, ConfigListsHs256, OnlyRs256, NoLeeway };

ValidationOptions optionsFor(int variant)
{
    ValidationOptions options;
    options.issuer = kIssuer;
    options.audience = kAudience;
    options.leewaySeconds = 30;
    switch (variant) {
    case AllowJwtType: options.acceptedTypes = {QStringLiteral("at+jwt"), QStringLiteral("JWT")}; break;
    case ConfigListsHs256: options.algorithms << QStringLiteral("HS256") << QStringLiteral("none"); break;
    case OnlyRs256: options.algorithms = {QStringLiteral("RS256")}; break;
    case NoLeeway: options.leewaySeconds = 0; break;
    }
    return options;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject header(const QString &alg, const QString &kid)
{
    return {{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("at+jwt")}, {QStringLiteral("kid"), kid}};
}

QJsonObject claims()
{
    return {{QStringLiteral("iss"), kIssuer},
            {QStringLiteral("aud"), kAudience},
            {QStringLiteral("sub"), QStringLiteral("user-42")},
            {QStringLiteral("client_id"), QStringLiteral("reporting")},
            {QStringLiteral("iat"), kNow - 10},
            {QStringLiteral("exp"), kNow + 300},
            {QStringLiteral("roles"), QJsonArray{QStringLiteral("analyst")}}};
}

QJsonObject claimsWith(const QString &key, const QJsonValue &value)
{
    QJsonObject c = claims();
    if (value.isUndefined())
        c.remove(key);
    else
        c.insert(key, value);
    return c;
}

QByteArray withSignature(const QByteArray &token, const QByteArray &signature)
{
    return token.left(token.lastIndexOf('.') + 1) + test::base64Url(signature);
}

QByteArray signatureOf(const QByteArray &token)
{
    return *decodeBase64Url(token.mid(token.lastIndexOf('.') + 1));
}

} // namespace

class TestJwtValidator : public QObject
{
    Q_OBJECT

    TestKey m_rsa, m_ec, m_ed, m_attacker, m_weak, m_enc, m_pinned, m_ops, m_opsVerify;
    JwkSet m_keys;
    QDateTime m_now = QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC);

    QByteArray rsa(const QJsonObject &c = claims(), const QString &alg = QStringLiteral("RS256"))
    {
        return test::makeToken(json(header(alg, QStringLiteral("rsa-1"))), json(c), m_rsa, alg);
    }
    QByteArray ec(const QJsonObject &h = header(QStringLiteral("ES256"), QStringLiteral("ec-1")))
    {
        return test::makeToken(json(h), json(claims()), m_ec, QStringLiteral("ES256"));
    }
    QByteArray withHeader(const QString &key, const QJsonValue &value, const TestKey &signer, const QString &kid = QStringLiteral("rsa-1"))
    {
        QJsonObject h = header(QStringLiteral("RS256"), kid);
        if (value.isUndefined())
            h.remove(key);
        else
            h.insert(key, value);
        return test::makeToken(json(h), json(claims()), signer, QStringLiteral("RS256"));
    }
    void row(const char *name, const QByteArray &token, int expected, int variant = Default)
    {
        QTest::newRow(name) << token << expected << variant;
    }

private slots:
    void initTestCase()
    {
        m_rsa = TestKey::generateRsa();
        m_ec = TestKey::generateEc();
        m_ed = TestKey::generateEd25519();
        m_attacker = TestKey::generateRsa();
        m_weak = TestKey::generateRsa(1024);
        m_enc = TestKey::generateRsa();
        m_pinned = TestKey::generateRsa();
        m_ops = TestKey::generateRsa();
        m_opsVerify = TestKey::generateEc();
        QJsonObject enc = m_enc.publicJwk(QStringLiteral("rsa-enc"));
        enc.insert(QStringLiteral("use"), QStringLiteral("enc"));
        QJsonObject pinned = m_pinned.publicJwk(QStringLiteral("rsa-pinned"));
        pinned.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
        QJsonObject ops = m_ops.publicJwk(QStringLiteral("rsa-ops"));
        ops.remove(QStringLiteral("use"));
        ops.insert(QStringLiteral("key_ops"), QJsonArray{QStringLiteral("sign")});
        QJsonObject opsVerify = m_opsVerify.publicJwk(QStringLiteral("ec-ops"));
        opsVerify.remove(QStringLiteral("use"));
        opsVerify.insert(QStringLiteral("key_ops"), QJsonArray{QStringLiteral("verify")});
        const auto set = JwkSet::fromJson(test::jwksOf(
            {m_rsa.publicJwk(QStringLiteral("rsa-1")), m_ec.publicJwk(QStringLiteral("ec-1")),
             m_ed.publicJwk(QStringLiteral("ed-1")), m_weak.publicJwk(QStringLiteral("rsa-weak")), enc, pinned,
             ops, opsVerify}));
        QVERIFY2(set.ok(), set.ok() ? "" : qPrintable(set.error().toString()));
        m_keys = set.value();
        QCOMPARE(m_keys.kids(), (QStringList{QStringLiteral("rsa-1"), QStringLiteral("ec-1"), QStringLiteral("ed-1"),
                                             QStringLiteral("rsa-enc"), QStringLiteral("rsa-pinned"),
                                             QStringLiteral("ec-ops")}));
        QCOMPARE(m_keys.skipped().size(), 2); // the 1024-bit key and key_ops without verify
    }

    void eachTokenGetsItsExactVerdict_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("variant");
        using F = TokenFailure;
        const auto M = int(F::Malformed), A = int(F::Algorithm), K = int(F::UnknownKey), S = int(F::Signature),
                   T = int(F::Type), I = int(F::Issuer), U = int(F::Audience), E = int(F::Expired),
                   N = int(F::NotYetValid), C = int(F::Claims);
        const QByteArray body = json(claims());
        const QByteArray good = rsa();

        // Algorithms: none and HMAC in any spelling, even when configured.
        for (const char *none : {"none", "None", "NONE", "nOnE"}) {
            const QByteArray h = json(header(QString::fromLatin1(none), QStringLiteral("rsa-1")));
            row(qPrintable(QStringLiteral("alg %1, no signature").arg(QLatin1String(none))),
                test::signingInput(h, body) + '.', A);
        }
        row("alg none with an RSA signature attached",
            withSignature(test::signingInput(json(header(QStringLiteral("none"), QStringLiteral("rsa-1"))), body) + '.',
                          signatureOf(good)), A);
        row("alg none even when the config lists it",
            test::signingInput(json(header(QStringLiteral("none"), QStringLiteral("rsa-1"))), body) + '.', A,
            ConfigListsHs256);
        {
            const QByteArray input = test::signingInput(json(header(QStringLiteral("HS256"), QStringLiteral("rsa-1"))), body);
            row("HS256 keyed with the RSA public key PEM", input + '.' + test::base64Url(test::hs256(m_rsa.publicPem(), input)), A);
            row("HS256 keyed with the RSA public JWK", input + '.' + test::base64Url(test::hs256(json(m_rsa.publicJwk(QStringLiteral("rsa-1"))), input)), A);
            row("HS256 even when the config lists it", input + '.' + test::base64Url(test::hs256(m_rsa.publicPem(), input)), A, ConfigListsHs256);
        }
        row("ES256 header with the RSA kid",
            test::makeToken(json(header(QStringLiteral("ES256"), QStringLiteral("rsa-1"))), body, m_ec, QStringLiteral("ES256")), A);
        row("RS256 header with the EC kid",
            test::makeToken(json(header(QStringLiteral("RS256"), QStringLiteral("ec-1"))), body, m_rsa, QStringLiteral("RS256")), A);
        row("EdDSA header with the RSA kid",
            test::makeToken(json(header(QStringLiteral("EdDSA"), QStringLiteral("rsa-1"))), body, m_ed, QStringLiteral("EdDSA")), A);
        row("PS256 when only RS256 is configured", rsa(claims(), QStringLiteral("PS256")), A, OnlyRs256);
        row("RS384 is not supported",
            test::makeToken(json(header(QStringLiteral("RS384"), QStringLiteral("rsa-1"))), body, m_rsa, QStringLiteral("RS256")), A);
        row("alg names are case-sensitive", test::makeToken(json(header(QStringLiteral("rs256"), QStringLiteral("rsa-1"))), body, m_rsa, QStringLiteral("RS256")), A);
        row("alg of the wrong type", withHeader(QStringLiteral("alg"), 256, m_rsa), A);

        // Keys come from the JWKS only, by kid.
        row("unknown kid", withHeader(QStringLiteral("kid"), QStringLiteral("nope"), m_rsa), K);
        row("kid path traversal", withHeader(QStringLiteral("kid"), QStringLiteral("../../etc/passwd"), m_rsa), K);
        row("kid SQL injection", withHeader(QStringLiteral("kid"), QStringLiteral("' OR 1=1 --"), m_rsa), K);
        row("kid of 4000 characters", withHeader(QStringLiteral("kid"), QString(4000, u'k'), m_rsa), K);
        row("kid missing", withHeader(QStringLiteral("kid"), QJsonValue::Undefined, m_rsa), K);
        row("kid of the wrong type", withHeader(QStringLiteral("kid"), 1, m_rsa), K);
        row("attacker key in jwk, attacker kid",
            withHeader(QStringLiteral("jwk"), m_attacker.publicJwk(QStringLiteral("evil")), m_attacker, QStringLiteral("evil")), K);
        row("attacker key in jwk, our kid", withHeader(QStringLiteral("jwk"), m_attacker.publicJwk(QStringLiteral("rsa-1")), m_attacker), S);
        row("x5c header, attacker signature",
            withHeader(QStringLiteral("x5c"), QJsonArray{QString::fromLatin1(m_attacker.publicPem().toBase64())}, m_attacker), S);
        row("1024-bit RSA key is not in the set",
            test::makeToken(json(header(QStringLiteral("RS256"), QStringLiteral("rsa-weak"))), body, m_weak, QStringLiteral("RS256")), K);
        row("JWK with use enc",
            test::makeToken(json(header(QStringLiteral("RS256"), QStringLiteral("rsa-enc"))), body, m_enc, QStringLiteral("RS256")), A);
        row("JWK pinned to RS256 used with PS256",
            test::makeToken(json(header(QStringLiteral("PS256"), QStringLiteral("rsa-pinned"))), body, m_pinned, QStringLiteral("PS256")), A);
        row("JWK with key_ops without verify",
            test::makeToken(json(header(QStringLiteral("RS256"), QStringLiteral("rsa-ops"))), body, m_ops, QStringLiteral("RS256")), K);

        // Signatures.
        {
            QByteArray tampered = good;
            const qsizetype dot = tampered.indexOf('.');
            const QByteArray forged = test::base64Url(json(claimsWith(QStringLiteral("roles"), QJsonArray{QStringLiteral("admin")})));
            tampered.replace(dot + 1, tampered.lastIndexOf('.') - dot - 1, forged);
            row("tampered payload", tampered, S);
        }
        row("signed by another RSA key", test::makeToken(json(header(QStringLiteral("RS256"), QStringLiteral("rsa-1"))), body, m_attacker, QStringLiteral("RS256")), S);
        row("PS256 signature under an RS256 header", withSignature(good, m_rsa.sign(QStringLiteral("PS256"), good.left(good.lastIndexOf('.')))), S);
        row("stripped signature", good.left(good.lastIndexOf('.') + 1), S);
        row("signature of one zero byte", withSignature(good, QByteArray(1, '\0')), S);
        const QByteArray es = ec();
        const QByteArray esSig = signatureOf(es);
        row("ES256 r = s = 0", withSignature(es, QByteArray(64, '\0')), S);
        row("ES256 r = n", withSignature(es, kP256Order + esSig.mid(32)), S);
        row("ES256 s = n", withSignature(es, esSig.left(32) + kP256Order), S);
        row("ES256 s > n", withSignature(es, esSig.left(32) + QByteArray(32, '\xff')), S);
        row("ES256 of 63 bytes", withSignature(es, esSig.left(63)), S);
        row("ES256 of 65 bytes (leading zero)", withSignature(es, QByteArray(1, '\0') + esSig), S);
        row("ES256 DER-encoded", withSignature(es, test::ecdsaRawToDer(esSig)), S);
        const QByteArray ed = test::makeToken(json(header(QStringLiteral("EdDSA"), QStringLiteral("ed-1"))), body, m_ed, QStringLiteral("EdDSA"));
        row("EdDSA of 63 bytes", withSignature(ed, signatureOf(ed).left(63)), S);

        // Structure and encoding.
        const QList<QByteArray> parts = good.split('.');
        row("empty token", QByteArray(), M);
        row("two segments", parts[0] + '.' + parts[1], M);
        row("four segments", good + ".e30", M);
        row("five segments (JWE shape)", parts[0] + ".." + parts[1] + '.' + parts[2] + ".abc", M);
        row("line break in the header", parts[0].left(4) + '\n' + parts[0].mid(4) + '.' + parts[1] + '.' + parts[2], M);
        // The payload is decoded only after the signature, which covers its exact bytes.
        row("line break in the payload", parts[0] + ".\n" + parts[1] + '.' + parts[2], S);
        row("padding on the header", parts[0] + "==." + parts[1] + '.' + parts[2], M);
        {
            QByteArray padded = parts[2];
            while (padded.size() % 4)
                padded.append('=');
            row("padding on the signature", parts[0] + '.' + parts[1] + '.' + padded, M);
            QByteArray alphabet = parts[2];
            alphabet.replace('-', '+').replace('_', '/');
            QVERIFY(alphabet != parts[2]); // a 256-byte signature all but surely holds - or _
            row("standard base64 alphabet in the signature", parts[0] + '.' + parts[1] + '.' + alphabet, M);
            // 256 bytes leave 4 unused bits in the last character: set one.
            QByteArray loose = parts[2];
            loose.back() = loose.back() == 'A' ? 'B' : char(loose.back() + 1);
            row("non-canonical trailing bits in the signature", parts[0] + '.' + parts[1] + '.' + loose, M);
            // Padding inside the signed part: the signature holds, the encoding does not.
            QByteArray spaced = body;
            while (spaced.size() % 3 == 0)
                spaced.append(' '); // JSON whitespace, so the base64 needs padding
            const QByteArray input = parts[0] + '.' + spaced.toBase64(QByteArray::Base64UrlEncoding);
            QVERIFY(input.endsWith('='));
            row("padding on a signed payload", input + '.' + test::base64Url(m_rsa.sign(QStringLiteral("RS256"), input)), M);
        }
        row("header is not JSON", test::makeToken("{\"alg\":\"RS256\",", body, m_rsa, QStringLiteral("RS256")), M);
        row("header is an array", test::makeToken("[\"RS256\"]", body, m_rsa, QStringLiteral("RS256")), M);
        row("duplicate alg in the header",
            test::makeToken("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"alg\":\"none\"}", body, m_rsa, QStringLiteral("RS256")), M);
        row("duplicate kid in the header, escaped",
            test::makeToken("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"\\u006bid\":\"ec-1\"}", body, m_rsa, QStringLiteral("RS256")), M);
        const QByteArray h = json(header(QStringLiteral("RS256"), QStringLiteral("rsa-1")));
        const QByteArray base = body.chopped(1);
        row("duplicate aud claim", test::makeToken(h, base + ",\"aud\":\"other\"}", m_rsa, QStringLiteral("RS256")), M);
        row("duplicate claim, nested",
            test::makeToken(h, base + ",\"realm_access\":{\"roles\":[\"a\"],\"roles\":[\"admin\"]}}", m_rsa, QStringLiteral("RS256")), M);
        row("claims are not an object", test::makeToken(h, "[1,2]", m_rsa, QStringLiteral("RS256")), M);
        row("trailing bytes after the claims", test::makeToken(h, body + " x", m_rsa, QStringLiteral("RS256")), M);
        row("claims nested 40 deep",
            test::makeToken(h, base + ",\"x\":" + QByteArray(40, '[') + QByteArray(40, ']') + '}', m_rsa, QStringLiteral("RS256")), M);
        row("token over maxTokenBytes",
            rsa(claimsWith(QStringLiteral("pad"), QString(20000, u'p'))), M);

        // Type and critical extensions.
        row("typ JWT when not accepted", withHeader(QStringLiteral("typ"), QStringLiteral("JWT"), m_rsa), T);
        row("typ missing", withHeader(QStringLiteral("typ"), QJsonValue::Undefined, m_rsa), T);
        row("typ missing even when JWT is accepted", withHeader(QStringLiteral("typ"), QJsonValue::Undefined, m_rsa), T, AllowJwtType);
        row("typ of the wrong type", withHeader(QStringLiteral("typ"), 1, m_rsa), T);
        row("typ with a trailing space", withHeader(QStringLiteral("typ"), QStringLiteral("at+jwt "), m_rsa), T);
        row("crit present", withHeader(QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")}, m_rsa), T);
        row("crit empty", withHeader(QStringLiteral("crit"), QJsonArray{}, m_rsa), T);
        {
            QJsonObject idHeader = header(QStringLiteral("RS256"), QStringLiteral("rsa-1"));
            idHeader.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
            QJsonObject idClaims = claimsWith(QStringLiteral("aud"), QStringLiteral("reporting"));
            idClaims.insert(QStringLiteral("nonce"), QStringLiteral("n-0S6_WzA2Mj"));
            row("ID token used as an access token", test::makeToken(json(idHeader), json(idClaims), m_rsa, QStringLiteral("RS256")), T);
        }

        // Claims.
        row("missing iss", rsa(claimsWith(QStringLiteral("iss"), QJsonValue::Undefined)), I);
        row("wrong iss", rsa(claimsWith(QStringLiteral("iss"), QStringLiteral("https://evil.test/realms/tw"))), I);
        row("iss with a trailing slash", rsa(claimsWith(QStringLiteral("iss"), kIssuer + u'/')), I);
        row("iss in another case", rsa(claimsWith(QStringLiteral("iss"), kIssuer.toUpper())), I);
        row("wrong aud", rsa(claimsWith(QStringLiteral("aud"), QStringLiteral("other-api"))), U);
        row("aud array without ours", rsa(claimsWith(QStringLiteral("aud"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")})), U);
        row("missing aud", rsa(claimsWith(QStringLiteral("aud"), QJsonValue::Undefined)), U);
        row("aud of the wrong type", rsa(claimsWith(QStringLiteral("aud"), 7)), C);
        row("aud array holding a number", rsa(claimsWith(QStringLiteral("aud"), QJsonArray{kAudience, 7})), C);
        row("missing exp", rsa(claimsWith(QStringLiteral("exp"), QJsonValue::Undefined)), C);
        row("exp as a string", rsa(claimsWith(QStringLiteral("exp"), QString::number(kNow + 300))), C);
        row("nbf as a string", rsa(claimsWith(QStringLiteral("nbf"), QStringLiteral("0"))), C);
        row("exp beyond year 9999", rsa(claimsWith(QStringLiteral("exp"), 1e300)), C);
        row("sub of the wrong type", rsa(claimsWith(QStringLiteral("sub"), 42)), C);
        row("no sub (RFC 9068 requires it)", rsa(claimsWith(QStringLiteral("sub"), QJsonValue::Undefined)), C);
        row("empty sub", rsa(claimsWith(QStringLiteral("sub"), QString())), C);
        row("client_id of the wrong type", rsa(claimsWith(QStringLiteral("client_id"), QJsonArray{})), C);
        row("expired long ago", rsa(claimsWith(QStringLiteral("exp"), kNow - 3600)), E);
        row("expired one second past the leeway", rsa(claimsWith(QStringLiteral("exp"), kNow - 31)), E);
        row("expired exactly at the leeway", rsa(claimsWith(QStringLiteral("exp"), kNow - 30)), E);
        row("half a second expired without leeway", rsa(claimsWith(QStringLiteral("exp"), kNow - 0.5)), E, NoLeeway);
        row("nbf one second past the leeway", rsa(claimsWith(QStringLiteral("nbf"), kNow + 31)), N);
        row("iat one second past the leeway", rsa(claimsWith(QStringLiteral("iat"), kNow + 31)), N);
        row("nbf in the future without leeway", rsa(claimsWith(QStringLiteral("nbf"), kNow + 1)), N, NoLeeway);

        // Accepted.
        row("RS256", good, kAccepted);
        row("PS256", rsa(claims(), QStringLiteral("PS256")), kAccepted);
        row("ES256", es, kAccepted);
        row("EdDSA", ed, kAccepted);
        row("EC key with key_ops verify",
            test::makeToken(json(header(QStringLiteral("ES256"), QStringLiteral("ec-ops"))), body, m_opsVerify, QStringLiteral("ES256")), kAccepted);
        row("JWK pinned to RS256 used with RS256",
            test::makeToken(json(header(QStringLiteral("RS256"), QStringLiteral("rsa-pinned"))), body, m_pinned, QStringLiteral("RS256")), kAccepted);
        row("typ JWT when configured", withHeader(QStringLiteral("typ"), QStringLiteral("JWT"), m_rsa), kAccepted, AllowJwtType);
        row("typ application/at+jwt", withHeader(QStringLiteral("typ"), QStringLiteral("application/at+jwt"), m_rsa), kAccepted);
        row("typ AT+JWT", withHeader(QStringLiteral("typ"), QStringLiteral("AT+JWT"), m_rsa), kAccepted);
        row("jku, x5u and jwk headers are ignored", [&] {
            QJsonObject hh = header(QStringLiteral("RS256"), QStringLiteral("rsa-1"));
            hh.insert(QStringLiteral("jku"), QStringLiteral("http://127.0.0.1:1/jwks"));
            hh.insert(QStringLiteral("x5u"), QStringLiteral("http://127.0.0.1:1/cert"));
            hh.insert(QStringLiteral("jwk"), m_attacker.publicJwk(QStringLiteral("rsa-1")));
            return test::makeToken(json(hh), body, m_rsa, QStringLiteral("RS256"));
        }(), kAccepted);
        row("aud array with ours", rsa(claimsWith(QStringLiteral("aud"), QJsonArray{QStringLiteral("x"), kAudience})), kAccepted);
        row("expired one second inside the leeway", rsa(claimsWith(QStringLiteral("exp"), kNow - 29)), kAccepted);
        row("nbf exactly at the leeway", rsa(claimsWith(QStringLiteral("nbf"), kNow + 30)), kAccepted);
        row("iat one second inside the leeway", rsa(claimsWith(QStringLiteral("iat"), kNow + 29)), kAccepted);
        row("fractional exp half a second ahead", rsa(claimsWith(QStringLiteral("exp"), kNow + 0.5)), kAccepted, NoLeeway);
        row("azp instead of client_id", [&] {
            QJsonObject c = claims();
            c.remove(QStringLiteral("client_id"));
            c.insert(QStringLiteral("azp"), QStringLiteral("reporting"));
            return rsa(c);
        }(), kAccepted);
    }

    void eachTokenGetsItsExactVerdict()
    {
        QFETCH(QByteArray, token);
        QFETCH(int, expected);
        QFETCH(int, variant);
        const JwtValidator validator(optionsFor(variant));
        const auto outcome = validator.validate(token, m_keys, m_now);
        if (expected == kAccepted) {
            if (const auto *refused = std::get_if<TokenRejection>(&outcome))
                QFAIL(qPrintable(QStringLiteral("refused as %1: %2").arg(tokenFailureName(refused->failure), refused->description)));
            return;
        }
        const auto *refused = std::get_if<TokenRejection>(&outcome);
        QVERIFY2(refused, "a forged or invalid token was accepted");
        QCOMPARE(tokenFailureName(refused->failure), tokenFailureName(TokenFailure(expected)));
        // The description is shown to the caller and logged: never the token, nor a piece of it.
        QVERIFY(!refused->description.isEmpty());
        for (const QByteArray &segment : token.split('.')) {
            if (segment.size() >= 8)
                QVERIFY(!refused->description.contains(QString::fromLatin1(segment.left(8))));
        }
        for (const char *echo : {"passwd", "OR 1=1", "kkkkkkkk", "evil"})
            QVERIFY(!refused->description.contains(QLatin1String(echo)));
    }

    void anAcceptedTokenCarriesItsIdentity()
    {
        const JwtValidator validator(optionsFor(Default));
        QJsonObject c = claimsWith(QStringLiteral("exp"), kNow + 300.75);
        const auto outcome = validator.validate(rsa(c, QStringLiteral("PS256")), m_keys, m_now);
        QVERIFY(std::holds_alternative<VerifiedToken>(outcome));
        const auto &token = std::get<VerifiedToken>(outcome);
        QCOMPARE(token.subject, QStringLiteral("user-42"));
        QCOMPARE(token.clientId, QStringLiteral("reporting"));
        QCOMPARE(token.kid, QStringLiteral("rsa-1"));
        QCOMPARE(token.algorithm, QStringLiteral("PS256"));
        QCOMPARE(token.expiresAt, QDateTime::fromMSecsSinceEpoch((kNow + 300) * 1000 + 750, Qt::UTC));
        QCOMPARE(token.claims.value(QStringLiteral("roles")).toArray().first().toString(), QStringLiteral("analyst"));
    }

    void keyUrlsInTheHeaderAreNeverFetched()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        const QString base = QStringLiteral("http://127.0.0.1:%1/").arg(listener.serverPort());
        QJsonObject h = header(QStringLiteral("RS256"), QStringLiteral("rsa-1"));
        h.insert(QStringLiteral("jku"), base + QStringLiteral("jwks.json"));
        h.insert(QStringLiteral("x5u"), base + QStringLiteral("cert.pem"));
        const JwtValidator validator(optionsFor(Default));
        const auto forged = validator.validate(test::makeToken(json(h), json(claims()), m_attacker, QStringLiteral("RS256")), m_keys, m_now);
        QVERIFY(std::holds_alternative<TokenRejection>(forged));
        QCOMPARE(std::get<TokenRejection>(forged).failure, TokenFailure::Signature);
        const auto real = validator.validate(test::makeToken(json(h), json(claims()), m_rsa, QStringLiteral("RS256")), m_keys, m_now);
        QVERIFY(std::holds_alternative<VerifiedToken>(real));
        QTest::qWait(200);
        QVERIFY(!listener.hasPendingConnections());
    }

    void theKidCanBePeekedForARefetch()
    {
        QCOMPARE(JwtValidator::peekKid(rsa()), QStringLiteral("rsa-1"));
        QCOMPARE(JwtValidator::peekKid(withHeader(QStringLiteral("kid"), QStringLiteral("new-key"), m_attacker)),
                 QStringLiteral("new-key"));
        QCOMPARE(JwtValidator::peekKid("not a token"), QString());
        QCOMPARE(JwtValidator::peekKid("e30.e30"), QString());
    }

    void failureNamesAreMetricLabels()
    {
        QCOMPARE(tokenFailureName(TokenFailure::Malformed), QStringLiteral("malformed"));
        QCOMPARE(tokenFailureName(TokenFailure::UnknownKey), QStringLiteral("unknown_key"));
        QCOMPARE(tokenFailureName(TokenFailure::NotYetValid), QStringLiteral("not_yet_valid"));
        QCOMPARE(tokenFailureName(TokenFailure::Claims), QStringLiteral("claims"));
    }
};

QTEST_GUILESS_MAIN(TestJwtValidator)
#include "tst_jwt_validator.moc"

#include "Jwk.h"

#include "Base64Url.h"
#include "StrictJson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace tw::http::auth {

namespace {

constexpr int kMinRsaBits = 2048;
// Verifying with a huge modulus costs the server, not the issuer.
constexpr int kMaxRsaBits = 16384;

struct BnFree { void operator()(BIGNUM *bn) const { BN_free(bn); } };
struct BldFree { void operator()(OSSL_PARAM_BLD *bld) const { OSSL_PARAM_BLD_free(bld); } };
struct ParamFree { void operator()(OSSL_PARAM *params) const { OSSL_PARAM_free(params); } };
struct CtxFree { void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); } };

using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

std::shared_ptr<EVP_PKEY> wrap(EVP_PKEY *pkey)
{
    return pkey ? std::shared_ptr<EVP_PKEY>(pkey, EVP_PKEY_free) : nullptr;
}

// A public key from parameters; nullptr when OpenSSL refuses them.
std::shared_ptr<EVP_PKEY> fromParams(const char *type, const OSSL_PARAM *params)
{
    std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0)
        return nullptr;
    EVP_PKEY *pkey = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_PUBLIC_KEY, const_cast<OSSL_PARAM *>(params)) <= 0)
        return nullptr;
    return wrap(pkey);
}

// Reads a base64url member; a missing, non-string or badly encoded one is nullopt.
std::optional<QByteArray> member(const QJsonObject &jwk, const char *name)
{
    const QJsonValue value = jwk.value(QLatin1String(name));
    if (!value.isString())
        return std::nullopt;
    auto bytes = decodeBase64Url(value.toString().toLatin1());
    if (!bytes || bytes->isEmpty())
        return std::nullopt;
    return bytes;
}

QString rsaKey(const QJsonObject &object, Jwk *jwk)
{
    const auto n = member(object, "n");
    const auto e = member(object, "e");
    if (!n || !e)
        return QStringLiteral("RSA key without valid n/e");
    BnPtr bnN(BN_bin2bn(reinterpret_cast<const unsigned char *>(n->constData()), int(n->size()), nullptr));
    BnPtr bnE(BN_bin2bn(reinterpret_cast<const unsigned char *>(e->constData()), int(e->size()), nullptr));
    if (!bnN || !bnE)
        return QStringLiteral("RSA key without valid n/e");
    const int bits = BN_num_bits(bnN.get());
    if (bits < kMinRsaBits)
        return QStringLiteral("RSA key of %1 bits (at least %2 required)").arg(bits).arg(kMinRsaBits);
    if (bits > kMaxRsaBits)
        return QStringLiteral("RSA key of %1 bits (at most %2 accepted)").arg(bits).arg(kMaxRsaBits);
    // An even or tiny exponent is not an RSA public key anyone should sign with.
    if (!BN_is_odd(bnE.get()) || BN_num_bits(bnE.get()) < 2 || BN_num_bits(bnE.get()) > 64)
        return QStringLiteral("RSA key with an invalid exponent");

    std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get())
        || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()))
        return QStringLiteral("RSA key could not be built");
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
    jwk->key = params ? fromParams("RSA", params.get()) : nullptr;
    if (!jwk->key)
        return QStringLiteral("RSA key refused by OpenSSL");
    jwk->bits = bits;
    return {};
}

QString ecKey(const QJsonObject &object, Jwk *jwk)
{
    if (jwk->crv != QLatin1String("P-256"))
        return QStringLiteral("EC key on an unsupported curve");
    const auto x = member(object, "x");
    const auto y = member(object, "y");
    // RFC 7518 §6.2.1.2: each coordinate is exactly the field size, 32 bytes.
    if (!x || !y || x->size() != 32 || y->size() != 32)
        return QStringLiteral("EC key without valid x/y");
    QByteArray point;
    point.append(char(0x04)).append(*x).append(*y);

    std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0)
        || !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                             size_t(point.size())))
        return QStringLiteral("EC key could not be built");
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
    jwk->key = params ? fromParams("EC", params.get()) : nullptr;
    if (!jwk->key)
        return QStringLiteral("EC point refused by OpenSSL");
    // A point off the curve invites invalid-curve attacks: check it fully.
    std::unique_ptr<EVP_PKEY_CTX, CtxFree> check(EVP_PKEY_CTX_new_from_pkey(nullptr, jwk->key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        jwk->key.reset();
        return QStringLiteral("EC point not on the curve");
    }
    jwk->bits = 256;
    return {};
}

QString okpKey(const QJsonObject &object, Jwk *jwk)
{
    if (jwk->crv != QLatin1String("Ed25519"))
        return QStringLiteral("OKP key on an unsupported curve");
    const auto x = member(object, "x");
    if (!x || x->size() != 32)
        return QStringLiteral("Ed25519 key without a valid x");
    jwk->key = wrap(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                reinterpret_cast<const unsigned char *>(x->constData()), 32));
    if (!jwk->key)
        return QStringLiteral("Ed25519 key refused by OpenSSL");
    jwk->bits = 256;
    return {};
}

// Fills jwk from one JWKS entry; the reason it cannot be used otherwise.
QString readKey(const QJsonObject &object, Jwk *jwk)
{
    static const char *const privateMembers[] = {"d", "p", "q", "dp", "dq", "qi", "k", "oth"};
    for (const char *name : privateMembers) {
        if (object.contains(QLatin1String(name)))
            return QStringLiteral("private key material published");
    }
    for (const char *name : {"kty", "crv", "alg", "use"}) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (!value.isUndefined() && (!value.isString() || value.toString().isEmpty()))
            return QStringLiteral("\"%1\" is not a non-empty string").arg(QLatin1String(name));
    }
    jwk->kty = object.value(QLatin1String("kty")).toString();
    jwk->crv = object.value(QLatin1String("crv")).toString();
    jwk->alg = object.value(QLatin1String("alg")).toString();
    jwk->use = object.value(QLatin1String("use")).toString();
    if (object.contains(QLatin1String("key_ops"))) {
        const QJsonValue ops = object.value(QLatin1String("key_ops"));
        if (!ops.isArray())
            return QStringLiteral("\"key_ops\" is not an array");
        for (const QJsonValue &op : ops.toArray()) {
            if (!op.isString())
                return QStringLiteral("\"key_ops\" holds a non-string");
            jwk->keyOps.append(op.toString());
        }
        // An empty list would read as "no restriction" later: it means "nothing".
        if (!jwk->keyOps.contains(QLatin1String("verify")))
            return QStringLiteral("\"key_ops\" does not allow verify");
    }
    if (jwk->kty == QLatin1String("RSA"))
        return rsaKey(object, jwk);
    if (jwk->kty == QLatin1String("EC"))
        return ecKey(object, jwk);
    if (jwk->kty == QLatin1String("OKP"))
        return okpKey(object, jwk);
    return QStringLiteral("unsupported key type");
}

} // namespace

bool Jwk::allows(const QString &algorithm) const
{
    if (!key)
        return false;
    if (!alg.isEmpty() && alg != algorithm)
        return false;
    if (!use.isEmpty() && use != QLatin1String("sig"))
        return false;
    if (!keyOps.isEmpty() && !keyOps.contains(QLatin1String("verify")))
        return false;
    if (algorithm == QLatin1String("RS256") || algorithm == QLatin1String("PS256"))
        return kty == QLatin1String("RSA") && bits >= kMinRsaBits;
    if (algorithm == QLatin1String("ES256"))
        return kty == QLatin1String("EC") && crv == QLatin1String("P-256");
    if (algorithm == QLatin1String("EdDSA"))
        return kty == QLatin1String("OKP") && crv == QLatin1String("Ed25519");
    return false;
}

Result<JwkSet> JwkSet::fromJson(const QByteArray &json)
{
    const auto parsed = parseStrictJsonObject(json, 8);
    if (!parsed)
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("The JWKS is not valid JSON: %1").arg(parsed.error().message()));
    const QJsonValue keys = parsed.value().value(QLatin1String("keys"));
    if (!keys.isArray())
        return Error(ErrorCode::ValidationFailed, QStringLiteral("The JWKS has no \"keys\" array"));

    JwkSet set;
    QList<Jwk> candidates;
    QHash<QString, int> kidCount;
    const QJsonArray entries = keys.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        const QJsonValue kidValue = entry.toObject().value(QLatin1String("kid"));
        const QString label = kidValue.isString() && !kidValue.toString().isEmpty()
                                  ? kidValue.toString()
                                  : QStringLiteral("(key %1)").arg(i);
        if (!entry.isObject()) {
            set.m_skipped.append(label + QStringLiteral(": not an object"));
            continue;
        }
        if (!kidValue.isString() || kidValue.toString().isEmpty()) {
            // Tokens choose their key by kid; a key without one can never be chosen.
            set.m_skipped.append(label + QStringLiteral(": missing kid"));
            continue;
        }
        Jwk jwk;
        jwk.kid = kidValue.toString();
        ++kidCount[jwk.kid];
        const QString problem = readKey(entry.toObject(), &jwk);
        if (!problem.isEmpty()) {
            set.m_skipped.append(label + QStringLiteral(": ") + problem);
            continue;
        }
        candidates.append(std::move(jwk));
    }
    // Two keys under one kid make the choice ambiguous: neither is used.
    QSet<QString> reported;
    for (Jwk &jwk : candidates) {
        if (kidCount.value(jwk.kid) > 1) {
            if (!reported.contains(jwk.kid))
                set.m_skipped.append(jwk.kid + QStringLiteral(": duplicate kid"));
            reported.insert(jwk.kid);
            continue;
        }
        set.m_keys.append(std::move(jwk));
    }
    return set;
}

const Jwk *JwkSet::find(const QString &kid) const
{
    for (const Jwk &jwk : m_keys) {
        if (jwk.kid == kid)
            return &jwk;
    }
    return nullptr;
}

QStringList JwkSet::kids() const
{
    QStringList out;
    for (const Jwk &jwk : m_keys)
        out.append(jwk.kid);
    return out;
}

} // namespace tw::http::auth

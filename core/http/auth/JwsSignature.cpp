#include "JwsSignature.h"

#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <QByteArray>

#include <memory>
#include <optional>

namespace tw::http::auth {

namespace {

struct MdCtxFree { void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); } };
struct BnFree { void operator()(BIGNUM *bn) const { BN_free(bn); } };
struct SigFree { void operator()(ECDSA_SIG *sig) const { ECDSA_SIG_free(sig); } };

using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

// The order n of the P-256 group (SEC 2, secp256r1).
const BIGNUM *p256Order()
{
    static const BIGNUM *order = [] {
        BIGNUM *bn = nullptr;
        BN_hex2bn(&bn, "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        return bn;
    }();
    return order;
}

bool inScalarRange(const BIGNUM *v)
{
    return !BN_is_zero(v) && !BN_is_negative(v) && BN_cmp(v, p256Order()) < 0;
}

// JWS carries r||s (RFC 7518 §3.4); OpenSSL verifies DER. Converting here,
// after the strict length and range checks, leaves one accepted spelling:
// a DER signature or a padded one never reaches OpenSSL's looser parser.
std::optional<QByteArray> es256ToDer(QByteArrayView raw)
{
    if (raw.size() != 64)
        return std::nullopt;
    BnPtr r(BN_bin2bn(bytes(raw), 32, nullptr));
    BnPtr s(BN_bin2bn(bytes(raw) + 32, 32, nullptr));
    if (!r || !s || !inScalarRange(r.get()) || !inScalarRange(s.get()))
        return std::nullopt;
    std::unique_ptr<ECDSA_SIG, SigFree> sig(ECDSA_SIG_new());
    if (!sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return std::nullopt;
    r.release(); // owned by sig now
    s.release();
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0)
        return std::nullopt;
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

} // namespace

bool verifyJwsSignature(const QString &algorithm, EVP_PKEY *key, QByteArrayView signingInput,
                        QByteArrayView signature)
{
    if (!key || signature.isEmpty())
        return false;
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx)
        return false;
    EVP_PKEY_CTX *pctx = nullptr; // owned by ctx

    QByteArray der;
    if (algorithm == QLatin1String("RS256")) {
        if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA
            || EVP_DigestVerifyInit(ctx.get(), &pctx, EVP_sha256(), nullptr, key) != 1
            || EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
            return false;
    } else if (algorithm == QLatin1String("PS256")) {
        // RFC 7518 §3.5: the salt is as long as the hash; no auto-detection.
        if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA
            || EVP_DigestVerifyInit(ctx.get(), &pctx, EVP_sha256(), nullptr, key) != 1
            || EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1
            || EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) != 1
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1)
            return false;
    } else if (algorithm == QLatin1String("ES256")) {
        const auto converted = es256ToDer(signature);
        if (!converted || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC
            || EVP_DigestVerifyInit(ctx.get(), &pctx, EVP_sha256(), nullptr, key) != 1)
            return false;
        der = *converted;
        signature = der;
    } else if (algorithm == QLatin1String("EdDSA")) {
        if (signature.size() != 64 || EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519
            || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key) != 1)
            return false;
    } else {
        return false;
    }
    return EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(signingInput),
                            size_t(signingInput.size()))
           == 1;
}

} // namespace tw::http::auth

#include "Sha256.h"

#include <QCryptographicHash>

#include <openssl/evp.h>

#include <dlfcn.h>

namespace tw::crypto {

namespace {

// libcrypto is opened on the first hash, not linked: mapping and relocating
// it cost every `tablewright` start 1.3 ms, and a `migrate status` whose
// checksums all come from its cache hashes nothing. (The API server links
// it for tokens and TLS; dlopen then finds it already loaded.)
struct OpenSsl
{
    using Fetch = EVP_MD *(*)(OSSL_LIB_CTX *, const char *, const char *);
    using Digest = int (*)(const void *, size_t, unsigned char *, unsigned int *, const EVP_MD *, ENGINE *);

    Digest digest = nullptr;
    // Never freed: it lives as long as the process, like OpenSSL's own tables.
    const EVP_MD *algorithm = nullptr;

    OpenSsl()
    {
        void *library = ::dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
        if (!library)
            return;
        const auto fetch = reinterpret_cast<Fetch>(::dlsym(library, "EVP_MD_fetch"));
        digest = reinterpret_cast<Digest>(::dlsym(library, "EVP_Digest"));
        if (fetch && digest)
            algorithm = fetch(nullptr, "SHA256", nullptr);
    }
};

} // namespace

QByteArray sha256(QByteArrayView data)
{
    static const OpenSsl openssl;
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    if (openssl.algorithm
        && openssl.digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(digest.data()), &length,
                          openssl.algorithm, nullptr) == 1
        && length == 32)
        return digest;
    // No libcrypto.so.3, or a provider without SHA-256 (a FIPS setup gone
    // wrong): the same digest, slower.
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace tw::crypto

#include "Sha256.h"

#include <QCryptographicHash>

#include <openssl/evp.h>

namespace tw::crypto {

QByteArray sha256(QByteArrayView data)
{
    // Never freed: it lives as long as the process, like OpenSSL's own tables.
    static EVP_MD *const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    if (algorithm
        && EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(digest.data()), &length,
                      algorithm, nullptr) == 1
        && length == 32)
        return digest;
    // A provider without SHA-256 (a FIPS setup gone wrong): the same digest, slower.
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace tw::crypto

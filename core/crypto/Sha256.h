#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace tw::crypto {

// SHA-256 of `data` (32 bytes), thread-safe. OpenSSL's implementation uses
// the CPU's SHA instructions where present (several times Qt 6.4's portable
// one), and the algorithm is fetched from OpenSSL's provider once per
// process: a fetch per call (what SHA256() and EVP_sha256() do in OpenSSL 3)
// cost more than hashing a short text. Hot callers: the token cache on every
// request, migration checksums for every file on every `status`.
QByteArray sha256(QByteArrayView data);

} // namespace tw::crypto

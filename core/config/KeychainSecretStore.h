#pragma once

#include "SecretStore.h"

#include <QString>

namespace tw::config {

// The OS keychain through QtKeychain (Secret Service / KWallet on Linux).
// Entries are stored under (service, key). Jobs run asynchronously; each
// future finishes from the job's finished() signal on the calling thread,
// which must run an event loop. No insecure plain-text fallback is used.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("tablewright"));

    const QString &service() const { return m_service; }

    // NOT_FOUND for a missing entry, SECRET_UNAVAILABLE (with QtKeychain's
    // errorString) when the keychain cannot be reached, is locked or refuses.
    QFuture<Result<QString>> read(const QString &key) override;
    QFuture<Status> write(const QString &key, const QString &secret) override;
    QFuture<Status> remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace tw::config

#pragma once

#include "SecretStore.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

namespace tw::config {

// A SecretStore kept in this process only, for tests and for sessions that must
// not touch the OS keychain. Thread-safe; its futures are already finished
// when returned.
class MemorySecretStore final : public SecretStore
{
public:
    QFuture<Result<QString>> read(const QString &key) override;
    QFuture<Status> write(const QString &key, const QString &secret) override;
    QFuture<Status> remove(const QString &key) override;

    bool contains(const QString &key) const;
    QStringList keys() const;
    // While set, every call fails with SECRET_UNAVAILABLE, like a locked keychain.
    void setUnavailable(bool unavailable);

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
    bool m_unavailable = false;
};

} // namespace tw::config

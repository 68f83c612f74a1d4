#include "MemorySecretStore.h"

#include <QMutexLocker>
#include <QPromise>

namespace tw::config {

namespace {

template<typename T>
QFuture<T> finished(T value)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return future;
}

Error unavailable()
{
    return Error(ErrorCode::SecretUnavailable, QStringLiteral("the in-memory secret store is set unavailable"));
}

} // namespace

QFuture<Result<QString>> MemorySecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    if (m_unavailable)
        return finished<Result<QString>>(unavailable());
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend()) {
        return finished<Result<QString>>(Error(ErrorCode::NotFound, QStringLiteral("no secret stored for %1").arg(key),
                                               {{QStringLiteral("key"), key}}));
    }
    return finished<Result<QString>>(*it);
}

QFuture<Status> MemorySecretStore::write(const QString &key, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    if (m_unavailable)
        return finished<Status>(unavailable());
    m_secrets.insert(key, secret);
    return finished<Status>({});
}

QFuture<Status> MemorySecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    if (m_unavailable)
        return finished<Status>(unavailable());
    m_secrets.remove(key);
    return finished<Status>({});
}

bool MemorySecretStore::contains(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.contains(key);
}

QStringList MemorySecretStore::keys() const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.keys();
}

void MemorySecretStore::setUnavailable(bool value)
{
    QMutexLocker lock(&m_mutex);
    m_unavailable = value;
}

} // namespace tw::config

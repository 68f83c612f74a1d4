#include "OnDemandSecretStore.h"

#include "ModuleLoader.h"

#include <QMutexLocker>
#include <QTimer>
#include <QFuture>
#include <QPromise>

#include <memory>
#include <string>

namespace tw::app {

namespace {

// Finished from the calling thread's event loop like the keychain's own
// answers (SecretStore.h), never before the caller has attached to it and
// started its loop.
template<typename T>
QFuture<T> finishLater(T value)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    // No context object: the timer fires on the thread that starts it.
    QTimer::singleShot(0, [promise, value = std::move(value)]() mutable {
        promise->addResult(std::move(value));
        promise->finish();
    });
    return future;
}

} // namespace

OnDemandSecretStore::OnDemandSecretStore() = default;
OnDemandSecretStore::~OnDemandSecretStore() = default;

config::SecretStore *OnDemandSecretStore::store(Error *error)
{
    const QMutexLocker lock(&m_loading);
    if (!m_tried) {
        m_tried = true;
        std::string why;
        using Factory = config::SecretStore *(*)();
        if (auto factory = reinterpret_cast<Factory>(loadModuleSymbol("tablewright-keychain.so", "tablewright_keychain_store", &why)))
            m_store.reset(factory());
        else
            m_loadError = QString::fromLocal8Bit(why.c_str());
    }
    if (!m_store)
        *error = Error(ErrorCode::SecretUnavailable, QStringLiteral("the system keychain is not available: %1").arg(m_loadError));
    return m_store.get();
}

QFuture<Result<QString>> OnDemandSecretStore::read(const QString &key)
{
    Error error;
    if (auto *keychain = store(&error))
        return keychain->read(key);
    return finishLater(Result<QString>(error));
}

QFuture<Status> OnDemandSecretStore::write(const QString &key, const QString &secret)
{
    Error error;
    if (auto *keychain = store(&error))
        return keychain->write(key, secret);
    return finishLater(Status(error));
}

QFuture<Status> OnDemandSecretStore::remove(const QString &key)
{
    Error error;
    if (auto *keychain = store(&error))
        return keychain->remove(key);
    return finishLater(Status(error));
}

} // namespace tw::app

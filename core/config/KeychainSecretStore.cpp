#include "KeychainSecretStore.h"

#include "log/Categories.h"

#include <QPromise>

#include <qt6keychain/keychain.h>

#include <memory>

namespace tw::config {

namespace {

Error jobError(const QKeychain::Job *job, const QString &operation, const QString &key)
{
    const QVariantMap details{{QStringLiteral("key"), key},
                              {QStringLiteral("service"), job->service()},
                              {QStringLiteral("keychainError"), int(job->error())}};
    if (job->error() == QKeychain::EntryNotFound) {
        return Error(ErrorCode::NotFound, QStringLiteral("no secret stored for %1").arg(key), details);
    }
    return Error(ErrorCode::SecretUnavailable,
                 QStringLiteral("keychain %1 failed for %2: %3").arg(operation, key, job->errorString()), details);
}

// Starts `job` and completes a future from its finished() signal. The promise
// is shared with the slot; if the job were destroyed without finishing, the
// last owner's ~QPromise would still finish (cancel) the future.
template<typename T, typename Job, typename OnFinished>
QFuture<T> run(Job *job, const QString &key, OnFinished onFinished)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, onFinished](QKeychain::Job *finishedJob) {
        promise->addResult(onFinished(static_cast<Job *>(finishedJob)));
        promise->finish();
    });
    job->start();
    return future;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{}

QFuture<Result<QString>> KeychainSecretStore::read(const QString &key)
{
    return run<Result<QString>>(new QKeychain::ReadPasswordJob(m_service), key,
                                [key](QKeychain::ReadPasswordJob *job) -> Result<QString> {
                                    if (job->error() != QKeychain::NoError)
                                        return jobError(job, QStringLiteral("read"), key);
                                    return job->textData();
                                });
}

QFuture<Status> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(secret);
    return run<Status>(job, key, [key](QKeychain::WritePasswordJob *job) -> Status {
        if (job->error() != QKeychain::NoError) {
            Error error = jobError(job, QStringLiteral("write"), key);
            qCWarning(lcConfig).noquote() << error.toString();
            // Writing never reports NOT_FOUND: the entry is being created.
            return Error(ErrorCode::SecretUnavailable, error.message(), error.details());
        }
        return {};
    });
}

QFuture<Status> KeychainSecretStore::remove(const QString &key)
{
    return run<Status>(new QKeychain::DeletePasswordJob(m_service), key,
                       [key](QKeychain::DeletePasswordJob *job) -> Status {
                           if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
                               return {};
                           return jobError(job, QStringLiteral("remove"), key);
                       });
}

} // namespace tw::config

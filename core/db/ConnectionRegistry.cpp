#include "ConnectionRegistry.h"

#include "async/Then.h"
#include "config/SecretStore.h"
#include "log/Categories.h"

#include <QPromise>
#include <QtConcurrent>

#include <algorithm>

namespace tw::db {

ConnectionRegistry::ConnectionRegistry(config::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{}

ConnectionRegistry::~ConnectionRegistry()
{
    closeAll();
}

QFuture<Status> ConnectionRegistry::open(config::ConnectionProfile profile)
{
    if (!profile.password.isEmpty() || !m_secrets || profile.driver == config::Driver::Sqlite)
        return openPool(profile);

    const auto reading = m_secrets->read(profile.secretKey());
    const auto opening = async::then(reading, this, [this, profile](const Result<QString> &secret) mutable {
        if (secret.ok()) {
            profile.password = secret.value();
        } else if (secret.error().code() != ErrorCode::NotFound) {
            // Try anyway: the server may not need a password (trust, peer, cert).
            qCWarning(lcPool) << "no password for" << profile.name << "from the keychain:" << secret.error().message();
        }
        return openPool(profile);
    });
    return async::unwrap(opening, this);
}

QFuture<Status> ConnectionRegistry::openPool(const config::ConnectionProfile &profile)
{
    std::shared_ptr<Pool> pool = m_pools.value(profile.name);
    // Opening again with the same settings reuses the pool (a retry after a
    // failure, or a refresh); new settings replace it.
    if (!pool || pool->profile() != profile) {
        if (pool)
            retire(std::move(pool));
        pool = std::make_shared<Pool>(profile);
        m_pools.insert(profile.name, pool);
    }
    const QString name = profile.name;
    std::weak_ptr<Pool> current = pool;
    return async::then(pool->open(), this, [this, name, current](const Status &status) {
        // A pool replaced or closed meanwhile reports nothing.
        if (m_pools.value(name) != current.lock())
            return status;
        if (status.ok()) {
            qCInfo(lcPool) << "connection" << name << "is open";
            emit opened(name);
        } else {
            qCWarning(lcPool) << "connection" << name << "failed to open:" << status.error().message();
            emit openFailed(name, status.error());
        }
        return status;
    });
}

QFuture<QList<OpenOutcome>> ConnectionRegistry::openAll(const QList<config::ConnectionProfile> &profiles)
{
    QStringList names;
    QList<QFuture<Status>> opening;
    for (const auto &profile : profiles) {
        names << profile.name;
        opening << open(profile);
    }
    return async::then(async::whenAll(opening, this), this, [names](const QList<QFuture<Status>> &done) {
        QList<OpenOutcome> outcomes;
        for (qsizetype i = 0; i < done.size(); ++i) {
            // Cancelled only when the keychain's answer was abandoned.
            const Status status = done.at(i).resultCount() > 0
                                      ? done.at(i).result()
                                      : Status(Error(ErrorCode::QueryCancelled,
                                                     QStringLiteral("opening connection '%1' was abandoned").arg(names.at(i))));
            outcomes.append(OpenOutcome{names.at(i), status});
        }
        return outcomes;
    });
}

std::shared_ptr<Pool> ConnectionRegistry::pool(const QString &name) const
{
    return m_pools.value(name);
}

bool ConnectionRegistry::cancel(const QString &connection, quint64 jobId) const
{
    const auto found = pool(connection);
    return found && jobId != 0 && found->cancel(jobId);
}

QStringList ConnectionRegistry::names() const
{
    QStringList out = m_pools.keys();
    out.sort();
    return out;
}

void ConnectionRegistry::close(const QString &name)
{
    if (auto pool = m_pools.take(name))
        retire(std::move(pool));
}

void ConnectionRegistry::closeAll()
{
    // Shutdown: running statements are cancelled so this returns quickly,
    // also on pools still closing in the background.
    const auto pools = std::exchange(m_pools, {});
    for (const auto &pool : pools)
        pool->close(Pool::CloseMode::CancelRunning);
    for (const auto &retiring : std::exchange(m_retiring, {})) {
        if (auto pool = retiring.lock())
            pool->close(Pool::CloseMode::CancelRunning);
    }
}

void ConnectionRegistry::retire(std::shared_ptr<Pool> pool)
{
    // Closing waits for running jobs; do it off this (possibly GUI) thread.
    m_retiring.erase(std::remove_if(m_retiring.begin(), m_retiring.end(),
                                    [](const auto &weak) { return weak.expired(); }),
                     m_retiring.end());
    m_retiring.push_back(pool);
    (void)QtConcurrent::run([pool = std::move(pool)] { pool->close(); });
}

} // namespace tw::db

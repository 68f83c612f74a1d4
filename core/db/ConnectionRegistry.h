#pragma once

#include "Pool.h"
#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QFuture>
#include <QHash>
#include <QObject>

#include <memory>
#include <vector>

namespace tw::config {
class SecretStore;
}

namespace tw::db {

struct OpenOutcome
{
    QString connection;
    Status status;
};

// The live pools, one per connection profile. Opening is per profile and
// independent: one unreachable server never keeps the others from opening
// (partial setup), and its error names the profile and the reason.
// Lives on the thread that creates it (the GUI or the server thread); its
// futures finish there too.
class ConnectionRegistry final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionRegistry(config::SecretStore *secrets = nullptr, QObject *parent = nullptr);
    ~ConnectionRegistry() override;

    // Resolves the password from the SecretStore when the profile has none,
    // creates (or replaces) the pool and opens its first connection.
    QFuture<Status> open(config::ConnectionProfile profile);
    QFuture<QList<OpenOutcome>> openAll(const QList<config::ConnectionProfile> &profiles);

    std::shared_ptr<Pool> pool(const QString &name) const;
    // Cancels a job of that connection's pool (see Pool::cancel); false when
    // the connection or the job is unknown.
    bool cancel(const QString &connection, quint64 jobId) const;
    QStringList names() const;
    // Removes the pool at once; it closes in the background after its
    // running jobs end.
    void close(const QString &name);
    // Closes every pool now, cancelling running statements (shutdown).
    void closeAll();

signals:
    void opened(const QString &connection);
    void openFailed(const QString &connection, const tw::Error &error);

private:
    QFuture<Status> openPool(const config::ConnectionProfile &profile);
    void retire(std::shared_ptr<Pool> pool);

    config::SecretStore *m_secrets;
    QHash<QString, std::shared_ptr<Pool>> m_pools;
    std::vector<std::weak_ptr<Pool>> m_retiring; // closing in the background
};

} // namespace tw::db

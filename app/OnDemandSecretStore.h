#pragma once

#include "config/SecretStore.h"

#include <QMutex>

#include <memory>

namespace tw::app {

// The system keychain for the command line, loaded (tablewright-keychain.so:
// QtKeychain and D-Bus) on the first secret actually asked for. A connection
// whose URL carries its password, or a SQLite file, never loads it.
// When the module cannot be loaded every call answers SECRET_UNAVAILABLE.
class OnDemandSecretStore final : public config::SecretStore
{
public:
    OnDemandSecretStore();
    ~OnDemandSecretStore() override;

    QFuture<Result<QString>> read(const QString &key) override;
    QFuture<Status> write(const QString &key, const QString &secret) override;
    QFuture<Status> remove(const QString &key) override;

private:
    // nullptr with *error filled when the module is missing or broken.
    config::SecretStore *store(Error *error);

    QMutex m_loading; // the first call may come from any thread
    std::unique_ptr<config::SecretStore> m_store;
    bool m_tried = false;
    QString m_loadError;
};

} // namespace tw::app

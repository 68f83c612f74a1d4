#pragma once

#include "error/Error.h"

#include <QFuture>
#include <QString>

namespace tw::config {

// Where passwords and client secrets live. Never the config file.
// Calls are asynchronous because the OS keychain answers over D-Bus; the
// futures finish on the thread that made the call, which must run an event loop.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    // NOT_FOUND when no secret is stored under key.
    virtual QFuture<Result<QString>> read(const QString &key) = 0;
    virtual QFuture<Status> write(const QString &key, const QString &secret) = 0;
    // Removing a key that does not exist succeeds.
    virtual QFuture<Status> remove(const QString &key) = 0;
};

} // namespace tw::config

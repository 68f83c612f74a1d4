#include "AsyncReaders.h"

#include "db/AsyncPgReader.h"
#include "db/ConnectionRegistry.h"

namespace tw::http {

namespace {

bool sameServer(const config::ConnectionProfile &a, const config::ConnectionProfile &b)
{
    return a.host == b.host && a.port == b.port && a.database == b.database && a.user == b.user
           && a.password == b.password && a.sslmode == b.sslmode && a.readonly == b.readonly
           && a.pool == b.pool;
}

} // namespace

AsyncReaders::AsyncReaders(db::ConnectionRegistry *registry, int statementTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_statementTimeoutMs(statementTimeoutMs)
{
}

db::AsyncPgReader *AsyncReaders::reader(const QString &connection)
{
    const auto pool = m_registry ? m_registry->pool(connection) : nullptr;
    if (!pool || pool->profile().driver != config::Driver::Postgres)
        return nullptr;
    const config::ConnectionProfile &profile = pool->profile();
    const int size = profile.pool.apiReads < 0 ? profile.pool.size : profile.pool.apiReads;
    db::AsyncPgReader *&reader = m_readers[connection];
    if (reader && !sameServer(reader->profile(), profile)) {
        delete reader; // its reads in flight are answered as connection errors: the pool takes them
        reader = nullptr;
    }
    if (!reader && size > 0)
        reader = new db::AsyncPgReader(profile, size, m_statementTimeoutMs, this);
    return reader;
}

std::optional<db::AsyncPgReader::Stats> AsyncReaders::stats(const QString &connection) const
{
    const db::AsyncPgReader *reader = m_readers.value(connection);
    // A reader left from a connection since closed or changed is not reported.
    const auto pool = m_registry ? m_registry->pool(connection) : nullptr;
    if (!reader || !pool || !sameServer(reader->profile(), pool->profile()))
        return std::nullopt;
    return reader->stats();
}

} // namespace tw::http

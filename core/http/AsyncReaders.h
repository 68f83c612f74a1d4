#pragma once

#include "db/AsyncPgReader.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::http {

// The API server's non-blocking read connections (db::AsyncPgReader), one
// set per PostgreSQL connection, `pool.api_reads` of them (unset: as many
// as its pool's size; 0: none, every read uses the pool), made on the
// first read from the pool's profile (so a password the keychain gave is
// used) and made again when that profile changes. Lives on the server's
// thread, a child of the server.
class AsyncReaders : public QObject
{
    Q_OBJECT

public:
    AsyncReaders(db::ConnectionRegistry *registry, int statementTimeoutMs, QObject *parent);

    // Null: not PostgreSQL, api_reads 0, or no pool (the pool path answers why).
    db::AsyncPgReader *reader(const QString &connection);
    // Of the connection's reader, without making one: none before its first read.
    std::optional<db::AsyncPgReader::Stats> stats(const QString &connection) const;

private:
    db::ConnectionRegistry *m_registry;
    int m_statementTimeoutMs;
    QHash<QString, db::AsyncPgReader *> m_readers; // children
};

} // namespace tw::http

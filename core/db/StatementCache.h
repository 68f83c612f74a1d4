#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace tw::db {

// A query on db, with the cursor mode that is safe for the driver.
QSqlQuery makeQuery(const QSqlDatabase &db);

// Prepared statements kept per connection, keyed by SQL text. With QPSQL a
// fresh prepare costs PREPARE + EXECUTE + DEALLOCATE round trips; a cached one
// costs one EXECUTE. A statement handed out stays reserved until its lease
// dies, so a caller still reading rows is never disturbed by a second use of
// the same SQL (that one gets a one-off statement). Bounded, least recently
// used first out. Worker-thread only.
class StatementCache
{
public:
    struct Lease
    {
        QSqlQuery query;
        std::shared_ptr<void> token;
        bool cached = false;
    };

    explicit StatementCache(int capacity = 64);

    // The prepared statement for sql, or the driver's error.
    std::optional<QSqlError> acquire(const QSqlDatabase &db, const QString &sql, Lease &out);
    // Forgets one statement (its plan went stale) or all (the connection closed).
    void drop(const QString &sql);
    void clear();
    int size() const { return int(m_slots.size()); }

private:
    struct Slot
    {
        QSqlQuery query;
        std::weak_ptr<void> token;
        quint64 lastUse = 0;
    };
    void evictOne();
    static std::shared_ptr<void> makeToken(const QSqlQuery &query);

    int m_capacity;
    quint64 m_tick = 0;
    QHash<QString, Slot> m_slots;
};

} // namespace tw::db

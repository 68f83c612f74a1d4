#pragma once

#include "TableShape.h"
#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>
#include <optional>

namespace tw::db {
class Session;
}

// Shapes of the tables REST requests named, kept for a short while. Without
// it every GET and write ran describeTable() first: three catalog statements
// (three round trips, and on PostgreSQL about a millisecond of planning for
// the columns query alone) before the one statement that reads the rows —
// more than that statement costs (bench/rest).
namespace tw::data {

// Process-wide (the pools' threads share it), keyed by the connection's
// identity (profile name, server, database, user) and the table as asked.
// An entry is trusted for ttl(); a statement built from a cached shape that
// fails in a way a schema change explains (isStaleShapeError) drops it and
// is run once more with a fresh shape, so DDL is seen at once when it
// breaks a request and within ttl() when it only adds columns. Absent
// tables are never cached: a table created a moment ago is found.
class RestShapeCache
{
public:
    using Clock = std::chrono::steady_clock;

    static RestShapeCache &instance();

    static QString keyFor(const config::ConnectionProfile &profile, const QString &table);

    std::optional<TableShape> find(const QString &key, Clock::time_point now = Clock::now());
    void insert(const QString &key, const TableShape &shape, Clock::time_point now = Clock::now());
    void drop(const QString &key);
    void clear();

    std::chrono::milliseconds ttl() const;
    void setTtl(std::chrono::milliseconds ttl); // 0: no caching

private:
    struct Entry
    {
        TableShape shape;
        Clock::time_point expires;
    };
    static constexpr int kCapacity = 4096;

    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    std::chrono::milliseconds m_ttl{5000};
};

// An error a changed table explains: a column or table the statement (or
// the checks made from the shape) named is not there, or a cached plan's
// result type changed.
bool isStaleShapeError(const Error &error);

// Inside a pool job: describeRestTable() through the cache; *cached says
// whether the shape came from it (a failure it explains is then worth one
// more try after forgetRestTable()).
Result<TableShape> cachedRestTable(db::Session &session, const QString &table, bool *cached);
void forgetRestTable(db::Session &session, const QString &table);

} // namespace tw::data

#pragma once

#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <memory>

namespace tw::db {

// The outcome of one statement inside a pool job: a forward-only cursor over
// its rows. Like the QSqlQuery it wraps, it belongs to the worker thread and
// must not leave the job (Pool::submit refuses jobs that return one).
// While it lives, the statement-cache slot it came from stays reserved.
class Rows
{
public:
    explicit Rows(QSqlQuery query, std::shared_ptr<void> lease = {})
        : m_query(std::move(query))
        , m_lease(std::move(lease))
    {}

    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QVariant value(const QString &column) const { return m_query.value(column); }
    QSqlRecord record() const { return m_query.record(); }
    bool isSelect() const { return m_query.isSelect(); }
    qint64 rowsAffected() const { return m_query.numRowsAffected(); }
    QVariant lastInsertId() const { return m_query.lastInsertId(); }

private:
    QSqlQuery m_query;
    std::shared_ptr<void> m_lease;
};

} // namespace tw::db

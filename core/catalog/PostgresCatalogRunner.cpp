#include "PostgresCatalogRunner.h"

#include <QFile>
#include <QHash>
#include <QMutex>

namespace tw::catalog {

namespace {

const QString kSavepoint = QStringLiteral("tw_catalog_part");

bool breaksConnection(const Error &error)
{
    return error.code() == ErrorCode::QueryCancelled || error.code() == ErrorCode::DbUnavailable;
}

} // namespace

Result<QString> postgresCatalogSql(const QString &name)
{
    // Read once per process: the texts never change and loads run often.
    static QHash<QString, QString> cache;
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    if (auto it = cache.constFind(name); it != cache.constEnd())
        return *it;
    QFile file(QStringLiteral(":/tablewright/catalog/postgres/") + name + QStringLiteral(".sql"));
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Internal,
                     QStringLiteral("catalog query %1 is missing from the resources").arg(file.fileName()));
    const QString sql = QString::fromUtf8(file.readAll());
    cache.insert(name, sql);
    return sql;
}

Result<db::Rows> PostgresCatalogRunner::run(const QString &sql)
{
    ++m_statements;
    auto rows = m_session.exec(sql);
    if (!rows && breaksConnection(rows.error()))
        m_broken = true;
    return rows;
}

Status PostgresCatalogRunner::execute(const QString &sql)
{
    auto rows = run(sql);
    if (!rows)
        return rows.error();
    return {};
}

Status PostgresCatalogRunner::query(const QString &name, const std::function<void(db::Rows &)> &read)
{
    auto sql = postgresCatalogSql(name);
    if (!sql)
        return sql.error();
    auto rows = run(sql.value());
    if (!rows)
        return rows.error();
    read(rows.value());
    return {};
}

Result<QString> PostgresCatalogRunner::partSql(const QString &name) const
{
    auto sql = postgresCatalogSql(name);
    const QLatin1String marker("-- PostgreSQL 15+");
    if (!sql || m_serverVersion == 0 || m_serverVersion >= 150000 || !sql.value().contains(marker))
        return sql;
    QStringList lines = sql.value().split(QLatin1Char('\n'));
    lines.removeIf([&marker](const QString &line) { return line.trimmed().endsWith(marker); });
    return lines.join(QLatin1Char('\n'));
}

Status PostgresCatalogRunner::part(const QString &name, const std::function<void(db::Rows &)> &read)
{
    auto sql = partSql(name);
    if (!sql)
        return sql.error();
    if (Status saved = execute(QStringLiteral("SAVEPOINT ") + kSavepoint); !saved.ok()) {
        m_broken = true;
        return saved;
    }
    auto rows = run(sql.value());
    if (!rows) {
        if (!m_broken && !execute(QStringLiteral("ROLLBACK TO SAVEPOINT ") + kSavepoint).ok())
            m_broken = true;
        return rows.error();
    }
    read(rows.value());
    if (Status released = execute(QStringLiteral("RELEASE SAVEPOINT ") + kSavepoint); !released.ok()) {
        m_broken = true;
        return released;
    }
    return {};
}

} // namespace tw::catalog

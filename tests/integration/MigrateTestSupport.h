#pragma once

// Shared by the migration runner tests: a migrations folder written file by
// file, and a connection (PostgreSQL scratch database or SQLite file) to run
// the runner on and to look at the result with.
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "db/Pool.h"
#include "db/SqliteFile.h"
#include "migrate/MigrationRunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace tw::test {

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

// One database and one migrations folder; PostgreSQL or SQLite.
struct MigrateBench
{
    QTemporaryDir dir;
    config::ConnectionProfile profile;
    std::unique_ptr<db::Pool> pool;

    QString migrations() const { return dir.filePath(QStringLiteral("migrations")); }
    bool add(const QString &file, const QByteArray &sql) const { return writeFile(migrations() + u'/' + file, sql); }
    bool remove(const QString &file) const { return QFile::remove(migrations() + u'/' + file); }

    // Sets up on `driver`; false (with a reason) when the service is missing.
    bool open(config::Driver driver, ScratchPostgres &scratch, QString *why)
    {
        QDir().mkpath(migrations());
        if (driver == config::Driver::Postgres) {
            if (!scratch.available()) {
                *why = QStringLiteral("PostgreSQL");
                return false;
            }
            profile = scratch.createDatabase(QStringLiteral("mig"));
        } else {
            const QString file = dir.filePath(QStringLiteral("app.db"));
            (void)db::createSqliteDatabase(file, QStringLiteral("SELECT 1;"));
            profile = sqliteProfile(file);
        }
        profile.migrationsDir = migrations();
        pool = std::make_unique<db::Pool>(profile);
        const Status opened = resultOf(pool->open());
        if (!opened.ok())
            *why = opened.error().toString();
        return opened.ok();
    }

    Result<migrate::MigrationReport> run(migrate::MigrationRequest request, migrate::MigrationEvents events = {},
                                         migrate::MigrationControl *control = nullptr)
    {
        return resultOf(pool->run([request, events, control](db::Session &session) {
            return migrate::runMigrationCommand(session, request, events, control);
        }));
    }

    Result<migrate::MigrationReport> up(std::optional<QString> target = std::nullopt)
    {
        migrate::MigrationRequest request;
        request.command = migrate::MigrationCommand::Up;
        if (target)
            request.plan.target = migrate::MigrationVersion::parse(*target);
        return run(request);
    }

    Result<migrate::MigrationReport> command(migrate::MigrationCommand command)
    {
        migrate::MigrationRequest request;
        request.command = command;
        return run(request);
    }

    // The first column of every row, as text.
    QStringList column(const QString &sql)
    {
        auto values = resultOf(pool->run([sql](db::Session &session) -> Result<QStringList> {
            auto rows = session.exec(sql);
            if (!rows)
                return rows.error();
            QStringList out;
            while (rows.value().next())
                out << rows.value().value(0).toString();
            return out;
        }));
        return values ? values.value() : QStringList{QStringLiteral("ERROR: ") + values.error().toString()};
    }

    bool tableExists(const QString &table)
    {
        return column(profile.driver == config::Driver::Postgres
                          ? QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = '%1'").arg(table)
                          : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '%1'").arg(table))
                   .size() == 1;
    }

    // "version:type:status" of every history row, by rank.
    QStringList history()
    {
        return column(QStringLiteral("SELECT coalesce(version, '-') || ':' || type || ':' || status"
                                     " FROM tablewright_schema_history ORDER BY installed_rank"));
    }
};

// For QVERIFY2, which evaluates its message even when the check passes.
template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

inline QByteArray failureText(const Result<migrate::MigrationReport> &report)
{
    return report && report.value().failure ? report.value().failure->toString().toUtf8() : QByteArray();
}

inline QStringList states(const migrate::MigrationReport &report)
{
    QStringList out;
    for (const auto &entry : report.status)
        out << (entry.version ? entry.version->text() : entry.description) + u'=' + migrate::stateName(entry.state);
    return out;
}

// Opens `bench` on `driver` for a test function: skips it when the
// PostgreSQL test server is missing and not required, fails it otherwise.
inline bool openBenchOrSkip(MigrateBench &bench, config::Driver driver, ScratchPostgres &scratch)
{
    QString reason;
    if (bench.open(driver, scratch, &reason))
        return true;
    if (reason == u"PostgreSQL" && !servicesRequired())
        QTest::qSkip("PostgreSQL test server not running", __FILE__, __LINE__);
    else
        QTest::qFail(qPrintable(QStringLiteral("could not open the database: ") + reason), __FILE__, __LINE__);
    return false;
}

} // namespace tw::test

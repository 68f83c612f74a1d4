#include "SqliteFile.h"

#include "SqliteOnDemand.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <mutex>

namespace tw::db {

void configureSqliteLibrary()
{
    static std::once_flag once;
    // SQLITE_MISUSE when something initialised the library first: harmless.
    std::call_once(once, [] {
        using Config = int (*)(int, ...);
        (void)reinterpret_cast<Config>(sqliteSymbol("sqlite3_config"))(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

Status createSqliteDatabase(const QString &path, const QString &script)
{
    if (QFileInfo::exists(path))
        return Error(ErrorCode::Conflict, QStringLiteral("%1 already exists").arg(path),
                     {{QStringLiteral("path"), path}});
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("cannot create folder %1").arg(info.absolutePath()),
                     {{QStringLiteral("path"), path}});

    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    configureSqliteLibrary();
    sqlite3 *db = nullptr;
    int rc = sqlite3_open_v2(QFile::encodeName(partial).constData(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    QString failure;
    if (rc == SQLITE_OK) {
        char *message = nullptr;
        rc = sqlite3_exec(db, script.toUtf8().constData(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK)
            failure = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
    } else {
        failure = QString::fromUtf8(sqlite3_errstr(rc));
    }
    sqlite3_close(db);

    if (!failure.isEmpty()) {
        QFile::remove(partial);
        return Error(ErrorCode::QueryFailed, QStringLiteral("creating %1 failed: %2").arg(path, failure),
                     {{QStringLiteral("path"), path}});
    }
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return Error(ErrorCode::Conflict, QStringLiteral("cannot move the new database to %1").arg(path),
                     {{QStringLiteral("path"), path}});
    }
    return {};
}

Status createEmptySqliteDatabase(const QString &path)
{
    // A statement that writes, so the file gets its header and is a database.
    return createSqliteDatabase(path, QStringLiteral("PRAGMA user_version = 0;"));
}

} // namespace tw::db

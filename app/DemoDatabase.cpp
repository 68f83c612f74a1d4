#include "DemoDatabase.h"

#include "db/SqliteFile.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtConcurrent>

namespace tw::app {

QString defaultDemoPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo.sqlite");
}

QFuture<Result<config::ConnectionProfile>> ensureDemoDatabase(const QString &path)
{
    return QtConcurrent::run([path]() -> Result<config::ConnectionProfile> {
        config::ConnectionProfile profile;
        profile.name = QStringLiteral("demo");
        profile.driver = config::Driver::Sqlite;
        profile.database = QFileInfo(path).absoluteFilePath();
        if (QFileInfo::exists(path))
            return profile;
        QFile seed(QStringLiteral(":/tablewright/demo/seed.sql"));
        if (!seed.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Internal, QStringLiteral("the demo seed is missing from the build"));
        const Status created = db::createSqliteDatabase(path, QString::fromUtf8(seed.readAll()));
        if (!created.ok())
            return created.error();
        return profile;
    });
}

} // namespace tw::app

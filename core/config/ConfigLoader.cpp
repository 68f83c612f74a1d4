#include "ConfigLoader.h"

#include "DatabaseUrl.h"
#include "log/Categories.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace tw::config {

namespace {

Error fileError(const QString &path, const QString &problem)
{
    return Error(ErrorCode::ConfigInvalid, QStringLiteral("cannot read config file %1: %2").arg(path, problem),
                 {{QStringLiteral("field"), QString()}, {QStringLiteral("source"), path}});
}

} // namespace

QString defaultConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/config.yaml");
}

Result<AppConfig> loadConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return fileError(path, QStringLiteral("no such file"));
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path, file.errorString());
    const QByteArray yaml = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fileError(path, file.errorString());
    return parseConfig(yaml, path, QFileInfo(path).absolutePath());
}

Result<AppConfig> loadConfig(const QProcessEnvironment &env, const QString &explicitPath)
{
    QString path = explicitPath;
    if (path.isEmpty())
        path = env.value(QStringLiteral("TABLEWRIGHT_CONFIG"));
    const bool isDefault = path.isEmpty();
    if (isDefault)
        path = defaultConfigPath();

    AppConfig config;
    if (isDefault && !QFileInfo::exists(path)) {
        qCDebug(lcConfig) << "no config file at" << path << "- starting with an empty configuration";
    } else {
        auto loaded = loadConfigFile(path);
        if (!loaded)
            return loaded.error();
        config = std::move(loaded).value();
        qCInfo(lcConfig) << "loaded" << config.connections.size() << "connection(s) from" << path;
    }

    const QString url = env.value(QStringLiteral("DATABASE_URL"));
    if (!url.isEmpty()) {
        auto parsed = parseDatabaseUrl(url, QStringLiteral("default"));
        if (!parsed) {
            Error error = parsed.error();
            return Error(error.code(), QStringLiteral("DATABASE_URL: ") + error.message(), error.details())
                .withDetail(QStringLiteral("source"), QStringLiteral("DATABASE_URL"));
        }
        const ConnectionProfile &profile = parsed.value();
        auto it = std::find_if(config.connections.begin(), config.connections.end(),
                               [](const ConnectionProfile &c) { return c.name == QLatin1String("default"); });
        if (it != config.connections.end())
            *it = profile;
        else
            config.connections.append(profile);
        // displayUrl() carries no password.
        qCInfo(lcConfig) << "connection 'default' from DATABASE_URL:" << profile.displayUrl();
    }
    return config;
}

} // namespace tw::config

// AppConfig → YAML in the format parseConfig() reads. Never writes a password:
// ConnectionProfile::password is simply not part of the format.

#include "ConfigLoader.h"
#include "ConfigPaths.h"
#include "ConfigSchema.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace tw::config {

namespace {

// Every string value is double-quoted: a plain scalar such as `null`, `~`,
// `yes` or `0x10` would come back as something else.
void put(YAML::Emitter &out, const char *key, const QString &value)
{
    out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value.toStdString();
}

void put(YAML::Emitter &out, const char *key, int value)
{
    out << YAML::Key << key << YAML::Value << value;
}

void put(YAML::Emitter &out, const char *key, bool value)
{
    out << YAML::Key << key << YAML::Value << YAML::TrueFalseBool << value;
}

void writePool(YAML::Emitter &out, const PoolSettings &pool)
{
    const PoolSettings defaults;
    if (pool == defaults)
        return;
    out << YAML::Key << "pool" << YAML::Value << YAML::BeginMap;
    for (const auto &f : schema::poolIntFields()) {
        if (pool.*f.member != defaults.*f.member)
            put(out, f.yamlKey, pool.*f.member);
    }
    if (pool.prePing != defaults.prePing)
        put(out, schema::kPrePingYamlKey, pool.prePing);
    out << YAML::EndMap;
}

void writeConnection(YAML::Emitter &out, const ConnectionProfile &c, const QString &baseDir)
{
    out << YAML::BeginMap;
    put(out, "name", c.name);
    out << YAML::Key << "driver" << YAML::Value << driverName(c.driver).toStdString();
    if (c.driver == Driver::Postgres) {
        put(out, "host", c.host);
        put(out, "port", c.port);
        put(out, "database", c.database);
        if (!c.user.isEmpty())
            put(out, "user", c.user);
        if (!c.sslmode.isEmpty())
            out << YAML::Key << "sslmode" << YAML::Value << c.sslmode.toStdString();
    } else {
        put(out, "file", relativeConfigPath(c.database, baseDir));
    }
    if (c.readonly)
        put(out, "readonly", true);
    if (!c.migrationsDir.isEmpty())
        put(out, "migrations", relativeConfigPath(c.migrationsDir, baseDir));
    writePool(out, c.pool);
    out << YAML::EndMap;
}

void writeApi(YAML::Emitter &out, const ApiSettings &api, const QString &baseDir)
{
    const ApiSettings d;
    if (api == d)
        return;
    out << YAML::Key << "api" << YAML::Value << YAML::BeginMap;
    if (api.listenAddress != d.listenAddress)
        put(out, "listen", api.listenAddress);
    if (api.port != d.port)
        put(out, "port", api.port);
    if (!api.tlsCert.isEmpty() || !api.tlsKey.isEmpty()) {
        put(out, "tls_cert", relativeConfigPath(api.tlsCert, baseDir));
        put(out, "tls_key", relativeConfigPath(api.tlsKey, baseDir));
    }
    if (!api.oidcIssuer.isEmpty() || !api.oidcAudience.isEmpty() || api.rolesClaim != d.rolesClaim) {
        out << YAML::Key << "oidc" << YAML::Value << YAML::BeginMap;
        if (!api.oidcIssuer.isEmpty())
            put(out, "issuer", api.oidcIssuer);
        if (!api.oidcAudience.isEmpty())
            put(out, "audience", api.oidcAudience);
        if (api.rolesClaim != d.rolesClaim)
            put(out, "roles_claim", api.rolesClaim);
        out << YAML::EndMap;
    }
    if (api.metricsPublic != d.metricsPublic)
        put(out, "metrics_public", api.metricsPublic);
    if (api.maxBodyBytes != d.maxBodyBytes || api.maxPageSize != d.maxPageSize
        || api.rateLimitPerMinute != d.rateLimitPerMinute) {
        out << YAML::Key << "limits" << YAML::Value << YAML::BeginMap;
        put(out, "max_body_bytes", api.maxBodyBytes);
        put(out, "max_page_size", api.maxPageSize);
        put(out, "rate_per_minute", api.rateLimitPerMinute);
        out << YAML::EndMap;
    }
    // Written back whole: a GUI save must never drop the access policy.
    if (!api.policy.isEmpty()) {
        const auto list = [&out](const char *key, const QStringList &values) {
            out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const QString &value : values)
                out << value.toStdString();
            out << YAML::EndSeq;
        };
        out << YAML::Key << "policy" << YAML::Value << YAML::BeginSeq;
        for (const PolicyRule &rule : api.policy) {
            out << YAML::BeginMap;
            put(out, "role", rule.role);
            list("allow", rule.allow);
            list("connections", rule.connections);
            list("tables", rule.tables);
            if (!rule.denyColumns.isEmpty())
                list("deny_columns", rule.denyColumns);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

} // namespace

QByteArray serializeConfig(const AppConfig &config, const QString &baseDir)
{
    YAML::Emitter out;
    out << YAML::Comment("Tablewright configuration. Passwords live in the OS keychain, never in this file.");
    out << YAML::BeginMap;
    out << YAML::Key << "connections" << YAML::Value << YAML::BeginSeq;
    for (const auto &c : config.connections)
        writeConnection(out, c, baseDir);
    out << YAML::EndSeq;
    writeApi(out, config.api, baseDir);
    const MonitoringSettings d;
    if (!(config.monitoring == d)) {
        out << YAML::Key << "monitoring" << YAML::Value << YAML::BeginMap;
        put(out, "interval_ms", config.monitoring.intervalMs);
        put(out, "window_seconds", config.monitoring.windowSeconds);
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    bytes.append('\n');
    return bytes;
}

Status saveConfigFile(const AppConfig &config, const QString &path)
{
    const QString baseDir = QFileInfo(path).absolutePath();
    const QByteArray bytes = serializeConfig(config, baseDir);
    // Refuse to write a file that would not load again.
    if (auto check = parseConfig(bytes, path, baseDir); !check)
        return check.error();

    auto writeError = [&](const QString &problem) {
        return Error(ErrorCode::Internal, QStringLiteral("cannot write config file %1: %2").arg(path, problem),
                     {{QStringLiteral("source"), path}});
    };
    if (!QDir().mkpath(baseDir))
        return writeError(QStringLiteral("cannot create folder %1").arg(baseDir));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(file.errorString());
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return writeError(file.errorString());
    }
    if (!file.commit())
        return writeError(file.errorString());
    return {};
}

} // namespace tw::config

// AppConfig → YAML in the format parseConfig() reads. Never writes a password:
// ConnectionProfile::password is simply not part of the format.

#include "ConfigLoader.h"
#include "ConfigPaths.h"
#include "ConfigSchema.h"
#include "ConfigTables.h"
#include "ListenAddress.h"

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
    writeDeclaredTables(out, c.declaredTables);
    out << YAML::EndMap;
}

void putList(YAML::Emitter &out, const char *key, const QStringList &values)
{
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const QString &value : values)
        out << YAML::DoubleQuoted << value.toStdString();
    out << YAML::EndSeq;
}

void writeOidc(YAML::Emitter &out, const OidcSettings &oidc)
{
    const OidcSettings d;
    if (oidc == d)
        return;
    out << YAML::Key << "oidc" << YAML::Value << YAML::BeginMap;
    if (!oidc.issuer.isEmpty())
        put(out, "issuer", oidc.issuer);
    if (!oidc.audience.isEmpty())
        put(out, "audience", oidc.audience);
    if (oidc.rolesClaim != d.rolesClaim)
        put(out, "roles_claim", oidc.rolesClaim);
    if (oidc.algorithms != d.algorithms)
        putList(out, "algorithms", oidc.algorithms);
    if (oidc.leewaySeconds != d.leewaySeconds)
        put(out, "leeway_seconds", oidc.leewaySeconds);
    if (oidc.tokenTypes != d.tokenTypes)
        putList(out, "token_types", oidc.tokenTypes);
    out << YAML::EndMap;
}

void writeLimits(YAML::Emitter &out, const ApiLimits &limits)
{
    const ApiLimits d;
    if (limits == d)
        return;
    out << YAML::Key << "limits" << YAML::Value << YAML::BeginMap;
    const auto write = [&](const char *key, int value, int fallback) {
        if (value != fallback)
            put(out, key, value);
    };
    write("requests_per_second", limits.requestsPerSecond, d.requestsPerSecond);
    write("burst", limits.burst, d.burst);
    write("max_concurrent", limits.maxConcurrent, d.maxConcurrent);
    write("max_body_bytes", limits.maxBodyBytes, d.maxBodyBytes);
    write("max_header_bytes", limits.maxHeaderBytes, d.maxHeaderBytes);
    write("max_url_bytes", limits.maxUrlBytes, d.maxUrlBytes);
    write("max_page_rows", limits.maxPageRows, d.maxPageRows);
    write("max_filter_terms", limits.maxFilterTerms, d.maxFilterTerms);
    write("statement_timeout_ms", limits.statementTimeoutMs, d.statementTimeoutMs);
    out << YAML::EndMap;
}

void writeApi(YAML::Emitter &out, const ApiSettings &api, const QString &baseDir)
{
    const ApiSettings d;
    if (api == d)
        return;
    out << YAML::Key << "api" << YAML::Value << YAML::BeginMap;
    if (api.listenAddress != d.listenAddress || api.port != d.port)
        put(out, "listen", ListenAddress{api.listenAddress, api.port}.toString());
    if (!api.tlsCertificate.isEmpty() || !api.tlsKey.isEmpty()) {
        out << YAML::Key << "tls" << YAML::Value << YAML::BeginMap;
        put(out, "certificate", relativeConfigPath(api.tlsCertificate, baseDir));
        put(out, "key", relativeConfigPath(api.tlsKey, baseDir));
        out << YAML::EndMap;
    }
    writeOidc(out, api.oidc);
    writeLimits(out, api.limits);
    if (!api.auditLog.isEmpty())
        put(out, "audit_log", relativeConfigPath(api.auditLog, baseDir));
    if (api.metricsPublic != d.metricsPublic)
        put(out, "metrics_public", api.metricsPublic);
    if (api.shutdownGraceSeconds != d.shutdownGraceSeconds)
        put(out, "shutdown_grace_seconds", api.shutdownGraceSeconds);
    // Written back whole: a GUI save must never drop the access policy.
    if (!api.policy.isEmpty()) {
        out << YAML::Key << "policy" << YAML::Value << YAML::BeginSeq;
        for (const PolicyRule &rule : api.policy) {
            out << YAML::BeginMap;
            put(out, "role", rule.role);
            putList(out, "allow", rule.allow);
            putList(out, "connections", rule.connections);
            putList(out, "tables", rule.tables);
            if (!rule.denyColumns.isEmpty())
                putList(out, "deny_columns", rule.denyColumns);
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

// YAML → AppConfig with validation. The format is documented in ConfigLoader.h.

#include "ConfigLoader.h"
#include "ConfigPaths.h"
#include "ConfigApi.h"
#include "ConfigSchema.h"
#include "ConfigTables.h"
#include "ConfigYaml.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QUrl>

namespace tw::config {

namespace {

using namespace yamlcheck;

class Parser
{
public:
    explicit Parser(QString baseDir) : m_baseDir(std::move(baseDir)) {}

    AppConfig parse(const YAML::Node &root)
    {
        AppConfig config;
        if (!root || root.IsNull())
            return config;
        refuseSecrets(root, {});
        const auto keys = entries(root, {}, {"connections", "api", "monitoring"});
        if (keys.contains(QStringLiteral("connections")))
            config.connections = connections(keys.value(QStringLiteral("connections")));
        if (keys.contains(QStringLiteral("api")))
            config.api = apiSettings(keys.value(QStringLiteral("api")), QStringLiteral("api"),
                                     [this](const YAML::Node &n, const QString &f) { return path(n, f); });
        if (keys.contains(QStringLiteral("monitoring")))
            config.monitoring = monitoring(keys.value(QStringLiteral("monitoring")));
        return config;
    }

private:
    QString path(const YAML::Node &node, const QString &field) const
    {
        return resolveConfigPath(text(node, field), m_baseDir);
    }

    QList<ConnectionProfile> connections(const YAML::Node &node)
    {
        QList<ConnectionProfile> list;
        if (node.IsNull())
            return list;
        if (!node.IsSequence())
            fail(QStringLiteral("connections"), QStringLiteral("must be a list of connections"), node);
        QHash<QString, int> seen;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const QString field = QStringLiteral("connections[%1]").arg(i);
            ConnectionProfile profile = connection(node[i], field);
            if (seen.contains(profile.name)) {
                fail(field + QStringLiteral(".name"),
                     QStringLiteral("duplicate connection name '%1' (also used by connections[%2])")
                         .arg(profile.name).arg(seen.value(profile.name)),
                     node[i]);
            }
            seen.insert(profile.name, int(i));
            list << profile;
        }
        return list;
    }

    ConnectionProfile connection(const YAML::Node &node, const QString &at)
    {
        const auto keys = entries(node, at, {"name", "driver", "host", "port", "database", "user",
                                             "sslmode", "file", "readonly", "migrations", "pool", "tables"});
        ConnectionProfile p;
        auto has = [&](const char *key) { return keys.contains(QLatin1String(key)); };
        auto get = [&](const char *key) { return keys.value(QLatin1String(key)); };

        if (!has("name"))
            fail(child(at, "name"), QStringLiteral("missing connection name"), node);
        p.name = text(get("name"), child(at, "name"));
        if (!schema::isValidConnectionName(p.name))
            fail(child(at, "name"), schema::connectionNameRule(), get("name"));

        if (!has("driver"))
            fail(child(at, "driver"), QStringLiteral("missing driver (postgres or sqlite)"), node);
        const QString driver = text(get("driver"), child(at, "driver")).toLower();
        if (driver == QLatin1String("postgres") || driver == QLatin1String("postgresql")) {
            p.driver = Driver::Postgres;
        } else if (driver == QLatin1String("sqlite")) {
            p.driver = Driver::Sqlite;
        } else {
            fail(child(at, "driver"),
                 QStringLiteral("unknown driver '%1' (expected postgres or sqlite)").arg(driver.left(40)),
                 get("driver"));
        }

        if (p.driver == Driver::Postgres) {
            if (has("file"))
                fail(child(at, "file"), QStringLiteral("not valid for driver postgres (use host and database)"), get("file"));
            if (!has("host"))
                fail(child(at, "host"), QStringLiteral("missing host (required for postgres)"), node);
            p.host = text(get("host"), child(at, "host"));
            if (has("port"))
                p.port = integer(get("port"), child(at, "port"), schema::kMinPort, schema::kMaxPort);
            if (!has("database"))
                fail(child(at, "database"), QStringLiteral("missing database (required for postgres)"), node);
            p.database = text(get("database"), child(at, "database"));
            if (has("user"))
                p.user = text(get("user"), child(at, "user"), true);
            if (has("sslmode")) {
                p.sslmode = text(get("sslmode"), child(at, "sslmode"));
                if (!schema::isValidSslMode(p.sslmode)) {
                    fail(child(at, "sslmode"), QStringLiteral("must be one of ")
                         + schema::sslModes().join(QStringLiteral(", ")), get("sslmode"));
                }
            }
        } else {
            for (const char *key : {"host", "port", "database", "user", "sslmode"}) {
                if (has(key))
                    fail(child(at, key), QStringLiteral("not valid for driver sqlite (use file)"), get(key));
            }
            if (!has("file"))
                fail(child(at, "file"), QStringLiteral("missing file (required for sqlite)"), node);
            p.database = path(get("file"), child(at, "file"));
        }

        if (has("readonly"))
            p.readonly = boolean(get("readonly"), child(at, "readonly"));
        if (has("migrations"))
            p.migrationsDir = path(get("migrations"), child(at, "migrations"));
        if (has("pool"))
            p.pool = pool(get("pool"), child(at, "pool"));
        if (has("tables"))
            p.declaredTables = declaredTables(get("tables"), child(at, "tables"), p.driver);
        return p;
    }

    static PoolSettings pool(const YAML::Node &node, const QString &at)
    {
        PoolSettings pool;
        if (node.IsNull())
            return pool;
        std::initializer_list<const char *> keys{"size", "overflow", "acquire_timeout_ms", "idle_timeout_ms",
                                                 "max_lifetime_ms", "pre_ping", "busy_timeout_ms", "busy_retries", "api_reads"};
        const auto values = entries(node, at, keys);
        for (const auto &f : schema::poolIntFields()) {
            const QString key = QString::fromLatin1(f.yamlKey);
            if (values.contains(key))
                pool.*f.member = integer(values.value(key), at + QLatin1Char('.') + key, f.min, f.max);
        }
        const QString prePing = QString::fromLatin1(schema::kPrePingYamlKey);
        if (values.contains(prePing))
            pool.prePing = boolean(values.value(prePing), at + QLatin1Char('.') + prePing);
        return pool;
    }

    static MonitoringSettings monitoring(const YAML::Node &node)
    {
        MonitoringSettings m;
        if (node.IsNull())
            return m;
        const QString at = QStringLiteral("monitoring");
        const auto keys = entries(node, at, {"interval_ms", "window_seconds"});
        if (keys.contains(QStringLiteral("interval_ms")))
            m.intervalMs = integer(keys.value(QStringLiteral("interval_ms")), child(at, "interval_ms"), 100, 3600000);
        if (keys.contains(QStringLiteral("window_seconds"))) {
            m.windowSeconds = integer(keys.value(QStringLiteral("window_seconds")), child(at, "window_seconds"),
                                      10, 7 * 24 * 3600);
        }
        if (qint64(m.windowSeconds) * 1000 < m.intervalMs) {
            fail(child(at, "window_seconds"), QStringLiteral("must cover at least one interval_ms"),
                 keys.value(QStringLiteral("window_seconds")));
        }
        return m;
    }

    QString m_baseDir;
};

Error configError(const QString &sourceName, const QString &field, const QString &message, int line)
{
    QString where = sourceName;
    if (line > 0)
        where += QStringLiteral(" line %1").arg(line);
    const QString body = field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    Error error(ErrorCode::ConfigInvalid, QStringLiteral("%1 (%2)").arg(body, where),
                {{QStringLiteral("field"), field}, {QStringLiteral("source"), sourceName}});
    if (line > 0)
        error.withDetail(QStringLiteral("line"), line);
    return error;
}

} // namespace

Result<AppConfig> parseConfig(const QByteArray &yaml, const QString &sourceName, const QString &baseDir)
{
    const QString base = baseDir.isEmpty() ? QFileInfo(sourceName).absolutePath() : baseDir;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        const int line = e.mark.is_null() ? -1 : e.mark.line + 1;
        Error error = configError(sourceName, {}, QStringLiteral("YAML syntax error at line %1, column %2: %3")
                                                      .arg(line).arg(e.mark.column + 1)
                                                      .arg(QString::fromStdString(e.msg)),
                                  -1);
        error.withDetail(QStringLiteral("line"), line).withDetail(QStringLiteral("column"), e.mark.column + 1);
        return error;
    }
    try {
        return Parser(base).parse(root);
    } catch (const Invalid &invalid) {
        return configError(sourceName, invalid.field, invalid.message, invalid.line);
    } catch (const YAML::Exception &e) {
        return configError(sourceName, {}, QString::fromStdString(e.msg), -1);
    }
}

} // namespace tw::config

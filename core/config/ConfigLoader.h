#pragma once

// The configuration file (YAML, read with yaml-cpp). Passwords and client
// secrets are refused: they live in the OS keychain (SecretStore).
//
// connections:
//   - name: chinook                 # required; letters, digits, _ - . (max 64)
//     driver: postgres              # required: postgres | sqlite
//     host: 127.0.0.1               # postgres: required
//     port: 5432                    # postgres: 1-65535, default 5432
//     database: chinook             # postgres: required
//     user: admin                   # postgres: optional
//     sslmode: prefer               # postgres: disable|allow|prefer|require|verify-ca|verify-full
//     readonly: false               # refuse writes whatever the role
//     migrations: ./migrations      # relative to the config file's folder
//     pool: { size: 4, overflow: 2, acquire_timeout_ms: 5000, idle_timeout_ms: 300000,
//             max_lifetime_ms: 0, pre_ping: true, busy_timeout_ms: 5000, busy_retries: 5 }
//     tables:                       # declared tables: `migrate ensure` / `migrate generate`
//       - name: orders              # required; "sales.orders" or `schema: sales` for another schema
//         columns:                  # required, at least one; type and default are SQL as written
//           - {name: id, type: bigint, nullable: false}
//           - {name: customer_id, type: integer}          # nullable: true by default
//           - {name: status, type: text, nullable: false, default: "'new'"}
//         primary_key: [id]
//         unique: [[customer_id, status]]                 # each item one UNIQUE constraint
//         indexes:
//           - {columns: [customer_id]}                    # name optional; unique: false by default
//         foreign_keys:             # references: table(col, ...) or schema.table(col, ...)
//           - {columns: [customer_id], references: customers(id), on_delete: cascade}
//                                   # on_delete / on_update: cascade | restrict | set null | set default | no action
//       # Every column named by a key, index or foreign key must be declared; table and
//       # column names must be unique. Types are the engine's own (no translation).
//   - name: demo
//     driver: sqlite
//     file: ./demo.sqlite           # sqlite: required; relative to the config file's folder
// api:
//   listen: 127.0.0.1:8080          # ADDRESS:PORT ([::1]:8080 for IPv6; port 0: any free port)
//   tls: { certificate: server.crt, key: server.key }   # both; relative to the config file's folder
//   oidc: { issuer: https://idp.example/realms/x, audience: tablewright, roles_claim: roles,
//           algorithms: [RS256, PS256, ES256, EdDSA], leeway_seconds: 30, token_types: [at+jwt] }
//   policy: [ { role: analyst, allow: [database:read], connections: [chinook], tables: ["public.*"],
//               deny_columns: [public.customer.email] } ]   # see ConfigPolicy.h
//   limits: { requests_per_second: 50, burst: 100, max_concurrent: 16, max_body_bytes: 1048576,
//             max_header_bytes: 16384, max_url_bytes: 8192, max_page_rows: 1000, max_filter_terms: 64,
//             statement_timeout_ms: 30000 }
//   audit_log: audit.jsonl          # default: audit.jsonl in the app's data folder
//   metrics_public: false
//   shutdown_grace_seconds: 10
// monitoring: { interval_ms: 5000, window_seconds: 600 }
//
// Every key is optional unless marked required. Unknown keys are errors (a typo
// must not be silently ignored), and so is a duplicated key.

#include "AppConfig.h"
#include "error/Error.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace tw::config {

// Errors are CONFIG_INVALID with a message that starts with the field path
// ("connections[1].port: must be ...") and details {"field", "source", "line"}.
// A YAML syntax error has field "" and details "line" and "column" (1-based).
// Relative paths (sqlite file, migrations, TLS files) resolve against baseDir,
// or against the folder of sourceName when baseDir is empty.
Result<AppConfig> parseConfig(const QByteArray &yaml, const QString &sourceName,
                              const QString &baseDir = {});

Result<AppConfig> loadConfigFile(const QString &path);

// The config file is explicitPath, else $TABLEWRIGHT_CONFIG, else
// defaultConfigPath(); only the default may be missing (= empty config).
// Then $DATABASE_URL, when set, adds or replaces the connection "default".
Result<AppConfig> loadConfig(const QProcessEnvironment &env, const QString &explicitPath = {});

// <AppConfigLocation>/config.yaml, e.g. ~/.config/tablewright/config.yaml.
QString defaultConfigPath();

// The same format; never a password. Paths inside the file's folder are written
// relative to it. The result is checked with parseConfig() before anything is
// written, and written atomically (QSaveFile), so a failed save leaves the old
// file in place.
QByteArray serializeConfig(const AppConfig &config, const QString &baseDir = {});
Status saveConfigFile(const AppConfig &config, const QString &path);

} // namespace tw::config

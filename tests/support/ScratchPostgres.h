#pragma once

#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tw::test {

// Databases and login roles made on the throw-away test server for one test
// program, dropped again by dropAll() or the destructor: roles are
// cluster-wide and a leftover database keeps its connections' memory, so
// nothing may outlive the run. Names carry the prefix and the process id,
// so a leftover says which test made it.
class ScratchPostgres
{
public:
    // prefix: a valid unquoted identifier, e.g. "tw_catalog".
    explicit ScratchPostgres(QString prefix);
    ~ScratchPostgres();
    ScratchPostgres(const ScratchPostgres &) = delete;
    ScratchPostgres &operator=(const ScratchPostgres &) = delete;

    // False when no test server is configured (TW_TEST_PG_PORT unset).
    bool available() const { return m_admin.has_value(); }
    // The superuser profile; only valid when available().
    const config::ConnectionProfile &admin() const { return *m_admin; }

    // A new empty database; the profile connects to it as the superuser.
    // tag, when given, goes into the name (which of several a test made).
    // A refusal is logged, and stored in *created when given.
    config::ConnectionProfile createDatabase(const QString &tag = {}, Status *created = nullptr);
    // createDatabase() with a script of the source tree loaded into it.
    config::ConnectionProfile createDatabaseFrom(const QString &relativePath);
    // A login role with a password and no privileges; the profile connects
    // as it to the database of `database`.
    config::ConnectionProfile createRole(const config::ConnectionProfile &database);

    // One statement as the superuser, outside a transaction (CREATE and
    // DROP DATABASE, VACUUM refuse to run in one); database: "postgres"
    // when empty.
    Status adminExec(const QString &sql, const QString &database = {}) const;
    // Drops every database and role made so far (databases WITH (FORCE)).
    void dropAll();

private:
    QString nextName(const QString &tag);

    QString m_prefix;
    std::optional<config::ConnectionProfile> m_admin;
    QStringList m_databases;
    QStringList m_roles;
    int m_counter = 0;
};

// A multi-statement script through Session::executeScript (one transaction).
Status runScript(const config::ConnectionProfile &profile, const QString &sql);

// A UTF-8 file of the source tree (path relative to sourceDir()); empty when
// it cannot be read.
QString readSourceFile(const QString &relativePath);

// Chinook_PostgreSql.sql (under chinookDir()) from after its psql
// "\c chinook;": the script creates its own database, we load the rest into
// a scratch one. NOT_FOUND when the file is missing, INTERNAL when it has no
// "\c" line.
QString chinookPostgresPath();
Result<QString> chinookPostgresScript();

} // namespace tw::test

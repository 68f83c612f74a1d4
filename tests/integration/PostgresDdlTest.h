#pragma once

// What the DDL tests against a real PostgreSQL share: tst_ddl_roundtrip
// (databaseDdl() applied to an empty database gives the same snapshot and
// `pg_dump -s`) and tst_ddl_coverage (every object has DDL of its own, every
// object pg_dump lists is in the snapshot). Qt Test runs the inherited
// initTestCase().
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "catalog/CatalogLoader.h"
#include "catalog/SnapshotJson.h"
#include "db/Pool.h"

#include <QJsonDocument>
#include <QObject>
#include <QProcess>
#include <QtTest>

namespace tw::test {

inline const QString kPgDump = QStringLiteral("/usr/lib/postgresql/15/bin/pg_dump");

// Sizes, row estimates, timings and which database it came from differ
// between two databases with the same schema; the rest must not.
inline catalog::Snapshot withoutVolatileFields(catalog::Snapshot s)
{
    s.connection.clear();
    s.database.clear();
    s.loadedAt = {};
    s.loadMs = 0;
    for (catalog::Relation &r : s.relations) {
        r.estimatedRows = r.tableBytes = r.indexBytes = -1;
        for (catalog::Index &i : r.indexes)
            i.sizeBytes = -1;
    }
    return s;
}

inline QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

// Starts `pg_dump -s --no-owner` of a database; the caller waits for it.
inline void startSchemaDump(QProcess &dump, const config::ConnectionProfile &database)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), database.password);
    dump.setProcessEnvironment(env);
    dump.start(kPgDump, {QStringLiteral("-s"), QStringLiteral("--no-owner"), QStringLiteral("-h"), database.host,
                         QStringLiteral("-p"), QString::number(database.port), QStringLiteral("-U"), database.user,
                         QStringLiteral("-d"), database.database});
}

class PostgresDdlTest : public QObject
{
    Q_OBJECT

public:
    // prefix: see ScratchPostgres.
    explicit PostgresDdlTest(const QString &prefix) : m_pg(prefix) {}

protected:
    static Result<catalog::Snapshot> snapshotOf(const config::ConnectionProfile &database)
    {
        db::Pool pool(database);
        return resultOf(pool.run([](db::Session &s) { return catalog::readSnapshot(s); }));
    }

    static QString fixture() { return readSourceFile(QStringLiteral("tests/fixtures/schema/postgres_objects.sql")); }

    // Drops its databases when the test object goes (before the application).
    ScratchPostgres m_pg;

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
    }
};

} // namespace tw::test

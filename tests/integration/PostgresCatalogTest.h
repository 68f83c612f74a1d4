#pragma once

// The fixture the two halves of the PostgreSQL catalog test share:
// tst_catalog_postgres (the fixture's relations) and
// tst_catalog_postgres_database (database-wide objects, and loading real
// databases). Qt Test runs the inherited initTestCase().
#include "ScratchPostgres.h"
#include "TestEnv.h"
#include "catalog/PostgresCatalog.h"
#include "db/Pool.h"

#include <QDebug>
#include <QObject>
#include <QtTest>

namespace tw::test {

class PostgresCatalogTest : public QObject
{
    Q_OBJECT

public:
    // prefix: see ScratchPostgres.
    explicit PostgresCatalogTest(const QString &prefix) : m_pg(prefix) {}

protected:
    static inline const QString kFixture = QStringLiteral("tests/fixtures/schema/postgres_objects.sql");

    static Result<catalog::Snapshot> load(const config::ConnectionProfile &profile,
                                          catalog::PostgresLoadStats *stats = nullptr)
    {
        db::Pool pool(profile);
        return resultOf(pool.run([stats](db::Session &s) { return catalog::readPostgresSnapshot(s, stats); }));
    }

    // A fresh database with the fixture loaded, and its snapshot; an empty
    // one (and a warning) when it could not be read, so the checks fail.
    catalog::Snapshot fixtureSnapshot()
    {
        auto snapshot = load(m_pg.createDatabaseFrom(kFixture));
        if (!snapshot.ok()) {
            qWarning() << "snapshot:" << snapshot.error().toString();
            return {};
        }
        return snapshot.value();
    }

    // Drops its databases and roles when the test object goes (before the application).
    ScratchPostgres m_pg;

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), "PostgreSQL (TW_TEST_PG_PORT)");
    }
};

} // namespace tw::test

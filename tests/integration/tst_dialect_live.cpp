// The dialects' SQL run for real on both engines: quoting of hostile
// identifiers, upsert, pagination and type mapping of declared columns.
#include "TestEnv.h"
#include "db/Pool.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;
using namespace tw::db;

class TestDialectLive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::optional<config::ConnectionProfile> profileFor(const QString &engine)
    {
        if (engine == QLatin1String("postgres"))
            return test::postgresProfile();
        const QString file = m_dir.filePath(QStringLiteral("dialect.sqlite"));
        QFile create(file);
        if (!create.exists() && create.open(QIODevice::WriteOnly))
            create.close();
        return test::sqliteProfile(file);
    }

private slots:
    void upsertAndPaginationOnBothEngines_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("postgres") << QStringLiteral("postgres");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
    }
    void upsertAndPaginationOnBothEngines()
    {
        QFETCH(QString, engine);
        auto profile = profileFor(engine);
        TW_REQUIRE_SERVICE(profile.has_value(), engine);
        Pool pool(*profile);

        // A table and columns whose names would break naive SQL.
        const QString tableName = QStringLiteral("we\"ird tab;le %1").arg(QCoreApplication::applicationPid());
        auto outcome = test::resultOf(pool.run([tableName](Session &s) -> Result<QStringList> {
            const Dialect &d = s.dialect();
            const QString table = d.quoteIdentifier(tableName);
            const QString key = d.quoteIdentifier(QStringLiteral("id \"key\""));
            const QString label = d.quoteIdentifier(QStringLiteral("select"));
            auto created = s.execute(QStringLiteral("CREATE TABLE %1 (%2 integer PRIMARY KEY, %3 text)").arg(table, key, label));
            if (!created)
                return created.error();
            const QString upsert = d.upsertStatement(table, {QStringLiteral("id \"key\""), QStringLiteral("select")},
                                                     {QStringLiteral("id \"key\"")});
            for (int i = 1; i <= 5; ++i) {
                auto inserted = s.execute(upsert, {i, QStringLiteral("v%1").arg(i)});
                if (!inserted)
                    return inserted.error();
            }
            auto updated = s.execute(upsert, {3, QStringLiteral("changed")});
            if (!updated)
                return updated.error();

            QStringList out;
            auto page = s.exec(QStringLiteral("SELECT %1, %2 FROM %3 ORDER BY %1").arg(key, label, table)
                               + d.paginationClause(2, 1));
            if (!page)
                return page.error();
            while (page.value().next())
                out << page.value().value(0).toString() + QLatin1Char('=') + page.value().value(1).toString();
            auto count = s.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
            if (!count)
                return count.error();
            out << count.value().toString();
            auto dropped = s.execute(QStringLiteral("DROP TABLE %1").arg(table));
            if (!dropped)
                return dropped.error();
            return out;
        }));
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
        QCOMPARE(outcome.value(), (QStringList{QStringLiteral("2=v2"), QStringLiteral("3=changed"), QStringLiteral("5")}));
    }

    void declaredTypesMapToLogicalTypes_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("postgres") << QStringLiteral("postgres");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
    }
    void declaredTypesMapToLogicalTypes()
    {
        QFETCH(QString, engine);
        auto profile = profileFor(engine);
        TW_REQUIRE_SERVICE(profile.has_value(), engine);
        Pool pool(*profile);
        const QString table = QStringLiteral("tw_types_%1").arg(QCoreApplication::applicationPid());
        // Each logical type, declared with the dialect's own native name,
        // must read back from the engine's catalog as the same logical type.
        const QList<LogicalType> types{LogicalType::Boolean, LogicalType::Integer, LogicalType::BigInt,
                                       LogicalType::Real, LogicalType::Numeric, LogicalType::Text,
                                       LogicalType::Date, LogicalType::Timestamp, LogicalType::Bytes,
                                       LogicalType::Json};
        auto declared = test::resultOf(pool.run([table, types](Session &s) -> Result<QStringList> {
            const Dialect &d = s.dialect();
            QStringList columns;
            for (int i = 0; i < types.size(); ++i)
                columns << QStringLiteral("c%1 %2").arg(i).arg(d.nativeTypeName(types[i]));
            auto created = s.execute(QStringLiteral("CREATE TABLE %1 (%2)").arg(table, columns.join(QStringLiteral(", "))));
            if (!created)
                return created.error();
            const bool pg = s.profile().driver == config::Driver::Postgres;
            auto rows = pg ? s.exec(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                                   "WHERE attrelid = ?::regclass AND attnum > 0 ORDER BY attnum"), {table})
                           : s.exec(QStringLiteral("SELECT type FROM pragma_table_info(?) ORDER BY cid"), {table});
            if (!rows)
                return rows.error();
            QStringList names;
            while (rows.value().next())
                names << rows.value().value(0).toString();
            auto dropped = s.execute(QStringLiteral("DROP TABLE %1").arg(table));
            if (!dropped)
                return dropped.error();
            return names;
        }));
        QVERIFY2(declared.ok(), qPrintable(declared.ok() ? QString() : declared.error().toString()));
        QCOMPARE(declared.value().size(), types.size());
        const Dialect &d = dialectFor(profile->driver);
        for (int i = 0; i < types.size(); ++i) {
            const LogicalType expected = (types[i] == LogicalType::BigInt && profile->driver == config::Driver::Sqlite)
                                             ? LogicalType::Integer // SQLite has one INTEGER
                                             : types[i];
            QVERIFY2(d.logicalType(declared.value()[i]) == expected,
                     qPrintable(declared.value()[i] + QStringLiteral(" → ") + logicalTypeName(d.logicalType(declared.value()[i]))));
        }
    }
};

QTEST_GUILESS_MAIN(TestDialectLive)
#include "tst_dialect_live.moc"

// The OpenAPI document builder without a server: which relations a caller
// gets and with which methods (policy, readonly, kinds), component names that
// stay unique when names are sanitised, and a 5,000-table catalog built in
// reasonable time (the validator runs in tst_api_openapi).
#include "http/rbac/Policy.h"
#include "http/v1/OpenApiDocument.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace tw;
using namespace tw::http;

namespace {

catalog::Column column(const QString &name, const QString &type, bool notNull = false, const QString &defaultValue = {})
{
    catalog::Column c;
    c.name = name;
    c.type = type;
    c.notNull = notNull;
    c.defaultValue = defaultValue;
    return c;
}

catalog::Relation relation(const QString &schema, const QString &name, catalog::ObjectKind kind = catalog::ObjectKind::Table)
{
    catalog::Relation r;
    r.schema = schema;
    r.name = name;
    r.kind = kind;
    r.columns = {column(QStringLiteral("id"), QStringLiteral("integer"), true, QStringLiteral("nextval('s'::regclass)")),
                 column(QStringLiteral("name"), QStringLiteral("text"), true)};
    return r;
}

catalog::Snapshot postgresSnapshot(const QList<catalog::Relation> &relations)
{
    catalog::Snapshot s;
    s.connection = QStringLiteral("pg");
    s.driver = config::Driver::Postgres;
    s.relations = relations;
    return s;
}

Policy policy()
{
    return Policy({
        {QStringLiteral("reader"), {QStringLiteral("database:read")}, {QStringLiteral("pg")}, {QStringLiteral("public.*")},
         {QStringLiteral("public.people.name")}},
        {QStringLiteral("editor"), {QStringLiteral("database:read"), QStringLiteral("database:write")}, {QStringLiteral("pg")},
         {QStringLiteral("*")}, {}},
    });
}

QStringList restNames(const QList<OpenApiTableAccess> &tables)
{
    QStringList names;
    for (const auto &t : tables)
        names << t.restName;
    return names;
}

} // namespace

class TstOpenApiDocument : public QObject
{
    Q_OBJECT

private slots:
    void aReaderGetsTheRelationsItMayReadAndNoWrites()
    {
        catalog::Relation part = relation(QStringLiteral("public"), QStringLiteral("sales_2024"));
        part.parentSchema = QStringLiteral("public");
        part.parentTable = QStringLiteral("sales");
        catalog::Relation unreadable = relation(QStringLiteral("public"), QStringLiteral("locked"));
        unreadable.readable = false;
        const auto snapshot = postgresSnapshot({relation(QStringLiteral("other"), QStringLiteral("t")), unreadable,
                                                relation(QStringLiteral("public"), QStringLiteral("people")),
                                                relation(QStringLiteral("public"), QStringLiteral("sales"), catalog::ObjectKind::PartitionedTable),
                                                part, relation(QStringLiteral("public"), QStringLiteral("v"), catalog::ObjectKind::View)});
        const auto tables = openApiTables(snapshot, policy(), {QStringLiteral("reader")}, QStringLiteral("pg"), false);
        QCOMPARE(restNames(tables), (QStringList{QStringLiteral("people"), QStringLiteral("sales"), QStringLiteral("v")}));
        for (const auto &t : tables)
            QVERIFY(!t.insert && !t.update && !t.remove);
        QCOMPARE(tables.first().hiddenColumns, QStringList{QStringLiteral("name")});
    }

    void writesNeedThePermissionATableAndAWritableConnection()
    {
        const auto snapshot = postgresSnapshot({relation(QStringLiteral("other"), QStringLiteral("t")),
                                                relation(QStringLiteral("public"), QStringLiteral("v"), catalog::ObjectKind::View)});
        const auto tables = openApiTables(snapshot, policy(), {QStringLiteral("editor")}, QStringLiteral("pg"), false);
        QCOMPARE(restNames(tables), (QStringList{QStringLiteral("other.t"), QStringLiteral("v")}));
        QVERIFY(tables[0].insert && tables[0].update && !tables[0].remove);   // no database:delete
        QVERIFY(!tables[1].insert && !tables[1].update);                      // a view
        const auto readonly = openApiTables(snapshot, policy(), {QStringLiteral("editor")}, QStringLiteral("pg"), true);
        QVERIFY(!readonly[0].insert && !readonly[0].update);
    }

    void componentNamesStayUniqueAfterSanitising()
    {
        const auto snapshot = postgresSnapshot({relation(QStringLiteral("public"), QStringLiteral("a b")),
                                                relation(QStringLiteral("public"), QStringLiteral("a_b")),
                                                relation(QStringLiteral("public"), QStringLiteral("dotted.name"))});
        OpenApiConnection connection{QStringLiteral("pg"), config::Driver::Postgres, false, snapshot, {}, std::nullopt};
        connection.tables = openApiTables(snapshot, policy(), {QStringLiteral("editor")}, QStringLiteral("pg"), false);
        const QJsonObject doc = buildOpenApiDocument({connection}, {});
        const QJsonObject schemas = doc[QStringLiteral("components")][QStringLiteral("schemas")].toObject();
        QVERIFY(schemas.contains(QStringLiteral("pg.public.a_b")));
        QVERIFY(schemas.contains(QStringLiteral("pg.public.a_b-2")));
        const QJsonObject paths = doc[QStringLiteral("paths")].toObject();
        QVERIFY(paths.contains(QStringLiteral("/rest/pg/a%20b")));
        QVERIFY(paths.contains(QStringLiteral("/rest/pg/a_b")));
        // A dot in the name: the bare form would split there, so it keeps its schema.
        QVERIFY(paths.contains(QStringLiteral("/rest/pg/public.dotted.name")));
        QCOMPARE(doc[QStringLiteral("components")][QStringLiteral("securitySchemes")].toObject().keys(), QStringList{QStringLiteral("bearerAuth")});
    }

    void aConnectionThatFailedIsListedAsAProblem()
    {
        OpenApiConnection broken{QStringLiteral("down"), config::Driver::Postgres, false, {}, {},
                                 Error(ErrorCode::DbUnavailable, QStringLiteral("connection refused"))};
        const QJsonObject doc = buildOpenApiDocument({broken}, {});
        const QJsonArray problems = doc[QStringLiteral("x-tablewright-problems")].toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0][QStringLiteral("connection")].toString(), QStringLiteral("down"));
        QCOMPARE(problems[0][QStringLiteral("code")].toString(), QStringLiteral("DB_UNAVAILABLE"));
    }

    void fiveThousandTablesBuildInReasonableTime()
    {
        QList<catalog::Relation> relations;
        for (int s = 0; s < 4; ++s) {
            for (int t = 0; t < 1250; ++t) {
                catalog::Relation r = relation(QStringLiteral("s%1").arg(s), QStringLiteral("table_%1").arg(t, 4, 10, QLatin1Char('0')));
                r.columns << column(QStringLiteral("amount"), QStringLiteral("numeric(10,2)"))
                          << column(QStringLiteral("at"), QStringLiteral("timestamp with time zone"), true, QStringLiteral("now()"))
                          << column(QStringLiteral("tags"), QStringLiteral("text[]"))
                          << column(QStringLiteral("data"), QStringLiteral("jsonb"))
                          << column(QStringLiteral("ref"), QStringLiteral("bigint"))
                          << column(QStringLiteral("note"), QStringLiteral("character varying(40)"));
                relations << r;
            }
        }
        const auto snapshot = postgresSnapshot(relations);
        QElapsedTimer clock;
        clock.start();
        OpenApiConnection connection{QStringLiteral("pg"), config::Driver::Postgres, false, snapshot, {}, std::nullopt};
        connection.tables = openApiTables(snapshot, policy(), {QStringLiteral("editor")}, QStringLiteral("pg"), false);
        const qint64 decided = clock.elapsed();
        const QJsonObject doc = buildOpenApiDocument({connection}, {QStringLiteral("1.0"), QStringLiteral("https://idp.test/realms/x/"), false});
        const qint64 built = clock.elapsed();
        const QByteArray bytes = QJsonDocument(doc).toJson(QJsonDocument::Compact);
        const qint64 serialised = clock.elapsed();
        qInfo("5,000 tables: policy %lld ms, document %lld ms, JSON %lld ms, %lld bytes", decided, built - decided,
              serialised - built, qint64(bytes.size()));
        QCOMPARE(connection.tables.size(), 5000);
        QCOMPARE(doc[QStringLiteral("components")][QStringLiteral("schemas")].toObject().size(), 5000 + 3);
        QCOMPARE(doc[QStringLiteral("components")][QStringLiteral("securitySchemes")][QStringLiteral("openIdConnect")]
                     [QStringLiteral("openIdConnectUrl")].toString(),
                 QStringLiteral("https://idp.test/realms/x/.well-known/openid-configuration"));
        // A bound for a shared, busy 2-core machine (3–5 s measured there, 13 s
        // at worst under a load of 13): it catches a quadratic build, which
        // takes minutes at this size, not noise.
        QVERIFY2(serialised < 60000, qPrintable(QString::number(serialised)));
    }
};

QTEST_GUILESS_MAIN(TstOpenApiDocument)
#include "tst_openapi_document.moc"

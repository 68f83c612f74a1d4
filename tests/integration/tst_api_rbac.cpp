// The RBAC matrix over real tokens from the real provider: roles × every
// permission × a read-write and a readonly connection × table patterns,
// each cell checked through GET /api/v1/whoami?table=…; and the roles
// claim read from the configured path.
#include "ApiTestSupport.h"

#include <QtTest>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

QStringList names(const QJsonValue &value)
{
    QStringList out;
    for (const auto &v : value.toArray())
        out << v.toString().section(QLatin1Char(':'), 1); // "database:read" → "read"
    out.sort();
    return out;
}

QStringList list(const char *spaceSeparated)
{
    QStringList out = QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    out.sort();
    return out;
}

} // namespace

class TstApiRbac : public QObject
{
    Q_OBJECT

    OidcProvider m_provider{kAudience};
    std::unique_ptr<ApiFixture> m_api;
    QHash<QString, QByteArray> m_tokens;

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        QList<OidcClient> clients = standardClients();
        clients << OidcClient{QStringLiteral("realm-app"), QStringLiteral("realm-secret-123"), {QStringLiteral("dba")},
                              QStringLiteral("realm_access.roles")};
        QVERIFY2(m_provider.start({}, clients), qPrintable(m_provider.lastError()));
        for (const auto &client : std::as_const(clients)) {
            m_tokens.insert(client.clientId, m_provider.fetchToken(client.clientId, client.secret));
            QVERIFY(!m_tokens.value(client.clientId).isEmpty());
        }
        m_api = std::make_unique<ApiFixture>();
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_provider.stop();
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QStringList>("onMain");     // read-write connection
        QTest::addColumn<QStringList>("onArchive");  // readonly connection
        // analyst: read on main.* of both connections, nothing elsewhere.
        QTest::newRow("analyst orders") << "analyst-app" << "main.orders" << list("read") << list("read");
        QTest::newRow("analyst customers") << "analyst-app" << "main.customers" << list("read") << list("read");
        QTest::newRow("analyst other schema") << "analyst-app" << "audit.events" << list("") << list("");
        // writer: read/write/delete on main.orders and main.order_*; readonly archive keeps reading only.
        QTest::newRow("writer orders") << "writer-app" << "main.orders" << list("delete read write") << list("read");
        QTest::newRow("writer order_items") << "writer-app" << "main.order_items" << list("delete read write") << list("read");
        QTest::newRow("writer customers") << "writer-app" << "main.customers" << list("") << list("");
        QTest::newRow("writer ordersx") << "writer-app" << "main.ordersx" << list("") << list("");
        // dba: admin implies everything, except writing to a readonly connection.
        QTest::newRow("dba orders") << "dba-app" << "main.orders" << list("admin delete migrate read write") << list("admin read");
        QTest::newRow("dba other schema") << "dba-app" << "audit.events" << list("admin delete migrate read write") << list("admin read");
        // Roles add up.
        QTest::newRow("mixed orders") << "mixed-app" << "main.orders" << list("delete read write") << list("read");
        QTest::newRow("mixed customers") << "mixed-app" << "main.customers" << list("read") << list("read");
        // No role, nothing; roles under another claim path are not read.
        QTest::newRow("nobody orders") << "nobody-app" << "main.orders" << list("") << list("");
        QTest::newRow("realm_access roles unread") << "realm-app" << "main.orders" << list("") << list("");
    }

    void matrix()
    {
        QFETCH(QString, client);
        QFETCH(QString, table);
        QFETCH(QStringList, onMain);
        QFETCH(QStringList, onArchive);
        const auto reply = httpCall(m_api->url(QStringLiteral("/api/v1/whoami?table=") + table), m_tokens.value(client));
        QCOMPARE(reply.status, 200);
        const QJsonObject permissions = reply.json().value(QStringLiteral("permissions")).toObject();
        QCOMPARE(names(permissions.value(QStringLiteral("main"))), onMain);
        QCOMPARE(names(permissions.value(QStringLiteral("archive"))), onArchive);
    }

    void rolesComeFromTheConfiguredClaimPath()
    {
        ApiFixture api;
        QVERIFY(api.setUp(m_provider.issuer(), kAudience,
                          [](config::AppConfig &c) { c.api.oidc.rolesClaim = QStringLiteral("realm_access.roles"); }));
        QTRY_VERIFY_WITH_TIMEOUT(api.server->authReady(), 15000);
        const auto realm = httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_tokens.value(QStringLiteral("realm-app")));
        QCOMPARE(realm.status, 200);
        QCOMPARE(names(realm.json().value(QStringLiteral("permissions")).toObject().value(QStringLiteral("main"))),
                 list("admin delete migrate read write"));
        // The plain "roles" claim is ignored under this configuration.
        const auto plain = httpCall(api.url(QStringLiteral("/api/v1/whoami")), m_tokens.value(QStringLiteral("dba-app")));
        QCOMPARE(plain.status, 200);
        QVERIFY(plain.json().value(QStringLiteral("permissions")).toObject().isEmpty());
        // Metrics need some permission: realm-app has it here, dba-app does not.
        QCOMPARE(httpCall(api.url(QStringLiteral("/metrics")), m_tokens.value(QStringLiteral("realm-app"))).status, 200);
        const auto denied = httpCall(api.url(QStringLiteral("/metrics")), m_tokens.value(QStringLiteral("dba-app")));
        QCOMPARE(denied.status, 403);
        QVERIFY(denied.header("www-authenticate").startsWith("Bearer error=\"insufficient_scope\""));
    }
};

QTEST_GUILESS_MAIN(TstApiRbac)
#include "tst_api_rbac.moc"

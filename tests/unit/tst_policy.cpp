// The API's access policy: the api.policy block of the config file (parsed
// with field-named errors, written back unchanged) and its evaluation (deny
// by default, patterns on connections and tables, admin implying the rest,
// hidden columns).
#include "config/ConfigLoader.h"
#include "http/rbac/Policy.h"

#include <QtTest>

using namespace tw;
using http::Permission;

namespace {

const QByteArray kPolicy =
    "connections:\n"
    "  - { name: chinook, driver: sqlite, file: /tmp/chinook.sqlite }\n"
    "api:\n"
    "  policy:\n"
    "    - role: analyst\n"
    "      allow: [database:read]\n"
    "      connections: [chinook]\n"
    "      tables: [\"public.*\"]\n"
    "      deny_columns: [\"public.customer.email\", \"public.customer.phone\"]\n"
    "    - role: support\n"
    "      allow: [database:read]\n"
    "      connections: [chinook]\n"
    "      tables: [public.customer]\n"
    "      deny_columns: [\"public.customer.phone\"]\n"
    "    - role: editor\n"
    "      allow: [database:read, database:write]\n"
    "      connections: [\"chin*\", reports]\n"
    "      tables: [\"public.album\", \"sales.*\"]\n"
    "    - role: odd\n"
    "      allow: [database:read]\n"
    "      connections: [\"db?\"]\n"
    "      tables: [\"public.t[1]\", \"public.*/*\"]\n"
    "    - role: dba\n"
    "      allow: [database:admin]\n"
    "      connections: [\"*\"]\n";

http::Policy policyOf(const QByteArray &yaml)
{
    const auto parsed = config::parseConfig(yaml, QStringLiteral("test.yaml"));
    if (!parsed.ok())
        qWarning() << parsed.error().toString();
    return parsed.ok() ? http::Policy(parsed.value().api.policy) : http::Policy();
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT

private slots:
    void theBlockIsReadWithDefaults()
    {
        const auto parsed = config::parseConfig(kPolicy, QStringLiteral("test.yaml"));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
        const auto &rules = parsed.value().api.policy;
        QCOMPARE(rules.size(), 5);
        QCOMPARE(rules.at(0).role, QStringLiteral("analyst"));
        QCOMPARE(rules.at(0).denyColumns.size(), 2);
        QCOMPARE(rules.at(4).tables, QStringList{QStringLiteral("*")}); // no tables: every table
    }

    void theBlockIsWrittenBackUnchanged()
    {
        const auto parsed = config::parseConfig(kPolicy, QStringLiteral("test.yaml"));
        QVERIFY(parsed.ok());
        const QByteArray written = config::serializeConfig(parsed.value(), QStringLiteral("/tmp"));
        const auto again = config::parseConfig(written, QStringLiteral("again.yaml"), QStringLiteral("/tmp"));
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().toString() + QString::fromUtf8(written)));
        QCOMPARE(again.value().api.policy, parsed.value().api.policy);
    }

    void badRulesNameTheirField_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("not a list") << QByteArray("api: { policy: { role: x } }\n") << "api.policy" << "list";
        QTest::newRow("no role") << QByteArray("api: { policy: [ { allow: [database:read], connections: [a] } ] }\n")
                                 << "api.policy[0].role" << "missing";
        QTest::newRow("no allow") << QByteArray("api: { policy: [ { role: r, connections: [a] } ] }\n")
                                  << "api.policy[0].allow" << "missing";
        QTest::newRow("unknown permission")
            << QByteArray("api: { policy: [ { role: r, allow: [database:read, database:drop], connections: [a] } ] }\n")
            << "api.policy[0].allow[1]" << "unknown permission";
        QTest::newRow("no connections") << QByteArray("api: { policy: [ { role: r, allow: [database:read] } ] }\n")
                                        << "api.policy[0].connections" << "missing";
        QTest::newRow("empty connections")
            << QByteArray("api: { policy: [ { role: r, allow: [database:read], connections: [] } ] }\n")
            << "api.policy[0].connections" << "at least one";
        // An empty list must not silently mean "every table".
        QTest::newRow("empty tables")
            << QByteArray("api: { policy: [ { role: r, allow: [database:write], connections: [a], tables: [] } ] }\n")
            << "api.policy[0].tables" << "at least one";
        QTest::newRow("typo") << QByteArray("api: { policy: [ { role: r, allow: [database:read], connections: [a], tabels: [x] } ] }\n")
                              << "api.policy[0].tabels" << "unknown key";
        QTest::newRow("short deny column")
            << QByteArray("api: { policy: [ { role: r, allow: [database:read], connections: [a], deny_columns: [email] } ] }\n")
            << "api.policy[0].deny_columns[0]" << "schema.table.column";
    }

    void badRulesNameTheirField()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, field);
        QFETCH(QString, words);
        const auto parsed = config::parseConfig(yaml, QStringLiteral("test.yaml"));
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message().contains(field), qPrintable(parsed.error().message()));
        QVERIFY2(parsed.error().message().contains(words), qPrintable(parsed.error().message()));
    }

    void theMatrixOfRolesPermissionsConnectionsAndTables_data()
    {
        QTest::addColumn<QStringList>("roles");
        QTest::addColumn<int>("permission");
        QTest::addColumn<QString>("connection");
        QTest::addColumn<QString>("table");
        QTest::addColumn<bool>("allowed");
        const auto row = [](const char *name, QStringList roles, Permission p, const char *connection, const char *table, bool allowed) {
            QTest::newRow(name) << roles << int(p) << QString::fromLatin1(connection) << QString::fromLatin1(table) << allowed;
        };
        const QStringList analyst{QStringLiteral("analyst")};
        const QStringList editor{QStringLiteral("editor")};
        const QStringList dba{QStringLiteral("dba")};
        row("analyst reads public", analyst, Permission::Read, "chinook", "public.album", true);
        row("analyst cannot read other schema", analyst, Permission::Read, "chinook", "sales.orders", false);
        row("analyst cannot write", analyst, Permission::Write, "chinook", "public.album", false);
        row("analyst not on other connection", analyst, Permission::Read, "reports", "public.album", false);
        row("analyst may list the connection", analyst, Permission::Read, "chinook", "", true);
        row("editor writes album", editor, Permission::Write, "chinook", "public.album", true);
        row("editor via connection glob", editor, Permission::Write, "chinook2", "public.album", true);
        row("editor second connection", editor, Permission::Read, "reports", "sales.orders", true);
        row("editor not other table", editor, Permission::Write, "chinook", "public.track", false);
        row("editor cannot delete", editor, Permission::Delete, "chinook", "public.album", false);
        row("editor cannot migrate", editor, Permission::Migrate, "chinook", "", false);
        row("dba admin implies delete", dba, Permission::Delete, "anything", "x.y", true);
        row("dba admin implies migrate", dba, Permission::Migrate, "reports", "", true);
        row("dba is admin", dba, Permission::Admin, "chinook", "", true);
        row("no roles, no access", QStringList{}, Permission::Read, "chinook", "public.album", false);
        row("unknown role", QStringList{QStringLiteral("intern")}, Permission::Read, "chinook", "public.album", false);
        row("roles are case-sensitive", QStringList{QStringLiteral("Analyst")}, Permission::Read, "chinook", "public.album", false);
        row("patterns are case-sensitive", analyst, Permission::Read, "chinook", "Public.album", false);
        row("patterns match whole names", analyst, Permission::Read, "chinook", "xpublic.album", false);
        row("question mark is one character", QStringList{QStringLiteral("odd")}, Permission::Read, "db1", "public.t[1]", true);
        row("brackets and slashes are themselves", QStringList{QStringLiteral("odd")}, Permission::Read, "db1", "public.t1", false);
        row("slash in a name", QStringList{QStringLiteral("odd")}, Permission::Read, "db1", "public.a/b", true);
        row("roles add up", QStringList{QStringLiteral("analyst"), QStringLiteral("editor")}, Permission::Write, "chinook",
            "public.album", true);
    }

    void theMatrixOfRolesPermissionsConnectionsAndTables()
    {
        QFETCH(QStringList, roles);
        QFETCH(int, permission);
        QFETCH(QString, connection);
        QFETCH(QString, table);
        QFETCH(bool, allowed);
        QCOMPARE(policyOf(kPolicy).allows(roles, Permission(permission), connection, table), allowed);
    }

    void anEmptyPolicyDeniesEverything()
    {
        const http::Policy none;
        QVERIFY(!none.allows({QStringLiteral("dba")}, Permission::Read, QStringLiteral("chinook")));
        QVERIFY(none.permissions({QStringLiteral("dba")}, QStringLiteral("chinook")).isEmpty());
    }

    void aRuleWithoutTablePatternsCoversNoTable()
    {
        // Built in code (not from the file): no default is applied behind the caller's back.
        const http::Policy policy({config::PolicyRule{QStringLiteral("w"), {QStringLiteral("database:write")}, {QStringLiteral("*")}, {}, {}}});
        QVERIFY(!policy.allows({QStringLiteral("w")}, Permission::Write, QStringLiteral("c"), QStringLiteral("main.payroll")));
    }

    void permissionsListWhatTheRolesHold()
    {
        const http::Policy policy = policyOf(kPolicy);
        QCOMPARE(policy.permissions({QStringLiteral("editor")}, QStringLiteral("chinook")),
                 (QList<Permission>{Permission::Read, Permission::Write}));
        QCOMPARE(policy.permissions({QStringLiteral("dba")}, QStringLiteral("chinook")).size(), 5);
        QVERIFY(policy.permissions({QStringLiteral("analyst")}, QStringLiteral("reports")).isEmpty());
    }

    void hiddenColumnsAreThoseEveryReadingRuleDenies()
    {
        const http::Policy policy = policyOf(kPolicy);
        const QString customer = QStringLiteral("public.customer");
        QCOMPARE(policy.deniedColumns({QStringLiteral("analyst")}, QStringLiteral("chinook"), customer),
                 (QStringList{QStringLiteral("email"), QStringLiteral("phone")}));
        // support may see email: with both roles only phone stays hidden.
        QCOMPARE(policy.deniedColumns({QStringLiteral("analyst"), QStringLiteral("support")}, QStringLiteral("chinook"), customer),
                 QStringList{QStringLiteral("phone")});
        // dba's rule hides nothing.
        QVERIFY(policy.deniedColumns({QStringLiteral("analyst"), QStringLiteral("dba")}, QStringLiteral("chinook"), customer).isEmpty());
        QVERIFY(policy.deniedColumns({QStringLiteral("analyst")}, QStringLiteral("chinook"), QStringLiteral("public.album")).isEmpty());
    }

    void aWritingRulesDeniedColumnsBindWhatItWrites()
    {
        const http::Policy policy = policyOf("connections:\n"
                                             "  - { name: c, driver: sqlite, file: /tmp/c.sqlite }\n"
                                             "api:\n"
                                             "  policy:\n"
                                             "    - { role: dropbox, allow: [database:write], connections: [c], tables: [main.inbox],\n"
                                             "        deny_columns: [main.inbox.secret] }\n");
        const QStringList roles{QStringLiteral("dropbox")};
        // Nothing to read, so nothing hidden from reading; the write rule's column is denied to writing.
        QVERIFY(policy.deniedColumns(roles, QStringLiteral("c"), QStringLiteral("main.inbox")).isEmpty());
        QCOMPARE(policy.deniedColumns(roles, QStringLiteral("c"), QStringLiteral("main.inbox"), Permission::Write),
                 QStringList{QStringLiteral("secret")});
        QVERIFY(policy.deniedColumns(roles, QStringLiteral("c"), QStringLiteral("main.inbox"), Permission::Delete).isEmpty());
    }

    void permissionNamesRoundTrip()
    {
        for (Permission p : {Permission::Read, Permission::Write, Permission::Delete, Permission::Migrate, Permission::Admin})
            QCOMPARE(http::permissionFromName(http::permissionName(p)), std::optional<Permission>(p));
        QVERIFY(!http::permissionFromName(QStringLiteral("database:drop")));
    }
};

QTEST_APPLESS_MAIN(TestPolicy)
#include "tst_policy.moc"

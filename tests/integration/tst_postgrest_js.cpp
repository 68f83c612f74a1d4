// Runs the Node suite tests/node/postgrest-js.test.mjs (@supabase/postgrest-js,
// unchanged) against the real `tablewright serve` binary: this program
// prepares the services — a scratch PostgreSQL database with the schema of
// the differential test, a SQLite file, the real OIDC provider — starts the
// server with a config file (PostgreSQL through DATABASE_URL), then runs
// `node --test` with the URLs and a token in its environment and fails when
// node does.
#include "ApiTestSupport.h"
#include "RestDiffCases.h"
#include "ScratchPostgres.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

#include <sqlite3.h>

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");

const char *const kSqliteSetup = R"SQL(
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL, genre TEXT, big INTEGER);
INSERT INTO items VALUES (1, 'Alpha', 1.5, 'rock', 10), (2, 'beta', 2.25, 'jazz', 20), (3, 'Gamma ray', NULL, 'rock', NULL),
  (4, 'O''Brien', 100, 'jazz', 40), (5, 'Ünïcödé 😀', 3, 'rock', 50);
)SQL";

bool createSqlite(const QString &file)
{
    sqlite3 *db = nullptr;
    const bool opened = sqlite3_open(QFile::encodeName(file).constData(), &db) == SQLITE_OK;
    const bool ok = opened && sqlite3_exec(db, kSqliteSetup, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

QString databaseUrl(const config::ConnectionProfile &db)
{
    return QStringLiteral("postgres://%1:%2@%3:%4/%5?sslmode=disable")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(db.user)), QString::fromLatin1(QUrl::toPercentEncoding(db.password)),
             db.host, QString::number(db.port), QString::fromLatin1(QUrl::toPercentEncoding(db.database)));
}

} // namespace

class TstPostgrestJs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ScratchPostgres m_pg{QStringLiteral("tw_postgrest_js")};
    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    QProcess m_serve;
    QByteArray m_serveOut;
    QUrl m_base;
    QByteArray m_token;

    QString writeConfig()
    {
        QFile file(m_dir.filePath(QStringLiteral("config.yaml")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write("connections:\n"
                   "  - name: lite\n"
                   "    driver: sqlite\n"
                   "    file: '" + m_dir.filePath(QStringLiteral("lite.db")).toUtf8() + "'\n"
                   "api:\n"
                   "  listen: 127.0.0.1:0\n"
                   "  oidc:\n"
                   "    issuer: '" + m_provider.issuer().toUtf8() + "'\n"
                   "    audience: '" + kAudience.toUtf8() + "'\n"
                   "  audit_log: '" + m_dir.filePath(QStringLiteral("audit.jsonl")).toUtf8() + "'\n"
                   "  limits: {requests_per_second: 1000, burst: 1000}\n"
                   "  policy:\n"
                   "    - role: dba\n"
                   "      allow: [database:admin]\n"
                   "      connections: ['*']\n");
        return file.fileName();
    }

    // The READY line's base URL; empty when serve ended or timed out first.
    QUrl waitReady()
    {
        static const QRegularExpression ready(QStringLiteral("^READY (https?://\\S+)$"), QRegularExpression::MultilineOption);
        const QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            m_serveOut += m_serve.readAllStandardOutput();
            const auto match = ready.match(QString::fromUtf8(m_serveOut));
            if (match.hasMatch())
                return QUrl(match.captured(1));
            if (m_serve.state() == QProcess::NotRunning)
                return {};
            QTest::qWait(50);
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TW_REQUIRE_SERVICE(m_pg.available(), QStringLiteral("PostgreSQL (TW_TEST_PG_PORT)"));
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        const QString postgrestJs = QDir(sourceDir()).filePath(QStringLiteral("tools/postgrest/node_modules/@supabase/postgrest-js/package.json"));
        TW_REQUIRE_SERVICE(QFile::exists(postgrestJs), QStringLiteral("postgrest-js (tools/postgrest, tools/install-deps.sh)"));

        config::ConnectionProfile database = m_pg.createDatabase();
        const Status loaded = runScript(database, QString::fromUtf8(kDiffSchema));  // writes go to its empty "notes"
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QVERIFY(createSqlite(m_dir.filePath(QStringLiteral("lite.db"))));

        QVERIFY2(m_provider.start(QJsonArray{m_rsa.privateJwk(QStringLiteral("rsa-1"))}, standardClients()),
                 qPrintable(m_provider.lastError()));
        m_token = m_provider.fetchToken(QStringLiteral("dba-app"), QStringLiteral("dba-secret-123"));
        QVERIFY2(!m_token.isEmpty(), qPrintable(m_provider.lastError()));

        const QString configPath = writeConfig();
        QVERIFY(!configPath.isEmpty());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TABLEWRIGHT_CONFIG"));
        env.remove(QStringLiteral("NOTIFY_SOCKET"));
        env.insert(QStringLiteral("DATABASE_URL"), databaseUrl(database));  // the connection "default"
        m_serve.setProcessEnvironment(env);
        // The JSON-lines request log goes to a file, shown when something fails.
        m_serve.setStandardErrorFile(m_dir.filePath(QStringLiteral("serve.log")));
        m_serve.start(QStringLiteral(TW_APP_BINARY), {QStringLiteral("serve"), QStringLiteral("--config"), configPath});
        m_base = waitReady();
        QVERIFY2(m_base.isValid(), m_serveOut.constData());

        // The issuer's keys load after READY: wait until a token is accepted.
        HttpReply whoami;
        const QDeadlineTimer deadline(15000);
        do {
            whoami = httpCall(QUrl(m_base.toString() + QStringLiteral("/api/v1/whoami")), m_token);
            if (whoami.status != 503)
                break;
            QTest::qWait(100);
        } while (!deadline.hasExpired());
        QCOMPARE(whoami.status, 200);
    }

    void cleanupTestCase()
    {
        if (m_serve.state() != QProcess::NotRunning) {
            m_serve.terminate();
            if (!m_serve.waitForFinished(15000))
                m_serve.kill();
            m_serve.waitForFinished(5000);
        }
        m_provider.stop();
        m_pg.dropAll();
    }

    void postgrestJsSuitePasses()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY(!node.isEmpty());
        QProcess run;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TW_REST_PG_URL"), m_base.toString() + QStringLiteral("/rest/default"));
        env.insert(QStringLiteral("TW_REST_SQLITE_URL"), m_base.toString() + QStringLiteral("/rest/lite"));
        env.insert(QStringLiteral("TW_REST_TOKEN"), QString::fromLatin1(m_token));
        run.setProcessEnvironment(env);
        run.setProcessChannelMode(QProcess::MergedChannels);
        run.setWorkingDirectory(sourceDir());
        run.start(node, {QStringLiteral("--test"), QStringLiteral("--test-reporter=tap"),
                         QDir(sourceDir()).filePath(QStringLiteral("tests/node/postgrest-js.test.mjs"))});
        QVERIFY(run.waitForStarted(10000));
        // The serve process answers on this thread's behalf only through its
        // own event loop, so waiting here blocks nothing.
        const bool finished = run.waitForFinished(240000);
        const QByteArray output = run.readAll();
        // TAP: failures with their diagnostics, todo results, and the closing counts.
        bool inFailure = false;
        for (const QByteArray &line : output.split('\n')) {
            const QByteArray trimmed = line.trimmed();
            const bool result = trimmed.startsWith("ok ") || trimmed.startsWith("not ok ") || trimmed.startsWith("# Subtest");
            if (result)
                inFailure = trimmed.startsWith("not ok ") && !trimmed.contains("# TODO");
            if (inFailure || trimmed.contains("# TODO") || (line.startsWith("# ") && !trimmed.startsWith("# Subtest")))
                qInfo().noquote() << QString::fromUtf8(line);
        }
        if (run.exitCode() != 0) {
            QFile log(m_dir.filePath(QStringLiteral("serve.log")));
            if (log.open(QIODevice::ReadOnly))
                qInfo().noquote() << "tablewright serve log (last 4 kB):\n" << QString::fromUtf8(log.readAll().right(4096));
        }
        QVERIFY2(finished, "node --test did not finish within 240 s");
        static const QRegularExpression passCount(QStringLiteral("^# pass (\\d+)$"), QRegularExpression::MultilineOption);
        const auto passed = passCount.match(QString::fromUtf8(output));
        QVERIFY2(passed.hasMatch() && passed.captured(1).toInt() > 0, "node ran no test");
        QCOMPARE(run.exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TstPostgrestJs)
#include "tst_postgrest_js.moc"

// The headless commands of the real binary: config file → keychain → pool →
// health probe, end to end.
#include "AppRun.h"
#include "TestEnv.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;

namespace {

using Run = test::AppRun;

Run runApp(const QStringList &args, const QByteArray &stdinData = {})
{
    return test::runApp(QStringLiteral(TW_APP_BINARY), args, {}, stdinData);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void windowModuleLoadsWithoutASubcommand()
    {
        // The binary maps no GUI library itself; without a subcommand it loads
        // tablewright-gui.so, whose QCommandLineParser answers a --help after
        // a window option (a --help of its own is answered before, below).
        const Run help = test::runApp(QStringLiteral(TW_APP_BINARY), {QStringLiteral("--demo"), QStringLiteral("--help")},
                                      {{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")}});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QLatin1String("Administration for PostgreSQL and SQLite.")), qPrintable(help.out + help.err));
    }

    // On a server: no display. Help, the version and a mistyped command are
    // answered there; the window refuses clearly instead of Qt's abort.
    void withoutADisplayTheCommandLineStillAnswers()
    {
        const QMap<QString, QString> headless{{QStringLiteral("DISPLAY"), QString()},
                                              {QStringLiteral("WAYLAND_DISPLAY"), QString()},
                                              {QStringLiteral("QT_QPA_PLATFORM"), QString()}};
        const QString binary = QStringLiteral(TW_APP_BINARY);
        for (const char *help : {"--help", "-h", "help"}) {
            const Run run = test::runApp(binary, {QString::fromLatin1(help)}, headless);
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.out.contains(QLatin1String("migrate")) && run.out.contains(QLatin1String("--demo")),
                     qPrintable(run.out + run.err));
        }
        const Run version = test::runApp(binary, {QStringLiteral("--version")}, headless);
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.startsWith(QStringLiteral("tablewright " TW_VERSION)), qPrintable(version.out));

        const Run typo = test::runApp(binary, {QStringLiteral("migrat"), QStringLiteral("status")}, headless);
        QCOMPARE(typo.exitCode, 2);
        QVERIFY2(typo.err.contains(QLatin1String("unknown command 'migrat' (did you mean migrate?)")), qPrintable(typo.err));

        const Run window = test::runApp(binary, {}, headless);
        QCOMPARE(window.exitCode, 2);
        QVERIFY2(window.err.contains(QLatin1String("no display")), qPrintable(window.err));
        QVERIFY2(!window.err.contains(QLatin1String("qt.qpa")), qPrintable(window.err));
    }

    // Each command maps only the libraries it uses (app/ModuleLoader.h): the
    // dynamic loader's own trace lists every library initialised.
    void commandsMapOnlyWhatTheyNeed()
    {
        const auto loaded = [](const QStringList &args, QMap<QString, QString> env) {
            env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
            const Run run = test::runApp(QStringLiteral(TW_APP_BINARY), args, env);
            QStringList libraries;
            for (const QString &line : run.err.split(u'\n')) {
                const qsizetype at = line.indexOf(QLatin1String("calling init: "));
                if (at >= 0)
                    libraries << line.mid(at + 14).section(u'/', -1);
            }
            return std::pair{run, libraries};
        };
        const auto mapsAny = [](const QStringList &libraries, std::initializer_list<const char *> prefixes) {
            for (const QString &library : libraries) {
                for (const char *prefix : prefixes) {
                    if (library.startsWith(QLatin1String(prefix)))
                        return library;
                }
            }
            return QString();
        };
        const auto heavy = {"libQt6Network", "libQt6DBus", "libqt6keychain", "libdbus-1", "libgssapi", "libpq",
                            "libQt6Gui", "libQt6Widgets", "tablewright-"};

        const auto [version, versionLibs] = loaded({QStringLiteral("version")}, {});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(versionLibs.contains(QStringLiteral("libQt6Core.so.6")), qPrintable(versionLibs.join(u' ')));
        QCOMPARE(mapsAny(versionLibs, heavy), QString());
        QCOMPARE(mapsAny(versionLibs, {"libcrypto"}), QString());
        QCOMPARE(mapsAny(versionLibs, {"libsqlite3"}), QString()); // loaded on first use (db/SqliteOnDemand.cpp)

        // A SQLite migration status: no keychain, no network, no libpq.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("libs-migrations")));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("libs-migrations/V1__first.sql")), "CREATE TABLE t (id INTEGER);\n"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("libs.db")), QByteArray())); // an empty file is an empty database
        const QString url = QStringLiteral("sqlite://%1?migrations=%2")
                                .arg(m_dir.filePath(QStringLiteral("libs.db")), m_dir.filePath(QStringLiteral("libs-migrations")));
        const auto [status, statusLibs] = loaded({QStringLiteral("migrate"), QStringLiteral("status"), QStringLiteral("--connection"),
                                                  QStringLiteral("default")},
                                                 {{QStringLiteral("DATABASE_URL"), url}});
        QVERIFY2(status.exitCode == 3 && status.out.contains(QLatin1String("pending")), qPrintable(status.out + status.err.right(500)));
        QCOMPARE(mapsAny(statusLibs, heavy), QString());
        QCOMPARE(mapsAny(statusLibs, {"libsqlite3"}), QStringLiteral("libsqlite3.so.0"));

        // serve loads its module, with Qt Network.
        const auto [serve, serveLibs] = loaded({QStringLiteral("serve"), QStringLiteral("--bogus")}, {});
        QCOMPARE(serve.exitCode, 2);
        QVERIFY2(serveLibs.contains(QStringLiteral("tablewright-serve.so")) && serveLibs.contains(QStringLiteral("libQt6Network.so.6")),
                 qPrintable(serveLibs.join(u' ')));
        QCOMPARE(mapsAny(serveLibs, {"libQt6Gui", "libQt6Widgets", "tablewright-gui"}), QString());
    }

    // A binary copied without its modules says which one is missing.
    void missingModulesAreNamed()
    {
        const QString lonely = m_dir.filePath(QStringLiteral("lonely/tablewright"));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("lonely")));
        QVERIFY(QFile::copy(QStringLiteral(TW_APP_BINARY), lonely));
        const Run serve = test::runApp(lonely, {QStringLiteral("serve")});
        QCOMPARE(serve.exitCode, 1);
        QVERIFY2(serve.err.contains(QLatin1String("the module tablewright-serve.so was not found")), qPrintable(serve.err));
        const Run secret = test::runApp(lonely, {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("db")}, {},
                                        "hunter2\n");
        QCOMPARE(secret.exitCode, 1);
        QVERIFY2(secret.err.contains(QLatin1String("keychain is not available"))
                     && secret.err.contains(QLatin1String("tablewright-keychain.so was not found")),
                 qPrintable(secret.err));
        QVERIFY(!secret.err.contains(QLatin1String("hunter2")));
        const Run version = test::runApp(lonely, {QStringLiteral("version")});
        QCOMPARE(version.exitCode, 0);
    }

    void versionPrintsTheVersion()
    {
        const Run run = runApp({QStringLiteral("version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("tablewright " TW_VERSION)), qPrintable(run.out));
    }

    // Output that cannot be written (a full disk) fails the command, with
    // the reason, instead of exiting 0 with nothing delivered.
    void unwritableOutputFails()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full");
        QProcess process;
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        process.start(QStringLiteral(TW_APP_BINARY), {QStringLiteral("version")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1);
        const QByteArray why = process.readAllStandardError();
        QVERIFY2(why.contains("could not write the output"), why.constData());
    }

    void checkUsesTheKeychainPassword()
    {
        auto pg = test::postgresProfile();
        TW_REQUIRE_SERVICE(pg.has_value(), "PostgreSQL (TW_TEST_PG_PORT)");
        TW_REQUIRE_SERVICE(qEnvironmentVariable("TW_TEST_KEYRING") == QLatin1String("1"), "keyring");

        const QString name = QStringLiteral("cli-pg-%1").arg(QCoreApplication::applicationPid());
        QFile lite(m_dir.filePath(QStringLiteral("lite.sqlite")));
        QVERIFY(lite.open(QIODevice::WriteOnly));
        lite.close();
        const QString config = m_dir.filePath(QStringLiteral("config.yaml"));
        QVERIFY(writeFile(config, QStringLiteral(
            "connections:\n"
            "  - name: %1\n"
            "    driver: postgres\n"
            "    host: 127.0.0.1\n"
            "    port: %2\n"
            "    database: %3\n"
            "    user: %4\n"
            "    sslmode: disable\n"
            "  - name: lite\n"
            "    driver: sqlite\n"
            "    file: lite.sqlite\n")
            .arg(name).arg(pg->port).arg(pg->database, pg->user).toUtf8()));

        // No password stored yet: the server refuses, check says DOWN, exit 1.
        Run down = runApp({QStringLiteral("check"), QStringLiteral("--config"), config});
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.out.contains(name + QStringLiteral("\tDOWN\tDB_UNAVAILABLE")), qPrintable(down.out));
        QVERIFY(down.out.contains(QStringLiteral("lite\tup")));

        const Run stored = runApp({QStringLiteral("secret"), QStringLiteral("set"), name}, pg->password.toUtf8() + '\n');
        QVERIFY2(stored.exitCode == 0, qPrintable(stored.err));
        QVERIFY(!stored.err.contains(pg->password));

        const Run up = runApp({QStringLiteral("check"), QStringLiteral("--config"), config, QStringLiteral("--json")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        const auto doc = QJsonDocument::fromJson(up.out.toUtf8());
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), 2);
        for (const auto &entry : doc.array())
            QVERIFY2(entry.toObject().value(QStringLiteral("up")).toBool(), qPrintable(up.out));
        QVERIFY(!up.out.contains(pg->password));
        QVERIFY(!up.err.contains(pg->password));

        const Run removed = runApp({QStringLiteral("secret"), QStringLiteral("delete"), name});
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(runApp({QStringLiteral("check"), QStringLiteral("--config"), config}).exitCode, 1);
    }

    void checkReportsUnreachableServer()
    {
        const QString config = m_dir.filePath(QStringLiteral("unreachable.yaml"));
        QVERIFY(writeFile(config, QStringLiteral(
            "connections:\n"
            "  - name: nowhere\n"
            "    driver: postgres\n"
            "    host: 127.0.0.1\n"
            "    port: %1\n"
            "    database: x\n").arg(test::closedPort()).toUtf8()));
        const Run run = runApp({QStringLiteral("check"), QStringLiteral("--config"), config});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QLatin1String("nowhere\tDOWN\tDB_UNAVAILABLE: connection 'nowhere'")), qPrintable(run.out));
    }

    void badConfigExitsTwoWithoutEchoingSecrets()
    {
        const QString config = m_dir.filePath(QStringLiteral("bad.yaml"));
        QVERIFY(writeFile(config, QByteArrayLiteral(
            "connections:\n"
            "  - name: leaky\n"
            "    driver: postgres\n"
            "    host: 127.0.0.1\n"
            "    database: x\n"
            "    password: Hunter2-Very-Secret\n")));
        const Run run = runApp({QStringLiteral("check"), QStringLiteral("--config"), config});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("connections[0].password")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String("Hunter2")));
        QVERIFY(!run.out.contains(QLatin1String("Hunter2")));
    }

    void unknownSubcommandActionIsRefused()
    {
        const Run run = runApp({QStringLiteral("secret"), QStringLiteral("show"), QStringLiteral("x")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("usage")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

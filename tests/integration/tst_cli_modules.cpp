// The binary's modules (app/ModuleLoader.h): where they are looked for, and
// what happens when one is missing, broken, from another build, or planted
// in the working directory. Modules are built here with the C compiler.
#include "AppRun.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// A shared object named `name` in `dir` from C `source`; empty without a compiler.
QString compileModule(const QString &dir, const QString &name, const QByteArray &source)
{
    const QString c = dir + u'/' + name + QStringLiteral(".c");
    if (!writeFile(c, source))
        return {};
    const QString out = dir + u'/' + name;
    QProcess cc;
    cc.start(QStringLiteral("cc"), {QStringLiteral("-shared"), QStringLiteral("-fPIC"), QStringLiteral("-o"), out, c});
    if (!cc.waitForFinished(60000) || cc.exitCode() != 0)
        return {};
    return out;
}

} // namespace

class TestCliModules : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The binary copied alone into a folder of its own.
    QString lonelyBinary(const QString &name)
    {
        const QString dir = m_dir.filePath(name);
        QDir().mkpath(dir);
        const QString copy = dir + QStringLiteral("/tablewright");
        return QFile::copy(QStringLiteral(TW_APP_BINARY), copy) ? copy : QString();
    }

private slots:
    void aBrokenModuleIsNamedAsBroken_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("why");
        QTest::newRow("not a shared object") << QByteArray() << QStringLiteral("could not be loaded");
        QTest::newRow("no version") << QByteArray("int tablewright_run_serve(void) { return 0; }\n")
                                    << QStringLiteral("another build of tablewright (version unknown");
        QTest::newRow("another version")
            << QByteArray("const char *tablewright_module_version(void) { return \"0.0.1\"; }\n"
                          "int tablewright_run_serve(void) { return 0; }\n")
            << QStringLiteral("another build of tablewright (version 0.0.1, this binary " TW_VERSION ")");
        QTest::newRow("no entry point")
            << QByteArray("const char *tablewright_module_version(void) { return \"" TW_VERSION "\"; }\n")
            << QStringLiteral("it has no tablewright_run_serve");
    }
    void aBrokenModuleIsNamedAsBroken()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, why);
        const QString binary = lonelyBinary(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY(!binary.isEmpty());
        const QString dir = QFileInfo(binary).absolutePath();
        if (source.isEmpty())
            QVERIFY(writeFile(dir + QStringLiteral("/tablewright-serve.so"), "this is not ELF\n"));
        else if (compileModule(dir, QStringLiteral("tablewright-serve.so"), source).isEmpty())
            QSKIP("no C compiler");
        const test::AppRun run = test::runApp(binary, {QStringLiteral("serve")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(dir + QStringLiteral("/tablewright-serve.so")) && run.err.contains(why), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("was not found")), qPrintable(run.err));
    }

    // Without /proc the binary's folder is unknown: no module is looked for
    // in the working directory instead (a checkout someone else wrote).
    void modulesAreNeverLoadedFromTheWorkingDirectory()
    {
        const QString cwd = m_dir.filePath(QStringLiteral("planted"));
        QVERIFY(QDir().mkpath(cwd));
        if (compileModule(cwd, QStringLiteral("tablewright-serve.so"),
                          "#include <stdio.h>\n"
                          "const char *tablewright_module_version(void) { return \"" TW_VERSION "\"; }\n"
                          "int tablewright_run_serve(void) { puts(\"PLANTED\"); return 42; }\n")
                .isEmpty())
            QSKIP("no C compiler");
        QProcess probe;
        probe.start(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("true")});
        if (!probe.waitForFinished(10000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            QSKIP("no user and mount namespaces here");
        // /proc hidden under an empty tmpfs, in a namespace of this run only.
        QProcess run;
        run.setWorkingDirectory(cwd);
        run.start(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"),
                                              QStringLiteral("mount -t tmpfs none /proc && exec \"$0\" serve"),
                                              QStringLiteral(TW_APP_BINARY)});
        QVERIFY(run.waitForFinished(30000));
        const QString out = QString::fromLocal8Bit(run.readAllStandardOutput());
        const QString err = QString::fromLocal8Bit(run.readAllStandardError());
        QVERIFY2(!out.contains(QLatin1String("PLANTED")) && run.exitCode() == 1, qPrintable(out + err));
        QVERIFY2(err.contains(QLatin1String("/proc/self/exe cannot be read")), qPrintable(err));
    }

    // A (relative) symlink to the binary finds the modules beside the real one.
    void aSymlinkedBinaryFindsItsModules()
    {
        const QString dir = m_dir.filePath(QStringLiteral("links"));
        QVERIFY(QDir().mkpath(dir));
        const QString link = dir + QStringLiteral("/tw");
        QVERIFY(QFile::link(QDir(dir).relativeFilePath(QStringLiteral(TW_APP_BINARY)), link));
        const test::AppRun run = test::runApp(link, {QStringLiteral("serve"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("--listen")), qPrintable(run.out + run.err));
    }

    // Each module exports its entry point and its version, not its copy of core.
    void modulesExportOnlyTheirEntryPoints_data()
    {
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("entry");
        QTest::newRow("serve") << QStringLiteral("tablewright-serve.so") << QStringLiteral("tablewright_run_serve");
        QTest::newRow("keychain") << QStringLiteral("tablewright-keychain.so") << QStringLiteral("tablewright_keychain_store");
        QTest::newRow("gui") << QStringLiteral("tablewright-gui.so") << QStringLiteral("tablewright_run_gui");
    }
    void modulesExportOnlyTheirEntryPoints()
    {
        QFETCH(QString, module);
        QFETCH(QString, entry);
        QProcess nm;
        nm.start(QStringLiteral("nm"), {QStringLiteral("-D"), QStringLiteral("--defined-only"),
                                        QFileInfo(QStringLiteral(TW_APP_BINARY)).absolutePath() + u'/' + module});
        if (!nm.waitForFinished(30000) || nm.exitStatus() != QProcess::NormalExit)
            QSKIP("no nm");
        QCOMPARE(nm.exitCode(), 0);
        QStringList ours;
        for (const QByteArray &line : nm.readAllStandardOutput().split('\n')) {
            const QString symbol = QString::fromLatin1(line.split(' ').last());
            // Ours: C entry points and anything in namespace tw or libpq's names.
            if (symbol.startsWith(QLatin1String("tablewright_")) || symbol.contains(QLatin1String("N2tw"))
                || symbol.startsWith(QLatin1String("PQ")))
                ours << symbol;
        }
        ours.sort();
        QStringList expected{entry, QStringLiteral("tablewright_module_version")};
        expected.sort();
        QCOMPARE(ours, expected);
    }
};

QTEST_GUILESS_MAIN(TestCliModules)
#include "tst_cli_modules.moc"

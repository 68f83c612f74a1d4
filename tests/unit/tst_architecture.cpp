// The layering rules of DESIGN.md, checked on the source tree: the front
// doors (ui/, app/, core/http/) never hold a db::Session or SQL text, and
// core/ never touches widgets.
#include "TestEnv.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace {

struct Finding
{
    QString file;
    int line;
    QString text;
};

// String literals of one line of C++ (good enough: our sources keep
// literals on one line and never nest quotes without escapes).
QStringList literalsOf(const QString &line)
{
    static const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    QStringList found;
    auto it = literal.globalMatch(line);
    while (it.hasNext())
        found << it.next().captured(1);
    return found;
}

bool looksLikeSql(const QString &text)
{
    // Upper-case keywords in statement shapes, so UI text such as
    // "Select a table" is not mistaken for SQL.
    static const QRegularExpression sql(QStringLiteral(
        R"(\bSELECT\s+\S.*\bFROM\b|\bSELECT\s+\d|\bINSERT\s+INTO\b|\bUPDATE\s+[\w\x22.]+\s+SET\b|\bDELETE\s+FROM\b|)"
        R"(\b(CREATE|ALTER|DROP)\s+(TABLE|INDEX|VIEW|SCHEMA|SEQUENCE|TRIGGER|FUNCTION)\b|\bPRAGMA\s+\w+|\bWITH\s+RECURSIVE\b)"));
    return sql.match(text).hasMatch();
}

QList<Finding> scan(const QString &dir, const std::function<QString(const QString &line)> &check)
{
    QList<Finding> findings;
    QDirIterator it(dir, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        int number = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine());
            ++number;
            const QString problem = check(line);
            if (!problem.isEmpty())
                findings.append({path, number, problem});
        }
    }
    return findings;
}

QString frontDoorProblem(const QString &line)
{
    static const QRegularExpression sessionInclude(QStringLiteral(R"(#\s*include\s*["<]db/(Session|Rows|Transaction|StatementCache)\.h[">])"));
    static const QRegularExpression sessionUse(QStringLiteral(R"(\bdb::Session\b|\bSession\s*&)"));
    if (sessionInclude.match(line).hasMatch())
        return QStringLiteral("includes a db job header: ") + line.trimmed();
    if (sessionUse.match(line).hasMatch())
        return QStringLiteral("builds a pool job (db::Session): ") + line.trimmed();
    for (const QString &literal : literalsOf(line)) {
        if (looksLikeSql(literal))
            return QStringLiteral("SQL text: ") + literal;
    }
    return {};
}

QString report(const QList<Finding> &findings)
{
    QStringList lines;
    for (const auto &f : findings)
        lines << QStringLiteral("%1:%2: %3").arg(f.file).arg(f.line).arg(f.text);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestArchitecture : public QObject
{
    Q_OBJECT

private slots:
    void detectorRecognisesSqlAndNotProse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("sql");
        QTest::newRow("select") << QStringLiteral("SELECT n.nspname, c.relname FROM pg_class c") << true;
        QTest::newRow("select star") << QStringLiteral("SELECT * FROM t") << true;
        QTest::newRow("select function") << QStringLiteral("SELECT count(*) FROM t") << true;
        QTest::newRow("select constant") << QStringLiteral("SELECT 1") << true;
        QTest::newRow("insert") << QStringLiteral("INSERT INTO t VALUES (?)") << true;
        QTest::newRow("update") << QStringLiteral("UPDATE \"t\" SET a = ?") << true;
        QTest::newRow("delete") << QStringLiteral("DELETE FROM t WHERE id = ?") << true;
        QTest::newRow("create") << QStringLiteral("CREATE TABLE x (a int)") << true;
        QTest::newRow("pragma") << QStringLiteral("PRAGMA foreign_keys") << true;
        QTest::newRow("ui prose") << QStringLiteral("Select a table to see its rows") << false;
        QTest::newRow("menu") << QStringLiteral("&Delete Row") << false;
        QTest::newRow("update prose") << QStringLiteral("Update available") << false;
    }

    void detectorRecognisesSqlAndNotProse()
    {
        QFETCH(QString, text);
        QFETCH(bool, sql);
        QCOMPARE(looksLikeSql(text), sql);
    }

    void frontDoorLineChecks()
    {
        QVERIFY(!frontDoorProblem(QStringLiteral("#include \"db/Session.h\"")).isEmpty());
        QVERIFY(!frontDoorProblem(QStringLiteral("pool->run([](db::Session &s) { return f(s); });")).isEmpty());
        QVERIFY(!frontDoorProblem(QStringLiteral("q = QStringLiteral(\"SELECT count(*) FROM t\");")).isEmpty());
        QVERIFY(frontDoorProblem(QStringLiteral("#include \"catalog/CatalogService.h\"")).isEmpty());
        QVERIFY(frontDoorProblem(QStringLiteral("tr(\"Select a connection\")")).isEmpty());
    }

    void frontDoorsHoldNoSessionsAndNoSql_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::newRow("ui") << QStringLiteral("ui");
        QTest::newRow("app") << QStringLiteral("app");
        QTest::newRow("core/http") << QStringLiteral("core/http");
    }

    void frontDoorsHoldNoSessionsAndNoSql()
    {
        QFETCH(QString, dir);
        const QString path = QDir(tw::test::sourceDir()).absoluteFilePath(dir);
        if (!QFileInfo::exists(path)) {
            QVERIFY2(dir == QLatin1String("core/http"), qPrintable(path + QStringLiteral(" is missing")));
            return; // the HTTP server arrives with its own issue
        }
        const auto findings = scan(path, frontDoorProblem);
        QVERIFY2(findings.isEmpty(), qPrintable(report(findings)));
    }

    void coreNeverUsesWidgets()
    {
        static const QRegularExpression widgets(QStringLiteral(R"(#\s*include\s*<(QtWidgets/|QWidget|QApplication|QMainWindow|QDialog|QMessageBox|QTreeView))"));
        const auto findings = scan(QDir(tw::test::sourceDir()).absoluteFilePath(QStringLiteral("core")), [](const QString &line) {
            return widgets.match(line).hasMatch() ? line.trimmed() : QString();
        });
        QVERIFY2(findings.isEmpty(), qPrintable(report(findings)));
    }

    // Qt 6.4's QFuture::then can run a continuation twice when a worker
    // finishes the future while it is attached (core/async/Then.h); whenAll,
    // unwrap and onCanceled attach such continuations too.
    void continuationsGoThroughAsyncThen()
    {
        static const QRegularExpression risky(QStringLiteral(R"(\.then\(|\.unwrap\(|\.on(Canceled|Failed)\(|QtFuture::when(All|Any)\b)"));
        QList<Finding> findings;
        for (const char *dir : {"core", "ui", "app"}) {
            findings << scan(QDir(tw::test::sourceDir()).absoluteFilePath(QString::fromLatin1(dir)), [](const QString &line) {
                const QString code = line.trimmed();
                if (code.startsWith(u"//"))
                    return QString();
                return risky.match(code).hasMatch() ? code : QString();
            });
        }
        QVERIFY2(findings.isEmpty(), qPrintable(report(findings)));
    }
};

QTEST_GUILESS_MAIN(TestArchitecture)
#include "tst_architecture.moc"

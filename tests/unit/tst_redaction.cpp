#include "log/Categories.h"
#include "log/JsonLog.h"
#include "log/Redactor.h"

#include <QBuffer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using tw::log::redact;

namespace {

const char *kSecret = "S3cr3t-value";

QJsonObject parseLine(const QByteArray &line, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

} // namespace

class TstRedaction : public QObject
{
    Q_OBJECT

private slots:
    void secretsAreRedacted_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString s = QString::fromLatin1(kSecret);

        QTest::newRow("libpq unquoted") << "host=db password=" + s + " dbname=x"
                                        << "host=db password=*** dbname=x";
        QTest::newRow("libpq quoted") << "host=db password='a b\\' " + s + "' user=u"
                                      << "host=db password=*** user=u";
        QTest::newRow("libpq spaces around =") << "password = " + s << "password = ***";
        QTest::newRow("libpq upper case") << "PASSWORD=" + s << "PASSWORD=***";
        QTest::newRow("env var") << "PGPASSWORD=" + s + " psql" << "PGPASSWORD=*** psql";
        QTest::newRow("json") << "{\"user\":\"bob\",\"password\":\"" + s + "\"}"
                              << "{\"user\":\"bob\",\"password\":\"***\"}";
        QTest::newRow("json spaced") << "{ \"Password\" : \"" + s + "\\\"x\" }"
                                     << "{ \"Password\" : \"***\" }";
        QTest::newRow("json escaped in string") << "body={\\\"password\\\":\\\"" + s + "\\\"}"
                                                << "body={\\\"password\\\":\\\"***\\\"}";
        QTest::newRow("yaml") << "password: " + s << "password: ***";
        QTest::newRow("yaml quoted") << "  db_password: '" + s + "'" << "  db_password: '***'";
        QTest::newRow("yaml multi word stays hidden") << "password: correct horse " + s << "password: ***";
        QTest::newRow("url userinfo") << "postgres://user:" + s + "@db.local:5432/app"
                                      << "postgres://user:***@db.local:5432/app";
        QTest::newRow("url userinfo postgresql") << "connecting to POSTGRESQL://u:" + s + "@[::1]/d now"
                                                 << "connecting to POSTGRESQL://u:***@[::1]/d now";
        QTest::newRow("authorization bearer") << "Authorization: Bearer " + s << "Authorization: Bearer ***";
        QTest::newRow("authorization basic") << "authorization: basic dXNlcjpwYXNz" << "authorization: basic ***";
        QTest::newRow("authorization json") << "{\"Authorization\":\"Bearer " + s + "\"}"
                                            << "{\"Authorization\":\"Bearer ***\"}";
        QTest::newRow("bearer alone") << "sent bearer " + s + " to idp" << "sent bearer *** to idp";
        QTest::newRow("jwt") << "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl rejected"
                             << "token *** rejected";
        QTest::newRow("jwt alg none") << "got eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. from client"
                                      << "got *** from client";
        QTest::newRow("client_secret form") << "grant_type=client_credentials&client_secret=" + s + "&scope=x"
                                            << "grant_type=client_credentials&client_secret=***&scope=x";
        QTest::newRow("client_secret first") << "client_secret=" + s << "client_secret=***";
        QTest::newRow("token param") << "GET /cb?token=" + s + "&state=1" << "GET /cb?token=***&state=1";
        QTest::newRow("access_token") << "https://x/y?a=1&access_token=" + s << "https://x/y?a=1&access_token=***";
        QTest::newRow("refresh_token") << "/t?REFRESH_TOKEN=" + s + "#frag" << "/t?REFRESH_TOKEN=***#frag";
        QTest::newRow("id_token") << "/logout?id_token=" + s + " done" << "/logout?id_token=*** done";
    }

    void secretsAreRedacted()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QString out = redact(input);
        QCOMPARE(out, expected);
        QVERIFY(!out.contains(QLatin1String(kSecret)));
    }

    void nonSecretsUntouched_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("plain") << "connected to chinook in 12 ms";
        QTest::newRow("url without password") << "postgres://admin@db.local:5432/app?sslmode=require";
        QTest::newRow("url with port and @ in path") << "https://host:8080/users/a@b.c";
        QTest::newRow("conninfo without password") << "host=db port=5432 dbname=app user=bob";
        QTest::newRow("json other keys") << "{\"user\":\"bob\",\"rows\":12}";
        QTest::newRow("query other params") << "/rest/pg/albums?select=id,title&limit=50&offset=100";
        QTest::newRow("words") << "password authentication failed for user \"bob\"";
        QTest::newRow("token count") << "max_tokens=5 passwordless=true";
        QTest::newRow("authorization word") << "authorization failed for role admin";
        QTest::newRow("eyJ word") << "eyJust kidding.not a token";
        QTest::newRow("empty") << "";
    }

    void nonSecretsUntouched()
    {
        QFETCH(QString, input);
        QCOMPARE(redact(input), input);
    }

    void redactIsIdempotent()
    {
        const QString once = redact(QStringLiteral("password=x Authorization: Bearer y postgres://a:b@c/d ?token=z"));
        QCOMPARE(redact(once), once);
        QCOMPARE(once, QStringLiteral("password=*** Authorization: Bearer *** postgres://a:***@c/d ?token=***"));
    }

    void longInputStaysLinear()
    {
        // A large base64 blob and a long URL-ish line: the patterns must not
        // rescan them from every starting position (quadratic time).
        const QString blob = QString(256 * 1024, QLatin1Char('A'));
        const QString input = QStringLiteral("payload=") + blob + QStringLiteral(" x://") + blob
            + QStringLiteral(" \"") + blob + QStringLiteral(" password: hidden");
        QElapsedTimer timer;
        timer.start();
        const QString out = redact(input);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(out.endsWith(QLatin1String("password: ***")));
        QVERIFY(out.startsWith(QLatin1String("payload=AAAA")));
    }

    void formatLogRecordIsJson()
    {
        const QMessageLogContext context("src/foo.cpp", 42, "void foo()", "tablewright.config");
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const QByteArray line = tw::log::formatLogRecord(
            QtWarningMsg, context, QStringLiteral("connect failed: postgres://u:%1@h/db").arg(QLatin1String(kSecret)));
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        bool ok = false;
        const QJsonObject o = parseLine(line, &ok);
        QVERIFY2(ok, line.constData());
        QCOMPARE(o.value(QLatin1String("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(o.value(QLatin1String("category")).toString(), QStringLiteral("tablewright.config"));
        QCOMPARE(o.value(QLatin1String("msg")).toString(), QStringLiteral("connect failed: postgres://u:***@h/db"));
        QCOMPARE(o.value(QLatin1String("file")).toString(), QStringLiteral("src/foo.cpp"));
        QCOMPARE(o.value(QLatin1String("line")).toInt(), 42);
        QCOMPARE(o.value(QLatin1String("function")).toString(), QStringLiteral("void foo()"));
        QVERIFY(o.value(QLatin1String("thread")).toDouble() > 0);
        QVERIFY(!line.contains(kSecret));

        const QString ts = o.value(QLatin1String("ts")).toString();
        QVERIFY2(ts.endsWith(QLatin1Char('Z')), qPrintable(ts));
        QVERIFY2(ts.contains(QLatin1Char('.')), qPrintable(ts));   // milliseconds
        const QDateTime parsed = QDateTime::fromString(ts, Qt::ISODateWithMs);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
        QVERIFY(parsed >= before && parsed <= QDateTime::currentDateTimeUtc().addMSecs(1));
    }

    void formatLogRecordOmitsMissingContext()
    {
        const QMessageLogContext empty;
        bool ok = false;
        const QJsonObject o = parseLine(tw::log::formatLogRecord(QtDebugMsg, empty, QStringLiteral("a\"b\nc")), &ok);
        QVERIFY(ok);
        QVERIFY(!o.contains(QLatin1String("file")));
        QVERIFY(!o.contains(QLatin1String("line")));
        QVERIFY(!o.contains(QLatin1String("function")));
        QCOMPARE(o.value(QLatin1String("level")).toString(), QStringLiteral("debug"));
        QCOMPARE(o.value(QLatin1String("category")).toString(), QStringLiteral("default"));
        QCOMPARE(o.value(QLatin1String("msg")).toString(), QStringLiteral("a\"b\nc"));
    }

    void levels_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("level");
        QTest::newRow("debug") << int(QtDebugMsg) << "debug";
        QTest::newRow("info") << int(QtInfoMsg) << "info";
        QTest::newRow("warning") << int(QtWarningMsg) << "warning";
        QTest::newRow("critical") << int(QtCriticalMsg) << "critical";
        QTest::newRow("fatal") << int(QtFatalMsg) << "fatal";
    }

    void levels()
    {
        QFETCH(int, type);
        QFETCH(QString, level);
        bool ok = false;
        const QJsonObject o = parseLine(tw::log::formatLogRecord(QtMsgType(type), QMessageLogContext(), QString()), &ok);
        QVERIFY(ok);
        QCOMPARE(o.value(QLatin1String("level")).toString(), level);
    }

    void installedHandlerWritesJsonLines()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(!tw::log::isJsonLogHandlerInstalled());
        tw::log::installJsonLogHandler(&buffer);
        QVERIFY(tw::log::isJsonLogHandlerInstalled());
        QLoggingCategory::setFilterRules(QStringLiteral("tablewright.*=true"));
        qCInfo(lcConfig).noquote() << "loaded from" << "postgres://u:" + QString::fromLatin1(kSecret) + "@h/db";
        qCWarning(lcDb) << "second";
        tw::log::uninstallJsonLogHandler();
        QVERIFY(!tw::log::isJsonLogHandlerInstalled());
        qCInfo(lcConfig) << "after uninstall";   // must not reach the buffer
        QLoggingCategory::setFilterRules(QString());

        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.size(), 3);           // two records and the empty tail
        QVERIFY(lines.at(2).isEmpty());
        bool ok = false;
        const QJsonObject first = parseLine(lines.at(0), &ok);
        QVERIFY2(ok, lines.at(0).constData());
        QCOMPARE(first.value(QLatin1String("level")).toString(), QStringLiteral("info"));
        QCOMPARE(first.value(QLatin1String("category")).toString(), QStringLiteral("tablewright.config"));
        QCOMPARE(first.value(QLatin1String("msg")).toString(), QStringLiteral("loaded from postgres://u:***@h/db"));
        const QJsonObject second = parseLine(lines.at(1), &ok);
        QVERIFY(ok);
        QCOMPARE(second.value(QLatin1String("category")).toString(), QStringLiteral("tablewright.db"));
        QCOMPARE(second.value(QLatin1String("level")).toString(), QStringLiteral("warning"));
        QVERIFY(!buffer.data().contains(kSecret));
    }

    void fileSinkFromManyThreads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.jsonl"));
        QString error;
        QVERIFY2(tw::log::installJsonLogHandler(path, false, &error), qPrintable(error));
        constexpr int kThreads = 4;
        constexpr int kPerThread = 200;
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads << QThread::create([t] {
                for (int i = 0; i < kPerThread; ++i)
                    qCWarning(lcPool, "thread %d message %d token=abc%d", t, i, i);
            });
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(30000));
            delete thread;
        }
        // Each line was flushed as written: readable before uninstall.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        tw::log::uninstallJsonLogHandler();
        QCOMPARE(lines.size(), kThreads * kPerThread + 1);
        QSet<double> threadIds;
        for (int i = 0; i < kThreads * kPerThread; ++i) {
            bool ok = false;
            const QJsonObject o = parseLine(lines.at(i), &ok);
            QVERIFY2(ok, lines.at(i).constData());
            QVERIFY(o.value(QLatin1String("msg")).toString().endsWith(QLatin1String("token=***")));
            threadIds.insert(o.value(QLatin1String("thread")).toDouble());
        }
        QCOMPARE(threadIds.size(), kThreads);
    }

    void unopenableFileIsReported()
    {
        QString error;
        QVERIFY(!tw::log::installJsonLogHandler(QStringLiteral("/nonexistent-dir/x/log.jsonl"), false, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!tw::log::isJsonLogHandlerInstalled());
    }
};

QTEST_GUILESS_MAIN(TstRedaction)
#include "tst_redaction.moc"

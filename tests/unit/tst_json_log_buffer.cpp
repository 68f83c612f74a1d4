// The JSON log's buffered mode (what `tablewright serve` uses for its line
// per request) and its direct formatter: lines wait at most the interval,
// a warning writes everything before it at once and in order, nothing is
// lost at flush or when buffering stops, and the direct formatter writes
// byte for byte what QJsonDocument writes.
#include "log/Categories.h"
#include "log/JsonLog.h"
#include "log/Redactor.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTest>
#include <QThread>

namespace {

QList<QJsonObject> records(const QByteArray &data)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : data.split('\n')) {
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

QStringList messages(const QByteArray &data)
{
    QStringList out;
    for (const QJsonObject &record : records(data))
        out << record.value(QLatin1String("msg")).toString();
    return out;
}

} // namespace

class TstJsonLogBuffer : public QObject
{
    Q_OBJECT

    QBuffer m_sink;

private slots:
    void init()
    {
        m_sink.close();
        m_sink.setData(QByteArray());
        QVERIFY(m_sink.open(QIODevice::WriteOnly));
        tw::log::installJsonLogHandler(&m_sink);
        QLoggingCategory::setFilterRules(QStringLiteral("tablewright.*=true"));
    }

    void cleanup()
    {
        tw::log::setJsonLogBuffering(0);
        tw::log::uninstallJsonLogHandler();
        QLoggingCategory::setFilterRules(QString());
    }

    void infoLinesWaitUntilAWarningWritesThemFirstInOrder()
    {
        tw::log::setJsonLogBuffering(60000);
        qCInfo(lcHttp) << "one";
        qCDebug(lcHttp) << "two";
        qCInfo(lcHttp) << "three";
        QCOMPARE(m_sink.data(), QByteArray());
        qCWarning(lcHttp) << "four";
        QCOMPARE(messages(m_sink.data()), (QStringList{QStringLiteral("one"), QStringLiteral("two"),
                                                       QStringLiteral("three"), QStringLiteral("four")}));
    }

    void theTimerWritesWaitingLinesWithinTheInterval()
    {
        tw::log::setJsonLogBuffering(50);
        QElapsedTimer clock;
        clock.start();
        qCInfo(lcHttp) << "waits";
        QCOMPARE(m_sink.data(), QByteArray());
        QTRY_COMPARE_WITH_TIMEOUT(messages(m_sink.data()), QStringList{QStringLiteral("waits")}, 5000);
        QVERIFY2(clock.elapsed() >= 40, qPrintable(QString::number(clock.elapsed())));
    }

    void linesFromAnotherThreadAreWrittenByTheTimer()
    {
        tw::log::setJsonLogBuffering(20);
        QThread *worker = QThread::create([] { qCInfo(lcPool) << "from a worker"; });
        worker->start();
        QVERIFY(worker->wait(5000));
        delete worker;
        QTRY_COMPARE_WITH_TIMEOUT(messages(m_sink.data()), QStringList{QStringLiteral("from a worker")}, 5000);
    }

    void flushAndStoppingBufferingLoseNothing()
    {
        tw::log::setJsonLogBuffering(60000);
        qCInfo(lcHttp) << "a";
        tw::log::flushJsonLog();
        QCOMPARE(messages(m_sink.data()), QStringList{QStringLiteral("a")});
        qCInfo(lcHttp) << "b";
        tw::log::setJsonLogBuffering(0);
        QCOMPARE(messages(m_sink.data()), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        qCInfo(lcHttp) << "c"; // unbuffered again: written at once
        QCOMPARE(messages(m_sink.data()).size(), 3);
    }

    void uninstallWritesWhatWaits()
    {
        tw::log::setJsonLogBuffering(60000);
        qCInfo(lcHttp) << "last words";
        tw::log::uninstallJsonLogHandler();
        QCOMPARE(messages(m_sink.data()), QStringList{QStringLiteral("last words")});
    }

    void aFullBufferIsWrittenWithoutWaitingForTheTimer()
    {
        tw::log::setJsonLogBuffering(60000);
        const QString filler(500, QLatin1Char('x'));
        for (int i = 0; i < 100; ++i)
            qCInfo(lcHttp).noquote() << filler;
        QVERIFY2(m_sink.data().size() >= 32 * 1024, qPrintable(QString::number(m_sink.data().size())));
        tw::log::flushJsonLog();
        QCOMPARE(messages(m_sink.data()).size(), 100);
    }

    void directFormatterWritesWhatQJsonDocumentWrites_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("withContext");
        QTest::newRow("request line") << QStringLiteral("GET /rest/default/item 200 0.3ms alice 1f0c-2a") << false;
        QTest::newRow("request line, context") << QStringLiteral("GET /rest/default/item 200 0.3ms alice 1f0c-2a") << true;
        QTest::newRow("quotes") << QStringLiteral("a \"quoted\" word") << false;
        QTest::newRow("backslash") << QStringLiteral("C:\\path") << true;
        QTest::newRow("control characters") << QStringLiteral("tab\there\nnewline\x01") << false;
        QTest::newRow("delete character") << QStringLiteral("del\x7f") << false;
        QTest::newRow("unicode") << QStringLiteral("caf\u00e9 \u2603 \U0001F600") << true;
        QTest::newRow("secret redacted") << QStringLiteral("password=hunter2 ok") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void directFormatterWritesWhatQJsonDocumentWrites()
    {
        QFETCH(QString, message);
        QFETCH(bool, withContext);
        const QMessageLogContext context(withContext ? "src/x.cpp" : nullptr, withContext ? 12 : 0,
                                         withContext ? "void f()" : nullptr, "tablewright.http");
        const QByteArray line = tw::log::formatLogRecord(QtInfoMsg, context, message);
        const QJsonObject parsed = QJsonDocument::fromJson(line).object();
        QVERIFY2(!parsed.isEmpty(), line.constData());
        // The record as QJsonDocument writes it, with the time and thread it carries.
        QJsonObject expected{{QStringLiteral("ts"), parsed.value(QLatin1String("ts"))},
                             {QStringLiteral("level"), QStringLiteral("info")},
                             {QStringLiteral("category"), QStringLiteral("tablewright.http")},
                             {QStringLiteral("msg"), tw::log::redact(message)},
                             {QStringLiteral("thread"), parsed.value(QLatin1String("thread")).toInteger()}};
        if (withContext) {
            expected.insert(QStringLiteral("file"), QStringLiteral("src/x.cpp"));
            expected.insert(QStringLiteral("line"), 12);
            expected.insert(QStringLiteral("function"), QStringLiteral("void f()"));
        }
        QCOMPARE(line, QJsonDocument(expected).toJson(QJsonDocument::Compact) + '\n');
        // The time as QDateTime writes it, and now.
        const QString ts = parsed.value(QLatin1String("ts")).toString();
        const QDateTime time = QDateTime::fromString(ts, Qt::ISODateWithMs);
        QCOMPARE(time.toUTC().toString(Qt::ISODateWithMs), ts);
        QVERIFY2(qAbs(time.msecsTo(QDateTime::currentDateTimeUtc())) < 5000, qPrintable(ts));
    }
};

QTEST_GUILESS_MAIN(TstJsonLogBuffer)
#include "tst_json_log_buffer.moc"

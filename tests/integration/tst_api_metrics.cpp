// A realistic /metrics scrape — ApiMetrics reading a real SQLite pool from
// the ConnectionRegistry and a real HealthMonitor, plus recorded requests —
// checked by Prometheus' own linter, `promtool check metrics`.
#include "TestEnv.h"
#include "db/ConnectionRegistry.h"
#include "http/metrics/ApiMetrics.h"
#include "monitor/HealthMonitor.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;
using http::metrics::ApiMetrics;

namespace {

struct PromtoolRun
{
    bool started = false;
    int exitCode = -1;
    QByteArray output; // stdout and stderr: lint findings and errors
};

PromtoolRun promtoolCheck(const QString &promtool, const QByteArray &exposition)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    PromtoolRun run;
    if (!process.waitForStarted(10000))
        return run;
    run.started = true;
    process.write(exposition);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = process.readAll();
    return run;
}

} // namespace

class TestApiMetrics : public QObject
{
    Q_OBJECT

    QString m_promtool;

private slots:
    void initTestCase()
    {
        m_promtool = tw::test::promtoolPath();
    }

    void scrapeOfLivePoolsAndRequestsPassesPromtool()
    {
        TW_REQUIRE_SERVICE(!m_promtool.isEmpty(), "promtool (tools/fetch-promtool.sh)");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("metrics.sqlite"));
        QFile create(file);
        QVERIFY(create.open(QIODevice::WriteOnly));
        create.close();

        db::ConnectionRegistry registry;
        monitor::HealthMonitor health(&registry);
        const auto opened = registry.open(test::sqliteProfile(file, QStringLiteral("lite")));
        QVERIFY(test::waitFor(opened));
        QVERIFY(opened.result().ok());

        constexpr int kJobs = 20;
        auto pool = registry.pool(QStringLiteral("lite"));
        QVERIFY(pool);
        for (int i = 0; i < kJobs; ++i) {
            const auto value = test::resultOf(pool->run([](db::Session &session) {
                return session.scalar(QStringLiteral("SELECT 1"));
            }));
            QVERIFY(value.ok());
        }
        QSignalSpy probed(&health, &monitor::HealthMonitor::finished);
        health.probeAll();
        // A probe that answers before probeAll() returns finishes the round at once.
        QVERIFY(probed.count() == 1 || probed.wait(5000));

        ApiMetrics metrics;
        metrics.watchPools(&registry);
        metrics.watchHealth(&health);
        const QString rows = QStringLiteral("/rest/{connection}/{table}");
        for (int i = 0; i < 5; ++i) {
            metrics.requestStarted();
            metrics.requestFinished(rows, QStringLiteral("GET"), 200, 0.003 * (i + 1));
        }
        metrics.requestStarted();
        metrics.requestFinished(rows, QStringLiteral("PATCH"), 409, 0.04);
        metrics.requestStarted();
        metrics.requestFinished(QStringLiteral("unmatched"), QStringLiteral("GET"), 404, 0.0002);
        metrics.requestStarted(); // still running at scrape time
        metrics.authFailure(QStringLiteral("invalid_token"));
        metrics.authFailure(QStringLiteral("insufficient_scope"));
        metrics.rateLimited();

        const QByteArray text = metrics.exposition();
        // The pool's own numbers, in seconds where the pool keeps milliseconds.
        QVERIFY(text.contains("\ntablewright_pool_connections{connection=\"lite\",state=\"busy\"} "));
        QVERIFY(text.contains("\ntablewright_pool_connections{connection=\"lite\",state=\"idle\"} "));
        QVERIFY(text.contains("\ntablewright_pool_size{connection=\"lite\"} "));
        QVERIFY(text.contains("\ntablewright_pool_acquire_timeouts_total{connection=\"lite\"} 0\n"));
        QVERIFY(text.contains("\ntablewright_pool_acquire_duration_seconds_bucket{connection=\"lite\",le=\"0.001\"} "));
        QVERIFY(text.contains("\ntablewright_pool_acquire_duration_seconds_bucket{connection=\"lite\",le=\"5\"} "));
        const db::PoolStats stats = pool->stats();
        QVERIFY(stats.acquireLatency.count() >= quint64(kJobs));
        QVERIFY(text.contains("\ntablewright_pool_acquire_duration_seconds_count{connection=\"lite\"} "
                              + QByteArray::number(stats.acquireLatency.count()) + '\n'));
        QVERIFY(text.contains("\ntablewright_pool_connections_opened_total{connection=\"lite\"} "));
        QVERIFY(text.contains("\ntablewright_health_up{connection=\"lite\"} 1\n"));
        QVERIFY(text.contains("\ntablewright_health_latency_seconds{connection=\"lite\"} "));
        QVERIFY(text.contains("\ntablewright_http_requests_in_flight 1\n"));
        QVERIFY(text.contains("\ntablewright_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"));

        const PromtoolRun run = promtoolCheck(m_promtool, text);
        QVERIFY2(run.started, "promtool did not start");
        QVERIFY2(run.exitCode == 0 && run.output.trimmed().isEmpty(),
                 qPrintable(QStringLiteral("promtool exit %1: %2\n--- scrape ---\n%3")
                                .arg(run.exitCode)
                                .arg(QString::fromUtf8(run.output), QString::fromUtf8(text))));

        // A closed connection leaves the scrape.
        registry.close(QStringLiteral("lite"));
        const QByteArray after = metrics.exposition();
        QVERIFY(!after.contains("tablewright_pool_size{connection=\"lite\"}"));
        QVERIFY(!after.contains("tablewright_health_up{connection=\"lite\"}"));
        QVERIFY(after.contains("\ntablewright_http_requests_in_flight 1\n"));
    }

    // Before any request or connection: families with no series yet.
    void scrapeOfAFreshServerPassesPromtool()
    {
        TW_REQUIRE_SERVICE(!m_promtool.isEmpty(), "promtool (tools/fetch-promtool.sh)");
        db::ConnectionRegistry registry;
        ApiMetrics metrics;
        metrics.watchPools(&registry);
        const QByteArray text = metrics.exposition();
        QVERIFY(text.contains("# TYPE tablewright_pool_connections gauge\n"));
        const PromtoolRun run = promtoolCheck(m_promtool, text);
        QVERIFY(run.started);
        QVERIFY2(run.exitCode == 0 && run.output.trimmed().isEmpty(), run.output.constData());
    }

    // The check above can fail: promtool does flag what our names avoid.
    void promtoolFlagsBadNames()
    {
        TW_REQUIRE_SERVICE(!m_promtool.isEmpty(), "promtool (tools/fetch-promtool.sh)");
        const PromtoolRun run = promtoolCheck(m_promtool, "# HELP tablewright_requests Requests.\n"
                                                          "# TYPE tablewright_requests counter\n"
                                                          "tablewright_requests 1\n");
        QVERIFY(run.started);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.output.contains("_total"), run.output.constData());
    }
};

QTEST_GUILESS_MAIN(TestApiMetrics)
#include "tst_api_metrics.moc"

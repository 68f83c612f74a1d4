// The Prometheus text exposition (format 0.0.4) rendered by MetricsRegistry:
// exact text for each metric type, escaping, refused updates, collectors,
// and counts that stay exact under concurrent updates and scrapes.
#include "http/metrics/ApiMetrics.h"
#include "http/metrics/MetricsRegistry.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace tw;
using http::metrics::ApiMetrics;
using http::metrics::MetricsRegistry;

namespace {

QByteArray linesOf(const QByteArray &exposition, const QByteArray &prefix)
{
    QByteArray out;
    for (const QByteArray &line : exposition.split('\n')) {
        if (line.startsWith(prefix))
            out += line + '\n';
    }
    return out;
}

} // namespace

class TestMetricsRegistry : public QObject
{
    Q_OBJECT

private slots:
    void counterSeriesAreSortedByLabelValues()
    {
        MetricsRegistry registry;
        QVERIFY(registry.declareCounter(QStringLiteral("tw_requests_total"), QStringLiteral("Requests answered."),
                                        {QStringLiteral("route"), QStringLiteral("method")})
                    .ok());
        QVERIFY(registry.add(QStringLiteral("tw_requests_total"), {QStringLiteral("/b"), QStringLiteral("GET")}));
        QVERIFY(registry.add(QStringLiteral("tw_requests_total"), {QStringLiteral("/a"), QStringLiteral("POST")}, 2));
        QVERIFY(registry.add(QStringLiteral("tw_requests_total"), {QStringLiteral("/b"), QStringLiteral("GET")}));
        QCOMPARE(registry.exposition(),
                 QByteArray("# HELP tw_requests_total Requests answered.\n"
                            "# TYPE tw_requests_total counter\n"
                            "tw_requests_total{route=\"/a\",method=\"POST\"} 2\n"
                            "tw_requests_total{route=\"/b\",method=\"GET\"} 2\n"));
    }

    void unlabelledFamiliesStartAtZeroAndGaugesMoveBothWays()
    {
        MetricsRegistry registry;
        QVERIFY(registry.declareGauge(QStringLiteral("tw_in_flight"), QStringLiteral("In flight.")).ok());
        QVERIFY(registry.declareCounter(QStringLiteral("tw_limited_total"), QStringLiteral("Limited.")).ok());
        const QByteArray before = registry.exposition();
        QCOMPARE(before, QByteArray("# HELP tw_in_flight In flight.\n"
                                    "# TYPE tw_in_flight gauge\n"
                                    "tw_in_flight 0\n"
                                    "# HELP tw_limited_total Limited.\n"
                                    "# TYPE tw_limited_total counter\n"
                                    "tw_limited_total 0\n"));
        QVERIFY(registry.add(QStringLiteral("tw_in_flight")));
        QVERIFY(registry.add(QStringLiteral("tw_in_flight")));
        QVERIFY(registry.add(QStringLiteral("tw_in_flight"), {}, -1));
        QCOMPARE(linesOf(registry.exposition(), "tw_in_flight"), QByteArray("tw_in_flight 1\n"));
        QVERIFY(registry.set(QStringLiteral("tw_in_flight"), {}, 2.5));
        QCOMPARE(linesOf(registry.exposition(), "tw_in_flight"), QByteArray("tw_in_flight 2.5\n"));
        QVERIFY(registry.set(QStringLiteral("tw_in_flight"), {}, 0.00001));
        QCOMPARE(linesOf(registry.exposition(), "tw_in_flight"), QByteArray("tw_in_flight 1e-05\n"));
        QVERIFY(registry.set(QStringLiteral("tw_in_flight"), {}, 123456789012.0));
        QCOMPARE(linesOf(registry.exposition(), "tw_in_flight"), QByteArray("tw_in_flight 123456789012\n"));
    }

    void histogramBucketsAreCumulativeWithInfSumAndCount()
    {
        MetricsRegistry registry;
        QVERIFY(registry.declareHistogram(QStringLiteral("tw_latency_seconds"), QStringLiteral("Latency."),
                                          {QStringLiteral("route")}, {0.125, 0.5, 1})
                    .ok());
        // 0.125 sits on a bound: "le" means less than or equal.
        for (double v : {0.0625, 0.125, 0.25, 2.0})
            QVERIFY(registry.observe(QStringLiteral("tw_latency_seconds"), {QStringLiteral("/a")}, v));
        QCOMPARE(registry.exposition(),
                 QByteArray("# HELP tw_latency_seconds Latency.\n"
                            "# TYPE tw_latency_seconds histogram\n"
                            "tw_latency_seconds_bucket{route=\"/a\",le=\"0.125\"} 2\n"
                            "tw_latency_seconds_bucket{route=\"/a\",le=\"0.5\"} 3\n"
                            "tw_latency_seconds_bucket{route=\"/a\",le=\"1\"} 3\n"
                            "tw_latency_seconds_bucket{route=\"/a\",le=\"+Inf\"} 4\n"
                            "tw_latency_seconds_sum{route=\"/a\"} 2.4375\n"
                            "tw_latency_seconds_count{route=\"/a\"} 4\n"));
    }

    void unlabelledHistogramHasOnlyLe()
    {
        MetricsRegistry registry;
        QVERIFY(registry.declareHistogram(QStringLiteral("tw_wait_seconds"), QStringLiteral("Wait."), {}, {1}).ok());
        QVERIFY(registry.observe(QStringLiteral("tw_wait_seconds"), {}, 0.5));
        QCOMPARE(linesOf(registry.exposition(), "tw_wait_seconds"),
                 QByteArray("tw_wait_seconds_bucket{le=\"1\"} 1\n"
                            "tw_wait_seconds_bucket{le=\"+Inf\"} 1\n"
                            "tw_wait_seconds_sum 0.5\n"
                            "tw_wait_seconds_count 1\n"));
    }

    void histogramMirroredFromCumulativeCounts()
    {
        MetricsRegistry registry;
        QVERIFY(registry.declareHistogram(QStringLiteral("tw_acquire_seconds"), QStringLiteral("Acquire."),
                                          {QStringLiteral("connection")}, {0.001, 0.01})
                    .ok());
        QVERIFY(registry.setHistogram(QStringLiteral("tw_acquire_seconds"), {QStringLiteral("lite")}, {3, 5, 6}, 0.25, 6));
        QCOMPARE(linesOf(registry.exposition(), "tw_acquire_seconds"),
                 QByteArray("tw_acquire_seconds_bucket{connection=\"lite\",le=\"0.001\"} 3\n"
                            "tw_acquire_seconds_bucket{connection=\"lite\",le=\"0.01\"} 5\n"
                            "tw_acquire_seconds_bucket{connection=\"lite\",le=\"+Inf\"} 6\n"
                            "tw_acquire_seconds_sum{connection=\"lite\"} 0.25\n"
                            "tw_acquire_seconds_count{connection=\"lite\"} 6\n"));
        // Wrong length, decreasing counts, or a count that disagrees with +Inf.
        QVERIFY(!registry.setHistogram(QStringLiteral("tw_acquire_seconds"), {QStringLiteral("lite")}, {3, 5}, 0, 5));
        QVERIFY(!registry.setHistogram(QStringLiteral("tw_acquire_seconds"), {QStringLiteral("lite")}, {3, 2, 6}, 0, 6));
        QVERIFY(!registry.setHistogram(QStringLiteral("tw_acquire_seconds"), {QStringLiteral("lite")}, {3, 5, 6}, 0, 7));
    }

    void labelValuesAndHelpAreEscaped()
    {
        MetricsRegistry registry;
        QVERIFY(registry.declareCounter(QStringLiteral("tw_odd_total"),
                                        QStringLiteral("Path C:\\x \"quoted\"\nsecond line."), {QStringLiteral("table")})
                    .ok());
        QVERIFY(registry.add(QStringLiteral("tw_odd_total"), {QStringLiteral("a\\b\"c\nd é")}));
        QCOMPARE(registry.exposition(),
                 QByteArray("# HELP tw_odd_total Path C:\\\\x \"quoted\"\\nsecond line.\n"
                            "# TYPE tw_odd_total counter\n"
                            "tw_odd_total{table=\"a\\\\b\\\"c\\nd \xc3\xa9\"} 1\n"));
    }

    void invalidDeclarationsAreRefused()
    {
        MetricsRegistry registry;
        QVERIFY(!registry.declareCounter(QStringLiteral("1bad"), QStringLiteral("x")).ok());
        QVERIFY(!registry.declareCounter(QStringLiteral("bad-name"), QStringLiteral("x")).ok());
        QVERIFY(!registry.declareCounter(QStringLiteral("tw_a_total"), QStringLiteral("x"), {QStringLiteral("__reserved")}).ok());
        QVERIFY(!registry.declareCounter(QStringLiteral("tw_a_total"), QStringLiteral("x"), {QStringLiteral("a-b")}).ok());
        QVERIFY(!registry.declareCounter(QStringLiteral("tw_a_total"), QStringLiteral("x"),
                                         {QStringLiteral("a"), QStringLiteral("a")})
                     .ok());
        QVERIFY(!registry.declareHistogram(QStringLiteral("tw_h_seconds"), QStringLiteral("x"), {QStringLiteral("le")}, {1}).ok());
        QVERIFY(!registry.declareHistogram(QStringLiteral("tw_h_seconds"), QStringLiteral("x"), {}, {1, 1}).ok());
        QVERIFY(!registry.declareHistogram(QStringLiteral("tw_h_seconds"), QStringLiteral("x"), {}, {2, 1}).ok());
        QVERIFY(!registry.declareHistogram(QStringLiteral("tw_h_seconds"), QStringLiteral("x"), {},
                                           {1, std::numeric_limits<double>::infinity()})
                     .ok());
        QVERIFY(registry.exposition().isEmpty());

        QVERIFY(registry.declareGauge(QStringLiteral("tw_g"), QStringLiteral("x"), {QStringLiteral("a")}).ok());
        QVERIFY(registry.declareGauge(QStringLiteral("tw_g"), QStringLiteral("x"), {QStringLiteral("a")}).ok());
        QVERIFY(!registry.declareGauge(QStringLiteral("tw_g"), QStringLiteral("x"), {QStringLiteral("b")}).ok());
        QVERIFY(!registry.declareCounter(QStringLiteral("tw_g"), QStringLiteral("x"), {QStringLiteral("a")}).ok());
    }

    void wrongUpdatesAreRefusedAndChangeNothing()
    {
        MetricsRegistry registry;
        QVERIFY(registry.declareCounter(QStringLiteral("tw_c_total"), QStringLiteral("c"), {QStringLiteral("a")}).ok());
        QVERIFY(registry.declareHistogram(QStringLiteral("tw_h_seconds"), QStringLiteral("h"), {}, {1}).ok());
        QVERIFY(!registry.add(QStringLiteral("tw_c_total"), {QStringLiteral("x")}, -1)); // counters only go up
        QVERIFY(!registry.add(QStringLiteral("tw_c_total"), {}));                       // label count
        QVERIFY(!registry.add(QStringLiteral("tw_c_total"), {QStringLiteral("x"), QStringLiteral("y")}));
        QVERIFY(!registry.add(QStringLiteral("tw_unknown_total")));
        QVERIFY(!registry.observe(QStringLiteral("tw_c_total"), {QStringLiteral("x")}, 1)); // not a histogram
        QVERIFY(!registry.add(QStringLiteral("tw_h_seconds")));                               // not a counter
        QVERIFY(!registry.observe(QStringLiteral("tw_h_seconds"), {}, qQNaN()));
        QCOMPARE(linesOf(registry.exposition(), "tw_c_total"), QByteArray());
        QCOMPARE(linesOf(registry.exposition(), "tw_h_seconds_count"), QByteArray("tw_h_seconds_count 0\n"));
    }

    void collectorsOwnTheirFamiliesAtEachScrape()
    {
        MetricsRegistry registry;
        QVERIFY(registry.declareGauge(QStringLiteral("tw_pool_size"), QStringLiteral("Size."), {QStringLiteral("connection")}).ok());
        QStringList live{QStringLiteral("a"), QStringLiteral("b")};
        int scrapes = 0;
        registry.addCollector({QStringLiteral("tw_pool_size")}, [&](MetricsRegistry &r) {
            ++scrapes;
            for (const QString &name : live)
                r.set(QStringLiteral("tw_pool_size"), {name}, scrapes);
        });
        QCOMPARE(linesOf(registry.exposition(), "tw_pool_size{"),
                 QByteArray("tw_pool_size{connection=\"a\"} 1\ntw_pool_size{connection=\"b\"} 1\n"));
        live.removeFirst(); // connection "a" closed: it must not linger in the scrape
        QCOMPARE(linesOf(registry.exposition(), "tw_pool_size{"), QByteArray("tw_pool_size{connection=\"b\"} 2\n"));
        QCOMPARE(registry.value(QStringLiteral("tw_pool_size"), {QStringLiteral("b")}), std::optional<double>(2));
    }

    void concurrentUpdatesAndScrapesKeepExactCounts()
    {
        MetricsRegistry registry;
        QVERIFY(registry.declareCounter(QStringLiteral("tw_c_total"), QStringLiteral("c"), {QStringLiteral("thread")}).ok());
        QVERIFY(registry.declareCounter(QStringLiteral("tw_all_total"), QStringLiteral("all")).ok());
        QVERIFY(registry.declareHistogram(QStringLiteral("tw_h_seconds"), QStringLiteral("h"), {}, {0.5}).ok());
        constexpr int kThreads = 4;
        constexpr int kIterations = 20000;
        std::atomic<bool> done{false};
        std::atomic<int> badScrapes{0};
        std::thread scraper([&] {
            while (!done.load()) {
                const QByteArray text = registry.exposition();
                if (!text.contains("# TYPE tw_h_seconds histogram\n") || !text.endsWith('\n'))
                    ++badScrapes;
            }
        });
        std::vector<std::thread> workers;
        for (int t = 0; t < kThreads; ++t) {
            workers.emplace_back([&registry, t] {
                const QStringList label{QString::number(t)};
                for (int i = 0; i < kIterations; ++i) {
                    registry.add(QStringLiteral("tw_c_total"), label);
                    registry.add(QStringLiteral("tw_all_total"));
                    registry.observe(QStringLiteral("tw_h_seconds"), {}, (i % 2) ? 0.25 : 1.0);
                }
            });
        }
        for (auto &worker : workers)
            worker.join();
        done = true;
        scraper.join();
        QCOMPARE(badScrapes.load(), 0);
        QCOMPARE(registry.value(QStringLiteral("tw_all_total")), std::optional<double>(kThreads * kIterations));
        for (int t = 0; t < kThreads; ++t)
            QCOMPARE(registry.value(QStringLiteral("tw_c_total"), {QString::number(t)}), std::optional<double>(kIterations));
        const QByteArray text = registry.exposition();
        QVERIFY(text.contains("tw_h_seconds_bucket{le=\"0.5\"} 40000\n"));
        QVERIFY(text.contains("tw_h_seconds_bucket{le=\"+Inf\"} 80000\n"));
        QVERIFY(text.contains("tw_h_seconds_count 80000\n"));
        QVERIFY(text.contains("tw_h_seconds_sum 50000\n"));
    }

    void apiMetricsRecordRequestsByRouteTemplate()
    {
        ApiMetrics metrics;
        metrics.requestStarted();
        metrics.requestStarted();
        QVERIFY(metrics.exposition().contains("\ntablewright_http_requests_in_flight 2\n"));
        metrics.requestFinished(QStringLiteral("/rest/{connection}/{table}"), QStringLiteral("GET"), 200, 0.02);
        metrics.requestFinished(QStringLiteral("/rest/{connection}/{table}"), QStringLiteral("GET"), 200, 0.2);
        metrics.authFailure(QStringLiteral("invalid_token"));
        metrics.rateLimited();
        const QByteArray text = metrics.exposition();
        QVERIFY(text.contains("\ntablewright_http_requests_in_flight 0\n"));
        QVERIFY(text.contains(
            "\ntablewright_http_requests_total{route=\"/rest/{connection}/{table}\",method=\"GET\",status=\"200\"} 2\n"));
        QVERIFY(text.contains("\ntablewright_http_request_duration_seconds_bucket{route=\"/rest/{connection}/{table}\","
                              "method=\"GET\",le=\"0.025\"} 1\n"));
        QVERIFY(text.contains("\ntablewright_http_request_duration_seconds_count{route=\"/rest/{connection}/{table}\","
                              "method=\"GET\"} 2\n"));
        QVERIFY(text.contains("\ntablewright_http_auth_failures_total{reason=\"invalid_token\"} 1\n"));
        QVERIFY(text.contains("\ntablewright_http_rate_limited_total 1\n"));
        // Nothing watched yet: pool and health families are declared but empty.
        QVERIFY(text.contains("# TYPE tablewright_pool_acquire_duration_seconds histogram\n"));
        QVERIFY(!text.contains("tablewright_pool_size{"));
        QVERIFY(text.contains("# TYPE tablewright_health_up gauge\n"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metrics_registry.moc"

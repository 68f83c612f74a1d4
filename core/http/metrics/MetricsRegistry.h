#pragma once

#include "error/Error.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tw::http::metrics {

enum class MetricType { Counter, Gauge, Histogram };

// Metric families and their series, rendered in the Prometheus text
// exposition format 0.0.4. A family is declared once with its type, help
// text and label names; every series of it then gives one value per label
// name, in declaration order.
//
// Thread-safe: request threads update while a scrape renders. Updates to an
// undeclared family, with the wrong type or the wrong number of label values
// are refused (false), never a crash: metrics must not take a request down.
class MetricsRegistry
{
public:
    // Fills families from live state at scrape time (pool stats, health).
    using Collector = std::function<void(MetricsRegistry &)>;

    MetricsRegistry() = default;
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // Names follow [a-zA-Z_:][a-zA-Z0-9_:]*, label names [a-zA-Z_][a-zA-Z0-9_]*
    // without a leading "__"; histograms may not use "le". Declaring the same
    // family again with the same shape is a no-op; with another shape, an error.
    // A family without labels starts with its one series at 0, so it is
    // scraped before the first event.
    Status declareCounter(const QString &name, const QString &help, const QStringList &labelNames = {});
    Status declareGauge(const QString &name, const QString &help, const QStringList &labelNames = {});
    // upperBounds in seconds (base unit), strictly increasing, finite; +Inf is implied.
    Status declareHistogram(const QString &name, const QString &help, const QStringList &labelNames,
                            const QList<double> &upperBounds);

    // Counters: delta >= 0. Gauges: any delta.
    bool add(const QString &name, const QStringList &labelValues = {}, double delta = 1);
    // Gauges; and counters mirroring a monotonic count kept elsewhere (the
    // pool's own totals), set by a collector.
    bool set(const QString &name, const QStringList &labelValues, double value);
    bool observe(const QString &name, const QStringList &labelValues, double value);
    // A histogram kept elsewhere: cumulative counts per bound plus the +Inf
    // bucket last (upperBounds.size() + 1 entries, non-decreasing).
    bool setHistogram(const QString &name, const QStringList &labelValues, const QList<quint64> &cumulative,
                      double sum, quint64 count);

    // The collector owns `families`: their series are dropped before each of
    // its runs, so a connection that went away stops being reported.
    void addCollector(const QStringList &families, Collector collector);

    // Runs the collectors (on the calling thread), then renders every family
    // in declaration order, series sorted by label values. Scrapes are
    // serialized with each other, not with updates.
    QByteArray exposition() const;

    // The current value of a counter or gauge series, for tests and the GUI.
    std::optional<double> value(const QString &name, const QStringList &labelValues = {}) const;

private:
    struct Series
    {
        double value = 0;
        QList<quint64> buckets; // histograms: per bound, not cumulative, +Inf last
        double sum = 0;
        quint64 count = 0;
    };
    struct Family
    {
        QString name;
        QString help;
        MetricType type = MetricType::Counter;
        QStringList labelNames;
        QList<double> upperBounds;
        QMap<QStringList, Series> series;
    };
    struct CollectorEntry
    {
        QStringList families;
        Collector run;
    };

    Status declare(Family family);
    // m_mutex held.
    Series *seriesFor(const QString &name, MetricType type, const QStringList &labelValues);
    std::vector<CollectorEntry> collectors() const;
    void renderFamily(QByteArray &out, const Family &family) const;

    mutable QMutex m_mutex;
    mutable QMutex m_scrapeMutex;
    std::vector<std::unique_ptr<Family>> m_families;
    QMap<QString, Family *> m_byName;
    std::vector<CollectorEntry> m_collectors;
};

} // namespace tw::http::metrics

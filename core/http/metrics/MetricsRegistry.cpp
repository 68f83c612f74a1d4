#include "MetricsRegistry.h"

#include <QLocale>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <limits>

namespace tw::http::metrics {

namespace {

bool validMetricName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    return pattern.match(name).hasMatch();
}

bool validLabelName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    return pattern.match(name).hasMatch() && !name.startsWith(QLatin1String("__"));
}

// Go's ParseFloat reads all of these; integers stay integers so counters
// read naturally ("3", not "3.0" or "3e+00").
QByteArray formatNumber(double v)
{
    if (std::isnan(v))
        return QByteArrayLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QByteArray::number(static_cast<qint64>(v));
    return QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

// Label values escape backslash, double quote and newline; HELP text only
// backslash and newline (format 0.0.4).
QByteArray escape(const QString &text, bool quote)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size());
    for (char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (quote && c == '"')
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

QByteArray labelSet(const QStringList &names, const QStringList &values, const QByteArray &extra = {})
{
    if (names.isEmpty() && extra.isEmpty())
        return {};
    QByteArray out = "{";
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += ',';
        out += names.at(i).toUtf8() + "=\"" + escape(values.at(i), true) + '"';
    }
    if (!extra.isEmpty()) {
        if (!names.isEmpty())
            out += ',';
        out += extra;
    }
    out += '}';
    return out;
}

const char *typeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter: return "counter";
    case MetricType::Gauge: return "gauge";
    case MetricType::Histogram: return "histogram";
    }
    return "untyped";
}

Error invalid(const QString &message)
{
    return Error(ErrorCode::ValidationFailed, message);
}

} // namespace

Status MetricsRegistry::declareCounter(const QString &name, const QString &help, const QStringList &labelNames)
{
    return declare({name, help, MetricType::Counter, labelNames, {}, {}});
}

Status MetricsRegistry::declareGauge(const QString &name, const QString &help, const QStringList &labelNames)
{
    return declare({name, help, MetricType::Gauge, labelNames, {}, {}});
}

Status MetricsRegistry::declareHistogram(const QString &name, const QString &help, const QStringList &labelNames,
                                         const QList<double> &upperBounds)
{
    for (qsizetype i = 0; i < upperBounds.size(); ++i) {
        if (!std::isfinite(upperBounds.at(i)) || (i > 0 && upperBounds.at(i) <= upperBounds.at(i - 1)))
            return invalid(QStringLiteral("metric %1: bucket bounds must be finite and strictly increasing").arg(name));
    }
    if (labelNames.contains(QLatin1String("le")))
        return invalid(QStringLiteral("metric %1: a histogram may not use the label \"le\"").arg(name));
    return declare({name, help, MetricType::Histogram, labelNames, upperBounds, {}});
}

Status MetricsRegistry::declare(Family family)
{
    if (!validMetricName(family.name))
        return invalid(QStringLiteral("invalid metric name \"%1\"").arg(family.name));
    for (const QString &label : family.labelNames) {
        if (!validLabelName(label))
            return invalid(QStringLiteral("metric %1: invalid label name \"%2\"").arg(family.name, label));
    }
    if (family.labelNames.size() != QSet<QString>(family.labelNames.begin(), family.labelNames.end()).size())
        return invalid(QStringLiteral("metric %1: duplicate label name").arg(family.name));

    QMutexLocker lock(&m_mutex);
    if (const Family *existing = m_byName.value(family.name)) {
        if (existing->type == family.type && existing->labelNames == family.labelNames
            && existing->upperBounds == family.upperBounds)
            return {};
        return invalid(QStringLiteral("metric %1 is already declared with another type or labels").arg(family.name));
    }
    if (family.labelNames.isEmpty()) {
        Series zero;
        if (family.type == MetricType::Histogram)
            zero.buckets.fill(0, family.upperBounds.size() + 1);
        family.series.insert(QStringList(), zero);
    }
    auto owned = std::make_unique<Family>(std::move(family));
    m_byName.insert(owned->name, owned.get());
    m_families.push_back(std::move(owned));
    return {};
}

MetricsRegistry::Series *MetricsRegistry::seriesFor(const QString &name, MetricType type, const QStringList &labelValues)
{
    Family *family = m_byName.value(name);
    if (!family || family->type != type || family->labelNames.size() != labelValues.size())
        return nullptr;
    auto it = family->series.find(labelValues);
    if (it == family->series.end()) {
        Series fresh;
        if (type == MetricType::Histogram)
            fresh.buckets.fill(0, family->upperBounds.size() + 1);
        it = family->series.insert(labelValues, fresh);
    }
    return &it.value();
}

bool MetricsRegistry::add(const QString &name, const QStringList &labelValues, double delta)
{
    QMutexLocker lock(&m_mutex);
    const Family *family = m_byName.value(name);
    if (!family || family->type == MetricType::Histogram || std::isnan(delta))
        return false;
    if (family->type == MetricType::Counter && delta < 0)
        return false;
    Series *series = seriesFor(name, family->type, labelValues);
    if (!series)
        return false;
    series->value += delta;
    return true;
}

bool MetricsRegistry::set(const QString &name, const QStringList &labelValues, double value)
{
    QMutexLocker lock(&m_mutex);
    const Family *family = m_byName.value(name);
    if (!family || family->type == MetricType::Histogram)
        return false;
    Series *series = seriesFor(name, family->type, labelValues);
    if (!series)
        return false;
    series->value = value;
    return true;
}

bool MetricsRegistry::observe(const QString &name, const QStringList &labelValues, double value)
{
    if (std::isnan(value))
        return false;
    QMutexLocker lock(&m_mutex);
    Series *series = seriesFor(name, MetricType::Histogram, labelValues);
    if (!series)
        return false;
    const QList<double> &bounds = m_byName.value(name)->upperBounds;
    qsizetype bucket = 0;
    while (bucket < bounds.size() && value > bounds.at(bucket))
        ++bucket;
    ++series->buckets[bucket];
    series->sum += value;
    ++series->count;
    return true;
}

bool MetricsRegistry::setHistogram(const QString &name, const QStringList &labelValues,
                                   const QList<quint64> &cumulative, double sum, quint64 count)
{
    QMutexLocker lock(&m_mutex);
    const Family *family = m_byName.value(name);
    if (!family || family->type != MetricType::Histogram || cumulative.size() != family->upperBounds.size() + 1
        || cumulative.last() != count)
        return false;
    for (qsizetype i = 1; i < cumulative.size(); ++i) {
        if (cumulative.at(i) < cumulative.at(i - 1))
            return false;
    }
    Series *series = seriesFor(name, MetricType::Histogram, labelValues);
    if (!series)
        return false;
    quint64 previous = 0;
    for (qsizetype i = 0; i < cumulative.size(); ++i) {
        series->buckets[i] = cumulative.at(i) - previous;
        previous = cumulative.at(i);
    }
    series->sum = sum;
    series->count = count;
    return true;
}

void MetricsRegistry::addCollector(const QStringList &families, Collector collector)
{
    QMutexLocker lock(&m_mutex);
    m_collectors.push_back({families, std::move(collector)});
}

std::vector<MetricsRegistry::CollectorEntry> MetricsRegistry::collectors() const
{
    QMutexLocker lock(&m_mutex);
    return m_collectors;
}

std::optional<double> MetricsRegistry::value(const QString &name, const QStringList &labelValues) const
{
    QMutexLocker lock(&m_mutex);
    const Family *family = m_byName.value(name);
    if (!family || family->type == MetricType::Histogram)
        return std::nullopt;
    const auto it = family->series.constFind(labelValues);
    if (it == family->series.constEnd())
        return std::nullopt;
    return it->value;
}

QByteArray MetricsRegistry::exposition() const
{
    QMutexLocker scrape(&m_scrapeMutex);
    // Collectors refresh the mirrored families from live state; that is what
    // a scrape means, so the const is about the caller's view, not the cache.
    auto *self = const_cast<MetricsRegistry *>(this);
    for (const CollectorEntry &collector : collectors()) {
        {
            QMutexLocker lock(&m_mutex);
            for (const QString &name : collector.families) {
                if (Family *family = m_byName.value(name); family && !family->labelNames.isEmpty())
                    family->series.clear();
            }
        }
        collector.run(*self);
    }

    QMutexLocker lock(&m_mutex);
    QByteArray out;
    for (const auto &family : m_families)
        renderFamily(out, *family);
    return out;
}

void MetricsRegistry::renderFamily(QByteArray &out, const Family &family) const
{
    const QByteArray name = family.name.toUtf8();
    out += "# HELP " + name + ' ' + escape(family.help, false) + '\n';
    out += "# TYPE " + name + ' ' + typeName(family.type) + '\n';
    for (auto it = family.series.constBegin(); it != family.series.constEnd(); ++it) {
        const Series &series = it.value();
        if (family.type != MetricType::Histogram) {
            out += name + labelSet(family.labelNames, it.key()) + ' ' + formatNumber(series.value) + '\n';
            continue;
        }
        quint64 running = 0;
        for (qsizetype i = 0; i < series.buckets.size(); ++i) {
            running += series.buckets.at(i);
            const double bound = i < family.upperBounds.size() ? family.upperBounds.at(i)
                                                               : std::numeric_limits<double>::infinity();
            out += name + "_bucket" + labelSet(family.labelNames, it.key(), "le=\"" + formatNumber(bound) + '"')
                + ' ' + QByteArray::number(running) + '\n';
        }
        const QByteArray labels = labelSet(family.labelNames, it.key());
        out += name + "_sum" + labels + ' ' + formatNumber(series.sum) + '\n';
        out += name + "_count" + labels + ' ' + QByteArray::number(series.count) + '\n';
    }
}

} // namespace tw::http::metrics

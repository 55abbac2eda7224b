// Trend buckets: live values, history fill, held values across empty buckets.
#include "trendcache.h"
#include "history/metricsstore.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace kastle::core {

namespace {

qint64 bucketOf(qint64 timeMs, qint64 stepMs)
{
    return timeMs >= 0 ? timeMs / stepMs : -((-timeMs + stepMs - 1) / stepMs);
}

} // namespace

TrendCache::TrendCache(EntityKind kind, Metric metric, Options options)
    : m_kind(kind)
    , m_metric(metric)
    , m_options(options)
{
    m_options.buckets = std::max(2, m_options.buckets);
    m_options.stepMs = std::max<qint64>(1, m_options.stepMs);
}

void TrendCache::trim(Trend &trend) const
{
    const qsizetype excess = trend.values.size() - m_options.buckets;
    if (excess > 0) {
        trend.values.remove(0, excess);
        trend.firstBucket += excess;
    }
}

bool TrendCache::add(const QString &name, qint64 timeMs, double value)
{
    if (value < 0 || !std::isfinite(value) || timeMs <= 0)
        return false;
    return put(m_trends[name], bucketOf(timeMs, m_options.stepMs), value);
}

bool TrendCache::put(Trend &trend, qint64 bucket, double value) const
{
    if (trend.values.isEmpty()) {
        trend.firstBucket = bucket;
        trend.values = {value};
        return true;
    }
    const qint64 last = trend.firstBucket + trend.values.size() - 1;
    if (bucket < last)
        return false; // older than what is shown (a late or repeated round)
    if (bucket == last) {
        if (trend.values.constLast() == value)
            return false;
        trend.values.last() = value;
        return true;
    }
    // Buckets without a value hold the one before (at most a window's worth is kept anyway).
    const qint64 held = std::min<qint64>(bucket - last - 1, m_options.buckets);
    const double previous = trend.values.constLast();
    for (qint64 i = 0; i < held; ++i)
        trend.values.append(previous);
    trend.values.append(value);
    trend.firstBucket = bucket - (trend.values.size() - 1);
    trim(trend);
    return true;
}

QList<double> TrendCache::values(const QString &name) const
{
    const auto it = m_trends.constFind(name);
    return it == m_trends.constEnd() ? QList<double>{} : it->values;
}

QList<SeriesRequest> TrendCache::historyRequests(const QList<QString> &names, qint64 nowMs)
{
    QList<SeriesRequest> requests;
    const qint64 from = nowMs - m_options.buckets * m_options.stepMs;
    for (const QString &name : names) {
        if (m_asked.contains(name))
            continue;
        m_asked.insert(name);
        SeriesRequest r;
        r.kind = m_kind;
        r.name = name;
        r.metric = m_metric;
        r.fromMs = from;
        r.toMs = nowMs;
        r.stepMs = m_options.stepMs;
        requests.append(std::move(r));
    }
    return requests;
}

bool TrendCache::fillFromHistory(const QList<SeriesRequest> &requests,
                                 const QList<Result<Series>> &answers)
{
    bool changed = false;
    const qsizetype n = std::min(requests.size(), answers.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (!answers[i] || answers[i]->points.isEmpty())
            continue;
        // The history as buckets of its own (same rule as live values: gaps hold).
        Trend history;
        history.values.reserve(m_options.buckets + 1);
        for (const SeriesPoint &p : answers[i]->points) {
            if (p.value >= 0 && std::isfinite(p.value))
                put(history, bucketOf(p.timeMs, m_options.stepMs), p.value);
        }
        if (history.values.isEmpty())
            continue;
        Trend &live = m_trends[requests[i].name];
        if (live.values.isEmpty()) {
            live = history;
            changed = true;
            continue;
        }
        // Only the buckets before the first live one; a gap up to it holds the last value.
        if (history.firstBucket >= live.firstBucket)
            continue;
        const qint64 historyLast = history.firstBucket + history.values.size() - 1;
        const qint64 upTo = std::min(historyLast, live.firstBucket - 1);
        QList<double> prefix = history.values.mid(0, upTo - history.firstBucket + 1);
        const qint64 held =
            std::min<qint64>(live.firstBucket - 1 - upTo, qint64(m_options.buckets));
        for (qint64 k = 0; k < held; ++k)
            prefix.append(prefix.constLast());
        live.firstBucket -= prefix.size();
        live.values = prefix + live.values;
        trim(live);
        changed = true;
    }
    return changed;
}

void TrendCache::requestHistory(MetricsStore *store, const QList<QString> &names, QObject *context,
                                std::function<void()> changed)
{
    if (!store)
        return;
    QList<SeriesRequest> requests = historyRequests(names, QDateTime::currentMSecsSinceEpoch());
    if (requests.isEmpty())
        return;
    const quint64 generation = m_generation;
    // `this` lives as long as `context` (its owner), and a continuation whose context is gone
    // does not run.
    store->querySeriesList(requests).then(
        context, [this, generation, requests,
                  changed = std::move(changed)](const QList<Result<Series>> &answers) {
            if (generation == m_generation && fillFromHistory(requests, answers) && changed)
                changed();
        });
}

void TrendCache::clear()
{
    m_trends.clear();
    m_asked.clear();
    ++m_generation;
}

} // namespace kastle::core

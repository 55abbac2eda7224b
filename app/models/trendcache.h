// Recent values of one figure per entity, for a column of sparklines (the lag trend of each
// group, the messages/s of each topic): a window of equal time buckets, filled at once from the
// history store, then extended by live values as snapshots arrive.
//
// Buckets: value i of an entity's trend is its figure in bucket first + i, bucket b covering
// [b * stepMs, (b + 1) * stepMs). A live value replaces the value of its bucket; a bucket with
// no value holds the one before it (the history keeps idle entities once a minute and live
// rounds may skip a bucket), so the trend's x axis is time, evenly spaced, and a sparkline can
// draw it as is. At most `buckets` values are kept; older ones fall off the front.
//
// History: historyRequests() names the entities not asked for yet (each is asked once per
// cache life) as SeriesRequests over the window, with the window's step, so a caller sends
// them in one MetricsStore::querySeriesList trip (on the store's thread, never the UI's) and
// hands the answers to fillFromHistory(). History fills only the buckets before the first live
// value; live values always win.
#pragma once

#include "history/metrics.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <iterator>

namespace kastle::core {

class TrendCache
{
public:
    struct Options
    {
        int buckets = 40;
        qint64 stepMs = 15'000; // 40 x 15 s: the last 10 minutes
    };

    TrendCache(EntityKind kind, Metric metric, Options options);
    TrendCache(EntityKind kind, Metric metric)
        : TrendCache(kind, metric, Options{})
    {}

    // A live value of `name` at `timeMs`; negative values (unknown) are ignored. Returns true if
    // the entity's trend changed.
    bool add(const QString &name, qint64 timeMs, double value);
    QList<double> values(const QString &name) const;
    bool contains(const QString &name) const { return m_trends.contains(name); }

    // Requests for those of `names` never asked before (they are marked asked), over the window
    // that ends at `nowMs`.
    QList<SeriesRequest> historyRequests(const QList<QString> &names, qint64 nowMs);
    // The answers to `requests` in the same order; a failed answer leaves its entity as it is.
    // Returns true if any trend changed.
    bool fillFromHistory(const QList<SeriesRequest> &requests,
                         const QList<Result<Series>> &answers);

    // Forgets the entities for which keep(name) is false (gone groups or topics); they are
    // asked again should they come back.
    template<typename Keep>
    void retain(Keep keep)
    {
        for (auto it = m_trends.begin(); it != m_trends.end();)
            it = keep(it.key()) ? std::next(it) : m_trends.erase(it);
        for (auto it = m_asked.begin(); it != m_asked.end();)
            it = keep(*it) ? std::next(it) : m_asked.erase(it);
    }
    // Forgets everything, the asked marks included (another store, another cluster).
    void clear();

    const Options &options() const { return m_options; }

private:
    struct Trend
    {
        qint64 firstBucket = 0;
        QList<double> values; // one per bucket from firstBucket on
    };
    void trim(Trend &trend) const;

    EntityKind m_kind;
    Metric m_metric;
    Options m_options;
    QHash<QString, Trend> m_trends;
    QSet<QString> m_asked;
};

} // namespace kastle::core

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
// History: requestHistory() asks the store for the entities not asked for yet (each is asked
// once per cache life) over the window, with the window's step, in one
// MetricsStore::querySeriesList trip (read on the store's thread, never the UI's), and merges
// the answers when they come back. History fills only the buckets before the first live value;
// live values always win. (historyRequests() and fillFromHistory() are the two halves.)
#pragma once

#include "history/metrics.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <iterator>

namespace kastle::core {

class MetricsStore;

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

    // Asks `store` (may be null: nothing happens) for the trends of those of `names` never asked
    // before, over the window that ends now. When the answers are merged and changed a trend,
    // `changed` runs on `context`'s thread; answers that come after clear(), or after `context`
    // (the owner of this cache) is gone, are dropped.
    void requestHistory(MetricsStore *store, const QList<QString> &names, QObject *context,
                        std::function<void()> changed);

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
    // Forgets everything, the asked marks included (another store, another cluster), and drops
    // the answers of history requests still under way.
    void clear();

    const Options &options() const { return m_options; }

private:
    struct Trend
    {
        qint64 firstBucket = 0;
        QList<double> values; // one per bucket from firstBucket on
    };
    // Puts a value into its bucket of `trend` (see add()); true if the trend changed.
    bool put(Trend &trend, qint64 bucket, double value) const;
    void trim(Trend &trend) const;

    EntityKind m_kind;
    Metric m_metric;
    Options m_options;
    QHash<QString, Trend> m_trends;
    QSet<QString> m_asked;
    quint64 m_generation = 0; // bumped by clear(): older history answers are stale
};

} // namespace kastle::core

// MetricsDb: folding rounds into coarser tiers, retention per tier, and the size bound.
//
// Folding. Tier k (k >= 1) holds buckets of tiers[k].stepMs. Its watermark is the end of the
// last bucket folded in; a bucket is folded once it is complete, i.e. once tier 0 has a round at
// or after its end (tier 1) or tier k-1 has folded past its end (tiers >= 2). Folding runs in
// the same transaction as the round that completed the bucket, so a crash leaves either both or
// neither. Rounds arriving for an already folded bucket (a clock that went back) stay in tier 0
// only.
//
// Retention. Everything is timed by the newest recorded round, not the wall clock, so a history
// that was closed for a week is trimmed by what it saw, and tests can replay days in seconds.
#include "metricsblock.h"
#include "metricsdb.h"

#include <QSqlError>

#include <algorithm>
#include <limits>

namespace kastle::core {

namespace {

constexpr qint64 PruneIntervalMs = 60 * 1000;

qint64 floorTo(qint64 t, qint64 step)
{
    return t >= 0 ? t - t % step : t - (step + t % step) % step;
}

} // namespace

Result<qint64> MetricsDb::oldestTime(int tier, std::optional<Shard> only)
{
    QSqlQuery &q = prepared(OldestInShard, "SELECT t FROM blocks WHERE tier = ? AND kind = ? AND "
                                           "shard = ? ORDER BY t LIMIT 1");
    const QList<Shard> all = only ? QList<Shard>{*only} : shards();
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const Shard &s : all) {
        q.bindValue(0, tier);
        q.bindValue(1, int(s.kind));
        q.bindValue(2, s.shard);
        if (!q.exec())
            return fail(q.lastError(), tr("Could not read the history")).error();
        if (q.next())
            oldest = std::min(oldest, q.value(0).toLongLong());
        q.finish();
    }
    return oldest == std::numeric_limits<qint64>::max() ? 0 : oldest;
}

Status MetricsDb::downsample()
{
    const QList<Tier> &tiers = m_options.tiers;
    for (qsizetype k = 1; k < tiers.size(); ++k) {
        const qint64 step = tiers[k].stepMs;
        const qint64 sourceEnd = k == 1 ? m_newest : m_watermarks[k - 1];
        const qint64 end = floorTo(sourceEnd, step);
        qint64 start = m_watermarks[k];
        if (start == 0) {
            const Result<qint64> oldest = oldestTime(int(k - 1));
            if (!oldest)
                return oldest.error();
            if (*oldest == 0)
                continue; // nothing to fold yet
            start = floorTo(*oldest, step);
        }
        if (end <= start)
            continue;
        if (Status s = foldTier(int(k), start, end); !s)
            return s;
        m_watermarks[k] = end;
        if (Status s = setMeta(QStringLiteral("watermark.%1").arg(k), end); !s)
            return s;
    }
    return Done{};
}

Status MetricsDb::foldTier(int tier, qint64 start, qint64 end)
{
    const qint64 step = m_options.tiers[tier].stepMs;
    const bool sourceAggregated = tier - 1 > 0;
    QSqlQuery &q = prepared(SelectRange, "SELECT t, data FROM blocks WHERE tier = ? AND kind = ? "
                                         "AND shard = ? AND t >= ? AND t < ? ORDER BY t");
    for (const Shard &s : shards()) {
        q.bindValue(0, tier - 1);
        q.bindValue(1, int(s.kind));
        q.bindValue(2, s.shard);
        q.bindValue(3, start);
        q.bindValue(4, end);
        if (!q.exec())
            return fail(q.lastError(), tr("Could not read the history"));

        // Rows come in time order; one bucket at a time is folded and written.
        QList<std::pair<qint64, QByteArray>> rows;
        while (q.next())
            rows.append({q.value(0).toLongLong(), q.value(1).toByteArray()});
        q.finish();
        qsizetype i = 0;
        while (i < rows.size()) {
            const qint64 bucket = floorTo(rows[i].first, step);
            // Means are weighted by how long each sample held: until the lane's next sample in
            // the bucket, or the bucket's end. Samples of an entity that did not change may be
            // left out of tier 0 (IdleFilter), so a plain mean would over-weight the changes.
            std::array<std::optional<LaneFold>, LanesPerBlock> folds;
            Block held; // per lane: the latest sample not yet added, from time heldAt[lane]
            std::array<qint64, LanesPerBlock> heldAt{};
            const auto addHeld = [&](int lane, qint64 until) {
                if (!held.has(lane))
                    return;
                if (!folds[size_t(lane)])
                    folds[size_t(lane)].emplace(s.kind, sourceAggregated);
                folds[size_t(lane)]->add(held.lanes[size_t(lane)],
                                         std::max<qint64>(1, until - heldAt[size_t(lane)]));
            };
            Block decoded;
            for (; i < rows.size() && floorTo(rows[i].first, step) == bucket; ++i) {
                if (!decodeBlock(rows[i].second, decoded))
                    continue; // a damaged row is skipped, not folded as zeros
                for (int lane = 0; lane < LanesPerBlock; ++lane) {
                    if (!decoded.has(lane))
                        continue;
                    addHeld(lane, rows[i].first);
                    held.set(lane, decoded.lanes[size_t(lane)]);
                    heldAt[size_t(lane)] = rows[i].first;
                }
            }
            Block out;
            for (int lane = 0; lane < LanesPerBlock; ++lane) {
                addHeld(lane, bucket + step);
                if (folds[size_t(lane)])
                    out.set(lane, folds[size_t(lane)]->result());
            }
            if (out.mask == 0)
                continue;
            if (Status st = putBlock(tier, s.kind, s.shard, bucket, encodeBlock(out)); !st)
                return st;
        }
    }
    return Done{};
}

Status MetricsDb::deleteBefore(int tier, qint64 cutoff, qint64 *rows)
{
    QSqlQuery &q = prepared(DeleteBefore, "DELETE FROM blocks WHERE tier = ? AND kind = ? AND "
                                          "shard = ? AND t < ?");
    for (const Shard &s : shards()) {
        q.bindValue(0, tier);
        q.bindValue(1, int(s.kind));
        q.bindValue(2, s.shard);
        q.bindValue(3, cutoff);
        if (!q.exec())
            return fail(q.lastError(), tr("Could not trim the history"));
        if (rows)
            *rows += q.numRowsAffected();
    }
    return Done{};
}

Status MetricsDb::prune()
{
    const QList<Tier> &tiers = m_options.tiers;
    for (qsizetype k = 0; k < tiers.size(); ++k) {
        const qint64 interval = std::max(tiers[k].stepMs, PruneIntervalMs);
        if (m_lastPrune[k] != 0 && m_newest - m_lastPrune[k] < interval)
            continue;
        m_lastPrune[k] = m_newest;
        if (Status s = deleteBefore(int(k), m_newest - tiers[k].retentionMs, nullptr); !s)
            return s;
    }
    // Events live as long as the coarsest tier, and there are never more than maxEvents.
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM events WHERE t < ? OR "
                             "id <= (SELECT max(id) FROM events) - ?"));
    q.bindValue(0, m_newest - tiers.last().retentionMs);
    q.bindValue(1, m_options.maxEvents);
    if (!q.exec())
        return fail(q.lastError(), tr("Could not trim the events"));
    return Done{};
}

Result<qint64> MetricsDb::usedBytes(qint64 *totalBytes)
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("PRAGMA page_count")) || !q.next())
        return fail(q.lastError(), tr("Could not measure the history")).error();
    const qint64 pages = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("PRAGMA freelist_count")) || !q.next())
        return fail(q.lastError(), tr("Could not measure the history")).error();
    if (totalBytes)
        *totalBytes = pages * m_pageSize;
    return (pages - q.value(0).toLongLong()) * m_pageSize;
}

Status MetricsDb::trimOldestEvents(bool *trimmed)
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT min(id), max(id) FROM events")) || !q.next())
        return fail(q.lastError(), tr("Could not trim the events"));
    *trimmed = !q.value(0).isNull();
    if (!*trimmed)
        return Done{};
    const qint64 lo = q.value(0).toLongLong();
    const qint64 hi = q.value(1).toLongLong();
    q.prepare(QStringLiteral("DELETE FROM events WHERE id <= ?"));
    q.bindValue(0, lo + std::max<qint64>(1, (hi - lo + 1) / 16) - 1);
    if (!q.exec())
        return fail(q.lastError(), tr("Could not trim the events"));
    m_stats.eventsEvicted += q.numRowsAffected();
    return Done{};
}

// Over the bound, the oldest data goes first, and of two tiers reaching back equally far the
// coarser one: a 90-day tail of ten-minute points shrinks until it is no longer than the
// minute tier's, then both shrink in step; raw rounds go last, after the events.
Status MetricsDb::enforceBound()
{
    const qint64 budget = m_options.maxBytes - walLimitBytes();
    qint64 total = 0;
    Result<qint64> used = usedBytes(&total);
    if (!used)
        return used.error();
    const int tiers = int(m_options.tiers.size());
    // Each pass drops at most a sixteenth of the victim's span, so a file far over its bound
    // converges in a few dozen passes; the cap only guards against a bound below the schema.
    for (int pass = 0; *used > budget && pass < 256; ++pass) {
        QList<qint64> oldest(tiers, 0);
        int victim = -1;
        for (int k = tiers - 1; k >= 0; --k) {
            const Result<qint64> o = oldestTime(k);
            if (!o)
                return o.error();
            oldest[k] = *o;
            if (*o != 0 && (victim < 0 || *o < oldest[victim]))
                victim = k;
        }
        if (victim < 0)
            break; // nothing left to drop
        if (victim == 0) {
            bool trimmed = false;
            if (Status s = trimOldestEvents(&trimmed); !s)
                return s;
            if (trimmed) {
                used = usedBytes(&total);
                if (!used)
                    return used.error();
                continue;
            }
        }
        const qint64 from = oldest[victim];
        const qint64 span = std::max<qint64>(0, m_newest - from);
        qint64 cutoff = from + std::max({m_options.tiers[victim].stepMs, span / 16, qint64(1)});
        // Not past the next tier's start: tiers that reach back equally far shrink together.
        for (int k = 0; k < tiers; ++k) {
            if (oldest[k] > from)
                cutoff = std::min(cutoff, oldest[k]);
        }
        if (Status s = deleteBefore(victim, std::max(cutoff, from + 1), &m_stats.rowsEvicted); !s)
            return s;
        used = usedBytes(&total);
        if (!used)
            return used.error();
    }
    // Free pages count on disk too: hand them back when the file itself is over the budget.
    if (total > budget) {
        // Each step of "PRAGMA incremental_vacuum" frees one page and yields an empty row,
        // which QSqlQuery takes for the end of the result; so the pragma runs once per free
        // page (a reset and a step of a prepared statement each).
        QSqlQuery count(db());
        if (!count.exec(QStringLiteral("PRAGMA freelist_count")) || !count.next())
            return fail(count.lastError(), tr("Could not shrink the history file"));
        const qint64 freePages = count.value(0).toLongLong();
        count.finish();
        QSqlQuery &vacuum = prepared(IncrementalVacuum, "PRAGMA incremental_vacuum(1)");
        for (qint64 i = 0; i < freePages; ++i) {
            if (!vacuum.exec())
                return fail(vacuum.lastError(), tr("Could not shrink the history file"));
            vacuum.finish();
        }
    }
    return Done{};
}

} // namespace kastle::core

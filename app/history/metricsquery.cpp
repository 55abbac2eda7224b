// MetricsDb: chart queries (series of one figure of one entity over a range) and the event log.
//
// Choosing the tier: start from the coarsest tier whose step is not coarser than the wanted
// step; if that tier does not reach back to `from`, take the first coarser tier that does (or,
// if none does, the one that reaches back furthest). Either way a coarser tier counts as
// reaching further than the finer one chosen so far only if it starts a whole step of its own
// earlier: a tier's first bucket starts on the minute (or the ten minutes) before the first
// round it holds, so a young history's minute or ten-minute tier seems to reach back to a
// five-minute chart's start while it holds nothing the raw rounds do not, and answering with its
// points would throw the raw rounds away. Points newer than what the chosen tier has folded so
// far come from the finer tiers, so a chart always runs up to the newest round. When a step is
// asked for, all points (that finer tail included) are folded once more in memory into buckets
// of that step, or of the tier's if it is coarser.
#include "metricsblock.h"
#include "metricsdb.h"

#include <QSqlError>

#include <limits>

namespace kastle::core {

namespace {

// Folds points into buckets of `step` the way the tiers do (mean and max, or last).
QList<SeriesPoint> rebucket(const QList<SeriesPoint> &points, qint64 step, Aggregation how)
{
    QList<SeriesPoint> out;
    qsizetype i = 0;
    while (i < points.size()) {
        const qint64 bucket = points[i].timeMs - ((points[i].timeMs % step) + step) % step;
        SeriesPoint folded{bucket, 0, points[i].max};
        double sum = 0;
        int count = 0;
        for (; i < points.size() && points[i].timeMs - bucket < step; ++i) {
            sum += points[i].value;
            ++count;
            folded.max = std::max(folded.max, points[i].max);
            if (how == Aggregation::Last)
                folded.value = folded.max = points[i].value;
        }
        if (how == Aggregation::MeanMax)
            folded.value = sum / count;
        out.append(folded);
    }
    return out;
}

} // namespace

Status MetricsDb::readPoints(int tier, EntityKind kind, int slot, int figure, qint64 from,
                             qint64 to, QList<SeriesPoint> &points)
{
    if (from > to)
        return Done{};
    QSqlQuery &q = prepared(SelectRange, "SELECT t, data FROM blocks WHERE tier = ? AND kind = ? "
                                         "AND shard = ? AND t >= ? AND t < ? ORDER BY t");
    q.bindValue(0, tier);
    q.bindValue(1, int(kind));
    q.bindValue(2, slot / LanesPerBlock);
    q.bindValue(3, from);
    q.bindValue(4, to == std::numeric_limits<qint64>::max() ? to : to + 1);
    if (!q.exec())
        return fail(q.lastError(), tr("Could not read the history"));
    const SlotRange range = slotOf(kind, figure, tier > 0);
    const double scale = scaleOf(figuresOf(kind)[size_t(figure)]);
    LaneValues values;
    while (q.next()) {
        const QByteArray data = q.value(1).toByteArray();
        if (!decodeLane(data, slot % LanesPerBlock, values) ||
            range.first + range.width > values.size())
            continue;
        const qint64 value = values[range.first];
        if (value < 0)
            continue;
        const qint64 max = range.width == 2 ? values[range.first + 1] : value;
        points.append({q.value(0).toLongLong(), double(value) / scale, double(max) / scale});
    }
    q.finish();
    return Done{};
}

Result<Series> MetricsDb::querySeries(const SeriesRequest &request)
{
    if (!m_open)
        return Error{tr("The history is not open.")};
    const int figure = figureIndex(request.kind, request.metric);
    if (figure < 0)
        return Error{tr("This figure is not recorded for this kind of entity.")};
    const int slot = existingSlot(request.kind, request.name);
    if (slot < 0)
        return Series{}; // never recorded
    const Shard shard{request.kind, slot / LanesPerBlock};
    const QList<Tier> &tiers = m_options.tiers;

    int start = 0;
    for (qsizetype k = 1; k < tiers.size(); ++k) {
        if (tiers[k].stepMs <= request.stepMs)
            start = int(k);
    }
    int chosen = start;
    qint64 furthest = std::numeric_limits<qint64>::max(); // oldest time of the chosen tier
    for (int k = start; k < tiers.size(); ++k) {
        const Result<qint64> oldest = oldestTime(k, shard);
        if (!oldest)
            return oldest.error();
        if (*oldest == 0)
            continue;
        // Not a whole step earlier: its first bucket holds no older rounds, only starts sooner.
        if (furthest != std::numeric_limits<qint64>::max() && *oldest + tiers[k].stepMs > furthest)
            continue;
        furthest = *oldest;
        chosen = k;
        if (*oldest <= request.fromMs)
            break;
    }

    Series series;
    series.tier = chosen;
    series.stepMs = tiers[chosen].stepMs;
    // A bucket that starts before `from` still covers part of the range.
    const qint64 from = chosen > 0 ? request.fromMs - series.stepMs + 1 : request.fromMs;
    if (Status s =
            readPoints(chosen, request.kind, slot, figure, from, request.toMs, series.points);
        !s)
        return s.error();
    // The tail the chosen tier has not folded yet, from ever finer tiers.
    qint64 cursor = chosen > 0 ? m_watermarks[chosen] : std::numeric_limits<qint64>::max();
    for (int k = chosen - 1; k >= 0; --k) {
        const qint64 tailFrom = std::max(cursor, request.fromMs);
        const qint64 tailTo = k > 0 ? std::min(request.toMs, m_watermarks[k] - 1) : request.toMs;
        if (Status s = readPoints(k, request.kind, slot, figure, tailFrom, tailTo, series.points);
            !s)
            return s.error();
        if (k > 0)
            cursor = std::max(cursor, m_watermarks[k]);
    }
    // A wanted step applies to every point, the finer tail included: the caller asked for
    // points no closer than that.
    if (request.stepMs > 0 && !series.points.isEmpty()) {
        const qint64 step = std::max(request.stepMs, series.stepMs);
        series.points = rebucket(series.points, step, aggregationOf(request.metric));
        series.stepMs = step;
    }
    return series;
}

Result<QList<Event>> MetricsDb::queryEvents(qint64 fromMs, qint64 toMs, int limit)
{
    if (!m_open)
        return Error{tr("The history is not open.")};
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t, kind, broker, topic, partition, grp, before, after, text "
                             "FROM events WHERE t >= ? AND t <= ? ORDER BY t DESC, id DESC "
                             "LIMIT ?"));
    q.bindValue(0, fromMs);
    q.bindValue(1, toMs);
    q.bindValue(2, limit);
    if (!q.exec())
        return fail(q.lastError(), tr("Could not read the events")).error();
    QList<Event> events;
    while (q.next()) {
        Event e;
        if (!Event::parseKindKey(q.value(1).toString(), &e.kind))
            continue; // a kind written by a newer Kastle
        e.timeMs = q.value(0).toLongLong();
        e.broker = q.value(2).toInt();
        e.topic = q.value(3).toString();
        e.partition = q.value(4).toInt();
        e.group = q.value(5).toString();
        e.before = q.value(6).toString();
        e.after = q.value(7).toString();
        e.text = q.value(8).toString();
        events.append(std::move(e));
    }
    std::reverse(events.begin(), events.end());
    return events;
}

} // namespace kastle::core

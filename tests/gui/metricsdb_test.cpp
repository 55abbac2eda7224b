// MetricsDb on real SQLite files: the block codec, round trips, the downsampling tiers with
// their retention, the size bound, and FrameBuilder's choice of what a snapshot records.
#include "history/framebuilder.h"
#include "history/metricsblock.h"
#include "history/metricsdb.h"
#include "snapshotfactory.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace kastle::core;
using kastle::test::makeBroker;
using kastle::test::makeGroup;
using kastle::test::makeTopic;
using kastle::test::SnapshotBuilder;

namespace {

constexpr qint64 T0 = 1'699'999'800'000; // a whole 10 minutes since the epoch
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

EntitySample topicSample(const QString &name, double rate, qint64 endOffsets)
{
    EntitySample s(EntityKind::Topic, name);
    s.set(Metric::MessagesPerSecond, rate);
    s.setRaw(Metric::EndOffsets, endOffsets);
    s.setRaw(Metric::Partitions, 3);
    return s;
}

EntitySample groupSample(const QString &name, qint64 lag)
{
    EntitySample s(EntityKind::Group, name);
    s.setRaw(Metric::Lag, lag);
    s.set(Metric::LagSeconds, double(lag) / 10.0);
    return s;
}

Series query(MetricsDb &db, EntityKind kind, const QString &name, Metric metric, qint64 from,
             qint64 to, qint64 step = 0)
{
    const Result<Series> r = db.querySeries({kind, name, metric, from, to, step});
    EXPECT_TRUE(r.ok()) << (r ? std::string() : r.error().message.toStdString());
    return r ? *r : Series{};
}

class MetricsDbTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }
    QTemporaryDir m_dir;
};

} // namespace

TEST(MetricsBlock, EncodesSparseLanesAndReadsOneLaneAlone)
{
    Block block;
    block.set(0, {0, 5, -1, 1'000'000'000'000});
    block.set(17, {7});
    block.set(63, {-1, -1, 300});
    const QByteArray blob = encodeBlock(block);

    Block decoded;
    ASSERT_TRUE(decodeBlock(blob, decoded));
    EXPECT_EQ(decoded.mask, block.mask);
    for (int lane : {0, 17, 63})
        EXPECT_EQ(decoded.lanes[size_t(lane)], block.lanes[size_t(lane)]) << lane;

    LaneValues one;
    ASSERT_TRUE(decodeLane(blob, 63, one));
    EXPECT_EQ(one, (LaneValues{-1, -1, 300}));
    EXPECT_FALSE(decodeLane(blob, 5, one));                         // absent lane
    EXPECT_FALSE(decodeBlock(blob.left(blob.size() - 1), decoded)); // truncated
    QByteArray wrongVersion = blob;
    wrongVersion[0] = char(9);
    EXPECT_FALSE(decodeBlock(wrongVersion, decoded));
}

TEST(MetricsBlock, FoldKeepsMeanMaxAndLast)
{
    // Topic lanes: MessagesPerSecond is MeanMax, EndOffsets is Last.
    const int rate = figureIndex(EntityKind::Topic, Metric::MessagesPerSecond);
    const int offsets = figureIndex(EntityKind::Topic, Metric::EndOffsets);
    LaneFold fold(EntityKind::Topic, false);
    for (qint64 v : {1000, 4000, 1000}) {
        LaneValues lane(slotCount(EntityKind::Topic, false), -1);
        lane[rate] = v;
        lane[offsets] = v * 10;
        fold.add(lane);
    }
    const LaneValues out = fold.result();
    const SlotRange r = slotOf(EntityKind::Topic, rate, true);
    const SlotRange o = slotOf(EntityKind::Topic, offsets, true);
    ASSERT_EQ(out.size(), slotCount(EntityKind::Topic, true));
    EXPECT_EQ(r.width, 2);
    EXPECT_EQ(out[r.first], 2000);     // mean
    EXPECT_EQ(out[r.first + 1], 4000); // max
    EXPECT_EQ(o.width, 1);
    EXPECT_EQ(out[o.first], 10000); // last
    // A figure never known stays unknown rather than becoming zero.
    const SlotRange size =
        slotOf(EntityKind::Topic, figureIndex(EntityKind::Topic, Metric::SizeBytes), true);
    EXPECT_EQ(out[size.first], -1);
}

TEST_F(MetricsDbTest, RoundTripOfFiguresAndEvents)
{
    MetricsDb db;
    ASSERT_TRUE(db.open(path()).ok());
    QList<MetricsFrame> frames;
    for (int i = 0; i < 20; ++i) {
        MetricsFrame f{T0 + i * 5 * Second, {}};
        EntitySample cluster(EntityKind::Cluster, QString());
        cluster.setRaw(Metric::Topics, 2);
        cluster.set(Metric::MessagesPerSecond, 10.5 + i);
        f.samples.append(cluster);
        f.samples.append(topicSample(QStringLiteral("orders"), 2.25 * i, 1000 + i));
        if (i % 2 == 0) // a group sampled every other round
            f.samples.append(groupSample(QStringLiteral("billing"), 40 - i));
        frames.append(f);
    }
    Event created;
    created.kind = EventKind::TopicCreated;
    created.timeMs = T0 + 3 * Second;
    created.topic = QStringLiteral("orders");
    created.text = QStringLiteral("Topic orders was created.");
    Event leader;
    leader.kind = EventKind::LeaderChange;
    leader.timeMs = T0 + 50 * Second;
    leader.topic = QStringLiteral("orders");
    leader.partition = 2;
    leader.before = QStringLiteral("1");
    leader.after = QStringLiteral("2");
    leader.text = QStringLiteral("Leader of orders-2 moved from 1 to 2.");
    ASSERT_TRUE(db.write(frames, {leader, created}).ok());

    const Series rate = query(db, EntityKind::Topic, QStringLiteral("orders"),
                              Metric::MessagesPerSecond, T0, T0 + Hour);
    EXPECT_EQ(rate.tier, 0);
    ASSERT_EQ(rate.points.size(), 20);
    for (int i = 0; i < 20; ++i) {
        EXPECT_EQ(rate.points[i].timeMs, T0 + i * 5 * Second);
        EXPECT_DOUBLE_EQ(rate.points[i].value, 2.25 * i);
    }
    const Series offsets = query(db, EntityKind::Topic, QStringLiteral("orders"),
                                 Metric::EndOffsets, T0 + 10 * Second, T0 + 20 * Second);
    ASSERT_EQ(offsets.points.size(), 3); // 10 s, 15 s, 20 s: both ends included
    EXPECT_EQ(offsets.points[0].value, 1002);
    const Series lag =
        query(db, EntityKind::Group, QStringLiteral("billing"), Metric::LagSeconds, T0, T0 + Hour);
    ASSERT_EQ(lag.points.size(), 10);
    EXPECT_DOUBLE_EQ(lag.points[1].value, 3.8);
    const Series clusterRate =
        query(db, EntityKind::Cluster, QString(), Metric::MessagesPerSecond, T0, T0 + Hour);
    ASSERT_EQ(clusterRate.points.size(), 20);
    EXPECT_DOUBLE_EQ(clusterRate.points[19].value, 29.5);

    // Never recorded: empty, not an error. Not a figure of that kind: an error.
    EXPECT_TRUE(
        query(db, EntityKind::Topic, QStringLiteral("nope"), Metric::EndOffsets, T0, T0 + Hour)
            .points.isEmpty());
    EXPECT_TRUE(query(db, EntityKind::Topic, QStringLiteral("orders"), Metric::SizeBytes, T0,
                      T0 + Hour)
                    .points.isEmpty()); // never known
    EXPECT_FALSE(db.querySeries({EntityKind::Topic, QStringLiteral("orders"), Metric::Members, T0,
                                 T0 + Hour, 0})
                     .ok());

    const Result<QList<Event>> events = db.queryEvents(T0, T0 + Hour);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 2);
    EXPECT_EQ(events->at(0), created); // oldest first
    EXPECT_EQ(events->at(1), leader);
    const Result<QList<Event>> newest = db.queryEvents(T0, T0 + Hour, 1);
    ASSERT_TRUE(newest.ok());
    ASSERT_EQ(newest->size(), 1);
    EXPECT_EQ(newest->at(0).kind, EventKind::LeaderChange);
    EXPECT_EQ(db.entityNames(EntityKind::Topic), QStringList{QStringLiteral("orders")});
}

TEST_F(MetricsDbTest, RoundsInTheSameMillisecondMerge)
{
    MetricsDb db;
    ASSERT_TRUE(db.open(path()).ok());
    // A round of topics and a round of groups stamped alike, in separate transactions.
    ASSERT_TRUE(db.write({{T0, {topicSample(QStringLiteral("a"), 1, 10)}}}).ok());
    ASSERT_TRUE(db.write({{T0, {topicSample(QStringLiteral("b"), 2, 20)}}}).ok());
    EXPECT_EQ(
        query(db, EntityKind::Topic, QStringLiteral("a"), Metric::EndOffsets, T0, T0).points.size(),
        1);
    EXPECT_EQ(
        query(db, EntityKind::Topic, QStringLiteral("b"), Metric::EndOffsets, T0, T0).points.size(),
        1);
}

TEST_F(MetricsDbTest, DownsamplingTiersFoldMeanMaxAndLast)
{
    MetricsDb db;
    ASSERT_TRUE(db.open(path()).ok());
    const QList<Tier> tiers = defaultTiers();
    ASSERT_EQ(tiers.size(), 3);
    EXPECT_EQ(tiers[0], (Tier{0, Hour}));
    EXPECT_EQ(tiers[1], (Tier{Minute, 7 * Day}));
    EXPECT_EQ(tiers[2], (Tier{10 * Minute, 90 * Day}));

    // Three hours of rounds every 10 s; written an hour at a time.
    const auto rateOf = [](int i) { return double(i % 7) + 0.5; };
    const int rounds = 3 * 360;
    for (int hour = 0; hour < 3; ++hour) {
        QList<MetricsFrame> frames;
        for (int i = hour * 360; i < (hour + 1) * 360; ++i) {
            frames.append({T0 + i * 10 * Second,
                           {topicSample(QStringLiteral("orders"), rateOf(i), 100 * i)}});
        }
        ASSERT_TRUE(db.write(frames).ok());
    }
    const qint64 newest = T0 + (rounds - 1) * 10 * Second;
    EXPECT_EQ(db.newestTimeMs(), newest);

    // Tier 0 keeps one hour behind the newest round (trimmed once a minute).
    const MetricsDb::Stats stats = db.stats();
    EXPECT_GE(stats.oldestPerTier[0], newest - Hour - Minute);
    EXPECT_LE(stats.oldestPerTier[0], newest - Hour + Minute);
    EXPECT_EQ(stats.oldestPerTier[1], T0);
    EXPECT_EQ(stats.oldestPerTier[2], T0);

    // Minute tier: mean and max of the six rounds of each minute; the last end offset.
    const Series minutes = query(db, EntityKind::Topic, QStringLiteral("orders"),
                                 Metric::MessagesPerSecond, T0, T0 + 29 * Minute, Minute);
    EXPECT_EQ(minutes.tier, 1);
    ASSERT_EQ(minutes.points.size(), 30);
    for (int m = 0; m < 30; ++m) {
        double sum = 0, max = 0;
        for (int i = 6 * m; i < 6 * m + 6; ++i) {
            sum += rateOf(i);
            max = std::max(max, rateOf(i));
        }
        EXPECT_EQ(minutes.points[m].timeMs, T0 + m * Minute);
        EXPECT_NEAR(minutes.points[m].value, sum / 6, 0.001) << m;
        EXPECT_DOUBLE_EQ(minutes.points[m].max, max) << m;
    }
    const Series lastOffsets = query(db, EntityKind::Topic, QStringLiteral("orders"),
                                     Metric::EndOffsets, T0, T0 + 2 * Minute, Minute);
    ASSERT_EQ(lastOffsets.points.size(), 3);
    EXPECT_EQ(lastOffsets.points[0].value, 100 * 5);
    EXPECT_EQ(lastOffsets.points[2].value, 100 * 17);

    // Ten-minute tier: 17 complete buckets, then the unfolded tail from finer tiers.
    const Series tens = query(db, EntityKind::Topic, QStringLiteral("orders"),
                              Metric::MessagesPerSecond, T0, newest, 10 * Minute);
    EXPECT_EQ(tens.tier, 2);
    ASSERT_EQ(tens.points.size(), 18);
    for (int b = 0; b < 17; ++b) {
        double sum = 0, max = 0;
        for (int i = 60 * b; i < 60 * b + 60; ++i) {
            sum += rateOf(i);
            max = std::max(max, rateOf(i));
        }
        EXPECT_EQ(tens.points[b].timeMs, T0 + b * 10 * Minute);
        EXPECT_NEAR(tens.points[b].value, sum / 60, 0.002) << b;
        EXPECT_DOUBLE_EQ(tens.points[b].max, max) << b;
    }
    EXPECT_EQ(tens.points[17].timeMs, T0 + 170 * Minute);

    // Finest data that reaches back: raw for the last half hour, minutes for two hours (with
    // the newest rounds appended raw, so the chart runs up to now).
    const Series recent = query(db, EntityKind::Topic, QStringLiteral("orders"),
                                Metric::MessagesPerSecond, newest - 30 * Minute, newest);
    EXPECT_EQ(recent.tier, 0);
    EXPECT_EQ(recent.points.size(), 181);
    const Series twoHours = query(db, EntityKind::Topic, QStringLiteral("orders"),
                                  Metric::MessagesPerSecond, newest - 2 * Hour, newest);
    EXPECT_EQ(twoHours.tier, 1);
    ASSERT_FALSE(twoHours.points.isEmpty());
    EXPECT_EQ(twoHours.points.last().timeMs, newest);
    for (qsizetype i = 1; i < twoHours.points.size(); ++i)
        ASSERT_LT(twoHours.points[i - 1].timeMs, twoHours.points[i].timeMs) << i;
}

TEST_F(MetricsDbTest, AYoungHistoryIsAnsweredFromItsRawRounds)
{
    MetricsDb db;
    ASSERT_TRUE(db.open(path()).ok());
    // Four and a half minutes of rounds every 5 s (the minute tier has folded some buckets); a
    // five-minute chart reaches back before the first round.
    const qint64 start = T0 + 30 * Second;
    QList<MetricsFrame> frames;
    for (int i = 0; i < 54; ++i)
        frames.append({start + i * 5 * Second, {topicSample(QStringLiteral("orders"), i, i)}});
    ASSERT_TRUE(db.write(frames).ok());
    const qint64 newest = frames.constLast().timeMs;
    const Series s = query(db, EntityKind::Topic, QStringLiteral("orders"),
                           Metric::MessagesPerSecond, newest - 5 * Minute, newest);
    EXPECT_EQ(s.tier, 0);
    ASSERT_EQ(s.points.size(), 54);
    EXPECT_EQ(s.points.first().timeMs, start);
    // Asked for minute points, the minute tier answers.
    const Series minutes = query(db, EntityKind::Topic, QStringLiteral("orders"),
                                 Metric::MessagesPerSecond, newest - 5 * Minute, newest, Minute);
    EXPECT_EQ(minutes.tier, 1);
}

TEST_F(MetricsDbTest, AYoungHistoryIsAnsweredFromItsRawRoundsWhateverTheClock)
{
    // Rounds every 2 s, a five-minute chart reaching back before the first one. (a) Three
    // minutes that began 17 s before a whole ten minutes (the sandbox of issue 6): the minute
    // tier has folded past T0, so the ten-minute tier holds a bucket from T0 - 10 min, which
    // starts before the chart does. (b) Rounds that began 4 s after the chart's start, in the
    // same minute: the minute tier's first bucket starts before the chart does. Neither coarse
    // tier holds a round the raw tier does not.
    struct Case
    {
        qint64 start;
        int rounds;
    };
    for (const Case c : {Case{T0 - 17 * Second, 91}, Case{T0 + 10 * Second, 149}}) {
        MetricsDb db;
        ASSERT_TRUE(db.open(m_dir.filePath(QStringLiteral("young%1.sqlite").arg(c.rounds))).ok());
        for (int i = 0; i < c.rounds; ++i) {
            const MetricsFrame f{c.start + i * 2 * Second,
                                 {topicSample(QStringLiteral("orders"), 50 + i % 7, i)}};
            ASSERT_TRUE(db.write({f}).ok());
        }
        const qint64 newest = c.start + (c.rounds - 1) * 2 * Second;
        const Series s = query(db, EntityKind::Topic, QStringLiteral("orders"),
                               Metric::MessagesPerSecond, newest - 5 * Minute, newest);
        EXPECT_EQ(s.tier, 0) << c.start - T0;
        ASSERT_EQ(s.points.size(), c.rounds) << c.start - T0;
        EXPECT_EQ(s.points.first().timeMs, c.start);
        for (qsizetype i = 1; i < s.points.size(); ++i)
            ASSERT_EQ(s.points[i].timeMs - s.points[i - 1].timeMs, 2 * Second) << i;
    }
}

TEST_F(MetricsDbTest, RetentionPerTierAndForEvents)
{
    MetricsDb db;
    ASSERT_TRUE(db.open(path()).ok());
    Event old;
    old.kind = EventKind::BrokerLost;
    old.timeMs = T0;
    old.broker = 2;
    ASSERT_TRUE(db.write({}, {old}).ok());
    // 100 days of a round every 10 minutes, in one transaction per day.
    for (int day = 0; day < 100; ++day) {
        QList<MetricsFrame> frames;
        for (int i = 0; i < 144; ++i) {
            const qint64 t = T0 + day * Day + i * 10 * Minute;
            frames.append({t, {groupSample(QStringLiteral("g"), day)}});
        }
        ASSERT_TRUE(db.write(frames).ok());
    }
    const qint64 newest = T0 + 99 * Day + 143 * 10 * Minute;
    const MetricsDb::Stats stats = db.stats();
    EXPECT_GE(stats.oldestPerTier[0], newest - Hour);
    EXPECT_GE(stats.oldestPerTier[1], newest - 7 * Day);
    EXPECT_LE(stats.oldestPerTier[1], newest - 7 * Day + 10 * Minute);
    EXPECT_GE(stats.oldestPerTier[2], newest - 90 * Day);
    EXPECT_LE(stats.oldestPerTier[2], newest - 90 * Day + 10 * Minute);
    EXPECT_TRUE(db.queryEvents(0, newest)->isEmpty()); // older than 90 days

    // A chart of the whole range comes from the coarsest tier.
    const Series all = query(db, EntityKind::Group, QStringLiteral("g"), Metric::Lag, T0, newest);
    EXPECT_EQ(all.tier, 2);
    EXPECT_GE(all.points.first().timeMs, newest - 90 * Day);
    EXPECT_EQ(all.points.last().value, 99);
}

TEST_F(MetricsDbTest, SizeBoundDropsTheCoarsestTierFirst)
{
    MetricsDb::Options options;
    options.maxBytes = 1 << 20;
    MetricsDb db;
    ASSERT_TRUE(db.open(path(), options).ok());
    const qint64 budget = options.maxBytes - db.walLimitBytes();

    // 100 topics, a round a minute, three days: ~15 MB of minute and ten-minute points.
    qint64 t = T0;
    bool evicting = false;
    for (int hour = 0; hour < 72; ++hour) {
        QList<MetricsFrame> frames;
        for (int m = 0; m < 60; ++m, t += Minute) {
            MetricsFrame f{t, {}};
            for (int k = 0; k < 100; ++k)
                f.samples.append(topicSample(QStringLiteral("topic-%1").arg(k), k + m, t / 1000));
            frames.append(f);
        }
        ASSERT_TRUE(db.write(frames).ok());
        const MetricsDb::Stats s = db.stats();
        ASSERT_LE(s.usedBytes, budget) << "hour " << hour;
        if (s.rowsEvicted == 0)
            continue;
        if (!evicting) {
            // The first time: the ten-minute tail went first.
            EXPECT_GT(s.oldestPerTier[2], T0) << "hour " << hour;
            evicting = true;
        }
        // From then on the two aggregated tiers shrink in step (within one ten-minute bucket),
        // and the raw hour is untouched.
        EXPECT_LE(std::abs(s.oldestPerTier[1] - s.oldestPerTier[2]), 10 * Minute)
            << "hour " << hour;
        EXPECT_LE(s.oldestPerTier[0], t - Hour) << "hour " << hour;
    }
    ASSERT_TRUE(db.checkpoint().ok());
    EXPECT_TRUE(evicting);
    EXPECT_LE(QFileInfo(path()).size(), budget);
    EXPECT_LE(QFileInfo(path()).size() + QFileInfo(path() + QStringLiteral("-wal")).size(),
              options.maxBytes);
    // The newest hour is whole.
    const qint64 newest = t - Minute;
    EXPECT_EQ(query(db, EntityKind::Topic, QStringLiteral("topic-7"), Metric::MessagesPerSecond,
                    newest - 59 * Minute, newest)
                  .points.size(),
              60);
}

TEST_F(MetricsDbTest, RejectsTiersThatDoNotNest)
{
    MetricsDb::Options options;
    options.tiers = {{0, Hour}, {Minute, Day}, {90 * Second, Day}};
    MetricsDb db;
    EXPECT_FALSE(db.open(path(), options).ok());
}

TEST(FrameBuilder, RecordsWhatWasSampledSinceTheLastRound)
{
    SnapshotBuilder b;
    b.brokers = {makeBroker(1, 5000), makeBroker(2)};
    b.topics = {makeTopic(QStringLiteral("orders"), 3, 100, 12.5),
                makeTopic(QStringLiteral("audit"), 2, -1)};
    b.groups = {makeGroup(QStringLiteral("billing"), QStringLiteral("Stable"), 42, 2)};
    const ClusterSnapshotPtr first = b.build();

    FrameBuilder builder(1000);
    const std::optional<MetricsFrame> f1 = builder.build(first);
    ASSERT_TRUE(f1.has_value());
    EXPECT_EQ(f1->timeMs, b.takenAtMs);
    ASSERT_EQ(f1->samples.size(), 1 + 2 + 2 + 1);
    const EntitySample &cluster = f1->samples[0];
    EXPECT_EQ(cluster.kind, EntityKind::Cluster);
    EXPECT_EQ(cluster.raw(Metric::Partitions), 5);
    EXPECT_EQ(cluster.raw(Metric::EndOffsets), -1); // "audit" has no end offsets yet
    EXPECT_EQ(cluster.raw(Metric::Lag), 42);
    auto find = [](const MetricsFrame &f, EntityKind kind, const QString &name) {
        for (const EntitySample &s : f.samples) {
            if (s.kind == kind && s.name == name)
                return s;
        }
        return EntitySample();
    };
    const EntitySample orders = find(*f1, EntityKind::Topic, QStringLiteral("orders"));
    EXPECT_EQ(orders.raw(Metric::EndOffsets), 300);
    EXPECT_EQ(orders.raw(Metric::MessagesPerSecond), 12500);
    EXPECT_EQ(find(*f1, EntityKind::Broker, QStringLiteral("1")).raw(Metric::SizeBytes), 5000);
    EXPECT_EQ(find(*f1, EntityKind::Group, QStringLiteral("billing")).raw(Metric::Members), 2);

    // Too soon after the last round: nothing.
    b.takenAtMs += 500;
    EXPECT_FALSE(builder.build(b.build()).has_value());

    // Later, same offsets round, same tables: nothing new was sampled.
    SnapshotBuilder same = b;
    same.takenAtMs = first->takenAtMs + 5000;
    same.offsetsAtMs = first->offsetsAtMs;
    same.keepTopics = first->topics;
    same.keepGroups = first->groups;
    auto unchanged = std::const_pointer_cast<ClusterSnapshot>(same.build());
    unchanged->metadataAtMs = first->metadataAtMs;
    unchanged->groupsAtMs = first->groupsAtMs;
    unchanged->brokers = first->brokers;
    EXPECT_FALSE(builder.build(unchanged).has_value());

    // Only one group re-sampled: the round has cluster, brokers and that group, no topics.
    auto groups = std::make_shared<GroupTable>(*first->groups);
    groups->groups[0] = makeGroup(QStringLiteral("billing"), QStringLiteral("Stable"), 7, 2);
    auto regrouped = std::make_shared<ClusterSnapshot>(*unchanged);
    regrouped->takenAtMs += 5000;
    regrouped->groupsAtMs = regrouped->takenAtMs;
    regrouped->groups = groups;
    const std::optional<MetricsFrame> f2 = builder.build(regrouped);
    ASSERT_TRUE(f2.has_value());
    EXPECT_EQ(f2->samples.size(), 1 + 2 + 1);
    EXPECT_EQ(find(*f2, EntityKind::Group, QStringLiteral("billing")).raw(Metric::Lag), 7);
}

TEST(FrameBuilder, PartitionsAreRecordedWhenTheyChange)
{
    const auto partitionSamples = [](const MetricsFrame &f) {
        QStringList names;
        for (const EntitySample &s : f.samples) {
            if (s.kind == EntityKind::Partition)
                names.append(s.name);
        }
        return names;
    };
    // A copy of `topic` whose partition `p` moved on by `by` messages.
    const auto moved = [](const TopicSnapshotPtr &topic, int p, int64_t by) {
        TopicSnapshot t = *topic;
        t.partitions[size_t(p)].endOffset += by;
        return kastle::test::finishTopic(std::move(t));
    };
    FrameBuilder builder(1000, Minute, Hour);
    SnapshotBuilder b;
    const qint64 t0 = b.takenAtMs;
    b.topics = {makeTopic(QStringLiteral("orders"), 3, 100),
                makeTopic(QStringLiteral("audit"), 2, 7)};

    // The first round is a keyframe: every partition.
    const std::optional<MetricsFrame> first = builder.build(b.build());
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(partitionSamples(*first).size(), 5);
    const EntitySample *orders0 = nullptr;
    for (const EntitySample &s : first->samples) {
        if (s.kind == EntityKind::Partition && s.name == QStringLiteral("orders:0"))
            orders0 = &s;
    }
    ASSERT_NE(orders0, nullptr);
    EXPECT_EQ(orders0->raw(Metric::EndOffsets), 100);
    EXPECT_EQ(orders0->raw(Metric::Messages), 100);

    // Five seconds later orders-1 moved: a round, but too soon for partitions.
    b.topics[0] = moved(b.topics[0], 1, 5);
    b.takenAtMs = t0 + 5 * Second;
    const std::optional<MetricsFrame> soon = builder.build(b.build());
    ASSERT_TRUE(soon.has_value());
    EXPECT_TRUE(partitionSamples(*soon).isEmpty());

    // A minute after the keyframe: only the partition that differs from what that round saw.
    b.takenAtMs = t0 + 65 * Second;
    const std::optional<MetricsFrame> later = builder.build(b.build());
    ASSERT_TRUE(later.has_value());
    EXPECT_EQ(partitionSamples(*later), QStringList{QStringLiteral("orders:1")});

    // Nothing moved since: rounds go on, without partitions.
    b.takenAtMs = t0 + 130 * Second;
    const std::optional<MetricsFrame> idle = builder.build(b.build());
    ASSERT_TRUE(idle.has_value());
    EXPECT_TRUE(partitionSamples(*idle).isEmpty());

    // An hour after the keyframe, every partition again.
    b.takenAtMs = t0 + Hour + Second;
    const std::optional<MetricsFrame> keyframe = builder.build(b.build());
    ASSERT_TRUE(keyframe.has_value());
    EXPECT_EQ(partitionSamples(*keyframe).size(), 5);

    // Partitions off (the default): none at all.
    FrameBuilder off(1000);
    EXPECT_TRUE(partitionSamples(*off.build(b.build())).isEmpty());
}

TEST_F(MetricsDbTest, MeansAreWeightedByHowLongEachSampleHeld)
{
    MetricsDb db;
    ASSERT_TRUE(db.open(path()).ok());
    // Within one minute: 10 msg/s at 0 s, 0 msg/s from 50 s on (the idle rounds in between
    // were left out); then a round in the next minute completes the bucket.
    ASSERT_TRUE(db.write({{T0, {topicSample(QStringLiteral("t"), 10, 100)}},
                          {T0 + 50 * Second, {topicSample(QStringLiteral("t"), 0, 600)}},
                          {T0 + Minute, {topicSample(QStringLiteral("t"), 0, 600)}}})
                    .ok());
    const Series minute = query(db, EntityKind::Topic, QStringLiteral("t"),
                                Metric::MessagesPerSecond, T0, T0, Minute);
    ASSERT_EQ(minute.tier, 1);
    ASSERT_FALSE(minute.points.isEmpty());
    EXPECT_NEAR(minute.points[0].value, 10.0 * 50 / 60, 0.001); // not (10 + 0) / 2
    EXPECT_DOUBLE_EQ(minute.points[0].max, 10);
}

TEST(IdleFilter, UnchangedEntitiesKeepOneSamplePerBucket)
{
    IdleFilter filter(Minute);
    int busyKept = 0, idleKept = 0, clusterKept = 0;
    for (int i = 0; i < 36; ++i) { // three minutes of 5 s rounds
        MetricsFrame f{T0 + i * 5 * Second,
                       {EntitySample(EntityKind::Cluster, QString()),
                        topicSample(QStringLiteral("busy"), 1, 100 + i),
                        topicSample(QStringLiteral("idle"), 0, 100),
                        groupSample(QStringLiteral("g"), 3)}};
        filter.apply(f);
        for (const EntitySample &s : f.samples) {
            busyKept += s.name == QStringLiteral("busy");
            idleKept += s.name == QStringLiteral("idle") || s.name == QStringLiteral("g");
            clusterKept += s.kind == EntityKind::Cluster;
        }
    }
    EXPECT_EQ(busyKept, 36);
    EXPECT_EQ(idleKept, 2 * 3); // the idle topic and the group: once per minute
    EXPECT_EQ(clusterKept, 36);
    EXPECT_EQ(filter.dropped(), 2 * 33);
}

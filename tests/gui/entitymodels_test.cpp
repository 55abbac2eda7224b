// The entity models (brokers, topics, partitions, groups, members, group offsets, events) and
// their proxies under QAbstractItemModelTester: a sequence of snapshots becomes in-place row
// changes (inserted, removed, changed rows; never a reset), persistent indexes follow their rows,
// and the proxies filter and sort by the models' roles.
#include "history/metricsstore.h"
#include "models/brokermodel.h"
#include "models/entityproxies.h"
#include "models/eventmodel.h"
#include "models/groupmembermodel.h"
#include "models/groupmodel.h"
#include "models/groupoffsetmodel.h"
#include "models/partitionmodel.h"
#include "models/topicmodel.h"
#include "snapshotfactory.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

#include <gtest/gtest.h>

using namespace kastle::core;
using namespace kastle::test;

namespace {

using Tester = QAbstractItemModelTester;
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// Counts what a model signals; a reset is never expected.
struct Signals
{
    explicit Signals(QAbstractItemModel *model)
        : resets(model, &QAbstractItemModel::modelReset)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , layouts(model, &QAbstractItemModel::layoutChanged)
    {}
    void clear()
    {
        resets.clear();
        inserted.clear();
        removed.clear();
        changed.clear();
        layouts.clear();
    }
    QSignalSpy resets, inserted, removed, changed, layouts;
};

// A model and its proxy, both under QAbstractItemModelTester, with the model's signals counted.
template<typename Model, typename Proxy>
struct Checked
{
    template<typename... Args>
    explicit Checked(Args... args)
        : model(args...)
    {
        proxy.setSourceModel(&model);
    }
    std::tuple<Model &, Proxy &, Signals &> parts() { return {model, proxy, s}; }

    Model model;
    Proxy proxy;
    Signals s{&model};
    Tester tester{&model, Fatal};
    Tester proxyTester{&proxy, Fatal};
};

QString cell(const QAbstractItemModel &m, int row, int column, int role = Qt::DisplayRole)
{
    return m.index(row, column).data(role).toString();
}

// A copy of `topic` with partition `p` changed by `edit`, aggregates recomputed.
template<typename Edit>
TopicSnapshotPtr editPartition(const TopicSnapshotPtr &topic, int p, Edit edit)
{
    TopicSnapshot t = *topic;
    edit(t.partitions[size_t(p)]);
    return finishTopic(std::move(t));
}

GroupSnapshotPtr groupWithOffsets(const QString &id, const QString &state,
                                  std::vector<GroupOffset> offsets,
                                  std::vector<GroupMember> members = {})
{
    GroupSnapshot g;
    g.groupId = id;
    g.state = state;
    g.protocolType = QStringLiteral("consumer");
    g.protocol = QStringLiteral("range");
    g.offsets = std::move(offsets);
    g.members = std::move(members);
    g.totalLag = 0;
    for (const GroupOffset &o : g.offsets)
        g.totalLag += std::max<int64_t>(0, o.lag);
    return std::make_shared<const GroupSnapshot>(std::move(g));
}

GroupOffset offset(const QString &topic, int partition, int64_t committed, int64_t end)
{
    GroupOffset o;
    o.topic = topic;
    o.partition = partition;
    o.committedOffset = committed;
    o.endOffset = end;
    o.lag = std::max<int64_t>(0, end - committed);
    return o;
}

GroupMember member(const QString &id, const QString &client, std::vector<TopicPartition> assignment)
{
    GroupMember m;
    m.memberId = id;
    m.clientId = client;
    m.clientHost = QStringLiteral("/10.0.0.") + id.right(1);
    m.assignment = std::move(assignment);
    return m;
}

} // namespace

TEST(BrokerModel, BrokersJoinLeaveAndChangeInPlace)
{
    Checked<BrokerModel, BrokerProxy> checked;
    auto [model, proxy, s] = checked.parts();

    SnapshotBuilder b;
    b.brokers = {makeBroker(1, 100), makeBroker(2, 200), makeBroker(3, 300)};
    model.setSnapshot(b.build());
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(cell(model, 1, BrokerModel::HostColumn), QStringLiteral("127.0.0.1:9094"));
    EXPECT_EQ(model.index(2, BrokerModel::SizeColumn).data(BrokerModel::SortRole).toLongLong(),
              300);
    const QPersistentModelIndex three = model.index(2, 0);

    // Broker 2 lost, broker 3 grew, broker 4 joined.
    s.clear();
    b.brokers = {makeBroker(1, 100), makeBroker(3, 350), makeBroker(4, 0)};
    model.setSnapshot(b.build());
    EXPECT_EQ(s.resets.count(), 0);
    EXPECT_EQ(s.removed.count(), 1);
    EXPECT_EQ(s.inserted.count(), 1);
    ASSERT_EQ(s.changed.count(), 1);
    EXPECT_EQ(s.changed.first().at(0).toModelIndex().row(), 1); // broker 3, now row 1
    EXPECT_EQ(three.row(), 1);
    EXPECT_EQ(three.data(BrokerModel::IdRole).toInt(), 3);
    EXPECT_EQ(model.rowOf(4), 2);
    EXPECT_EQ(model.rowOf(2), -1);

    // The same brokers again: nothing is signalled.
    s.clear();
    model.setSnapshot(b.build());
    EXPECT_EQ(s.inserted.count() + s.removed.count() + s.changed.count() + s.resets.count(), 0);

    proxy.sort(BrokerModel::SizeColumn, Qt::DescendingOrder);
    EXPECT_EQ(proxy.index(0, 0).data(BrokerModel::IdRole).toInt(), 3);
    proxy.setSearchText(QStringLiteral("4 127"));
    EXPECT_EQ(proxy.rowCount(), 1);

    model.setSnapshot(nullptr);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(s.resets.count(), 0);
}

TEST(TopicModel, TopicsMergeByNameAndOnlyShownChangesSignal)
{
    Checked<TopicModel, TopicProxy> checked;
    auto [model, proxy, s] = checked.parts();

    SnapshotBuilder b;
    b.topics = {makeTopic(QStringLiteral("orders"), 3, 100, 5.0),
                makeTopic(QStringLiteral("audit"), 1, 10, 0.5),
                makeTopic(QStringLiteral("__consumer_offsets"), 50, 0)};
    const ClusterSnapshotPtr first = b.build();
    model.setSnapshot(first);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, 0).data(TopicModel::KeyRole).toString(),
              QStringLiteral("__consumer_offsets")); // sorted by name
    EXPECT_EQ(cell(model, 0, 0), TopicModel::tr("%1 (internal)").arg(u"__consumer_offsets"));
    EXPECT_EQ(cell(model, 2, TopicModel::MessagesColumn), QLocale().toString(300));
    EXPECT_EQ(model.index(2, TopicModel::PartitionsColumn).data(TopicModel::SortRole).toInt(), 3);
    EXPECT_EQ(proxy.rowCount(), 2); // internal topics hidden
    proxy.setShowInternal(true);
    EXPECT_EQ(proxy.rowCount(), 3);
    proxy.setShowInternal(false);
    const QPersistentModelIndex orders = model.index(2, 0);

    // A new topic between the others, "audit" deleted, "orders" re-sampled with the same
    // figures (a new piece, equal values: no signal), the internal topic untouched.
    s.clear();
    b.topics = {makeTopic(QStringLiteral("orders"), 3, 100, 5.0),
                makeTopic(QStringLiteral("billing"), 2, 7),
                makeTopic(QStringLiteral("__consumer_offsets"), 50, 0)};
    b.topics[2] = first->topics->topics[0]; // the same piece
    model.setSnapshot(b.build());
    EXPECT_EQ(s.resets.count(), 0);
    EXPECT_EQ(s.removed.count(), 1);
    EXPECT_EQ(s.inserted.count(), 1);
    EXPECT_EQ(s.changed.count(), 0);
    EXPECT_EQ(orders.data().toString(), QStringLiteral("orders"));
    EXPECT_EQ(model.rowOf(QStringLiteral("billing")), 1);

    // Offsets moved on "orders" and a partition of "billing" fell out of the ISR.
    s.clear();
    auto billing = makeTopic(QStringLiteral("billing"), 2, 7);
    billing = editPartition(billing, 1, [](PartitionSnapshot &p) {
        p.replicas = {1, 2};
        p.isr = {1};
        p.flags |= PartitionFlag::UnderReplicated;
    });
    b.topics = {makeTopic(QStringLiteral("orders"), 3, 250, 9.0), billing,
                first->topics->topics[0]};
    model.setSnapshot(b.build());
    EXPECT_EQ(s.resets.count(), 0);
    EXPECT_EQ(s.inserted.count() + s.removed.count(), 0);
    EXPECT_EQ(s.changed.count(), 1); // rows 1 and 2 are one run
    EXPECT_EQ(model.lastUpdate().changed, 2);
    EXPECT_EQ(cell(model, 1, TopicModel::StatusColumn),
              TopicModel::tr("%n under-replicated", nullptr, 1));
    EXPECT_TRUE(model.index(1, 0).data(TopicModel::ProblemRole).toBool());
    EXPECT_EQ(orders.sibling(orders.row(), TopicModel::MessagesColumn).data().toString(),
              QLocale().toString(750));

    // Proxy: problems only, search, sort by rate.
    proxy.setProblemsOnly(true);
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), QStringLiteral("billing"));
    proxy.setProblemsOnly(false);
    proxy.setSearchText(QStringLiteral("ORD"));
    ASSERT_EQ(proxy.rowCount(), 1);
    proxy.setSearchText(QString());
    proxy.sort(TopicModel::MessagesPerSecondColumn, Qt::DescendingOrder);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), QStringLiteral("orders"));
    EXPECT_EQ(proxy.index(1, 0).data().toString(), QStringLiteral("billing")); // -1 sorts last
}

TEST(TopicModel, TrendsGrowPerOffsetsRoundAndFlatRoundsStaySilent)
{
    Checked<TopicModel, TopicProxy> checked;
    auto [model, proxy, s] = checked.parts();
    proxy.sort(TopicModel::NameColumn, Qt::DescendingOrder);
    // The dataChanged signals that carry only the trend.
    const auto trendSignals = [&s = s] {
        QList<QPair<int, int>> rows;
        for (const QList<QVariant> &args : std::as_const(s.changed)) {
            if (args.at(2).value<QList<int>>() != QList<int>{TopicModel::TrendRole})
                continue;
            EXPECT_EQ(args.at(0).value<QModelIndex>().column(), TopicModel::TrendColumn);
            EXPECT_EQ(args.at(1).value<QModelIndex>().column(), TopicModel::TrendColumn);
            rows.append(
                {args.at(0).value<QModelIndex>().row(), args.at(1).value<QModelIndex>().row()});
        }
        return rows;
    };

    SnapshotBuilder b;
    b.takenAtMs = 1'700'000'010'000; // the start of a 15 s bucket
    const auto round = [&](double rateA, double rateB) {
        b.topics = {makeTopic(QStringLiteral("a"), 1, 10, rateA),
                    makeTopic(QStringLiteral("b"), 1, 10, rateB),
                    makeTopic(QStringLiteral("c"), 1, 10)}; // rate unknown
        s.clear();
        model.setSnapshot(b.build());
        b.takenAtMs += 15'000;
    };
    round(2, 0);
    EXPECT_EQ(
        model.index(0, TopicModel::TrendColumn).data(TopicModel::TrendRole).value<QList<double>>(),
        QList<double>{2});
    round(4, 0);
    EXPECT_EQ(model.index(0, 0).data(TopicModel::TrendRole).value<QList<double>>(),
              (QList<double>{2, 4}));
    EXPECT_EQ(model.index(1, 0).data(TopicModel::TrendRole).value<QList<double>>(),
              (QList<double>{0, 0}));
    EXPECT_TRUE(model.index(2, 0).data(TopicModel::TrendRole).value<QList<double>>().isEmpty());
    EXPECT_EQ(trendSignals(), (QList<QPair<int, int>>{{0, 1}})); // a and b, one run
    // "b" stays flat at 0: its sparkline looks the same, so only "a" signals.
    round(4, 0);
    EXPECT_EQ(model.index(1, 0).data(TopicModel::TrendRole).value<QList<double>>(),
              (QList<double>{0, 0, 0}));
    EXPECT_EQ(trendSignals(), (QList<QPair<int, int>>{{0, 0}}));
    // The same round again (no new offsets round) adds nothing.
    b.takenAtMs -= 15'000;
    round(4, 0);
    EXPECT_TRUE(trendSignals().isEmpty());
    EXPECT_EQ(model.index(0, 0).data(TopicModel::TrendRole).value<QList<double>>().size(), 3);
    // Sorting by name through the row order (TopicProxy::lessThan) matches the names.
    ASSERT_EQ(proxy.rowCount(), 3);
    EXPECT_EQ(proxy.index(0, 0).data(TopicModel::KeyRole).toString(), QStringLiteral("c"));
    EXPECT_EQ(proxy.index(2, 0).data(TopicModel::KeyRole).toString(), QStringLiteral("a"));
    // A topic gone leaves the trends.
    b.topics = {makeTopic(QStringLiteral("b"), 1, 10, 0)};
    model.setSnapshot(b.build());
    EXPECT_FALSE(model.trends().contains(QStringLiteral("a")));
    EXPECT_TRUE(model.trends().contains(QStringLiteral("b")));
}

TEST(TopicModel, AFirstFillGoesInStepsOfTheInsertCap)
{
    Checked<TopicModel, TopicProxy> checked;
    auto [model, proxy, s] = checked.parts();
    model.setMaxInsertsPerUpdate(2);
    SnapshotBuilder b;
    for (const char *name : {"a", "b", "c", "d", "e"})
        b.topics.push_back(makeTopic(QString::fromLatin1(name), 1, 10));
    model.setSnapshot(b.build());
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.pendingRows(), 3);
    EXPECT_EQ(model.index(1, 0).data(TopicModel::KeyRole).toString(), QStringLiteral("b"));
    // A snapshot between the steps: "a" changed and "c" gone; shown rows update at once.
    b.topics = {makeTopic(QStringLiteral("a"), 1, 99), b.topics[1], b.topics[3], b.topics[4]};
    model.setSnapshot(b.build());
    EXPECT_EQ(model.rowCount(), 4);
    EXPECT_EQ(model.pendingRows(), 0);
    EXPECT_EQ(model.index(0, TopicModel::MessagesColumn).data(TopicModel::SortRole).toLongLong(),
              99);
    QCoreApplication::processEvents(); // the queued step finds nothing left
    EXPECT_EQ(model.rowCount(), 4);
    EXPECT_EQ(s.resets.count(), 0);

    // Ten new topics: two per turn of the event loop.
    for (int i = 0; i < 10; ++i)
        b.topics.push_back(makeTopic(QStringLiteral("x%1").arg(i), 1, 10));
    model.setSnapshot(b.build());
    EXPECT_EQ(model.rowCount(), 6);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 14; }, 2000));
    EXPECT_EQ(model.pendingRows(), 0);
    EXPECT_EQ(proxy.rowCount(), 14);
}

TEST(TopicModel, TrendOfANewTopicComesFromTheHistory)
{
    QTemporaryDir dir;
    MetricsStore store;
    ASSERT_TRUE(store.open(dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("p")).result());
    // Twelve minutes of recorded rates, one round every 30 s, the last a minute ago: 100 ... 122.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int k = 0; k <= 22; ++k) {
        MetricsFrame frame{now - 720'000 + k * 30'000, {}};
        EntitySample topic(EntityKind::Topic, QStringLiteral("orders"));
        topic.set(Metric::MessagesPerSecond, 100 + k);
        frame.samples.append(topic);
        store.record(frame);
    }
    ASSERT_TRUE(store.flush().result());

    TopicModel model;
    Tester tester(&model, Fatal);
    model.setHistory(&store);
    SnapshotBuilder b;
    b.takenAtMs = now;
    b.topics = {makeTopic(QStringLiteral("orders"), 1, 10, 500)};
    model.setSnapshot(b.build());
    ASSERT_EQ(model.rowCount(), 1);
    const QModelIndex trend = model.index(0, TopicModel::TrendColumn);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return trend.data(TopicModel::TrendRole).value<QList<double>>().size() > 1; }, 5000));
    const QList<double> values = trend.data(TopicModel::TrendRole).value<QList<double>>();
    ASSERT_GE(values.size(), 39);              // ten minutes in 15 s buckets
    EXPECT_EQ(values.last(), 500);             // the live value
    EXPECT_EQ(values[values.size() - 2], 122); // the last recorded one, held up to now
    EXPECT_TRUE(std::is_sorted(values.begin(), values.end()));
}

TEST(PartitionModel, OneTopicWithOutOfSyncReplicasMarked)
{
    Checked<PartitionModel, PartitionProxy> checked;
    auto [model, proxy, s] = checked.parts();
    model.setTopic(QStringLiteral("b")); // the topic detail's table: one topic only

    SnapshotBuilder b;
    auto topic = editPartition(makeTopic(QStringLiteral("b"), 2, 10), 1, [](PartitionSnapshot &p) {
        p.replicas = {1, 2, 3};
        p.isr = {1};
        p.flags |= PartitionFlag::UnderReplicated;
    });
    topic = editPartition(topic, 0, [](PartitionSnapshot &p) {
        p.leader = -1;
        p.flags |= PartitionFlag::Offline;
    });
    b.topics = {makeTopic(QStringLiteral("a"), 4, 10), topic, makeTopic(QStringLiteral("c"), 3, 1)};
    model.setSnapshot(b.build());
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(cell(model, 1, PartitionModel::IsrColumn),
              QStringLiteral("1") + PartitionModel::tr(" (%1 out of sync)").arg(2) +
                  PartitionModel::tr(" (%1 out of sync)").arg(3));
    EXPECT_EQ(cell(model, 1, PartitionModel::IsrColumn, Qt::ToolTipRole),
              PartitionModel::tr("Out of sync: %1").arg(QStringLiteral("2, 3")));
    EXPECT_EQ(model.index(1, 0).data(PartitionModel::SeverityRole).toInt(), int(Severity::Warning));
    EXPECT_EQ(model.index(0, 0).data(PartitionModel::SeverityRole).toInt(),
              int(Severity::Critical));
    EXPECT_TRUE(cell(model, 0, PartitionModel::IsrColumn, Qt::ToolTipRole).isEmpty());

    // The topic gone: no rows, not the partitions of every topic.
    b.topics = {makeTopic(QStringLiteral("a"), 4, 10)};
    model.setSnapshot(b.build());
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(PartitionModel, AllPartitionsAsBlocksPerTopic)
{
    Checked<PartitionModel, PartitionProxy> checked;
    auto [model, proxy, s] = checked.parts();

    SnapshotBuilder b;
    b.topics = {makeTopic(QStringLiteral("a"), 2, 10), makeTopic(QStringLiteral("c"), 3, 30)};
    const ClusterSnapshotPtr first = b.build();
    model.setSnapshot(first);
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(cell(model, 2, PartitionModel::TopicColumn), QStringLiteral("c"));
    EXPECT_EQ(cell(model, 4, PartitionModel::PartitionColumn), QStringLiteral("2"));
    EXPECT_EQ(model.rowOf(QStringLiteral("c"), 1), 3);
    EXPECT_EQ(model.index(3, 0).data(PartitionModel::KeyRole).toString(), QStringLiteral("c-1"));
    const QPersistentModelIndex c2 = model.index(4, 0);

    // "b" created between them, "a" grew a partition, one partition of "c" lost its leader.
    s.clear();
    auto c = editPartition(first->topics->topics[1], 1, [](PartitionSnapshot &p) {
        p.leader = -1;
        p.isr = {};
        p.flags = PartitionFlag::Offline;
    });
    b.topics = {makeTopic(QStringLiteral("a"), 3, 10), makeTopic(QStringLiteral("b"), 4, 0), c};
    model.setSnapshot(b.build());
    EXPECT_EQ(s.resets.count(), 0);
    EXPECT_EQ(s.removed.count(), 0);
    EXPECT_EQ(s.inserted.count(), 2); // a-2, then b-0..3
    EXPECT_EQ(model.lastUpdate().inserted, 5);
    EXPECT_EQ(model.lastUpdate().changed, 1);
    ASSERT_EQ(model.rowCount(), 10);
    EXPECT_EQ(model.rowOf(QStringLiteral("a"), 2), 2);
    EXPECT_EQ(model.rowOf(QStringLiteral("b"), 0), 3);
    EXPECT_EQ(model.rowOf(QStringLiteral("c"), 1), 8);
    EXPECT_EQ(cell(model, 8, PartitionModel::LeaderColumn), PartitionModel::tr("none"));
    EXPECT_EQ(cell(model, 8, PartitionModel::StatusColumn), PartitionModel::tr("Offline"));
    EXPECT_EQ(c2.row(), 9);
    EXPECT_EQ(c2.data(PartitionModel::KeyRole).toString(), QStringLiteral("c-2"));

    proxy.setAnyFlags(PartitionFlag::Offline);
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data(PartitionModel::KeyRole).toString(), QStringLiteral("c-1"));
    proxy.setAnyFlags({});
    proxy.setBroker(1);
    proxy.setLeaderOnly(true);
    EXPECT_EQ(proxy.rowCount(), 9);
    proxy.setBroker(-1);

    // "a" deleted, "b" re-created with fewer partitions.
    s.clear();
    b.topics = {makeTopic(QStringLiteral("b"), 2, 0), c};
    model.setSnapshot(b.build());
    EXPECT_EQ(s.resets.count(), 0);
    EXPECT_EQ(model.lastUpdate().removed, 5);
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(c2.row(), 4);

    // One topic only.
    model.setTopic(QStringLiteral("c"));
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(c2.row(), 2);
    model.setSnapshot(nullptr);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(s.resets.count(), 0);
}

TEST(GroupModel, GroupsStateAndLagInPlace)
{
    Checked<GroupModel, GroupProxy> checked;
    auto [model, proxy, s] = checked.parts();

    SnapshotBuilder b;
    b.groups = {groupWithOffsets(QStringLiteral("billing"), QStringLiteral("Stable"),
                                 {offset(QStringLiteral("orders"), 0, 5, 10),
                                  offset(QStringLiteral("orders"), 1, 7, 7),
                                  offset(QStringLiteral("refunds"), 0, 1, 1)}),
                groupWithOffsets(QStringLiteral("audit"), QStringLiteral("Empty"), {})};
    const ClusterSnapshotPtr first = b.build();
    model.setSnapshot(first);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(cell(model, 1, GroupModel::TopicsColumn), QStringLiteral("2"));
    EXPECT_EQ(model.index(1, GroupModel::LagColumn).data(GroupModel::SortRole).toLongLong(), 5);
    EXPECT_TRUE(model.index(1, 0).data(GroupModel::ProblemRole).toBool());

    s.clear();
    b.groups = {groupWithOffsets(QStringLiteral("billing"), QStringLiteral("PreparingRebalance"),
                                 {offset(QStringLiteral("orders"), 0, 10, 10)}),
                first->groups->groups[0]};
    model.setSnapshot(b.build());
    EXPECT_EQ(s.resets.count() + s.inserted.count() + s.removed.count(), 0);
    ASSERT_EQ(s.changed.count(), 1);
    EXPECT_EQ(s.changed.first().at(0).toModelIndex().row(), 1);
    EXPECT_EQ(cell(model, 1, GroupModel::StateColumn), QStringLiteral("PreparingRebalance"));
    EXPECT_EQ(cell(model, 1, GroupModel::TopicsColumn), QStringLiteral("1"));

    proxy.setStates({QStringLiteral("Empty")});
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), QStringLiteral("audit"));
    proxy.setStates({});
    proxy.setSearchText(QStringLiteral("bill"));
    EXPECT_EQ(proxy.rowCount(), 1);
}

TEST(GroupMemberModel, MembersOfOneGroup)
{
    Checked<GroupMemberModel, GroupMemberProxy> checked;
    auto [model, proxy, s] = checked.parts();

    SnapshotBuilder b;
    const auto tp = [](const char *t, int p) { return TopicPartition{QString::fromLatin1(t), p}; };
    b.groups = {groupWithOffsets(QStringLiteral("billing"), QStringLiteral("Stable"), {},
                                 {member(QStringLiteral("m-1"), QStringLiteral("svc-a"),
                                         {tp("audit", 2), tp("orders", 0), tp("orders", 1)}),
                                  member(QStringLiteral("m-2"), QStringLiteral("svc-b"), {})}),
                groupWithOffsets(QStringLiteral("other"), QStringLiteral("Stable"), {},
                                 {member(QStringLiteral("x-1"), QStringLiteral("x"), {})})};
    model.setGroupId(QStringLiteral("billing"));
    model.setSnapshot(b.build());
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(cell(model, 0, GroupMemberModel::AssignmentColumn),
              QStringLiteral("audit: 2; orders: 0, 1"));
    EXPECT_EQ(
        model.index(0, GroupMemberModel::PartitionsColumn).data(GroupMemberModel::SortRole).toInt(),
        3);
    EXPECT_TRUE(model.index(1, 0).data(GroupMemberModel::ProblemRole).toBool()); // no partitions
    EXPECT_EQ(model.index(0, 0).data(GroupMemberModel::TopicsRole).toStringList(),
              (QStringList{QStringLiteral("audit"), QStringLiteral("orders")}));

    // Rebalance: m-2 left, m-3 joined, m-1 lost a partition.
    s.clear();
    b.groups[0] = groupWithOffsets(
        QStringLiteral("billing"), QStringLiteral("Stable"), {},
        {member(QStringLiteral("m-1"), QStringLiteral("svc-a"), {tp("orders", 0), tp("orders", 1)}),
         member(QStringLiteral("m-3"), QStringLiteral("svc-c"), {tp("audit", 2)})});
    model.setSnapshot(b.build());
    EXPECT_EQ(s.resets.count(), 0);
    EXPECT_EQ(s.removed.count(), 1);
    EXPECT_EQ(s.inserted.count(), 1);
    EXPECT_EQ(s.changed.count(), 1);
    EXPECT_EQ(cell(model, 1, GroupMemberModel::ClientColumn), QStringLiteral("svc-c"));

    proxy.setSearchText(QStringLiteral("svc-c"));
    EXPECT_EQ(proxy.rowCount(), 1);

    model.setGroupId(QStringLiteral("missing"));
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(s.resets.count(), 0);
}

TEST(GroupOffsetModel, OneGroupAndOneTopicAcrossGroups)
{
    Checked<GroupOffsetModel, GroupOffsetProxy> checked;
    auto [model, proxy, s] = checked.parts();

    SnapshotBuilder b;
    const TopicPartition orders0{QStringLiteral("orders"), 0};
    b.groups = {groupWithOffsets(QStringLiteral("billing"), QStringLiteral("Stable"),
                                 {offset(QStringLiteral("orders"), 0, 5, 10),
                                  offset(QStringLiteral("orders"), 1, 7, 7),
                                  offset(QStringLiteral("refunds"), 0, 1, 4)},
                                 {member(QStringLiteral("m-1"), QStringLiteral("svc"), {orders0})}),
                groupWithOffsets(QStringLiteral("audit"), QStringLiteral("Empty"),
                                 {offset(QStringLiteral("orders"), 1, 2, 7)})};
    model.setGroupId(QStringLiteral("billing"));
    model.setSnapshot(b.build());
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(cell(model, 0, GroupOffsetModel::OwnerColumn), QStringLiteral("svc (/10.0.0.1)"));
    EXPECT_EQ(cell(model, 1, GroupOffsetModel::OwnerColumn), QString());
    EXPECT_EQ(model.index(2, 0).data(GroupOffsetModel::LagRole).toLongLong(), 3);

    // The consumer commits: only the lag cells of one row change.
    s.clear();
    b.groups[0] = groupWithOffsets(
        QStringLiteral("billing"), QStringLiteral("Stable"),
        {offset(QStringLiteral("orders"), 0, 10, 10), offset(QStringLiteral("orders"), 1, 7, 7),
         offset(QStringLiteral("refunds"), 0, 1, 4)},
        {member(QStringLiteral("m-1"), QStringLiteral("svc"), {orders0})});
    model.setSnapshot(b.build());
    EXPECT_EQ(s.resets.count() + s.inserted.count() + s.removed.count(), 0);
    ASSERT_EQ(s.changed.count(), 1);
    EXPECT_EQ(s.changed.first().at(0).toModelIndex().row(), 0);
    EXPECT_EQ(cell(model, 0, GroupOffsetModel::LagColumn), QStringLiteral("0"));

    proxy.setProblemsOnly(true);
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, GroupOffsetModel::TopicColumn).data().toString(),
              QStringLiteral("refunds"));
    proxy.setProblemsOnly(false);

    // Who consumes "orders": both groups, by (group, topic, partition).
    model.setTopic(QStringLiteral("orders"));
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(cell(model, 0, GroupOffsetModel::GroupColumn), QStringLiteral("audit"));
    EXPECT_EQ(cell(model, 2, GroupOffsetModel::PartitionColumn), QStringLiteral("1"));
    proxy.sort(GroupOffsetModel::LagColumn, Qt::DescendingOrder);
    EXPECT_EQ(proxy.index(0, GroupOffsetModel::GroupColumn).data().toString(),
              QStringLiteral("audit"));
    EXPECT_EQ(s.resets.count(), 0);
}

TEST(EventModel, AppendsMergesHistoryAndStaysBounded)
{
    Checked<EventModel, EventProxy> checked{5};
    auto [model, proxy, s] = checked.parts();

    const auto event = [](EventKind kind, qint64 t, const QString &topic) {
        Event e;
        e.kind = kind;
        e.timeMs = t;
        e.topic = topic;
        e.partition = topic.isEmpty() ? -1 : 0;
        e.before = QStringLiteral("1");
        e.after = QStringLiteral("2");
        e.text = QStringLiteral("something happened to ") + topic;
        return e;
    };
    // Live events first.
    model.addEvents({event(EventKind::LeaderChange, 5000, QStringLiteral("a")),
                     event(EventKind::IsrShrink, 6000, QStringLiteral("b"))});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(s.inserted.count(), 1);
    EXPECT_EQ(cell(model, 0, EventModel::ChangeColumn), QStringLiteral("1 \u2192 2"));
    EXPECT_TRUE(model.index(1, 0).data(EventModel::ProblemRole).toBool());

    // Then the stored history, which overlaps the live events by one.
    s.clear();
    model.addEvents({event(EventKind::TopicCreated, 1000, QStringLiteral("a")),
                     event(EventKind::TopicCreated, 2000, QStringLiteral("b")),
                     event(EventKind::LeaderChange, 5000, QStringLiteral("a"))});
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_EQ(s.inserted.count(), 1); // one range at the front
    EXPECT_EQ(model.eventAt(0)->timeMs, 1000);
    EXPECT_EQ(model.eventAt(3)->kind, EventKind::IsrShrink);

    // Past the bound the oldest go.
    s.clear();
    model.addEvents({event(EventKind::BrokerLost, 7000, QString()),
                     event(EventKind::BrokerBack, 8000, QString())});
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(s.removed.count(), 1);
    EXPECT_EQ(model.eventAt(0)->timeMs, 2000);
    EXPECT_EQ(model.eventAt(4)->kind, EventKind::BrokerBack);
    EXPECT_EQ(s.resets.count(), 0);

    proxy.setKinds({EventKind::TopicCreated, EventKind::LeaderChange});
    EXPECT_EQ(proxy.rowCount(), 2);
    proxy.setSinceMs(3000);
    EXPECT_EQ(proxy.rowCount(), 1);
    proxy.setKinds({});
    proxy.setSinceMs(0);
    proxy.setProblemsOnly(true);
    EXPECT_EQ(proxy.rowCount(), 2); // ISR shrink, broker lost
    proxy.setProblemsOnly(false);
    proxy.sort(EventModel::TimeColumn, Qt::DescendingOrder);
    EXPECT_EQ(proxy.index(0, 0).data(EventModel::TimeRole).toLongLong(), 8000);
    model.clear();
    EXPECT_EQ(proxy.rowCount(), 0);
}

// MetricsStore with its worker thread on real files: batched writes, history that survives a
// restart of the core and a SIGKILL in the middle of writing, a damaged file moved aside, and the
// SnapshotRecorder that feeds it from a session's signals.
#include "history/metricsstore.h"
#include "history/snapshotrecorder.h"
#include "snapshotfactory.h"
#include "testhelpers.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>

using namespace kastle::core;

namespace {

constexpr qint64 T0 = 1'699'999'800'000;

template<typename T>
T wait(QFuture<T> future)
{
    // The worker never needs this thread's event loop, so a plain wait cannot deadlock.
    future.waitForFinished();
    return future.result();
}

MetricsFrame clusterFrame(qint64 t, qint64 value, int topics = 0)
{
    MetricsFrame f{t, {}};
    EntitySample cluster(EntityKind::Cluster, QString());
    cluster.setRaw(Metric::Topics, value);
    f.samples.append(cluster);
    for (int k = 0; k < topics; ++k) {
        EntitySample topic(EntityKind::Topic, QStringLiteral("topic-%1").arg(k));
        topic.setRaw(Metric::EndOffsets, value * 1000 + k);
        topic.set(Metric::MessagesPerSecond, double(k) / 4);
        f.samples.append(topic);
    }
    return f;
}

Event topicEvent(EventKind kind, qint64 t, const QString &topic)
{
    Event e;
    e.kind = kind;
    e.timeMs = t;
    e.topic = topic;
    e.text = QStringLiteral("Topic %1 changed.").arg(topic);
    return e;
}

QList<SeriesPoint> clusterTopics(MetricsStore &store, qint64 to)
{
    const Result<Series> r =
        wait(store.querySeries({EntityKind::Cluster, QString(), Metric::Topics, 0, to, 0}));
    EXPECT_TRUE(r.ok());
    return r ? r->points : QList<SeriesPoint>{};
}

// Holds the store's worker thread until released, so that what is recorded meanwhile piles up.
class WorkerBlock
{
public:
    explicit WorkerBlock(MetricsStore &store)
    {
        auto *context = new QObject;
        context->moveToThread(store.workerThread());
        QMetaObject::invokeMethod(context, [this, context] {
            m_entered.release();
            m_release.acquire();
            context->deleteLater(); // in the worker thread, where it lives
        });
        m_entered.acquire();
    }
    ~WorkerBlock() { release(); }
    void release()
    {
        if (!m_released)
            m_release.release();
        m_released = true;
    }

private:
    QSemaphore m_entered;
    QSemaphore m_release;
    bool m_released = false;
};

} // namespace

TEST(MetricsStore, RoundsQueuedMeanwhileAreWrittenInOneTransaction)
{
    QTemporaryDir dir;
    MetricsStore store;
    ASSERT_TRUE(
        wait(store.open(dir.filePath(QStringLiteral("h.sqlite")), QStringLiteral("p"))).ok());
    {
        WorkerBlock block(store);
        // Recorded from this thread and from another one while the worker is busy.
        QThread *other = QThread::create([&store] {
            for (int i = 50; i < 100; ++i)
                store.record(clusterFrame(T0 + i * 1000, i, 10));
        });
        other->start();
        for (int i = 0; i < 50; ++i)
            store.record(clusterFrame(T0 + i * 1000, i, 10));
        other->wait();
        delete other;
        store.record(QList<Event>{topicEvent(EventKind::TopicCreated, T0, QStringLiteral("a"))});
        block.release();
    }
    ASSERT_TRUE(wait(store.flush()).ok());
    const MetricsStore::Stats stats = wait(store.stats());
    EXPECT_EQ(stats.framesWritten, 100);
    EXPECT_EQ(stats.eventsWritten, 1);
    EXPECT_EQ(stats.transactions, 1);
    const QList<SeriesPoint> points = clusterTopics(store, T0 + 1000 * 1000);
    ASSERT_EQ(points.size(), 100);
    for (int i = 0; i < 100; ++i)
        EXPECT_EQ(points[i].value, i);
}

TEST(MetricsStore, HistorySurvivesARestartOfTheCore)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics/cluster.sqlite"));
    QList<SeriesPoint> before;
    QList<Event> eventsBefore;
    const QList<Event> written = {
        topicEvent(EventKind::TopicCreated, T0 + 1000, QStringLiteral("a")),
        topicEvent(EventKind::TopicDeleted, T0 + 9000, QStringLiteral("a"))};
    {
        MetricsStore store;
        ASSERT_TRUE(wait(store.open(path, QStringLiteral("profile-1"))).ok());
        for (int i = 0; i < 30; ++i)
            store.record(clusterFrame(T0 + i * 1000, i, 70));
        store.record(written);
        const Result<Series> r =
            wait(store.querySeries({EntityKind::Topic, QStringLiteral("topic-65"),
                                    Metric::EndOffsets, T0, T0 + 60000, 0}));
        ASSERT_TRUE(r.ok());
        before = r->points;
        const Result<QList<Event>> e = wait(store.queryEvents(T0, T0 + 60000));
        ASSERT_TRUE(e.ok());
        eventsBefore = *e;
    } // destroyed: the file is closed, nothing else kept
    ASSERT_EQ(before.size(), 30);
    ASSERT_EQ(eventsBefore.size(), 2);
    EXPECT_EQ(eventsBefore[0].profileId, QStringLiteral("profile-1"));
    EXPECT_EQ(eventsBefore[1].text, written[1].text);

    MetricsStore reopened;
    ASSERT_TRUE(wait(reopened.open(path, QStringLiteral("profile-1"))).ok());
    EXPECT_TRUE(reopened.notice().isEmpty());
    const Result<Series> r = wait(reopened.querySeries(
        {EntityKind::Topic, QStringLiteral("topic-65"), Metric::EndOffsets, T0, T0 + 60000, 0}));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->points, before);
    const Result<QList<Event>> e = wait(reopened.queryEvents(T0, T0 + 60000));
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(*e, eventsBefore);
}

TEST(MetricsStore, ADamagedFileIsMovedAsideAndReported)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
    const QByteArray garbage = QByteArray("this is not a database, ").repeated(400);
    ASSERT_TRUE(kastle::test::writeFile(path, garbage));

    MetricsStore store;
    QSignalSpy problems(&store, &MetricsStore::problem);
    ASSERT_TRUE(wait(store.open(path, QStringLiteral("p"))).ok());
    EXPECT_FALSE(store.notice().isEmpty());
    ASSERT_TRUE(problems.count() > 0 || problems.wait(5000)); // emitted on the worker
    EXPECT_TRUE(problems.first().first().toString().contains(QStringLiteral("moved")));
    const QStringList aside =
        QDir(dir.path()).entryList({QStringLiteral("broken.sqlite.corrupt-*")});
    ASSERT_EQ(aside.size(), 1);
    EXPECT_EQ(kastle::test::readFile(dir.filePath(aside.first())), garbage); // kept as it was
    // The new history works.
    store.record(clusterFrame(T0, 3));
    ASSERT_TRUE(wait(store.flush()).ok());
    EXPECT_EQ(clusterTopics(store, T0).size(), 1);
}

TEST(MetricsStore, ATruncatedDatabaseIsMovedAside)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut.sqlite"));
    {
        MetricsStore store;
        ASSERT_TRUE(wait(store.open(path, QStringLiteral("p"))).ok());
        for (int i = 0; i < 20; ++i)
            store.record(clusterFrame(T0 + i * 1000, i, 300));
        ASSERT_TRUE(wait(store.flush()).ok());
        ASSERT_TRUE(wait(store.checkpoint()).ok());
    }
    QFile file(path);
    const qint64 size = file.size();
    ASSERT_GT(size, 40000);
    ASSERT_TRUE(file.resize(size / 2)); // the second half of the pages is gone

    MetricsStore store;
    ASSERT_TRUE(wait(store.open(path, QStringLiteral("p"))).ok());
    EXPECT_FALSE(store.notice().isEmpty());
    EXPECT_EQ(QDir(dir.path()).entryList({QStringLiteral("cut.sqlite.corrupt-*")}).size(), 1);
    EXPECT_TRUE(clusterTopics(store, T0 + 100000).isEmpty()); // a new, empty history
}

// The child half of the SIGKILL test: records rounds as fast as it can and says which round is
// committed, until it is killed.
TEST(MetricsStore, SurvivesSigkillWhileWriting)
{
    const QString childPath = qEnvironmentVariable("KASTLE_METRICS_CHILD");
    if (!childPath.isEmpty()) {
        MetricsStore store;
        if (!wait(store.open(childPath, QStringLiteral("p"))).ok())
            std::exit(3);
        for (int i = 0; i < 100000; ++i) {
            store.record(clusterFrame(T0 + qint64(i) * 1000, i, 2000));
            if (!wait(store.flush()).ok())
                std::exit(4);
            std::printf("committed %d\n", i);
            std::fflush(stdout);
        }
        std::exit(0);
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("killed.sqlite"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KASTLE_METRICS_CHILD"), path);
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--gtest_filter=MetricsStore.SurvivesSigkillWhileWriting")});
    ASSERT_TRUE(child.waitForStarted());
    int lastCommitted = -1;
    QByteArray buffer;
    const auto readCommits = [&] {
        buffer += child.readAllStandardOutput();
        qsizetype nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(nl);
            buffer.remove(0, nl + 1);
            if (line.startsWith("committed "))
                lastCommitted = line.mid(10).toInt();
        }
    };
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            child.waitForReadyRead(100);
            readCommits();
            return lastCommitted >= 40 || child.state() == QProcess::NotRunning;
        },
        60000));
    ASSERT_EQ(child.state(), QProcess::Running) << child.readAllStandardError().toStdString();
    // Somewhere inside the next transaction (each takes a few milliseconds).
    QThread::usleep(1000 + (lastCommitted % 7) * 700);
    ::kill(pid_t(child.processId()), SIGKILL);
    ASSERT_TRUE(child.waitForFinished(10000));
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);
    readCommits();
    ASSERT_GE(lastCommitted, 40);

    MetricsStore store;
    ASSERT_TRUE(wait(store.open(path, QStringLiteral("p"))).ok());
    EXPECT_TRUE(store.notice().isEmpty()) << store.notice().toStdString(); // passed quick_check
    const QList<SeriesPoint> points = clusterTopics(store, T0 + 1000LL * 1000 * 1000);
    // Every round reported committed is there; at most the one being written when killed too.
    ASSERT_GE(points.size(), lastCommitted + 1);
    ASSERT_LE(points.size(), lastCommitted + 2);
    for (qsizetype i = 0; i < points.size(); ++i) {
        EXPECT_EQ(points[i].timeMs, T0 + i * 1000);
        EXPECT_EQ(points[i].value, double(i));
    }
    // And the file takes new rounds.
    store.record(clusterFrame(T0 + 10'000'000, 7));
    EXPECT_TRUE(wait(store.flush()).ok());
}

TEST(SnapshotRecorder, RecordsPublishedSnapshotsAndEvents)
{
    using namespace kastle::test;
    QTemporaryDir dir;
    MetricsStore store;
    ASSERT_TRUE(
        wait(store.open(dir.filePath(QStringLiteral("r.sqlite")), QStringLiteral("p"))).ok());
    SnapshotRecorder recorder(&store);

    SnapshotBuilder b;
    b.takenAtMs = T0;
    b.brokers = {makeBroker(1, 1000)};
    for (int round = 0; round < 5; ++round) {
        b.takenAtMs = T0 + round * 5000;
        b.topics = {makeTopic(QStringLiteral("orders"), 4, 100 * round, 20.0 * round)};
        b.groups = {makeGroup(QStringLiteral("billing"), QStringLiteral("Stable"), 10 + round)};
        recorder.onSnapshot(b.build());
        recorder.onSnapshot(b.build()); // the same round published twice is recorded once
    }
    recorder.onEvents({topicEvent(EventKind::TopicCreated, T0, QStringLiteral("orders"))});
    ASSERT_TRUE(wait(store.flush()).ok());
    EXPECT_EQ(recorder.snapshotsSeen(), 10u);

    const Result<Series> offsets = wait(store.querySeries(
        {EntityKind::Topic, QStringLiteral("orders"), Metric::EndOffsets, T0, T0 + 60000, 0}));
    ASSERT_TRUE(offsets.ok());
    ASSERT_EQ(offsets->points.size(), 5);
    EXPECT_EQ(offsets->points[4].value, 4 * 400);
    const Result<Series> lag = wait(store.querySeries(
        {EntityKind::Group, QStringLiteral("billing"), Metric::Lag, T0, T0 + 60000, 0}));
    ASSERT_TRUE(lag.ok());
    ASSERT_EQ(lag->points.size(), 5);
    EXPECT_EQ(lag->points[2].value, 12);
    const Result<Series> rate =
        wait(store.querySeries({EntityKind::Topic, QStringLiteral("orders"),
                                Metric::MessagesPerSecond, T0, T0 + 60000, 0}));
    ASSERT_TRUE(rate.ok());
    ASSERT_EQ(rate->points.size(), 5);
    EXPECT_DOUBLE_EQ(rate->points[3].value, 60.0);
    const Result<QList<Event>> events = wait(store.queryEvents(T0, T0 + 60000));
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1);
    EXPECT_EQ(events->first().topic, QStringLiteral("orders"));
}

TEST(SnapshotRecorder, PartitionSeriesAndSeveralSeriesAtOnce)
{
    using namespace kastle::test;
    QTemporaryDir dir;
    MetricsStore store;
    ASSERT_TRUE(
        wait(store.open(dir.filePath(QStringLiteral("p.sqlite")), QStringLiteral("p"))).ok());
    SnapshotRecorder recorder(&store);

    // A round every 30 s; orders-0 grows every round, orders-1 never moves.
    SnapshotBuilder b;
    for (int round = 0; round < 5; ++round) {
        b.takenAtMs = T0 + round * 30000;
        TopicSnapshot t = *makeTopic(QStringLiteral("orders"), 2, 100);
        t.partitions[0].endOffset = 100 + 10 * round;
        b.topics = {finishTopic(std::move(t))};
        recorder.onSnapshot(b.build());
    }
    ASSERT_TRUE(wait(store.flush()).ok());

    const auto request = [](EntityKind kind, const QString &name) {
        return SeriesRequest{kind, name, Metric::EndOffsets, T0, T0 + 600000, 0};
    };
    const QList<Result<Series>> all = wait(store.querySeriesList(
        {request(EntityKind::Partition, partitionEntityName(QStringLiteral("orders"), 0)),
         request(EntityKind::Partition, partitionEntityName(QStringLiteral("orders"), 1)),
         request(EntityKind::Topic, QStringLiteral("orders"))}));
    ASSERT_EQ(all.size(), 3);
    for (const Result<Series> &r : all)
        ASSERT_TRUE(r.ok());
    // Partition rounds at most once a minute: 0 s (keyframe), 60 s and 120 s for orders-0;
    // only the keyframe for the idle orders-1. The topic has every round.
    ASSERT_EQ(all[0]->points.size(), 3);
    EXPECT_EQ(all[0]->points[1].timeMs, T0 + 60000);
    EXPECT_EQ(all[0]->points[2].value, 140);
    ASSERT_EQ(all[1]->points.size(), 1);
    EXPECT_EQ(all[1]->points[0].value, 100);
    ASSERT_EQ(all[2]->points.size(), 5);
    EXPECT_EQ(all[2]->points[4].value, 140 + 100);
}

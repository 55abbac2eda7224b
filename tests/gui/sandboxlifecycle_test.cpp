// The sandbox's lifecycle beyond start/stop (reset data, a broker kept running after Kastle
// quits and adopted by the next one) and "Load sample data" against the real kastle-broker,
// watched through a real ClusterSession.
#include "sandbox/sampledata.h"
#include "sandbox/sandboxcontroller.h"
#include "session/clustersession.h"
#include "testhelpers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <csignal>

using namespace kastle::core;
using State = SandboxController::State;

namespace {

QString realBroker()
{
    return kastle::test::binDir() + QStringLiteral("/kastle-broker");
}

bool waitForState(SandboxController &c, State s, int ms = 20000)
{
    return QTest::qWaitFor([&] { return c.state() == s; }, ms);
}

ConnectionProfile profileFor(const QString &bootstrap)
{
    ConnectionProfile p;
    p.id = QStringLiteral("sandbox");
    p.name = QStringLiteral("Local sandbox");
    p.bootstrapServers = bootstrap;
    return p;
}

} // namespace

TEST(SandboxLifecycle, ResetDataIsRefusedWhileRunningAndEmptiesTheFolderWhenStopped)
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("sandbox"));
    SandboxController c(realBroker(), data);
    c.start();
    ASSERT_TRUE(waitForState(c, State::Running)) << c.stateText().toStdString();
    QString error;
    EXPECT_FALSE(c.resetData(&error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(QDir(data).isEmpty());
    c.stop();
    ASSERT_TRUE(waitForState(c, State::Stopped));
    EXPECT_TRUE(c.resetData(&error)) << error.toStdString();
    EXPECT_FALSE(QDir(data).exists());
    // And it starts again on the empty folder.
    c.start();
    ASSERT_TRUE(waitForState(c, State::Running)) << c.stateText().toStdString();
    c.stop();
    ASSERT_TRUE(waitForState(c, State::Stopped));
}

TEST(SandboxLifecycle, KeptRunningBrokerOutlivesTheControllerAndIsAdoptedNextTime)
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("sandbox"));
    qint64 pid = 0;
    QString bootstrap;
    {
        SandboxController first(realBroker(), data);
        first.setKeepRunningOnQuit(true);
        first.start();
        ASSERT_TRUE(waitForState(first, State::Running)) << first.stateText().toStdString();
        EXPECT_TRUE(first.runningDetachable());
        pid = first.processId();
        bootstrap = first.bootstrap();
    }
    ASSERT_GT(pid, 0);
    QTest::qWait(300);
    EXPECT_TRUE(kastle::test::processAlive(pid));

    SandboxController second(realBroker(), data);
    second.start();
    EXPECT_EQ(second.state(), State::Running);
    EXPECT_EQ(second.bootstrap(), bootstrap);
    EXPECT_EQ(second.processId(), pid);
    second.stop();
    ASSERT_TRUE(waitForState(second, State::Stopped));
    EXPECT_FALSE(kastle::test::processAlive(pid));
    EXPECT_FALSE(QFile::exists(data + QStringLiteral(".run")));
}

TEST(SandboxLifecycle, BrokerStoppedWithTheControllerUnlessKeptRunning)
{
    QTemporaryDir dir;
    qint64 pid = 0;
    {
        SandboxController c(realBroker(), dir.filePath(QStringLiteral("sandbox")));
        c.start();
        ASSERT_TRUE(waitForState(c, State::Running));
        pid = c.processId();
    }
    EXPECT_FALSE(kastle::test::processAlive(pid));
}

TEST(SampleData, ValuesAreJsonWithKeys)
{
    for (const SampleData::TopicSpec &t : SampleData::topics()) {
        QByteArray key;
        const QByteArray value = SampleData::makeValue(t.name, 42, 1'700'000'000'000, &key);
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(value, &err);
        EXPECT_EQ(err.error, QJsonParseError::NoError) << value.toStdString();
        EXPECT_TRUE(doc.isObject());
        EXPECT_FALSE(key.isEmpty()) << t.name.toStdString();
    }
    QByteArray key;
    const QJsonObject order =
        QJsonDocument::fromJson(SampleData::makeValue(QStringLiteral("orders"), 7, 0, &key))
            .object();
    EXPECT_EQ(order.value(QStringLiteral("order_id")).toString(), QStringLiteral("ord-00000007"));
    EXPECT_EQ(QString::fromUtf8(key), QStringLiteral("ord-00000007"));
    EXPECT_GT(order.value(QStringLiteral("total")).toDouble(), 0);
}

// The whole path: sandbox broker, sample topics, producer, one group keeping up and one lagging,
// all seen by a ClusterSession like the pages see them.
TEST(SampleData, TopicsFillAndTheLaggingGroupFallsBehind)
{
    QTemporaryDir dir;
    SandboxController sandbox(realBroker(), dir.filePath(QStringLiteral("sandbox")));
    sandbox.start();
    ASSERT_TRUE(waitForState(sandbox, State::Running)) << sandbox.stateText().toStdString();

    SampleData sample;
    QSignalSpy ready(&sample, &SampleData::topicsReady);
    sample.start(sandbox.bootstrap(), 400);
    ASSERT_TRUE(QTest::qWaitFor([&] { return ready.count() > 0; }, 20000));

    SessionOptions options;
    options.metadataInterval = std::chrono::milliseconds(1000);
    options.offsetsInterval = std::chrono::milliseconds(500);
    ClusterSession session(profileFor(sandbox.bootstrap()), {}, options);
    session.open();
    const auto lagOf = [&](const char *group) -> int64_t {
        const ClusterSnapshotPtr s = session.snapshot();
        const GroupSnapshot *g = s ? s->groups->find(QString::fromLatin1(group)) : nullptr;
        return g ? g->totalLag : -2;
    };
    // The lagging group consumes at 60 % of its topics' rate: its lag keeps growing.
    ASSERT_TRUE(QTest::qWaitFor([&] { return lagOf("order-fulfilment") > 200; }, 45000))
        << "lag " << lagOf("order-fulfilment") << " produced " << sample.produced() << " consumed "
        << sample.consumed();
    const ClusterSnapshotPtr s = session.snapshot();
    for (const SampleData::TopicSpec &t : SampleData::topics()) {
        const TopicSnapshot *topic = s->topics->find(t.name);
        ASSERT_NE(topic, nullptr) << t.name.toStdString();
        EXPECT_EQ(int(topic->partitions.size()), t.partitions);
    }
    EXPECT_GT(s->topics->find(QStringLiteral("page-views"))->messageCount, 0);
    EXPECT_GT(sample.consumed(), 0);
    EXPECT_EQ(sample.failed(), 0);
    const GroupSnapshot *lagging = s->groups->find(QStringLiteral("order-fulfilment"));
    ASSERT_NE(lagging, nullptr);
    EXPECT_EQ(lagging->members.size(), 1u);

    sample.stop();
    EXPECT_FALSE(sample.isRunning());
    session.close();
    session.waitForClosed(std::chrono::seconds(5));
    sandbox.stop();
    ASSERT_TRUE(waitForState(sandbox, State::Stopped));
}

// ConnectionListModel and LogModel under QAbstractItemModelTester, and the log capture that
// feeds the log panel from any thread.
#include "models/connectionlistmodel.h"
#include "models/logfilterproxy.h"
#include "models/logmodel.h"
#include "testhelpers.h"

#include <QAbstractItemModelTester>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QThread>

using namespace kastle::core;

namespace {

ConnectionProfile profile(const QString &id, const QString &name)
{
    ConnectionProfile p;
    p.id = id;
    p.name = name;
    p.bootstrapServers = name.toLower() + QStringLiteral(":9092");
    return p;
}

Q_LOGGING_CATEGORY(lcTest, "kastle.test")

} // namespace

TEST(ConnectionListModel, SandboxFirstThenProfilesWithInPlaceChanges)
{
    ConnectionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_TRUE(model.index(0, 0).data(ConnectionListModel::IsSandboxRole).toBool());

    model.setProfiles({profile(QStringLiteral("a"), QStringLiteral("Alpha")),
                       profile(QStringLiteral("b"), QStringLiteral("Beta"))});
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(1, ConnectionListModel::NameColumn).data().toString(),
              QStringLiteral("Alpha"));

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.upsertProfile(profile(QStringLiteral("c"), QStringLiteral("Gamma")));
    EXPECT_EQ(inserts.count(), 1);
    EXPECT_EQ(model.rowOf(QStringLiteral("c")), 3);

    ConnectionProfile renamed = profile(QStringLiteral("a"), QStringLiteral("Alpha 2"));
    renamed.environment = Environment::Production;
    model.upsertProfile(renamed);
    EXPECT_EQ(changes.count(), 1);
    EXPECT_EQ(model.index(1, ConnectionListModel::EnvironmentColumn)
                  .data(ConnectionListModel::EnvironmentRole)
                  .toInt(),
              static_cast<int>(Environment::Production));

    EXPECT_TRUE(model.moveProfile(QStringLiteral("a"), 1));
    EXPECT_EQ(model.profileIds(),
              (QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
    EXPECT_TRUE(model.moveProfile(QStringLiteral("c"), -1));
    EXPECT_EQ(model.profileIds(),
              (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a")}));
    EXPECT_FALSE(model.moveProfile(QStringLiteral("b"), -1)); // the sandbox stays first
    EXPECT_FALSE(model.moveProfile(QStringLiteral("a"), 1));

    model.setStatus(QStringLiteral("c"), ClusterStatus::Failed, QStringLiteral("refused"));
    EXPECT_EQ(model.index(model.rowOf(QStringLiteral("c")), 0)
                  .data(ConnectionListModel::StatusRole)
                  .toInt(),
              static_cast<int>(ClusterStatus::Failed));
    model.setSandboxBootstrap(QStringLiteral("127.0.0.1:40000"));
    EXPECT_EQ(model.sandboxProfile().bootstrapServers, QStringLiteral("127.0.0.1:40000"));

    model.removeProfile(QStringLiteral("b"));
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.rowOf(QStringLiteral("b")), -1);
    EXPECT_EQ(resets.count(), 0); // changes never reset the model
}

TEST(LogModel, CapturesMessagesFromOtherThreadsAndFilters)
{
    LogModel model(50);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);

    installLogCapture(&model);
    qCWarning(lcTest) << "warning from the main thread";
    QThread *worker = QThread::create([] {
        for (int i = 0; i < 10; ++i)
            qCInfo(lcTest) << "info from a worker" << i;
    });
    worker->start();
    worker->wait();
    delete worker;
    const bool arrived = QTest::qWaitFor([&] { return model.rowCount() >= 11; }, 5000);
    uninstallLogCapture();
    ASSERT_TRUE(arrived) << model.rowCount();

    const auto has = [&](const QString &text) {
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, LogModel::MessageColumn).data().toString().contains(text))
                return true;
        }
        return false;
    };
    EXPECT_TRUE(has(QStringLiteral("warning from the main thread")));
    EXPECT_TRUE(has(QStringLiteral("info from a worker 9")));
    EXPECT_EQ(model.index(0, LogModel::CategoryColumn).data().toString(),
              QStringLiteral("kastle.test"));

    proxy.setMinimumSeverity(LogModel::severity(QtWarningMsg));
    EXPECT_EQ(proxy.rowCount(), 1);
    proxy.setMinimumSeverity(0);
    proxy.setSearchText(QStringLiteral("WORKER 3"));
    EXPECT_EQ(proxy.rowCount(), 1);

    // Bounded: the oldest rows go.
    for (int i = 0; i < 100; ++i)
        model.append(
            {QDateTime::currentDateTime(), QtInfoMsg, QStringLiteral("x"), QString::number(i)});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return model.index(model.rowCount() - 1, LogModel::MessageColumn).data().toString() ==
                   QStringLiteral("99");
        },
        5000));
    EXPECT_EQ(model.rowCount(), 50);
}

// Helpers for the session tests: a kastle-broker process on a temporary data directory, a
// profile pointing at it, waiting for futures and snapshots while the event loop runs.
#pragma once

#include "processes.h"
#include "profiles/connectionprofile.h"
#include "session/clustersession.h"

#include <QFuture>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kastle::testing {

// A kastle-broker process over a fresh temporary directory, started on a free port.
class BrokerFixture
{
public:
    explicit BrokerFixture(std::vector<std::string> extraArgs = {});
    bool start();
    // Stops with SIGTERM and starts again on the same port and data.
    bool restart();
    void stop();
    const std::string &bootstrap() const { return m_bootstrap; }
    QString bootstrapQ() const { return QString::fromStdString(m_bootstrap); }
    std::string log() const { return m_process ? m_process->log() : std::string(); }
    const QString &dir() const { return m_dirPath; }

private:
    QTemporaryDir m_dir;
    QString m_dirPath;
    std::vector<std::string> m_extraArgs;
    std::unique_ptr<BrokerProcess> m_process;
    std::string m_bootstrap;
};

core::ConnectionProfile plainProfile(const QString &bootstrap,
                                     const QString &id = QStringLiteral("p1"));

// Fast schedules so tests do not wait long for rounds.
core::SessionOptions fastOptions();

// Runs the event loop until `ready` holds or `ms` passed.
bool waitUntil(const std::function<bool()> &ready, int ms = 20000);

// Waits for a future, running the event loop; fails the test when it does not finish.
template<class T>
T await(QFuture<T> future, int ms = 30000)
{
    const bool done = QTest::qWaitFor([&] { return future.isFinished(); }, ms);
    EXPECT_TRUE(done) << "operation did not finish";
    EXPECT_FALSE(future.isCanceled());
    return future.result();
}

// The session's latest snapshot, once `pred` holds for it (null after the timeout).
core::ClusterSnapshotPtr
snapshotWhere(core::ClusterSession &session,
              const std::function<bool(const core::ClusterSnapshot &)> &pred, int ms = 20000);

} // namespace kastle::testing

// Session test helpers.
#include "sessiontesting.h"

#include <csignal>

namespace kastle::testing {

BrokerFixture::BrokerFixture(std::vector<std::string> extraArgs)
    : m_dirPath(m_dir.path())
    , m_extraArgs(std::move(extraArgs))
{}

bool BrokerFixture::start()
{
    m_process = std::make_unique<BrokerProcess>(QString(m_dirPath + QStringLiteral("/data")).toStdString(),
                                                m_extraArgs);
    if (!m_process->start())
        return false;
    m_bootstrap = m_process->bootstrap();
    return true;
}

bool BrokerFixture::restart()
{
    const std::string port = m_bootstrap.substr(m_bootstrap.rfind(':') + 1);
    stop();
    std::vector<std::string> args = m_extraArgs;
    args.push_back("--port");
    args.push_back(port);
    m_process =
        std::make_unique<BrokerProcess>(QString(m_dirPath + QStringLiteral("/data")).toStdString(), args);
    // The port may linger briefly after the old process exits.
    for (int i = 0; i < 20; ++i) {
        if (m_process->start())
            return m_process->bootstrap() == m_bootstrap;
        QTest::qWait(250);
    }
    return false;
}

void BrokerFixture::stop()
{
    if (m_process && m_process->isRunning())
        m_process->stop(SIGTERM);
}

core::ConnectionProfile plainProfile(const QString &bootstrap, const QString &id)
{
    core::ConnectionProfile p;
    p.id = id;
    p.name = QStringLiteral("test ") + id;
    p.bootstrapServers = bootstrap;
    return p;
}

core::SessionOptions fastOptions()
{
    using std::chrono::milliseconds;
    core::SessionOptions o;
    o.metadataInterval = milliseconds(500);
    o.offsetsInterval = milliseconds(300);
    o.sizesInterval = milliseconds(500);
    o.lagSecondsInterval = milliseconds(500);
    o.configsInterval = milliseconds(2000);
    o.reconnectMin = milliseconds(200);
    o.reconnectMax = milliseconds(1000);
    o.publishDelay = milliseconds(20);
    return o;
}

bool waitUntil(const std::function<bool()> &ready, int ms)
{
    return QTest::qWaitFor(ready, ms);
}

core::ClusterSnapshotPtr
snapshotWhere(core::ClusterSession &session,
              const std::function<bool(const core::ClusterSnapshot &)> &pred, int ms)
{
    core::ClusterSnapshotPtr found;
    waitUntil(
        [&] {
            auto s = session.snapshot();
            if (s && pred(*s))
                found = s;
            return found != nullptr;
        },
        ms);
    return found;
}

} // namespace kastle::testing

// LocalCluster: data directory, controller and brokers of one process.
#include "localcluster.h"

#include "security/listeners.h"
#include "storage/fileio.h"

#include <cerrno>
#include <sys/stat.h>

namespace kastle::broker {

LocalCluster::LocalCluster(ClusterOptions options)
    : m_options(std::move(options))
{}

LocalCluster::~LocalCluster()
{
    stop();
}

std::string LocalCluster::start()
{
    // mkdir -p: the data directory may be new, its parents too.
    for (size_t pos = 1; pos <= m_options.dataDir.size(); ++pos) {
        if (pos != m_options.dataDir.size() && m_options.dataDir[pos] != '/')
            continue;
        const std::string prefix = m_options.dataDir.substr(0, pos);
        if (::mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST)
            return fileio::errorText("cannot create the data directory", prefix, errno);
    }
    std::string error;
    m_lock = DirectoryLock::acquire(m_options.dataDir, error);
    if (!m_lock)
        return error;

    Controller::Options controllerOptions;
    controllerOptions.metadataDir = m_options.dataDir + "/meta";
    controllerOptions.snapshotThresholdBytes = m_options.metadataSnapshotBytes;
    m_controller = Controller::open(controllerOptions, m_options.config, &error);
    if (!m_controller) {
        m_lock.reset();
        return error;
    }
    std::shared_ptr<const SecuritySetup> security;
    if (!m_options.security.listeners.empty()) {
        security = SecuritySetup::create(m_options.security, m_options.host, m_options.port, error);
        if (!security) {
            stop();
            return error;
        }
    }
    for (int i = 1; i <= m_options.brokers; ++i) {
        BrokerOptions b;
        b.security = security;
        b.id = i;
        b.host = m_options.host;
        b.port = m_options.port == 0 ? 0 : static_cast<uint16_t>(m_options.port + i - 1);
        b.logDir = m_options.dataDir + "/broker-" + std::to_string(i);
        b.maxOpenFiles = m_options.maxOpenFilesPerBroker;
        b.retentionCheckIntervalMs = m_options.retentionCheckIntervalMs;
        auto broker = std::make_unique<Broker>(*m_controller, b);
        error = broker->start();
        if (!error.empty()) {
            stop();
            return "broker " + std::to_string(i) + ": " + error;
        }
        m_brokers.push_back(std::move(broker));
    }
    return {};
}

void LocalCluster::stop()
{
    for (auto &b : m_brokers)
        b->stop();
    m_brokers.clear();
    if (m_controller)
        m_controller->sync();
    m_controller.reset();
    m_lock.reset();
}

std::string LocalCluster::bootstrap() const
{
    std::string s;
    for (const auto &b : m_brokers) {
        if (!s.empty())
            s += ',';
        s += b->host() + ':' + std::to_string(b->port());
    }
    return s;
}

} // namespace kastle::broker

// The brokers of one process and their shared controller, over one data directory:
//
//   DATA/.lock            held while the process runs (a second process refuses to start)
//   DATA/meta/            the cluster metadata (metadatalog.h)
//   DATA/broker-<id>/     each broker's log directory (logmanager.h)
//
// kastle-broker runs one LocalCluster; tests start one in-process on 127.0.0.1:0 and reach the
// brokers' test controls from the test thread. Brokers get ids 1..N; with a fixed port, broker
// i listens on port + i - 1.
#pragma once

#include "broker.h"
#include "security/securityoptions.h"

#include "storage/dirlock.h"

#include <memory>
#include <vector>

namespace kastle::broker {

struct ClusterOptions
{
    std::string dataDir;
    std::string host = "127.0.0.1";
    uint16_t port = 0;
    int brokers = 1;
    BrokerConfig config;
    int64_t metadataSnapshotBytes = 8 * 1024 * 1024;
    size_t maxOpenFilesPerBroker = LogContext::kDefaultMaxOpenFiles;
    int64_t retentionCheckIntervalMs = 300000;
    // Listeners, SASL users, TLS; no listeners: one PLAINTEXT listener on host:port.
    SecurityOptions security;
};

class LocalCluster
{
public:
    explicit LocalCluster(ClusterOptions options);
    ~LocalCluster();
    LocalCluster(const LocalCluster &) = delete;
    LocalCluster &operator=(const LocalCluster &) = delete;

    // Locks the data directory, opens the metadata and starts every broker. Returns "" once
    // all listeners accept connections, else a sentence (and nothing keeps running).
    std::string start();
    // Clean shutdown of every broker, then the metadata. Idempotent.
    void stop();

    // "host:port,host:port" of the running brokers.
    std::string bootstrap() const;
    size_t brokerCount() const { return m_brokers.size(); }
    Broker &broker(size_t index = 0) { return *m_brokers.at(index); }
    Controller &controller() { return *m_controller; }
    const ClusterOptions &options() const { return m_options; }

private:
    ClusterOptions m_options;
    std::unique_ptr<DirectoryLock> m_lock;
    std::unique_ptr<Controller> m_controller;
    std::vector<std::unique_ptr<Broker>> m_brokers;
};

} // namespace kastle::broker

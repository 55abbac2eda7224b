// One Kafka broker: its id, its event loop thread, its listener and connections, the handler
// table, its log directory, the partitions it hosts and the fetches waiting for data.
//
// Threads: start() and stop() are called from the owning thread (main, or a test). Everything
// else that touches partitions, logs or waiters runs on the broker's loop thread: handlers,
// metadata reconciliation (posted there by the controller's listener), storage ticks. The test
// controls (dispatcher().injectErrors/setLatency) are thread-safe.
//
// Partitions: the cluster image says which partitions this broker hosts; the broker keeps a
// Partition per hosted partition with its log, leader epoch and high watermark. A topic change
// is reconciled by name against the newest image (new partitions get their logs, deleted or
// recreated topics lose theirs, config changes reach storage), so the order in which changes
// are noticed does not matter. One broker per process for now: the ISR is always this broker,
// so the high watermark follows the log end after each append.
//
// Beside the partitions the broker owns its group coordinator (groups/), the idempotent
// producers' state (producers/) and one Server per listener (security/listeners.h).
#pragma once

#include "cluster/controller.h"
#include "server/server.h"
#include "storage/logmanager.h"

#include <future>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>

namespace kastle::broker {

class GroupCoordinator;
class ProducerIdManager;
class ProducerStateStore;
class SecuritySetup;

struct BrokerOptions
{
    int32_t id = 1;
    std::string host = "127.0.0.1";
    uint16_t port = 0;
    std::string logDir;
    std::optional<std::string> rack;
    size_t maxOpenFiles = LogContext::kDefaultMaxOpenFiles;
    int64_t storageTickMs = 200;
    // How often retention visits the partitions (Kafka's log.retention.check.interval.ms).
    int64_t retentionCheckIntervalMs = 300000;
    // How long a clean shutdown waits for responses already being written.
    int64_t shutdownDrainMs = 3000;
    // Listeners, SASL users and TLS, shared by the brokers of a process; listener ports other
    // than 0 are offset by id - 1. Null: one PLAINTEXT listener on host:port.
    std::shared_ptr<const SecuritySetup> security;
};

// Someone waiting for data on partitions (a long-polling Fetch). Called on the loop thread.
class PartitionWaiter
{
public:
    virtual ~PartitionWaiter() = default;
    // `bytes` were appended to one of the partitions waited on.
    virtual void onAppend(int64_t bytes) = 0;
    // The partition went away or changed leadership: answer now.
    virtual void onPartitionChanged() = 0;
};

// A hosted partition as this broker serves it.
struct Partition
{
    TopicPartition topicPartition;
    PartitionLog *log = nullptr; // owned by the LogManager; valid while this Partition exists
    int32_t leaderEpoch = 0;
    bool isLeader = false;
    int64_t highWatermark = 0;
    std::vector<std::weak_ptr<PartitionWaiter>> waiters;
};

class Broker
{
public:
    Broker(Controller &controller, BrokerOptions options);
    ~Broker();
    Broker(const Broker &) = delete;
    Broker &operator=(const Broker &) = delete;

    // Opens the log directory, listens, registers with the controller and starts the loop
    // thread. Returns "" once the port accepts connections, else a sentence.
    std::string start();
    // Clean shutdown: stops accepting, answers waiting fetches, lets responses being written
    // finish (bounded), stops the loop and closes the logs cleanly. Idempotent.
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

    int32_t id() const { return m_options.id; }
    const std::string &host() const { return m_options.host; }
    uint16_t port() const { return m_port; }
    const std::string &logDir() const { return m_options.logDir; }
    Controller &controller() { return m_controller; }
    const BrokerConfig &config() const { return m_controller.brokerConfig(); }
    Dispatcher &dispatcher() { return m_dispatcher; }
    EventLoop &loop() { return m_loop; }

    // ---- loop thread -------------------------------------------------------------------------
    ImagePtr image() const { return m_controller.image(); }
    LogManager &logs() { return *m_logs; }

    // The partition this broker leads, opened on first use. Null with `error` set to
    // UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER or KAFKA_STORAGE_ERROR otherwise.
    // `topic` (when given) receives the image's entry of the topic.
    Partition *leaderPartition(std::string_view topic, int32_t index, protocol::ErrorCode &error,
                               TopicPtr *info = nullptr);

    // After an append: moves the high watermark and wakes the partition's waiters.
    void onAppended(Partition &partition, int64_t bytes);
    void addWaiter(Partition &partition, std::weak_ptr<PartitionWaiter> waiter);

    // Creates topics the way auto-creation does (broker defaults), for Metadata and Produce.
    std::vector<AdminResult> autoCreateTopics(const std::vector<std::string> &names);

    GroupCoordinator &groups() { return *m_groups; }
    ProducerStateStore &producers() { return *m_producers; }
    ProducerIdManager &producerIds() { return *m_producerIds; }

private:
    struct HostedTopic
    {
        protocol::Uuid id;
        TopicPtr info; // the image entry last reconciled
        std::vector<std::unique_ptr<Partition>> partitions;
    };
    struct NameHash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    void reconcile(const ClusterImage &image, const std::string &topic);
    void reconcileAll();
    void dropTopic(const std::string &name);
    HostedTopic *hosted(std::string_view topic, const TopicPtr &info);
    void scheduleTick();
    void beginShutdown(std::promise<void> &done);
    // Waits (polling the loop) until every connection has closed or `deadline` passed.
    void finishShutdown(int64_t deadline, std::promise<void> *done);

    Controller &m_controller;
    BrokerOptions m_options;
    EventLoop m_loop;
    Dispatcher m_dispatcher;
    std::vector<std::unique_ptr<Server>> m_servers; // one per listener, the first one's port
    std::unique_ptr<LogManager> m_logs;
    std::unique_ptr<ProducerIdManager> m_producerIds;
    std::unique_ptr<ProducerStateStore> m_producers;
    std::unique_ptr<GroupCoordinator> m_groups;
    LogConfig m_defaultLogConfig; // what storage applies to topics without settings of their own
    std::unordered_map<std::string, HostedTopic, NameHash, std::equal_to<>> m_topics;
    std::thread m_thread;
    uint16_t m_port = 0;
    int m_listenerId = 0;
    bool m_stopping = false;
};

} // namespace kastle::broker

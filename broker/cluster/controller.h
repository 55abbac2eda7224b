// The in-process controller: owner of the cluster metadata. It validates admin changes with
// Kafka's rules and error codes, writes each accepted change as one entry of the metadata log
// (durable before it is acknowledged), and publishes a new immutable ClusterImage.
//
// Threads: every method may be called from any broker's loop thread; changes are serialised by
// one mutex, held only for the validation, one append to the page cache and the publication.
// image() is a lock-free atomic load. Listeners run after a change, outside the lock, on the
// thread that made it, with the names of the topics the change touched; they reconcile each
// name against image() themselves, so the order in which two threads' notifications arrive
// does not matter.
//
// Brokers are registered at start and are not persisted (their ports change from run to run);
// topics, partitions, leaders, leader epochs, ISR and topic configs are.
#pragma once

#include "metadatarecords.h"

#include "config/brokerconfig.h"

#include "errors.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace kastle::broker {

class MetadataLog;

struct AdminResult
{
    protocol::ErrorCode code = protocol::ErrorCode::None;
    std::string message;

    bool ok() const { return code == protocol::ErrorCode::None; }
    static AdminResult error(protocol::ErrorCode c, std::string m) { return {c, std::move(m)}; }
};

struct NewTopic
{
    std::string name;
    int32_t numPartitions = -1;     // -1: the broker's num.partitions
    int16_t replicationFactor = -1; // -1: the broker's default.replication.factor
    // Manual placement: (partition, broker ids). When given, the two counts above must be -1.
    std::vector<std::pair<int32_t, std::vector<int32_t>>> assignments;
    ConfigMap configs; // validated here
};

struct NewPartitions
{
    std::string topic;
    int32_t totalCount = 0;
    // Placement of each new partition, in order; nullopt lets the controller place them.
    std::optional<std::vector<std::vector<int32_t>>> assignments;
};

class Controller
{
public:
    struct Options
    {
        std::string metadataDir;
        int64_t snapshotThresholdBytes = 8 * 1024 * 1024;
        // Largest partition count of one topic (protects memory from a mistyped request).
        int32_t maxPartitionsPerTopic = 100000;
    };

    // Replays the metadata directory (creating the cluster id on first start). Returns null with
    // a sentence when the metadata cannot be opened.
    static std::unique_ptr<Controller> open(const Options &options, const BrokerConfig &config,
                                            std::string *error);
    ~Controller();
    Controller(const Controller &) = delete;
    Controller &operator=(const Controller &) = delete;

    ImagePtr image() const { return m_image.load(std::memory_order_acquire); }
    const BrokerConfig &brokerConfig() const { return m_config; }

    // Adds (or updates) a live broker; the first registered broker is the controller id.
    void registerBroker(BrokerEndpoint endpoint);

    // One result per request entry, in order. With validateOnly nothing changes.
    std::vector<AdminResult> createTopics(const std::vector<NewTopic> &topics, bool validateOnly);
    std::vector<AdminResult> deleteTopics(const std::vector<std::string> &names);
    std::vector<AdminResult> createPartitions(const std::vector<NewPartitions> &requests,
                                              bool validateOnly);
    // Replaces the topic's overrides with `overrides` (values already validated).
    AdminResult setTopicConfigs(const std::string &topic, const ConfigMap &overrides,
                                bool validateOnly);

    // A listener must be quick and must not call the controller (it runs under a lock that
    // removeListener takes); brokers post the names to their loop.
    using Listener = std::function<void(const std::vector<std::string> &changedTopics)>;
    int addListener(Listener listener);
    // After it returns the listener is never called again.
    void removeListener(int id);

    // fsync of the metadata log (clean shutdown).
    void sync();

private:
    Controller(const Options &options, const BrokerConfig &config);

    // Appends and publishes; the caller holds m_mutex. Returns "" or the failure sentence.
    std::string commit(const std::vector<MetadataRecord> &records);
    void publish(ImagePtr image);
    void notify(const std::vector<std::string> &changedTopics);
    std::vector<std::vector<int32_t>> place(const ClusterImage &image, int32_t firstPartition,
                                            int32_t count, int16_t replicationFactor);
    AdminResult checkAssignment(const ClusterImage &image,
                                const std::vector<std::vector<int32_t>> &assignment,
                                size_t replicationFactor) const;

    Options m_options;
    BrokerConfig m_config;
    std::mutex m_mutex;
    std::unique_ptr<MetadataLog> m_log;
    std::atomic<ImagePtr> m_image;
    uint64_t m_placementSeed;

    std::mutex m_listenerMutex;
    std::vector<std::pair<int, Listener>> m_listeners;
    int m_nextListenerId = 1;
};

// A random topic id (never zero).
protocol::Uuid randomUuid();
// Kafka's textual form of a Uuid: URL-safe base64 without padding (22 characters).
std::string uuidToBase64(const protocol::Uuid &id);

} // namespace kastle::broker

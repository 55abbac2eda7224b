// The cluster metadata as an immutable image: cluster id, brokers, topics with their partitions
// (replicas, leader, leader epoch, ISR) and config overrides.
//
// The controller publishes a new image for every change; any broker loop reads the image it
// holds without locks, and an image never changes once published. To keep a change cheap with
// 10,000 topics, topics live in a TopicTable: a fixed number of shards, each an immutable
// sorted map shared between images, so a new image copies the shard pointers and only the
// shards it touches.
#pragma once

#include "config/topicconfig.h"

#include "schema.h"

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kastle::broker {

// One listener of a broker, by name (PLAINTEXT, SASL_SSL... or a name given to it).
struct ListenerEndpoint
{
    std::string name;
    std::string host;
    int32_t port = 0;
    bool operator==(const ListenerEndpoint &) const = default;
};

struct BrokerEndpoint
{
    int32_t id = 0;
    std::string host;
    int32_t port = 0;
    std::optional<std::string> rack;
    // Every listener; host/port above are the first one's. Empty: that one listener only.
    std::vector<ListenerEndpoint> listeners = {};
    bool operator==(const BrokerEndpoint &) const = default;
};

struct PartitionInfo
{
    std::vector<int32_t> replicas; // the first one is the preferred leader
    std::vector<int32_t> isr;
    int32_t leader = -1;
    int32_t leaderEpoch = 0;
    bool operator==(const PartitionInfo &) const = default;
};

struct TopicInfo
{
    std::string name;
    protocol::Uuid id;
    bool internal = false;
    std::vector<PartitionInfo> partitions;
    ConfigMap configs;  // the topic's overrides
    TopicConfig config; // effective configuration (overrides over broker defaults)
};

using TopicPtr = std::shared_ptr<const TopicInfo>;

// Orders names so that two names differing only by '.' versus '_' compare equal: a table
// holds at most one topic per collision class, and looking up one name finds its collision.
struct CollisionLess
{
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const;
};

class TopicTable
{
public:
    static constexpr size_t kShards = 256;

    TopicTable();

    // The topic named exactly `name`, or null.
    TopicPtr find(std::string_view name) const;
    // The topic whose name collides with `name` (equal, or equal up to '.'/'_'), or null.
    TopicPtr findCollision(std::string_view name) const;

    // Adds or replaces the topic of this name (copying only its shard).
    void put(TopicPtr topic);
    void erase(std::string_view name);

    size_t size() const { return m_size; }
    // Calls fn for every topic, in shard order then name order (stable for one table).
    void forEach(const std::function<void(const TopicPtr &)> &fn) const;

private:
    using Shard = std::map<std::string, TopicPtr, CollisionLess>;
    static size_t shardOf(std::string_view name);

    std::array<std::shared_ptr<const Shard>, kShards> m_shards;
    size_t m_size = 0;
};

struct ClusterImage
{
    uint64_t version = 0; // grows with every published change
    std::string clusterId;
    int32_t controllerId = -1;
    std::vector<BrokerEndpoint> brokers; // sorted by id
    TopicTable topics;
    int64_t partitionCount = 0;

    const BrokerEndpoint *broker(int32_t id) const;
};

using ImagePtr = std::shared_ptr<const ClusterImage>;

} // namespace kastle::broker
